package io.deskbridge.daktela;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.deskbridge.core.contract.AbstractConnectorIT;
import io.deskbridge.core.contract.ConnectorHarness;
import io.deskbridge.core.contract.VendorFixture;
import io.deskbridge.core.engine.BusinessHours;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.Capability;
import io.deskbridge.mock.base.Fault;
import io.deskbridge.mock.base.FaultRule;
import io.deskbridge.mock.daktela.DaktelaFake;
import io.deskbridge.mock.daktela.chat.DaktelaChatFake;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A Daktela web chat handed over while nobody can answer (nobody online, or outside business hours) also becomes a
 * Daktela ticket in the configured {@code followUpCategory}, on the ticket fake behind the chat fake's REST API (one
 * base URL, as one instance): once, with the summary and the transcript; the customer is told; the summary in the chat
 * names the ticket; the chat is still transferred. A refused or unanswered ticket POST, or a crash after it, leaves one
 * ticket. No ticket while someone can answer, nor without the setting.
 */
class DaktelaChatFollowUpIT extends AbstractConnectorIT {
  private static final String SAVED = "Your request is also saved as a ticket, and a colleague will follow up on it.";

  @Override
  protected VendorFixture fixture() {
    return new DaktelaChatFixture();
  }

  private DaktelaChatFixture daktela() {
    return (DaktelaChatFixture) fixture;
  }

  private DaktelaChatFake fake() {
    return daktela().fake;
  }

  private DaktelaFake tickets() {
    return fake().tickets().fake();
  }

  /** Handed over, the customer's message and the transfer done. */
  private DaktelaChatFake.Chat handedOverAndQueued() {
    String id = handedOver();
    settleWhen(() -> !bot(id, true).isEmpty());
    var chat = fake().chat(id).orElseThrow();
    assertThat(chat.state()).as("still transferred to the queue").isEqualTo("QUEUE");
    assertThat(decisions(id, "handover")).singleElement();
    return chat;
  }

  /** The chat's one follow-up ticket, with the summary, the transcript and the category, named in the chat. */
  private DaktelaFake.TicketView assertOneTicket(DaktelaChatFake.Chat chat) {
    var found = daktela().followUpTickets(chat.name());
    assertThat(found).as("one follow-up ticket").hasSize(1);
    var ticket = found.get(0);
    assertThat(ticket.category()).isEqualTo(DaktelaChatFixture.FOLLOW_UP_CATEGORY);
    assertThat(ticket.stage()).isEqualTo("OPEN");
    assertThat(ticket.title()).contains(chat.name());
    assertThat(daktela().description(ticket.name())).contains("Deskbridge handover", "48213", "jan@example.com")
        .contains("Transcript:", "Customer: I want to talk to a real person about my order #48213");
    var replies = chat.replies();
    assertThat(replies).as("the summary, then the message to the customer").hasSize(2);
    assertThat(replies.get(0).text()).startsWith("Summary for the colleague who takes over:")
        .endsWith("Follow-up ticket: TK%08d".formatted(Long.parseLong(ticket.name())));
    assertThat(replies.get(1).text()).endsWith(SAVED);
    assertThat(fake().unmatchedRequests()).isEmpty();
    return ticket;
  }

  private void closedForThreeDays() {
    LocalDate today = LocalDate.ofInstant(harness.clock().instant(), ZoneOffset.UTC);
    harness.use(ConnectorHarness.Setup.DEFAULT.withHours(new BusinessHours(ZoneOffset.UTC,
        BusinessHours.Week.parse("Mon-Sun 09:00-17:00"), Map.of(), Set.of(today, today.plusDays(1),
        today.plusDays(2)))));
  }

  @Test
  void withTheSettingTheConnectorDeclaresFollowUpTickets() {
    try (var connector = fixture.connector("t", Clock.systemUTC())) {
      assertThat(connector.capabilities().has(Capability.FOLLOW_UP_TICKET)).isTrue();
    }
  }

  @Test
  void theStartUpCheckAsksWhetherTheCategoryExistsAndNamesTheSettingWhenNot() {
    int before = tickets().journal().count("GET", "/api/v6/ticketsCategories/.*"); // the harness's own start
    assertThat(before).as("the harness's start asked too").isEqualTo(1);
    try (var connector = daktela().connector("t", Clock.systemUTC(), Map.of())) {
      assertThat(connector.client().whoAmI().userId()).isEqualTo("deskbridge-bot");
    }
    try (var connector = daktela().connector("t", Clock.systemUTC(), Map.of("followUpCategory", "categories_nope"))) {
      assertThatThrownBy(() -> connector.client().whoAmI()).isInstanceOfSatisfying(VendorException.class,
          e -> assertThat(e.kind()).isEqualTo(VendorException.Kind.INVALID))
          .hasMessageContaining("categories_nope").hasMessageContaining("installations[test].settings.followUpCategory");
    }
    assertThat(tickets().journal().count("GET", "/api/v6/ticketsCategories/.*")).isEqualTo(before + 2);
  }

