package io.deskbridge.core.engine;

import io.deskbridge.core.bot.Decider;
import io.deskbridge.core.error.ConfigException;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.HelpdeskClient;
import io.deskbridge.core.store.AuditLog;
import io.deskbridge.core.store.ProcessingStore;
import io.deskbridge.core.webhook.InboundEvent;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Processes webhook events durably. {@link #accept} records events in the store's inbox (duplicates are dropped)
 * and returns; only then is the webhook acknowledged. {@link Workers}, in this process and in any other sharing the
 * store, claim one conversation at a time under a lease and process its events in the order received.
 *
 * <ul>
 *   <li>Nothing lost: an event is processed until it succeeds or, after a bounded number of failed attempts, goes
 *       to the dead letters with its reason; a crashed worker's conversation is taken over when its lease
 *       expires.</li>
 *   <li>Nothing twice: a decision is made once (it is committed before anything is sent); a write that may or may
 *       not have happened is checked against the vendor, action by action, before what is missing is sent
 *       again.</li>
 *   <li>Never after a person: see {@link TurnInterpreter} for ownership and {@link OutboxSender} for the check
 *       before a write.</li>
 * </ul>
 * Thread-safe.
 */
public final class Engine implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Engine.class);

  private final Map<String, Running> installations;
  private final ProcessingStore store;
  private final AuditLog audit;
  private final Clock clock;
  private final EngineMetrics metrics;
  private final Workers workers;
  private final PollLoops pollers;

  private Engine(Map<String, Running> installations, ProcessingStore store, AuditLog audit, Clock clock,
      EngineMetrics metrics, Workers workers, PollLoops pollers) {
    this.installations = installations;
    this.store = store;
    this.audit = audit;
    this.clock = clock;
    this.metrics = metrics;
    this.workers = workers;
    this.pollers = pollers;
  }

  /**
   * Starts the engine: calls each installation's who-am-i once (with retries) so bad credentials fail here,
   * before the first customer message, then starts the workers, and a poller for each installation whose
   * connector has an {@link io.deskbridge.core.spi.EventPoller} ({@link PollLoops}).
   *
   * @throws ConfigException when an installation cannot authenticate or reach its vendor; the message names it
   *                         and its settings
   */
  public static Engine start(List<Installation> installations, Decider bot, ProcessingStore store, AuditLog audit,
      Clock clock, EngineSettings settings, MeterRegistry meters) {
    return start(installations, bot, store, audit, clock, settings, CrashPoints.NONE, meters);
  }

  static Engine start(List<Installation> installations, Decider bot, ProcessingStore store, AuditLog audit, Clock clock,
      EngineSettings settings, CrashPoints crashPoints) {
    return start(installations, bot, store, audit, clock, settings, crashPoints, new SimpleMeterRegistry());
  }

  /**
   * {@link #start(List, Decider, ProcessingStore, AuditLog, Clock, EngineSettings, MeterRegistry)} with a test seam
   * called at the {@link CrashPoints.Point}s (the contract kit runs code there); production passes
   * {@link CrashPoints#NONE}.
   */
  public static Engine start(List<Installation> installations, Decider bot, ProcessingStore store, AuditLog audit,
      Clock clock, EngineSettings settings, CrashPoints crashPoints, MeterRegistry meters) {
    var running = new LinkedHashMap<String, Running>();
    for (var inst : installations) {
      var calls = new VendorCalls(inst.id(), inst.connector().errorMapper(), inst.retry(), inst.budgetPerMinute(), meters);
      var identity = startUpCheck(inst, calls);
      calls.budget(inst.budgetPerMinute()); // the connector may have learnt its allocation from the calls above
      if (running.put(inst.id(), new Running(inst, calls, identity)) != null) {
        throw new IllegalArgumentException("installation id '" + inst.id() + "' is used twice");
      }
    }
    var metrics = new EngineMetrics(meters);
    var all = Map.copyOf(running);
    var workers = new Workers(all, bot, store, new AuditTrail(audit, clock), clock, settings, crashPoints, metrics);
    var pollers = new PollLoops(all, store, clock, settings, crashPoints, metrics, workers::wake);
    var engine = new Engine(all, store, audit, clock, metrics, workers, pollers);
    workers.start();
    pollers.start();
    return engine;
  }

  /**
   * The check {@link #start} makes of each installation before anything runs, on its own (the {@code doctor}
   * command): one who-am-i call and the routing check, with the installation's retries and error mapping.
   *
   * @return who the installation acts as
   * @throws ConfigException when it cannot authenticate, reach its vendor or route; the message names the setting
   */
  public static HelpdeskClient.Identity startUpCheck(Installation inst) {
    return startUpCheck(inst, new VendorCalls(inst.id(), inst.connector().errorMapper(), inst.retry(),
        inst.budgetPerMinute(), new SimpleMeterRegistry()));
  }

  private static HelpdeskClient.Identity startUpCheck(Installation inst, VendorCalls calls) {
    HelpdeskClient.Identity identity;
    try {
      identity = calls.read("who-am-i", () -> inst.connector().client().whoAmI());
    } catch (VendorException e) {
      String settingsPath = "installations[" + inst.id() + "].settings";
      throw new ConfigException("installation '" + inst.id() + "' (" + inst.connector().vendor()
          + ") failed its start-up check: " + e.getMessage()
          + (e.getMessage() != null && e.getMessage().contains(settingsPath) ? "" : "; check " + settingsPath), e);
    }
    log.info("installation {} ({}, {} mode) authenticated as {} (id {})", inst.id(), inst.connector().vendor(),
        inst.mode().name().toLowerCase(Locale.ROOT), identity.name(), identity.userId());
    checkRoutes(inst, calls);
    return identity;
  }

  /**
   * Lets the connector check the installation's routing targets once; a failure stops the start with one line
   * naming the installation and its routing settings.
   */
  private static void checkRoutes(Installation inst, VendorCalls calls) {
    var targets = new java.util.LinkedHashSet<String>();
    targets.add(inst.routing().defaultGroup());
    targets.addAll(inst.routing().groups().values());
    try {
      calls.read("check-routes", () -> {
        inst.connector().client().checkRoutes(java.util.Set.copyOf(targets));
        return null;
      });
    } catch (VendorException e) {
      throw new ConfigException("installation '" + inst.id() + "' (" + inst.connector().vendor()
          + ") failed its routing check: " + e.getMessage() + "; check installations[" + inst.id()
          + "].routing.defaultGroup and .groups", e);
    }
  }

  /** The installation with this id, if configured. */
  public Optional<Installation> installation(String id) {
    return Optional.ofNullable(installations.get(id)).map(Running::installation);
  }

  /**
   * Loads a conversation through its installation's vendor calls, the ones the workers use: retries, the circuit
   * breaker and the request budget ({@code requestsPerMinute}) they share. For readers outside the engine, such as the
   * dashboard's poll of the first human reply.
   *
   * @throws VendorException the mapped failure; {@link VendorException.Kind#PAUSED} when the budget has no permit now
   * @throws NullPointerException when the installation is not configured
   */
  public io.deskbridge.core.conversation.Conversation load(io.deskbridge.core.conversation.ConversationKey key) {
    var running = installations.get(key.installation());
    Objects.requireNonNull(running, () -> "unknown installation " + key.installation());
    return running.calls().read("load", () -> running.client().load(new HelpdeskClient.LoadRequest(key,
        Optional.empty())));
  }

  /** The installation's request budget in effect (its {@code requestsPerMinute}, else the vendor's); 0 for none. */
  public int budgetPerMinute(String installationId) {
    var running = installations.get(installationId);
    Objects.requireNonNull(running, () -> "unknown installation " + installationId);
    return running.installation().budgetPerMinute();
  }

  /** The identity an installation authenticated as at start. */
  public Optional<HelpdeskClient.Identity> identity(String installationId) {
    return Optional.ofNullable(installations.get(installationId)).map(Running::identity);
  }

  /**
   * Records events durably and wakes the workers; returns once they are committed. Events already
   * received are dropped.
   *
   * @return how many of the events were new
   * @throws NullPointerException when the installation is not configured
   */
  public int accept(String installationId, List<InboundEvent> events) {
    var running = installations.get(installationId);
    Objects.requireNonNull(running, () -> "unknown installation " + installationId);
    var debounce = running.installation().debounce();
    Instant now = clock.instant();
    int fresh = store.receive(installationId, running.installation().connector().vendor(), events, now, debounce);
    metrics.received(installationId, fresh, events.size() - fresh);
    if (fresh > 0 && !debounce.isZero()) {
      workers.wakeAt(now.plus(debounce)); // held back: claimed when the window closes, not at the next poll
    } else {
      workers.wake();
    }
    return fresh;
  }

  /**
   * Adds a listener told each time a worker of this engine has handled a conversation's work (processed its events
   * and writes as far as it could) and given up its lease, so that a caller waiting for an event (the Conversation
   * API) looks at the store at once instead of on its next poll. Work handled by another process sharing the store
   * is not told. The listener runs on the worker's thread and must return quickly.
   */
  public void onHandled(java.util.function.Consumer<io.deskbridge.core.conversation.ConversationKey> listener) {
    workers.onHandled(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Waits until the store has no open work (no pending event, no open write, due now or later, whoever
   * received it) and no worker of this process is busy; false on timeout. For tests, the demo and shutdown.
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    return workers.awaitIdle(timeout);
  }

  /**
   * Waits until every installation this engine polls has had a successful poll that started after the call, so
   * that what the vendor recorded before the call is in the inbox (then {@link #awaitIdle} waits for it to be
   * processed); true at once when no installation is polled; false on timeout, also when another process holds an
   * installation's poll lease. For tests, the demo and benchmarks.
   */
  public boolean awaitPolled(Duration timeout) throws InterruptedException {
    return pollers.awaitPolled(timeout);
  }

  /**
   * Whether the workers and the pollers are running. False after a fatal error stopped the workers (they stop
   * together, as if the process died, so that a supervisor restarts it; received events wait in the store) or a
   * poller (its poll lease expires and another process, or the restarted one, polls on from the saved cursor).
   */
  public boolean healthy() {
    return workers.running() && pollers.healthy();
  }

  /** The audit log decisions are written to. */
  public AuditLog audit() {
    return audit;
  }

  /** {@link #close(Duration)} with ten seconds' grace. */
  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }

  /**
   * Stops the pollers (within half of {@code grace}; their poll leases are given up, so another process polls on at
   * once), then the workers: no new work is claimed, and each worker finishes the conversation in hand. After
   * {@code grace} in all, the leases of conversations still in hand are given up, so that their work (still
   * in the store) is taken over at once by another process or after a restart, instead of when the lease
   * expires; a worker still busy then can no longer write to the store (its lease is fenced off). Returns
   * within about {@code grace}.
   */
  public void close(Duration grace) {
    long started = System.nanoTime();
    pollers.stop(grace.dividedBy(2)); // first, so that no new events come in while the workers finish
    var left = grace.minusNanos(System.nanoTime() - started);
    workers.stop(left.isNegative() ? Duration.ZERO : left);
  }
}
