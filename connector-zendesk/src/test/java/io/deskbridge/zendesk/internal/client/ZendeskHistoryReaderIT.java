package io.deskbridge.zendesk.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.spi.HistoryReader;
import io.deskbridge.core.spi.HistoryReader.PastConversation;
import io.deskbridge.mock.base.SteppedClock;
import io.deskbridge.mock.zendesk.ZendeskFake;
import io.deskbridge.mock.zendesk.ZendeskFakeConfig;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zendesk.client.v2.ZendeskResponseException;

/**
 * The history reader against the Zendesk fake: the cursor export paged to the end, only solved and closed tickets
 * changed since the start, the customer's and agents' public comments in order (internal notes left out), the links
 * of a rich-text reply, and the export's errors.
 */
class ZendeskHistoryReaderIT {
  private final Instant start = Instant.parse("2026-11-01T08:00:00Z");
  private final SteppedClock clock = new SteppedClock(start);
  private ZendeskFake fake;
  private ZendeskHelpdeskClient client;

  @BeforeEach
  void start() {
    fake = ZendeskFake.start(ZendeskFakeConfig.defaults().withClock(clock));
    client = new ZendeskHelpdeskClient("acme", URI.create(fake.baseUrl()), fake.config().agentEmail(),
        Secret.of(fake.config().apiToken()), Duration.ofSeconds(10), "installations[acme].settings",
        "deskbridge_handover");
    client.whoAmI();
  }

  @AfterEach
  void stop() {
    client.close();
    fake.close();
  }

  private long solved(String question, String answer, String status) {
    long id = fake.customerCreatesTicket("ann@example.com", "Ann", "Question", question);
    clock.advance(Duration.ofMinutes(1));
    fake.agentComments(id, fake.humanAgentId(), "internal: customer is a VIP", false);
    fake.agentCommentsHtml(id, fake.humanAgentId(), answer, true);
    fake.agentSetsStatus(id, fake.humanAgentId(), status);
    clock.advance(Duration.ofMinutes(1));
    return id;
  }

  private List<PastConversation> readAll(HistoryReader reader, Instant since) {
    var all = new ArrayList<PastConversation>();
    Optional<String> cursor = Optional.empty();
    int pages = 0;
    do {
      var page = reader.page(since, cursor);
      all.addAll(page.conversations());
      cursor = page.next();
      assertThat(++pages).as("pages").isLessThan(20);
    } while (cursor.isPresent());
    return all;
  }

  @Test
  void readsSolvedAndClosedTicketsWithTheirPublicCommentsAndLinksAcrossPages() {
    long old = solved("Old question?", "<p>Old answer</p>", "solved");
    clock.advance(Duration.ofDays(10));
    Instant since = clock.instant();
    long a = solved("How long does delivery take?",
        "<p>Hi Ann, see <a href=\"https://shop.example/help/delivery\">our delivery page</a>.</p>", "solved");
    long b = solved("How do I return shoes?", "<p>Send them back within 30 days: https://shop.example/help/returns.</p>",
        "closed");
    long open = fake.customerCreatesTicket("bob@example.com", "Bob", "Open", "Still waiting");
    long c = solved("Where is my invoice?", "<p>It is attached.</p>", "solved");
    clock.advance(Duration.ofMinutes(5)); // past the export's one-minute delay

    var read = readAll(client.history(2), since);

    assertThat(read).extracting(p -> p.conversation().key().externalId())
        .containsExactly(String.valueOf(a), String.valueOf(b), String.valueOf(c))
        .doesNotContain(String.valueOf(old), String.valueOf(open));
    var first = read.get(0);
    assertThat(first.conversation().messages()).extracting(Message::role, Message::text)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(AuthorRole.CUSTOMER, "How long does delivery take?"),
            org.assertj.core.groups.Tuple.tuple(AuthorRole.AGENT, "Hi Ann, see our delivery page."));
    String reply = first.conversation().messages().get(1).id();
    assertThat(first.linksOf(reply)).containsExactly("https://shop.example/help/delivery");
    assertThat(read.get(1).linksOf(read.get(1).conversation().messages().get(1).id()))
        .containsExactly("https://shop.example/help/returns");
    assertThat(read.get(1).conversation().closed()).isTrue();
    assertThat(first.solvedAt()).isAfterOrEqualTo(since);
    // two tickets a page: the three solved tickets and the open one take two pages, each page one export call
    assertThat(fake.journal().count("GET", "/api/v2/incremental/tickets/cursor\\.json")).isEqualTo(2);
  }

  @Test
  void aTicketChangedWithinTheLastMinuteWaitsForALaterExport() {
    Instant since = clock.instant();
    long id = fake.customerCreatesTicket("ann@example.com", "Ann", "Question", "How long does delivery take?");
    fake.agentComments(id, fake.humanAgentId(), "Two days.", true);
    fake.agentSetsStatus(id, fake.humanAgentId(), "solved");
    clock.advance(Duration.ofSeconds(59));
    assertThat(readAll(client.history(), since)).isEmpty();

    clock.advance(Duration.ofSeconds(1));
    assertThat(readAll(client.history(), since)).extracting(p -> p.conversation().key().externalId())
        .containsExactly(String.valueOf(id));
  }

  @Test
  void aStartTimeInTheFutureIsRefusedAsZendeskDoes() {
    assertThatThrownBy(() -> client.history().page(clock.instant().plusSeconds(3600), Optional.empty()))
        .isInstanceOfSatisfying(ZendeskResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(422));
    assertThatThrownBy(() -> client.history().page(clock.instant(), Optional.of("not-a-cursor")))
        .isInstanceOfSatisfying(ZendeskResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(400));
  }
}
