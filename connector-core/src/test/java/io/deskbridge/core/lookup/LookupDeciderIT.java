package io.deskbridge.core.lookup;

import static io.deskbridge.core.lookup.LookupFixture.INSTALLATION;
import static io.deskbridge.core.lookup.LookupFixture.KNOWLEDGE;
import static io.deskbridge.core.lookup.LookupFixture.input;
import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.bot.Decider;
import io.deskbridge.core.contract.OffsetClock;
import io.deskbridge.core.conversation.Customer;
import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.escalation.HandoverNotes;
import io.deskbridge.core.escalation.HandoverReason;
import io.deskbridge.mock.base.Fault;
import io.deskbridge.mock.shop.ShopFake;
import io.deskbridge.mock.shop.ShopFakeExtension;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The lookup over real HTTP against the web shop's order API fake. */
class LookupDeciderIT {
  @RegisterExtension
  static final ShopFakeExtension SHOP = new ShopFakeExtension();

  private static final Customer JANA = new Customer("", "Jana Nováková", "jana.novakova@example.com");
  private static final Customer PETER = new Customer("", "Peter Smith", "peter.smith@example.com");

  private final OffsetClock clock = new OffsetClock();

  private Decider decider(Duration timeout, Duration cacheTtl) {
    return LookupDecider.wrap(LookupFixture.replyingWith("order-status"), KNOWLEDGE,
        Map.of(INSTALLATION, LookupFixture.backOffice(SHOP.fake().apiBaseUrl(), timeout, cacheTtl)), clock);
  }

  private Decider decider() {
    return decider(Duration.ofSeconds(2), Duration.ZERO);
  }

  @Test
  void anOrderStatusQuestionIsAnsweredFromTheCustomersOwnOrder() {
    var decision = decider().decide(input(JANA, "Hi, where is my order #10042?"));
    assertThat(decision).isInstanceOfSatisfying(Decision.Reply.class, reply -> {
      assertThat(reply.text()).isEqualTo("Your order 10042 is shipped. Expected delivery: 2026-12-09 with PPL.");
      assertThat(reply.reasons()).containsExactly("confident_match", LookupDecider.LOOKED_UP);
    });
    assertThat(SHOP.fake().journal().calls()).singleElement()
        .satisfies(call -> assertThat(call.path()).isEqualTo("/api/v1/orders/10042"))
        .satisfies(call -> assertThat(call.status()).isEqualTo(200));
  }

  @Test
  void someoneElsesOrderIsHandedOverWithNothingOfTheRecordInTheTextsOrTheNote() {
    var decision = decider().decide(input(PETER, "Where is my order 10042? It should be here by now."));
    assertThat(decision).isInstanceOfSatisfying(Decision.Handover.class, handover -> {
      assertThat(handover.reasons()).containsExactly("lookup", "lookup_identity_mismatch");
      assertThat(handover.summary().reasons()).containsExactly(HandoverReason.LOOKUP);
      assertThat(handover.routingGroup()).isEqualTo("Shipping");
      var note = HandoverNotes.render(handover.summary());
      assertThat(handover.customerMessage() + "\n" + note)
          .contains("10042") // the customer's own words
          .doesNotContain("2026-12-09").doesNotContain("PPL").doesNotContain("Jana").doesNotContain("jana.novakova")
          .doesNotContain("shipped").doesNotContain("1290").doesNotContain("Rain jacket");
    });
  }

  @Test
  void theCredentialIsSentAsConfiguredAndARefusedOneIsAHandover() {
    var wrong = LookupDecider.wrap(LookupFixture.replyingWith("order-status"), KNOWLEDGE,
        Map.of(INSTALLATION, new BackOfficeConfig(java.net.URI.create(SHOP.fake().apiBaseUrl()), "Authorization",
            io.deskbridge.core.config.Secret.of("Bearer wrong"), Duration.ofSeconds(2), Duration.ZERO, 10,
            Duration.ofSeconds(30), new BackOfficeConfig.Identity("customer.email", null))), clock);
    var decision = wrong.decide(input(JANA, "Where is order #10042?"));
    assertThat(decision.reasons()).containsExactly("lookup", "lookup_error");
    assertThat(SHOP.fake().journal().calls()).singleElement()
        .satisfies(call -> assertThat(call.status()).isEqualTo(401));
  }

