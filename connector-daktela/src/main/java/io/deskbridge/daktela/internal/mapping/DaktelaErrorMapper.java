package io.deskbridge.daktela.internal.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import feign.FeignException;
import feign.codec.DecodeException;
import io.deskbridge.core.error.VendorErrors;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.ErrorMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Maps the Daktela client's failures to kinds: a {@link DaktelaApiException} by its status through
 * {@link VendorErrors#forStatus} (401 auth, 403 forbidden, 404 not found, 400 invalid naming the form field, 429
 * rate limited with its Retry-After, 503 not processed, other 5xx unavailable); no answer (an I/O failure or a
 * timeout, which Feign wraps) unavailable; an answer that is not JSON and anything else (a bug) invalid, not
 * retried. Feign's own messages carry the request URL, which in {@code authIn: query} mode holds the access
 * token, so they are never passed on: the messages are built here and the cause is the I/O failure itself.
 * Pure and thread-safe.
 */
public final class DaktelaErrorMapper implements ErrorMapper {
  @Override
  public VendorException map(Throwable failure) {
    if (failure instanceof VendorException v) {
      return v;
    }
    if (failure instanceof DaktelaApiException e) {
      String message = e.formField().map(f -> e.getMessage() + " (invalid field '" + f + "')").orElse(e.getMessage());
      return VendorErrors.forStatus(e.status(), message, e.retryAfter().orElse(null), e);
    }
    Throwable io = ioCauseOf(failure);
    if (failure instanceof DecodeException || io instanceof JsonProcessingException) {
      return new VendorException(VendorException.Kind.INVALID, "Daktela answered something that is not the JSON "
          + "envelope: " + rootMessage(failure), failure.getCause());
    }
    if (io != null) {
      return VendorErrors.forIo("Daktela call failed: " + io.getClass().getSimpleName()
          + (io.getMessage() == null ? "" : ": " + io.getMessage()), io);
    }
    if (failure instanceof FeignException f && f.status() > 0) {
      return VendorErrors.forStatus(f.status(), "Daktela answered " + f.status(), null, null);
    }
    return new VendorException(VendorException.Kind.INVALID, "Daktela call failed unexpectedly: " + failure,
        failure instanceof FeignException ? null : failure);
  }

  /** The I/O failure (connect, read, timeout) under a failure, or null. */
  public static Throwable ioCauseOf(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof IOException || t instanceof UncheckedIOException) {
        return t instanceof UncheckedIOException u ? u.getCause() : t;
      }
    }
    return null;
  }

  private static String rootMessage(Throwable failure) {
    Throwable t = failure;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName();
  }
}
