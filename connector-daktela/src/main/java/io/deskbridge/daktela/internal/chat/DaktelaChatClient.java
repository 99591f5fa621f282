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
import io.deskbridge.core.webhook.LogSafe;
import io.deskbridge.daktela.DaktelaChatConfig;
import io.deskbridge.daktela.internal.client.DaktelaFollowUpTickets;
import io.deskbridge.daktela.internal.mapping.DaktelaApiException;
import io.deskbridge.daktela.internal.mapping.DaktelaErrorMapper;
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
 * from the moment they were POSTed) plus the triggering message; the owner is a person once the chat was transferred or
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
 * still knows where to go.
 *
 * <p><b>At most once.</b> The protocol has no read call and no id for the bot's answers (daktela.md §3.3), so a POST
 * that got no answer (a timeout, an I/O failure, a 5xx other than 503) cannot be checked: it may have reached the
 * customer. A text (a reply, the summary) is therefore recorded as written <em>before</em> its POST; Daktela refusing
 * it (a 4xx, a 503, an answer that is not OK) forgets it, and core may send it again; no answer keeps it, logged as a
 * warning starting "outcome unknown", and core's re-read finds it written and does not post it twice. Such a message
 * may be missing from the chat, never doubled. A transfer is sent again after no answer (a second transfer changes
 * nothing the customer sees). A crash empties the in-memory record, so the connector declares
 * {@code UNVERIFIABLE_WRITES}: core counts the messages of a write a crash interrupted as sent, and sends only its
 * transfer again.
 *
 * <p>A 409 from Daktela means the chat is no longer the bot's (transferred or closed; daktela.md lists no 409 for the
 * protocol, this is the fake's and the connector's reading): repeating the call cannot succeed. It marks the chat as
 * the people's; a text is then refused for good ({@code FORBIDDEN}, not retried; core audits it), nothing more is
 * POSTed to the chat until the customer gives it back to the bot (later texts of the decision are refused without a
 * call, its transfer is skipped), and a transfer counts as done (the chat has left the bot, which is what it was for; a
 * transfer sent again after no answer meets this 409 when the first one had landed). Thread-safe.
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
  private final Optional<DaktelaFollowUpTickets> followUps;
  /** The follow-up ticket of each chat that got one, by the chat's name, for the summary that names it. */
  private final java.util.Map<String, Long> followUpOf = new java.util.concurrent.ConcurrentHashMap<>();

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
    this(installationId, config, settingsPath, clock, availability, Optional.empty());
  }

  /**
   * @param followUps where a chat handed over while nobody can answer becomes a ticket, when the settings name a
   *                  {@code followUpCategory} (core then sends {@link Action.FollowUpTicket})
   */
  public DaktelaChatClient(String installationId, DaktelaChatConfig config, String settingsPath, Clock clock,
      Optional<DaktelaChatAvailability> availability, Optional<DaktelaFollowUpTickets> followUps) {
    this.availability = availability;
    this.followUps = followUps;
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

  /**
   * No call of the protocol (it has none to make before a customer writes, nor a "who am I"); with a
   * {@code followUpCategory}, the REST API is asked whether that ticket category exists, so a wrong one (or a refused
   * token) stops the start with one line.
   */
  @Override
  public Identity whoAmI() {
    followUps.ifPresent(t -> t.checkCategory(settingsPath + ".followUpCategory"));
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
        created.add(write(name, stored, DaktelaChatWire.text(name, reply.text()), Visibility.PUBLIC, reply.text()));
      } else if (action instanceof Action.InternalNote note) {
        if (!note.text().startsWith(HANDOVER_NOTE)) {
          log.debug("{}: a note on chat {} has nowhere to go in a chat; dropped", installationId, LogSafe.of(name));
        } else if (config.summaryInChat()) {
          String summary = customerSafe(note.text()) + followUpOf(name, note.text())
              .map(n -> "\nFollow-up ticket: " + DaktelaFollowUpTickets.shown(n)).orElse("");
          created.add(write(name, stored, DaktelaChatWire.text(name, summary), Visibility.INTERNAL, note.text()));
        }
      } else if (action instanceof Action.FollowUpTicket ticket) {
        var tickets = followUps.orElseThrow(() -> new VendorException(VendorException.Kind.INVALID, "a follow-up "
            + "ticket needs followUpCategory in " + settingsPath, null));
        long number = tickets.ensure(name, ticket.summary() + "\n\nTranscript:\n"
            + transcript(request.conversation().messages()));
        followUpOf.put(name, number);
        log.info("{}: chat {} is kept as follow-up ticket {}", installationId, LogSafe.of(name),
            DaktelaFollowUpTickets.shown(number));
      } else if (action instanceof Action.AssignGroup group) {
        if (hasLeft(name)) {
          log.info("{}: chat {} has left the bot (409) before its transfer to queue {}: nothing to send",
              installationId, LogSafe.of(name), group.groupId());
        } else if (post(name, target(name, stored), DaktelaChatWire.transfer(name, queue(group.groupId())))) {
          chats.transferred(name, group.groupId());
        } else {
          log.info("{}: chat {} had left the bot already (409) when its transfer to queue {} was sent: nothing to do",
              installationId, LogSafe.of(name), group.groupId());
        }
      }
      // tags: the connector declares no TAGS capability, so core sends none
    }
    return new Applied(created, "");
  }

  /**
   * The chat's follow-up ticket for a summary: the one made in this process, else, after a restart, the one Daktela
   * finds by the chat's title, asked only for a handover while nobody could answer (the note says so) and best effort:
   * a failing read leaves the summary without the number.
   */
  private Optional<Long> followUpOf(String chat, String note) {
    Long known = followUpOf.get(chat);
    if (known != null || followUps.isEmpty()) {
      return Optional.ofNullable(known);
    }
    if (!note.contains("\nOutside business hours") && !note.contains("\nNo agent was online")) {
      return Optional.empty();
    }
    try {
      return followUps.get().find(chat);
    } catch (RuntimeException e) {
      log.warn("{}: the follow-up ticket of chat {} could not be read ({}); the summary goes without its number",
          installationId, LogSafe.of(chat), e.getClass().getSimpleName());
      return Optional.empty();
    }
  }

  /** The chat's messages for the follow-up ticket, oldest first: who wrote each, and the text. */
  static String transcript(List<Message> messages) {
    var lines = new ArrayList<String>();
    for (Message m : messages) {
      String who = switch (m.role()) {
        case CUSTOMER -> "Customer";
        case BOT -> "Bot";
        default -> "Agent";
      };
      lines.add(who + ": " + m.text());
    }
    return String.join("\n", lines);
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

  /**
   * POSTs one of the bot's texts, recorded as written before the POST (at most once, see the class comment): a
   * refusal (a 4xx, a 503, an answer that is not OK) forgets it, so core may send it again; no answer (a timeout, an
   * I/O failure, another 5xx) keeps it, logged as a warning, and core's re-read finds it written. A 409 is thrown as
   * {@code FORBIDDEN}, which core does not retry.
   *
   * @param text what the record shows: the action's own text, by which core recognises a write that landed
   * @return the message's id in the record
   */
  private String write(String chat, String stored, JsonNode body, Visibility visibility, String text) {
    if (hasLeft(chat)) {
      throw new VendorException(VendorException.Kind.FORBIDDEN, "Daktela refused an earlier message in chat " + chat
          + ": the chat is no longer the bot's (HTTP 409); not sent", null);
    }
    URI url = target(chat, stored);
    String id = "deskbridge_" + UUID.randomUUID();
    chats.botWriting(chat, new Message(id, AuthorRole.BOT, visibility, BOT_ID, text, clock.instant()));
    try {
      if (!post(chat, url, body)) {
        throw new VendorException(VendorException.Kind.FORBIDDEN, "Daktela refused the bot's message in chat " + chat
            + ": the chat is no longer the bot's (HTTP 409); not sent again", null);
      }
    } catch (RuntimeException e) {
      Optional<String> unknown = unknownOutcome(e);
      if (unknown.isEmpty()) {
        chats.botRefused(chat, id);
      } else {
        log.warn("{}: outcome unknown: the bot's message in chat {} got no answer from Daktela ({}); it may have "
            + "reached the customer, so it counts as written and is not posted again (at most once)", installationId,
            LogSafe.of(chat), unknown.get());
      }
      throw e;
    }
    return id;
  }

  /**
   * Whether Daktela answered 409 in this chat since the customer last gave it to the bot: nothing more is POSTed to
   * it (the rest of a handover after a refused first message included), so one 409 costs one call.
   */
  private boolean hasLeft(String chat) {
    return chats.get(chat).flatMap(DaktelaChatChats.Chat::left).isPresent();
  }

  /**
   * Why nobody knows whether a failed POST reached the chat: no answer (a timeout, an I/O failure: the exception's
   * class, never its message, which may carry the URL), a 5xx other than 503, or an answer that cannot be read; empty
   * when Daktela refused it (a 4xx, a 503, an error in the answer), so it did not.
   */
  static Optional<String> unknownOutcome(RuntimeException e) {
    if (e instanceof DaktelaApiException a) {
      return a.status() >= 500 && a.status() != 503 ? Optional.of("HTTP " + a.status()) : Optional.empty();
    }
    if (e instanceof VendorException) {
      return Optional.empty(); // the answer was read and is not OK
    }
    Throwable cause = DaktelaErrorMapper.ioCauseOf(e);
    return Optional.of((cause == null ? e : cause).getClass().getSimpleName());
  }

  private static long queue(String target) {
    if (!target.matches("[1-9][0-9]{0,9}")) {
      throw new VendorException(VendorException.Kind.INVALID, "routing target '" + target + "' is not a Daktela "
          + "queue number", null);
    }
    return Long.parseLong(target);
  }

  /**
   * The chat's {@code response_url}, refused unless it is on the configured origin; remembered, so that after a
   * restart what the bot writes is recorded.
   */
  private URI target(String chat, String stored) {
    URI url = chats.get(chat).map(DaktelaChatChats.Chat::responseUrl).or(() -> uri(stored))
        .orElseThrow(() -> new VendorException(VendorException.Kind.INVALID, "no response_url known for chat " + chat,
            null));
    Optional<String> off = host.problem(url); // the endpoint refuses such messages; checked again before any call
    if (off.isPresent()) {
      throw new VendorException(VendorException.Kind.INVALID, "refused to post to a response_url off the configured "
          + "Daktela instance " + host + " (" + settingsPath + ".url): it " + off.get(), null);
    }
    chats.remember(chat, url);
    return url;
  }

  /**
   * POSTs an answer to {@code url} (from {@link #target}).
   *
   * @return false when Daktela answered 409: the chat is no longer the bot's (transferred or closed), which is
   *     recorded, so that a load shows people as its owners
   */
  private boolean post(String chat, URI url, JsonNode body) {
    JsonNode answer;
    try {
      answer = api.answer(url, body);
    } catch (DaktelaApiException e) {
      if (e.status() == 409) {
        chats.left(chat, "the chat left the bot (Daktela answered 409)");
        return false;
      }
      throw e;
    }
    DaktelaChatWire.problem(answer).ifPresent(p -> {
      throw new VendorException(VendorException.Kind.INVALID, "Daktela did not accept the answer for chat " + chat
          + ": " + p, null);
    });
    return true;
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
