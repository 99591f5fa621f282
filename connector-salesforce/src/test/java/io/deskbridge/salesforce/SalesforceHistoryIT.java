package io.deskbridge.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.HistoryReader.PastConversation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * History replay's reader against the Salesforce fake: a SOQL query over closed Cases changed since the start (with
 * their CaseComments and EmailMessages), public messages only, in order, and the links of the agents' replies.
 */
class SalesforceHistoryIT {
  private SalesforceFixture fixture;
  private Connector connector;

  @BeforeEach
  void start() {
    fixture = new SalesforceFixture();
    connector = fixture.connector("acme", Clock.systemUTC());
    connector.client().whoAmI();
  }

  @AfterEach
  void stop() {
    connector.close();
    fixture.close();
  }

  @Test
  void readsTheClosedCasesChangedSinceWithTheirPublicMessagesAndLinks() {
    var fake = fixture.fake;
    fixture.clock.advance(Duration.ofDays(-40));
    String old = fake.customerCreatesCase("old@example.com", "Old", "Old", "Old question?", "Web");
    fake.agentCloses(old);
    fixture.clock.advance(Duration.ofDays(40));
    Instant since = Instant.now().minus(Duration.ofDays(1));

    String web = fake.customerCreatesCase("ann@example.com", "Ann", "Returns", "How do I return shoes?", "Web");
    fake.agentComments(web, "internal: VIP customer", false);
    fake.agentComments(web, "Hi Ann, see https://shop.example/help/returns.", true);
    fake.agentCloses(web);
    String mail = fake.customerCreatesCase("bob@example.com", "Bob", "Delivery", "How long does delivery take?",
        "Email");
    fake.agentEmails(mail, "Hi Bob, two days: https://shop.example/help/delivery");
    fake.agentCloses(mail);
    String open = fake.customerCreatesCase("eve@example.com", "Eve", "Open", "Still waiting", "Web");

    var page = connector.history().orElseThrow().page(since, Optional.empty());

    assertThat(page.next()).isEmpty();
    List<PastConversation> read = page.conversations();
    assertThat(read).extracting(p -> p.conversation().key().externalId()).containsExactly(web, mail)
        .doesNotContain(old, open);
    var first = read.get(0);
    assertThat(first.conversation().closed()).isTrue();
    assertThat(first.conversation().messages()).extracting(Message::role, Message::text).containsExactly(
        Tuple.tuple(AuthorRole.CUSTOMER, "How do I return shoes?"),
        Tuple.tuple(AuthorRole.AGENT, "Hi Ann, see https://shop.example/help/returns."));
    assertThat(first.linksOf(first.conversation().messages().get(1).id()))
        .containsExactly("https://shop.example/help/returns");
    var second = read.get(1);
    var reply = second.conversation().messages().stream().filter(m -> m.role() == AuthorRole.AGENT).findFirst()
        .orElseThrow();
    assertThat(second.linksOf(reply.id())).containsExactly("https://shop.example/help/delivery");
    assertThat(second.conversation().messages().get(0).role()).isEqualTo(AuthorRole.CUSTOMER);
    assertThat(first.solvedAt()).isAfter(since);
  }
}
