package io.deskbridge.salesforce.internal.webhook;

import io.deskbridge.core.webhook.WebhookRejectedException;
import io.deskbridge.core.webhook.WebhookRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The checks Outbound Messages allow, since they carry no signature: the source address against an optional
 * CIDR allow-list (403), an optional secret token as the path segment after the installation (401, compared in
 * constant time), and the message's {@code OrganizationId} against the configured organization (401; 15- and
 * 18-character ids compared on their first 15 characters, which are the id, case-sensitive). Thread-safe.
 */
final class SalesforceWebhookVerifier {
  private static final Pattern ORG_ID = Pattern.compile("00D[a-zA-Z0-9]{12}([a-zA-Z0-9]{3})?");
  private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

  private final String organizationId15;
  private final Optional<byte[]> pathToken;
  private final List<Cidr> allowFrom;

  /**
   * @throws IllegalArgumentException naming the setting when the organization id, the token or a CIDR block is
   *         not valid
   */
  SalesforceWebhookVerifier(String organizationId, Optional<String> pathToken, List<String> allowFrom) {
    Objects.requireNonNull(organizationId, "organizationId");
    if (!ORG_ID.matcher(organizationId).matches()) {
      throw new IllegalArgumentException("organizationId must be a Salesforce organization id (00D…, 15 or 18 "
          + "letters and digits), got '" + organizationId + "'");
    }
    this.organizationId15 = organizationId.substring(0, 15);
    this.pathToken = pathToken.map(t -> {
      if (t.isBlank() || t.contains("/")) {
        throw new IllegalArgumentException("webhook.pathToken must be a non-blank URL path segment (no '/')");
      }
      return t.getBytes(StandardCharsets.UTF_8);
    });
    this.allowFrom = allowFrom.stream().map(Cidr::parse).toList();
  }

  /** The source address and path token, checked before the body is read. */
  void verifyTransport(WebhookRequest request) {
    if (!allowFrom.isEmpty()) {
      var address = address(request.remoteAddress());
      if (address.isEmpty() || allowFrom.stream().noneMatch(c -> c.contains(address.get()))) {
        throw WebhookRejectedException.withStatus(403, "source address is not in webhook.allowFrom");
      }
    }
    if (pathToken.isPresent()) {
      byte[] given = token(request.path()).getBytes(StandardCharsets.UTF_8);
      if (!MessageDigest.isEqual(pathToken.get(), given)) {
        throw WebhookRejectedException.unauthorized("missing or wrong path token (POST /webhooks/{installation}/{token})");
      }
    }
  }

  /** The message's organization. */
  void verifyOrganization(SalesforceOutboundMessage message) {
    String given = message.organizationId();
    if (given.length() < 15 || !given.substring(0, 15).equals(organizationId15)) {
      throw WebhookRejectedException.unauthorized("OrganizationId is not this installation's organization");
    }
  }

  /** The path segment after {@code /webhooks/{installation}}, empty when none. */
  static String token(String path) {
    String[] segments = path.split("/", -1); // "", "webhooks", installation, token
    return segments.length >= 4 ? segments[3] : "";
  }

  private static Optional<InetAddress> address(String text) {
    String literal = text.strip();
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    if (!IPV4.matcher(literal).matches() && !literal.contains(":")) {
      return Optional.empty(); // never a host name: that would be a DNS lookup
    }
    try {
      return Optional.of(InetAddress.getByName(literal));
    } catch (UnknownHostException | SecurityException e) {
      return Optional.empty();
    }
  }

  /** An address block such as {@code 13.108.0.0/14} or {@code 2001:db8::/32}; a bare address is a block of one. */
  record Cidr(byte[] network, int prefixLength) {
    static Cidr parse(String text) {
      String block = text == null ? "" : text.strip();
      int slash = block.indexOf('/');
      var address = address(slash < 0 ? block : block.substring(0, slash))
          .orElseThrow(() -> new IllegalArgumentException("webhook.allowFrom: '" + text + "' is not an IP address "
              + "or CIDR block (such as 13.108.0.0/14)"));
      byte[] bytes = address.getAddress();
      int prefix;
      try {
        prefix = slash < 0 ? bytes.length * 8 : Integer.parseInt(block.substring(slash + 1));
      } catch (NumberFormatException e) {
        prefix = -1;
      }
      if (prefix < 0 || prefix > bytes.length * 8) {
        throw new IllegalArgumentException("webhook.allowFrom: '" + text + "' has a prefix length outside 0.."
            + bytes.length * 8);
      }
      return new Cidr(bytes, prefix);
    }

    boolean contains(InetAddress candidate) {
      byte[] bytes = candidate.getAddress();
      if (bytes.length != network.length) {
        return false;
      }
      int full = prefixLength / 8;
      for (int i = 0; i < full; i++) {
        if (bytes[i] != network[i]) {
          return false;
        }
      }
      int rest = prefixLength % 8;
      if (rest == 0) {
        return true;
      }
      int mask = 0xff << (8 - rest) & 0xff;
      return (bytes[full] & mask) == (network[full] & mask);
    }
  }
}
