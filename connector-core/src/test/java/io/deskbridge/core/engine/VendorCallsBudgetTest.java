package io.deskbridge.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.error.VendorException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VendorCallsBudgetTest {
  private final AtomicInteger calls = new AtomicInteger();

  private VendorCalls calls(int requestsPerMinute) {
    return new VendorCalls("i", e -> new VendorException(VendorException.Kind.INVALID, e.getMessage(), null, e),
        new RetryPolicy(1, Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(30)), requestsPerMinute,
        new SimpleMeterRegistry());
  }

  @Test
  void aBudgetBelowOneCallASecondAllowsOneCallPerItsShareOfAMinute() {
    var vendor = calls(0);
    vendor.budget(5); // a Salesforce org's share learnt at start: one call every 12 s
    assertThat(vendor.read("load", calls::incrementAndGet)).isEqualTo(1);
    assertThatThrownBy(() -> vendor.read("load", calls::incrementAndGet))
        .isInstanceOfSatisfying(VendorException.class, e -> {
          assertThat(e.kind()).isEqualTo(VendorException.Kind.PAUSED);
          assertThat(e.retryAfter()).contains(Duration.ofSeconds(12));
        });
    assertThat(calls).hasValue(1);
  }

  @Test
  void budgetsFromOneCallASecondAreWholePermitsPerSecond() {
    assertThat(VendorCalls.limit(700).getLimitForPeriod()).isEqualTo(11);
    assertThat(VendorCalls.limit(700).getLimitRefreshPeriod()).isEqualTo(Duration.ofSeconds(1));
    assertThat(VendorCalls.limit(30).getLimitForPeriod()).isEqualTo(1);
    assertThat(VendorCalls.limit(30).getLimitRefreshPeriod()).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void noBudgetNeverPauses() {
    var vendor = calls(0);
    for (int i = 0; i < 1_000; i++) {
      vendor.read("load", calls::incrementAndGet);
    }
    assertThat(calls).hasValue(1_000);
  }
}
