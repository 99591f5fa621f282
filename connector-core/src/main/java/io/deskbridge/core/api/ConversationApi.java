package io.deskbridge.core.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.engine.Engine;
import io.deskbridge.core.hosting.ApiRoutes;
import io.deskbridge.core.store.AuditRecord;
import io.deskbridge.core.store.ConversationApiStore;
import io.deskbridge.core.store.ConversationApiStore.ApiKey;
import io.deskbridge.core.store.ConversationApiStore.ApiMessage;
import io.deskbridge.core.store.ConversationApiStore.Posted;
import io.deskbridge.core.store.ConversationState;
import io.deskbridge.core.store.StoreException;
import io.deskbridge.core.webhook.InboundEvent;
import io.deskbridge.core.webhook.WebhookRequest;
import io.deskbridge.core.webhook.WebhookResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Conversation API, version 1 ({@code /api/v1}; its OpenAPI 3.1 document is {@code openapi/conversation-api-v1.json},
 * served at {@code GET /api/v1/openapi.json}). A customer's message is stored in the api installation's transcript
 * and accepted into the engine as an event like any webhook's; the request then waits (at most the installation's
 * {@code answerTimeout}) until the engine is done with that event and answers with the decision as the audit recorded
 * it. Every other request needs an API key of the conversation's installation ({@code Authorization: Bearer}); each key
 * has its own rate limit. Failures are RFC 9457 problems. Thread-safe.
 */
