package io.deskbridge.core.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VendorErrorsTest {

  @ParameterizedTest(name = "HTTP {0} -> {1}")
  @CsvSource({
      "400, INVALID, false, false", "401, AUTH, false, false", "403, FORBIDDEN, false, false",
      "404, NOT_FOUND, false, false", "405, INVALID, false, false", "408, UNAVAILABLE, true, false",
      "409, CONFLICT, false, false", "410, NOT_FOUND, false, false", "422, INVALID, false, false",
      "429, RATE_LIMITED, true, true", "500, UNAVAILABLE, true, false", "502, UNAVAILABLE, true, false",
      "503, NOT_PROCESSED, true, true", "504, UNAVAILABLE, true, false", "302, INVALID, false, false"})
  void mapsEveryStatusToAKind(int status, VendorException.Kind kind, boolean retriable, boolean notProcessed) {
    var cause = new IllegalStateException("sdk");
    var e = VendorErrors.forStatus(status, "GET /things", null, cause);

    assertThat(e.kind()).isEqualTo(kind);
    assertThat(e.retriable()).isEqualTo(retriable);
    assertThat(e.notProcessed()).isEqualTo(notProcessed);
    assertThat(e).hasMessage("GET /things (HTTP " + status + ")").hasCause(cause);
  }

  @ParameterizedTest(name = "HTTP {0} keeps Retry-After: {1}")
  @CsvSource({"429, true", "503, true", "500, true", "400, false", "404, false"})
  void keepsRetryAfterOnlyWhereRepeatingMayHelp(int status, boolean kept) {
    var e = VendorErrors.forStatus(status, "PUT /things/1", Duration.ofSeconds(7), null);

    assertThat(e.retryAfter().isPresent()).isEqualTo(kept);
    if (kept) {
      assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    }
  }

  @Test
  void anIoFailureIsUnavailableBecauseTheWriteMayHaveHappened() {
    var cause = new IOException("connection reset");
    var e = VendorErrors.forIo("PUT /things/1 failed", cause);

    assertThat(e.kind()).isEqualTo(VendorException.Kind.UNAVAILABLE);
    assertThat(e.retriable()).isTrue();
    assertThat(e.notProcessed()).isFalse();
    assertThat(e.retryAfter()).isEmpty();
    assertThat(e).hasMessage("PUT /things/1 failed").hasCause(cause);
  }

  @Test
  void onlyTheKindsRefusedBeforeProcessingAreSafeToRepeat() {
    assertThat(java.util.Arrays.stream(VendorException.Kind.values()).filter(VendorException.Kind::notProcessed))
        .containsExactlyInAnyOrder(VendorException.Kind.RATE_LIMITED, VendorException.Kind.NOT_PROCESSED,
            VendorException.Kind.PAUSED);
    assertThat(java.util.Arrays.stream(VendorException.Kind.values()).filter(VendorException.Kind::retriable))
        .containsExactlyInAnyOrder(VendorException.Kind.RATE_LIMITED, VendorException.Kind.NOT_PROCESSED,
            VendorException.Kind.UNAVAILABLE, VendorException.Kind.PAUSED);
  }
}
