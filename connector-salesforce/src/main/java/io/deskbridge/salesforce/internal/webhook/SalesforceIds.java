package io.deskbridge.salesforce.internal.webhook;

import java.util.regex.Pattern;

/** Salesforce record ids: 15 case-sensitive characters, or 18 with a case-insensitive checksum suffix. */
final class SalesforceIds {
  private static final Pattern ID = Pattern.compile("[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?");
  private static final String SUFFIX_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

  private SalesforceIds() {}

  /** Whether {@code value} is a 15- or 18-character id with this key prefix ({@code 500} for Case, say). */
  static boolean is(String value, String keyPrefix) {
    return value != null && ID.matcher(value).matches() && value.startsWith(keyPrefix);
  }

  /** The first 15 characters, which identify the record (case-sensitive); a shorter value unchanged. */
  static String key(String id) {
    return id.length() > 15 ? id.substring(0, 15) : id;
  }

  /** The 18-character form of a 15- or 18-character id; anything else unchanged. */
  static String to18(String id) {
    if (id == null || id.length() != 15 || !ID.matcher(id).matches()) {
      return id;
    }
    var suffix = new StringBuilder(3);
    for (int chunk = 0; chunk < 3; chunk++) {
      int bits = 0;
      for (int i = 0; i < 5; i++) {
        char c = id.charAt(chunk * 5 + i);
        if (c >= 'A' && c <= 'Z') {
          bits |= 1 << i;
        }
      }
      suffix.append(SUFFIX_CHARS.charAt(bits));
    }
    return id + suffix;
  }
}
