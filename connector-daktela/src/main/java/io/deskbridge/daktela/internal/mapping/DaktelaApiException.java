package io.deskbridge.daktela.internal.mapping;

import java.time.Duration;
import java.util.Optional;

/**
 * Daktela answered a call with an error status. The message names the call (method and path, never the query,
 * which may hold the access token) and Daktela's own error text; {@link DaktelaErrorMapper} maps it by status.
 */
public final class DaktelaApiException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String formField;
  private final Duration retryAfter;

  /**
   * @param status     the HTTP status
   * @param call       the method and path, e.g. {@code PUT /api/v6/tickets/12.json}
   * @param problem    Daktela's error text, empty when the body had none (401, 403 and 404 come empty)
   * @param formField  the first field a 400 form error names, or null
   * @param retryAfter the Retry-After of a 429 or 503, or null
   */
  public DaktelaApiException(int status, String call, String problem, String formField, Duration retryAfter) {
    super("Daktela " + call + " answered " + status + (problem == null || problem.isEmpty() ? "" : ": " + problem));
    this.status = status;
    this.formField = formField == null || formField.isEmpty() ? null : formField;
    this.retryAfter = retryAfter;
  }

  /** The HTTP status. */
  public int status() {
    return status;
  }

  /** The field a validation error (400 with {@code error.form}) names first. */
  public Optional<String> formField() {
    return Optional.ofNullable(formField);
  }

  /** How long Daktela asked to wait. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
