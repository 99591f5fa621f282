package io.deskbridge.mock.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sforce.soap.partner.Connector;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.SessionHeader_element;
import com.sforce.soap.partner.fault.ExceptionCode;
import com.sforce.soap.partner.fault.UnexpectedErrorFault;
import com.sforce.ws.ConnectorConfig;
import com.sforce.ws.SessionRenewer;
import io.deskbridge.mock.base.SteppedClock;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

/** OAuth tokens as session ids, JWT bearer with a real RS256 signature, and session expiry as wsc's renewer sees it. */
class SalesforceFakeAuthIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private static HttpResponse<String> token(SalesforceFake fake, String form) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/services/oauth2/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static PartnerConnection withSession(SalesforceFake fake, String sessionId) throws Exception {
    ConnectorConfig cfg = new ConnectorConfig();
    cfg.setSessionId(sessionId);
    cfg.setServiceEndpoint(fake.instanceUrl() + "/services/Soap/u/65.0");
    return Connector.newConnection(cfg);
  }

  @Test
  void aClientCredentialsTokenIsASessionIdForTheSdk() throws Exception {
    try (SalesforceFake fake = SalesforceFake.start()) {
      HttpResponse<String> bad = token(fake, "grant_type=client_credentials&client_id=x&client_secret=y");
      assertThat(bad.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(bad.body()).path("error").asText()).isEqualTo("invalid_client");

      HttpResponse<String> ok = token(fake, "grant_type=client_credentials&client_id="
          + enc(fake.config().clientId()) + "&client_secret=" + enc(fake.config().clientSecret()));
      assertThat(ok.statusCode()).isEqualTo(200);
      JsonNode body = JSON.readTree(ok.body());
      assertThat(body.path("instance_url").asText()).isEqualTo(fake.instanceUrl());
      assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
      assertThat(body.path("id").asText()).endsWith("/" + fake.orgId() + "/" + fake.integrationUserId());

      PartnerConnection pc = withSession(fake, body.path("access_token").asText());
      assertThat(pc.getUserInfo().getUserId()).isEqualTo(fake.integrationUserId());
      assertThat(fake.unmatchedRequests()).isEmpty();
    }
  }

  @Test
  void aJwtBearerAssertionIsVerifiedWithTheConfiguredKey() throws Exception {
    KeyPairGenerator gen = KeyPairGenerator.getInstance("RSA");
    gen.initialize(2048);
    KeyPair keys = gen.generateKeyPair();
    KeyPair other = gen.generateKeyPair();
    SteppedClock clock = new SteppedClock(Instant.parse("2026-06-09T08:00:00Z"));
    try (SalesforceFake fake = SalesforceFake.start(SalesforceFakeConfig.defaults()
        .withJwtPublicKey(keys.getPublic()).withClock(clock))) {
      long exp = clock.instant().plusSeconds(180).getEpochSecond();
      String claims = "{\"iss\":\"" + fake.config().clientId() + "\",\"sub\":\"" + fake.config().integrationUsername()
          + "\",\"aud\":\"" + fake.baseUrl() + "\",\"exp\":" + exp + "}";

      HttpResponse<String> ok = token(fake, "grant_type=" + enc(OAuthEndpoint.JWT_BEARER) + "&assertion="
          + jwt(claims, keys.getPrivate()));
      assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
      PartnerConnection pc = withSession(fake, JSON.readTree(ok.body()).path("access_token").asText());
      assertThat(pc.getUserInfo().getUserName()).isEqualTo(fake.config().integrationUsername());

      HttpResponse<String> forged = token(fake, "grant_type=" + enc(OAuthEndpoint.JWT_BEARER) + "&assertion="
          + jwt(claims, other.getPrivate()));
      assertThat(forged.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(forged.body()).path("error").asText()).isEqualTo("invalid_grant");

      clock.advance(Duration.ofMinutes(4));
      HttpResponse<String> expired = token(fake, "grant_type=" + enc(OAuthEndpoint.JWT_BEARER) + "&assertion="
          + jwt(claims, keys.getPrivate()));
      assertThat(expired.statusCode()).isEqualTo(400);
      assertThat(JSON.readTree(expired.body()).path("error_description").asText()).contains("expired");
    }
  }

  private static String jwt(String claims, PrivateKey key) throws Exception {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String signingInput = b64.encodeToString("{\"alg\":\"RS256\"}".getBytes(StandardCharsets.UTF_8)) + "."
        + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
    Signature s = Signature.getInstance("SHA256withRSA");
    s.initSign(key);
    s.update(signingInput.getBytes(StandardCharsets.US_ASCII));
    return signingInput + "." + b64.encodeToString(s.sign());
  }

  @Test
  void anExpiredSessionGetsTheExactFaultWscsRenewerReactsTo() throws Exception {
    try (SalesforceFake fake = SalesforceFake.start()) {
      AtomicInteger renewals = new AtomicInteger();
      ConnectorConfig cfg = new ConnectorConfig();
      cfg.setSessionId(fake.issueAccessToken());
      cfg.setServiceEndpoint(fake.instanceUrl() + "/services/Soap/u/64.0/00D5g000000ABCD");
      PartnerConnection[] holder = new PartnerConnection[1];
      cfg.setSessionRenewer(config -> {
        renewals.incrementAndGet();
        String fresh = fake.issueAccessToken();
        config.setSessionId(fresh);
        holder[0].setSessionHeader(fresh); // the known fix: the connection keeps the old header otherwise
        SessionRenewer.SessionRenewalHeader h = new SessionRenewer.SessionRenewalHeader();
        h.name = new QName("urn:partner.soap.sforce.com", "SessionHeader");
        SessionHeader_element e = new SessionHeader_element();
        e.setSessionId(fresh);
        h.headerElement = e;
        return h;
      });
      holder[0] = Connector.newConnection(cfg);
      holder[0].getUserInfo();

      fake.expireSessions();
      assertThat(holder[0].getUserInfo().getUserId()).isEqualTo(fake.integrationUserId());
      assertThat(renewals).hasValue(1);
      holder[0].getUserInfo();
      assertThat(renewals).as("the renewed header is kept").hasValue(1);

      fake.expireSessionsAfterCalls(1);
      holder[0].getUserInfo();
      holder[0].getUserInfo();
      assertThat(renewals).hasValue(2);
      assertThat(fake.journal().calls()).extracting(c -> c.status())
          .containsExactly(200, 500, 200, 200, 200, 500, 200);
    }
  }

  @Test
  void withoutARenewerTheFaultIsInvalidSessionIdWithTheIllegalSessionText() throws Exception {
    try (SalesforceFake fake = SalesforceFake.start()) {
      PartnerConnection pc = withSession(fake, "00D5g000000ABCD!AQnot-a-session");
      assertThatThrownBy(pc::getUserInfo).isInstanceOfSatisfying(UnexpectedErrorFault.class, f -> {
        assertThat(f.getExceptionCode()).isEqualTo(ExceptionCode.INVALID_SESSION_ID);
        assertThat(f.getFaultCode().getLocalPart()).isEqualTo("INVALID_SESSION_ID");
        assertThat(f.getExceptionMessage()).isEqualTo("Invalid Session ID found in SessionHeader: Illegal Session");
      });
      HttpResponse<String> raw = HTTP.send(HttpRequest.newBuilder(URI.create(fake.baseUrl()
          + "/services/Soap/u/64.0/00D5g000000ABCD")).header("Content-Type", "text/xml; charset=UTF-8")
          .header("SOAPAction", "\"\"").POST(HttpRequest.BodyPublishers.ofString(
              "<env:Envelope xmlns:env=\"http://schemas.xmlsoap.org/soap/envelope/\"><env:Header><SessionHeader "
              + "xmlns=\"urn:partner.soap.sforce.com\"><sessionId>expired</sessionId></SessionHeader></env:Header>"
              + "<env:Body><m:getUserInfo xmlns:m=\"urn:partner.soap.sforce.com\"/></env:Body></env:Envelope>"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(raw.statusCode()).isEqualTo(500);
      assertThat(raw.body()).contains("<faultcode>sf:INVALID_SESSION_ID</faultcode><faultstring>INVALID_SESSION_ID: "
          + "Invalid Session ID found in SessionHeader: Illegal Session</faultstring>")
          .contains("xsi:type=\"sf:UnexpectedErrorFault\"");
    }
  }

  @Test
  void sessionsExpireAfterInactivityOnTheFakesClock() throws Exception {
    SteppedClock clock = new SteppedClock(Instant.parse("2026-06-09T08:00:00Z"));
    try (SalesforceFake fake = SalesforceFake.start(SalesforceFakeConfig.defaults().withClock(clock))) {
      PartnerConnection pc = withSession(fake, fake.issueAccessToken());
      pc.getUserInfo();
      clock.advance(Duration.ofMinutes(119));
      pc.getUserInfo();
      clock.advance(Duration.ofMinutes(121));
      assertThatThrownBy(pc::getUserInfo).isInstanceOf(UnexpectedErrorFault.class);
    }
  }
}
