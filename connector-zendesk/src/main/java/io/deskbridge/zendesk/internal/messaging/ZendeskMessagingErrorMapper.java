package io.deskbridge.zendesk.internal.messaging;

import io.deskbridge.core.error.VendorErrors;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.ErrorMapper;
import java.io.UncheckedIOException;

/**
 * Maps the Conversations API's failures to kinds: an error answer by its status through {@link VendorErrors#forStatus}
 * (401 auth, 403 forbidden, 404 not found, 409 conflict, 429 rate limited with its Retry-After, 503 not processed,
 * other 5xx unavailable, 400 invalid) except 423 (the conversation is locked at 30,000 messages), which is a conflict
 * that waiting will not resolve, so it is mapped as invalid; no answer (an I/O failure or a timeout: the write may or
 * may not have happened) unavailable, after which core re-reads before writing again; a Support API failure (the
 * note on the messaging ticket) as the ticket connector maps it; anything else (a bug) invalid.
 * Pure and thread-safe.
 */
public final class ZendeskMessagingErrorMapper implements ErrorMapper {
  private static final ErrorMapper SUPPORT = new io.deskbridge.zendesk.internal.mapping.ZendeskErrorMapper();

  @Override
  public VendorException map(Throwable failure) {
    if (failure instanceof VendorException v) {
      return v;
    }
    if (failure instanceof ZendeskMessagingApiException e) {
      if (e.status() == 423) {
        return new VendorException(VendorException.Kind.INVALID, e.getMessage() + " (HTTP 423: the conversation "
            + "holds SunCo's maximum of messages)", null, e);
      }
      return VendorErrors.forStatus(e.status(), e.getMessage(), e.retryAfter().orElse(null), e);
    }
    if (failure instanceof org.zendesk.client.v2.ZendeskException) {
      return SUPPORT.map(failure); // a Support API call (an internal note on the messaging ticket)
    }
    if (failure instanceof UncheckedIOException e) {
      return VendorErrors.forIo(e.getMessage(), e.getCause());
    }
    return new VendorException(VendorException.Kind.INVALID, "SunCo call failed unexpectedly: " + failure, failure);
  }
}
