package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.mock.zendesk.HelpCenter;
import io.deskbridge.mock.zendesk.ZendeskFake;
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
 * Knowledge synced from the Zendesk fake's Help Center: {@code kb sync} over real HTTP through zendesk-java-client,
 * then what {@code serve} answers on real tickets; articles changed, archived, deleted, made internal or left as a
 * draft translation, synced again, answered again.
 */
class KbSyncZendeskIT {
  private static final Map<String, String> ENV = Map.of(ServeCommand.FAKE_EMBEDDINGS, "true");

  @TempDir
  Path dir;
  ZendeskFake fake;
  HelpCenter hc;

  @BeforeEach
  void start() {
    fake = ZendeskFake.start();
    hc = fake.helpCenter();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private Path config(String sync) throws Exception {
    Files.writeString(dir.resolve("token.txt"), fake.config().apiToken() + "\n");
    Files.writeString(dir.resolve("secret.txt"), "s3cret");
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
            vendor: zendesk
            mode: auto
            routing: {defaultGroup: "%d"}
            knowledge: {sync: %s}
            settings:
              url: %s
              email: %s
              apiToken: {file: %s}
              webhookSecret: {file: secret.txt}
        """.formatted(fake.groups().get("General"), sync, fake.baseUrl(), fake.config().agentEmail(),
        dir.resolve("token.txt")));
  }

  /** The bot's public reply to a new ticket with this question, or "" when it handed over or asked back. */
  private String botReply(io.deskbridge.core.Deskbridge deskbridge, String question) {
    long id = fake.customerCreatesTicket("ann@example.com", "Ann", question, question);
    await().atMost(Duration.ofSeconds(30)).until(() -> fake.comments(id).size() > 1
        || fake.ticket(id).map(t -> t.tags().contains("deskbridge_handover")).orElse(false));
    return fake.comments(id).stream().filter(c -> c.authorId() == fake.botUserId() && c.isPublic())
        .map(c -> c.body()).findFirst().orElse("");
  }

  @Test
  void syncedArticlesAnswerAndArchivedDeletedInternalOrDraftOnesStop() throws Exception {
    long shipping = hc.createSection("Shipping");
    long delivery = hc.publishArticle(shipping, "en-us", "How long does delivery take?",
        "<p>Parcels arrive in <b>3 to 5 working days</b>. Track them on <a href=\"/hc/en-us/tracking\">the tracking "
            + "page</a>.</p>", List.of("faq"));
    hc.translate(delivery, "cs", "Jak dlouho trvá doručení?", "<p>Balíky dorazí za 3 až 5 pracovních dní.</p>", false);
    long invoice = hc.publishArticle(shipping, "en-us", "Can I pay by invoice?",
        "<p>Yes, companies can pay by invoice within 14 days.</p>", List.of("faq"));
    long matrix = hc.publishArticle(shipping, "en-us", "Escalation matrix for the warehouse team",
        "<p>Call the night shift lead on extension 4711.</p>", List.of("faq"));
    hc.restrictTo(matrix, 990001L); // agents only
    long gift = hc.publishArticle(shipping, "en-us", "Do you sell gift cards?",
        "<p>Gift cards are sold in every store.</p>", List.of("faq"));
    var file = config("{every: 1h}");

    String first = CommandLineRun.stdout("kb", "sync", "--config", file.toString());
    assertThat(first).contains("acme: added 3, updated 0, removed 0 (4 read, 1 page(s), full sync)");

    try (var deskbridge = ServeCommand.start(file, ENV::get)) {
      assertThat(deskbridge.knowledge().ids()).containsExactlyInAnyOrder("hours", "acme:" + delivery,
          "acme:" + invoice, "acme:" + gift);
      assertThat(deskbridge.knowledge().locales("acme:" + delivery)).containsExactlyInAnyOrder("en", "cs");
      assertThat(deskbridge.knowledge().find("acme:" + delivery, "en").orElseThrow().body())
          .contains("the tracking page (" + fake.baseUrl() + "/hc/en-us/tracking)");
      fake.registerEventWebhook(URI.create("http://127.0.0.1:" + deskbridge.port() + "/webhooks/acme"), "s3cret");
      assertThat(botReply(deskbridge, "How long does delivery take?")).contains("3 to 5 working days");
      assertThat(botReply(deskbridge, "Escalation matrix for the warehouse team")).doesNotContain("4711");
    }

    hc.translate(delivery, "en-us", "How long does delivery take?", "<p>Parcels arrive in 2 working days.</p>", false);
    hc.setDraft(delivery, "cs", true);
    hc.archive(invoice);
    hc.delete(gift);
    hc.restrictTo(matrix, null); // now public
    long changedAt = Instant.now().getEpochSecond(); // the fake stamps its changes with the same system clock
    String second = CommandLineRun.stdout("kb", "sync", "--config", file.toString());
    assertThat(second).contains("acme: added 1, updated 1, removed 2");

    try (var deskbridge = ServeCommand.start(file, ENV::get)) {
      assertThat(deskbridge.knowledge().ids()).containsExactlyInAnyOrder("hours", "acme:" + delivery,
          "acme:" + matrix);
      assertThat(deskbridge.knowledge().locales("acme:" + delivery)).containsExactly("en");
      fake.registerEventWebhook(URI.create("http://127.0.0.1:" + deskbridge.port() + "/webhooks/acme"), "s3cret");
      assertThat(botReply(deskbridge, "How long does delivery take?")).contains("2 working days")
          .doesNotContain("3 to 5");
      assertThat(botReply(deskbridge, "Can I pay by invoice?")).doesNotContain("14 days");
    }

    // the cursor keeps the ids read in the last change's second only once that second is over, a second of skew
    // allowed: until then a sync reads that second's articles again (and finds them unchanged)
    await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().getEpochSecond() > changedAt + 1);
    String unchanged = CommandLineRun.stdout("kb", "sync", "--config", file.toString(), "--installation", "acme");
    assertThat(unchanged).contains("acme: added 0, updated 0, removed 0");
    // the cursor now holds the ids read in the last change's second, which is over: they are not read again
    int before = fake.journal().calls().size();
    assertThat(CommandLineRun.stdout("kb", "sync", "--config", file.toString()))
        .contains("acme: added 0, updated 0, removed 0 (0 read");
    var calls = fake.journal().calls().subList(before, fake.journal().calls().size());
    assertThat(calls).as("an unchanged sync reads the export and the article list, no translations")
        .noneMatch(c -> c.path().contains("/translations"))
        .anyMatch(c -> c.path().contains("/help_center/incremental/articles"));
    assertThat(fake.unmatchedRequests()).isEmpty();
  }

  @Test
  void serveSyncsAtStartAndLabelsFilter() throws Exception {
    long section = hc.createSection("Billing");
    long faq = hc.publishArticle(section, "en-us", "Can I pay by invoice?",
        "<p>Yes, companies can pay by invoice within 14 days.</p>", List.of("faq"));
    long other = hc.publishArticle(section, "en-us", "Refund policy for partners",
        "<p>Partners get refunds in 30 days.</p>", List.of("partners"));
    var file = config("{every: 1h, labels: [faq]}");
    try (var deskbridge = ServeCommand.start(file, ENV::get)) {
      await().atMost(Duration.ofSeconds(30))
          .until(() -> deskbridge.knowledge().ids().contains("acme:" + faq));
      assertThat(deskbridge.knowledge().ids()).doesNotContain("acme:" + other);
      fake.registerEventWebhook(URI.create("http://127.0.0.1:" + deskbridge.port() + "/webhooks/acme"), "s3cret");
      assertThat(botReply(deskbridge, "Can I pay by invoice?")).contains("within 14 days");
    }
  }

  @Test
  void aMissingSyncSectionOrAWrongTokenIsOneLine() throws Exception {
    var file = config("{every: 1h}");
    Files.writeString(dir.resolve("token.txt"), "wrong-token");
    var run = CommandLineRun.of("kb", "sync", "--config", file.toString());
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).startsWith("error: " + file + ": installations[acme]: the knowledge sync failed:")
        .contains("check installations[acme].settings").doesNotContain("\n");
    var other = CommandLineRun.of("kb", "sync", "--config", file.toString(), "--installation", "nope");
    assertThat(other.exitCode()).isEqualTo(2);
    assertThat(other.err()).contains("no installation 'nope'; the installations are acme");
    var tooOften = config("{every: 10s}");
    var bad = CommandLineRun.of("kb", "sync", "--config", tooOften.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("installations[acme].knowledge.sync.every must be between 1m and 7d, e.g. 1h");
  }
}
