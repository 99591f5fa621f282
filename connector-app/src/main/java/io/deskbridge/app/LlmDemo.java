package io.deskbridge.app;

import ch.qos.logback.classic.Level;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.Deskbridge;
import io.deskbridge.core.DeskbridgeConfig;
import io.deskbridge.core.api.ApiKeys;
import io.deskbridge.core.bot.BotConfig;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.knowledge.KnowledgeLoader;
import io.deskbridge.core.llm.AnswerConfig;
import io.deskbridge.core.llm.LlmSettings;
import io.deskbridge.mock.openai.OpenAiFake;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * The demo's second run, {@code demo --answer-mode llm}: the Conversation API installation of {@link ApiDemo} with
 * {@code answer.mode: llm} against the OpenAI-compatible fake of mock-servers ({@link OpenAiFake}, started in this
 * process as the other fakes are). The bot still decides whether to answer; the model only writes. Three calls: a
 * Czech question the fake answers well (sent, {@code llm_ok}); a question while the fake is adversarial and invents an
 * amount, a date and a phone number (refused by the guardrails: the extractive answer goes out, with
 * {@code llm_fallback_extractive} and the broken rule in the reasons and the audit); and, with the web shop's order
 * API as back office, the owner's order status written by the model from the looked-up record. Needs the
 * {@code lib-demo/} folder (the fakes).
 */
final class LlmDemo {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One call: what the customer wrote, what the fake did, what came back, whether it was as the script expects. */
  record Call(String says, String model, String expected, JsonNode answer, boolean ok) {
    List<String> reasons() {
      var out = new ArrayList<String>();
      answer.path("reasons").forEach(r -> out.add(r.asText()));
      return out;
    }
  }

  /** The session's calls and the requests the fake could not answer (none expected). */
  record Run(List<Call> calls, List<String> unmatched, double seconds) {
    boolean ok() {
      return unmatched.isEmpty() && calls.stream().allMatch(Call::ok);
    }
  }

  /** Runs and prints the session; 0 when every call was as expected, else 1. */
  static int run(boolean verbose, PrintStream out) {
    if (!verbose) {
      ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    }
    var run = session();
    print(out, run);
    return run.ok() ? 0 : 1;
  }

  static Run session() {
    long started = System.nanoTime();
    var shop = ApiDemoShop.startIfAvailable();
    try (var llm = OpenAiFake.start(OpenAiFake.Config.defaults())) {
      var settings = LlmSettings.of(llm.v1Url(), "gpt-fake", Secret.of(llm.config().apiKey()))
          .withTimeout(Duration.ofSeconds(5)).withAttempts(1);
      var base = ApiDemo.config(shop.map(ApiDemoShop::backOffice).orElse(null));
      var web = base.installations().get(0);
      var installation = new DeskbridgeConfig.InstallationConfig(web.id(), web.vendor(), web.mode(), web.routing(),
          web.retry(), web.requestsPerMinute(), web.settings(), web.reopenStartsEpisode(), web.chatDebounce(),
          web.chatSessionTimeout(), web.emailMaxRepliesPerDay(), web.backOffice(), AnswerConfig.llm(settings));
      var config = new DeskbridgeConfig(base.server(), base.store(), base.engine(), base.knowledge(), base.cache(),
          base.calibrationCases(), base.bot(), List.of(installation));
      try (var deskbridge = Deskbridge.start(config, KnowledgeLoader.loadFromClasspath(
          DemoCommand.class.getClassLoader(), "demo-kb"), BotConfig.defaults(), Connectors.discover(),
          Clock.systemUTC())) {
        String key = new ApiKeys(deskbridge.store().conversationApi(), Clock.systemUTC())
            .create(ApiDemo.INSTALLATION, "demo-llm").secret();
        var client = new Client("http://127.0.0.1:" + deskbridge.port(), key);
        var calls = new ArrayList<Call>();
        calls.add(client.call("Jak dlouho trvá doručení do Brna?", "c-1", "", "scripted: a good Czech answer",
            fake -> fake.script("{\"answer\":\"Do Brna obvykle doručujeme za 1–2 pracovní dny. Objednávky nad "
                + "1 200 Kč doručíme zdarma.\",\"articleIds\":[\"delivery\"]}"),
            "reply (llm_ok)", a -> reasons(a).contains("llm_ok"), llm));
        calls.add(client.call("How much does shipping cost?", "c-2", "", "adversarial: invents numbers",
            fake -> fake.adversarial(OpenAiFake.Attack.INVENT_NUMBERS),
            "reply (llm_fallback_extractive, llm_unsupported_fact)",
            a -> reasons(a).contains("llm_fallback_extractive") && reasons(a).contains("llm_unsupported_fact")
                && !a.path("reply").path("text").asText().contains("1,337.42"), llm));
        if (shop.isPresent()) {
          calls.add(client.call("Where is my order #" + ApiDemoShop.ORDER + "?", "c-3", ApiDemoShop.OWNER_EMAIL,
              "scripted: the status from the looked-up record",
              fake -> {
                fake.scriptedMode();
                fake.script("{\"answer\":\"Good news: your order " + ApiDemoShop.ORDER + " has shipped with PPL "
                    + "and should arrive on 2026-12-09.\",\"articleIds\":[\"order-status\"]}");
              },
              "reply (looked_up, llm_ok)", a -> reasons(a).contains("looked_up") && reasons(a).contains("llm_ok"),
              llm));
        }
        return new Run(List.copyOf(calls), llm.unmatchedRequests(), (System.nanoTime() - started) / 1e9);
      }
    } finally {
      shop.ifPresent(ApiDemoShop::close);
    }
  }

