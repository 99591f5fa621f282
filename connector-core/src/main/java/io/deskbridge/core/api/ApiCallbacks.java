package io.deskbridge.core.api;

import io.deskbridge.core.store.ConversationApiStore;
import io.deskbridge.core.store.ConversationApiStore.Callback;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the signed callbacks: for each message of an installation with a {@code callbackUrl}, once the engine is
 * done with its event, POSTs the answer (the body a synchronous POST gets) with {@code Deskbridge-Timestamp} (Unix
 * seconds) and {@code Deskbridge-Signature: v1=<hex HMAC-SHA256 of "timestamp.body" with callbackSecret>}, and
 * {@code Deskbridge-Delivery} (the callback's id, the same on every attempt). A non-2xx answer or no answer is retried
 * after {@code callbackRetryDelay}, doubled each time up to 10 minutes, {@code callbackMaxAttempts} times in all.
 * The callbacks are rows of the store, so a restart (or another process sharing it) carries on with them. One daemon
 * thread; thread-safe.
 */
final class ApiCallbacks implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ApiCallbacks.class);
  private static final Duration IDLE = Duration.ofMillis(200);
  private static final Duration LOCK = Duration.ofSeconds(30);
  private static final Duration LONGEST_WAIT = Duration.ofMinutes(10);

  /** The answer a callback carries, and whether there is one yet. */
  interface Answers {
    /** Whether the engine is done with the message's event (one that never reached it is handed to it again). */
    boolean done(String installation, String conversationId, String messageId, String eventId);

    /** The answer as JSON: (installation, conversation, message, event). */
    String answer(String installation, String conversationId, String messageId, String eventId);
  }

  private final ConversationApiStore store;
  private final Function<String, Optional<ApiSettings.Callback>> settings;
  private final Answers answers;
  private final Clock clock;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private final Thread thread;

  ApiCallbacks(ConversationApiStore store, Function<String, Optional<ApiSettings.Callback>> settings, Answers answers,
      Clock clock) {
    this.store = store;
    this.settings = settings;
    this.answers = answers;
    this.clock = clock;
    this.thread = new Thread(this::loop, "deskbridge-api-callbacks");
    thread.setDaemon(true);
    thread.start();
  }

  /** The signature header's value for a body sent at {@code timestamp} (Unix seconds). */
  static String signature(String secret, long timestamp, String body) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return "v1=" + HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /** New work may be due: a message was stored. */
  void wake() {
    lock.lock();
    try {
      work.signalAll();
    } finally {
      lock.unlock();
    }
  }

  private void loop() {
    while (running.get()) {
      boolean busy = false;
      try {
        var now = clock.instant();
        for (var callback : store.claimCallbacks(now, now.plus(LOCK), 20)) {
          busy = true;
          deliver(callback);
        }
      } catch (RuntimeException e) {
        log.warn("api callbacks: {}", e.toString());
      }
      if (!busy) {
        lock.lock();
        try {
          if (running.get()) {
            work.await(IDLE.toMillis(), TimeUnit.MILLISECONDS);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } finally {
          lock.unlock();
        }
      }
    }
  }

  private void deliver(Callback callback) {
    var config = settings.apply(callback.installation());
    Instant now = clock.instant();
    if (config.isEmpty()) {
      store.callbackRetry(callback.id(), false, "installation has no callbackUrl any more", now, true);
      return;
    }
    if (!answers.done(callback.installation(), callback.conversationId(), callback.messageId(), callback.eventId())) {
      store.callbackRetry(callback.id(), false, null, now.plus(IDLE), false);
      return;
    }
    var c = config.get();
    String body = answers.answer(callback.installation(), callback.conversationId(), callback.messageId(),
        callback.eventId());
    long timestamp = now.getEpochSecond();
    String error;
    try {
      var response = http.send(HttpRequest.newBuilder(c.url()).timeout(Duration.ofSeconds(10))
          .header("Content-Type", "application/json")
          .header("Deskbridge-Timestamp", Long.toString(timestamp))
          .header("Deskbridge-Signature", signature(c.secret().reveal(), timestamp, body))
          .header("Deskbridge-Delivery", Long.toString(callback.id()))
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() / 100 == 2) {
        store.callbackDone(callback.id());
        return;
      }
      error = "HTTP " + response.statusCode();
    } catch (java.io.IOException e) {
      error = e.toString();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      error = "interrupted";
    }
    int attempts = callback.attempts() + 1;
    boolean giveUp = attempts >= c.maxAttempts();
    var wait = c.retryDelay().multipliedBy(1L << Math.min(attempts - 1, 20));
    wait = wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    if (giveUp) {
      log.warn("api callback {} for {} message {} failed {} times, given up: {}", callback.id(),
          callback.conversationId(), callback.messageId(), attempts, error);
    } else {
      log.info("api callback {} failed ({}), trying again in {} ms", callback.id(), error, wait.toMillis());
    }
    store.callbackRetry(callback.id(), true, error, clock.instant().plus(wait), giveUp);
  }

  @Override
  public void close() {
    running.set(false);
    wake();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
