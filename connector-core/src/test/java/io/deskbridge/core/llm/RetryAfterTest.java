package io.deskbridge.core.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.RateLimitException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** How the writer's retry reads a failed answer's {@code Retry-After}. */
class RetryAfterTest {
  private static RateLimitException rateLimited(String retryAfter) {
    return new RateLimitException(new RetryAfterHttpClient.Failure(429, "{}",
        RetryAfterHttpClient.retryAfter(retryAfter)));
  }

  @Test
  void theHeaderInSecondsIsRead() {
    assertThat(RetryAfterHttpClient.retryAfter("2")).isEqualTo(Duration.ofSeconds(2));
    assertThat(RetryAfterHttpClient.retryAfter(" 0.5 ")).isEqualTo(Duration.ofMillis(500));
    assertThat(RetryAfterHttpClient.retryAfter(null)).isNull();
    assertThat(RetryAfterHttpClient.retryAfter("Wed, 21 Oct 2026 07:28:00 GMT")).as("a date: not read").isNull();
    assertThat(RetryAfterHttpClient.retryAfter("-3")).isNull();
  }

  @Test
  void theRetryWaitsWhatTheServerAskedElseTheDefault() {
    assertThat(LlmAnswerWriter.waitBefore(rateLimited("3"))).isEqualTo(Duration.ofSeconds(3));
    assertThat(LlmAnswerWriter.waitBefore(rateLimited(null))).isEqualTo(LlmAnswerWriter.DEFAULT_WAIT);
    assertThat(LlmAnswerWriter.waitBefore(null)).isEqualTo(LlmAnswerWriter.DEFAULT_WAIT);
  }

  @Test
  void aWaitLongerThanTheTimeoutIsNotRetriedNorIsANonRetriableError() {
    Duration timeout = Duration.ofSeconds(20);
    assertThat(LlmAnswerWriter.retriable(rateLimited("20"), timeout)).isTrue();
    assertThat(LlmAnswerWriter.retriable(rateLimited("21"), timeout)).isFalse();
    assertThat(LlmAnswerWriter.retriable(rateLimited(null), timeout)).isTrue();
    assertThat(LlmAnswerWriter.retriable(new InvalidRequestException("bad"), timeout)).isFalse();
  }
}
