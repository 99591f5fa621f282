package io.deskbridge.salesforce;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.contract.OffsetClock;
import io.deskbridge.core.contract.VendorFixture;
import io.deskbridge.core.engine.Routing;
import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.ConnectorContext;
import io.deskbridge.mock.base.RetryPolicy;
import io.deskbridge.mock.salesforce.OutboundMessages;
import io.deskbridge.mock.salesforce.SalesforceFake;
import io.deskbridge.mock.salesforce.SalesforceFakeConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contract kit's view of the Salesforce fake: Cases are conversations, CaseComments and EmailMessages (and
 * FeedItems, when notes go to the feed) are their messages, queues are groups, and {@code Case.OwnerId} says who
 * owns a Case. Faults are SOAP faults with Salesforce's exception codes; every count comes from the fake's journal.
 */
final class SalesforceFixture implements VendorFixture {
  /** The queue new Cases land in and the bot owns; never a routing target. */
  static final String BOT_QUEUE = "Bot_Intake";
  /** The kit's routing groups (contract-kb articles name Billing, Shipping, Accounts), plus the default. */
  static final List<String> QUEUES = List.of(BOT_QUEUE, "Tier1", "Billing", "Shipping", "Accounts", "Tier2");
  static final String DEFAULT_QUEUE = "Tier1";
  static final String CUSTOMER_EMAIL = "ann@example.com";

  final SalesforceFake fake;
  final OffsetClock clock = new OffsetClock();
  private final String origin;
  private final Map<String, Object> overrides;

  /** Cases opened on the web form (Origin {@code Web}): replies are published CaseComments. */
  SalesforceFixture() {
    this("Web", Map.of());
  }

  /**
   * @param origin    the Origin of the Cases customers open: {@code Web} (the Description is the opening, customers
   *                  write published comments) or {@code Email} (Email-to-Case: the opening and later customer
   *                  messages are incoming EmailMessages, the bot replies with {@code sendEmail})
   * @param overrides connector settings replacing the defaults below (top-level keys)
   */
  SalesforceFixture(String origin, Map<String, Object> overrides) {
    this(origin, overrides, SalesforceFakeConfig.defaults());
  }

  SalesforceFixture(String origin, Map<String, Object> overrides, SalesforceFakeConfig config) {
    this.origin = origin;
    this.overrides = Map.copyOf(overrides);
    this.fake = SalesforceFake.start(config.withClock(clock)
        .withQueues(QUEUES.toArray(String[]::new)).outbound(compressedOutboundRetries()));
  }

  /** E-mail Cases (Email-to-Case), replies by {@code sendEmail}. */
  static SalesforceFixture emailCases() {
    return new SalesforceFixture("Email", Map.of());
  }

  /**
   * Salesforce's schedule (exponential, capped, dropped after 24 h) compressed for tests: a refused Outbound
   * Message is tried again within a second, not after 30 s, and given up after a minute.
   */
  static RetryPolicy compressedOutboundRetries() {
    return RetryPolicy.of(Duration.ofSeconds(5), RetryPolicy.Backoff.exponential(Duration.ofMillis(100),
            Duration.ofSeconds(1)), List.of(RetryPolicy.Retry.anyFailure(Integer.MAX_VALUE)))
        .withMaxAge(Duration.ofMinutes(1))
        .withOrdered(false).withAcknowledged(OutboundMessages::acknowledged);
  }

  // ---------------------------------------------------------------- the connector

  /** The connector's settings on this fake, as an admin writes them (client-credentials flow). */
  Map<String, Object> settingsMap(String clientSecret) {
    var auth = new LinkedHashMap<String, Object>();
    auth.put("flow", "client-credentials");
    auth.put("clientId", fake.config().clientId());
    auth.put("clientSecret", Secret.of(clientSecret));
    var values = new LinkedHashMap<String, Object>();
    values.put("instanceUrl", fake.instanceUrl());
    values.put("organizationId", fake.orgId());
    values.put("auth", auth);
    values.put("botQueue", BOT_QUEUE);
    values.put("reply", Map.of("via", "auto"));
    values.put("notes", "comment");
    values.put("timeouts", Map.of("connectSeconds", "5", "readSeconds", "10"));
    values.putAll(overrides);
    return values;
  }

  Settings settings(String clientSecret) {
    return Settings.of("installations[test].settings", settingsMap(clientSecret));
  }

  /** The engine's clock, when the kit's harness gave the connector its {@link OffsetClock}: see {@link #passTime}. */
  private volatile OffsetClock engineClock;

