package io.deskbridge.daktela.internal.chat;

import java.net.URI;
import java.util.Locale;

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
    if (!url.isAbsolute() || url.isOpaque() || url.getHost() == null || url.getRawUserInfo() != null
        || url.getRawFragment() != null) {
      return false;
    }
    String s = url.getScheme().toLowerCase(Locale.ROOT);
    return s.equals(scheme) && url.getHost().toLowerCase(Locale.ROOT).equals(host) && port(s, url.getPort()) == port;
  }

  private static int port(String scheme, int port) {
    return port >= 0 ? port : scheme.equals("https") ? 443 : 80;
  }

  @Override
  public String toString() {
    return scheme + "://" + host + ":" + port;
  }
}
