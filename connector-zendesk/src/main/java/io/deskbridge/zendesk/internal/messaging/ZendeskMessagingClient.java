package io.deskbridge.zendesk.internal.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.core.action.Action;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.HelpdeskClient;
import io.deskbridge.zendesk.ZendeskMessagingConfig;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Conversations API (Sunshine Conversations v2) for one app. A load is the conversation (for its active
 * switchboard integration: the owner) and its messages, oldest first. A public reply is a message posted as the
 * {@code business} (with the {@code AI} subtype when configured); a reply longer than SunCo's 4,096 characters goes
 * as several messages. The typing indicator is an {@code activity} of type {@code typing:start}. A handover (an assignment with its note and tags) is one {@code passControl} to the configured
 * target whose metadata carries {@code first_message_id} (the whole transcript shows in the agent workspace), the
 * group ({@code dataCapture.systemField.group_id}), the tags ({@code dataCapture.systemField.tags}: the installation's
 * handover tag and any the operation carries; core passes none, as a chat has no tags of its own) and the summary,
 * cut to fit SunCo's 4 KB metadata. With the Support API configured ({@code support}), a summary that had to be cut
 * is held back in full ({@link Applied#followUps()}: an internal note starting with {@value #FULL_SUMMARY_HEADER}),
 * and core applies it once the messaging ticket is reported ({@link ApplyRequest#linkedRecord()}): a private comment
 * on that ticket, posted once ({@link ZendeskMessagingTicketNotes}). Any other internal note on its own (a draft) has
 * nowhere to go in a chat and is dropped. Thread-safe.
 */
public final class ZendeskMessagingClient implements HelpdeskClient {
  public static final String VENDOR = "zendesk-messaging";
  /** SunCo's metadata limit: 4,096 bytes of its UTF-8 JSON. */
  static final int METADATA_BYTES = 4096;
  /** SunCo's limit on a text message, in characters. */
  static final int TEXT_CHARS = 4096;
  /** Message pages (100 each) read per load at most: 20,000 messages. */
  static final int MAX_PAGES = 200;
  static final String SUMMARY_KEY = "deskbridge_summary";
  /** How the full summary held back for the messaging ticket begins; a draft note never does. */
  static final String FULL_SUMMARY_HEADER = "Deskbridge handover summary in full (the conversation's metadata "
      + "carries it cut to SunCo's 4 KB):";

  private final ZendeskMessagingConfig config;
  private final String settingsPath;
  private final String handoverTag;
  private final ZendeskMessagingHttp http;
  private final AtomicReference<ZendeskMessagingOwnership> ownership;
  private final Optional<ZendeskMessagingTicketNotes> notes;

  /**
   * @param settingsPath where the settings are, e.g. {@code installations[chat].settings}, for start-up errors
   * @param handoverTag  the installation's handover tag, which every handover puts on the messaging ticket
   */
  public ZendeskMessagingClient(ZendeskMessagingConfig config, String settingsPath, String handoverTag) {
    this("", config, settingsPath, handoverTag);
  }

  /** @param installationId the installation, for the Support API client's messages */
  public ZendeskMessagingClient(String installationId, ZendeskMessagingConfig config, String settingsPath,
      String handoverTag) {
    this.notes = config.support().map(s -> new ZendeskMessagingTicketNotes(installationId, s, config.requestTimeout(),
        settingsPath, handoverTag));
    this.config = config;
    this.handoverTag = handoverTag;
    this.settingsPath = settingsPath;
    this.http = new ZendeskMessagingHttp(config);
    this.ownership = new AtomicReference<>(ZendeskMessagingOwnership.provisional(config.botIntegrationId()));
  }

  /** The bot's switchboard integration as resolved by {@link #whoAmI} (provisional before). */
  ZendeskMessagingOwnership ownership() {
    return ownership.get();
  }

  /**
   * A webhook endpoint that tells the owner the way this client does and, with {@code support} configured, also takes
   * the Support webhook's signed {@code messaging_ticket.message_added} events, checking their signature time on
   * {@code clock}.
   */
  public ZendeskMessagingWebhookEndpoint webhookEndpoint(String installationId, java.time.Clock clock) {
    var verifier = config.support().map(s -> new io.deskbridge.zendesk.internal.webhook.ZendeskWebhookVerifier(
        s.webhookSecret(), s.signatureTolerance(), clock));
    return new ZendeskMessagingWebhookEndpoint(installationId, config.webhookSecret(), ownership::get, verifier);
  }

  /**
   * Reads the switchboard and its integrations ({@code GET switchboards}, {@code GET
   * switchboards/{id}/switchboardIntegrations}): finds the bot's integration ({@code botIntegrationId}: its id, name
   * or custom integration id) and checks that {@code handoverTarget} names one (or is {@code next}). Fails with a
   * message naming the setting: a refused key (401) {@code keyId}/{@code keySecret}, another app's key (403)
   * {@code appId}, no Conversations API at the URL (404) {@code url}; a missing integration names its setting. With
   * {@code support} configured it then calls the Support API's {@code GET /api/v2/users/me}, whose failure names
   * {@code support.apiToken}, {@code support.email} or {@code support.url}.
   *
   * @return the bot's integration: its custom integration id (or its id) and its name
   */
  @Override
  public Identity whoAmI() {
    JsonNode switchboards;
    JsonNode integrations;
    try {
      switchboards = http.get("switchboards", "switchboards").path("switchboards");
      if (!switchboards.isArray() || switchboards.isEmpty()) {
        throw new VendorException(VendorException.Kind.NOT_FOUND, "the SunCo app " + config.appId()
            + " has no switchboard: turn on Zendesk messaging for it (Admin Center > Channels > Messaging) or set "
            + settingsPath + ".appId to the messaging app", null);
      }
      integrations = http.get("switchboardIntegrations", "switchboards/"
          + ZendeskMessagingHttp.encode(switchboards.path(0).path("id").asText()) + "/switchboardIntegrations")
          .path("switchboardIntegrations");
    } catch (ZendeskMessagingApiException e) {
      throw switch (e.status()) {
        case 401 -> new VendorException(VendorException.Kind.AUTH, "SunCo refused the app key (HTTP 401): set "
            + settingsPath + ".keyId and " + settingsPath + ".keySecret to a Conversations API key of app "
            + config.appId() + " (Admin Center > Apps and integrations > APIs > Conversations API)", e);
        case 403 -> new VendorException(VendorException.Kind.FORBIDDEN, "SunCo refused the key for app "
            + config.appId() + " (HTTP 403): set " + settingsPath + ".appId to the app the key belongs to", e);
        case 404 -> new VendorException(VendorException.Kind.NOT_FOUND, config.url() + " has no Conversations API "
            + "for app " + config.appId() + " (HTTP 404): set " + settingsPath + ".url to https://{subdomain}"
            + ".zendesk.com/sc and " + settingsPath + ".appId to the app's id", e);
        default -> e;
      };
    } catch (UncheckedIOException e) {
      throw new VendorException(VendorException.Kind.UNAVAILABLE, "SunCo at " + config.url() + " did not answer ("
          + e.getMessage() + "): check " + settingsPath + ".url", e);
    }
    String defaultId = switchboards.path(0).path("defaultSwitchboardIntegrationId").asText("");
    var provisional = ZendeskMessagingOwnership.provisional(config.botIntegrationId());
    ZendeskMessagingOwnership bot = null;
    boolean targetFound = config.handoverTarget().equals("next");
    for (JsonNode i : integrations) {
      if (bot == null && provisional.isBot(i)) {
        bot = new ZendeskMessagingOwnership(i.path("id").asText(), i.path("name").asText(""),
            i.path("integrationId").asText(""), i.path("id").asText().equals(defaultId));
      }
      String target = config.handoverTarget();
      targetFound |= target.equals(i.path("id").asText()) || target.equals(i.path("name").asText())
          || target.equals(i.path("integrationType").asText());
    }
    if (bot == null) {
      throw new VendorException(VendorException.Kind.NOT_FOUND, "the switchboard of app " + config.appId()
          + " has no integration '" + config.botIntegrationId() + "': set " + settingsPath + ".botIntegrationId to "
          + "the id or name of the bot's switchboard integration (" + names(integrations) + ")", null);
    }
    if (!targetFound) {
      throw new VendorException(VendorException.Kind.NOT_FOUND, "the switchboard of app " + config.appId()
          + " has no integration '" + config.handoverTarget() + "': set " + settingsPath + ".handoverTarget to an "
          + "integration's id, name or type (" + names(integrations) + "), or next", null);
    }
    ownership.set(bot);
    notes.ifPresent(ZendeskMessagingTicketNotes::whoAmI);
    return new Identity(bot.integrationId().isEmpty() ? bot.id() : bot.integrationId(), bot.name());
  }

  private static String names(JsonNode integrations) {
    var names = new ArrayList<String>();
    integrations.forEach(i -> names.add(i.path("name").asText("?")));
    return names.isEmpty() ? "it has none" : "it has " + String.join(", ", names);
  }

  /**
   * {@code GET conversations/{id}} for the owner and {@code GET conversations/{id}/messages}, page by page back to
   * the first message (at most {@value #MAX_PAGES} pages).
   */
  @Override
  public Conversation load(LoadRequest request) {
    String id = ZendeskMessagingHttp.encode(request.key().externalId());
    JsonNode conversation = http.get("getConversation", "conversations/" + id).path("conversation");
    var owner = ownership.get().of(conversation.get("activeSwitchboardIntegration"));
    Deque<List<Message>> pages = new ArrayDeque<>();
    String before = null;
    Instant now = Instant.now();
    for (int page = 0; page < MAX_PAGES; page++) {
      JsonNode answer = http.get("listMessages", "conversations/" + id + "/messages"
          + (before == null ? "" : "?page%5Bbefore%5D=" + ZendeskMessagingHttp.encode(before)));
      var messages = new ArrayList<Message>();
      answer.path("messages").forEach(m -> messages.add(ZendeskMessagingMapping.message(m, now)));
      pages.addFirst(messages);
      before = answer.path("meta").path("beforeCursor").asText("");
      if (!answer.path("meta").path("hasMore").asBoolean(false) || before.isEmpty()) {
        break;
      }
    }
    var all = new ArrayList<Message>();
    pages.forEach(all::addAll);
    return ZendeskMessagingMapping.conversation(request.key(), all, owner);
  }

  /**
   * One operation: a public reply (one or more messages), or a handover ({@code passControl} with the note and tags
   * of the same operation in its metadata; with {@code support}, a note cut to fit comes back in full as a follow-up),
   * or the follow-up itself: the full summary as a private comment on the messaging ticket
   * ({@link ApplyRequest#linkedRecord()}), unless the ticket has it already. Any other note or tags without an
   * assignment write nothing: a chat has no internal notes (draft mode writes nothing) and no tags of its own.
   */
  @Override
  public Applied apply(ApplyRequest request) {
    var followUp = fullSummary(request);
    if (followUp.isPresent()) {
      notes.orElseThrow().postOnce(request.linkedRecord(), followUp.get());
      return new Applied(List.of(), "");
    }
    String id = ZendeskMessagingHttp.encode(request.conversation().key().externalId());
    var created = new ArrayList<String>();
    Optional<String> group = Optional.empty();
    String note = "";
    var tags = new LinkedHashSet<String>(List.of(handoverTag));
    List<String> replies = new ArrayList<>();
    for (Action action : request.actions()) {
      if (action instanceof Action.PublicReply reply) {
        replies.add(reply.text());
      } else if (action instanceof Action.InternalNote n) {
        note = n.text();
      } else if (action instanceof Action.AssignGroup g) {
        group = Optional.of(g.groupId());
      } else if (action instanceof Action.AddTags t) {
        tags.addAll(new java.util.TreeSet<>(t.tags()));
      }
    }
    List<Action> followUps = List.of();
    if (group.isPresent()) {
      ObjectNode body = ZendeskMessagingHttp.JSON.createObjectNode().put("switchboardIntegration",
          config.handoverTarget());
      ObjectNode metadata = metadata(firstMessageId(request.conversation()), group.get(), tags, note);
      body.set("metadata", metadata);
      http.post("passControl", "conversations/" + id + "/passControl", body);
      if (notes.isPresent() && !note.isBlank() && !note.equals(metadata.path(summaryKey()).asText(null))) {
        followUps = List.of(new Action.InternalNote(FULL_SUMMARY_HEADER + "\n\n" + note));
      }
    }
    for (String text : replies) {
      for (String part : parts(text, TEXT_CHARS)) {
        ObjectNode body = ZendeskMessagingHttp.JSON.createObjectNode();
        ObjectNode author = body.putObject("author").put("type", "business").put("displayName", config.botName());
        if (config.aiSubtype()) {
          author.putArray("subtypes").add("AI");
        }
        body.putObject("content").put("type", "text").put("text", part);
        JsonNode answer = http.post("postMessage", "conversations/" + id + "/messages", body);
        String messageId = answer.path("messages").path(0).path("id").asText("");
        if (!messageId.isEmpty()) {
          created.add(messageId);
        }
      }
    }
    return new Applied(created, "", followUps);
  }

  /**
   * The full summary when {@code request} is a held-back summary for a known messaging ticket; empty for any other
   * write, and when no ticket is known yet or the Support API is not configured (then it is dropped as any note on
   * its own is).
   */
  private Optional<String> fullSummary(ApplyRequest request) {
    if (notes.isEmpty() || request.linkedRecord().isBlank() || request.actions().size() != 1
        || !(request.actions().get(0) instanceof Action.InternalNote n) || !n.text().startsWith(FULL_SUMMARY_HEADER)) {
      return Optional.empty();
    }
    return Optional.of(n.text());
  }

  /** Whether the Support API is configured, so that a summary cut to fit is held back in full. */
  public boolean postsFullSummaries() {
    return notes.isPresent();
  }

  private String summaryKey() {
    return config.summaryTicketField().map(f -> "dataCapture.ticketField." + f).orElse(SUMMARY_KEY);
  }

  /**
   * {@code POST conversations/{id}/activity} with {@code typing:start} as the business: the customer sees the bot
   * writing until its message arrives (or the channel's own timeout ends it).
   */
  @Override
  public void typing(TypingRequest request) {
    ObjectNode body = ZendeskMessagingHttp.JSON.createObjectNode().put("type", "typing:start");
    body.putObject("author").put("type", "business").put("displayName", config.botName());
    http.post("activity", "conversations/" + ZendeskMessagingHttp.encode(request.key().externalId()) + "/activity",
        body);
  }

  /** The conversation's first message, so the agent workspace shows the whole transcript; empty when unknown. */
  private static Optional<String> firstMessageId(Conversation conversation) {
    return conversation.messages().stream().map(Message::id).filter(m -> !m.isBlank()).findFirst();
  }

  /**
   * The {@code passControl} metadata: flat, at most {@value #METADATA_BYTES} bytes of UTF-8 JSON; the summary is cut
   * (with an ellipsis) to what is left after the other keys.
   */
  ObjectNode metadata(Optional<String> firstMessageId, String group, java.util.Collection<String> tags,
      String summary) {
    ObjectNode m = ZendeskMessagingHttp.JSON.createObjectNode();
    firstMessageId.ifPresent(f -> m.put("first_message_id", f));
    m.put("dataCapture.systemField.group_id", group);
    if (!tags.isEmpty()) {
      m.put("dataCapture.systemField.tags", String.join(",", tags));
    }
    if (summary.isBlank()) {
      return m;
    }
    String key = summaryKey();
    m.put(key, summary);
    if (bytes(m) <= METADATA_BYTES) {
      return m;
    }
    int lo = 0; // the longest prefix known to fit (with the ellipsis)
    int hi = summary.length(); // known not to fit
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      m.put(key, cut(summary, mid));
      if (bytes(m) <= METADATA_BYTES) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    if (lo == 0) {
      m.remove(key);
    } else {
      m.put(key, cut(summary, lo));
    }
    return m;
  }

  /** The first {@code chars} characters (not splitting a surrogate pair) and an ellipsis. */
  private static String cut(String text, int chars) {
    int keep = chars > 0 && Character.isHighSurrogate(text.charAt(chars - 1)) ? chars - 1 : chars;
    return text.substring(0, keep).stripTrailing() + "…";
  }

  private static int bytes(JsonNode node) {
    return node.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }

  /** A text cut into parts of at most {@code max} characters, at a paragraph, line or word break where there is one. */
  static List<String> parts(String text, int max) {
    var parts = new ArrayList<String>();
    String rest = text;
    while (rest.length() > max) {
      int cut = rest.lastIndexOf("\n\n", max);
      if (cut < max / 2) {
        cut = rest.lastIndexOf('\n', max);
      }
      if (cut < max / 2) {
        cut = rest.lastIndexOf(' ', max);
      }
      if (cut < max / 2) {
        cut = Character.isHighSurrogate(rest.charAt(max - 1)) ? max - 1 : max;
      }
      parts.add(rest.substring(0, cut).strip());
      rest = rest.substring(cut).strip();
    }
    if (!rest.isBlank()) {
      parts.add(rest);
    }
    return parts;
  }

  public void close() {
    notes.ifPresent(ZendeskMessagingTicketNotes::close);
    http.close();
  }
}
