package io.deskbridge.salesforce.internal.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.fault.ApiFault;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.SoapFaultException;
import io.deskbridge.core.error.VendorErrors;
import io.deskbridge.core.error.VendorException;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Runs the configured flow and returns a session: OAuth client credentials or JWT bearer against
 * {@code /services/oauth2/token} (java.net.http; the access token is the session id, the calls go to the token's
 * {@code instance_url}), or SOAP {@code login()} through force-wsc against {@code /services/Soap/u/{apiVersion}} (the
 * calls go to the {@code serverUrl} it returns). Failures are {@link VendorException}s whose message names the
 * settings to fix; a refusal is {@link VendorException.Kind#AUTH}. Thread-safe.
 */
public final class SalesforceLogin {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * A session.
   *
   * @param sessionId       the session id (an OAuth access token or login()'s sessionId); never printed
   * @param serviceEndpoint the partner SOAP endpoint the calls go to, {@code …/services/Soap/u/{v}/{orgId15}}
   */
  public record Session(String sessionId, String serviceEndpoint) {
    public Session {
      Objects.requireNonNull(sessionId, "sessionId");
      Objects.requireNonNull(serviceEndpoint, "serviceEndpoint");
    }

    @Override
    public String toString() {
      return "Session[****, " + serviceEndpoint + "]";
    }
  }

  private final SalesforceAuth auth;
  private final URI instanceUrl;
  private final String apiVersion;
  private final String organizationId15;
  private final String settingsPath;
  private final Duration connectTimeout;
  private final Duration readTimeout;
  private final Clock clock;
  private final HttpClient http;
  private final PrivateKey jwtKey;

  /**
   * @param instanceUrl    the org's My Domain URL, used when the token answer names none
   * @param apiVersion     e.g. {@code 64.0}
   * @param organizationId the org's id (15 or 18 characters); its first 15 end the service endpoint
   * @param settingsPath   where the settings are, e.g. {@code installations[acme].settings}, named in errors
   */
  public SalesforceLogin(SalesforceAuth auth, URI instanceUrl, String apiVersion, String organizationId,
      String settingsPath, Duration connectTimeout, Duration readTimeout, Clock clock) {
    this.auth = Objects.requireNonNull(auth, "auth");
    this.instanceUrl = instanceUrl;
    this.apiVersion = apiVersion;
    this.organizationId15 = organizationId.substring(0, 15);
    this.settingsPath = settingsPath;
    this.connectTimeout = connectTimeout;
    this.readTimeout = readTimeout;
    this.clock = clock;
    this.http = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
        .build();
    this.jwtKey = auth instanceof SalesforceAuth.JwtBearer jwt ? SalesforceJwtAssertion.privateKey(jwt.privateKey().reveal()) : null;
  }

  /** The SOAP auth endpoint, {@code {loginUrl}/services/Soap/u/{apiVersion}}: set explicitly on every connection. */
  public String authEndpoint() {
    return base(auth.loginUrl()) + "/services/Soap/u/" + apiVersion;
  }

  /** Authenticates once. */
  public Session authenticate() {
    if (auth instanceof SalesforceAuth.ClientCredentials cc) {
      var form = new LinkedHashMap<String, String>();
      form.put("grant_type", "client_credentials");
      form.put("client_id", cc.clientId());
      form.put("client_secret", cc.clientSecret().reveal());
      return token(form, "client credentials", "set " + settingsPath + ".auth.clientId and " + settingsPath
          + ".auth.clientSecret to the External Client App's consumer key and secret, enable its client credentials "
          + "flow with a run-as user, and make " + settingsPath + ".auth.loginUrl (default instanceUrl) the My Domain URL");
    }
    if (auth instanceof SalesforceAuth.JwtBearer jwt) {
      var form = new LinkedHashMap<String, String>();
      form.put("grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer");
      form.put("assertion", SalesforceJwtAssertion.sign(jwt.clientId(), jwt.username(), base(jwt.loginUrl()), clock.instant(),
          jwtKey));
      return token(form, "JWT bearer assertion for " + jwt.username(), "check " + settingsPath + ".auth.clientId, "
          + settingsPath + ".auth.username and " + settingsPath + ".auth.privateKeyFile (its certificate must be the "
          + "app's), that the user is pre-authorised for the app, and " + settingsPath + ".auth.loginUrl (the audience)");
    }
    return login((SalesforceAuth.Password) auth);
  }

  private Session token(Map<String, String> form, String what, String fix) {
    URI endpoint = URI.create(base(auth.loginUrl()) + "/services/oauth2/token");
    String body = form.entrySet().stream()
        .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
    var request = HttpRequest.newBuilder(endpoint).timeout(readTimeout)
        .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw VendorErrors.forIo("Salesforce token request to " + endpoint + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw VendorErrors.forIo("interrupted while requesting a Salesforce token", e);
    }
    JsonNode json;
    try {
      json = JSON.readTree(response.body());
    } catch (IOException e) {
      json = null;
    }
    int status = response.statusCode();
    if (status == 200 && json != null && json.hasNonNull("access_token")) {
      String instance = json.hasNonNull("instance_url") ? json.get("instance_url").asText() : base(instanceUrl);
      return new Session(json.get("access_token").asText(),
          base(URI.create(instance)) + "/services/Soap/u/" + apiVersion + "/" + organizationId15);
    }
    String error = json != null && json.hasNonNull("error") ? json.get("error").asText() : "";
    String description = json != null && json.hasNonNull("error_description") ? json.get("error_description").asText()
        : "";
    if (status == 400 || status == 401) {
      throw new VendorException(VendorException.Kind.AUTH, "Salesforce refused the " + what + " (" + error
          + (description.isEmpty() ? "" : ": " + description) + "): " + fix, null);
    }
    if (status == 404) {
      throw new VendorException(VendorException.Kind.NOT_FOUND, endpoint + " is not a Salesforce token endpoint "
          + "(HTTP 404): set " + settingsPath + ".auth.loginUrl (default " + settingsPath + ".instanceUrl) to the org's "
          + "My Domain URL", null);
    }
    throw VendorErrors.forStatus(status, "Salesforce token request failed" + (error.isEmpty() ? "" : " (" + error + ")"),
        null, null);
  }

  private Session login(SalesforceAuth.Password p) {
    var config = new ConnectorConfig();
    config.setAuthEndpoint(authEndpoint());
    config.setServiceEndpoint(authEndpoint());
    config.setManualLogin(true);
    config.setConnectionTimeout((int) connectTimeout.toMillis());
    config.setReadTimeout((int) readTimeout.toMillis());
    try {
      var result = new PartnerConnection(config).login(p.username(),
          p.password().reveal() + (p.securityToken() == null ? "" : p.securityToken().reveal()));
      return new Session(result.getSessionId(), result.getServerUrl());
    } catch (ApiFault f) {
      String code = f.getExceptionCode() == null ? "" : f.getExceptionCode().name();
      throw loginRefused(code, f.getExceptionMessage(), f);
    } catch (SoapFaultException f) {
      throw loginRefused(f.getFaultCode() == null ? "" : f.getFaultCode().getLocalPart(), f.getMessage(), f);
    } catch (ConnectionException e) {
      throw VendorErrors.forIo("Salesforce login() at " + authEndpoint() + " failed: " + e, e);
    }
  }

  private VendorException loginRefused(String code, String message, Throwable cause) {
    String said = code + (message == null || message.isBlank() ? "" : ": " + message);
    if (code.equals("INVALID_OPERATION") || code.equals("INSUFFICIENT_ACCESS") || code.equals("API_DISABLED_FOR_ORG")) {
      return new VendorException(VendorException.Kind.AUTH, "Salesforce refused login() at API " + apiVersion + " ("
          + said + "): SOAP login() is being retired (not available from API 65.0, off by default in orgs created "
          + "from Winter '26); use " + settingsPath + ".auth.flow client-credentials or jwt-bearer (or, for now, "
          + settingsPath + ".apiVersion 64.0 in an org that still allows login())", cause);
    }
    return new VendorException(VendorException.Kind.AUTH, "Salesforce refused the login of " + username() + " (" + said
        + "): check " + settingsPath + ".auth.username, .auth.password and .auth.securityToken (reset it in the "
        + "user's settings)", cause);
  }

  private String username() {
    return auth instanceof SalesforceAuth.Password p ? p.username() : "";
  }

  private static String base(URI uri) {
    return uri.toString().replaceAll("/+$", "");
  }
}
