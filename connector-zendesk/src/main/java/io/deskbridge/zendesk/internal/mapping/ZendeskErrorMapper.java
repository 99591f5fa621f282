package io.deskbridge.zendesk.internal.mapping;

import io.deskbridge.core.error.VendorErrors;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.ErrorMapper;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.zendesk.client.v2.ZendeskException;
import org.zendesk.client.v2.ZendeskResponseException;
import org.zendesk.client.v2.ZendeskResponseRateLimitException;

/**
 * Maps zendesk-java-client failures to kinds: an HTTP status through {@link VendorErrors#forStatus} (429 rate
 * limited with its Retry-After, as the client itself never retries; 503 not processed; other 5xx unavailable;
 * 401, 403, 404, 409, 400 and 422 not retriable), a timeout or I/O failure as unavailable, and anything else
 * (a bug, a response it cannot parse) as invalid, which is not retried.
 */
public final class ZendeskErrorMapper implements ErrorMapper {
  @Override
  public VendorException map(Throwable failure) {
    if (failure instanceof VendorException v) {
      return v;
    }
    if (failure instanceof ZendeskResponseRateLimitException r) {
      Long seconds = r.getRetryAfter();
      return VendorErrors.forStatus(429, "Zendesk rate limit", seconds == null ? null : Duration.ofSeconds(seconds), r);
    }
    if (failure instanceof ZendeskResponseException r) {
      return VendorErrors.forStatus(r.getStatusCode(), "Zendesk answered " + r.getStatusText() + ": "
          + abbreviate(r.getBody()), null, r);
    }
    if (failure instanceof ZendeskException z && z.getCause() instanceof TimeoutException) {
      return VendorErrors.forIo("Zendesk request timed out: " + z.getCause().getMessage(), z);
    }
    if (failure instanceof ZendeskException) {
      return VendorErrors.forIo("Zendesk call failed: " + failure.getMessage(), failure);
    }
    return new VendorException(VendorException.Kind.INVALID, "Zendesk call failed unexpectedly: " + failure, failure);
  }

  private static String abbreviate(String body) {
    if (body == null) {
      return "";
    }
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }
}
