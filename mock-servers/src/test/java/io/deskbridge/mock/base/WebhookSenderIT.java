package io.deskbridge.mock.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.deskbridge.mock.base.RetryPolicy.Backoff;
import io.deskbridge.mock.base.RetryPolicy.Retry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Delivery by a retry policy to a real HTTP endpoint, on a stepped clock: the test steps the clock to each retry
 * instead of sleeping, and awaits the attempt it starts.
 */
class WebhookSenderIT {
  private static final Instant T0 = Instant.parse("2026-06-09T08:00:00Z");
  private static final Duration AWAIT = Duration.ofSeconds(10);
  private static final String ACK = "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\">"
      + "<soapenv:Body><notificationsResponse xmlns=\"http://soap.sforce.com/2005/09/outbound\"><Ack>true</Ack>"
      + "</notificationsResponse></soapenv:Body></soapenv:Envelope>";
  /** Salesforce Outbound Messages (salesforce.md §2.1): acked only by 200 + Ack=true, 30 s doubling to 2 h, 24 h. */
  private static final RetryPolicy SALESFORCE = RetryPolicy.of(Duration.ofSeconds(5),
          Backoff.exponential(Duration.ofSeconds(30), Duration.ofHours(2)), List.of(Retry.anyFailure(Integer.MAX_VALUE)))
      .withMaxAge(Duration.ofHours(24)).withOrdered(false)
      .withAcknowledged(r -> r.status() == 200
          && new String(r.body(), StandardCharsets.UTF_8).contains("<Ack>true</Ack>"));

  private final SteppedClock clock = new SteppedClock(T0);
  private Receiver receiver;
  private WebhookSender sender;

  @BeforeEach
  void setUp() throws IOException {
    receiver = new Receiver();
  }

  @AfterEach
  void tearDown() {
    if (sender != null) {
      sender.close();
    }
    receiver.close();
  }

  private Delivery message(String id, String conversation) {
    return new Delivery("om-1", id, conversation, receiver.uri(), "POST", "text/xml; charset=utf-8",
        ("<Notification><Id>" + id + "</Id></Notification>").getBytes(StandardCharsets.UTF_8),
        (invocation, now) -> Map.of("SOAPAction", "\"\"", "X-Sent-At", now.toString()));
  }

  /** Steps the clock to the next wait and awaits the attempt it starts; returns the step taken. */
  private Duration stepToNextAttempt() {
    int before = sender.attempts().size();
    Duration step = Duration.between(clock.instant(), clock.nextDue());
    clock.advance(step);
    await().atMost(AWAIT).until(() -> sender.attempts().size() == before + 1
        && (clock.waiting() == 1 || sender.pending() == 0));
    return step;
  }

