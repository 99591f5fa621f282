package io.deskbridge.mock.sunco;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.mock.base.LauncherRuns;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The standalone launcher as a user runs it: the README's {@code java -jar} command from the repository root against
 * the jar the build made, called with the printed key, driven through the control endpoints, delivering webhooks to a
 * real endpoint.
 */
class SuncoFakeLauncherIT {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://localhost:\\d+)");
  private static final Pattern SETTINGS = Pattern.compile(
      "url: (\\S+)  appId: (\\S+)  keyId: (\\S+)  keySecret: (\\S+)");

  private final LauncherRuns runs = new LauncherRuns();

  @AfterEach
  void stopProcesses() throws InterruptedException {
    runs.close();
  }

  private static List<String> launcher(String... args) {
    List<String> command = new ArrayList<>(List.of(LauncherRuns.JAVA, "-jar", "mock-servers/target/sunco-fake.jar"));
    command.addAll(List.of(args));
    return command;
  }

  @Test
  void theDocumentedCommandServesTheApiAndDeliversACustomersMessageAsAWebhook() throws Exception {
    try (SuncoHook hook = new SuncoHook()) {
      List<String> command = LauncherRuns.documentedCommand("java -jar mock-servers/target/sunco-fake.jar",
          "--webhook");
      command.set(command.indexOf("--port") + 1, "0");
      command.set(command.indexOf("--webhook") + 1, hook.uri().toString());
      LauncherRuns.Run run = runs.start(command);

      await().atMost(Duration.ofSeconds(60)).until(() -> run.out().contains("Stop with Ctrl+C."));
      String base = run.out().stream().map(LISTENING::matcher).filter(Matcher::find).findFirst().orElseThrow()
          .group(1);
      Matcher s = run.out().stream().map(SETTINGS::matcher).filter(Matcher::find).findFirst().orElseThrow();
      String secret = run.out().stream().filter(l -> l.contains("X-API-Key: ")).findFirst().orElseThrow()
          .replaceAll(".*X-API-Key: (\\S+)\\).*", "$1");

      SuncoFake.Started started = SuncoFakeControl.at(base).customerStarts("Ann", null, "Opening hours?");
      String basic = "Basic " + Base64.getEncoder().encodeToString((s.group(3) + ":" + s.group(4))
          .getBytes(StandardCharsets.UTF_8));
      var http = java.net.http.HttpClient.newHttpClient();
      var r = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(s.group(1) + "/v2/apps/"
          + s.group(2) + "/conversations/" + started.conversationId())).header("Authorization", basic).build(),
          java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).isEqualTo(200);
      await().atMost(Duration.ofSeconds(30)).until(() -> !hook.events("conversation:message").isEmpty());
      assertThat(hook.requests().get(0).apiKey()).isEqualTo(secret);
      assertThat(SuncoFakeControl.at(base).apiCalls()).isEqualTo(1);
      assertThat(run.err()).as("no stack trace or warning").isEmpty();
    }
  }

  @Test
  void helpPrintsUsageAndExitsZero() throws Exception {
    LauncherRuns.Run run = runs.start(launcher("--help"));
    assertThat(run.exit()).isZero();
    assertThat(String.join("\n", run.out())).contains("Usage: sunco-fake", "--port", "--webhook");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void badArgumentsAndABusyPortGiveOneLineAndExitTwo() throws Exception {
    try (ServerSocket busy = new ServerSocket(0)) {
      for (List<String> command : List.of(launcher("--port", "abc"), launcher("--webhook", "localhost:8080"),
          launcher("--port", String.valueOf(busy.getLocalPort())))) {
        LauncherRuns.Run run = runs.start(command);
        assertThat(run.exit()).as(String.join(" ", command)).isEqualTo(2);
        assertThat(run.err()).as(String.join(" ", command)).singleElement().asString().startsWith("error: ");
        assertThat(run.out()).isEmpty();
      }
    }
  }
}
