package io.deskbridge.core.webhook;

import io.deskbridge.core.spi.WebhookEndpoint;
import io.deskbridge.core.store.AuditLog;
import io.deskbridge.core.store.AuditRecord;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core's entry point for webhooks, independent of the HTTP server: finds the installation, lets the vendor
 * verify then decode the request, hands the events to the sink (which records them), and only then answers
 * with the vendor's acknowledgement. A refused request gets a 4xx with a reason, a log line and an audit
 * record; nothing of it reaches the engine. Thread-safe.
 */
public final class WebhookHandler {
  private static final Logger log = LoggerFactory.getLogger(WebhookHandler.class);

  private final Function<String, Optional<WebhookEndpoint>> endpoints;
  private final EventSink sink;
  private final AuditLog audit;
  private final Clock clock;

  public WebhookHandler(Function<String, Optional<WebhookEndpoint>> endpoints, EventSink sink, AuditLog audit, Clock clock) {
    this.endpoints = endpoints;
    this.sink = sink;
    this.audit = audit;
    this.clock = clock;
  }

  /** Handles one request to {@code /webhooks/{installationId}}. Never throws for bad input. */
  public WebhookResponse handle(String installationId, WebhookRequest request) {
    if (!installationId.matches("[A-Za-z0-9_-]{1,64}")) {
      return reject("?", request, 404, "unknown installation");
    }
    var endpoint = endpoints.apply(installationId);
    if (endpoint.isEmpty()) {
      return reject(installationId, request, 404, "unknown installation '" + installationId + "'");
    }
    try {
      endpoint.get().verify(request);
      List<InboundEvent> events = endpoint.get().decode(request);
      int fresh = sink.accept(installationId, events);
      log.debug("{}: webhook accepted, {} event(s), {} new", installationId, events.size(), fresh);
      return endpoint.get().acknowledge(events);
    } catch (WebhookRejectedException e) {
      return reject(installationId, request, e.status(), e.getMessage());
    } catch (RuntimeException e) {
      // nothing was acknowledged: the vendor delivers again (the store may be down; no audit record then)
      log.error("{}: webhook not stored, answered 503: {}", installationId, e.toString());
      return WebhookResponse.error(503, "temporarily unavailable, deliver again later");
    }
  }

  private WebhookResponse reject(String installationId, WebhookRequest request, int status, String reason) {
    log.warn("{}: webhook refused with {}: {} ({})", installationId, status, reason, request);
    audit.append(new AuditRecord(clock.instant(), installationId, "", "", "", "rejected",
        List.of("http_" + status), 0, "", Map.of(), reason, List.of(), "none"));
    return WebhookResponse.error(status, reason);
  }
}