  @Override
  public Connector connector(String installationId, Clock clock) {
    if (clock instanceof OffsetClock harnessClock) {
      engineClock = harnessClock;
    }
    return new SalesforceConnectorFactory().create(
        new ConnectorContext(installationId, settings(fake.config().clientSecret()), clock));
  }

  @Override
  public Connector connectorWithWrongCredentials(String installationId, Clock clock) {
    return new SalesforceConnectorFactory().create(
        new ConnectorContext(installationId, settings("not-the-client-secret"), clock));
  }

  /** Routing groups to the queues' 00G ids; the default is {@value #DEFAULT_QUEUE}, never the bot's queue. */
  @Override
  public Routing routing() {
    var groups = new HashMap<String, String>();
    fake.queues().forEach((name, id) -> {
      if (!name.equals(BOT_QUEUE)) {
        groups.put(name, id);
      }
    });
    return new Routing(groups.get(DEFAULT_QUEUE), groups, "deskbridge_handover");
  }

  /** One Outbound Message per object (Case, EmailMessage, CaseComment), as the admin's record-triggered Flow. */
  @Override
  public void subscribe(URI webhookUrl) {
    if (!subscribing) {
      return;
    }
    URI target = pathToken().map(token -> URI.create(webhookUrl + "/" + token)).orElse(webhookUrl);
    if (jsonCallouts) {
      fake.subscribeJson(target);
    } else {
      fake.subscribe(target);
    }
  }

  private volatile boolean jsonCallouts;
  private volatile boolean subscribing = true;

  /** No Outbound Message subscription: the test posts the notifications itself, in the order it chooses. */
  SalesforceFixture withoutSubscription() {
    subscribing = false;
    return this;
  }

  /** The same events as JSON from a Flow HTTP Callout instead of SOAP Outbound Messages. */
  SalesforceFixture withJsonCallouts() {
    jsonCallouts = true;
    return this;
  }

  /** The secret path segment the settings' {@code webhook.pathToken} asks for, when they do. */
  java.util.Optional<String> pathToken() {
    if (overrides.get("webhook") instanceof Map<?, ?> webhook && webhook.get("pathToken") instanceof Secret token) {
      return java.util.Optional.of(token.reveal());
    }
    return java.util.Optional.empty();
  }

  @Override
  public String botUserId() {
    return fake.integrationUserId();
  }

  // ---------------------------------------------------------------- people on the vendor's side

  /** Salesforce has no tags: {@code tags} are ignored. */
  @Override
  public String customerOpens(String subject, String text, Set<String> tags) {
    return fake.customerCreatesCase(CUSTOMER_EMAIL, "Ann Customer", subject, text, origin);
  }

  /** An incoming EmailMessage whose {@code Headers} carry these (Email origin only: a web Case has no e-mails). */
  @Override
  public void customerEmails(String conversationId, String text, Map<String, String> headers) {
    if (!origin.equals("Email")) {
      throw new UnsupportedOperationException("Cases opened on the web form get no e-mails; use the Email origin");
    }
    fake.customerEmails(conversationId, text, headers);
  }

  /** Web: a published comment by the portal user; Email: an incoming EmailMessage (which reopens a closed Case). */
  @Override
  public void customerWrites(String conversationId, String text) {
    if (origin.equals("Email")) {
      fake.customerEmails(conversationId, text);
    } else {
      fake.customerComments(conversationId, text);
    }
  }

  /** Web: a published CaseComment by the agent; Email: the agent's outgoing e-mail. */
  @Override
  public void agentWrites(String conversationId, String text) {
    if (origin.equals("Email")) {
      fake.agentEmails(conversationId, text);
    } else {
      fake.agentComments(conversationId, text, true);
    }
  }

  /** The agent's "Approve draft" quick action: {@code Deskbridge_Approved_At__c} = now, a Case Outbound Message. */
  @Override
  public void agentApprovesDraft(String conversationId) {
    fake.agentApprovesDraft(conversationId);
  }

  /** The agent takes ownership: {@code OwnerId} = the agent. */
  @Override
  public void agentTakes(String conversationId) {
    fake.agentTakes(conversationId);
  }

  /** The agent gives the Case back to the bot's intake queue. */
  @Override
  public void agentReleasesToBot(String conversationId) {
    fake.agentAssigns(conversationId, fake.queues().get(BOT_QUEUE));
  }

  /**
   * The agent closes the Case, accepting it first when a queue owns it (an agent works the Cases they own: the
   * Accept button of a queue's list view sets {@code OwnerId} to them), so that the closed Case is the people's.
   */
  @Override
  public void agentSolves(String conversationId) {
    if (fake.caseRecord(conversationId).orElseThrow().ownerId().startsWith("00G")) {
      fake.agentTakes(conversationId);
    }
    fake.agentCloses(conversationId);
  }

