package io.deskbridge.daktela.internal.chat;

import io.deskbridge.core.webhook.LogSafe;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * The configured Daktela instance's origin (scheme, host, port): the only place the connector posts to. A
 * {@code response_url} comes in the request body, so anyone holding the token could otherwise make the connector
 * post to any address (server-side request forgery); one on another origin, with user information, or not absolute
 * is refused. Immutable.
 */
record DaktelaChatHost(String scheme, String host, int port) {
  static DaktelaChatHost of(URI instance) {
    String scheme = instance.getScheme().toLowerCase(Locale.ROOT);
    return new DaktelaChatHost(scheme, instance.getHost().toLowerCase(Locale.ROOT), port(scheme, instance.getPort()));
  }

  /** Whether {@code url} is on this origin. */
  boolean holds(URI url) {
    return problem(url).isEmpty();
  }

  /**
   * Why {@code url} is not on this origin, for a 400 or an error message; empty when it is. The host is compared as
   * written, ignoring case only: a trailing dot, another spelling of an IP address or a name that resolves to the
   * same address is another host. The reason shows the scheme, host and port found, never user information, path
   * or query (a {@code response_url} may carry a secret).
   */
  Optional<String> problem(URI url) {
    if (!url.isAbsolute() || url.isOpaque()) {
      return Optional.of("is not an absolute http(s) URL");
    }
    if (url.getRawUserInfo() != null) {
      return Optional.of("carries user information (a name before '@')");
    }
    if (url.getHost() == null) {
      return Optional.of("has no host name that can be read");
    }
    if (url.getRawFragment() != null) {
      return Optional.of("carries a fragment ('#')");
    }
    String s = url.getScheme().toLowerCase(Locale.ROOT);
    if (!s.equals(scheme)) {
      return Optional.of("uses scheme '" + LogSafe.of(s) + "', not '" + scheme + "'");
    }
    String h = url.getHost().toLowerCase(Locale.ROOT);
    if (!h.equals(host)) {
      return Optional.of("is on host '" + LogSafe.of(h) + "', not '" + host + "'");
    }
    int p = port(s, url.getPort());
    return p == port ? Optional.empty() : Optional.of("is on port " + p + ", not " + port);
  }

  private static int port(String scheme, int port) {
    return port >= 0 ? port : scheme.equals("https") ? 443 : 80;
  }

  @Override
  public String toString() {
    return scheme + "://" + host + ":" + port;
  }
}
