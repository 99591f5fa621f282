package io.deskbridge.daktela.internal.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.core.action.Action;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.HelpdeskClient;
import io.deskbridge.daktela.DaktelaConfig;
import io.deskbridge.daktela.internal.mapping.DaktelaApiException;
import io.deskbridge.daktela.internal.mapping.DaktelaErrorMapper;
import io.deskbridge.daktela.internal.mapping.DaktelaMapping;
import io.deskbridge.daktela.internal.mapping.DaktelaTime;
import io.deskbridge.daktela.internal.poll.DaktelaChanges;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Daktela REST API v6 calls through {@link DaktelaApi} (Feign). A load is every page of the ticket's activities,
 * whose expanded {@code ticket} saves reading the ticket itself when it is whole. Writes, one call each:
 * <ul>
 *   <li>a public reply: an outgoing {@code EMAIL} activity through the category's e-mail queue
 *       ({@link DaktelaEmailReply}, the one place the unverified body lives);</li>
 *   <li>an internal note: a {@code COMMENT} activity; a draft (core's note starting {@value #DRAFT_MARKER}) gets the
 *       {@code draftTitle} as its title and first line, so agents recognise Daktela's "recommended reply";</li>
 *   <li>an assignment (a handover), with the note before it when there is one: ONE {@code PUT tickets/{name}.json}
 *       setting {@code category}, {@code user} (the target's login, or null), {@code stage} OPEN and the write-only
 *       {@code comment}, so note and assignment happen together or not at all.</li>
 * </ul>
 * Tags are dropped (Daktela tickets have none; core does not send them). Failures are thrown as
 * {@link DaktelaApiException} or Feign's exceptions for {@link DaktelaErrorMapper}, except the start-up checks',
 * which are {@link VendorException}s naming the setting to fix. The category → e-mail queue map is learnt from
 * loads and route checks, so a reply needs no extra read. Thread-safe.
 */
public final class DaktelaHelpdeskClient implements HelpdeskClient {
  /** How core's draft notes start (ActionPlanner). */
  static final String DRAFT_MARKER = "Deskbridge draft:";
  /** The title of the other comments the connector writes. */
  static final String NOTE_TITLE = "Deskbridge note";

  private final String installationId;
  private final DaktelaConfig config;
  private final String settingsPath;
  private final ObjectMapper json = new ObjectMapper()
      .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
  private final DaktelaApi api;
  private final DaktelaTime time;
  private final DaktelaRestChanges changes;
  private final AtomicReference<String> botLogin = new AtomicReference<>("");
  private final Map<String, String> emailQueues = new ConcurrentHashMap<>();

  /**
   * @param settingsPath where the settings are in the configuration, e.g. {@code installations[acme].settings}, to
   *                     name them when a start-up call fails
   * @param clock        for Retry-After dates and the server time when Daktela sends none
   */
  public DaktelaHelpdeskClient(String installationId, DaktelaConfig config, String settingsPath, Clock clock) {
    this.installationId = installationId;
    this.config = config;
    this.settingsPath = settingsPath;
    this.api = DaktelaHttp.api(config, json, clock);
    this.time = new DaktelaTime(config.timeZone());
    this.changes = new DaktelaRestChanges(api, time, clock);
  }

  /** The API user's login, empty until {@link #whoAmI()} has answered; for the webhook endpoint and the poller. */
  public Supplier<String> botLogin() {
    return botLogin::get;
  }

  /** What the poller reads, over this client's connection. */
  public DaktelaChanges changes() {
    return changes;
  }

  /** The reader of the instance's closed tickets for history replay ({@link DaktelaHistoryReader}). */
  public io.deskbridge.core.spi.HistoryReader history() {
    return history(DaktelaHistoryReader.TAKE);
  }

  /** As {@link #history()}, {@code take} tickets a page (tests read small pages). */
  io.deskbridge.core.spi.HistoryReader history(int take) {
    return new DaktelaHistoryReader(installationId, api, time, this, take);
  }

  /** The instance's knowledge-base articles as synced knowledge ({@link DaktelaKnowledgeSource}), 1000 a page. */
  public io.deskbridge.core.spi.KnowledgeSource knowledge(Clock clock) {
    return knowledge(clock, DaktelaQuery.MAX_TAKE);
  }

  /** As {@link #knowledge(Clock)}, {@code take} articles a page (tests read small pages). */
  io.deskbridge.core.spi.KnowledgeSource knowledge(Clock clock, int take) {
    return new DaktelaKnowledgeSource(api, time, clock, take);
  }

  /** The instance's time zone, for Daktela timestamps. */
  public DaktelaTime time() {
    return time;
  }

  /**
   * {@code GET /api/v6/whoim.json}: the API user's login ({@code result.user.name}) and title; it is remembered as
   * the bot's login. A failure an admin fixes in the settings names them: a refused token (401) {@code accessToken}
   * (and {@code authIn}), a refusal (403) the user's API access, an unknown host or a URL without the API (404)
   * {@code url}. Other failures are thrown as any call's are.
   */
  @Override
  public Identity whoAmI() {
    JsonNode me;
    try {
      me = DaktelaEnvelope.record(api.whoim());
    } catch (DaktelaApiException e) {
      throw switch (e.status()) {
        case 401 -> new VendorException(VendorException.Kind.AUTH, "Daktela refused the access token (HTTP 401 on "
            + "whoim.json): set " + settingsPath + ".accessToken to the API user's access token (Manage > Users > the "
            + "user > Access token) and check " + settingsPath + ".authIn (header or query)", e);
        case 403 -> new VendorException(VendorException.Kind.FORBIDDEN, "Daktela refused the API user access to the "
            + "API (HTTP 403 on whoim.json): give the user of " + settingsPath + ".accessToken a role with API access",
            e);
        case 404 -> new VendorException(VendorException.Kind.NOT_FOUND, config.url() + " has no Daktela API v6 "
            + "(HTTP 404 on /api/v6/whoim.json): set " + settingsPath + ".url to the instance's URL, e.g. "
            + "https://acme.daktela.com", e);
        default -> e;
      };
    } catch (RuntimeException e) {
      if (causedBy(e, UnknownHostException.class) || causedBy(e, UnresolvedAddressException.class)) {
        throw new VendorException(VendorException.Kind.NOT_FOUND, "the host of " + config.url() + " is unknown: set "
            + settingsPath + ".url to the instance's URL, e.g. https://acme.daktela.com (or check this machine's DNS)",
            DaktelaErrorMapper.ioCauseOf(e));
      }
      throw e;
    }
    JsonNode user = me.path("user").isObject() ? me.path("user") : me;
    String login = DaktelaMapping.text(user, "name");
    if (login.isEmpty()) {
      throw new VendorException(VendorException.Kind.AUTH, "Daktela did not say who the access token belongs to "
          + "(no result.user.name in whoim.json): check " + settingsPath + ".url and " + settingsPath + ".accessToken",
          null);
    }
    botLogin.set(login);
    return new Identity(login, DaktelaMapping.text(user, "title"));
  }

  /**
   * Checks each target's category ({@code GET ticketsCategories/{name}.json}) and user ({@code GET
   * users/{login}.json}) exist, and remembers the categories' e-mail queues.
   */
  @Override
  public void checkRoutes(Set<String> targets) {
    var checkedUsers = new java.util.HashSet<String>();
    for (String t : targets) {
      DaktelaTarget target = target(t);
      if (!emailQueues.containsKey(target.category())) {
        JsonNode category;
        try {
          category = DaktelaEnvelope.record(api.category(target.category()));
        } catch (DaktelaApiException e) {
          if (e.status() == 404) {
            throw new VendorException(VendorException.Kind.NOT_FOUND, "Daktela has no ticket category '"
                + target.category() + "' (routing target '" + t + "'): write the name of an existing category, e.g. "
                + "categories_support (Manage > Tickets > Categories), in routing.groups or routing.defaultGroup", e);
          }
          throw e;
        }
        rememberQueue(target.category(), category);
      }
      if (target.user().isPresent() && checkedUsers.add(target.user().get())) {
        try {
          api.user(target.user().get());
        } catch (DaktelaApiException e) {
          if (e.status() == 404) {
            throw new VendorException(VendorException.Kind.NOT_FOUND, "Daktela has no user '" + target.user().get()
                + "' (routing target '" + t + "'): write category/<login> with an existing user's login (Manage > "
                + "Users), or the category alone", e);
          }
          throw e;
        }
      }
    }
  }

  /**
   * Every page of the ticket's activities (sorted by time, then name), and the ticket: Daktela expands each
   * activity's {@code ticket} on read, so when the activities carry it whole (with {@code title} and {@code stage})
   * the load is that one call; otherwise (no activities, or the ticket as a bare name) {@code GET
   * tickets/{name}.json} follows. The owner comes from the ticket's user.
   */
  @Override
  public Conversation load(LoadRequest request) {
    long name = ticketName(request.key().externalId());
    List<JsonNode> activities = DaktelaPages.all(query -> api.ticketActivities(name, query), DaktelaQuery.all()
        .sort("time", DaktelaQuery.Dir.ASC).sort("name", DaktelaQuery.Dir.ASC).take(DaktelaQuery.MAX_TAKE));
    JsonNode ticket = expandedTicket(activities, name)
        .orElseGet(() -> DaktelaEnvelope.record(api.ticket(name)));
    JsonNode category = ticket.path("category");
    if (category.isObject()) {
      rememberQueue(DaktelaMapping.reference(category), category);
    }
    return DaktelaMapping.conversation(request.key(), ticket, activities, botLogin.get(), time);
  }

  /** The ticket as the last activity expands it, when it is whole: the same ticket, with its title and stage. */
  private static Optional<JsonNode> expandedTicket(List<JsonNode> activities, long name) {
    if (activities.isEmpty()) {
      return Optional.empty();
    }
    JsonNode ticket = activities.get(activities.size() - 1).path("ticket");
    boolean whole = ticket.isObject() && ticket.hasNonNull("title") && ticket.hasNonNull("stage")
        && ticket.has("category") && ticket.has("user") && ticket.has("edited")
        && String.valueOf(name).equals(DaktelaMapping.text(ticket, "name"));
    return whole ? Optional.of(ticket) : Optional.empty();
  }

  /**
   * Applies one operation (core's ATOMIC_UPDATE grouping: at most one message, with the assignment after it): an
   * assignment as one ticket update carrying the note as its {@code comment}; otherwise the note as a comment
   * activity; a public reply as an e-mail activity.
   *
   * @return the names of the activities created (a {@code comment} on a ticket update creates one Daktela does not
   *         name in its answer), and the ticket's {@code edited} after an update
   */
  @Override
  public Applied apply(ApplyRequest request) {
    Conversation conversation = request.conversation();
    long name = ticketName(conversation.key().externalId());
    String note = null;
    String reply = null;
    DaktelaTarget assign = null;
    for (Action action : request.actions()) {
      if (action instanceof Action.PublicReply r) {
        reply = r.text();
      } else if (action instanceof Action.InternalNote n) {
        note = n.text();
      } else if (action instanceof Action.AssignGroup g) {
        assign = target(g.groupId());
      } // Action.AddTags: Daktela tickets have no tags
    }
    var created = new ArrayList<String>();
    String version = "";
    if (reply != null) {
      created.add(activityName(api.createActivity(DaktelaEmailReply.body(json, name,
          emailQueue(name, conversation.groupId()), conversation.subject(), address(conversation), reply))));
    }
    if (assign != null) {
      ObjectNode update = json.createObjectNode();
      update.put("category", assign.category());
      if (assign.user().isPresent()) {
        update.put("user", assign.user().get());
      } else {
        update.putNull("user");
      }
      update.put("stage", "OPEN");
      if (note != null) {
        update.put("comment", note);
      }
      JsonNode ticket = DaktelaEnvelope.record(api.updateTicket(name, update));
      version = DaktelaMapping.text(ticket, "edited");
      if (ticket.path("category").isObject()) {
        rememberQueue(assign.category(), ticket.path("category"));
      }
    } else if (note != null) {
      created.add(activityName(api.createActivity(comment(name, note))));
    }
    return new Applied(created, version);
  }

  /** A {@code COMMENT} activity: a draft titled {@code draftTitle} (also its first line), any other note plainly. */
  ObjectNode comment(long ticket, String text) {
    boolean draft = text.startsWith(DRAFT_MARKER);
    ObjectNode body = json.createObjectNode();
    body.put("ticket", ticket);
    body.put("type", "COMMENT");
    body.put("title", draft ? config.draftTitle() : NOTE_TITLE);
    body.put("description", draft ? config.draftTitle() + "\n\n" + text : text);
    return body;
  }

  private String emailQueue(long ticket, String category) {
    String cat = category;
    if (cat.isEmpty()) {
      JsonNode t = DaktelaEnvelope.record(api.ticket(ticket));
      cat = DaktelaMapping.reference(t.get("category"));
      if (t.path("category").isObject()) {
        rememberQueue(cat, t.path("category"));
      }
    }
    String queue = emailQueues.get(cat);
    if (queue == null && !cat.isEmpty()) {
      rememberQueue(cat, DaktelaEnvelope.record(api.category(cat)));
      queue = emailQueues.get(cat);
    }
    if (queue == null || queue.isEmpty()) {
      throw new VendorException(VendorException.Kind.INVALID, installationId + ": Daktela ticket " + ticket
          + "'s category '" + cat + "' has no e-mail queue, so no reply can be sent: set one (Manage > Tickets > "
          + "Categories > " + cat + " > E-mail queue)", null);
    }
    return queue;
  }

  private void rememberQueue(String category, JsonNode record) {
    String queue = DaktelaMapping.reference(record.get("email_queue"));
    if (!category.isEmpty()) {
      emailQueues.put(category, queue);
    }
  }

  private String address(Conversation conversation) {
    String email = conversation.customer().email();
    if (email.isEmpty()) {
      throw new VendorException(VendorException.Kind.INVALID, installationId + ": Daktela ticket "
          + conversation.key().externalId() + " has no customer e-mail address to reply to", null);
    }
    return email;
  }

  private static String activityName(JsonNode envelope) {
    return DaktelaMapping.text(DaktelaEnvelope.record(envelope), "name");
  }

  private DaktelaTarget target(String target) {
    try {
      return DaktelaTarget.parse(target);
    } catch (IllegalArgumentException e) {
      throw new VendorException(VendorException.Kind.INVALID, installationId + ": " + e.getMessage()
          + " (routing.groups, routing.defaultGroup)", e);
    }
  }

  private static long ticketName(String id) {
    String digits = id.strip();
    if (digits.regionMatches(true, 0, "TK", 0, 2)) {
      digits = digits.substring(2);
    }
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new VendorException(VendorException.Kind.INVALID, "Daktela ticket name must be a number, was '" + id + "'",
          e);
    }
  }

  private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return true;
      }
    }
    return false;
  }
}
