package io.deskbridge.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.Deskbridge;
import io.deskbridge.core.DeskbridgeConfig;
import io.deskbridge.core.api.ApiConnectorFactory;
import io.deskbridge.core.api.ApiKeys;
import io.deskbridge.core.bot.BotConfig;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.engine.EngineSettings;
import io.deskbridge.core.engine.Installation;
import io.deskbridge.core.engine.Mode;
import io.deskbridge.core.engine.RetryPolicy;
import io.deskbridge.core.engine.Routing;
import io.deskbridge.core.knowledge.KnowledgeLoader;
import io.deskbridge.core.lookup.BackOfficeConfig;
import io.deskbridge.core.store.StoreConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The demo's Conversation API session: a server with one installation of kind {@code api} and a client key, then the
 * chat script's moments over HTTP as a client would call them (an answer, a clarification, three quick messages, a
 * handover with its summary fields, {@code handover-completed}, silence, {@code release}), each printed with its
 * {@code curl} line and checked against what the script expects. The API does not debounce (an {@code api}
 * installation is not a chat vendor: each POST is answered synchronously, on its own), and the session shows that.
 * Needs no vendor fake, so it runs without the {@code lib-demo/} folder.
 */
final class ApiDemo {
  /** The installation id: the key's scope. */
  static final String INSTALLATION = "web";
  /** Stands for the key in the printed {@code curl} lines. */
  private static final String KEY_VARIABLE = "$KEY";
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One call of the session.
   *
   * @param curl     the equivalent {@code curl} line ({@code $BASE} and {@code $KEY} stand for the server and the key)
   * @param expected what the script expects, e.g. {@code 200 reply (delivery)}
   * @param answer   the response's JSON, {@code null} when it had none
   * @param replayed whether the server said the answer was an idempotent replay
   * @param millis   from sending the request to the whole response
   */
  record Call(String says, String curl, String expected, int status, JsonNode answer, boolean replayed, boolean ok,
      long millis) {
    String decision() {
      return answer == null ? "" : answer.path("decision").asText("");
    }
  }

  /** The session: its calls, whether each was as the script expects, and the duration. */
  record Run(String baseUrl, List<Call> calls, double seconds) {
    boolean ok() {
      return calls.stream().allMatch(Call::ok);
    }
  }

  /** The server's configuration: one {@code api} installation in auto mode, routing to the client's queue ids. */
  static DeskbridgeConfig config() {
    return config(null);
  }

  /** As {@link #config()}, with the back office its order lookups read (null: none). */
  static DeskbridgeConfig config(BackOfficeConfig backOffice) {
    var routing = new Routing("general", Map.of("General", "general", "Billing", "billing", "Shipping", "shipping",
        "Accounts", "accounts"), "deskbridge_handover");
    return new DeskbridgeConfig(new DeskbridgeConfig.Server("127.0.0.1", 0, 1 << 20),
        StoreConfig.h2Memory("demo-api-" + System.nanoTime()),
        new EngineSettings(4, Duration.ofSeconds(30), Duration.ofMillis(100), 5, Duration.ofDays(1)), Path.of("demo-kb"),
        null, null, Settings.of("bot", Map.of()), List.of(new DeskbridgeConfig.InstallationConfig(INSTALLATION,
            ApiConnectorFactory.VENDOR, Mode.AUTO, routing, new RetryPolicy(6, Duration.ofMillis(100),
                Duration.ofSeconds(5)), 100_000, Settings.of("installations[" + INSTALLATION + "].settings",
                Map.of()), false, Installation.DEFAULT_CHAT_DEBOUNCE, Installation.DEFAULT_CHAT_SESSION_TIMEOUT,
            Installation.DEFAULT_EMAIL_MAX_REPLIES_PER_DAY,
            backOffice)));
  }

  /** Starts the server, makes a key, plays the session. */
  static Run run() {
    long started = System.nanoTime();
    var shop = ApiDemoShop.startIfAvailable();
    try (var deskbridge = Deskbridge.start(config(shop.map(ApiDemoShop::backOffice).orElse(null)),
        KnowledgeLoader.loadFromClasspath(
        DemoCommand.class.getClassLoader(), "demo-kb"), BotConfig.defaults(), Connectors.discover(), Clock.systemUTC())) {
      String key = new ApiKeys(deskbridge.store().conversationApi(), Clock.systemUTC())
          .create(INSTALLATION, "demo-session").secret();
      var session = new Session("http://127.0.0.1:" + deskbridge.port(), key, shop.isPresent());
      session.script();
      return new Run(session.base, List.copyOf(session.calls), (System.nanoTime() - started) / 1e9);
    } finally {
      shop.ifPresent(ApiDemoShop::close);
    }
  }

