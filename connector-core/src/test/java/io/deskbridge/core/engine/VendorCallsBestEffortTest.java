package io.deskbridge.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.deskbridge.core.error.VendorException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link VendorCalls#bestEffort}: skipped while the circuit is open, bounded in time, never piling up threads. */
class VendorCallsBestEffortTest {
  private static final Duration TIMEOUT = Duration.ofMillis(50);
  /** Far above {@link #TIMEOUT}: a caller still waiting then waits for the hung call itself. */
  private static final Duration BOUND = Duration.ofSeconds(10);
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicInteger started = new AtomicInteger();
  private final VendorCalls vendor = new VendorCalls("i",
      e -> new VendorException(VendorException.Kind.UNAVAILABLE, e.getMessage(), null, e),
      new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(30))
          .withBestEffortTimeout(TIMEOUT), 0, new SimpleMeterRegistry());

  @AfterEach
  void releaseHungCalls() {
    release.countDown();
  }

  /** A vendor call that hangs until the test ends, deaf to interruption (a client without its own timeout). */
  private String hangs() {
    started.incrementAndGet();
    boolean interrupted = false;
    while (release.getCount() > 0) {
      try {
        release.await();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return "too late";
  }

  @Test
  void aHangingCallIsGivenUpAfterTheTimeoutWhileItStillHangs() {
    var result = assertTimeoutPreemptively(BOUND, () -> vendor.bestEffort("typing", this::hangs));

    assertThat(result).isEmpty();
    assertThat(started).hasValue(1);
    assertThat(release.getCount()).as("the call still hangs: the caller did not wait for it").isEqualTo(1);
  }

  @Test
  void aHungCallIsInterruptedWhenTheCallerGivesUp() {
    var interrupted = new AtomicBoolean();
    var result = assertTimeoutPreemptively(BOUND, () -> vendor.bestEffort("typing", () -> {
      try {
        release.await();
        return "too late";
      } catch (InterruptedException e) {
        interrupted.set(true);
        throw new IllegalStateException("interrupted");
      }
    }));

    assertThat(result).isEmpty();
    Awaitility.await().atMost(Duration.ofSeconds(10)).untilTrue(interrupted);
  }

  @Test
  void whileTheCircuitIsOpenTheCallIsSkippedAndNothingIsCounted() {
    vendor.breaker().transitionToOpenState();
    var calls = new AtomicInteger();

    var result = vendor.bestEffort("typing", calls::incrementAndGet);

    assertThat(result).isEmpty();
    assertThat(calls).as("not made").hasValue(0);
    var metrics = vendor.breaker().getMetrics();
    assertThat(metrics.getNumberOfNotPermittedCalls()).isZero();
    assertThat(metrics.getNumberOfFailedCalls()).isZero();
    assertThat(vendor.breaker().getState()).isEqualTo(io.github.resilience4j.circuitbreaker.CircuitBreaker.State.OPEN);
  }

  @Test
  void aFailingCallIsNotRecordedByTheBreaker() {
    var result = vendor.bestEffort("typing", () -> {
      throw new VendorException(VendorException.Kind.UNAVAILABLE, "503", null);
    });

    assertThat(result).isEmpty();
    assertThat(vendor.breaker().getMetrics().getNumberOfFailedCalls()).isZero();
  }

  @Test
  void whileAsManyCallsAsAllowedHangAnotherIsSkippedWithoutStarting() {
    for (int i = 0; i < VendorCalls.BEST_EFFORT_AT_ONCE; i++) {
      assertThat(assertTimeoutPreemptively(BOUND, () -> vendor.bestEffort("typing", this::hangs))).isEmpty();
    }
    Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> started.get() == VendorCalls.BEST_EFFORT_AT_ONCE);

    var calls = new AtomicInteger();
    assertThat(vendor.bestEffort("typing", calls::incrementAndGet)).isEmpty();
    assertThat(calls).hasValue(0);
  }

  @Test
  void aQuickCallGivesItsResult() {
    // a timeout far above any scheduling delay: a loaded machine must not turn "quick" into "given up"
    var patient = new VendorCalls("i", e -> new VendorException(VendorException.Kind.UNAVAILABLE, e.getMessage(), null,
        e), new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(30))
        .withBestEffortTimeout(BOUND), 0, new SimpleMeterRegistry());

    assertThat(patient.bestEffort("agentsOnline", () -> "someone")).contains("someone");
  }
}
