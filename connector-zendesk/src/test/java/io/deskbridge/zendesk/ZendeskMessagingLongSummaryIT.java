package io.deskbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.contract.AbstractConnectorIT;
import io.deskbridge.core.contract.VendorFixture;
import io.deskbridge.mock.sunco.SuncoFake;
import io.deskbridge.mock.sunco.SuncoViews;
import io.deskbridge.mock.zendesk.CommentView;
import io.deskbridge.mock.zendesk.DeliveryRecord;
import io.deskbridge.mock.zendesk.ZendeskFake;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A handover summary over SunCo's 4 KB metadata, with the Support API configured, over real HTTP against the SunCo
 * and Zendesk fakes: {@code passControl} carries it cut to fit, the agent workspace opens the messaging ticket, the
 * Support webhook's {@code messaging_ticket.message_added} events name it, and the full summary lands on it as one
 * private comment, however often the events come, across a restart and a crash after the post.
 */
class ZendeskMessagingLongSummaryIT extends AbstractConnectorIT {
  /** Three hundred invoice numbers: the summary's key facts alone are over 6 KB; the message stays under SunCo's 4,096. */
  static final String LONG_REQUEST = "I want to talk to a real person about these invoices: "
      + IntStream.range(0, 300).mapToObj(i -> "INV-" + (100000 + i)).collect(Collectors.joining(", ")) + ".";

  @Override
  protected VendorFixture fixture() {
    return ZendeskMessagingFixture.withSupport();
  }

  private SuncoFake sunco() {
    return ((ZendeskMessagingFixture) fixture).fake;
  }

  private ZendeskFake zendesk() {
    return ((ZendeskMessagingFixture) fixture).support;
  }

  private List<CommentView> privateComments(long ticket) {
    return zendesk().comments(ticket).stream().filter(c -> !c.isPublic()).toList();
  }

  private long ticketOf(String id) {
    return zendesk().messagingTicketOf(id).orElseThrow();
  }

  private boolean noted(String id) {
    return zendesk().messagingTicketOf(id).map(t -> !privateComments(t).isEmpty()).orElse(false);
  }

  private String longHandover() {
    String id = fixture.customerOpens("Invoices", LONG_REQUEST);
    settleWhen(() -> fixture.ownedByPeople(id) && !decisions(id, "handover").isEmpty() && noted(id));
    return id;
  }

  private static int bytes(Object metadata) {
    return new ObjectMapper().valueToTree(metadata).toString().getBytes(StandardCharsets.UTF_8).length;
  }

  @Test
  void theMetadataStaysWithin4KbAndTheTicketGetsTheFullSummaryAsOneInternalNote() {
    assertThat(LONG_REQUEST.length()).isLessThan(4096);
    String id = longHandover();

    SuncoViews.Handover handover = sunco().handovers().get(0);
    String cut = String.valueOf(handover.metadata().get(ZendeskMessagingFixture.SUMMARY_KEY));
    assertThat(bytes(handover.metadata())).isLessThanOrEqualTo(4096);
    assertThat(cut).startsWith("Deskbridge handover").endsWith("…").doesNotContain("INV-100299");

    long ticket = ticketOf(id);
    assertThat(zendesk().ticket(ticket).orElseThrow().groupId())
        .isEqualTo(Long.valueOf(fixture.routing().defaultGroup()));
    assertThat(privateComments(ticket)).singleElement().satisfies(note -> {
      assertThat(note.authorId()).as("written by the Support API's agent").isEqualTo(zendesk().botUserId());
      assertThat(note.body()).startsWith("Deskbridge handover summary in full")
          .contains("Deskbridge handover\nWhy:", "INV-100000;", "INV-100299\nBot already:")
          .contains(cut.substring(0, cut.length() - 1));
      assertThat(note.body().getBytes(StandardCharsets.UTF_8).length).isGreaterThan(4096);
    });
    assertThat(zendesk().deliveries()).as("the ticket was named by several events, one per transcript message")
        .hasSizeGreaterThan(1).allSatisfy(d -> assertThat(d.statusCode()).isEqualTo(200));
    assertThat(harness.audit(id)).filteredOn(r -> r.outcome().equals("queued") && r.reasons().contains("linked"))
        .singleElement();
  }

  @Test
  void redeliveredEventsAndARestartDoNotPostItAgain() {
    String id = longHandover();
    long ticket = ticketOf(id);
    long before = harness.inboxEvents();

    harness.restart();
    zendesk().deliveries().stream().map(DeliveryRecord::eventId).distinct().forEach(zendesk()::redeliver);
    zendesk().duplicateNextDelivery(2);
    zendesk().customerComments(ticket, "unrelated"); // a ticket event the installation is not subscribed to
    settle();

    assertThat(zendesk().deliveries()).allSatisfy(d -> assertThat(d.statusCode()).isEqualTo(200));
    assertThat(harness.inboxEvents()).as("the redeliveries were dropped as duplicates").isEqualTo(before);
    assertThat(privateComments(ticket)).hasSize(1);
  }

  /** Dies after the note's vendor call, before the store knows: the restarted engine finds the note and keeps it. */
  @Test
  void aCrashAfterTheNoteWasPostedDoesNotPostItTwice() throws Exception {
    var crashed = new CountDownLatch(1);
    crashAtSentOnceNoted(crashed);

    String id = fixture.customerOpens("Invoices", LONG_REQUEST);
    assertThat(crashed.await(30, TimeUnit.SECONDS)).isTrue();
    long ticket = ticketOf(id);
    assertThat(privateComments(ticket)).hasSize(1);

    harness.restart();
    settle();

    assertThat(privateComments(ticket)).as("checked on the ticket, not sent again").hasSize(1);
    assertThat(fixture.ownedByPeople(id)).isTrue();
  }

  /** A process death, as the harness's crash points simulate it (an Error stops every worker). */
  private static final class Died extends Error {
    Died() {
      super("simulated crash after the note", null, false, false);
    }
  }

  /** At each vendor write accepted: once the ticket has a private comment, dies there; else waits for the next. */
  private void crashAtSentOnceNoted(CountDownLatch crashed) {
    harness.onceAt("SENT", () -> {
      var ticket = zendesk().messagingTicketOf(sunco().conversations().get(0).id());
      if (ticket.isPresent() && !privateComments(ticket.get()).isEmpty()) {
        crashed.countDown();
        throw new Died();
      }
      crashAtSentOnceNoted(crashed);
    });
  }
}