  /** The demo's e-mail: a greeting, two questions, a signature, and the shop's earlier reply quoted under it. */
  static final String MAIL = """
      Hello,

      I can't log in to my account. How do I reset my password?

      And how long does delivery take to Brno?

      Thanks,
      Jan

      On Mon, 30 Nov 2026 at 09:12, Acme Shop <support@acme.example> wrote:
      > Hello Jan, you will find the invoice for your order under My account > Orders.
      > Kind regards, Acme Shop support
      """;
  static final String MAIL_SAYS = "(e-mail) 2 questions + quoted history + signature";
  /** The out-of-office notice the customer's mail system sends back (the API carries no headers: its wording). */
  static final String OUT_OF_OFFICE = "Thank you for your e-mail. I am out of the office until 14 December with "
      + "limited access to e-mail. For urgent matters please contact eva@example.com.";
  static final String OUT_OF_OFFICE_SAYS = "  ↳ (e-mail) the customer's out-of-office reply";

  /** The scripted calls against one server with one key. */
  private static final class Session {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String key;
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, String> answered = new java.util.HashMap<>(); // Idempotency-Key -> messageId

    private final boolean shop;

    Session(String base, String key, boolean shop) {
      this.base = base;
      this.key = key;
      this.shop = shop;
    }

    void script() {
      message("How long does delivery take to Brno?", "chat-4711", "chat-4711-1",
          "{\"text\":\"How long does delivery take to Brno?\",\"channel\":\"chat\","
              + "\"customer\":{\"id\":\"c-981\",\"email\":\"jan@example.com\"}}", "reply", "delivery");
      message("  ↳ (the same POST again: a client's retry)", "chat-4711", "chat-4711-1",
          "{\"text\":\"How long does delivery take to Brno?\",\"channel\":\"chat\","
              + "\"customer\":{\"id\":\"c-981\",\"email\":\"jan@example.com\"}}", "reply", "delivery");
      message("Hi, I have a problem with something.", "chat-4712", "chat-4712-1",
          text("Hi, I have a problem with something."), "clarify", "low_confidence");
      message("  ↳ It's about the invoice for my last purchase, I need a copy.", "chat-4712", "chat-4712-2",
          text("It's about the invoice for my last purchase, I need a copy."), "reply", "invoices");
      message("Hi  (1 of 3 quick lines)", "chat-4713", "chat-4713-1", text("Hi"), "clarify", "low_confidence");
      message("  ↳ I can't log in to my account  (2 of 3)", "chat-4713", "chat-4713-2",
          text("I can't log in to my account"), "reply", "password-reset");
      message("  ↳ How do I reset my password?  (3 of 3)", "chat-4713", "chat-4713-3",
          text("How do I reset my password?"), "handover", "loop");
      message("Hi | I can't log in to my account | How do I reset my password? (as 1)", "chat-4715", "chat-4715-1",
          text("Hi\nI can't log in to my account\nHow do I reset my password?"), "reply", "password-reset");
      // with the shop's order API as the back office: Liam's own order is looked up, someone else asking is handed over
      message("Where is my order #48213? It was supposed to arrive yesterday.", "chat-4714", "chat-4714-1",
          "{\"text\":\"Where is my order #48213? It was supposed to arrive yesterday.\",\"channel\":\"chat\","
              + "\"customer\":{\"email\":\"" + ApiDemoShop.OWNER_EMAIL + "\"}}", "reply",
          shop ? "looked_up" : "order-status");
      if (shop) {
        message("(another customer) Where is order #48213?", "chat-4716", "chat-4716-1",
            "{\"text\":\"Where is order #48213? What is its status?\",\"channel\":\"chat\","
                + "\"customer\":{\"email\":\"ava@example.com\"}}", "handover", "lookup_identity_mismatch");
      }
      message("  ↳ That does not help. I want to talk to a real person.", "chat-4714", "chat-4714-2",
          text("That does not help. I want to talk to a real person."), "handover", "human_request");
      ownership("  ↳ (agent alice picks the chat up in your queue)", "chat-4714", "handover-completed",
          "{\"agent\":\"alice\"}", "human");
      message("  ↳ (after handover) Hello? Is anyone there?", "chat-4714", "chat-4714-3",
          text("Hello? Is anyone there?"), "ignore", "human_owns_conversation");
      ownership("  ↳ (alice hands the chat back to the bot)", "chat-4714", "release", null, "bot");
      message("  ↳ (new bot episode) Thanks! And how do I reset my password?", "chat-4714", "chat-4714-4",
          text("Thanks! And how do I reset my password?"), "reply", "password-reset");
      // e-mail: the quoted history and the signature are not read, the two questions get one reply; the customer's
      // out-of-office notice that comes back is read by the loop guard and never answered
      message(MAIL_SAYS, "mail-4721", "mail-4721-1", email(MAIL), "reply", "multiple_requests");
      message(OUT_OF_OFFICE_SAYS, "mail-4721", "mail-4721-2", email(OUT_OF_OFFICE), "ignore", "auto_reply");
      var state = send("GET", "/api/v1/conversations/chat-4714", null, null);
      JsonNode answer = state.answer();
      boolean ok = state.status() == 200 && answer != null && answer.path("state").path("episode").asInt() == 2
          && answer.path("audit").size() >= 5 && answer.path("messages").size() >= 4;
      calls.add(new Call("(state, transcript and audit trail)", state.curl(), "200 state episode 2 with audit",
          state.status(), answer, false, ok, state.millis()));
    }

