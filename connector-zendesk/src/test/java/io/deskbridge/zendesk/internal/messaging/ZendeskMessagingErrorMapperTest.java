package io.deskbridge.zendesk.internal.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.error.VendorException.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ZendeskMessagingErrorMapperTest {
  private final ZendeskMessagingErrorMapper mapper = new ZendeskMessagingErrorMapper();

  @ParameterizedTest
  @CsvSource({"400, INVALID", "401, AUTH", "403, FORBIDDEN", "404, NOT_FOUND", "409, CONFLICT", "423, INVALID",
      "429, RATE_LIMITED", "500, UNAVAILABLE", "502, UNAVAILABLE", "503, NOT_PROCESSED"})
  void statusesMapToKinds(int status, Kind kind) {
    var mapped = mapper.map(new ZendeskMessagingApiException("postMessage", status, "code", "title", null));
    assertThat(mapped.kind()).isEqualTo(kind);
    assertThat(mapped.getMessage()).contains("postMessage", String.valueOf(status));
  }

  @Test
  void rateLimitsKeepTheirRetryAfter() {
    var mapped = mapper.map(new ZendeskMessagingApiException("postMessage", 429, "too_many_requests", "",
        Duration.ofSeconds(7)));
    assertThat(mapped.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(mapped.retriable()).isTrue();
  }

  @Test
  void noAnswerIsUnavailableSoCoreReadsBeforeWritingAgain() {
    var mapped = mapper.map(new UncheckedIOException("SunCo postMessage got no answer",
        new HttpTimeoutException("request timed out")));
    assertThat(mapped.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(mapper.map(new UncheckedIOException(new IOException("reset"))).kind()).isEqualTo(Kind.UNAVAILABLE);
  }

  @Test
  void aBugIsInvalid() {
    assertThat(mapper.map(new NullPointerException()).kind()).isEqualTo(Kind.INVALID);
  }

  @Test
  void retryAfterIsReadInSeconds() {
    assertThat(ZendeskMessagingHttp.retryAfter("12")).isEqualTo(Duration.ofSeconds(12));
    assertThat(ZendeskMessagingHttp.retryAfter("Wed, 21 Oct 2015 07:28:00 GMT")).isNull();
    assertThat(ZendeskMessagingHttp.retryAfter(null)).isNull();
  }
}
