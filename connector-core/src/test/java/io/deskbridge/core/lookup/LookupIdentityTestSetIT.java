package io.deskbridge.core.lookup;

import static io.deskbridge.core.lookup.LookupFixture.INSTALLATION;
import static io.deskbridge.core.lookup.LookupFixture.KNOWLEDGE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.contract.OffsetClock;
import io.deskbridge.core.conversation.Customer;
import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.escalation.HandoverNotes;
import io.deskbridge.mock.shop.ShopFake;
import io.deskbridge.mock.shop.ShopFakeExtension;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The lookups' dedicated test set ({@code src/test/resources/lookup/identity-cases.jsonl}): who writes (the person the
 * test author knows it is: {@code jana}, {@code peter}, {@code ewa}, or {@code nobody} of the shop's customers), what
 * the helpdesk knows of them, their message, and the expected outcome. Each case runs over real HTTP against the web
 * shop's order API fake, with a cache (so a record fetched for its owner is reused for others). Besides each case's
 * outcome, two counts over the whole set must be 0: replies built while a record of someone other than the writer
 * was read, and decisions whose texts (reply, question, handover message, agent's note) hold anything of such a
 * record.
 */
class LookupIdentityTestSetIT {
  @RegisterExtension
  static final ShopFakeExtension SHOP = new ShopFakeExtension();

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final OffsetClock CLOCK = new OffsetClock();
  private static final List<String> FOREIGN_ANSWERS = new ArrayList<>();
  private static final List<String> LEAKS = new ArrayList<>();
  private static int cases;

  /** One case of the file. */
  record Case(String id, String who, Customer customer, String pending, int asked, String message, String expect,
      String reason, String contains) {
    @Override
    public String toString() {
      return id;
    }
  }

  static Stream<Case> cases() throws IOException {
    try (InputStream in = LookupIdentityTestSetIT.class.getResourceAsStream("/lookup/identity-cases.jsonl")) {
      var out = new ArrayList<Case>();
      for (var line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode c = JSON.readTree(line);
        var customer = c.path("customer");
        out.add(new Case(c.path("id").asText(), c.path("who").asText(), new Customer(customer.path("id").asText(""),
            "", customer.path("email").asText("")), c.path("pending").asText(""), c.path("asked").asInt(0),
            c.path("message").asText(), c.path("expect").asText(), c.path("reason").asText(""),
            c.path("contains").asText("")));
      }
      assertThat(out).hasSizeGreaterThanOrEqualTo(20);
      return out.stream();
    }
  }

  /** One decider for the whole set, with a cache: a record cached for its owner must not serve anyone else. */
  private static LookupDecider decider;

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void eachCaseHasItsOutcomeAndNoAnswerUsesSomeoneElsesRecord(Case c) {
    if (decider == null) {
      decider = (LookupDecider) LookupDecider.wrap(LookupFixture.replyingWith("order-status"), KNOWLEDGE,
          Map.of(INSTALLATION, LookupFixture.backOffice(SHOP.fake().apiBaseUrl(), Duration.ofSeconds(2),
              Duration.ofMinutes(5))), CLOCK);
    }
    cases++;
    var read = new ArrayList<String>();
    var decision = decider.decide(LookupFixture.input(c.customer(), c.pending(), c.message(), c.asked()));
    SHOP.fake().journal().calls().forEach(call -> read.add(call.conversation()));
    // also the records the cache served: every order number the customer's text names
    ShopFake.SEEDED.stream().map(ShopFake.Order::number)
        .filter(n -> (c.pending() + " " + c.message()).contains(n)).forEach(read::add);

    var texts = texts(decision);
    for (var number : read) {
      var order = SHOP.fake().order(number);
      if (order.isEmpty() || owner(order.get()).equals(c.who())) {
        continue;
      }
      if (decision instanceof Decision.Reply) {
        FOREIGN_ANSWERS.add(c.id() + ": replied after reading order " + number);
      }
      for (var value : distinctive(order.get())) {
        if (texts.contains(value) && !(c.pending() + " " + c.message()).contains(value)) { // not the writer's words
          LEAKS.add(c.id() + ": '" + value + "' of order " + number);
        }
      }
    }

    switch (c.expect()) {
      case "answer" -> assertThat(decision).isInstanceOfSatisfying(Decision.Reply.class,
          r -> assertThat(r.text()).contains(c.contains()));
      case "handover" -> assertThat(decision).isInstanceOfSatisfying(Decision.Handover.class,
          h -> assertThat(h.reasons()).containsExactly("lookup", c.reason()));
      case "clarify" -> assertThat(decision).isInstanceOfSatisfying(Decision.Clarify.class,
          q -> assertThat(q.reasons()).containsExactly(c.reason()));
      default -> throw new AssertionError("unknown expectation " + c.expect());
    }
    assertThat(FOREIGN_ANSWERS).isEmpty();
    assertThat(LEAKS).isEmpty();
  }

  @AfterAll
  static void noAnswerWasBuiltFromAnotherCustomersRecord() {
    System.out.printf("lookup identity test set: %d cases, %d answers from another customer's record, %d leaks%n",
        cases, FOREIGN_ANSWERS.size(), LEAKS.size());
    assertThat(FOREIGN_ANSWERS).isEmpty();
    assertThat(LEAKS).isEmpty();
  }

  private static String owner(ShopFake.Order order) {
    var c = order.customer();
    return c == null ? "guest" : c == ShopFake.JANA ? "jana" : c == ShopFake.PETER ? "peter" : c == ShopFake.EWA
        ? "ewa" : c.id();
  }

  /** What of a record must never reach anyone but its owner (not the number, which the writer typed). */
  private static List<String> distinctive(ShopFake.Order order) {
    var values = new ArrayList<String>();
    if (order.eta() != null) {
      values.add(order.eta());
    }
    if (order.carrier() != null) {
      values.add(order.carrier());
    }
    values.add(order.amount());
    values.addAll(order.items());
    if (order.customer() != null) {
      values.add(order.customer().name());
      values.add(order.customer().email());
      values.add(order.customer().id());
    }
    values.add(" " + order.status());
    return values;
  }

  private static String texts(Decision decision) {
    if (decision instanceof Decision.Reply r) {
      return r.text();
    }
    if (decision instanceof Decision.Clarify q) {
      return q.question();
    }
    if (decision instanceof Decision.Handover h) {
      return h.customerMessage() + "\n" + HandoverNotes.render(h.summary()) + "\n" + h.reasons();
    }
    return "";
  }
}
