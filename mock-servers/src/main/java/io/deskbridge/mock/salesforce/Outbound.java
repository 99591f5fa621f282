package io.deskbridge.mock.salesforce;

import io.deskbridge.mock.base.Delivery;
import io.deskbridge.mock.base.DeliveryAttempt;
import io.deskbridge.mock.base.RetryPolicy;
import io.deskbridge.mock.base.Scheduler;
import io.deskbridge.mock.base.WebhookSender;
import io.deskbridge.mock.salesforce.Model.Rec;
import io.deskbridge.mock.salesforce.OutboundMessages.Notification;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * The Outbound Message sender (salesforce.md §2.1, §8.8–10): one Outbound Message per subscribed object (Case,
 * EmailMessage, CaseComment) and endpoint, each with its ActionId. A committed change queues a notification (a new
 * {@code 04l} id); queued notifications of one Outbound Message go out together, up to 100 per message, once the
 * batch window on the fake's clock has passed. Each attempt of a message carries the records' state at the attempt
 * (the send time), not at the change. Delivery and retries are {@link WebhookSender}'s, by the configured policy.
 *
 * <p>Thread-safe: queues and switches are guarded by this object's monitor; the model is read outside it (lock
 * order model → dispatcher is only ever taken by the model calling {@link #changed}).
 */
final class Outbound implements Model.Changes, AutoCloseable {
  static final List<String> OBJECTS = List.of(Schema.CASE, Schema.EMAIL, Schema.COMMENT);

  /** One Outbound Message: an object's changes to one endpoint. */
  private record Action(String id, String objectType, URI endpoint, boolean json) {}

  /** A queued notification: its id, the record it is about and that record's Case. */
  private record Pending(Action action, String notificationId, String recordId, String caseId) {}

  private final SalesforceFakeConfig config;
  private final WebhookSender soap;
  private final WebhookSender json;
  private final Scheduler scheduler;
  private final Ids ids = new Ids();
  private final Random random = new Random(11);
  private final List<Action> actions = new ArrayList<>();
  private final Map<Action, List<Pending>> queued = new LinkedHashMap<>();
  private final List<Pending> produced = new ArrayList<>();
  private Model model;
  private String baseUrl = "http://localhost";
  private String organizationId;
  private boolean shuffle;
  private volatile java.util.function.Supplier<String> sessions;
  private int nextDuplicates;
  private int flushing;
  private long epoch;

  Outbound(SalesforceFakeConfig config) {
    this.config = config;
    this.soap = new WebhookSender("salesforce-fake-om", config.outbound(), config.clock());
    this.json = new WebhookSender("salesforce-fake-json", jsonPolicy(config.outbound()), config.clock());
    this.scheduler = new Scheduler(config.clock(), "salesforce-fake-om-batch");
  }

  private static RetryPolicy jsonPolicy(RetryPolicy p) {
    return p.withAcknowledged(RetryPolicy.STATUS_2XX);
  }

  void model(Model model) {
    this.model = model;
  }

  synchronized void baseUrl(String url) {
    this.baseUrl = url;
  }

  synchronized void subscribe(URI endpoint, boolean asJson) {
    for (String type : OBJECTS) {
      actions.add(new Action(ids.next(Schema.ACTION_PREFIX), type, endpoint, asJson));
    }
  }

  /** Called by the model, under its lock, for every committed change. */
  @Override
  public synchronized void changed(String objectType, String id, String actorId) {
    if (!config.omForIntegrationUser() && actorId != null && actorId.equals(model.integrationUserId())) {
      return;
    }
    for (Action a : actions) {
      if (a.objectType().equals(objectType)) {
        String caseId = Schema.CASE.equals(objectType) ? id
            : model.find(id).map(r -> r.str("ParentId")).orElse("");
        Pending p = new Pending(a, ids.next(Schema.NOTIFICATION_PREFIX), id, caseId == null ? "" : caseId);
        produced.add(p);
        enqueue(p);
      }
    }
  }

  // guarded by this
  private void enqueue(Pending p) {
    List<Pending> q = queued.computeIfAbsent(p.action(), k -> new ArrayList<>());
    q.add(p);
    if (q.size() == 1) {
      flushing++;
      long e = epoch;
      scheduler.after(config.outboundBatchWindow()).thenRunAsync(() -> flush(p.action(), e));
    }
  }

  /** Sends what is queued for one Outbound Message, in messages of up to 100 notifications. */
  private void flush(Action action, long e) {
    List<List<Pending>> batches = new ArrayList<>();
    int copies;
    String org;
    String instance;
    synchronized (this) {
      if (e != epoch) {
        return;
      }
      List<Pending> q = queued.remove(action);
      if (q == null) {
        flushed(e);
        return;
      }
      if (shuffle) {
        Collections.shuffle(q, random);
      }
      for (int i = 0; i < q.size(); i += OutboundMessages.MAX_NOTIFICATIONS) {
        batches.add(List.copyOf(q.subList(i, Math.min(q.size(), i + OutboundMessages.MAX_NOTIFICATIONS))));
      }
      copies = nextDuplicates + 1;
      nextDuplicates = 0;
      org = organizationId == null ? config.orgId() : organizationId;
      instance = baseUrl;
    }
    try {
      for (List<Pending> batch : batches) {
        Pending first = batch.get(0);
        byte[] initial = body(action, org, instance, batch);
        Delivery d = new Delivery(action.id(), first.notificationId(), first.caseId(), action.endpoint(), "POST",
            action.json() ? "application/json" : "text/xml; charset=utf-8", initial,
            (invocation, now) -> action.json() ? Map.of() : Map.of("SOAPAction", "\"\"",
                "User-Agent", "Salesforce Outbound Notification 1.0"),
            now -> body(action, org, instance, batch));
        (action.json() ? json : soap).send(d, copies);
      }
    } finally {
      flushed(e);
    }
  }

  /** A flush has handed its messages to the sender (so awaitIdle can wait on the sender from here). */
  private synchronized void flushed(long e) {
    if (e == epoch) {
      flushing--;
      notifyAll();
    }
  }

  /** The message with each record's state now. */
  private byte[] body(Action action, String org, String instance, List<Pending> batch) {
    List<Notification> notifications = model.read(m -> {
      List<Notification> out = new ArrayList<>();
      for (Pending p : batch) {
        Rec r = m.find(p.recordId()).orElse(null);
        if (r == null) {
          continue; // the org was reset while the message was on its way
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Schema.Field f : Schema.fields(r.type)) {
          Object v = r.get(f.name());
          fields.put(f.name(), v == null ? null : PartnerXml.text(v));
        }
        out.add(new Notification(p.notificationId(), r.type.name(), fields));
      }
      return out;
    });
    return action.json() ? OutboundMessages.json(org, notifications)
        : OutboundMessages.envelope(org, action.id(), instance, session(), notifications);
  }

  synchronized void redeliverAll(String caseId) {
    for (Pending p : List.copyOf(produced)) {
      if (p.caseId().equals(caseId)) {
        enqueue(p);
      }
    }
  }

  synchronized void duplicateNext(int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be >= 1, was " + times);
    }
    nextDuplicates = times;
  }

  private String session() {
    java.util.function.Supplier<String> source = sessions;
    return source == null ? null : source.get();
  }

  /** Each message carries a fresh session id from {@code source} ("Send Session ID"); null: nil. */
  void sendSessionId(java.util.function.Supplier<String> source) {
    sessions = source;
  }

  synchronized void shuffle(boolean v) {
    shuffle = v;
  }

  synchronized void organizationId(String orgId) {
    organizationId = orgId;
  }

  void chaos(int copies, Duration jitter) {
    soap.policy(config.outbound().withChaos(copies, jitter));
    json.policy(jsonPolicy(config.outbound()).withChaos(copies, jitter));
  }

  void route(List<URI> endpoints) {
    soap.route(endpoints);
    json.route(endpoints);
  }

  /** Every attempt of both senders, by the time they were sent. */
  List<DeliveryAttempt> attempts() {
    List<DeliveryAttempt> all = new ArrayList<>(soap.attempts());
    all.addAll(json.attempts());
    all.sort((a, b) -> a.sentAt().compareTo(b.sentAt()));
    return all;
  }

  /** Notifications queued, flushes under way and messages in the senders: zero exactly when idle. */
  synchronized int pending() {
    int waiting = queued.values().stream().mapToInt(List::size).sum();
    return waiting + flushing + soap.pending() + json.pending();
  }

  /** Waits (real time) until nothing is queued, being flushed or delivered. */
  boolean awaitIdle(Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    synchronized (this) {
      while (flushing > 0 || !queued.isEmpty()) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        if (left <= 0) {
          return false;
        }
        try {
          wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    return soap.awaitIdle(left) && json.awaitIdle(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
  }

  synchronized void reset() {
    epoch++;
    actions.clear();
    queued.clear();
    produced.clear();
    flushing = 0;
    notifyAll();
    organizationId = null;
    sessions = null;
    shuffle = false;
    nextDuplicates = 0;
    soap.reset();
    json.reset();
    soap.policy(config.outbound());
    json.policy(jsonPolicy(config.outbound()));
  }

  @Override
  public void close() {
    soap.close();
    json.close();
    scheduler.close();
  }
}