  @Test
  void whileNobodyIsOnlineTheChatAlsoBecomesOneTicket() {
    fake().realtime().nobodyOnline();

    var chat = handedOverAndQueued();

    assertOneTicket(chat);
    assertThat(chat.replies().get(1).text()).contains("No colleague is online right now");
  }

  @Test
  void outsideBusinessHoursTheChatAlsoBecomesOneTicket() {
    closedForThreeDays();

    var chat = handedOverAndQueued();

    assertOneTicket(chat);
    assertThat(chat.replies().get(1).text()).contains("once our working hours start");
  }

  @Test
  void whileSomeoneCanAnswerThereIsNoTicket() {
    var chat = handedOverAndQueued();

    assertThat(tickets().tickets()).isEmpty();
    assertThat(chat.replies().get(1).text()).doesNotContain("ticket");
    assertThat(chat.replies().get(0).text()).doesNotContain("Follow-up ticket");
  }

  @Test
  void withoutTheSettingThereIsNoTicket() throws Exception {
    restartWith(DaktelaChatFixture.withSettings(Map.of("followUpCategory", DaktelaChatFixture.NO_SETTING)));
    try (var connector = fixture.connector("t", Clock.systemUTC())) {
      assertThat(connector.capabilities().has(Capability.FOLLOW_UP_TICKET)).isFalse();
    }
    fake().realtime().nobodyOnline();

    var chat = handedOverAndQueued();

    assertThat(tickets().tickets()).isEmpty();
    assertThat(chat.replies().get(1).text()).contains("No colleague is online right now").doesNotContain("ticket");
  }

  @Test
  void aTicketPostRefusedWithA5xxIsSentAgainAndLandsOnce() {
    fake().realtime().nobodyOnline();
    tickets().injectFault(FaultRule.on("POST", "/api/v6/tickets\\.json", new Fault.Status(503, null)));

    var chat = handedOverAndQueued();

    assertThat(tickets().injectedFailures()).as("the first POST was refused").isEqualTo(1);
    assertOneTicket(chat);
  }

  @Test
  void aTicketPostWhoseAnswerCameTooLateIsFoundAndNotCreatedAgain() throws Exception {
    restartWith(DaktelaChatFixture.withSettings(Map.of("requestTimeout", "500ms")));
    fake().realtime().nobodyOnline();
    tickets().injectFault(FaultRule.on("POST", "/api/v6/tickets\\.json", new Fault.Delay(Duration.ofSeconds(2))));

    var chat = handedOverAndQueued();

    assertOneTicket(chat);
    assertThat(tickets().journal().count("POST", "/api/v6/tickets\\.json")).as("created once, found by its title "
        + "after").isEqualTo(1);
  }

  @Test
  void aCrashAfterTheTicketWasCreatedLeavesOneTicket() throws Exception {
    fake().realtime().nobodyOnline();
    var crashed = harness.crashAt("SENT"); // the first write is the ticket

    String id = fixture.customerOpens("Order 48213",
        "I want to talk to a real person about my order #48213, my e-mail is jan@example.com.");
    assertThat(crashed.await(WAIT.toSeconds(), TimeUnit.SECONDS)).as("the engine reached the crash point").isTrue();
    await().atMost(WAIT).until(() -> !harness.engine().healthy());
    assertThat(tickets().tickets()).as("created before the crash").hasSize(1);
    harness.restart();
    settleWhen(() -> fake().chat(id).orElseThrow().state().equals("QUEUE"));

    assertOneTicket(fake().chat(id).orElseThrow());
    assertThat(decisions(id, "handover")).singleElement();
  }

  /** The ticket fake behind the chat fake answers on the chat fake's base URL, as one Daktela instance. */
  @Test
  void theTicketsAreOnTheChatInstancesBaseUrl() {
    assertThat(tickets().baseUrl()).as("a fake of its own behind the chat fake").isNotEqualTo(fake().baseUrl());
    fake().realtime().nobodyOnline();
    var chat = handedOverAndQueued();
    assertOneTicket(chat);
    assertThat(tickets().apiCalls()).as("reached through the chat fake").isPositive();
  }
}
