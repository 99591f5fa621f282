package io.deskbridge.zendesk.internal.mapping;

import io.deskbridge.core.error.NonRetriableVendorException;
import io.deskbridge.core.error.VendorErrors;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.ErrorMapper;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.zendesk.client.v2.ZendeskException;
import org.zendesk.client.v2.ZendeskResponseException;
import org.zendesk.client.v2.ZendeskResponseRateLimitException;

/**
 * Maps zendesk-java-client failures: 429 with its Retry-After (the client itself never retries), 5xx and
 * the client's I/O failures as retriable; 401, 403, 404, 409 and 422 as not; anything else (a bug, a
 * response it cannot parse) as not retriable.
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
      return VendorErrors.forStatus(504, "Zendesk request timed out", null, z);
    }
    if (failure instanceof ZendeskException) {
      return VendorErrors.forIo("Zendesk call failed: " + failure.getMessage(), failure);
    }
    return new NonRetriableVendorException(NonRetriableVendorException.Kind.UNKNOWN,
        "Zendesk call failed unexpectedly: " + failure, -1, failure);
  }

  private static String abbreviate(String body) {
    if (body == null) {
      return "";
    }
    return body.length() > 300 ? body.substring(0, 300) + "…" : body;
  }
}
