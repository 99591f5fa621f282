package io.deskbridge.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.action.Action;
import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.escalation.HandoverReason;
import io.deskbridge.core.escalation.HandoverSummary;
import io.deskbridge.core.escalation.Scores;
import io.deskbridge.core.spi.Capabilities;
import io.deskbridge.core.spi.Capability;
import io.deskbridge.core.spi.HelpdeskClient.Availability;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ActionPlannerTest {
  private static final Routing ROUTING = new Routing("g", Map.of(), null);
  /** A Saturday in Prague; {@link #HOURS} are closed then, and open again on Monday at 8:00. */
  private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");
  private static final BusinessHours HOURS = new BusinessHours(ZoneId.of("Europe/Prague"),
      BusinessHours.Week.parse("Mon-Fri 08:00-17:00"), Map.of("Billing", BusinessHours.Week.parse("Mon-Sun 09:00-21:00")),
      Set.of());
  private static final Capabilities ZENDESK =
      new Capabilities(EnumSet.of(Capability.ATOMIC_UPDATE, Capability.TAGS, Capability.CONDITIONAL_WRITES), 65_536);
  private static final Decision.Reply REPLY =
      new Decision.Reply("Use Forgot password.", "en", List.of("confident_match"), new Scores(0.9, "kb-1", Map.of()));

  private static Decision.Handover handover() {
    return handover("", "en");
  }

  private static Decision.Handover handover(String group, String language) {
    var summary = new HandoverSummary(Set.of(HandoverReason.HUMAN_REQUEST), language, "neutral", "x".repeat(300),
        List.of(), List.of(), 0.3);
    return new Decision.Handover(group, "A colleague will answer.", summary, List.of("human_request"), Scores.NONE);
  }

  @Test
  void withAtomicUpdatesOperationsCarryOneMessageEachWithAssignmentAndTagsAfterIt() {
    var reply = new Action.PublicReply("hi");
    var note = new Action.InternalNote("note");
    var group = new Action.AssignGroup("g");
    var tags = new Action.AddTags(Set.of("t"));

    assertThat(ActionPlanner.operations(List.of(note, group, tags, reply), ZENDESK))
        .containsExactly(List.of(note, group, tags), List.of(reply));
    assertThat(ActionPlanner.operations(List.of(note, group, tags, reply), new Capabilities(Set.of(), 100)))
        .containsExactly(List.of(note), List.of(group), List.of(tags), List.of(reply));
  }

  @Test
  void draftModeTurnsAReplyIntoADraftNoteAndShadowModeWritesNothing() {
    var draft = ActionPlanner.plan(REPLY, Mode.DRAFT, ROUTING, ZENDESK, NOW);
    assertThat(draft.decision()).isInstanceOf(Decision.Draft.class);
    assertThat(draft.actions()).singleElement().isInstanceOfSatisfying(Action.InternalNote.class,
        n -> assertThat(n.text()).contains("proposed reply").contains("Use Forgot password."));

    var shadow = ActionPlanner.plan(REPLY, Mode.SHADOW, ROUTING, ZENDESK, NOW);
    assertThat(shadow.decision()).isEqualTo(REPLY);
    assertThat(shadow.actions()).isEmpty();
    assertThat(shadow.operations()).isEmpty();

    assertThat(ActionPlanner.plan(REPLY, Mode.AUTO, ROUTING, ZENDESK, NOW).actions())
        .containsExactly(new Action.PublicReply("Use Forgot password."));
  }

  @Test
  void aHandoverInDraftModeTellsTheCustomerNothing() {
    var plan = ActionPlanner.plan(handover(), Mode.DRAFT, ROUTING, ZENDESK, NOW);
    assertThat(plan.actions()).noneMatch(a -> a instanceof Action.PublicReply);
    assertThat(plan.operations()).hasSize(1);
  }

  @Test
  void withoutTagsNoneAreAddedAndNotesAreCutToTheVendorsLimit() {
    var plan = ActionPlanner.plan(handover(), Mode.AUTO, ROUTING, new Capabilities(Set.of(), 120), NOW);

    assertThat(plan.actions()).noneMatch(a -> a instanceof Action.AddTags);
    assertThat(plan.actions().get(0)).isInstanceOfSatisfying(Action.InternalNote.class, n -> {
      assertThat(n.text()).hasSize(120).endsWith("…");
    });
    assertThat(plan.operations()).hasSize(3);
  }

  @Test
  void whereTheAssignmentEndsTheBotsWritesTheCustomerIsToldFirst() {
    var chat = new Capabilities(EnumSet.of(Capability.CHAT, Capability.HANDOVER_ENDS_BOT_WRITES), 2000);

    var plan = ActionPlanner.plan(handover(), Mode.AUTO, ROUTING, chat, NOW);

    assertThat(plan.actions()).extracting(a -> a.getClass().getSimpleName())
        .containsExactly("InternalNote", "PublicReply", "AssignGroup");
    assertThat(plan.operations()).hasSize(3);
    assertThat(ActionPlanner.plan(handover(), Mode.AUTO, ROUTING, new Capabilities(Set.of(Capability.CHAT), 2000), NOW)
        .actions()).extracting(a -> a.getClass().getSimpleName())
        .containsExactly("InternalNote", "AssignGroup", "PublicReply");
  }

  @Test
  void whereTheNoteRidesWithTheAssignmentTheCustomerLineGoesBeforeThatCall() {
    var messaging = new Capabilities(
        EnumSet.of(Capability.CHAT, Capability.ATOMIC_UPDATE, Capability.HANDOVER_ENDS_BOT_WRITES), 4096);

    var plan = ActionPlanner.plan(handover(), Mode.AUTO, ROUTING, messaging, NOW);

    assertThat(plan.operations()).extracting(op -> op.stream().map(a -> a.getClass().getSimpleName()).toList())
        .containsExactly(List.of("PublicReply"), List.of("InternalNote", "AssignGroup"));
    var before = ActionPlanner.plan(handover(), Mode.AUTO, ROUTING,
        new Capabilities(EnumSet.of(Capability.CHAT, Capability.ATOMIC_UPDATE), 4096), NOW);
    assertThat(before.operations()).extracting(op -> op.stream().map(a -> a.getClass().getSimpleName()).toList())
        .containsExactly(List.of("InternalNote", "AssignGroup"), List.of("PublicReply"));
  }

  @Test
  void aHandoverOutsideBusinessHoursTellsTheCustomerWhenPeopleAreBackInTheirLanguage() {
    var routing = new Routing("g", Map.of("Billing", "g-billing"), null, HOURS);

    var plan = ActionPlanner.plan(handover("", "cs"), Mode.AUTO, routing, ZENDESK, NOW);

    assertThat(plan.actions()).filteredOn(a -> a instanceof Action.PublicReply).singleElement()
        .isEqualTo(new Action.PublicReply("A colleague will answer. Náš tým teď není k dispozici, kolega se vám "
            + "ozve, jakmile začne pracovní doba (pondělí 7. prosince, 8:00 SEČ)."));
    assertThat(plan.actions().get(0)).isInstanceOfSatisfying(Action.InternalNote.class, n -> assertThat(n.text())
        .endsWith("Outside business hours: the customer was told a colleague replies once working hours start "
            + "(Monday 7 December, 8:00 CET)."));
    assertThat(plan.actions()).filteredOn(a -> a instanceof Action.AddTags).singleElement()
        .satisfies(t -> assertThat(((Action.AddTags) t).tags()).contains(AfterHours.TAG));
  }

  @Test
  void aHandoverWhileTheGroupsPeopleAreThereSaysNothingMore() {
    var routing = new Routing("g", Map.of("Billing", "g-billing"), null, HOURS);

    var plan = ActionPlanner.plan(handover("Billing", "en"), Mode.AUTO, routing, ZENDESK, NOW);

    assertThat(plan.actions()).filteredOn(a -> a instanceof Action.PublicReply).singleElement()
        .isEqualTo(new Action.PublicReply("A colleague will answer."));
    assertThat(plan.actions()).filteredOn(a -> a instanceof Action.AddTags).singleElement()
        .satisfies(t -> assertThat(((Action.AddTags) t).tags()).doesNotContain(AfterHours.TAG));
  }

  @Test
  void aLanguageWithoutItsOwnSentenceGetsTheEnglishOne() {
    var routing = new Routing("g", Map.of(), null, HOURS);

    var plan = ActionPlanner.plan(handover("", "de"), Mode.AUTO, routing, ZENDESK, NOW);

    assertThat(plan.actions()).filteredOn(a -> a instanceof Action.PublicReply).singleElement()
        .satisfies(r -> assertThat(((Action.PublicReply) r).text()).endsWith(
            "a colleague will reply once our working hours start (Monday 7 December, 8:00 CET)."));
  }

  @Test
  void aHandoverWithinHoursWhileTheVendorReportsNobodyOnlineSaysTheFirstColleagueAvailableReplies() {
    var routing = new Routing("g", Map.of("Billing", "g-billing"), null, HOURS);

    var plan = ActionPlanner.plan(handover("Billing", "pl"), Mode.AUTO, routing, ZENDESK, NOW,
        Availability.NOBODY_ONLINE);

    assertThat(plan.actions()).filteredOn(a -> a instanceof Action.PublicReply).singleElement()
        .isEqualTo(new Action.PublicReply("A colleague will answer. W tej chwili żaden konsultant nie jest dostępny, "
            + "odpowie pierwszy, który będzie wolny."));
    assertThat(plan.actions().get(0)).isInstanceOfSatisfying(Action.InternalNote.class, n -> assertThat(n.text())
        .endsWith("No agent was online at the handover: the customer was told the first colleague available "
            + "replies."));
    assertThat(plan.actions()).filteredOn(a -> a instanceof Action.AddTags).singleElement()
        .satisfies(t -> assertThat(((Action.AddTags) t).tags()).contains(AfterHours.NOBODY_ONLINE_TAG)
            .doesNotContain(AfterHours.TAG));
  }

  @Test
  void outsideBusinessHoursTheOpeningIsSaidWhateverTheVendorReports() {
    var routing = new Routing("g", Map.of(), null, HOURS);

    var plan = ActionPlanner.plan(handover("", "en"), Mode.AUTO, routing, ZENDESK, NOW, Availability.NOBODY_ONLINE);

    assertThat(plan.actions()).filteredOn(a -> a instanceof Action.PublicReply).singleElement()
        .satisfies(r -> assertThat(((Action.PublicReply) r).text()).endsWith("(Monday 7 December, 8:00 CET).")
            .doesNotContain("online"));
    assertThat(plan.actions()).filteredOn(a -> a instanceof Action.AddTags).singleElement()
        .satisfies(t -> assertThat(((Action.AddTags) t).tags()).contains(AfterHours.TAG)
            .doesNotContain(AfterHours.NOBODY_ONLINE_TAG));
  }

  @Test
  void someoneOnlineOrAVendorThatCannotTellChangesNothing() {
    for (var online : List.of(Availability.SOMEONE_ONLINE, Availability.UNKNOWN)) {
      var plan = ActionPlanner.plan(handover(), Mode.AUTO, ROUTING, ZENDESK, NOW, online);

      assertThat(plan.actions()).filteredOn(a -> a instanceof Action.PublicReply).singleElement()
          .as("%s", online).isEqualTo(new Action.PublicReply("A colleague will answer."));
    }
  }

  private static final Capabilities CHAT_WITH_FOLLOW_UP = new Capabilities(EnumSet.of(Capability.CHAT,
      Capability.HANDOVER_ENDS_BOT_WRITES, Capability.FOLLOW_UP_TICKET), 2000);

  @Test
  void withFollowUpTicketsAHandoverWhileNobodyCanAnswerKeepsATicketFirstAndTellsTheCustomerInTheirLanguage() {
    var routing = new Routing("g", Map.of("Billing", "g-billing"), null, HOURS);
    var sentences = Map.of(
        "en", "Your request is also saved as a ticket, and a colleague will follow up on it.",
        "cs", "Váš požadavek jsme také uložili jako tiket a kolega se vám ozve.",
        "pl", "Twoją sprawę zapisaliśmy też jako zgłoszenie, konsultant się z Tobą skontaktuje.",
        "sk", "Vašu požiadavku sme uložili aj ako tiket a kolega sa vám ozve.",
        "sl", "Vašo zahtevo smo shranili tudi kot zahtevek, sodelavec se vam bo oglasil.",
        "de", "Your request is also saved as a ticket, and a colleague will follow up on it.");
    sentences.forEach((language, sentence) -> {
      var away = ActionPlanner.plan(handover("", language), Mode.AUTO, routing, CHAT_WITH_FOLLOW_UP, NOW);
      var nobody = ActionPlanner.plan(handover("Billing", language), Mode.AUTO, routing, CHAT_WITH_FOLLOW_UP, NOW,
          Availability.NOBODY_ONLINE);
      for (var plan : List.of(away, nobody)) {
        var note = (Action.InternalNote) plan.actions().stream().filter(a -> a instanceof Action.InternalNote)
            .findFirst().orElseThrow();
        assertThat(plan.actions().get(0)).as(language).isEqualTo(new Action.FollowUpTicket(note.text()));
        assertThat(plan.actions()).filteredOn(a -> a instanceof Action.FollowUpTicket).hasSize(1);
        assertThat(plan.actions()).filteredOn(a -> a instanceof Action.PublicReply).singleElement()
            .satisfies(r -> assertThat(((Action.PublicReply) r).text()).as(language).endsWith(" " + sentence));
        assertThat(plan.operations().get(0)).as("the ticket is its own write, before the summary")
            .containsExactly(plan.actions().get(0));
      }
      assertThat(away.actions().get(0)).satisfies(t -> assertThat(((Action.FollowUpTicket) t).summary())
          .contains("Outside business hours"));
      assertThat(nobody.actions().get(0)).satisfies(t -> assertThat(((Action.FollowUpTicket) t).summary())
          .contains("No agent was online"));
    });
  }

  @Test
  void noFollowUpTicketWhileSomeoneCanAnswerOrWithoutTheCapability() {
    var routing = new Routing("g", Map.of("Billing", "g-billing"), null, HOURS);
    for (var online : List.of(Availability.SOMEONE_ONLINE, Availability.UNKNOWN)) {
      var plan = ActionPlanner.plan(handover("Billing", "en"), Mode.AUTO, routing, CHAT_WITH_FOLLOW_UP, NOW, online);
      assertThat(plan.actions()).as("%s", online).noneMatch(a -> a instanceof Action.FollowUpTicket);
      assertThat(plan.actions()).filteredOn(a -> a instanceof Action.PublicReply).singleElement()
          .isEqualTo(new Action.PublicReply("A colleague will answer."));
    }
    var without = ActionPlanner.plan(handover("", "en"), Mode.AUTO, routing, ZENDESK, NOW,
        Availability.NOBODY_ONLINE);
    assertThat(without.actions()).noneMatch(a -> a instanceof Action.FollowUpTicket);
    assertThat(without.actions()).filteredOn(a -> a instanceof Action.PublicReply).singleElement()
        .satisfies(r -> assertThat(((Action.PublicReply) r).text()).doesNotContain("ticket"));
  }
}
