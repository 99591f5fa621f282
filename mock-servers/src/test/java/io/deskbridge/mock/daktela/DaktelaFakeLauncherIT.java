package io.deskbridge.mock.daktela;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.mock.base.LauncherRuns;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The standalone launcher as a user runs it: the README's {@code java -jar} command from the repository root against
 * the jar the build made, called with the printed token, driven through the control endpoints, delivering webhooks
 * to a real endpoint.
 */
class DaktelaFakeLauncherIT {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://localhost:\\d+)");

  private final LauncherRuns runs = new LauncherRuns();

  @AfterEach
  void stopProcesses() throws InterruptedException {
    runs.close();
  }

  private static List<String> launcher(String... args) {
    List<String> command = new ArrayList<>(List.of(LauncherRuns.JAVA, "-jar", "mock-servers/target/daktela-fake.jar"));
    command.addAll(List.of(args));
    return command;
  }

  @Test
  void theDocumentedCommandServesTheApiAndDeliversACustomersTicketAsAWebhook() throws Exception {
    try (Hook hook = new Hook()) {
      List<String> command = LauncherRuns.documentedCommand("java -jar mock-servers/target/daktela-fake.jar",
          "--webhook");
      command.set(command.indexOf("--port") + 1, "0");
      command.set(command.indexOf("--webhook") + 1, hook.uri().toString());
      LauncherRuns.Run run = runs.start(command);

      await().atMost(Duration.ofSeconds(60)).until(() -> run.out().contains("Stop with Ctrl+C."));
      Matcher m = run.out().stream().map(LISTENING::matcher).filter(Matcher::find).findFirst().orElseThrow();
      String base = m.group(1);
      assertThat(String.join("\n", run.out())).contains("accessToken: fake-daktela-token", "deskbridge",
          "Europe/Prague", "/__control/tickets");

      String n = DaktelaFakeControl.at(base).customerCreatesTicket("ann@example.com", "Ann", "Hours", "Open?");
      Http api = new Http(base, "fake-daktela-token");
      assertThat(api.get("/api/v6/tickets/" + n + ".json").result().get("title").asText()).isEqualTo("Hours");
      await().atMost(Duration.ofSeconds(30)).until(() -> !hook.requests().isEmpty());
      assertThat(hook.requests().get(0).body()).isEqualTo("{\"event\":\"ticket_create\",\"ticket\":\"" + n + "\"}");
      assertThat(hook.requests().get(0).secretHeader()).isEqualTo("s3cret");
      assertThat(DaktelaFakeControl.at(base).apiCalls()).isEqualTo(1);
      assertThat(run.err()).as("no stack trace or warning").isEmpty();
    }
  }

  @Test
  void helpPrintsUsageAndExitsZero() throws Exception {
    LauncherRuns.Run run = runs.start(launcher("--help"));
    assertThat(run.exit()).isZero();
    assertThat(String.join("\n", run.out())).contains("Usage: daktela-fake", "--port", "--webhook", "--secret",
        "--form");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void badArgumentsAndABusyPortGiveOneLineAndExitTwo() throws Exception {
    try (ServerSocket busy = new ServerSocket(0)) {
      for (List<String> command : List.of(launcher("--port", "abc"), launcher("--secret", "s"),
          launcher("--webhook", "localhost:8080", "--secret", "s"), launcher("--webhook", "http://localhost:1/x"),
          launcher("--port", String.valueOf(busy.getLocalPort())))) {
        LauncherRuns.Run run = runs.start(command);
        assertThat(run.exit()).as(String.join(" ", command)).isEqualTo(2);
        assertThat(run.err()).as(String.join(" ", command)).singleElement().asString().startsWith("error: ");
        assertThat(run.out()).isEmpty();
      }
    }
  }
}
