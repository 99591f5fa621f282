package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** A smoke run of the load benchmark's options: one short step against one real connector process. */
class BenchIT {
  @TempDir
  Path dir;

  @Test
  void measuresAShortStepThroughAConnectorProcess() throws Exception {
    Path json = dir.resolve("bench.json");

    int exit = new CommandLine(new Main()).execute("bench", "--rate", "20", "--seconds", "1", "--warmup", "0",
        "--store", "h2", "--instances", "1", "--fake-bot", "--json", json.toString());

    assertThat(exit).isZero();
    var step = new ObjectMapper().readTree(json.toFile()).get("steps").get(0);
    assertThat(step.get("tickets").asInt()).isEqualTo(20);
    assertThat(step.get("lost").asInt()).isZero();
    assertThat(step.get("duplicates").asInt()).isZero();
    assertThat(step.get("afterHandover").asInt()).isZero();
    assertThat(step.get("handedOver").asInt()).isEqualTo(4);
    assertThat(step.get("events").asLong()).isEqualTo(20 + 16 + 2 * 4); // created + echo of each bot comment
    assertThat(step.get("reply").get("p50").asDouble()).isPositive();
    assertThat(step.get("ack").get("p99").asDouble()).isPositive();
    assertThat(step.get("peakRssMb").get(0).asLong()).isPositive();
  }

  @Test
  void runsTheVendorsSideBySideInOneRun() throws Exception {
    Path json = dir.resolve("side-by-side.json");

    int exit = new CommandLine(new Main()).execute("bench", "--vendor", "zendesk,salesforce", "--rate", "20",
        "--seconds", "1", "--warmup", "0", "--fake-bot", "--json", json.toString());

    assertThat(exit).isZero();
    var steps = new ObjectMapper().readTree(json.toFile()).get("steps");
    assertThat(steps).hasSize(2);
    assertThat(steps.get(0).get("config").asText()).startsWith("Zendesk, ");
    assertThat(steps.get(1).get("config").asText()).startsWith("Salesforce, ");
    for (var step : steps) {
      assertTwentyTicketsFourHandedOverNoneLost(step);
      assertThat(step.get("events").asLong()).as("every Case's notifications and the echoes").isGreaterThan(20);
    }
  }

  /**
   * Daktela both ways in one run: the Events module's webhooks, and the connector polling every 0.25 s (no
   * deliveries, so no events counted; the reply waits for the next poll). No latency bound: a one-second cold step on a
   * shared machine says nothing about it (docs/benchmarks.md has the measured run).
   */
  @Test
  void runsDaktelaWithWebhooksAndPolled() throws Exception {
    Path json = dir.resolve("daktela.json");

    int exit = new CommandLine(new Main()).execute("bench", "--vendor", "daktela,daktela-polling", "--rate", "20",
        "--seconds", "1", "--warmup", "0", "--fake-bot", "--json", json.toString());

    assertThat(exit).isZero();
    var steps = new ObjectMapper().readTree(json.toFile()).get("steps");
    assertThat(steps).hasSize(2);
    assertThat(steps.get(0).get("config").asText()).startsWith("Daktela, ");
    assertThat(steps.get(1).get("config").asText()).startsWith("Daktela (polling), ");
    for (var step : steps) {
      assertTwentyTicketsFourHandedOverNoneLost(step);
    }
    assertThat(steps.get(0).get("events").asLong()).as("each ticket's creation, e-mails and comments").isGreaterThan(20);
    assertThat(steps.get(1).get("events").asLong()).as("polled: no webhook deliveries").isZero();
  }

  @Test
  void refusesTwoInstancesOnAnH2File() {
    var err = new StringWriter();
    var cli = new CommandLine(new Main());
    cli.setErr(new PrintWriter(err));

    int exit = cli.execute("bench", "--instances", "2", "--store", "h2", "--seconds", "1", "--warmup", "0");

    assertThat(exit).isNotZero();
    assertThat(err.toString()).contains("two instances need --store postgres");
  }

  /** A 20-ticket step of the side-by-side runs: 4 handed over, none lost or doubled, API calls and replies counted. */
  private static void assertTwentyTicketsFourHandedOverNoneLost(JsonNode step) {
    assertThat(step.get("tickets").asInt()).isEqualTo(20);
    assertThat(step.get("handedOver").asInt()).isEqualTo(4);
    assertThat(step.get("lost").asInt()).isZero();
    assertThat(step.get("duplicates").asInt()).isZero();
    assertThat(step.get("afterHandover").asInt()).isZero();
    assertThat(step.get("apiCallsPerAnswered").asDouble()).isPositive();
    assertThat(step.get("apiCallsPerHandover").asDouble()).isGreaterThan(step.get("apiCallsPerAnswered").asDouble());
    assertThat(step.get("reply").get("p50").asDouble()).isPositive();
  }
}
