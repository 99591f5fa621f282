package io.deskbridge.core.contract;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.contract.ConnectorHarness.Setup;
import io.deskbridge.core.engine.BusinessHours;
import io.deskbridge.core.store.AuditRecord;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Chat behaviour, the same for every vendor that declares {@link io.deskbridge.core.spi.Capability#CHAT}: the
 * debounce (quick lines get one answer; a line during the window extends it, to at most twice the window), the
 * handover (control passes to people, the agent's first view holds the whole transcript and the summary, the bot is
 * silent afterwards), the release (control back starts a new bot episode) and a handover while nobody can answer (the
 * customer is told when someone will, the agent's summary says so): outside business hours for every chat vendor,
 * and with nobody online where the vendor can tell ({@link io.deskbridge.core.spi.Capability#AGENT_AVAILABILITY});
 * where the vendor keeps such a conversation as a ticket ({@link io.deskbridge.core.spi.Capability#FOLLOW_UP_TICKET})
 * there is exactly one, with the summary and the transcript, and the customer is told.
 * A customer line after the session timeout starts a new bot episode. The debounce and the timeout run on the
 * engine's clock, moved by the test; no test waits for a window in real time.
 */
public abstract class AbstractChatIT extends AbstractConnectorIT {
  /** Long against the time a test takes, so that only the test's own clock moves close it. */
  protected static final Duration WINDOW = Duration.ofMinutes(1);
  private static final String PERSON = "I want to talk to a real person about my order #48213, my e-mail is "
      + "jan@example.com.";

  /** Waits until the fake delivered everything and the engine stored it, then checks that nothing is due yet. */
  private void assertHeldBack(String id) {
    fixture.awaitDeliveries(WAIT);
    assertThat(harness.onlyHeldBackWork()).as("the lines wait for the window to close").isTrue();
    assertThat(bot(id, true)).as("no answer within the window").isEmpty();
  }

  /** The one decision (not an ignore) made in the conversation, with the customer text it was made on. */
  private AuditRecord oneDecision(String id) {
    var decided = harness.audit(id).stream().filter(r -> !r.decision().equals("ignore")).toList();
    assertThat(decided).as("one decision for all the lines").hasSize(1);
    return decided.get(0);
  }

  @Test
  @EnabledIf("supportsChat")
  void threeQuickLinesWithinTheWindowGetOneAnswerToAllThree() {
    harness.use(Setup.DEFAULT.withChatDebounce(WINDOW));
    String id = fixture.customerOpens("Login", "Hello");
    fixture.customerWrites(id, "I can't log in to my account");
    fixture.customerWrites(id, "How do I reset my password?");
    assertHeldBack(id);

    harness.clock().advance(WINDOW.plusSeconds(1));
    settleWhen(() -> !bot(id, true).isEmpty());

    assertThat(bot(id, true)).singleElement().satisfies(m -> assertThat(m.text()).contains("Forgot password"));
    assertThat(oneDecision(id)).satisfies(r -> {
      assertThat(r.decision()).isEqualTo("reply");
      assertThat(r.input()).contains("Hello", "I can't log in to my account", "How do I reset my password?");
    });
  }

  @Test
  @EnabledIf("supportsChat")
  void aLineDuringTheWindowExtendsIt() {
    harness.use(Setup.DEFAULT.withChatDebounce(WINDOW));
    String id = fixture.customerOpens("Delivery", "Hi there");
    fixture.awaitDeliveries(WAIT);
    harness.clock().advance(WINDOW.multipliedBy(2).dividedBy(3));
    fixture.customerWrites(id, "How long does delivery take?");
    fixture.awaitDeliveries(WAIT);

    harness.clock().advance(WINDOW.dividedBy(2)); // past the first line's window, within the second's
    assertHeldBack(id);

    harness.clock().advance(WINDOW.dividedBy(2).plusSeconds(1));
    settleWhen(() -> !bot(id, true).isEmpty());

    assertThat(bot(id, true)).singleElement().satisfies(m -> assertThat(m.text()).contains("2 working days"));
    assertThat(oneDecision(id).input()).contains("Hi there", "How long does delivery take?");
  }

  @Test
  @EnabledIf("supportsChat")
  void theWindowIsExtendedToAtMostTwiceItsLength() {
    harness.use(Setup.DEFAULT.withChatDebounce(WINDOW));
    String id = fixture.customerOpens("Login", "Hello");
    fixture.awaitDeliveries(WAIT);
    harness.clock().advance(WINDOW.multipliedBy(5).dividedBy(6));
    fixture.customerWrites(id, "I can't log in to my account");
    fixture.awaitDeliveries(WAIT);
    harness.clock().advance(WINDOW.multipliedBy(5).dividedBy(6));
    fixture.customerWrites(id, "How do I reset my password?"); // its own window would end at 2 1/2 windows
    assertHeldBack(id);

    harness.clock().advance(WINDOW.dividedBy(3).plusSeconds(1)); // 2 windows after the first line, and a second
    settleWhen(() -> !bot(id, true).isEmpty());

    assertThat(bot(id, true)).singleElement().satisfies(m -> assertThat(m.text()).contains("Forgot password"));
    assertThat(oneDecision(id).input()).contains("Hello", "I can't log in to my account",
        "How do I reset my password?");
  }

  @Test
  @EnabledIf("supportsChat")
  void aHandoverPassesControlWithTheWholeTranscriptAndTheSummaryAndTheBotStaysSilent() {
    String id = answered("Delivery", "How long does delivery take?");
    fixture.customerWrites(id, PERSON);
    settleWhen(() -> fixture.ownedByPeople(id) && bot(id, true).size() == 2);

    assertThat(bot(id, true)).last().as("a chat-sized line: the vendor reads the conversation as a chat")
        .satisfies(m -> assertThat(m.text()).hasSizeLessThanOrEqualTo(100).containsIgnoringCase("colleague"));
    var view = fixture.agentView(id);
    assertThat(view.transcript()).as("from the first line on").first()
        .satisfies(t -> assertThat(t).contains("How long does delivery take?"));
    assertThat(view.transcript()).anySatisfy(t -> assertThat(t).contains("2 working days"))
        .anySatisfy(t -> assertThat(t).contains("#48213"));
    assertThat(view.summary()).containsIgnoringCase("human request").contains("48213", "jan@example.com")
        .doesNotContain("Outside business hours", "No agent");
    assertSummaryPostedOnce(id);
    assertRouted(id);

    int before = fixture.messages(id).size();
    fixture.customerWrites(id, "Hello? Is anyone there?");
    fixture.customerWrites(id, "How do I reset my password?");
    settleWhen(() -> fixture.messages(id).size() >= before + 2);

    assertThat(bot(id, true)).as("nothing from the bot after the handover").hasSize(2);
    assertThat(harness.audit(id)).last().satisfies(r -> assertThat(r.reasons())
        .containsExactly("human_owns_conversation"));
  }

  @Test
  @EnabledIf("supportsChat")
  void controlGivenBackStartsANewEpisodeInWhichTheBotAnswersAgain() {
    String id = handedOver();
    settleWhen(() -> !bot(id, true).isEmpty());

    fixture.agentReleasesToBot(id);
    settle();
    assertThat(fixture.ownedByPeople(id)).isFalse();
    fixture.customerWrites(id, "How do I reset my password? I can't log in.");
    settleWhen(() -> bot(id, true).size() == 2);

    assertThat(bot(id, true)).last().satisfies(m -> assertThat(m.text()).contains("Forgot password"));
    assertThat(decisions(id, "reply")).singleElement().satisfies(r -> assertThat(r.episode()).isEqualTo(2));
    assertThat(decisions(id, "handover")).singleElement().satisfies(r -> assertThat(r.episode()).isEqualTo(1));
  }

  /** Closed today and the next two days (on the engine's clock, UTC), open 09:00-17:00 every other day. */
  private BusinessHours closedForThreeDays() {
    LocalDate today = LocalDate.ofInstant(harness.clock().instant(), ZoneOffset.UTC);
    return new BusinessHours(ZoneOffset.UTC, BusinessHours.Week.parse("Mon-Sun 09:00-17:00"), Map.of(),
        Set.of(today, today.plusDays(1), today.plusDays(2)));
  }

  /**
   * Where the vendor keeps a conversation nobody can answer as a ticket ({@code FOLLOW_UP_TICKET}), there is exactly
   * one, holding the summary and the transcript, and the customer is told; elsewhere nothing is said of a ticket.
   */
  private void assertFollowUpWhereTheVendorKeepsOne(String id) {
    if (!supportsFollowUpTicket()) {
      assertThat(bot(id, true)).singleElement().satisfies(m -> assertThat(m.text()).doesNotContain("ticket"));
      return;
    }
    assertThat(bot(id, true)).singleElement().satisfies(m -> assertThat(m.text())
        .contains("Your request is also saved as a ticket, and a colleague will follow up on it."));
    assertThat(fixture.followUpsOf(id)).as("kept as one ticket").singleElement().satisfies(t -> assertThat(t)
        .containsIgnoringCase("human request").contains("48213", "jan@example.com")
        .as("with the transcript").contains("I want to talk to a real person about my order #48213"));
  }

  @Test
  @EnabledIf("supportsChat")
  void aHandoverOutsideBusinessHoursTellsTheCustomerWhenSomeoneWillAnswer() {
    var hours = closedForThreeDays();
    harness.use(Setup.DEFAULT.withHours(hours));
    ZonedDateTime opening = hours.nextOpening("General", harness.clock().instant()).orElseThrow();
    String when = DateTimeFormatter.ofPattern("d MMMM, H:mm", Locale.ENGLISH).format(opening);

    String id = handedOver();
    settleWhen(() -> !bot(id, true).isEmpty());

    assertThat(bot(id, true)).singleElement().satisfies(m -> assertThat(m.text())
        .contains("once our working hours start").contains(when));
    assertThat(fixture.agentView(id).summary()).contains("Outside business hours").contains(when);
    assertSummaryPostedOnce(id);
    assertFollowUpWhereTheVendorKeepsOne(id);
    assertThat(fixture.ownedByPeople(id)).as("queued with the people, who answer when they are back").isTrue();
    assertRouted(id);
    if (supportsTags()) {
      assertThat(fixture.tagsOf(id)).contains("deskbridge_after_hours");
    }
    assertThat(decisions(id, "handover")).singleElement();
  }

  @Test
  @EnabledIf("supportsChatWithAgentAvailability")
  void aHandoverWhileTheVendorReportsNobodyOnlineTellsTheCustomerTheFirstColleagueAvailableReplies() {
    fixture.noAgentsOnline();

    String id = handedOver();
    settleWhen(() -> !bot(id, true).isEmpty());

    assertThat(bot(id, true)).singleElement().satisfies(m -> assertThat(m.text())
        .contains("No colleague is online right now"));
    assertThat(fixture.agentView(id).summary()).contains("No agent was online at the handover");
    assertSummaryPostedOnce(id);
    assertFollowUpWhereTheVendorKeepsOne(id);
    assertThat(fixture.ownedByPeople(id)).as("queued with the people, never dropped").isTrue();
    assertRouted(id);
    if (supportsTags()) {
      assertThat(fixture.tagsOf(id)).contains("deskbridge_no_agents_online");
    }
  }

  @Test
  @EnabledIf("supportsChat")
  void aLineAfterTheSessionTimeoutStartsANewBotEpisode() {
    harness.use(Setup.DEFAULT.withChatSessionTimeout(Duration.ofMinutes(10)));
    String id = answered("Login", "How do I reset my password? I can't log in.");

    harness.clock().advance(Duration.ofMinutes(10).plusSeconds(1));
    fixture.customerWrites(id, "How long does delivery take?");
    settleWhen(() -> bot(id, true).size() == 2);

    assertThat(bot(id, true)).last().satisfies(m -> assertThat(m.text()).contains("2 working days"));
    assertThat(decisions(id, "reply")).extracting(AuditRecord::episode).containsExactly(1, 2);
    assertThat(harness.audit(id)).filteredOn(r -> r.reasons().contains("session_timeout")).singleElement()
        .satisfies(r -> assertThat(r.episode()).isEqualTo(2));
  }

  @Test
  @EnabledIf("supportsChat")
  void aLineWithinTheSessionTimeoutStaysInTheEpisode() {
    harness.use(Setup.DEFAULT.withChatSessionTimeout(Duration.ofMinutes(10)));
    String id = answered("Login", "How do I reset my password? I can't log in.");

    harness.clock().advance(Duration.ofMinutes(9));
    fixture.customerWrites(id, "How long does delivery take?");
    settleWhen(() -> bot(id, true).size() == 2);

    assertThat(decisions(id, "reply")).extracting(AuditRecord::episode).containsExactly(1, 1);
    assertThat(harness.audit(id)).noneSatisfy(r -> assertThat(r.reasons()).contains("session_timeout"));
  }
}
