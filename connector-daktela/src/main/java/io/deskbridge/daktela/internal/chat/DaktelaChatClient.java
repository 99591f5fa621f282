package io.deskbridge.daktela.internal.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.core.action.Action;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.Customer;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Owner;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.HelpdeskClient;
import io.deskbridge.core.webhook.InboundEvent;
import io.deskbridge.daktela.DaktelaChatConfig;
import io.deskbridge.daktela.internal.mapping.DaktelaApiException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The external bot's side of a Daktela web chat. The protocol has no read call, so a load is what this connector saw
 * of the chat since it started ({@link DaktelaChatChats}: the customer's messages as they came in, the bot's answers
 * as Daktela accepted them) plus the triggering message; the owner is a person once the chat was transferred or
 * Daktela refused an answer as the chat is no longer the bot's. Writes are POSTs to the chat's {@code response_url},
 * only ever on the configured instance's origin:
 *
 * <ul>
 *   <li>a public reply: a text;
 *   <li>the handover summary (an internal note that starts as core renders a handover): with {@code summaryInChat}, its
 *       customer-safe lines (why without judgements such as anger, the request, key facts, what the bot did, the
 *       after-hours line; never the tone, language or confidence) as a text, where the agent reads it above the
 *       transfer; the protocol has no agent-only note. Other notes (drafts) have nowhere to go in a chat and are
 *       dropped;
 *   <li>an assignment: {@code transfer} to the queue whose number the routing target is. Core sends the customer's
 *       message before it ({@code HANDOVER_ENDS_BOT_WRITES}): after it Daktela refuses the bot's answers.
 * </ul>
 *
 * <p>A chat has no subject, so a conversation's {@code subject} holds the chat's {@code response_url}: the engine
 * stores it with the event and the conversation, so a write after a restart (which empties the in-memory record)
 * still knows where to go. A write whose answer was lost in a crash cannot be checked (no read call) and is sent
 * again: at least once, not exactly once.
 *
 * <p>A 409 from Daktela (the chat left the bot) marks the chat as the people's and is thrown as a conflict, so core
 * re-reads, sees a person and cancels the rest. Thread-safe.
 */
public final class DaktelaChatClient implements HelpdeskClient {
  public static final String VENDOR = "daktela-chat";
  /** The author id of the bot's answers (the protocol gives them no author and no id). */
  public static final String BOT_ID = "deskbridge-bot";
  /** The first line of a handover note as core renders it. */
  static final String HANDOVER_NOTE = "Deskbridge handover";
  /** The lines of a handover note a customer may read (core's after-hours lines say what the customer was told). */
  static final List<String> CUSTOMER_SAFE = List.of("Why:", "Request:", "Key facts:", "Bot already:",
      "Outside business hours", "No agent was online");
  /** Reasons a customer should not read about themselves. */
  static final Set<String> JUDGEMENTS = Set.of("anger", "sarcasm");
  static final String SUMMARY_TITLE = "Summary for the colleague who takes over:";

  private static final Logger log = LoggerFactory.getLogger(DaktelaChatClient.class);

  private final String installationId;
  private final DaktelaChatConfig config;
  private final String settingsPath;
  private final Clock clock;
  private final DaktelaChatHost host;
  private final DaktelaChatChats chats = new DaktelaChatChats();
  private final DaktelaChatApi api;
  private final Optional<DaktelaChatAvailability> availability;

  /** @param settingsPath where the settings are, e.g. {@code installations[chat].settings}, for start-up errors */
  public DaktelaChatClient(String installationId, DaktelaChatConfig config, String settingsPath, Clock clock) {
    this(installationId, config, settingsPath, clock, Optional.empty());
  }

  /**
   * @param availability what {@link #agentsOnline} asks, when the settings give REST API access; else it answers
   *                     {@code UNKNOWN}
   */
  public DaktelaChatClient(String installationId, DaktelaChatConfig config, String settingsPath, Clock clock,
      Optional<DaktelaChatAvailability> availability) {
    this.availability = availability;
    this.installationId = installationId;
    this.config = config;
    this.settingsPath = settingsPath;
    this.clock = clock;
    this.host = DaktelaChatHost.of(config.url());
    this.api = DaktelaChatHttp.api(config);
  }