  @Test
  void anUnknownOrderIsHandedOverLikeSomeoneElses() {
    var decision = decider().decide(input(JANA, "Where is my order #77777?"));
    assertThat(decision).isInstanceOf(Decision.Handover.class);
    assertThat(decision.reasons()).containsExactly("lookup", "lookup_not_found");
    var mismatch = (Decision.Handover) decider().decide(input(PETER, "Where is my order #10042?"));
    assertThat(((Decision.Handover) decision).customerMessage()).isEqualTo(mismatch.customerMessage());
  }

  @Test
  void aServerFaultIsAHandoverNeverAMadeUpStatus() {
    SHOP.fake().faults().failNext(1, new Fault.Status(503, null));
    var decision = decider().decide(input(JANA, "Where is my order #10042?"));
    assertThat(decision.reasons()).containsExactly("lookup", "lookup_error");
  }

  @Test
  void aSlowBackOfficeTimesOutIntoAHandover() {
    SHOP.fake().faults().failNext(1, new Fault.Delay(Duration.ofSeconds(3)));
    var decision = decider(Duration.ofMillis(300), Duration.ZERO).decide(input(JANA, "Where is my order #10042?"));
    assertThat(decision.reasons()).containsExactly("lookup", "lookup_timeout");
  }

  @Test
  void repeatedFailuresOpenTheCircuitThenItIsTriedAgainAfterTheOpenTimeOnTheEnginesClock() {
    var decider = decider();
    SHOP.fake().faults().failNext(5, new Fault.Status(500, null));
    for (int i = 0; i < 5; i++) {
      assertThat(decider.decide(input(JANA, "Where is my order #10042?")).reasons()).contains("lookup_error");
    }
    assertThat(((LookupDecider) decider).backOffice(INSTALLATION).orElseThrow().circuitState())
        .isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(decider.decide(input(JANA, "Where is my order #10042?")).reasons())
        .containsExactly("lookup", "lookup_circuit_open");
    assertThat(SHOP.fake().orderReads()).isEqualTo(5);

    clock.advance(Duration.ofSeconds(31));
    assertThat(decider.decide(input(JANA, "Where is my order #10042?"))).isInstanceOf(Decision.Reply.class);
    assertThat(SHOP.fake().orderReads()).isEqualTo(6);
  }

  @Test
  void aFoundRecordIsCachedForItsTimeToLiveAndTheIdentityIsCheckedOnEveryUse() {
    var decider = decider(Duration.ofSeconds(2), Duration.ofSeconds(30));
    assertThat(decider.decide(input(JANA, "Where is my order #10042?"))).isInstanceOf(Decision.Reply.class);
    // the cached record is Jana's: Peter's question about it is still refused, without a second call
    assertThat(decider.decide(input(PETER, "Where is my order #10042?")).reasons())
        .containsExactly("lookup", "lookup_identity_mismatch");
    assertThat(decider.decide(input(JANA, "Order #10042 please"))).isInstanceOf(Decision.Reply.class);
    assertThat(SHOP.fake().orderReads()).isEqualTo(1);

    SHOP.fake().put(new ShopFake.Order("10042", "delivered", "2026-12-05", "PPL", "1290", "CZK",
        java.util.List.of("Rain jacket"), ShopFake.JANA));
    clock.advance(Duration.ofSeconds(31));
    assertThat(decider.decide(input(JANA, "Where is my order #10042?")))
        .isInstanceOfSatisfying(Decision.Reply.class, r -> assertThat(r.text()).contains("is delivered"));
    assertThat(SHOP.fake().orderReads()).isEqualTo(2);
  }

