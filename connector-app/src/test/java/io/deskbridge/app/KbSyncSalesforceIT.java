package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.mock.salesforce.SalesforceFake;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Knowledge synced from the Salesforce fake's {@code Knowledge__kav}: {@code kb sync} over the partner API
 * (query/queryMore, force-wsc), then what {@code serve} answers on real Cases; articles republished, translated,
 * left as a draft, archived, deleted or made visible, synced again, answered again. Mirrors {@link KbSyncZendeskIT}'s
 * main case.
 */
class KbSyncSalesforceIT {
  private static final Map<String, String> ENV = Map.of(ServeCommand.FAKE_EMBEDDINGS, "true");

  @TempDir
  Path dir;
  SalesforceDemoVendor vendor;
  SalesforceFake fake;

  @BeforeEach
  void start() {
    vendor = SalesforceDemoVendor.start(Duration.ofSeconds(5));
    fake = vendor.fake();
  }

  @AfterEach
  void stop() {
    vendor.close();
  }

  private Path config(String sync) throws Exception {
    Files.writeString(dir.resolve("kb.jsonl"), """
        {"id":"hours","locale":"en","title":"Opening hours","body":"We are open 8-18 on weekdays.","questions":["When are you open?"]}
        """);
    return Files.writeString(dir.resolve("deskbridge.yaml"), """
        server: {host: 127.0.0.1, port: 0}
        dataDirectory: data
        knowledge: kb.jsonl
        bot: {thresholdPercent: 30}
        installations:
          - id: acme
            mode: auto
            knowledge: {sync: %s}
        """.formatted(sync) + vendor.installationYaml("    ", dir));
  }

  /** The bot's public reply to a new Case with this question, or "" when it handed over or asked back. */
  private String botReply(String question) {
    String id = vendor.customerOpens("ann@example.com", "Ann", question, question);
    await().atMost(Duration.ofSeconds(30)).until(() -> vendor.entries(id).stream()
        .anyMatch(e -> e.author() == DemoVendor.Author.BOT));
    return vendor.entries(id).stream().filter(e -> e.author() == DemoVendor.Author.BOT && e.isPublic())
        .map(DemoVendor.Entry::body).findFirst().orElse("");
  }

  @Test
  void syncedArticlesAnswerAndArchivedDeletedInternalOrDraftVersionsStop() throws Exception {
    String delivery = fake.publishKnowledge(null, "en_US", "How long does delivery take?",
        "<p>Parcels arrive in <b>3 to 5 working days</b>.</p>", true, true);
    fake.publishKnowledge(delivery, "cs", "Jak dlouho trvá doručení?", "<p>Balíky dorazí za 3 až 5 pracovních dní.</p>",
        true, true);
    String invoice = fake.publishKnowledge(null, "en_US", "Can I pay by invoice?",
        "<p>Yes, companies can pay by invoice within 14 days.</p>", false, true); // customer portal only
    String matrix = fake.publishKnowledge(null, "en_US", "Escalation matrix for the warehouse team",
        "<p>Call the night shift lead on extension 4711.</p>", false, false); // internal app only
    String gift = fake.publishKnowledge(null, "en_US", "Do you sell gift cards?",
        "<p>Gift cards are sold in every store.</p>", true, false);
    var file = config("{every: 1h}");

    String first = CommandLineRun.stdout("kb", "sync", "--config", file.toString());
    assertThat(first).contains("acme: added 3, updated 0, removed 0 (4 read");

    try (var deskbridge = ServeCommand.start(file, ENV::get)) {
      assertThat(deskbridge.knowledge().ids()).containsExactlyInAnyOrder("hours", "acme:" + delivery,
          "acme:" + invoice, "acme:" + gift);
      assertThat(deskbridge.knowledge().locales("acme:" + delivery)).containsExactlyInAnyOrder("en", "cs");
      assertThat(deskbridge.knowledge().find("acme:" + delivery, "en").orElseThrow().body())
          .contains("3 to 5 working days").doesNotContain("<b>");
      vendor.deliverTo(List.of(URI.create("http://127.0.0.1:" + deskbridge.port() + "/webhooks/acme")));
      assertThat(botReply("How long does delivery take?")).contains("3 to 5 working days");
      assertThat(botReply("Escalation matrix for the warehouse team")).doesNotContain("4711");
    }

    fake.publishKnowledge(delivery, "en_US", "How long does delivery take?", "<p>Parcels arrive in 2 working days.</p>",
        true, true);
    fake.draftKnowledge(delivery, "en_US", "How long does delivery take?", "<p>Parcels arrive tomorrow.</p>");
    fake.archiveKnowledge(invoice);
    fake.deleteKnowledge(gift);
    fake.publishKnowledge(matrix, "en_US", "Escalation matrix for the warehouse team",
        "<p>Call the night shift lead on extension 4711.</p>", true, false); // now public
    long changedAt = Instant.now().getEpochSecond(); // the fake stamps its changes with the same system clock
    String second = CommandLineRun.stdout("kb", "sync", "--config", file.toString());
    assertThat(second).contains("acme: added 1, updated 1, removed 2");

    try (var deskbridge = ServeCommand.start(file, ENV::get)) {
      assertThat(deskbridge.knowledge().ids()).containsExactlyInAnyOrder("hours", "acme:" + delivery,
          "acme:" + matrix);
      assertThat(deskbridge.knowledge().locales("acme:" + delivery)).containsExactlyInAnyOrder("en", "cs");
      fake.routeDeliveriesTo(List.of(URI.create("http://127.0.0.1:" + deskbridge.port() + "/webhooks/acme")));
      assertThat(botReply("How long does delivery take?")).contains("2 working days").doesNotContain("3 to 5")
          .doesNotContain("tomorrow");
      assertThat(botReply("Can I pay by invoice?")).doesNotContain("14 days");
    }

    // the cursor keeps what was read in the last change's second only once that second is over, a second of skew
    // allowed: until then a sync reads that second's articles again (and finds them unchanged)
    await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().getEpochSecond() > changedAt + 1);
    String unchanged = CommandLineRun.stdout("kb", "sync", "--config", file.toString(), "--installation", "acme");
    assertThat(unchanged).contains("acme: added 0, updated 0, removed 0");
    // the cursor now holds the versions read in the last change's second, which is over: they are not read again
    int before = fake.journal().calls().size();
    assertThat(CommandLineRun.stdout("kb", "sync", "--config", file.toString()))
        .contains("acme: added 0, updated 0, removed 0 (0 read");
    var calls = fake.journal().calls().subList(before, fake.journal().calls().size());
    assertThat(calls).as("an unchanged sync queries the changed versions (none) and the online articles")
        .filteredOn(c -> c.query().startsWith("query")).extracting(c -> c.query()).containsExactly("query", "query");
    assertThat(fake.unmatchedRequests()).isEmpty();
  }

  @Test
  void aBodyFieldTheOrgDoesNotHaveIsOneLine() throws Exception {
    fake.publishKnowledge(null, "en_US", "How long does delivery take?", "<p>3 to 5 working days.</p>", true, true);
    var file = config("{every: 1h, bodyFields: [Details__c]}");
    var run = CommandLineRun.of("kb", "sync", "--config", file.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).startsWith("error: " + file + ": installations[acme]: the knowledge sync failed:")
        .contains("Details__c").doesNotContain("\n");
  }
}
