package io.deskbridge.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.contract.OffsetClock;
import io.deskbridge.core.store.StoreException;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class StoreFaultsTest {
  private final OffsetClock clock = new OffsetClock();
  private final StoreFaults faults = new StoreFaults(clock);
  private final StoreException down = new StoreException("claim failed: The database has been closed [90098-252]\n"
      + "SQL statement: SELECT ...", null);

  @Test
  void backsOffExponentiallyUpToTheCap() {
    var waits = new ArrayList<Duration>();
    for (int i = 0; i < 10; i++) {
      waits.add(faults.failed("claim", down).backOff());
    }
    assertThat(waits).startsWith(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
        Duration.ofMillis(800)).endsWith(StoreFaults.MAX_WAIT, StoreFaults.MAX_WAIT);
  }

  @Test
  void aStoreThatFailsNowAndThenIsOneFaultForTheLogAndTheBackOff() {
    assertThat(faults.failed("claim", down).logLine()).isPresent();
    int lines = 0;
    Duration backOff = Duration.ZERO;
    for (int i = 0; i < 20; i++) { // 20 s of a call that works and one that fails, in turn
      clock.advance(Duration.ofMillis(500));
      lines += faults.succeeded().isPresent() ? 1 : 0;
      clock.advance(Duration.ofMillis(500));
      var failure = faults.failed("receive", down);
      lines += failure.logLine().isPresent() ? 1 : 0;
      backOff = failure.backOff();
    }
    assertThat(lines).isZero();
    assertThat(backOff).as("the calls that worked in between did not reset it").isEqualTo(StoreFaults.MAX_WAIT);
  }

  @Test
  void logsOneLineWithACountPerPeriodAndOneWhenTheStoreIsBack() {
    assertThat(faults.failed("claim", down).logLine()).hasValueSatisfying(line -> assertThat(line)
        .contains("1 failed store call(s)", "The database has been closed").doesNotContain("\n", "SQL statement"));
    int lines = 0;
    for (int i = 0; i < 100; i++) {
      clock.advance(Duration.ofMillis(500)); // 50 s in all
      if (faults.failed("claim", down).logLine().isPresent()) {
        lines++;
      }
    }
    assertThat(lines).as("one line per 30 s").isEqualTo(1);
    clock.advance(Duration.ofSeconds(30));
    assertThat(faults.failed("claim", down).logLine()).hasValueSatisfying(line -> assertThat(line)
        .contains("41 failed store call(s) in the last 50 s"));

    assertThat(faults.succeeded()).as("not while failures are recent").isEmpty();
    clock.advance(StoreFaults.QUIET_FOR);
    assertThat(faults.succeeded()).hasValueSatisfying(line -> assertThat(line).contains("store available again",
        "102 failed store call(s)"));
    assertThat(faults.succeeded()).as("only once").isEmpty();
    var again = faults.failed("claim", down);
    assertThat(again.backOff()).as("back-off starts over").isEqualTo(StoreFaults.FIRST_WAIT);
    assertThat(again.logLine()).as("a new fault is reported at once").isPresent();
  }
}