  @Test
  void withoutAnOrderNumberTheBotAsksForItAndTakesTheBareNumberAsTheAnswer() {
    var decider = decider();
    var ask = decider.decide(input(JANA, "Where is my parcel?"));
    assertThat(ask).isInstanceOfSatisfying(Decision.Clarify.class, c -> {
      assertThat(c.question()).contains("order number");
      assertThat(c.reasons()).containsExactly("lookup_key_missing");
    });
    assertThat(SHOP.fake().orderReads()).isZero();

    var answer = decider.decide(input(JANA, "Where is my parcel?", "10044", 1));
    assertThat(answer).isInstanceOfSatisfying(Decision.Reply.class,
        r -> assertThat(r.text()).startsWith("Your order 10044 is delivered."));

    var gaveUp = decider.decide(input(JANA, "Where is my parcel?", "I don't know it", 2));
    assertThat(gaveUp.reasons()).containsExactly("lookup", "lookup_key_missing");
  }

  @Test
  void anInstallationWithoutABackOfficeGivesTheArticlesOwnAnswerAndRepliesWithoutLookupsPassUntouched() {
    var generic = LookupFixture.replyingWith("order-status").decide(input(JANA, "Where is my order #10042?"));
    var withoutBackOffice = LookupDecider.wrap(LookupFixture.replyingWith("order-status"), KNOWLEDGE,
        Map.of("another-installation", LookupFixture.backOffice(SHOP.fake().apiBaseUrl(), Duration.ofSeconds(2),
            Duration.ZERO)), clock);
    assertThat(withoutBackOffice.decide(input(JANA, "Where is my order #10042?"))).isEqualTo(generic);
    assertThat(((Decision.Reply) generic).text()).isEqualTo(LookupFixture.ORDER_BODY);

    var returns = LookupDecider.wrap(LookupFixture.replyingWith("returns"), KNOWLEDGE,
        Map.of(INSTALLATION, LookupFixture.backOffice(SHOP.fake().apiBaseUrl(), Duration.ofSeconds(2), Duration.ZERO)),
        clock);
    var inner = LookupFixture.replyingWith("returns").decide(input(JANA, "How do I return order #10042?"));
    assertThat(returns.decide(input(JANA, "How do I return order #10042?"))).isEqualTo(inner);
    assertThat(SHOP.fake().orderReads()).isZero();
  }

  @Test
  void eachLookupsOutcomeIsCountedPerInstallation() {
    var meters = new io.micrometer.core.instrument.simple.SimpleMeterRegistry();
    var decider = LookupDecider.wrap(LookupFixture.replyingWith("order-status"), KNOWLEDGE,
        Map.of(INSTALLATION, LookupFixture.backOffice(SHOP.fake().apiBaseUrl(), Duration.ofSeconds(2), Duration.ZERO)),
        clock, meters);
    decider.decide(input(JANA, "Where is my order #10042?"));
    decider.decide(input(JANA, "Where is my order #10044?"));
    decider.decide(input(PETER, "Where is my order #10042?"));
    decider.decide(input(PETER, "Where is my parcel?"));
    java.util.function.Function<String, Double> count = outcome -> meters.counter("deskbridge.lookups",
        "installation", INSTALLATION, "outcome", outcome).count();
    assertThat(count.apply(LookupDecider.LOOKED_UP)).isEqualTo(2.0);
    assertThat(count.apply("lookup_identity_mismatch")).isEqualTo(1.0);
    assertThat(count.apply("lookup_key_missing")).isEqualTo(1.0);
  }

  @Test
  void aReplyThatIsItselfATemplateIsNeverSentRaw() {
    var templated = new io.deskbridge.core.knowledge.Article("raw", "en", "Raw", "Your order is {{order.status}}.",
        "", java.util.List.of(), "", java.util.List.of());
    var knowledge = io.deskbridge.core.knowledge.KnowledgeBase.of(java.util.List.of(templated));
    Decider inner = in -> new Decision.Reply(templated.body(), "en", java.util.List.of("confident_match"),
        new io.deskbridge.core.escalation.Scores(0.9, "raw", Map.of()));
    var decider = LookupDecider.wrap(inner, knowledge, Map.of(), clock);
    assertThat(decider.decide(input(JANA, "status?")).reasons()).containsExactly("lookup", "lookup_not_configured");
  }
}
