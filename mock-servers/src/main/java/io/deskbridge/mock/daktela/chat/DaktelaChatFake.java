package io.deskbridge.mock.daktela.chat;

import io.deskbridge.mock.base.DeliveryAttempt;
import io.deskbridge.mock.base.FakeServer;
import io.deskbridge.mock.base.RequestJournal;
import io.deskbridge.mock.base.RetryPolicy;
import io.deskbridge.mock.base.RetryPolicy.Backoff;
import io.deskbridge.mock.base.RetryPolicy.Retry;
import io.deskbridge.mock.base.VendorFake;
import io.deskbridge.mock.base.WebhookSender;
import io.deskbridge.mock.daktela.chat.DaktelaChatWire.Answer;
import io.deskbridge.mock.daktela.chat.DaktelaChatWire.Inbound;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A stateful fake of Daktela web chat with an external bot on the chat routing (daktela.md §3.3 and "What a faithful
 * mock must do" §9): a customer's message is POSTed to the bot's configured URL carrying the conversation's
 * {@code response_url}; the bot answers there with a text (with quick replies or buttons) or a {@code transfer} to a
 * queue, and the fake records every answer and refuses malformed ones with a 400 naming the reason. <b>The shapes are
 * old and unverified</b> (one third-party connector of 2018–2020); they all live in {@link DaktelaChatWire}.
 *
 * <p>Verification: Daktela signs nothing, so the admin configures a secret token ({@link BotEndpoint}): appended to the
 * bot URL's path, or sent in a header. Inbound deliveries follow an <b>assumed</b> policy (10 s timeout, 3 attempts
 * 1 s apart on any failure, in order per conversation); {@link Config#withDelivery} changes it.
 *
 * <p>States of a chat: {@code BOT} (messages go to the bot), {@code QUEUE} (after a transfer: the customer's messages
 * no longer go to the bot, and its answers get 409), {@code CLOSED} (the customer ended it; a {@code terminate} went
 * to the bot). Seeded chat queues: {@link #QUEUES}.
 *
 * <p>Served: {@code POST /external-bot/response/{chat}} (the {@code response_url}; its real path is unknown) and the
 * control endpoints under {@code /__control}, and the REST API's {@code GET /api/v6/realtimeSessions.json}
 * ({@link DaktelaChatRealtime}); the rest of {@code /api/v6/} (tickets and the like) is passed to a ticket fake behind
 * the same base URL ({@link DaktelaChatTickets}); anything else is a loud 404 listed by {@link #unmatchedRequests()}.
 *
 * <p>Thread-safe: state is guarded by this object's monitor; views are immutable snapshots.
 */
public final class DaktelaChatFake implements VendorFake {
  /** The seeded chat queues: number → title. */
  public static final Map<Integer, String> QUEUES = Map.of(3201, "Web chat", 3202, "Web chat billing");
  static final String RESPONSE_PATH = "/external-bot/response/";

  /**
   * Configuration; immutable.
   *
   * @param zone the instance's time zone (inbound {@code time} is local time there)
   * @param clock timestamps and the delivery retries' waits
   * @param delivery the inbound deliveries' policy (assumed: 3 attempts 1 s apart)
   */
  public record Config(ZoneId zone, Clock clock, int port, RetryPolicy delivery) {
    public Config {
      Objects.requireNonNull(zone, "zone");
      Objects.requireNonNull(clock, "clock");
      Objects.requireNonNull(delivery, "delivery");
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be from 0 to 65535, was " + port);
      }
    }

    /** Europe/Prague, the system clock, a free port, the assumed policy. */
    public static Config defaults() {
      return new Config(ZoneId.of("Europe/Prague"), Clock.systemUTC(), 0,
          RetryPolicy.of(Duration.ofSeconds(10), Backoff.fixed(Duration.ofSeconds(1)), List.of(Retry.anyFailure(3))));
    }

    public Config withClock(Clock c) {
      return new Config(zone, c, port, delivery);
    }

    public Config withPort(int p) {
      return new Config(zone, clock, p, delivery);
    }

    public Config withDelivery(RetryPolicy p) {
      return new Config(zone, clock, port, p);
    }
  }

  /**
   * Where the chat routing sends customers' messages: the bot's URL and the secret token an admin configured.
   *
   * @param header the header carrying {@code token}; null: the token is appended to the URL's path
   *     ({@code url + "/" + token})
   */
  public record BotEndpoint(URI url, String token, String header) {
    public BotEndpoint {
      Objects.requireNonNull(url, "url");
      Objects.requireNonNull(token, "token");
      if (token.isBlank() || header != null && header.isBlank()) {
        throw new IllegalArgumentException("the bot's token (and a header name, when given) must not be blank");
      }
    }

    /** The token in the path. */
    public static BotEndpoint inPath(URI url, String token) {
      return new BotEndpoint(url, token, null);
    }

    /** The token in {@code header}. */
    public static BotEndpoint inHeader(URI url, String header, String token) {
      return new BotEndpoint(url, token, header);
    }

    URI target() {
      if (header != null) {
        return url;
      }
      String s = url.toString();
      return URI.create((s.endsWith("/") ? s : s + "/") + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
      return "BotEndpoint[url=" + url + ", token=***, header=" + header + "]";
    }
  }

  /**
   * One message of a chat.
   *
   * @param direction {@code IN} (the customer) or {@code OUT} (the bot)
   * @param inbound what the customer did (IN), else null
   * @param reply the bot's reply (OUT), else null
   */
  public record Message(String name, Instant at, String direction, Inbound inbound, Answer.Reply reply) {
    /** The text: the customer's, the quick reply's label, the bot's; null for a button or terminate. */
    public String text() {
      if (reply != null) {
        return reply.text();
      }
      return inbound instanceof Inbound.Text t ? t.text() : inbound instanceof Inbound.QuickReply q ? q.text() : null;
    }
  }

  /** An answer the fake refused: the HTTP status, the reason, the body as sent. */
  public record Refusal(Instant at, int status, String reason, String body) {}

  /**
   * A chat ({@code activitiesWeb}) and everything in it.
   *
   * @param state {@code BOT}, {@code QUEUE} or {@code CLOSED}
   * @param queue the queue it was transferred to, null before
   */
  public record Chat(String name, String customer, String email, String state, Integer queue,
      List<Message> messages, List<Refusal> refused) {
    public Chat {
      messages = List.copyOf(messages);
      refused = List.copyOf(refused);
    }

    /** The bot's replies, in order. */
    public List<Answer.Reply> replies() {
      return messages.stream().filter(m -> m.reply() != null).map(Message::reply).toList();
    }
  }

  private static final class State {
    final String name;
    final String customer;
    final String email;
    String state = "BOT";
    Integer queue;
    final List<Message> messages = new ArrayList<>();
    final List<Refusal> refused = new ArrayList<>();

    State(String name, String customer, String email) {
      this.name = name;
      this.customer = customer;
      this.email = email;
    }

    Chat view() {
      return new Chat(name, customer, email, state, queue, messages, refused);
    }
  }

  private final Config config;
  private final WebhookSender sender;
  private final DaktelaChatDelivery delivery;
  private final DaktelaChatServer api;
  private final FakeServer server;
  private final Map<String, State> chats = new LinkedHashMap<>();
  private BotEndpoint bot;
  private long seq;

  private final DaktelaChatRealtime realtime = new DaktelaChatRealtime();
  private final DaktelaChatTickets tickets;

  private DaktelaChatFake(Config config) {
    this.config = config;
    this.sender = new WebhookSender("daktela-chat-fake", config.delivery(), config.clock());
    this.delivery = new DaktelaChatDelivery(config, sender);
    this.tickets = new DaktelaChatTickets(config);
    this.api = new DaktelaChatServer(this);
    this.server = new FakeServer(config.port(), api);
  }

  public static DaktelaChatFake start() {
    return start(Config.defaults());
  }

  /** Starts a fake on its own HTTP port; close it when done. */
  public static DaktelaChatFake start(Config config) {
    DaktelaChatFake fake = new DaktelaChatFake(config);
    return fake.server.startFor(fake);
  }

  @Override
  public String baseUrl() {
    return server.baseUrl();
  }

  public Config config() {
    return config;
  }

  /** The admin points the chat routing's external bot at {@code endpoint} (replacing an earlier one). */
  public synchronized void connectBot(BotEndpoint endpoint) {
    this.bot = Objects.requireNonNull(endpoint, "endpoint");
  }

  /** The {@code response_url} of a chat. */
  public String responseUrl(String chat) {
    return baseUrl() + RESPONSE_PATH + chat;
  }

  // ---------------------------------------------------------------- customers

  /** A customer opens the web chat and writes {@code text}; returns the chat's name. */
  public synchronized String customerStarts(String customer, String email, String text) {
    requireBot();
    String name = String.format("activitiesWeb_%013x", 0x65a1b2c3d4e00L + ++seq);
    chats.put(name, new State(name, customer, email));
    customer(name, new Inbound.Text(requireText(text)));
    return name;
  }

  /** The customer writes; returns the message's name. */
  public synchronized String customerSends(String chat, String text) {
    return customer(chat, new Inbound.Text(requireText(text)));
  }

  /** The customer picks a quick reply the bot offered ({@code name}, shown as {@code text}). */
  public synchronized String customerChooses(String chat, String quickReplyName, String text) {
    return customer(chat, new Inbound.QuickReply(requireText(quickReplyName), requireText(text)));
  }

  /** The customer clicks a button the bot offered. */
  public synchronized String customerClicks(String chat, String buttonName) {
    return customer(chat, new Inbound.Button(requireText(buttonName)));
  }

  /** The customer closes the chat: a {@code terminate} goes to the bot if it still has the chat. */
  public synchronized void customerEnds(String chat) {
    State s = require(chat);
    if (s.state.equals("CLOSED")) {
      throw new IllegalStateException("chat " + chat + " is closed");
    }
    record(s, new Inbound.Terminate(), s.state.equals("BOT"));
    s.state = "CLOSED";
  }

  private String customer(String chat, Inbound what) {
    State s = require(chat);
    if (s.state.equals("CLOSED")) {
      throw new IllegalStateException("chat " + chat + " is closed");
    }
    return record(s, what, s.state.equals("BOT"));
  }

  /** Records the customer's message and, when the bot has the chat, sends it there. */
  private String record(State s, Inbound what, boolean toBot) {
    if (toBot) {
      requireBot();
    }
    Instant now = config.clock().instant();
    String name = String.format("messages_%013x", 0x65a1b2c3d4e00L + ++seq);
    s.messages.add(new Message(name, now, "IN", what, null));
    if (toBot) {
      delivery.send(bot, name, now, s.name, responseUrl(s.name), what);
    }
    return name;
  }

  /**
   * Sends a customer's earlier message to the bot again, as first sent (same name, body and bot URL), whatever the
   * chat's state now: a retry Daktela had queued before the chat left the bot, or one it makes although the first
   * delivery did arrive. Copies and retries follow the current policy.
   *
   * @throws IllegalArgumentException when no message of that name was sent to the bot
   */
  public synchronized void redeliver(String message) {
    delivery.redeliver(message);
  }

  /** The names of the customer's messages in {@code chat} that were sent to the bot, oldest first. */
  public synchronized List<String> sentToBot(String chat) {
    return require(chat).messages.stream().map(Message::name).filter(delivery::wasSent).toList();
  }

  // ---------------------------------------------------------------- the bot's answers (called by the server)

  /** Serves one answer; returns the status and body. Called under the server's lock. */
  synchronized DaktelaChatServer.Reply answer(String chat, byte[] raw) {
    State s = chats.get(chat);
    Instant now = config.clock().instant();
    String text = raw == null ? "" : new String(raw, StandardCharsets.UTF_8);
    if (s == null) {
      return new DaktelaChatServer.Reply(404, DaktelaChatWire.error("no chat " + chat));
    }
    Answer answer;
    try {
      answer = DaktelaChatWire.answer(raw, chat);
      if (answer instanceof Answer.Transfer t && !QUEUES.containsKey(t.queue())) {
        throw new IllegalArgumentException("queue " + t.queue() + " is not a chat queue; known: " + QUEUES.keySet());
      }
    } catch (IllegalArgumentException e) {
      s.refused.add(new Refusal(now, 400, e.getMessage(), text));
      return new DaktelaChatServer.Reply(400, DaktelaChatWire.error(e.getMessage()));
    }
    if (!s.state.equals("BOT")) {
      String reason = "chat " + chat + " is no longer with the bot (" + (s.queue != null
          ? "transferred to queue " + s.queue : "closed") + ")";
      s.refused.add(new Refusal(now, 409, reason, text));
      return new DaktelaChatServer.Reply(409, DaktelaChatWire.error(reason));
    }
    if (answer instanceof Answer.Transfer t) {
      s.state = "QUEUE";
      s.queue = t.queue();
    } else {
      s.messages.add(new Message(String.format("messages_%013x", 0x65a1b2c3d4e00L + ++seq), now, "OUT", null,
          (Answer.Reply) answer));
    }
    return new DaktelaChatServer.Reply(200, DaktelaChatWire.ok());
  }

  // ---------------------------------------------------------------- state

  public synchronized Optional<Chat> chat(String name) {
    return Optional.ofNullable(chats.get(name)).map(State::view);
  }

  public synchronized List<Chat> chats() {
    return chats.values().stream().map(State::view).toList();
  }

  /** Every inbound delivery attempt to the bot (message id: the message's name; conversation: the chat). */
  public List<DeliveryAttempt> deliveries() {
    return sender.attempts();
  }

  public int pendingDeliveries() {
    return sender.pending();
  }

  /**
   * Every inbound message from now on is sent {@code copies} times in all, each after a random wait up to
   * {@code jitter} (so they arrive out of order); {@code chaos(1, Duration.ZERO)} stops it.
   */
  public synchronized void chaos(int copies, Duration jitter) {
    delivery.chaos(copies, jitter);
  }

  /**
   * An inbound message that gets no answer is retried every back-off for up to {@code window} (a load balancer
   * holding requests while the connector restarts); zero restores the plain policy.
   */
  public synchronized void redeliverWhileUnreachable(Duration window) {
    delivery.redeliverWhileUnreachable(Objects.requireNonNull(window, "window"));
  }

  /** Each attempt goes to the next of these endpoints in turn (a load balancer); empty restores the bot's URL. */
  public void routeDeliveriesTo(List<URI> endpoints) {
    sender.route(endpoints);
  }

  /** Waits (real time) until no delivery to the bot is pending; false on timeout. */
  public boolean awaitDeliveries(Duration timeout) {
    return sender.awaitIdle(timeout);
  }

  /** The bot's calls to the {@code response_url}s (conversation: the chat), refused ones included. */
  public RequestJournal journal() {
    return api.journal();
  }

  /** Requests neither this fake nor the ticket fake behind its REST API serves. */
  @Override
  public List<String> unmatchedRequests() {
    var all = new ArrayList<>(api.journal().unmatched());
    all.addAll(tickets.unmatched());
    return List.copyOf(all);
  }

  /** The REST API's realtime sessions ({@code GET /api/v6/realtimeSessions.json}) and their switches. */
  public DaktelaChatRealtime realtime() {
    return realtime;
  }

  /**
   * The rest of the instance's REST API on the same base URL ({@link DaktelaChatTickets}): tickets, activities,
   * categories and the rest of what the ticket fake serves, for a bot that also writes tickets.
   */
  public DaktelaChatTickets tickets() {
    return tickets;
  }

  /** The bot's next {@code count} answers get {@code status} (not recorded as messages; 429 with Retry-After 1). */
  public void failNextAnswers(int count, int status) {
    api.failNext(count, status);
  }

  /**
   * The bot's next {@code count} answers are served as usual (a text is recorded, a transfer made) and their answer is
   * sent {@code delay} late: a bot whose timeout is shorter sees no answer although the answer took effect.
   */
  public void delayNextAnswers(int count, Duration delay) {
    api.delayNext(count, delay);
  }

  /** As {@link #delayNextAnswers} for the {@code nth} answer from now on only (1: the next one). */
  public void delayAnswer(int nth, Duration delay) {
    api.delayNth(nth, delay);
  }

  public void clearFaults() {
    api.clearFaults();
  }

  // ---------------------------------------------------------------- lifecycle

  @Override
  public void reset() {
    api.reset();
    realtime.reset();
    tickets.reset();
    sender.reset();
    sender.route(List.of());
    synchronized (this) {
      chats.clear();
      bot = null;
      seq = 0;
      delivery.clear();
    }
  }

  @Override
  public void close() {
    server.stop();
    sender.close();
    tickets.close();
  }

  private void requireBot() {
    if (bot == null) {
      throw new IllegalStateException("no bot is connected: call connectBot(...) (control: POST /__control/bot)");
    }
  }

  private State require(String chat) {
    State s = chats.get(chat);
    if (s == null) {
      throw new IllegalArgumentException("no chat " + chat);
    }
    return s;
  }

  private static String requireText(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("a text must not be blank");
    }
    return text;
  }
}