    private static String email(String text) {
      return "{\"text\":" + JSON.valueToTree(text) + ",\"channel\":\"email\",\"customer\":{\"email\":"
          + "\"jan@example.com\"}}";
    }

    private static String text(String text) {
      return "{\"text\":" + JSON.valueToTree(text) + ",\"channel\":\"chat\"}";
    }

    /** A customer message, and the decision and reason (or article) the script expects. */
    private void message(String says, String conversation, String idempotencyKey, String body, String decision,
        String reason) {
      var sent = send("POST", "/api/v1/conversations/" + conversation + "/messages", idempotencyKey, body);
      JsonNode a = sent.answer();
      Predicate<JsonNode> expected = n -> n.path("decision").asText().equals(decision)
          && (reasons(n).contains(reason) || n.path("reply").path("articleId").asText().equals(reason));
      boolean ok = sent.status() == 200 && a != null && expected.test(a);
      String first = answered.putIfAbsent(idempotencyKey, a == null ? "" : a.path("messageId").asText());
      if (first != null) { // a retry: the first answer again, the conversation not advanced
        ok = ok && sent.replayed() && a.path("messageId").asText().equals(first);
      }
      calls.add(new Call(says, sent.curl(), "200 " + decision + " (" + reason + ")", sent.status(), a,
          sent.replayed(), ok, sent.millis()));
    }

    private void ownership(String says, String conversation, String action, String body, String owner) {
      var sent = send("POST", "/api/v1/conversations/" + conversation + "/" + action, null, body);
      JsonNode a = sent.answer();
      boolean ok = sent.status() == 200 && a != null && a.path("state").path("owner").asText().equals(owner);
      calls.add(new Call(says, sent.curl(), "200 owner " + owner, sent.status(), a, false, ok, sent.millis()));
    }

    private record Sent(String curl, int status, JsonNode answer, boolean replayed, long millis) {}

