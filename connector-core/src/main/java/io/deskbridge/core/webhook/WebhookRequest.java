package io.deskbridge.core.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A received webhook, independent of the HTTP server that received it.
 *
 * @param method        the HTTP method, upper case
 * @param path          the request path, without the query; past {@code /webhooks/{installation}} it may hold a
 *                      secret path token, so only its first two segments are ever logged
 * @param query         the query parameters, decoded, by name (case matters), values in the order received;
 *                      look them up with {@link #query(String)}. They may hold a secret (a vendor's shared secret
 *                      in the URL), so they are never logged
 * @param headers       header values by name; look them up with {@link #header(String)}, which ignores case
 * @param body          the raw body bytes, exactly as received (signatures are computed over them)
 * @param remoteAddress the IP address of the client that connected (behind a proxy: the proxy's), as text;
 *                      empty when unknown
 * @param receivedAt    when the server received it
 */
public record WebhookRequest(String method, String path, Map<String, List<String>> query,
    Map<String, List<String>> headers, byte[] body, String remoteAddress, Instant receivedAt) {
  public WebhookRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    var params = new LinkedHashMap<String, List<String>>();
    query.forEach((k, v) -> params.put(k, List.copyOf(v)));
    query = Collections.unmodifiableMap(params);
    var folded = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
    headers.forEach((k, v) -> folded.merge(k, List.copyOf(v), (a, b) -> {
      var all = new ArrayList<>(a);
      all.addAll(b);
      return List.copyOf(all);
    }));
    headers = Collections.unmodifiableMap(folded);
    body = body.clone();
    Objects.requireNonNull(remoteAddress, "remoteAddress");
    Objects.requireNonNull(receivedAt, "receivedAt");
  }

  /** A request without query parameters from an unknown address. */
  public WebhookRequest(String method, String path, Map<String, List<String>> headers, byte[] body, Instant receivedAt) {
    this(method, path, Map.of(), headers, body, "", receivedAt);
  }

  /** The first value of a query parameter; the name's case matters. */
  public Optional<String> query(String name) {
    var values = query.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
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

  /**
   * Method, path (its segments past the second shown as {@code ***}: a path token is a secret), body size and
   * client address; never the query (it may hold a secret) nor the body.
   */
  @Override
  public String toString() {
    return method + " " + loggablePath() + " (" + body.length + " bytes)"
        + (remoteAddress.isEmpty() ? "" : " from " + remoteAddress);
  }

  private String loggablePath() {
    int first = path.indexOf('/', 1);
    int second = first < 0 ? -1 : path.indexOf('/', first + 1);
    return second < 0 || second == path.length() - 1 ? path : path.substring(0, second) + "/***";
  }
}
