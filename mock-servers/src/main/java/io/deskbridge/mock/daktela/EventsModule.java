package io.deskbridge.mock.daktela;

import io.deskbridge.mock.base.Delivery;
import io.deskbridge.mock.base.DeliveryAttempt;
import io.deskbridge.mock.base.RetryPolicy;
import io.deskbridge.mock.base.RetryPolicy.Retry;
import io.deskbridge.mock.base.WebhookSender;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Daktela's Events module as an admin would set it up for Deskbridge (daktela.md §4.1, §10): each subscription
 * ({@link DaktelaFake.Webhook}) is an "HTTP request" action with a body template per event name, a URL and a shared
 * secret (in a header, or as the {@code secret} query parameter when no header is named). Each change the model
 * reports is rendered ({@code {{ticket.name}}} and friends; values JSON-escaped for a JSON body, URL-encoded for a
 * form body; an unknown variable renders empty) and sent through a {@link WebhookSender}.
 *
 * <p><b>Assumed</b> delivery policy (Daktela publishes none): 10 s timeout, 3 attempts in all, 1 s apart, on any
 * failure; ordered per (subscription, ticket).
 *
 * <p>Thread-safe: subscriptions and switches are guarded by this object's monitor; the sender is thread-safe.
 */
final class EventsModule implements Model.Changes, AutoCloseable {
  private static final Pattern VARIABLE = Pattern.compile("\\{\\{\\s*([a-zA-Z_.]+)\\s*}}");
  static final Duration SHUFFLE_JITTER = Duration.ofMillis(200);

  /** One produced message, kept for redelivery. */
  private record Produced(Delivery delivery, String ticket) {}

  private record Subscription(String id, DaktelaFake.Webhook webhook) {}

  private final RetryPolicy base;
  private final WebhookSender sender;
  private final List<Subscription> subscriptions = new ArrayList<>();
  private final List<Produced> produced = new ArrayList<>();
  private long seq;
  private int nextDuplicates;
  private boolean shuffle;
  private Duration unreachableWindow = Duration.ZERO;
  private int chaosCopies = 1;
  private Duration chaosJitter = Duration.ZERO;

  EventsModule(DaktelaFake.Config config) {
    this.base = config.delivery();
    this.sender = new WebhookSender("daktela-fake-events", base, config.clock());
  }

  /** 10 s timeout, 3 attempts 1 s apart on any failure, ordered per subscription and ticket. */
  static RetryPolicy defaultPolicy() {
    return RetryPolicy.of(Duration.ofSeconds(10), RetryPolicy.Backoff.fixed(Duration.ofSeconds(1)),
        List.of(Retry.anyFailure(3)));
  }

  synchronized String subscribe(DaktelaFake.Webhook webhook) {
    String id = "events_" + (subscriptions.size() + 1);
    subscriptions.add(new Subscription(id, webhook));
    return id;
  }

  @Override
  public synchronized void changed(String event, Map<String, String> variables, String ticket) {
    for (Subscription s : subscriptions) {
      String template = s.webhook().templates().get(event);
      if (template == null) {
        continue;
      }
      DaktelaFake.Webhook w = s.webhook();
      byte[] body = render(template, variables, w.form()).getBytes(StandardCharsets.UTF_8);
      String messageId = event + ":" + ticket + ":" + (++seq);
      URI endpoint = w.secretHeader() == null || w.secretHeader().isBlank() ? withSecret(w.url(), w.secret())
          : w.url();
      Map<String, String> headers = new LinkedHashMap<>();
      headers.put("User-Agent", "Daktela Events");
      if (w.secretHeader() != null && !w.secretHeader().isBlank() && w.secret() != null) {
        headers.put(w.secretHeader(), w.secret());
      }
      Map<String, String> fixed = Map.copyOf(headers);
      Delivery d = new Delivery(s.id(), messageId, ticket, endpoint, "POST",
          w.form() ? "application/x-www-form-urlencoded" : "application/json", body, (inv, now) -> fixed);
      produced.add(new Produced(d, ticket));
      sender.send(d, nextDuplicates + 1);
      nextDuplicates = 0;
    }
  }

