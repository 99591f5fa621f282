package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.mock.base.SteppedClock;
import io.deskbridge.mock.zendesk.ZendeskFake;
import io.deskbridge.mock.zendesk.ZendeskFakeConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code simulate} end to end on the Zendesk fake with the demo knowledge base and the real bot: solved tickets the
 * bot answers as the agent did (the same article linked, or the same words), tickets it hands over, one where it
 * answers and the agent linked another article (risky), an open ticket and one solved before {@code --since} (left
 * out); then the produced calibration file, once reviewed, through {@code eval}. Nothing is written to the helpdesk.
 */
class SimulateIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  Path dir;
  private final Instant now = Instant.now();
  private final SteppedClock clock = new SteppedClock(now.minus(Duration.ofDays(40)));
  private ZendeskFake fake;
  private final Map<String, Long> tickets = new java.util.LinkedHashMap<>();

  @BeforeEach
  void start() {
    fake = ZendeskFake.start(ZendeskFakeConfig.defaults().withClock(clock));
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private long ticket(String name, String email, String question) {
    long id = fake.customerCreatesTicket(email, name, "Question", question);
    tickets.put(name, id);
    clock.advance(Duration.ofMinutes(3));
    return id;
  }

  private void solve(long id) {
    fake.agentSetsStatus(id, fake.humanAgentId(), "solved");
    clock.advance(Duration.ofMinutes(1));
  }

  private Path config() throws Exception {
    Files.writeString(dir.resolve("token.txt"), fake.config().apiToken());
    Files.writeString(dir.resolve("webhook-secret.txt"), "s3cret");
    return Files.writeString(dir.resolve("deskbridge.yaml"), """
        dataDirectory: data
        knowledge: %s
        installations:
          - id: acme
            vendor: zendesk
            mode: auto
            routing: {defaultGroup: "%d"}
            settings:
              url: %s
              email: %s
              apiToken: {file: token.txt}
              webhookSecret: {file: webhook-secret.txt}
        """.formatted(Path.of("src/main/resources/demo-kb").toAbsolutePath(), fake.groups().get("General"),
        fake.baseUrl(), fake.config().agentEmail()));
  }

  private void seed() {
    long old = ticket("old", "old@example.com", "How can I reset my password? I can't log in.");
    fake.agentComments(old, fake.humanAgentId(), "Use the reset link.", true);
    solve(old);
    clock.advance(Duration.ofDays(39)); // the rest within the last 30 days

    long password = ticket("emma", "emma@example.com", "How can I reset my password? I can't log in.");
    fake.agentComments(password, fake.humanAgentId(), "Internal: she asked twice", false);
    fake.agentCommentsHtml(password, fake.humanAgentId(), "<p>Hi Emma, follow <a href=\"https://shop.example/help/"
        + "password-reset\">these steps</a>.</p>", true);
    solve(password);

    long delivery = ticket("jan", "jan@example.cz", "Jak dlouho trvá doručení do Brna?");
    fake.agentComments(delivery, fake.humanAgentId(), "Dobrý den, viz https://shop.example/help/delivery.", true);
    solve(delivery);

    long person = ticket("mia", "mia@example.com", "I want to talk to a real person, please.");
    fake.agentComments(person, fake.humanAgentId(), "Hi Mia, Tom here. How can I help?", true);
    solve(person);

    long complaint = ticket("karel", "karel@example.cz", "Chtěl bych podat reklamaci, bota se rozpadla po týdnu.");
    fake.agentComments(complaint, fake.humanAgentId(), "Reklamaci jsme přijali.", true);
    solve(complaint);

    // the bot would answer with the address article; the agent sent the order status article instead
    long address = ticket("liam", "liam@example.com", "How can I change my delivery address?");
    fake.agentComments(address, fake.humanAgentId(), "Please check your order first: "
        + "https://shop.example/help/order-status", true);
    fake.agentSetsStatus(address, fake.humanAgentId(), "solved");
    fake.agentSetsStatus(address, fake.humanAgentId(), "closed");
    clock.advance(Duration.ofMinutes(1));

    long vague = ticket("noah", "noah@example.com", "Hi, I have a problem with something.");
    fake.agentComments(vague, fake.humanAgentId(), "Hi Noah, what is it about?", true);
    fake.customerComments(vague, "It's about the invoice for my last purchase, I need a copy.");
    fake.agentComments(vague, fake.humanAgentId(), "Hi Noah, you find all invoices here: "
        + "https://shop.example/help/invoices", true);
    solve(vague);

    ticket("open", "ava@example.com", "Where is my order #48213?"); // not solved: not replayed
    clock.advance(Duration.ofHours(1)); // past the export's one-minute delay
  }

  @Test
  void replaysTheSolvedTicketsAndReportsDeflectionRiskAndACalibrationFileEvalAccepts() throws Exception {
    seed();
    int writesBefore = fake.journal().count("PUT", ".*") + fake.journal().count("POST", ".*");
    var progress = new ByteArrayOutputStream();

    var report = SimulateCommand.run(config(), "acme", now.minus(Duration.ofDays(30)), 0,
        name -> null, new PrintStream(progress, true, StandardCharsets.UTF_8));

    assertThat(fake.journal().count("PUT", ".*") + fake.journal().count("POST", ".*")).isEqualTo(writesBefore);
    assertThat(report.conversations()).extracting(c -> c.id()).containsExactlyInAnyOrder(
        String.valueOf(tickets.get("emma")), String.valueOf(tickets.get("jan")), String.valueOf(tickets.get("mia")),
        String.valueOf(tickets.get("karel")), String.valueOf(tickets.get("liam")), String.valueOf(tickets.get("noah")));
    var all = report.rows().get(report.rows().size() - 1);
    assertThat(all.conversations()).isEqualTo(6);
    assertThat(all.answered()).isEqualTo(4);
    assertThat(all.agreeing()).isEqualTo(3);
    assertThat(all.risky()).isEqualTo(1);
    assertThat(all.handedOver()).isEqualTo(2);
    assertThat(report.rows()).extracting(r -> r.language() + ":" + r.conversations() + "/" + r.agreeing())
        .containsExactly("cs:2/1", "en:4/2", "all:6/3");
    assertThat(report.risky()).singleElement().satisfies(c -> {
      assertThat(c.id()).isEqualTo(String.valueOf(tickets.get("liam")));
      var turn = c.turns().get(0);
      assertThat(turn.article()).isEqualTo("change-address");
      assertThat(turn.compared().orElseThrow().agentArticle()).isEqualTo("order-status");
    });
    assertThat(report.handoverReasons()).containsKeys("human_request", "complaint");
    var noah = report.conversations().stream().filter(c -> c.id().equals(String.valueOf(tickets.get("noah"))))
        .findFirst().orElseThrow();
    assertThat(noah.turns()).extracting(t -> t.outcome().code()).containsExactly("clarified", "answered");
    assertThat(noah.deflected()).isTrue();

    // the command as an admin runs it: the console summary and the three files
    var out = dir.resolve("replay");
    String console = CommandLineRun.stdout("simulate", "--config", config().toString(), "--installation", "acme",
        "--since", "30d", "--out", out.toString());
    assertThat(console).contains("simulate acme: 6 solved conversation(s)")
        .contains("Risky answers").contains("#" + tickets.get("liam") + " [en]")
        .contains("written: " + out.resolve("report.md"));
    assertThat(Files.readString(out.resolve("report.md"))).contains("| all | 6 | 4 | 3 | 1 | 0 | 0 | 2 | 0 | 50.0 % |");
    var calibration = out.resolve("calibration.jsonl");
    List<JsonNode> lines = new ArrayList<>();
    for (var line : Files.readAllLines(calibration)) {
      lines.add(JSON.readTree(line));
    }
    assertThat(lines).hasSize(6).allSatisfy(n -> assertThat(n.get("reviewed").asBoolean()).isFalse());
    assertThat(lines).filteredOn(n -> n.get("expect").asText().equals("answer"))
        .extracting(n -> n.get("article").asText())
        .containsExactlyInAnyOrder("password-reset", "delivery", "change-address");

    // reviewed, the file is an eval cases file: eval evaluates all six
    Files.writeString(calibration, Files.readString(calibration).replace("\"reviewed\":false", "\"reviewed\":true"));
    String eval = CommandLineRun.stdout("eval", "--kb", Path.of("src/main/resources/demo-kb").toString(), "--cases",
        calibration.toString());
    assertThat(eval).contains("calibration.jsonl: 6 cases (answer 3, handover 2, no_answer 1, no_handover 0)")
        .doesNotContain("unreviewed");
  }
}
