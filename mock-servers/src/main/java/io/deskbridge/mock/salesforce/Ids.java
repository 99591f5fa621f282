package io.deskbridge.mock.salesforce;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Salesforce-shaped ids: 18 characters {@code [a-zA-Z0-9]}, a 3-character key prefix, and the case-safe suffix
 * Salesforce computes from the 15-character form (one character per 5, a bit per upper-case letter). Thread-safe.
 */
final class Ids {
  private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String SUFFIX = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

  private final AtomicLong counter = new AtomicLong(1_000);

  /** A new 18-character id with this key prefix (pod {@code 5g}, as in the contract's examples). */
  String next(String prefix) {
    long n = counter.getAndIncrement();
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < 10; i++) {
      body.insert(0, BASE62.charAt((int) (n % 62)));
      n /= 62;
    }
    return to18(prefix + "5g" + body);
  }

  void reset() {
    counter.set(1_000);
  }

  /** The 18-character form of a 15-character id. */
  static String to18(String id15) {
    if (id15.length() != 15) {
      throw new IllegalArgumentException("not a 15-character id: " + id15);
    }
    StringBuilder out = new StringBuilder(id15);
    for (int chunk = 0; chunk < 3; chunk++) {
      int bits = 0;
      for (int i = 0; i < 5; i++) {
        char c = id15.charAt(chunk * 5 + i);
        if (c >= 'A' && c <= 'Z') {
          bits |= 1 << i;
        }
      }
      out.append(SUFFIX.charAt(bits));
    }
    return out.toString();
  }

  /** True for a well-formed 15- or 18-character id. */
  static boolean wellFormed(String id) {
    return id != null && (id.length() == 15 || id.length() == 18) && id.chars().allMatch(
        c -> c < 128 && Character.isLetterOrDigit(c));
  }

  /** Ids compared as Salesforce does: on the first 15 characters (case-sensitive). */
  static String key(String id) {
    return id == null || id.length() < 15 ? id : id.substring(0, 15);
  }
}
