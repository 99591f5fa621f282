package io.deskbridge.salesforce.internal.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Owner;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.hosting.WebhookHandler;
import io.deskbridge.core.hosting.WebhookServer;
import io.deskbridge.core.store.AuditLog;
import io.deskbridge.core.store.AuditRecord;
import io.deskbridge.core.webhook.InboundEvent;
import io.deskbridge.mock.base.DeliveryAttempt;
import io.deskbridge.mock.salesforce.SalesforceFake;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Salesforce fake's Outbound Messages (SOAP and JSON) posted to this endpoint behind core's real webhook
 * server: every delivery is acknowledged by the fake's own check of the WSDL's {@code Ack}, and people's actions
 * decode to the events of sf-contract §5.
 */
class SalesforceFakeOutboundInteropIT {
  private static final Duration AWAIT = Duration.ofSeconds(20);
  private final List<InboundEvent> stored = new CopyOnWriteArrayList<>();
  private final List<AuditRecord> refusals = new CopyOnWriteArrayList<>();
  private SalesforceFake fake;
  private WebhookServer server;

  @BeforeEach
  void start() {
    fake = SalesforceFake.start();
    var botQueue = fake.queues().get("Bot_Intake");
    var endpoint = new SalesforceWebhookEndpoint(fake.orgId(), Optional.of("t0ken"), List.of("127.0.0.1/32"),
        () -> Set.of(fake.integrationUserId(), botQueue));
    var audit = new AuditLog() {
      @Override
      public void append(AuditRecord record) {
        refusals.add(record);
      }

      @Override
      public List<AuditRecord> all() {
        return List.copyOf(refusals);
      }
    };
    var handler = new WebhookHandler(id -> Optional.of(endpoint), (id, events) -> {
      stored.addAll(events);
      return events.size();
    }, audit, Clock.systemUTC());
    server = WebhookServer.start("127.0.0.1", 0, 1 << 20, handler, Clock.systemUTC());
  }

  @AfterEach
  void stop() {
    server.close();
    assertThat(fake.unmatchedRequests()).isEmpty();
    fake.close();
  }

  private URI url(String token) {
    return URI.create("http://127.0.0.1:" + server.port() + "/webhooks/acme/" + token);
  }

  private InboundEvent only(Predicate<InboundEvent> which) {
    var found = stored.stream().filter(which).toList();
    assertThat(found).as("stored: %s", stored).hasSize(1);
    return found.get(0);
  }

  /**
   * People's actions, each delivered before the next: a notification carries the record at send time, so actions in
   * one batch would all show the last state (the Case closed).
   */
  private void people(String caseId) {
    List<Runnable> actions = List.of(() -> fake.customerEmails(caseId, "It is still smoking."),
        () -> fake.agentComments(caseId, "VIP, be nice", false), () -> fake.agentTakes(caseId),
        () -> fake.agentEmails(caseId, "Please unplug it."), () -> fake.agentCloses(caseId));
    for (var action : actions) {
      action.run();
      assertThat(fake.awaitIdle(AWAIT)).isTrue();
    }
  }

