package io.deskbridge.daktela;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.HistoryReader.PastConversation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * History replay's reader against the Daktela fake: closed or archived tickets edited since the start (a Kendo filter on
 * {@code stage} and {@code edited}), each loaded with its activities, comments left out, the links of the agent's
 * e-mail; an open ticket and one closed before the start are not read.
 */
class DaktelaHistoryIT {
  private DaktelaFixture fixture;
  private Connector connector;

  @BeforeEach
  void start() {
    fixture = new DaktelaFixture();
    connector = fixture.connector("acme", Clock.systemUTC());
    connector.client().whoAmI();
  }

  @AfterEach
  void stop() {
    connector.close();
    fixture.close();
  }

  @Test
  void readsTheClosedTicketsEditedSinceWithTheirPublicMessagesAndLinks() {
    var fake = fixture.fake;
    fixture.clock.advance(Duration.ofDays(-40));
    String old = fake.customerCreatesTicket("old@example.com", "Old", "Old", "Old question?");
    fixture.agentSolves(old);
    fixture.clock.advance(Duration.ofDays(40));
    Instant since = Instant.now().minus(Duration.ofDays(1));

    String returns = fake.customerCreatesTicket("ann@example.com", "Ann", "Returns", "How do I return shoes?");
    fake.agentComments(returns, DaktelaFixture.AGENT, "internal: VIP customer");
    fake.agentEmails(returns, DaktelaFixture.AGENT, "Hi Ann, see https://shop.example/help/returns.");
    fixture.agentSolves(returns);
    String delivery = fake.customerCreatesTicket("bob@example.com", "Bob", "Delivery", "How long does delivery take?");
    fake.agentEmails(delivery, DaktelaFixture.AGENT, "Two days: https://shop.example/help/delivery");
    fixture.agentSolves(delivery);
    String archived = fake.customerCreatesTicket("cy@example.com", "Cy", "Invoice", "Where is my invoice?");
    fake.agentEmails(archived, DaktelaFixture.AGENT, "It is attached.");
    fixture.agentSolves(archived);
    fake.agentSetsStage(archived, "ARCHIVE");
    String open = fake.customerCreatesTicket("eve@example.com", "Eve", "Open", "Still waiting");

    var read = new ArrayList<PastConversation>();
    Optional<String> cursor = Optional.empty();
    do {
      var page = connector.history().orElseThrow().page(since, cursor);
      read.addAll(page.conversations());
      cursor = page.next();
    } while (cursor.isPresent());

    assertThat(read).extracting(p -> p.conversation().key().externalId()).containsExactly(returns, delivery, archived)
        .doesNotContain(old, open);
    var first = read.get(0);
    assertThat(first.conversation().messages()).allMatch(m -> m.visibility() == Visibility.PUBLIC)
        .extracting(Message::role).containsExactly(AuthorRole.CUSTOMER, AuthorRole.AGENT);
    var reply = first.conversation().messages().get(1);
    assertThat(reply.text()).contains("Hi Ann");
    assertThat(first.linksOf(reply.id())).containsExactly("https://shop.example/help/returns");
    var second = read.get(1);
    assertThat(second.linksOf(second.conversation().messages().get(1).id()))
        .containsExactly("https://shop.example/help/delivery");
    assertThat(first.solvedAt()).isAfter(since);
    assertThat(List.of(first.conversation().closed(), second.conversation().closed())).containsOnly(true);
  }
}
