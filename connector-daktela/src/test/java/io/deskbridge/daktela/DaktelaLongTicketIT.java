package io.deskbridge.daktela;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.HelpdeskClient.LoadRequest;
import io.deskbridge.core.webhook.InboundEvent;
import io.deskbridge.mock.base.RequestJournal;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Daktela refuses {@code take} above 1000 with a 400 (vendor contract; the fake does too): a ticket with more
 * activities than one page, and a poll that finds more than one page of changes, are read page by page, every page
 * at most 1000, and nothing is missed.
 */
class DaktelaLongTicketIT {
  private static final int EMAILS = 1_200;
  private static final Pattern TAKE = Pattern.compile("(?:^|&)take=(\\d+)");

  private DaktelaFixture fixture;
  private Connector connector;

  @AfterEach
  void stop() {
    if (connector != null) {
      connector.close();
    }
    fixture.close();
  }

  private String longTicket() {
    String id = fixture.customerOpens("Many questions", "Question 0");
    for (int i = 1; i <= EMAILS; i++) {
      fixture.customerWrites(id, "Question " + i);
    }
    return id;
  }

  private List<RequestJournal.Call> calls() {
    return fixture.fake.journal().calls();
  }

  private static int take(RequestJournal.Call call) {
    var m = TAKE.matcher(call.query());
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  @Test
  void aLoadReadsEveryActivityInPagesOfAtMost1000() {
    fixture = new DaktelaFixture().withoutSubscription();
    connector = fixture.connector("test", Clock.systemUTC());
    connector.client().whoAmI();
    String id = longTicket();

    var conversation = connector.client().load(new LoadRequest(new ConversationKey(connector.vendor(), "test", id),
        Optional.empty()));

    assertThat(conversation.messages()).hasSize(EMAILS + 1)
        .allSatisfy(m -> assertThat(m.role()).isEqualTo(AuthorRole.CUSTOMER));
    assertThat(conversation.messages().get(EMAILS).text()).isEqualTo("Question " + EMAILS);
    assertThat(calls()).allSatisfy(c -> assertThat(take(c)).as(c.path() + "?" + c.query()).isLessThanOrEqualTo(1000))
        .noneSatisfy(c -> assertThat(c.status()).isEqualTo(400));
    assertThat(calls()).as("more than one page of activities")
        .filteredOn(c -> c.path().endsWith("/activities.json")).hasSizeGreaterThan(1);
  }

  @Test
  void aPollReadsEveryChangeInPagesOfAtMost1000() {
    fixture = DaktelaFixture.polling();
    connector = fixture.connector("test", Clock.systemUTC());
    var poller = connector.poller().orElseThrow(() -> new AssertionError("events: polling gives a poller"));
    String cursor = poller.poll(Optional.empty()).cursor();

    String id = longTicket();
    var poll = poller.poll(Optional.of(cursor));

    assertThat(poll.events().stream().filter(e -> e.kind() == InboundEvent.Kind.MESSAGE_ADDED)
        .map(InboundEvent::id).distinct()).as("one event per activity").hasSize(EMAILS + 1);
    assertThat(poll.events()).filteredOn(e -> e.kind() == InboundEvent.Kind.CONVERSATION_CREATED).singleElement()
        .satisfies(e -> assertThat(e.conversationId()).isEqualTo(id));
    assertThat(calls()).allSatisfy(c -> assertThat(take(c)).as(c.path() + "?" + c.query()).isLessThanOrEqualTo(1000))
        .noneSatisfy(c -> assertThat(c.status()).isEqualTo(400));
  }
}