  private static List<String> reasons(JsonNode answer) {
    var out = new ArrayList<String>();
    answer.path("reasons").forEach(r -> out.add(r.asText()));
    return out;
  }

  /** Posts customer messages to the Conversation API with one key. */
  private record Client(String base, String key) {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Call call(String text, String conversation, String email, String model, Consumer<OpenAiFake> prepare,
        String expected, java.util.function.Predicate<JsonNode> check, OpenAiFake fake) {
      prepare.accept(fake);
      var body = JSON.createObjectNode().put("text", text).put("channel", "chat");
      if (!email.isEmpty()) {
        body.putObject("customer").put("email", email);
      }
      var request = HttpRequest.newBuilder(URI.create(base + "/api/v1/conversations/llm-" + conversation
          + "/messages")).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + key)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
          .build();
      try {
        var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        JsonNode answer = JSON.readTree(response.body());
        boolean ok = response.statusCode() == 200 && answer.path("decision").asText().equals("reply")
            && check.test(answer);
        return new Call(text, model, expected, answer, ok);
      } catch (IOException e) {
        throw new UncheckedIOException("POST " + conversation + ": " + e.getMessage(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
  }

  static void print(PrintStream out, Run run) {
    out.println();
    out.println("Deskbridge demo, second run: answer.mode llm (installation " + ApiDemo.INSTALLATION
        + ", kind api) against the OpenAI-compatible fake (mock-servers OpenAiFake)");
    out.println("  retrieval and calibration decide whether to answer; the model only writes, and its answer is sent");
    out.println("  only when the guardrails pass (cites a given article, every number and link from the sources, the");
    out.println("  customer's language, the length, no prompt or note leaked); otherwise the extractive answer goes out.");
    out.println();
    int n = 0;
    for (var c : run.calls()) {
      n++;
      out.printf("%d. the customer: %s%n", n, c.says());
      out.printf("   the LLM fake: %s%n", c.model());
      out.printf("   decision: %s (%s)%s%n", c.answer().path("decision").asText(), String.join(", ", c.reasons()),
          c.ok() ? "" : "   <-- expected " + c.expected());
      boolean sent = c.reasons().contains("llm_ok");
      out.printf("   %s%n", sent ? "sent, written by the LLM and guarded:" : "refused: "
          + String.join(", ", c.reasons().stream().filter(r -> r.startsWith("llm_") && !r.equals("llm_ok")
              && !r.equals("llm_fallback_extractive")).toList()) + "; the extractive answer went out instead:");
      c.answer().path("reply").path("text").asText().lines().forEach(line -> out.println("       " + line));
    }
    if (!run.unmatched().isEmpty()) {
      out.println("Requests the LLM fake had no answer for: " + run.unmatched());
    }
    out.printf("%nanswer.mode llm: %d of %d calls as expected; %.1f s.%n",
        run.calls().stream().filter(Call::ok).count(), run.calls().size(), run.seconds());
  }

  private LlmDemo() {}
}