    private Sent send(String method, String path, String idempotencyKey, String body) {
      var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
          .header("Authorization", "Bearer " + key);
      var curl = new StringBuilder("curl -sS");
      if (method.equals("POST")) {
        curl.append(" -X POST");
      }
      curl.append(" $BASE").append(path).append(" -H \"Authorization: Bearer ").append(KEY_VARIABLE).append('"');
      if (body != null) {
        request.header("Content-Type", "application/json");
        curl.append(" -H 'Content-Type: application/json'");
      }
      if (idempotencyKey != null) {
        request.header("Idempotency-Key", idempotencyKey);
        curl.append(" -H 'Idempotency-Key: ").append(idempotencyKey).append('\'');
      }
      if (body != null) {
        curl.append(" -d '").append(body.replace("'", "'\\''")).append('\'');
      }
      request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
          : HttpRequest.BodyPublishers.ofString(body));
      try {
        long sent = System.nanoTime();
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        long millis = (System.nanoTime() - sent) / 1_000_000;
        JsonNode answer = response.body().isBlank() ? null : JSON.readTree(response.body());
        return new Sent(curl.toString(), response.statusCode(), answer,
            response.headers().firstValue("Idempotent-Replayed").isPresent(), millis);
      } catch (IOException e) {
        throw new UncheckedIOException(method + " " + path + ": " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  private static List<String> reasons(JsonNode answer) {
    var out = new ArrayList<String>();
    answer.path("reasons").forEach(r -> out.add(r.asText()));
    return out;
  }

  static void print(PrintStream out, Run run) {
    out.println();
    out.println("Deskbridge demo: the Conversation API at " + run.baseUrl() + "/api/v1 (installation " + INSTALLATION
        + ", kind api), web-shop knowledge base");
    out.println("  the key: deskbridge api-key create --installation " + INSTALLATION
        + " --name demo-session --config deskbridge.yaml; then KEY=dbk_... BASE=" + run.baseUrl());
    out.println();
    out.printf("%-3s %-52s %-11s %-34s %s%n", "#", "the client sends", "status, ms", "decision (reasons)",
        "what comes back");
    out.println("-".repeat(160));
    int n = 0;
    for (var c : run.calls()) {
      n++;
      out.printf("%-3d %-52s %-11s %-34s %s%s%n", n, DemoCommand.excerpt(c.says(), 52), c.status() + ", " + c.millis(),
          DemoCommand.excerpt(decision(c), 34), DemoCommand.excerpt(comesBack(c), 70),
          c.ok() ? "" : "   <-- expected " + c.expected());
    }
    out.println();
    out.println("Three quick messages: an api installation does not debounce (it is no chat vendor: each POST is answered");
    out.println("synchronously, on its own), so the three lines got " + String.join(", ", run.calls().subList(4, 7)
        .stream().map(ApiDemo::decision).toList()) + ": the third repeats what was answered.");
    out.println("A client that wants one answer sends the lines as one message (call 8).");
    if (run.calls().stream().anyMatch(c -> reasons(c.answer() == null ? JSON.nullNode() : c.answer())
        .contains("looked_up"))) {
      out.println("Order " + ApiDemoShop.ORDER + " is read from the web shop's order API (the installation's backOffice,"
          + " the shop fake): its owner");
      out.println("gets the status (looked_up); another customer asking about it is handed over"
          + " (lookup_identity_mismatch), told nothing of it.");
    }
    run.calls().stream().filter(c -> c.says().equals(MAIL_SAYS) && c.answer() != null).findFirst().ifPresent(c -> {
      out.println();
      out.println("The e-mail (channel email) read without its quoted history and signature; its two questions got one"
          + " reply (" + String.join(", ", reasons(c.answer())) + "):");
      c.answer().path("reply").path("text").asText().lines().forEach(line -> out.println("    " + line));
    });
    run.calls().stream().filter(c -> c.says().equals(OUT_OF_OFFICE_SAYS) && c.answer() != null).findFirst()
        .ifPresent(c -> out.println("The out-of-office reply that came back: " + c.decision() + " ("
            + String.join(", ", reasons(c.answer())) + "), nothing sent: the loop guard keeps two mail systems from "
            + "answering each other."));
    run.calls().stream().filter(c -> c.decision().equals("handover") && c.says().contains("real person"))
        .reduce((a, b) -> b).ifPresent(c -> {
      var h = c.answer().path("handover");
      out.println();
      out.println("The handover's fields, for the client's agent:");
      String group = h.path("routingGroup").asText();
      out.println("    groupId:         " + h.path("groupId").asText() + (group.isEmpty() ? " (the default group)"
          : " (routing group " + group + ")"));
      out.println("    customerMessage: " + h.path("customerMessage").asText());
      out.println("    summary:         " + h.path("summary"));
      out.println("    summaryText:");
      h.path("summaryText").asText().lines().forEach(line -> out.println("        " + line));
    });
    out.println();
    out.println("The same calls with curl:");
    out.println("    BASE=http://localhost:8080; KEY=dbk_...");
    run.calls().stream().map(Call::curl).distinct().forEach(line -> out.println("    " + line));
    out.printf("%nConversation API: %d of %d scripted calls as expected; %.1f s.%n",
        run.calls().stream().filter(Call::ok).count(), run.calls().size(), run.seconds());
  }

  private static String decision(Call c) {
    if (c.answer() == null) {
      return "(no body)";
    }
    if (!c.decision().isEmpty()) {
      return c.decision() + " (" + String.join(", ", reasons(c.answer())) + ")";
    }
    var state = c.answer().path("state");
    return state.isMissingNode() ? c.answer().path("status").asText() : "owner " + state.path("owner").asText()
        + ", episode " + state.path("episode").asText();
  }

  private static String comesBack(Call c) {
    var a = c.answer();
    if (a == null) {
      return "";
    }
    if (a.has("handover")) {
      return "groupId " + a.path("handover").path("groupId").asText() + "; tell: "
          + a.path("handover").path("customerMessage").asText();
    }
    if (a.has("reply")) {
      return (c.replayed() ? "(Idempotent-Replayed, same messageId) " : "") + "reply.text: "
          + a.path("reply").path("text").asText();
    }
    if (a.has("audit")) {
      return a.path("messages").size() + " messages, " + a.path("audit").size() + " audit records";
    }
    if (!a.path("decision").asText().equals("ignore")) {
      return "";
    }
    return reasons(a).contains("human_owns_conversation") ? "(nothing to say: a person owns it)" : "(nothing sent)";
  }

  private ApiDemo() {}
}
