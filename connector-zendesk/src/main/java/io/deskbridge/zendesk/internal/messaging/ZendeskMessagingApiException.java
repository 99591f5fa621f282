package io.deskbridge.zendesk.internal.messaging;

import java.time.Duration;
import java.util.Optional;

/**
 * An error answer of the Conversations API: its HTTP status, SunCo's first error {@code code} and {@code title}
 * ({@code {"errors":[{"code","title"}]}}) and the {@code Retry-After} when it sent one. The message names the call and
 * never a secret.
 */
public final class ZendeskMessagingApiException extends RuntimeException {
  private final int status;
  private final String code;
  private final transient Optional<Duration> retryAfter;

  ZendeskMessagingApiException(String call, int status, String code, String title, Duration retryAfter) {
    super("SunCo " + call + " answered " + status + (code.isEmpty() ? "" : " " + code)
        + (title.isEmpty() ? "" : ": " + title), null, false, false);
    this.status = status;
    this.code = code;
    this.retryAfter = Optional.ofNullable(retryAfter);
  }

  public int status() {
    return status;
  }

  /** SunCo's error code, e.g. {@code conversation_not_found}; empty when the body had none. */
  public String code() {
    return code;
  }

  public Optional<Duration> retryAfter() {
    return retryAfter;
  }
}
