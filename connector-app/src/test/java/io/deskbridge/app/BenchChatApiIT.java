package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Smoke runs of {@code bench chat} and {@code bench api} (issue #14): a short step each against a real connector
 * process; the report's shape and that nothing failed, no latency bound (a few cold seconds on a shared machine say
 * nothing about it; docs/benchmarks.md has the measured runs).
 */
class BenchChatApiIT {
  @TempDir
  Path dir;

  @Test
  void chatMessagesAreAnsweredOnceEachWithAndWithoutTheWindow() throws Exception {
    Path json = dir.resolve("chat.json");

    int exit = new CommandLine(new Main()).execute("bench", "chat", "--rate", "10", "--seconds", "2", "--warmup", "0",
        "--conversations", "20", "--debounce", "0ms,200ms", "--fake-bot", "--json", json.toString());

    assertThat(exit).isZero();
    var steps = new ObjectMapper().readTree(json.toFile()).get("steps");
    assertThat(steps).hasSize(2);
    assertThat(steps.get(0).get("debounceMs").asLong()).isZero();
    assertThat(steps.get(1).get("debounceMs").asLong()).isEqualTo(200);
    for (var step : steps) {
      assertThat(step.get("config").asText()).startsWith("Zendesk messaging, ");
      assertThat(step.get("messages").asInt()).isEqualTo(20);
      assertThat(step.get("replies").asInt()).as("one conversation each: no debounce merges").isEqualTo(20);
      assertThat(step.get("lost").asInt()).isZero();
      assertThat(step.get("duplicates").asInt()).isZero();
      assertThat(step.get("handovers").asInt()).isZero();
      assertThat(step.get("outOfTurn").asInt()).isZero();
      assertThat(step.get("failedDeliveries").asInt()).isZero();
      assertThat(step.get("deliveries").asInt()).as("each message and each reply coming back").isEqualTo(40);
      assertThat(step.get("raw").get("p50").asDouble()).isPositive();
      // a reply posts one message at least, and a load reads something first
      assertThat(step.get("vendorCallsPerAnswer").asDouble()).isGreaterThanOrEqualTo(2);
      assertThat(step.get("callsPerAnswerByKind").fieldNames()).toIterable()
          .contains("POST /sc/v2/apps/{id}/conversations/{id}/messages");
    }
    var windowed = steps.get(1);
    // a held-back line cannot be answered before its window closed: the window is in the raw figure
    assertThat(windowed.get("raw").get("p50").asDouble()).isGreaterThan(200);
  }

  @Test
  void theConversationApiAnswersEveryRequestAtAFixedRateAndAtSaturation() throws Exception {
    Path json = dir.resolve("api.json");

    int exit = new CommandLine(new Main()).execute("bench", "api", "--rate", "10", "--clients", "2", "--seconds", "2",
        "--warmup", "0", "--fake-bot", "--json", json.toString());

    assertThat(exit).isZero();
    var steps = new ObjectMapper().readTree(json.toFile()).get("steps");
    assertThat(steps).hasSize(2);
    var fixed = steps.get(0);
    assertThat(fixed.get("kind").asText()).isEqualTo("rate");
    assertThat(fixed.get("requests").asInt()).isEqualTo(20);
    var saturation = steps.get(1);
    assertThat(saturation.get("kind").asText()).isEqualTo("clients");
    assertThat(saturation.get("load").asInt()).isEqualTo(2);
    assertThat(saturation.get("requests").asInt()).isPositive();
    for (var step : steps) {
      assertThat(step.get("errors").asInt()).isZero();
      assertThat(step.get("deferred").asInt()).isZero();
      assertThat(step.get("answered").asInt()).isEqualTo(step.get("requests").asInt());
      assertThat(step.get("statuses").fieldNames()).toIterable().containsExactly("200");
      assertThat(step.get("perSecond").asDouble()).isPositive();
      assertThat(step.get("latency").get("p99").asDouble()).isGreaterThanOrEqualTo(
          step.get("latency").get("p50").asDouble());
      int decided = 0;
      for (var d : (Iterable<java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>>)
          step.get("decisions")::fields) {
        assertThat(d.getKey()).isIn("reply", "clarify", "handover");
        decided += d.getValue().asInt();
      }
      assertThat(decided).isEqualTo(step.get("answered").asInt());
    }
  }

  @Test
  void refusesAMalformedDebounce() {
    var err = new StringWriter();
    var cli = new CommandLine(new Main());
    cli.setErr(new PrintWriter(err));

    int exit = cli.execute("bench", "chat", "--debounce", "soon", "--seconds", "1", "--warmup", "0");

    assertThat(exit).isNotZero();
    assertThat(err.toString()).contains("--debounce wants a duration such as 0ms, 1500ms or 1.5s, not 'soon'");
  }
}
