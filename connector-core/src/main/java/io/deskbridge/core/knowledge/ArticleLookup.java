package io.deskbridge.core.knowledge;

import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A back-office lookup an article declares: before the article is given as an answer, the record at {@code path}
 * (relative to the installation's back-office base URL) is read, and the article's {@code {{name.field}}}
 * placeholders are filled from it. A pure value; the reading is {@code io.deskbridge.core.lookup}'s job.
 *
 * @param name the record's name in the answer's placeholders, e.g. {@code order} for {@code {{order.status}}}; a
 *             lower-case identifier
 * @param path the GET path with the key as its one placeholder, e.g. {@code /orders/{order_number}}; starts with
 *             {@code /}
 * @param key  where the key comes from: one of {@link #KEYS} ({@code order_number}, {@code email} and {@code phone}
 *             are facts found in the customer's messages; {@code customer_id} and {@code customer_email} are the
 *             conversation's customer as the helpdesk knows them)
 */
public record ArticleLookup(String name, String path, String key) {

  /** The keys a lookup may use. */
  public static final Set<String> KEYS = Set.of("order_number", "email", "phone", "customer_id", "customer_email");

  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

  /** @throws IllegalArgumentException naming the field and what is expected */
  public ArticleLookup {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(key, "key");
    name = name.strip();
    path = path.strip();
    key = key.strip();
    if (!NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("lookup name must be a lower-case identifier like 'order', got '" + name
          + "'");
    }
    if (!KEYS.contains(key)) {
      throw new IllegalArgumentException("lookup '" + name + "': key must be one of " + String.join(", ",
          KEYS.stream().sorted().toList()) + ", got '" + key + "'");
    }
    if (!path.startsWith("/") || path.contains("://")) {
      throw new IllegalArgumentException("lookup '" + name + "': path must start with '/' (it is relative to the "
          + "back office's base URL), got '" + path + "'");
    }
    var m = PLACEHOLDER.matcher(path);
    int found = 0;
    while (m.find()) {
      if (!m.group(1).equals(key)) {
        throw new IllegalArgumentException("lookup '" + name + "': path may hold only the placeholder {" + key
            + "}, got {" + m.group(1) + "}");
      }
      found++;
    }
    if (found != 1) {
      throw new IllegalArgumentException("lookup '" + name + "': path must hold {" + key + "} once, e.g. /orders/{"
          + key + "}");
    }
  }

  /** The path with {@code encodedKey} (already URL-encoded) in place of the placeholder. */
  public String path(String encodedKey) {
    return path.replace("{" + key + "}", encodedKey);
  }
}
