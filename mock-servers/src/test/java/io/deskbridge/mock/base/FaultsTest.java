package io.deskbridge.mock.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which call an injected fault strikes. */
class FaultsTest {
  private static final String TICKET = "/api/v2/tickets/\\d+(\\.json)?";
  private final Faults faults = new Faults();

  private List<Optional<Fault>> calls(String... methodAndPath) {
    List<Optional<Fault>> out = new ArrayList<>();
    for (String call : methodAndPath) {
      String[] parts = call.split(" ", 2);
      out.add(faults.next(parts[0], parts[1]));
    }
    return out;
  }

  @Test
  void theSecondWriteFailsTheFirstTimeAndItsRetryIsServed() {
    Fault unavailable = Fault.status(503);
    faults.add(FaultRule.on("PUT", TICKET, unavailable).nth(2));

    assertThat(calls("GET /api/v2/tickets/7.json", "PUT /api/v2/tickets/7.json", "GET /api/v2/tickets/7/comments",
        "PUT /api/v2/tickets/7", "PUT /api/v2/tickets/7", "PUT /api/v2/tickets/7"))
        .containsExactly(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(unavailable),
            Optional.empty(), Optional.empty());
    assertThat(faults.rules()).as("spent rules are dropped").isEmpty();
  }

  @Test
  void aRuleStrikesTimesMatchingCallsInARowFromTheNth() {
    Fault slow = Fault.delay(Duration.ofSeconds(3));
    faults.add(FaultRule.on(null, "/api/v2/users/.*", slow).nth(2).times(2));
    assertThat(calls("GET /api/v2/users/me", "PUT /api/v2/tickets/1", "GET /api/v2/users/me",
        "DELETE /api/v2/users/5", "GET /api/v2/users/me"))
        .containsExactly(Optional.empty(), Optional.empty(), Optional.of(slow), Optional.of(slow), Optional.empty());
  }

  @Test
  void failNextComesFirstAndACallStruckByARuleIsNotCountedByLaterRules() {
    Fault first = Fault.status(500);
    Fault second = Fault.status(429, 2);
    Fault next = Fault.status(503, 1);
    faults.add(FaultRule.on("PUT", TICKET, first));
    faults.add(FaultRule.on("PUT", TICKET, second));
    faults.failNext(1, next);
    assertThat(calls("PUT /api/v2/tickets/1", "PUT /api/v2/tickets/1", "PUT /api/v2/tickets/1",
        "PUT /api/v2/tickets/1"))
        .containsExactly(Optional.of(next), Optional.of(first), Optional.of(second), Optional.empty());
  }

  @Test
  void aRandomShareIsSeededSoARunRepeats() {
    faults.failRandomly(0.5, Fault.status(503));
    List<Boolean> run = IntStream.range(0, 200).mapToObj(i -> faults.next("GET", "/x").isPresent()).toList();
    Faults again = new Faults();
    again.failRandomly(0.5, Fault.status(503));
    assertThat(IntStream.range(0, 200).mapToObj(i -> again.next("GET", "/x").isPresent()).toList())
        .isEqualTo(run);
    assertThat(run.stream().filter(b -> b).count()).isBetween(70L, 130L);
    faults.clear();
    assertThat(faults.next("GET", "/x")).isEmpty();
    assertThat(faults.delay()).isZero();
  }

  @Test
  void badFaultsAreRefused() {
    assertThatThrownBy(() -> Fault.status(200)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaultRule.next(Fault.status(500)).nth(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> faults.failNext(-1, Fault.status(500))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Fault.SoapFault.of("INVALID_SESSION_ID", "x"))
        .as("an unqualified faultcode").isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Fault.SoapFault("sf:X", "x", null, null))
        .as("a prefix without its namespace").isInstanceOf(IllegalArgumentException.class);
  }
}
