package io.deskbridge.core.engine;

import io.deskbridge.core.escalation.Decision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;

/**
 * The engine's meters. Deflection rate and handover rate by reason are ratios of
 * {@code deskbridge_decisions_total} by {@code decision} and {@code reason}; reply latency is from the
 * vendor's event time to the moment the bot's public write returned. Thread-safe.
 */
final class EngineMetrics {
  private final MeterRegistry registry;

  EngineMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  MeterRegistry registry() {
    return registry;
  }

  void received(String installation, int fresh, int duplicates) {
    Counter.builder("deskbridge.webhook.events").description("events received by webhook")
        .tag("installation", installation).tag("result", "new").register(registry).increment(fresh);
    Counter.builder("deskbridge.webhook.events").description("events received by webhook")
        .tag("installation", installation).tag("result", "duplicate").register(registry).increment(duplicates);
  }

  void decided(String installation, Decision decision) {
    String reason = decision.reasons().isEmpty() ? "" : decision.reasons().get(0);
    Counter.builder("deskbridge.decisions").description("decisions by kind and first reason")
        .tag("installation", installation).tag("decision", decision.kind()).tag("reason", reason)
        .register(registry).increment();
  }

  /**
   * An agent's verdict on a draft ({@code sent_as_drafted}, {@code edited}, {@code replaced}): the draft acceptance
   * rate is {@code sent_as_drafted} (and {@code edited}) over all verdicts of an installation.
   */
  void draftVerdict(String installation, String verdict) {
    Counter.builder("deskbridge.draft.verdicts").description("agents' verdicts on the bot's drafts")
        .tag("installation", installation).tag("verdict", verdict).register(registry).increment();
  }

  void written(String installation, String result) {
    Counter.builder("deskbridge.writes").description("vendor writes by result")
        .tag("installation", installation).tag("result", result).register(registry).increment();
  }

  /**
   * A handover whose assignment failed for good: the conversation is the people's but nobody was assigned, so nobody
   * may answer it until someone routes it by hand. Alert on any increase.
   */
  void handoverNotAssigned(String installation) {
    Counter.builder("deskbridge.handover.unassigned")
        .description("handovers whose assignment failed for good: route the conversation by hand")
        .tag("installation", installation).register(registry).increment();
  }

  void replied(String installation, Duration sinceEvent) {
    Timer.builder("deskbridge.reply.latency").description("from the vendor's event to the bot's public write")
        .tag("installation", installation).publishPercentiles(0.5, 0.99).register(registry)
        .record(sinceEvent.isNegative() ? Duration.ZERO : sinceEvent);
  }

  /**
   * The window a write without conditional writes leaves open: from the end of the re-read just before the public
   * write to the end of that write. A person acting within it is not seen.
   */
  void prewriteWindow(String installation, Duration window) {
    Timer.builder("deskbridge.prewrite.window")
        .description("from the re-read before a public write to the end of the write (vendors without conditional writes)")
        .tag("installation", installation).publishPercentiles(0.5, 0.99).register(registry).record(window);
  }

  void failed(String installation, String result) {
    Counter.builder("deskbridge.event.failures").description("failed processing attempts: retried or dead-lettered")
        .tag("installation", installation).tag("result", result).register(registry).increment();
  }

  /** One poll of a vendor: {@code ok}, {@code failed} or {@code paused} (rate limited or circuit open). */
  void polled(String installation, String result) {
    Counter.builder("deskbridge.polls").description("polls of a vendor by result")
        .tag("installation", installation).tag("result", result).register(registry).increment();
  }

  /** The events one poll returned: new ones, and ones the inbox already had (an overlap, a repeated poll). */
  void polledEvents(String installation, int fresh, int duplicates) {
    Counter.builder("deskbridge.poll.events").description("events received by polling")
        .tag("installation", installation).tag("result", "new").register(registry).increment(fresh);
    Counter.builder("deskbridge.poll.events").description("events received by polling")
        .tag("installation", installation).tag("result", "duplicate").register(registry).increment(duplicates);
  }
}