  /** The inbound endpoint, sharing what this client knows of the chats. */
  public DaktelaChatWebhookEndpoint webhookEndpoint(String installationId) {
    return new DaktelaChatWebhookEndpoint(installationId, config.botToken(), config.tokenHeader(), host, chats);
  }

  /** No call: the protocol has none to make before a customer writes (nor a "who am I"). */
  @Override
  public Identity whoAmI() {
    return new Identity(BOT_ID, "Deskbridge (Daktela web chat " + installationId + ")");
  }

  /**
   * Every routing target must be a queue number, as {@code transfer} takes it; whether the queue exists and takes
   * chats cannot be checked (the protocol has no read call), so a wrong number shows at the first handover.
   */
  @Override
  public void checkRoutes(Set<String> targets) {
    for (String t : targets) {
      if (!t.matches("[1-9][0-9]{0,9}")) {
        throw new VendorException(VendorException.Kind.INVALID, "routing target '" + t + "' is not a Daktela queue "
            + "number: set the routing of the installation at " + settingsPath.replaceFirst("\\.settings$", "")
            + " to chat queue numbers (Manage > Queues, e.g. 3201)", null);
      }
    }
  }

  /**
   * Whether any agent of the instance is online ({@link DaktelaChatAvailability}: not the routing target's queue
   * alone, which the realtime sessions do not show); {@code UNKNOWN} without REST API access. Failures are thrown for
   * the error mapper; core asks best effort, so they never hold up the handover.
   */
  @Override
  public Availability agentsOnline(AvailabilityRequest request) {
    return availability.map(a -> a.online(request.routingTarget())).orElse(Availability.UNKNOWN);
  }

  @Override
  public Conversation load(LoadRequest request) {
    String name = request.key().externalId();
    var chat = chats.get(name);
    var messages = new ArrayList<Message>(chat.map(DaktelaChatChats.Chat::messages).orElse(List.of()));
    // control came back with a message (DaktelaChatWebhookEndpoint): the release is read before that message
    String toBot = DaktelaChatWebhookEndpoint.TO_BOT;
    request.trigger().filter(t -> t.kind() == InboundEvent.Kind.RELEASED_TO_BOT && t.id().endsWith(toBot))
        .map(t -> t.id().substring(0, t.id().length() - toBot.length()))
        .ifPresent(m -> messages.subList(index(messages, m), messages.size()).clear());
    request.trigger().flatMap(t -> t.message())
        .filter(m -> messages.stream().noneMatch(k -> k.id().equals(m.id()))).ifPresent(messages::add);
    Owner owner = chat.flatMap(DaktelaChatChats.Chat::queue).map(q -> Owner.human("transferred to queue " + q))
        .or(() -> chat.flatMap(DaktelaChatChats.Chat::left).map(Owner::human)).orElse(Owner.BOT);
    String responseUrl = chat.map(c -> c.responseUrl().toString())
        .or(() -> request.trigger().flatMap(t -> t.snapshot()).map(Conversation::subject)).orElse("");
    return new Conversation(request.key(), Channel.CHAT, responseUrl, Customer.UNKNOWN,
        chat.flatMap(DaktelaChatChats.Chat::queue).orElse(""), "", Set.of(),
        chat.map(DaktelaChatChats.Chat::closed).orElse(false), messages, "", owner);
  }

  /** Where the message is in the list; its size when it is not there. */
  private static int index(List<Message> messages, String id) {
    for (int i = 0; i < messages.size(); i++) {
      if (messages.get(i).id().equals(id)) {
        return i;
      }
    }
    return messages.size();
  }

