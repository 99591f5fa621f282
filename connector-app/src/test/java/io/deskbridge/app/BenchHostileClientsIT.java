package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Smoke runs of {@code bench fuzz} and {@code bench slow-clients} at small counts against the in-process connector. */
class BenchHostileClientsIT {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private PrintStream original;

  @BeforeEach
  void capture() {
    original = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restore() {
    System.setOut(original);
  }

  @Test
  void fuzzReportsNo5xxAFreshTicketAnsweredAndABoundedAuditOfUnsignedRequests() {
    int exit = new CommandLine(new Main()).execute("bench", "fuzz", "--count", "300", "--unsigned", "200", "--seed", "7");

    String report = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(report).isZero();
    assertThat(report).contains("signed malformed bodies: 300").contains("refused but stored: 0 ")
        .contains("a real ticket opened after: answered").contains("unsigned requests: 200");
    assertThat(report).as("no 5xx status in the tallies").doesNotContainPattern("[{ ]5[0-9][0-9]=");
  }

  @Test
  void slowClientsReportHealthAndWebhookLatencies() {
    int exit = new CommandLine(new Main()).execute("bench", "slow-clients", "--connections", "30", "--seconds", "3");

    String report = out.toString(StandardCharsets.UTF_8);
    assertThat(exit).as(report).isZero();
    assertThat(report).contains("30 slow connections (mixed) held for 3 s").contains("/health: ")
        .contains("a real ticket opened after: answered");
  }
}
