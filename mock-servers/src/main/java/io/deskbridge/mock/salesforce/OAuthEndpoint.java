package io.deskbridge.mock.salesforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Signature;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /services/oauth2/token} (sf-contract §3): the client-credentials flow (client id and secret in the form
 * or as HTTP Basic) and the JWT bearer flow (an RS256 assertion whose signature is verified with the configured
 * public key by {@link Signature}, {@code iss} = client id, {@code sub} = the integration user's username,
 * {@code aud} = a login URL, {@code exp} in the future on the fake's clock). The access token is a session id.
 * Failures are 400 {@code {"error":"invalid_client"|"invalid_grant"|"unsupported_grant_type",
 * "error_description":…}}. Thread-safe (stateless apart from {@link Sessions}).
 */
final class OAuthEndpoint {
  static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** The answer: HTTP status and JSON body. */
  record Answer(int status, byte[] body) {}

  private final SalesforceFakeConfig config;
  private final Sessions sessions;
  private final String integrationUserId;
  private volatile String baseUrl = "http://localhost";

  OAuthEndpoint(SalesforceFakeConfig config, Sessions sessions, String integrationUserId) {
    this.config = config;
    this.sessions = sessions;
    this.integrationUserId = integrationUserId;
  }

  void baseUrl(String url) {
    this.baseUrl = url;
  }

  Answer token(byte[] body, String authorization) {
    Map<String, String> form = form(new String(body == null ? new byte[0] : body, StandardCharsets.UTF_8));
    String grant = form.get("grant_type");
    if ("client_credentials".equals(grant)) {
      String id = form.get("client_id");
      String secret = form.get("client_secret");
      if (authorization != null && authorization.startsWith("Basic ")) {
        String pair;
        try {
          pair = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return error("invalid_client", "the Authorization header is not valid Basic credentials");
        }
        int colon = pair.indexOf(':');
        id = colon < 0 ? pair : pair.substring(0, colon);
        secret = colon < 0 ? null : pair.substring(colon + 1);
      }
      if (!config.clientId().equals(id) || !config.clientSecret().equals(secret)) {
        return error("invalid_client", "invalid client credentials");
      }
      return granted();
    }
    if (JWT_BEARER.equals(grant)) {
      return jwt(form.get("assertion"));
    }
    return error("unsupported_grant_type", "grant type not supported");
  }

  private Answer jwt(String assertion) {
    if (assertion == null) {
      return error("invalid_grant", "missing assertion");
    }
    String[] parts = assertion.split("\\.", -1);
    if (parts.length != 3) {
      return error("invalid_grant", "invalid assertion");
    }
    JsonNode header;
    JsonNode claims;
    try {
      Base64.Decoder b64 = Base64.getUrlDecoder();
      header = JSON.readTree(b64.decode(parts[0]));
      claims = JSON.readTree(b64.decode(parts[1]));
      if (!"RS256".equals(header.path("alg").asText())) {
        return error("invalid_grant", "invalid assertion: alg must be RS256");
      }
      if (config.jwtPublicKey() == null) {
        return error("invalid_grant", "invalid assertion: no certificate is configured for this client");
      }
      Signature verifier = Signature.getInstance("SHA256withRSA");
      verifier.initVerify(config.jwtPublicKey());
      verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!verifier.verify(b64.decode(parts[2]))) {
        return error("invalid_grant", "invalid assertion: signature verification failed");
      }
    } catch (IllegalArgumentException | java.io.IOException | GeneralSecurityException e) {
      return error("invalid_grant", "invalid assertion");
    }
    if (!config.clientId().equals(claims.path("iss").asText())) {
      return error("invalid_client", "invalid client id");
    }
    String aud = claims.path("aud").asText().replaceAll("/+$", "");
    if (!Set.of(baseUrl, "https://login.salesforce.com", "https://test.salesforce.com").contains(aud)) {
      return error("invalid_grant", "audience is invalid");
    }
    if (!config.integrationUsername().equals(claims.path("sub").asText())) {
      return error("invalid_grant", "user hasn't approved this consumer");
    }
    if (!claims.path("exp").canConvertToLong()
        || claims.path("exp").asLong() <= config.clock().instant().getEpochSecond()) {
      return error("invalid_grant", "expired authorization code");
    }
    return granted();
  }

  private Answer granted() {
    String token = sessions.open(integrationUserId);
    String issuedAt = String.valueOf(config.clock().millis());
    String id = baseUrl + "/id/" + config.orgId() + "/" + integrationUserId;
    ObjectNode out = JSON.createObjectNode().put("access_token", token).put("instance_url", baseUrl).put("id", id)
        .put("token_type", "Bearer").put("issued_at", issuedAt).put("signature", signature(id + issuedAt))
        .put("scope", "api");
    return new Answer(200, bytes(out));
  }

  private static String signature(String text) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
          .digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Answer error(String error, String description) {
    return new Answer(400, bytes(JSON.createObjectNode().put("error", error).put("error_description", description)));
  }

  private static byte[] bytes(JsonNode node) {
    try {
      return JSON.writeValueAsBytes(node);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : body.split("&")) {
      if (!pair.isEmpty()) {
        int eq = pair.indexOf('=');
        out.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
            eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }
}