  @Test
  void everyOutboundMessageOfPeoplesActionsIsAcknowledgedAndDecodedAsTheContractMapsIt() {
    fake.subscribe(url("t0ken"));
    String caseId = fake.customerCreatesCase("ann@example.com", "Ann", "Printer", "On fire", "Web");
    assertThat(fake.awaitIdle(AWAIT)).isTrue();
    people(caseId);
    assertThat(fake.awaitIdle(AWAIT)).isTrue();

    assertThat(fake.deliveries()).isNotEmpty().allSatisfy(a -> assertThat(a.acknowledged()).as(a.body()).isTrue());
    assertThat(refusals).isEmpty();
    assertThat(stored).extracting(InboundEvent::conversationId).containsOnly(caseId);
    assertThat(only(e -> e.kind() == InboundEvent.Kind.CONVERSATION_CREATED).snapshot().orElseThrow().owner())
        .isEqualTo(Owner.BOT);
    assertThat(stored).filteredOn(e -> e.message().isPresent()).extracting(e -> e.message().get().role(),
        e -> e.message().get().visibility()).contains(
            org.assertj.core.groups.Tuple.tuple(AuthorRole.CUSTOMER, Visibility.PUBLIC),
            org.assertj.core.groups.Tuple.tuple(AuthorRole.AGENT, Visibility.INTERNAL),
            org.assertj.core.groups.Tuple.tuple(AuthorRole.AGENT, Visibility.PUBLIC));
    assertThat(stored).anySatisfy(e -> {
      assertThat(e.kind()).isEqualTo(InboundEvent.Kind.UPDATED);
      assertThat(e.snapshot().orElseThrow().owner()).isEqualTo(Owner.human("owner " + fake.agentUserId()));
    });
    assertThat(stored).extracting(InboundEvent::kind).contains(InboundEvent.Kind.SOLVED);
  }

  @Test
  void aReleaseToTheBotsQueueIsReleasedToBot() {
    fake.subscribe(url("t0ken"));
    String caseId = fake.customerCreatesCase("ann@example.com", "Ann", "Printer", "On fire", "Web");
    fake.agentTakes(caseId);
    assertThat(fake.awaitIdle(AWAIT)).isTrue();
    stored.clear();
    fake.agentAssigns(caseId, fake.queues().get("Bot_Intake"));
    assertThat(fake.awaitIdle(AWAIT)).isTrue();

    assertThat(only(e -> e.kind() == InboundEvent.Kind.RELEASED_TO_BOT).snapshot().orElseThrow().owner())
        .isEqualTo(Owner.BOT);
  }

  @Test
  void theJsonFormIsAcknowledgedAndDecodesToTheSameKinds() {
    fake.subscribeJson(url("t0ken"));
    String caseId = fake.customerCreatesCase("ann@example.com", "Ann", "Printer", "On fire", "Web");
    assertThat(fake.awaitIdle(AWAIT)).isTrue();
    people(caseId);
    assertThat(fake.awaitIdle(AWAIT)).isTrue();

    assertThat(fake.deliveries()).isNotEmpty().allSatisfy(a -> assertThat(a.statusCode()).isEqualTo(200));
    assertThat(stored).extracting(InboundEvent::kind).contains(InboundEvent.Kind.CONVERSATION_CREATED,
        InboundEvent.Kind.MESSAGE_ADDED, InboundEvent.Kind.UPDATED, InboundEvent.Kind.SOLVED);
  }

  @Test
  void aWrongTokenIsRefusedUnacknowledgedAndNothingIsStored() {
    fake.subscribe(url("wrong"));
    fake.customerCreatesCase("ann@example.com", "Ann", "Printer", "On fire", "Web");
    org.awaitility.Awaitility.await().atMost(AWAIT).until(() -> !fake.deliveries().isEmpty());

    assertThat(fake.deliveries().get(0).statusCode()).isEqualTo(401);
    assertThat(fake.deliveries().get(0).acknowledged()).isFalse();
    assertThat(stored).isEmpty();
  }

  @Test
  void anotherOrganizationIsRefusedUnacknowledgedAndNothingIsStored() {
    fake.deliverWithOrganizationId("00D5g000000ZZZZEAA");
    fake.subscribe(url("t0ken"));
    fake.customerCreatesCase("ann@example.com", "Ann", "Printer", "On fire", "Web");
    org.awaitility.Awaitility.await().atMost(AWAIT).until(() -> !fake.deliveries().isEmpty());

    assertThat(fake.deliveries().get(0).statusCode()).isEqualTo(401);
    assertThat(fake.deliveries().get(0).body()).contains("OrganizationId");
    assertThat(fake.deliveries().get(0).acknowledged()).isFalse();
    assertThat(stored).isEmpty();
  }
}