  /** One operation; see the class comment. */
  @Override
  public Applied apply(ApplyRequest request) {
    String name = request.conversation().key().externalId();
    String stored = request.conversation().subject();
    var created = new ArrayList<String>();
    for (Action action : request.actions()) {
      if (action instanceof Action.PublicReply reply) {
        post(name, stored, DaktelaChatWire.text(name, reply.text()));
        created.add(botWrote(name, Visibility.PUBLIC, reply.text()));
      } else if (action instanceof Action.InternalNote note) {
        if (!note.text().startsWith(HANDOVER_NOTE)) {
          log.debug("{}: a note on chat {} has nowhere to go in a chat; dropped", installationId, name);
        } else if (config.summaryInChat()) {
          post(name, stored, DaktelaChatWire.text(name, customerSafe(note.text())));
          created.add(botWrote(name, Visibility.INTERNAL, note.text()));
        }
      } else if (action instanceof Action.AssignGroup group) {
        post(name, stored, DaktelaChatWire.transfer(name, queue(group.groupId())));
        chats.transferred(name, group.groupId());
      }
      // tags: the connector declares no TAGS capability, so core sends none
    }
    return new Applied(created, "");
  }

  /**
   * The handover note's lines a customer may read, under a title: why (without judgements such as anger), the
   * request, key facts, what the bot did and the after-hours line; never the tone, language or confidence.
   */
  static String customerSafe(String note) {
    var lines = new ArrayList<String>(List.of(SUMMARY_TITLE));
    note.lines().filter(l -> CUSTOMER_SAFE.stream().anyMatch(l::startsWith)).map(DaktelaChatClient::withoutJudgements)
        .filter(l -> !l.isEmpty()).forEach(lines::add);
    return String.join("\n", lines);
  }

  /** A {@code Why:} line without the reasons in {@link #JUDGEMENTS}; empty when none is left. Other lines as they are. */
  private static String withoutJudgements(String line) {
    if (!line.startsWith("Why:")) {
      return line;
    }
    var reasons = java.util.Arrays.stream(line.substring(4).split(",")).map(String::strip)
        .filter(r -> !r.isEmpty() && !JUDGEMENTS.contains(r)).toList();
    return reasons.isEmpty() ? "" : "Why: " + String.join(", ", reasons);
  }

  private String botWrote(String chat, Visibility visibility, String text) {
    String id = "deskbridge_" + UUID.randomUUID();
    chats.botWrote(chat, new Message(id, AuthorRole.BOT, visibility, BOT_ID, text, clock.instant()));
    return id;
  }

  private static long queue(String target) {
    if (!target.matches("[1-9][0-9]{0,9}")) {
      throw new VendorException(VendorException.Kind.INVALID, "routing target '" + target + "' is not a Daktela "
          + "queue number", null);
    }
    return Long.parseLong(target);
  }

  /** POSTs an answer to the chat's {@code response_url}, refused unless it is on the configured origin. */
  private void post(String chat, String stored, JsonNode body) {
    URI url = chats.get(chat).map(DaktelaChatChats.Chat::responseUrl).or(() -> uri(stored))
        .orElseThrow(() -> new VendorException(VendorException.Kind.INVALID, "no response_url known for chat " + chat,
            null));
    if (!host.holds(url)) { // the endpoint refuses such messages; checked again before any call
      throw new VendorException(VendorException.Kind.INVALID, "refused to post to a response_url off the configured "
          + "Daktela instance " + host + " (" + settingsPath + ".url)", null);
    }
    chats.remember(chat, url); // known again after a restart, so what the bot writes is recorded
    JsonNode answer;
    try {
      answer = api.answer(url, body);
    } catch (DaktelaApiException e) {
      if (e.status() == 409) {
        chats.left(chat, "the chat left the bot (Daktela answered 409)");
      }
      throw e;
    }
    DaktelaChatWire.problem(answer).ifPresent(p -> {
      throw new VendorException(VendorException.Kind.INVALID, "Daktela did not accept the answer for chat " + chat
          + ": " + p, null);
    });
  }

  private static Optional<URI> uri(String text) {
    try {
      return text.isBlank() ? Optional.empty() : Optional.of(new URI(text));
    } catch (URISyntaxException e) {
      return Optional.empty();
    }
  }

  public void close() {
    // the JDK HTTP client has nothing to close on Java 17
  }
}