public final class ConversationApi implements ApiRoutes, AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ConversationApi.class);
  private static final String PREFIX = "/api/v1";
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:@-]{1,200}");
  private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");
  private static final long FIRST_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
  private static final long LONGEST_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  /**
   * Requests that may wait for a decision at once, each holding a server thread; beyond them a message is answered
   * 202 at once (stored, decided, to be polled), so that a stalled engine cannot take every thread from the
   * webhooks.
   */
  static final int MAX_WAITING = 100;

  private final Engine engine;
  private final ConversationApiStore store;
  private final ApiAccess access;
  private final Clock clock;
  private final io.micrometer.core.instrument.MeterRegistry meters;
  private final ObjectMapper json = new ObjectMapper();
  private final ObjectMapper canonical = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
  private final java.util.concurrent.Semaphore waiting = new java.util.concurrent.Semaphore(MAX_WAITING);
  private final String openApi;
  private final AnswerView answers;
  private final ConversationView views;
  private final ApiCallbacks callbacks;
  /** Signalled when this process's engine handled a conversation's work: its waiting requests look at the store. */
  private final HandledSignals handled = new HandledSignals();

  /**
   * @param engine     the engine messages are accepted into; its api installations are the ones served
   * @param store      the api installations' conversations and keys
   * @param states     the engine's state of a conversation (owner, episode)
   * @param audit      a conversation's audit records (installation, conversation id), oldest first
   * @param articleUrl an article's link by its id and the reply's language
   * @param callbacks  whether an installation has a callback URL: then a sender delivers the callbacks
   * @param meters     where {@code deskbridge.api.requests} (by installation, operation and status) and
   *                   {@code deskbridge.api.answer} (a message's time to its answer) go
   */
  public ConversationApi(Engine engine, ConversationApiStore store,
      Function<ConversationKey, Optional<ConversationState>> states, BiFunction<String, String, List<AuditRecord>> audit,
      BiFunction<String, String, Optional<String>> articleUrl, Clock clock, boolean callbacks,
      io.micrometer.core.instrument.MeterRegistry meters) {
    this.engine = Objects.requireNonNull(engine, "engine");
    this.store = Objects.requireNonNull(store, "store");
    this.access = new ApiAccess(engine, store, clock);
    this.views = new ConversationView(json, store, Objects.requireNonNull(states, "states"),
        Objects.requireNonNull(audit, "audit"));
    this.answers = new AnswerView(json, store, audit, Objects.requireNonNull(articleUrl, "articleUrl"));
    this.clock = Objects.requireNonNull(clock, "clock");
    this.meters = Objects.requireNonNull(meters, "meters");
    this.openApi = openApiDocument();
    this.callbacks = callbacks ? new ApiCallbacks(store,
        i -> access.connector(i).flatMap(c -> c.settings().callback()), new ApiCallbacks.Answers() {
          @Override
          public boolean done(String installation, String conversationId, String messageId, String eventId) {
            return ConversationApi.this.done(installation, conversationId, messageId, eventId);
          }

          @Override
          public String answer(String installation, String conversationId, String messageId, String eventId) {
            return answerBody(installation, conversationId, messageId, eventId);
          }
        }, clock) : null;
    engine.onHandled(key -> {
      if (key.vendor().equals(ApiConnectorFactory.VENDOR)) {
        handled.signal(key);
        if (this.callbacks != null) {
          this.callbacks.wake();
        }
      }
    });
  }

  /** Stops the callback sender; callbacks not yet delivered stay in the store. */
  @Override
  public void close() {
    if (callbacks != null) {
      callbacks.close();
    }
  }

  /** A message's answer as JSON, or the problem it comes to (for callbacks). */
  private String answerBody(String installation, String conversationId, String messageId, String eventId) {
    try {
      return answers.of(installation, conversationId, messageId, eventId).toString();
    } catch (Problem p) {
      return p.response(json, PREFIX + "/conversations/" + conversationId + "/messages/" + messageId).body();
    }
  }

  /** The checked-in OpenAPI document, as served. */
  public static String openApiDocument() {
    try (InputStream in = ConversationApi.class.getResourceAsStream("/openapi/conversation-api-v1.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi/conversation-api-v1.json is missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public WebhookResponse handle(WebhookRequest request) {
    String path = request.path();
    long started = System.nanoTime();
    var seen = new String[] {"?"}; // the key's installation, once authenticated
    WebhookResponse response;
    try {
      response = route(request, path, seen);
    } catch (Problem p) {
      response = p.response(json, path);
    } catch (StoreException e) {
      log.warn("api {}: store failed: {}", request, e.getMessage());
      response = Problem.of(503, "store-unavailable", "Service Unavailable", "the store takes no writes now; try "
          + "again").withHeader("Retry-After", "1").response(json, path);
    } catch (RuntimeException e) {
      log.error("api {} failed", request, e);
      response = Problem.of(500, "internal-error", "Internal Server Error", "the request failed; see the server's log")
          .response(json, path);
    }
    String operation = operation(request.method(), path);
    meters.counter("deskbridge.api.requests", "installation", seen[0], "operation", operation, "status",
        Integer.toString(response.status())).increment();
    if (operation.equals("post_message") && (response.status() == 200 || response.status() == 202)) {
      io.micrometer.core.instrument.Timer.builder("deskbridge.api.answer")
          .description("from a message's request to its answer (200) or to 202")
          .tags("installation", seen[0], "status", Integer.toString(response.status()))
          .publishPercentileHistogram().register(meters).record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
    return response;
  }

  /** A metrics tag naming what a request asked for. */
  private static String operation(String method, String path) {
    if (path.equals(PREFIX + "/openapi.json")) {
      return "openapi";
    }
    var p = path.startsWith(PREFIX + "/conversations/") ? path.substring((PREFIX + "/conversations/").length())
        .split("/", -1) : new String[0];
    if (p.length == 1) {
      return "get_conversation";
    }
    if (p.length == 2 && p[1].equals("messages")) {
      return "post_message";
    }
    if (p.length == 3 && p[1].equals("messages")) {
      return "get_message";
    }
    if (p.length == 2 && (p[1].equals("handover-completed") || p[1].equals("release"))) {
      return p[1].replace('-', '_');
    }
    return "other";
  }

  private WebhookResponse route(WebhookRequest request, String path, String[] seen) {
    if (!path.startsWith(PREFIX + "/")) {
      throw notFound(path);
    }
    var segments = List.of(path.substring(PREFIX.length() + 1).split("/", -1));
    boolean get = request.method().equals("GET");
    boolean post = request.method().equals("POST");
    if (segments.equals(List.of("openapi.json"))) {
      requireMethod(get, "GET");
      return new WebhookResponse(200, "application/json", openApi);
    }
    if (segments.size() < 2 || !segments.get(0).equals("conversations")) {
      throw notFound(path);
    }
    var key = access.authenticate(request);
    seen[0] = key.installation();
    access.rateLimit(key);
    String conversationId = segments.get(1);
    if (!ID.matcher(conversationId).matches()) {
      throw Problem.of(400, "invalid-request", "Invalid request",
          "conversation id must be 1-200 letters, digits or . _ : @ -");
    }
    if (segments.size() == 2) {
      requireMethod(get, "GET");
      return conversation(key, conversationId);
    }
    if (segments.size() == 3 && segments.get(2).equals("messages")) {
      requireMethod(post, "POST");
      return postMessage(request, key, conversationId);
    }
    if (segments.size() == 4 && segments.get(2).equals("messages")) {
      requireMethod(get, "GET");
      return message(key, conversationId, segments.get(3));
    }
    if (segments.size() == 3 && segments.get(2).equals("handover-completed")) {
      requireMethod(post, "POST");
      return ownership(request, key, conversationId, true);
    }
    if (segments.size() == 3 && segments.get(2).equals("release")) {
      requireMethod(post, "POST");
      return ownership(request, key, conversationId, false);
    }
    throw notFound(path);
  }

  private static Problem notFound(String path) {
    return Problem.of(404, "not-found", "Not Found", "no such resource: " + path);
  }

  private static void requireMethod(boolean ok, String allowed) {
    if (!ok) {
      throw Problem.of(405, "method-not-allowed", "Method Not Allowed", "use " + allowed)
          .withHeader("Allow", allowed);
    }
  }

  // ---------------------------------------------------------------- messages

  private WebhookResponse postMessage(WebhookRequest request, ApiKey key, String conversationId) {
    var message = MessageRequest.parse(request, json);
    var idempotencyKey = request.header("Idempotency-Key");
    if (idempotencyKey.isPresent() && !IDEMPOTENCY_KEY.matcher(idempotencyKey.get()).matches()) {
      throw Problem.of(400, "invalid-request", "Invalid request",
          "Idempotency-Key must be 1-255 visible ASCII characters");
    }
    var now = clock.instant();
    String messageId = ApiHelpdeskClient.newId();
    String eventId = idempotencyKey.map(k -> "api:" + key.id() + ":" + ApiKeys.hash(k).substring(0, 40))
        .orElse("api:" + messageId);
    var idempotency = idempotencyKey.map(k -> new ConversationApiStore.Idempotency(key.id(), k,
        requestHash(conversationId, message.body()), access.settings(key).answerTimeout().plusSeconds(5)));
    var stored = new ApiMessage(messageId, AuthorRole.CUSTOMER.name(), Visibility.PUBLIC.name(),
        message.author(), message.text(), eventId, message.metadata(), now);
    var posted = store.post(new ConversationApiStore.NewMessage(conversationId, key.installation(), message.channel(),
        message.language(), message.customer().get("id"), message.customer().get("email"),
        message.customer().get("phone"), message.customer().get("name"), stored,
        access.settings(key).callback().isPresent()), idempotency, now);
    if (callbacks != null) {
      callbacks.wake();
    }
    if (posted instanceof Posted.OtherInstallation) {
      ApiAccess.forbidOthers(key, "");
    } else if (posted instanceof Posted.Mismatch) {
      throw Problem.of(422, "idempotency-key-reused", "Idempotency-Key reused", "the Idempotency-Key was used "
          + "for a different request; send a new key for a new message");
    } else if (posted instanceof Posted.InProgress) {
      throw Problem.of(409, "request-in-progress", "Request in progress", "the request with this "
          + "Idempotency-Key is still being answered; retry in a moment").withHeader("Retry-After", "1");
    } else if (posted instanceof Posted.Replay replay) {
      return new WebhookResponse(200, "application/json", replay.response(), Map.of("Idempotent-Replayed", "true"));
    }
    var s = (Posted.Stored) posted;
    var sent = s.fresh() ? stored : store.messages(conversationId).stream()
        .filter(m -> m.messageId().equals(s.messageId())).findFirst().orElseThrow();
    accept(key.installation(), conversationId, sent);
    boolean async = request.header("Prefer").map(p -> p.toLowerCase(Locale.ROOT).contains("respond-async"))
        .orElse(false);
    var answer = awaitAnswer(key, conversationId, s.messageId(), s.eventId(), async);
    if (idempotencyKey.isPresent()) {
      if (answer.status() == 200) {
        store.answered(key.id(), idempotencyKey.get(), answer.body());
      } else {
        store.unlock(key.id(), idempotencyKey.get());
      }
    }
    return answer;
  }

  /**
   * Hands a stored customer message to the engine as its event (again, when an earlier attempt may not have: the
   * inbox keeps one).
   */
  private void accept(String installation, String conversationId, ApiMessage sent) {
    engine.accept(installation, List.of(new InboundEvent(sent.eventId(), conversationId,
        InboundEvent.Kind.MESSAGE_ADDED, sent.authorId(), Optional.of(new Message(sent.messageId(),
        AuthorRole.CUSTOMER, Visibility.PUBLIC, sent.authorId(), sent.text(), sent.createdAt())), Optional.empty(),
        sent.createdAt())));
  }

  /**
   * Whether the engine is done with a message's event. A message stored whose event never reached the engine (the
   * process stopped between the two) is handed to it now: nothing a client was told is stored gets lost.
   */
  private boolean done(String installation, String conversationId, String messageId, String eventId) {
    var progress = store.eventProgress(installation, conversationId, eventId);
    if (progress == ConversationApiStore.Progress.UNKNOWN) {
      store.messages(conversationId).stream().filter(m -> m.messageId().equals(messageId)).findFirst()
          .ifPresent(m -> accept(installation, conversationId, m));
      return false;
    }
    return progress == ConversationApiStore.Progress.DONE;
  }

  private String requestHash(String conversationId, JsonNode body) {
    try {
      Object tree = canonical.treeToValue(body, Object.class);
      return ApiKeys.hash(conversationId + "\n" + canonical.writeValueAsString(tree));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Waits until the engine is done with the event, then answers from the audit; 202 when the wait runs out. */
  private WebhookResponse awaitAnswer(ApiKey key, String conversationId, String messageId, String eventId,
      boolean async) {
    boolean done = false;
    if (!async && waiting.tryAcquire()) {
      try {
        done = awaitDone(key.installation(), conversationId, eventId, access.settings(key).answerTimeout());
      } finally {
        waiting.release();
      }
    }
    if (!done) {
      var body = json.createObjectNode().put("conversationId", conversationId).put("messageId", messageId)
          .put("status", "pending");
      return new WebhookResponse(202, "application/json", body.toString(),
          Map.of("Location", PREFIX + "/conversations/" + conversationId + "/messages/" + messageId,
              "Retry-After", "1"));
    }
    return new WebhookResponse(200, "application/json", answers.of(key.installation(), conversationId, messageId,
        eventId).toString());
  }

  /**
   * Whether the engine is done with the event within the timeout: it looks at the store whenever this process's engine
   * has handled the conversation's work, and otherwise after 10 ms, then twice as long each time, up to 50 ms apart
   * (another process sharing the store may be the one processing it).
   */
  private boolean awaitDone(String installation, String conversationId, String eventId, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    long wait = FIRST_WAIT_NANOS;
    try (var waiter = handled.register(new ConversationKey(ApiConnectorFactory.VENDOR, installation, conversationId))) {
      while (true) {
        if (store.eventProgress(installation, conversationId, eventId) == ConversationApiStore.Progress.DONE) {
          return true;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        if (!waiter.await(Math.min(wait, left))) {
          wait = Math.min(wait * 2, LONGEST_WAIT_NANOS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private WebhookResponse message(ApiKey key, String conversationId, String messageId) {
    access.owned(key, conversationId);
    var message = store.messages(conversationId).stream()
        .filter(m -> m.messageId().equals(messageId) && m.role().equals("CUSTOMER") && !m.eventId().isEmpty())
        .findFirst().orElseThrow(() -> Problem.of(404, "not-found", "Not Found",
            "no customer message " + messageId + " in conversation " + conversationId));
    if (!done(key.installation(), conversationId, messageId, message.eventId())) {
      var body = json.createObjectNode().put("conversationId", conversationId).put("messageId", messageId)
          .put("status", "pending");
      return new WebhookResponse(202, "application/json", body.toString(), Map.of("Retry-After", "1"));
    }
    return new WebhookResponse(200, "application/json",
        answers.of(key.installation(), conversationId, messageId, message.eventId()).toString());
  }

  // ---------------------------------------------------------------- ownership and state

  private WebhookResponse ownership(WebhookRequest request, ApiKey key, String conversationId, boolean toPerson) {
    access.owned(key, conversationId);
    String agent = "";
    if (request.body().length > 0) {
      JsonNode body;
      try {
        body = json.readTree(request.body());
      } catch (IOException e) {
        throw Problem.invalid("#/", "the body is not JSON");
      }
      if (body != null && !body.isNull()) {
        if (!body.isObject()) {
          throw Problem.invalid("#/", "must be a JSON object");
        }
        var unknown = new ArrayList<String>();
        body.fieldNames().forEachRemaining(f -> {
          if (!f.equals("agent")) {
            unknown.add(f);
          }
        });
        if (!unknown.isEmpty()) {
          throw Problem.invalid("#/" + unknown.get(0), "is not a field (fields: agent)");
        }
        var a = body.get("agent");
        if (a != null && !a.isNull() && (!a.isTextual() || a.asText().isBlank() || a.asText().length() > 200)) {
          throw Problem.invalid("#/agent", "must be a non-empty string of at most 200 characters");
        }
        agent = a == null || a.isNull() ? "" : a.asText();
      }
    }
    var now = clock.instant();
    String evidence = toPerson ? "api handover-completed" + (agent.isEmpty() ? "" : " by " + agent) : "";
    store.setOwner(conversationId, toPerson ? "human" : "bot", evidence, now);
    String eventId = "api:" + key.id() + ":" + (toPerson ? "taken:" : "released:") + ApiHelpdeskClient.newId();
    engine.accept(key.installation(), List.of(new InboundEvent(eventId, conversationId,
        toPerson ? InboundEvent.Kind.UPDATED : InboundEvent.Kind.RELEASED_TO_BOT, agent, Optional.empty(),
        Optional.empty(), now)));
    boolean done = awaitDone(key.installation(), conversationId, eventId, access.settings(key).answerTimeout());
    var out = views.state(key.installation(), access.owned(key, conversationId));
    out.put("status", done ? "done" : "pending");
    return new WebhookResponse(done ? 200 : 202, "application/json", out.toString());
  }

  private WebhookResponse conversation(ApiKey key, String conversationId) {
    var conversation = access.owned(key, conversationId);
    return new WebhookResponse(200, "application/json", views.full(key.installation(), conversation).toString());
  }
}
