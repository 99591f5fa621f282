package io.deskbridge.mock.zendesk;

import io.deskbridge.mock.base.LauncherRuns;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The standalone launcher as a user runs it: the {@code java -jar} command written in the module's README,
 * run from the repository root against the jar the build made, then driven through the control endpoints.
 */
class ZendeskFakeLauncherIT {
  private static final String JAVA = LauncherRuns.JAVA;
  private static final Pattern LISTENING = Pattern.compile("listening on (http://localhost:\\d+)");

  private final LauncherRuns runs = new LauncherRuns();

  @AfterEach
  void stopProcesses() throws InterruptedException {
    runs.close();
  }

  private static List<String> documentedCommand() throws IOException {
    return LauncherRuns.documentedCommand("java -jar mock-servers/target/zendesk-fake.jar", "--webhook");
  }

  private static String option(List<String> command, String name) {
    return command.get(command.indexOf(name) + 1);
  }

  private static List<String> launcher(String... args) {
    List<String> command = new ArrayList<>(List.of(JAVA, "-jar", "mock-servers/target/zendesk-fake.jar"));
    command.addAll(List.of(args));
    return command;
  }

  @Test
  void theDocumentedCommandServesTheApiAndDeliversCustomerTicketsToTheWebhook() throws Exception {
    try (WebhookReceiver receiver = new WebhookReceiver()) {
      List<String> command = documentedCommand();
      String secret = option(command, "--secret");
      command.set(command.indexOf("--port") + 1, "0");
      command.set(command.indexOf("--webhook") + 1, receiver.uri().toString());
      LauncherRuns.Run run = runs.start(command);

      // the last line of the start-up banner: everything above it is printed and the webhook registered
      await().atMost(Duration.ofSeconds(60)).until(() -> run.out().contains("Stop with Ctrl+C."));
      Matcher m = run.out().stream().map(LISTENING::matcher).filter(Matcher::find).findFirst().orElseThrow();
      String base = m.group(1);
      assertThat(String.join("\n", run.out())).contains("bot@acme.example", "for Deskbridge only",
          "/__control/tickets");

      ZendeskFakeControl control = ZendeskFakeControl.at(base);
      long id = control.createTicket("ann@example.com", "Ann", "Hours", "What are your opening hours?");
      await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.received().isEmpty());

      WebhookReceiver.Received r = receiver.received().get(0);
      assertThat(r.signedWith(secret)).isTrue();
      assertThat(r.json().path("detail").path("id").asText()).isEqualTo(String.valueOf(id));
      assertThat(r.json().path("detail").path("actor_id").asText())
          .isEqualTo(String.valueOf(control.tickets().get(0).requesterId()));
      assertThat(new Api(base, Api.basic("bot@acme.example/token:test-token")).get("/api/v2/users/me").status())
          .isEqualTo(200);
      assertThat(run.err()).as("no stack trace or warning").isEmpty();
    }
  }

  @Test
  void helpPrintsUsageAndExitsZero() throws Exception {
    LauncherRuns.Run run = runs.start(launcher("--help"));

    assertThat(run.exit()).isZero();
    assertThat(String.join("\n", run.out())).contains("Usage: zendesk-fake", "--port", "--webhook", "--secret",
        "/__control/tickets");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void badArgumentsGiveOneLineAndExitTwo() throws Exception {
    for (List<String> command : List.of(launcher("--port", "abc"), launcher("--bogus"),
        launcher("--secret", "s"), launcher("--port", "0", "--webhook", "localhost:8080"))) {
      LauncherRuns.Run run = runs.start(command);

      assertThat(run.exit()).as(String.join(" ", command)).isEqualTo(2);
      assertThat(run.err()).as(String.join(" ", command)).singleElement().asString().startsWith("error: ");
      assertThat(run.out()).isEmpty();
    }
  }

  @Test
  void aBusyPortIsNamedInOneLine() throws Exception {
    try (ServerSocket busy = new ServerSocket(0)) {
      LauncherRuns.Run run = runs.start(launcher("--port", String.valueOf(busy.getLocalPort())));

      assertThat(run.exit()).isEqualTo(2);
      assertThat(run.err()).singleElement().asString()
          .startsWith("error: cannot listen on --port " + busy.getLocalPort());
    }
  }
}