  /**
   * Time passes for Salesforce and for the engine alike: the fake stamps the next change later, and the engine's
   * load is older by as much, so that its re-read before a public write is no longer skipped as fresh
   * ({@code engine.prewriteFreshness}, 2 s: within it an agent's change since the load is not looked for).
   */
  @Override
  public void passTime(Duration duration) {
    clock.advance(duration);
    if (engineClock != null) {
      engineClock.advance(duration);
    }
  }

  // ---------------------------------------------------------------- the fake's state

  /** A message with when it was made, for ordering. */
  private record Timed(Instant at, int kind, String id, FakeMessage message) {}

  private String author(String createdById, boolean customerSide) {
    if (createdById.equals(fake.integrationUserId())) {
      return FakeMessage.BOT;
    }
    return customerSide ? FakeMessage.CUSTOMER : FakeMessage.AGENT;
  }

  /**
   * The Case's messages oldest first: the Description as the customer's opening (unless an incoming e-mail opened
   * it), then every CaseComment (published or not), EmailMessage (public) and FeedItem (internal) by creation.
   */
  @Override
  public List<FakeMessage> messages(String conversationId) {
    var c = fake.caseRecord(conversationId).orElseThrow();
    var timed = new ArrayList<Timed>();
    var emails = fake.emails(conversationId);
    boolean openedByEmail = emails.stream().anyMatch(e -> e.incoming());
    if (!openedByEmail && c.description() != null && !c.description().isEmpty()) {
      timed.add(new Timed(c.createdDate(), 0, c.id(), new FakeMessage(FakeMessage.CUSTOMER, true, c.description())));
    }
    for (var e : emails) {
      timed.add(new Timed(e.createdDate(), 1, e.id(),
          new FakeMessage(author(e.createdById(), e.incoming()), true, e.textBody())));
    }
    for (var cc : fake.comments(conversationId)) {
      boolean agent = cc.createdById().equals(fake.agentUserId());
      timed.add(new Timed(cc.createdDate(), 1, cc.id(),
          new FakeMessage(author(cc.createdById(), !agent), cc.isPublished(), cc.commentBody())));
    }
    for (var f : fake.feedItems(conversationId)) {
      timed.add(new Timed(f.createdDate(), 1, f.id(), new FakeMessage(author(f.createdById(), false), false, f.body())));
    }
    timed.sort(Comparator.comparing(Timed::at).thenComparingInt(Timed::kind).thenComparing(Timed::id,
        SalesforceFixture::bySequence));
    return timed.stream().map(Timed::message).toList();
  }

  /** Ids of different objects in creation order: the fake numbers records with one counter after the key prefix. */
  private static int bySequence(String a, String b) {
    return a.substring(3).compareTo(b.substring(3));
  }

  /** The queue (00G id) that owns the Case; empty when a user owns it. */
  @Override
  public String groupOf(String conversationId) {
    String owner = fake.caseRecord(conversationId).orElseThrow().ownerId();
    return owner != null && owner.startsWith("00G") ? owner : "";
  }

  /** People own the Case when {@code OwnerId} is a user other than the integration user, or a queue not the bot's. */
  @Override
  public boolean ownedByPeople(String conversationId) {
    String owner = fake.caseRecord(conversationId).orElseThrow().ownerId();
    return !owner.equals(fake.integrationUserId()) && !owner.equals(fake.queues().get(BOT_QUEUE));
  }

  @Override
  public Set<String> tagsOf(String conversationId) {
    return Set.of();
  }

  @Override
  public int apiCalls(String conversationId) {
    return fake.apiCalls(conversationId);
  }

  @Override
  public int refusedCalls() {
    return fake.injectedFailures();
  }

  /** The partner API operations ({@code query}, {@code create}, {@code sendEmail}…) the fake served about a Case. */
  List<String> operations(String caseId) {
    return fake.journal().calls(caseId).stream().map(c -> c.query()).toList();
  }

  /**
   * The calls the fake answered with a fault of its own, not an injected one: an expired session
   * ({@code INVALID_SESSION_ID}) or an org past its daily limit ({@code REQUEST_LIMIT_EXCEEDED}).
   */
  int faultsOfTheOrg() {
    return (int) fake.journal().calls().stream().filter(c -> c.status() == 500 && c.fault() == null).count();
  }

  // ---------------------------------------------------------------- faults

