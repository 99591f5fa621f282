package io.deskbridge.core.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A received webhook, independent of the HTTP server that received it.
 *
 * @param method     the HTTP method, upper case
 * @param path       the request path
 * @param headers    header values by name; look them up with {@link #header(String)}, which ignores case
 * @param body       the raw body bytes, exactly as received (signatures are computed over them)
 * @param receivedAt when the server received it
 */
public record WebhookRequest(String method, String path, Map<String, List<String>> headers, byte[] body, Instant receivedAt) {
  public WebhookRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    var folded = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> folded.merge(k, List.copyOf(v), (a, b) -> {
      var all = new java.util.ArrayList<>(a);
      all.addAll(b);
      return List.copyOf(all);
    }));
    headers = java.util.Collections.unmodifiableMap(folded);
    body = body.clone();
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /** The first value of a header, ignoring the name's case. */
  public Optional<String> header(String name) {
    var values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The raw body; a copy, so callers may not change the request. */
  @Override
  public byte[] body() {
    return body.clone();
  }

  /** The body decoded as UTF-8. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return method + " " + path + " (" + body.length + " bytes)";
  }
}
