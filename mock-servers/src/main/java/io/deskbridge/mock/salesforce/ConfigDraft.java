package io.deskbridge.mock.salesforce;

import io.deskbridge.mock.base.RetryPolicy;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** A mutable copy of a {@link SalesforceFakeConfig}, so each wither changes one field. Not thread-safe. */
final class ConfigDraft {
  String orgId;
  String integrationUsername;
  String password;
  String securityToken;
  String clientId;
  String clientSecret;
  PublicKey jwtPublicKey;
  List<String> queues;
  Set<String> queuesNotForCases;
  String defaultCaseOwnerQueue;
  int dailyApiLimit;
  String orgWideAddress;
  Clock clock;
  int port;
  RetryPolicy outbound;
  boolean omForIntegrationUser;
  String loginRetiredFaultCode;
  Duration sessionTimeout;
  Duration outboundBatchWindow;

  ConfigDraft(SalesforceFakeConfig c) {
    orgId = c.orgId();
    integrationUsername = c.integrationUsername();
    password = c.password();
    securityToken = c.securityToken();
    clientId = c.clientId();
    clientSecret = c.clientSecret();
    jwtPublicKey = c.jwtPublicKey();
    queues = c.queues();
    queuesNotForCases = c.queuesNotForCases();
    defaultCaseOwnerQueue = c.defaultCaseOwnerQueue();
    dailyApiLimit = c.dailyApiLimit();
    orgWideAddress = c.orgWideAddress();
    clock = c.clock();
    port = c.port();
    outbound = c.outbound();
    omForIntegrationUser = c.omForIntegrationUser();
    loginRetiredFaultCode = c.loginRetiredFaultCode();
    sessionTimeout = c.sessionTimeout();
    outboundBatchWindow = c.outboundBatchWindow();
  }

  SalesforceFakeConfig build() {
    return new SalesforceFakeConfig(orgId, integrationUsername, password, securityToken, clientId, clientSecret,
        jwtPublicKey, queues, queuesNotForCases, defaultCaseOwnerQueue, dailyApiLimit, orgWideAddress, clock, port,
        outbound, omForIntegrationUser, loginRetiredFaultCode, sessionTimeout, outboundBatchWindow);
  }

  void integrationUser(String username, String pw, String token) {
    integrationUsername = username;
    password = pw;
    securityToken = token;
  }

  void client(String id, String secret) {
    clientId = id;
    clientSecret = secret;
  }

  /** The queues; the first becomes the default owner of new Cases. */
  void queues(String... names) {
    queues = List.of(names);
    defaultCaseOwnerQueue = names[0];
  }

  void notForCases(String name) {
    Set<String> not = new HashSet<>(queuesNotForCases);
    not.add(name);
    queuesNotForCases = not;
  }

  /** The Config's validation. @throws IllegalArgumentException or NullPointerException naming the field */
  static void check(String orgId, String integrationUsername, String password, String securityToken,
      String clientId, String clientSecret, List<String> queues, String defaultCaseOwnerQueue, int dailyApiLimit,
      String orgWideAddress, Clock clock, int port, RetryPolicy outbound, String loginRetiredFaultCode,
      Duration sessionTimeout, Duration outboundBatchWindow) {
    Objects.requireNonNull(orgId, "orgId");
    Objects.requireNonNull(integrationUsername, "integrationUsername");
    Objects.requireNonNull(password, "password");
    Objects.requireNonNull(securityToken, "securityToken");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(clientSecret, "clientSecret");
    Objects.requireNonNull(orgWideAddress, "orgWideAddress");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(outbound, "outbound");
    Objects.requireNonNull(loginRetiredFaultCode, "loginRetiredFaultCode");
    if (!orgId.matches("00D[A-Za-z0-9]{15}") || !queues.contains(defaultCaseOwnerQueue) || dailyApiLimit < 1
        || port < 0 || port > 65535 || sessionTimeout.isNegative() || outboundBatchWindow.isNegative()) {
      throw new IllegalArgumentException("invalid Salesforce fake configuration: orgId " + orgId
          + " (00D + 15), default queue " + defaultCaseOwnerQueue + " in " + queues + ", dailyApiLimit "
          + dailyApiLimit + ", port " + port);
    }
  }

  static String describe(SalesforceFakeConfig c) {
    return "Config[orgId=" + c.orgId() + ", integrationUsername=" + c.integrationUsername() + ", password=***"
        + ", securityToken=***, clientId=" + c.clientId() + ", clientSecret=***, queues=" + c.queues()
        + ", queuesNotForCases=" + c.queuesNotForCases() + ", defaultCaseOwnerQueue=" + c.defaultCaseOwnerQueue()
        + ", dailyApiLimit=" + c.dailyApiLimit() + ", orgWideAddress=" + c.orgWideAddress() + ", port=" + c.port()
        + ", omForIntegrationUser=" + c.omForIntegrationUser() + "]";
  }
}