  /** Salesforce says "too many requests" with a SOAP fault and no wait: {@code retryAfter} cannot be given. */
  @Override
  public Fault rateLimit(Duration retryAfter) {
    return new Fault.SoapFault("REQUEST_LIMIT_EXCEEDED");
  }

  @Override
  public Fault outage() {
    return new Fault.SoapFault("SERVER_UNAVAILABLE");
  }

  private static String code(Fault fault) {
    if (fault instanceof Fault.SoapFault soap) {
      return soap.code();
    }
    throw new IllegalArgumentException("Salesforce's partner API answers with SOAP faults, not " + fault);
  }

  @Override
  public void failNextCalls(int count, Fault fault) {
    fake.failNext(count, code(fault));
  }

  @Override
  public void failNthWrite(int nth, Fault fault) {
    fake.failNthWrite(nth, code(fault));
  }

  // ---------------------------------------------------------------- webhook delivery

  /** The kit counts the deliveries in all, the fake the copies beyond the first. */
  @Override
  public void duplicateNextDelivery(int times) {
    fake.duplicateNextDelivery(times - 1);
  }

  @Override
  public void redeliverAll(String conversationId) {
    fake.redeliverAll(conversationId);
  }

  @Override
  public void shuffleDeliveries(boolean on) {
    fake.shuffleDeliveries(on);
  }

  @Override
  public void awaitDeliveries(Duration timeout) {
    if (!fake.awaitIdle(timeout)) {
      throw new AssertionError("the fake still has Outbound Messages pending after " + timeout);
    }
  }

  // ---------------------------------------------------------------- webhook requests made by the kit

  /** Outbound Messages carry no signature: the organisation id in the body is the check. */
  @Override
  public Map<String, String> signedHeaders(byte[] body) {
    return Map.of("SOAPAction", "\"\"");
  }

  /** Salesforce authenticates in the body, so headers cannot forge a request: see {@link #forgedWebhook}. */
  @Override
  public Map<String, String> forgedHeaders(byte[] body) {
    return signedHeaders(body);
  }

  /** Another organisation's id: its Outbound Messages must be refused. */
  static final String OTHER_ORG = "00D5g000000ZZZZEAA";

  /** A new customer e-mail on the Case, as the EmailMessage Outbound Message carries it, from the fake's org. */
  @Override
  public WebhookBody sampleWebhook(String conversationId) {
    return new WebhookBody(envelope(fake.orgId(), conversationId), "text/xml; charset=utf-8");
  }

  /** The same notification sent by another organisation (its OrganizationId), which the connector must refuse. */
  @Override
  public WebhookBody forgedWebhook(String conversationId) {
    return new WebhookBody(envelope(OTHER_ORG, conversationId), "text/xml; charset=utf-8");
  }

  /** Who Email-to-Case's incoming e-mails are created by (Salesforce's Automated Process user), not the bot. */
  private static final String EMAIL_TO_CASE_USER = "0055g000000AutoAAA";
  private static int notifications = 0;

  private byte[] envelope(String orgId, String caseId) {
    int n;
    synchronized (SalesforceFixture.class) {
      n = ++notifications;
    }
    String notificationId = "04l5g00000" + String.format("%06d", n) + "AA";
    String emailId = "02s5g00000" + String.format("%06d", n) + "AA";
    var fields = new LinkedHashMap<String, String>();
    fields.put("Id", emailId);
    fields.put("ParentId", caseId);
    fields.put("Incoming", "true");
    fields.put("FromAddress", CUSTOMER_EMAIL);
    fields.put("TextBody", "What are your opening hours?");
    fields.put("CreatedById", EMAIL_TO_CASE_USER);
    return OutboundMessages.envelope(orgId, "04k5g000000XyZ1AAK",
        List.of(OutboundMessages.notification(notificationId, "EmailMessage", fields)));
  }

  /** A well-formed Case id (key prefix 500, 18 characters) that the org has not given out. */
  @Override
  public String unknownConversationId() {
    return "5005g00000ZZZZZAA5";
  }

  /** An Outbound Message cut off in the middle of its envelope. */
  @Override
  public WebhookBody malformedWebhook() {
    String cut = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope "
        + "xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\"><soapenv:Body><notifications "
        + "xmlns=\"http://soap.sforce.com/2005/09/outbound\"><OrganizationId>" + fake.orgId() + "</OrganizationId><Noti";
    return new WebhookBody(cut.getBytes(StandardCharsets.UTF_8), "text/xml; charset=utf-8");
  }

  @Override
  public void close() {
    fake.close();
  }
}
