package io.deskbridge.mock.salesforce;

import io.deskbridge.mock.base.LauncherRuns;
import io.deskbridge.mock.base.Receiver;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.ws.ConnectorConfig;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The standalone launcher as a user runs it: the README's {@code java -jar} command from the repository root against
 * the jar the build made, logged into with the printed credentials through the real SDK, driven through the control
 * endpoints, delivering Outbound Messages to a real endpoint.
 */
class SalesforceFakeLauncherIT {
  private static final String JAVA = LauncherRuns.JAVA;
  private static final Pattern LISTENING = Pattern.compile("listening on (http://localhost:\\d+)");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private final LauncherRuns runs = new LauncherRuns();

  @AfterEach
  void stopProcesses() throws InterruptedException {
    runs.close();
  }

  private static List<String> documentedCommand() throws IOException {
    return LauncherRuns.documentedCommand("java -jar mock-servers/target/salesforce-fake.jar", "--deliver-to");
  }

  private static List<String> launcher(String... args) {
    List<String> command = new ArrayList<>(List.of(JAVA, "-jar", "mock-servers/target/salesforce-fake.jar"));
    command.addAll(List.of(args));
    return command;
  }

  private static HttpResponse<String> post(String url, String json) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theDocumentedCommandServesTheSdkAndDeliversCustomerCasesAsOutboundMessages() throws Exception {
    try (Receiver receiver = Receiver.outboundMessages()) {
      List<String> command = documentedCommand();
      command.set(command.indexOf("--port") + 1, "0");
      command.set(command.indexOf("--deliver-to") + 1, receiver.uri().toString());
      LauncherRuns.Run run = runs.start(command);

      await().atMost(Duration.ofSeconds(60)).until(() -> run.out().contains("Stop with Ctrl+C."));
      Matcher m = run.out().stream().map(LISTENING::matcher).filter(Matcher::find).findFirst().orElseThrow();
      String base = m.group(1);
      String banner = String.join("\n", run.out());
      assertThat(banner).contains("organizationId: 00D5g000000ABCDEAA", "deskbridge@acme.example",
          "3MVG9fake-client-id", "/__control/cases");

      ConnectorConfig cfg = new ConnectorConfig();
      cfg.setUsername("deskbridge@acme.example");
      cfg.setPassword("test-passwordTESTTOKEN");
      cfg.setAuthEndpoint(base + "/services/Soap/u/64.0");
      PartnerConnection pc = Connector.newConnection(cfg);

      HttpResponse<String> created = post(base + "/__control/cases",
          "{\"email\":\"ann@example.com\",\"subject\":\"Hours\",\"description\":\"When are you open?\"}");
      assertThat(created.statusCode()).isEqualTo(201);
      String caseId = new ObjectMapper().readTree(created.body()).path("case_id").asText();
      assertThat(pc.query("SELECT Id, Subject FROM Case WHERE Id = '" + caseId + "'").getRecords()[0]
          .getField("Subject")).isEqualTo("Hours");
      await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.received().isEmpty());
      assertThat(SalesforceFakeOutboundIT.parse(receiver.received().get(0).body()).notes().get(0).fields())
          .containsEntry("Id", caseId);

      assertThat(post(base + "/__control/cases", "{\"subject\":\"no email\"}").statusCode()).isEqualTo(400);
      JsonNode state = new ObjectMapper().readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base
          + "/__control/state")).build(), HttpResponse.BodyHandlers.ofString()).body());
      assertThat(state.path("api_calls").asInt()).isEqualTo(1);
      assertThat(state.path("unmatched")).isEmpty();
      assertThat(run.err()).as("no stack trace or warning").isEmpty();
    }
  }

  @Test
  void helpPrintsUsageAndExitsZero() throws Exception {
    LauncherRuns.Run run = runs.start(launcher("--help"));
    assertThat(run.exit()).isZero();
    assertThat(String.join("\n", run.out())).contains("Usage: salesforce-fake", "--port", "--deliver-to", "--json");
    assertThat(run.err()).isEmpty();
  }

  @Test
  void badArgumentsAndABusyPortGiveOneLineAndExitTwo() throws Exception {
    try (ServerSocket busy = new ServerSocket(0)) {
      for (List<String> command : List.of(launcher("--port", "abc"), launcher("--json"),
          launcher("--deliver-to", "localhost:8080"), launcher("--port", String.valueOf(busy.getLocalPort())))) {
        LauncherRuns.Run run = runs.start(command);
        assertThat(run.exit()).as(String.join(" ", command)).isEqualTo(2);
        assertThat(run.err()).as(String.join(" ", command)).singleElement().asString().startsWith("error: ");
        assertThat(run.out()).isEmpty();
      }
    }
  }
}
