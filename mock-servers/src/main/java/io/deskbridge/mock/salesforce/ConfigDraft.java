package io.deskbridge.mock.salesforce;

import io.deskbridge.mock.base.RetryPolicy;
import java.security.PublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/** A mutable copy of a {@link SalesforceFake.Config}, so each wither changes one field. Not thread-safe. */
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

  ConfigDraft(SalesforceFake.Config c) {
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

  SalesforceFake.Config build() {
    return new SalesforceFake.Config(orgId, integrationUsername, password, securityToken, clientId, clientSecret,
        jwtPublicKey, queues, queuesNotForCases, defaultCaseOwnerQueue, dailyApiLimit, orgWideAddress, clock, port,
        outbound, omForIntegrationUser, loginRetiredFaultCode, sessionTimeout, outboundBatchWindow);
  }
}
