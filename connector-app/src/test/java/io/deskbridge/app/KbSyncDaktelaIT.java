package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.mock.daktela.DaktelaFake;
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
 * Knowledge synced from the Daktela fake's {@code articles}: {@code kb sync} over real HTTP through the Feign client,
 * then what {@code serve} answers on real tickets (the connector polling); articles edited, unpublished, deleted or
 * made internal or public, synced again, answered again. Mirrors {@link KbSyncZendeskIT}'s main case.
 */
class KbSyncDaktelaIT {
  private static final Map<String, String> ENV = Map.of(ServeCommand.FAKE_EMBEDDINGS, "true");

  @TempDir
  Path dir;
  DaktelaDemoVendor vendor;
  DaktelaFake fake;

  @BeforeEach
  void start() {
    vendor = DaktelaDemoVendor.start(Duration.ofSeconds(5), DaktelaDemoVendor.Events.polling);
    fake = vendor.fake();
  }

  @AfterEach
  void stop() {
    vendor.close();
  }

  private Path config() throws Exception {
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
            knowledge: {sync: {every: 1h}}
        """ + vendor.installationYaml("    ", dir));
  }

  /** The bot's public reply to a new ticket with this question, or "" when it handed over or asked back. */
  private String botReply(String question) {
    String ticket = vendor.customerOpens("ann@example.com", "Ann", question, question);
    await().atMost(Duration.ofSeconds(30)).until(() -> vendor.entries(ticket).stream()
        .anyMatch(e -> e.author() == DemoVendor.Author.BOT));
    return vendor.entries(ticket).stream().filter(e -> e.author() == DemoVendor.Author.BOT && e.isPublic())
        .map(DemoVendor.Entry::body).findFirst().orElse("");
  }

  @Test
  void syncedArticlesAnswerAndDeletedUnpublishedOrInternalOnesStop() throws Exception {
    String delivery = fake.publishArticle("Shipping", "en", "How long does delivery take?",
        "<p>Parcels arrive in <b>3 to 5 working days</b>.</p>", List.of("faq"));
    String czech = fake.publishArticle("Shipping", "cs", "Jak dlouho trvá doručení?",
        "<p>Balíky dorazí za 3 až 5 pracovních dní.</p>", List.of("faq"));
    String invoice = fake.publishArticle("Billing", "en", "Can I pay by invoice?",
        "<p>Yes, companies can pay by invoice within 14 days.</p>", List.of("faq"));
    String matrix = fake.publishArticle("Internal", "en", "Escalation matrix for the warehouse team",
        "<p>Call the night shift lead on extension 4711.</p>", List.of());
    fake.setArticlePublic(matrix, false); // agents only
    String gift = fake.publishArticle("Shop", "en", "Do you sell gift cards?",
        "<p>Gift cards are sold in every store.</p>", List.of());
    var file = config();

    String first = CommandLineRun.stdout("kb", "sync", "--config", file.toString());
    assertThat(first).contains("acme: added 4, updated 0, removed 0 (5 read");

    try (var deskbridge = ServeCommand.start(file, ENV::get)) {
      assertThat(deskbridge.knowledge().ids()).containsExactlyInAnyOrder("hours", "acme:" + delivery,
          "acme:" + czech, "acme:" + invoice, "acme:" + gift);
      assertThat(deskbridge.knowledge().locales("acme:" + czech)).containsExactly("cs");
      assertThat(deskbridge.knowledge().find("acme:" + delivery, "en").orElseThrow().body())
          .contains("3 to 5 working days").doesNotContain("<b>");
      assertThat(botReply("How long does delivery take?")).contains("3 to 5 working days");
      assertThat(botReply("Escalation matrix for the warehouse team")).doesNotContain("4711");
    }

    fake.editArticle(delivery, "How long does delivery take?", "<p>Parcels arrive in 2 working days.</p>");
    fake.setArticlePublished(invoice, false);
    fake.deleteArticle(gift);
    fake.setArticlePublic(matrix, true);
    long changedAt = Instant.now().getEpochSecond(); // the fake stamps its changes with the same system clock
    String second = CommandLineRun.stdout("kb", "sync", "--config", file.toString());
    assertThat(second).contains("acme: added 1, updated 1, removed 2");

    try (var deskbridge = ServeCommand.start(file, ENV::get)) {
      assertThat(deskbridge.knowledge().ids()).containsExactlyInAnyOrder("hours", "acme:" + delivery,
          "acme:" + czech, "acme:" + matrix);
      assertThat(botReply("How long does delivery take?")).contains("2 working days").doesNotContain("3 to 5");
      assertThat(botReply("Can I pay by invoice?")).doesNotContain("14 days");
    }

    // the cursor keeps what was read in the last change's second only once that second is over, a second of skew
    // allowed: until then a sync reads that second's articles again (and finds them unchanged)
    await().atMost(Duration.ofSeconds(10)).until(() -> Instant.now().getEpochSecond() > changedAt + 1);
    String unchanged = CommandLineRun.stdout("kb", "sync", "--config", file.toString(), "--installation", "acme");
    assertThat(unchanged).contains("acme: added 0, updated 0, removed 0");
    // the cursor now holds the names read in the last change's second, which is over: they are not read again
    int before = fake.journal().calls().size();
    assertThat(CommandLineRun.stdout("kb", "sync", "--config", file.toString()))
        .contains("acme: added 0, updated 0, removed 0 (0 read");
    var calls = fake.journal().calls().subList(before, fake.journal().calls().size());
    assertThat(calls).as("an unchanged sync lists the changed articles (none) and the live names")
        .noneMatch(c -> c.path().startsWith("/api/v6/articles/"))
        .filteredOn(c -> c.path().equals("/api/v6/articles.json")).hasSize(2);
    assertThat(fake.unmatchedRequests()).isEmpty();
  }
}
