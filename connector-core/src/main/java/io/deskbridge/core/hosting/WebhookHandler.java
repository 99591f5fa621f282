package io.deskbridge.core.hosting;

import io.deskbridge.core.spi.WebhookEndpoint;
import io.deskbridge.core.store.AuditLog;
import io.deskbridge.core.store.AuditRecord;
import io.deskbridge.core.webhook.InboundEvent;
import io.deskbridge.core.webhook.LogSafe;
import io.deskbridge.core.webhook.WebhookRejectedException;
import io.deskbridge.core.webhook.WebhookRequest;
import io.deskbridge.core.webhook.WebhookResponse;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Core's entry point for webhooks, independent of the HTTP server: finds the installation, lets the vendor
 * verify then decode the request, hands the events to the sink (which records them), and only then answers
 * with the vendor's acknowledgement. Refusals of a known installation's requests are answered in the vendor's
 * own error format ({@link WebhookEndpoint#refuse}).
 *
 * <p>Answers: 404 for an unknown installation, the vendor's 401 for a request that is not authentic, 400 for
 * an authentic request that can never succeed (malformed body, an id the store could never hold: see
 * {@link InboundEvent}; also any unexpected failure of the vendor's decoder, which makes no I/O, so a
 * redelivery would fail the same way), and 503 only when the events could not be stored (a transient
 * fault: the vendor delivers again).
 *
 * <p>Every refusal is counted in {@code deskbridge_webhook_rejected_total} by installation and status.
 * Because anyone can send requests that are refused, only a rate-limited sample of them is written down
 * (an audit record and a WARN line, at most {@code auditedRejectionsPerMinute} per installation per minute;
 * the rest get a DEBUG line), and a failure to write the audit record never changes the answer. Values taken
 * from the request are logged through {@link LogSafe}. Nothing of a refused request reaches the engine.
 * Thread-safe.
 */
public final class WebhookHandler {
  /** How many refusals per installation and minute are audited when the caller does not say. */
  public static final int DEFAULT_AUDITED_REJECTIONS_PER_MINUTE = 60;
  /** The installation tag and sampling key of every request for an unknown installation. */
  static final String UNKNOWN = "?";
  /** How long a vendor should wait before delivering again a webhook the store could not take (under Zendesk's 60 s). */
  static final Duration STORE_RETRY_AFTER = Duration.ofSeconds(10);
  /** A full disk refuses every webhook: this many lines per installation and minute say so, with a count. */
  private static final int LOGGED_STORE_FAULTS_PER_MINUTE = 6;

  private static final Logger log = LoggerFactory.getLogger(WebhookHandler.class);
  private static final Pattern INSTALLATION_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

  private final Function<String, Optional<WebhookEndpoint>> endpoints;
  private final EventSink sink;
  private final AuditLog audit;
  private final Clock clock;
  private final MeterRegistry meters;
  private final RejectionSampler sampler;
  private final RejectionSampler storeFaultLog;

  /** A handler that counts into no registry and audits {@value #DEFAULT_AUDITED_REJECTIONS_PER_MINUTE} refusals a minute. */
  public WebhookHandler(Function<String, Optional<WebhookEndpoint>> endpoints, EventSink sink, AuditLog audit, Clock clock) {
    this(endpoints, sink, audit, clock, new CompositeMeterRegistry(), DEFAULT_AUDITED_REJECTIONS_PER_MINUTE);
  }

  /**
   * @param endpoints                  the vendor endpoint of an installation id, empty when unknown
   * @param sink                       records accepted events durably before returning
   * @param audit                      where the sample of refusals is written
   * @param clock                      the time of audit records and of the sampling
   * @param meters                     where refusals are counted
   * @param auditedRejectionsPerMinute how many refusals per installation and minute are audited, at least 1
   */
  public WebhookHandler(Function<String, Optional<WebhookEndpoint>> endpoints, EventSink sink, AuditLog audit, Clock clock,
      MeterRegistry meters, int auditedRejectionsPerMinute) {
    this.endpoints = endpoints;
    this.sink = sink;
    this.audit = audit;
    this.clock = clock;
    this.meters = meters;
    this.sampler = new RejectionSampler(clock, auditedRejectionsPerMinute);
    this.storeFaultLog = new RejectionSampler(clock, LOGGED_STORE_FAULTS_PER_MINUTE);
  }

  /** Handles one request to {@code /webhooks/{installationId}}. Never throws. */
  public WebhookResponse handle(String installationId, WebhookRequest request) {
    var found = endpoint(installationId);
    if (found.isEmpty()) {
      return refused(installationId, request, WebhookResponse.error(404, unknownInstallation(installationId)),
          unknownInstallation(installationId));
    }
    var endpoint = found.get();
    try {
      endpoint.verify(request);
    } catch (WebhookRejectedException e) {
      return refuse(installationId, request, endpoint, e);
    } catch (RuntimeException e) {
      log.warn("{}: the signature check failed unexpectedly, answered 401: {}", installationId, LogSafe.of(e));
      return refuse(installationId, request, endpoint,
          WebhookRejectedException.unauthorized("the request's signature cannot be checked"));
    }
    List<InboundEvent> events;
    try {
      events = endpoint.decode(request);
    } catch (WebhookRejectedException e) {
      return refuse(installationId, request, endpoint, e);
    } catch (RuntimeException e) {
      log.warn("{}: the decoder failed on an authentic body, answered 400: {}", installationId, LogSafe.of(e));
      return refuse(installationId, request, endpoint, WebhookRejectedException.badRequest("the body cannot be decoded"));
    }
    try {
      int fresh = sink.accept(installationId, events);
      log.debug("{}: webhook accepted, {} event(s), {} new", installationId, events.size(), fresh);
      return endpoint.acknowledge(request, events);
    } catch (RuntimeException e) {
      // nothing was acknowledged: the vendor delivers again (the store may be down; no audit record then)
      count(installationId, 503);
      OptionalLong logged = storeFaultLog.admit(installationId);
      if (logged.isPresent()) {
        log.error("{}: webhook not stored, answered 503{}: {}", installationId,
            logged.getAsLong() == 0 ? "" : " (and " + logged.getAsLong() + " more since the last line)", LogSafe.withCause(e));
      }
      return WebhookResponse.unavailable("temporarily unavailable, deliver again later", STORE_RETRY_AFTER);
    }
  }

  /**
   * Refuses a request: counts it, audits and logs it if the sample allows, and builds the answer, in the
   * installation's own error format ({@link WebhookEndpoint#refuse}) when the installation is known. For
   * refusals the HTTP adapter makes itself (a body over the limit). Never throws.
   *
   * @param installationId the installation named in the path, as received
   * @param request        the request; its body may be empty
   * @param status         the 4xx status
   * @param reason         the reason given back to the sender; must not contain secrets
   */
  public WebhookResponse refuse(String installationId, WebhookRequest request, int status, String reason) {
    var endpoint = endpoint(installationId);
    if (endpoint.isEmpty()) {
      return refused(installationId, request, WebhookResponse.error(status, reason), reason);
    }
    return refuse(installationId, request, endpoint.get(), WebhookRejectedException.withStatus(status, reason));
  }

  /** The endpoint's answer to a refusal; JSON if the endpoint fails to give one. */
  private WebhookResponse refuse(String installationId, WebhookRequest request, WebhookEndpoint endpoint,
      WebhookRejectedException refusal) {
    WebhookResponse response;
    try {
      response = Objects.requireNonNull(endpoint.refuse(request, refusal), "refuse returned null");
    } catch (RuntimeException e) {
      log.warn("{}: the endpoint failed to shape its refusal, answered with JSON: {}", LogSafe.of(installationId),
          LogSafe.of(e));
      response = WebhookResponse.error(refusal.status(), refusal.getMessage());
    }
    return refused(installationId, request, response, refusal.getMessage());
  }

  /** Counts, samples, logs and audits a refusal answered with {@code response}; returns the response. */
  private WebhookResponse refused(String installationId, WebhookRequest request, WebhookResponse response,
      String reason) {
    int status = response.status();
    String key = endpoint(installationId).isPresent() ? installationId : UNKNOWN;
    count(key, status);
    OptionalLong sampled = sampler.admit(key);
    if (sampled.isPresent()) {
      String skipped = sampled.getAsLong() == 0 ? "" : " (" + sampled.getAsLong() + " refusal(s) since the last one audited)";
      log.warn("{}: webhook refused with {}: {} ({}){}", LogSafe.of(installationId), status, LogSafe.of(reason),
          LogSafe.of(request), skipped);
      try {
        audit.append(new AuditRecord(clock.instant(), key, "", "", "", "rejected",
            List.of("http_" + status), 0, "", Map.of(), reason + skipped, List.of(), "none"));
      } catch (RuntimeException e) {
        log.warn("{}: the refusal could not be audited (answered {} all the same): {}", LogSafe.of(installationId),
            status, LogSafe.of(e));
      }
    } else if (log.isDebugEnabled()) {
      log.debug("{}: webhook refused with {}: {} (not audited: over the sample rate)", LogSafe.of(installationId),
          status, LogSafe.of(reason));
    }
    return response;
  }

  private static String unknownInstallation(String installationId) {
    return installationId != null && INSTALLATION_ID.matcher(installationId).matches()
        ? "unknown installation '" + installationId + "'" : "unknown installation";
  }

  private Optional<WebhookEndpoint> endpoint(String installationId) {
    if (installationId == null || !INSTALLATION_ID.matcher(installationId).matches()) {
      return Optional.empty();
    }
    return endpoints.apply(installationId);
  }

  private void count(String key, int status) {
    Counter.builder("deskbridge.webhook.rejected")
        .description("webhook requests refused (4xx) or not stored (503), by installation and status")
        .tag("installation", key).tag("status", Integer.toString(status)).register(meters).increment();
  }
}
