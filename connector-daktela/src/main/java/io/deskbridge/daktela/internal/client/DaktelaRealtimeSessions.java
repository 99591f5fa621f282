package io.deskbridge.daktela.internal.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.config.Secret;
import io.deskbridge.daktela.DaktelaConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Reads {@code GET /api/v6/realtimeSessions.json}, every page, over the same Feign set-up, token handling and error
 * decoding as the ticket connector ({@link DaktelaHttp}). The records are returned as Daktela sent them; what they
 * mean is the caller's. Failures are thrown as {@link io.deskbridge.daktela.internal.mapping.DaktelaApiException} (an
 * error status) or Feign's exceptions (no answer), for {@link io.deskbridge.daktela.internal.mapping.DaktelaErrorMapper}.
 * Thread-safe.
 */
public final class DaktelaRealtimeSessions {
  private final DaktelaApi api;

  /**
   * @param url     the instance, e.g. {@code https://acme.daktela.com}; the API is under {@code /api/v6}
   * @param authIn  where the access token goes
   * @param token   the API user's access token
   * @param timeout the connect and the read timeout of one request
   * @param clock   for Retry-After dates
   */
  public DaktelaRealtimeSessions(URI url, DaktelaConfig.AuthIn authIn, Secret token, Duration timeout, Clock clock) {
    var json = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    this.api = DaktelaHttp.api(url, authIn, token, timeout, timeout, json, clock);
  }

  /** Every realtime session, in Daktela's order. */
  public List<JsonNode> all() {
    return DaktelaPages.all(api::realtimeSessions, DaktelaQuery.all());
  }
}