  @Test
  void retriesWithExponentialBackoffUpToTwoHoursAndDropsTheMessageAtTwentyFourHours() {
    receiver.otherwise(500, "");
    sender = new WebhookSender("test-sender", SALESFORCE, clock);
    sender.send(message("04l1", "5001"));
    await().atMost(AWAIT).until(() -> sender.attempts().size() == 1 && clock.waiting() == 1);
    assertThat(clock.nextDue()).isEqualTo(T0.plusSeconds(30));

    clock.advance(Duration.ofSeconds(29));
    assertThat(clock.waiting()).as("not due yet: no attempt started").isEqualTo(1);
    assertThat(sender.attempts()).hasSize(1);
    clock.advance(Duration.ofSeconds(1));
    await().atMost(AWAIT).until(() -> sender.attempts().size() == 2 && clock.waiting() == 1);

    List<Duration> steps = new ArrayList<>(List.of(Duration.ofSeconds(30)));
    while (clock.nextDue() != null) {
      steps.add(stepToNextAttempt());
    }
    assertThat(steps.subList(0, 10)).extracting(Duration::toSeconds)
        .containsExactly(30L, 60L, 120L, 240L, 480L, 960L, 1920L, 3840L, 7200L, 7200L);
    assertThat(steps.subList(8, steps.size())).allMatch(s -> s.equals(Duration.ofHours(2)));
    assertThat(sender.pending()).isZero();
    List<DeliveryAttempt> attempts = sender.attempts();
    assertThat(Duration.between(T0, attempts.get(attempts.size() - 1).sentAt()))
        .isLessThanOrEqualTo(Duration.ofHours(24)).isGreaterThan(Duration.ofHours(22));
    assertThat(attempts).extracting(DeliveryAttempt::attempt)
        .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, attempts.size()).boxed().toList());
    assertThat(attempts).allSatisfy(a -> {
      assertThat(a.statusCode()).isEqualTo(500);
      assertThat(a.acknowledged()).isFalse();
      assertThat(a.invocationId()).isEqualTo(attempts.get(0).invocationId());
    });
  }

  @Test
  void aBare200IsNotAnAckAndARetriedMessageArrivesAfterLaterOnes() {
    receiver.then(200, "").otherwise(200, ACK);
    sender = new WebhookSender("test-sender", SALESFORCE, clock);
    sender.send(message("04l1", "5001"));
    await().atMost(AWAIT).until(() -> sender.attempts().size() == 1 && clock.waiting() == 1);
    sender.send(message("04l2", "5001"));
    await().atMost(AWAIT).until(() -> sender.attempts().size() == 2);

    clock.advance(Duration.ofSeconds(30));
    assertThat(sender.awaitIdle(AWAIT)).isTrue();
    assertThat(sender.attempts()).extracting(DeliveryAttempt::messageId, DeliveryAttempt::attempt,
            DeliveryAttempt::acknowledged)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("04l1", 1, false),
            org.assertj.core.groups.Tuple.tuple("04l2", 1, true),
            org.assertj.core.groups.Tuple.tuple("04l1", 2, true));
    assertThat(receiver.bodies()).extracting(b -> b.replaceAll(".*<Id>(.*)</Id>.*", "$1"))
        .containsExactly("04l1", "04l2", "04l1");
  }

  @Test
  void anOrderedPolicyHoldsLaterMessagesOfTheConversationBehindARetry() {
    receiver.then(503, "");
    RetryPolicy ordered = RetryPolicy.of(Duration.ofSeconds(5), Backoff.fixed(Duration.ofMinutes(1)),
        List.of(Retry.statuses(3, 503)));
    sender = new WebhookSender("test-sender", ordered, clock);
    sender.send(message("e1", "42"));
    await().atMost(AWAIT).until(() -> clock.waiting() == 1 && sender.attempts().size() == 1); // e1 got the 503
    sender.send(message("e2", "42"));
    sender.send(message("x1", "43"));
    await().atMost(AWAIT).until(() -> sender.attempts().size() == 2);
    assertThat(sender.attempts()).extracting(DeliveryAttempt::messageId).containsExactlyInAnyOrder("e1", "x1");

    clock.advance(Duration.ofMinutes(1));
    assertThat(sender.awaitIdle(AWAIT)).isTrue();
    assertThat(sender.attempts()).filteredOn(a -> a.conversation().equals("42"))
        .extracting(DeliveryAttempt::messageId, DeliveryAttempt::statusCode)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("e1", 503), org.assertj.core.groups.Tuple.tuple("e1", 200),
            org.assertj.core.groups.Tuple.tuple("e2", 200));
  }

  @Test
  void duplicatesAreCopiesWithTheirOwnInvocationIds() {
    sender = new WebhookSender("test-sender", SALESFORCE.withAcknowledged(RetryPolicy.STATUS_2XX).withChaos(3,
        Duration.ZERO), clock);
    sender.send(message("04l1", "5001"));
    assertThat(sender.awaitIdle(AWAIT)).isTrue();
    assertThat(sender.attempts()).hasSize(3).extracting(DeliveryAttempt::messageId).containsOnly("04l1");
    assertThat(sender.attempts()).extracting(DeliveryAttempt::invocationId).doesNotHaveDuplicates();
    assertThat(receiver.bodies()).hasSize(3);
  }

  @Test
  void resetDropsWaitingRetriesUnrecorded() {
    receiver.otherwise(500, "");
    sender = new WebhookSender("test-sender", SALESFORCE, clock);
    sender.send(message("04l1", "5001"));
    await().atMost(AWAIT).until(() -> clock.waiting() == 1);
    sender.reset();
    assertThat(sender.attempts()).isEmpty();
    clock.advance(Duration.ofMinutes(1));
    assertThat(sender.awaitIdle(AWAIT)).isTrue();
    assertThat(sender.attempts()).isEmpty();
    assertThat(receiver.bodies()).hasSize(1);
  }
}