  /** Renders {@code {{name}}} variables; values JSON-escaped ({@code form} false) or URL-encoded ({@code form}). */
  static String render(String template, Map<String, String> variables, boolean form) {
    Matcher m = VARIABLE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = variables.getOrDefault(m.group(1), "");
      value = value == null ? "" : value;
      String encoded = form ? URLEncoder.encode(value, StandardCharsets.UTF_8) : Json.escape(value);
      m.appendReplacement(out, Matcher.quoteReplacement(encoded));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The README's templates (dk-contract "Events"): JSON objects, or form bodies with the same field names. */
  static Map<String, String> defaultTemplates(boolean form) {
    Map<String, String> t = new LinkedHashMap<>();
    if (form) {
      t.put("ticket_create", "event=ticket_create&ticket={{ticket.name}}");
      t.put("ticket_update", "event=ticket_update&ticket={{ticket.name}}&user={{ticket.user}}"
          + "&stage={{ticket.stage}}&edited={{ticket.edited}}");
      t.put("activity_create", "event=activity_create&ticket={{activity.ticket}}&activity={{activity.name}}"
          + "&user={{activity.user}}");
    } else {
      t.put("ticket_create", "{\"event\":\"ticket_create\",\"ticket\":\"{{ticket.name}}\"}");
      t.put("ticket_update", "{\"event\":\"ticket_update\",\"ticket\":\"{{ticket.name}}\",\"user\":\"{{ticket.user}}\""
          + ",\"stage\":\"{{ticket.stage}}\",\"edited\":\"{{ticket.edited}}\"}");
      t.put("activity_create", "{\"event\":\"activity_create\",\"ticket\":\"{{activity.ticket}}\","
          + "\"activity\":\"{{activity.name}}\",\"user\":\"{{activity.user}}\"}");
    }
    return Map.copyOf(t);
  }

  private static URI withSecret(URI url, String secret) {
    if (secret == null) {
      return url;
    }
    String s = url.toString();
    return URI.create(s + (url.getRawQuery() == null ? "?" : "&") + "secret="
        + URLEncoder.encode(secret, StandardCharsets.UTF_8));
  }

  synchronized void duplicateNext(int times) {
    if (times < 1) {
      throw new IllegalArgumentException("times must be >= 1, was " + times);
    }
    nextDuplicates = times;
  }

  /** Sends every message produced so far about the ticket again (same bodies, new copies). */
  synchronized void redeliverAll(String ticket) {
    for (Produced p : List.copyOf(produced)) {
      if (p.ticket().equals(ticket)) {
        sender.send(p.delivery(), 1);
      }
    }
  }

  synchronized void shuffle(boolean on) {
    shuffle = on;
    sender.policy(policy());
  }

  synchronized void chaos(int copies, Duration jitter) {
    if (copies < 1 || jitter.isNegative()) {
      throw new IllegalArgumentException("copies must be >= 1 and jitter >= 0, were " + copies + ", " + jitter);
    }
    chaosCopies = copies;
    chaosJitter = jitter;
    sender.policy(policy());
  }

  synchronized void redeliverWhileUnreachable(Duration window) {
    if (window.isNegative()) {
      throw new IllegalArgumentException("window cannot be negative: " + window);
    }
    unreachableWindow = window;
    sender.policy(policy());
  }

  /**
   * The base policy plus the switches: chaos copies and jitter (while shuffling at least 200 ms), and retries of
   * unreachable receivers for the window.
   */
  private RetryPolicy policy() {
    RetryPolicy p = base;
    if (!unreachableWindow.isZero()) {
      long backoff = Math.max(1, base.backoff().initial().toMillis());
      int attempts = (int) Math.min(Integer.MAX_VALUE, unreachableWindow.toMillis() / backoff + 1);
      List<Retry> retries = new ArrayList<>();
      retries.add(Retry.unanswered(attempts));
      retries.addAll(base.retries());
      p = p.withRetries(retries);
    }
    Duration jitter = shuffle && SHUFFLE_JITTER.compareTo(chaosJitter) > 0 ? SHUFFLE_JITTER : chaosJitter;
    return p.withChaos(Math.max(p.copies(), chaosCopies), jitter.isZero() ? p.jitter() : jitter);
  }

  void route(List<URI> endpoints) {
    sender.route(endpoints);
  }

  List<DeliveryAttempt> attempts() {
    return sender.attempts();
  }

  int pending() {
    return sender.pending();
  }

  boolean awaitIdle(Duration timeout) {
    return sender.awaitIdle(timeout);
  }

  synchronized int subscriptions() {
    return subscriptions.size();
  }

  /** Forgets subscriptions, produced messages, attempts and switches; in-flight copies are dropped. */
  synchronized void reset() {
    sender.reset();
    subscriptions.clear();
    produced.clear();
    nextDuplicates = 0;
    shuffle = false;
    unreachableWindow = Duration.ZERO;
    chaosCopies = 1;
    chaosJitter = Duration.ZERO;
    sender.policy(base);
    sender.route(List.of());
  }

  @Override
  public void close() {
    sender.close();
  }
}
