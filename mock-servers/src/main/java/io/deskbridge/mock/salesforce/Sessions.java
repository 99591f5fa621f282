package io.deskbridge.mock.salesforce;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Session ids (from login or the OAuth token endpoint, which are the same thing) and their expiry: after
 * {@code timeout} of inactivity on the fake's clock, all at once by {@link #expireAll()}, or all after the next
 * {@code n} calls ({@link #expireAfterCalls(int)}). Thread-safe: every method is synchronized.
 */
final class Sessions {
  private static final String CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._";

  private record Session(String userId, Instant lastUsed) {}

  private final String orgId15;
  private final Clock clock;
  private final Duration timeout;
  private final SecureRandom random = new SecureRandom();
  private final Map<String, Session> sessions = new HashMap<>();
  private int expireAfter = -1;

  Sessions(String orgId, Clock clock, Duration timeout) {
    this.orgId15 = orgId.substring(0, 15);
    this.clock = clock;
    this.timeout = timeout;
  }

  /** A new session for {@code userId}: {@code 00D…!AQ…}, as Salesforce's look. */
  synchronized String open(String userId) {
    StringBuilder id = new StringBuilder(orgId15).append("!AQ");
    for (int i = 0; i < 96; i++) {
      id.append(CHARS.charAt(random.nextInt(CHARS.length())));
    }
    sessions.put(id.toString(), new Session(userId, clock.instant()));
    return id.toString();
  }

  /**
   * The user of a live session, counting the call towards {@link #expireAfterCalls}; null when the id is unknown or
   * expired (the caller answers INVALID_SESSION_ID).
   */
  synchronized String use(String sessionId) {
    if (expireAfter == 0) {
      sessions.clear();
      expireAfter = -1;
    }
    Session s = sessionId == null ? null : sessions.get(sessionId);
    Instant now = clock.instant();
    if (s == null || Duration.between(s.lastUsed(), now).compareTo(timeout) > 0) {
      if (s != null) {
        sessions.remove(sessionId);
      }
      return null;
    }
    sessions.put(sessionId, new Session(s.userId(), now));
    if (expireAfter > 0) {
      expireAfter--;
    }
    return s.userId();
  }

  synchronized void expireAll() {
    sessions.clear();
    expireAfter = -1;
  }

  /** Every session now open or opened later expires once {@code n} more calls have been served (0: at once). */
  synchronized void expireAfterCalls(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n must be >= 0, was " + n);
    }
    expireAfter = n;
  }

  int timeoutSeconds() {
    return (int) timeout.toSeconds();
  }

  synchronized void reset() {
    sessions.clear();
    expireAfter = -1;
  }
}
