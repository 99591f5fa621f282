package io.deskbridge.mock.salesforce;

import io.deskbridge.mock.base.DeliveryAttempt;
import io.deskbridge.mock.base.FakeServer;
import io.deskbridge.mock.base.FaultRule;
import io.deskbridge.mock.base.RequestJournal;
import io.deskbridge.mock.base.VendorFake;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stateful fake of a Salesforce Service Cloud org on WireMock (sf-contract §1–§4, salesforce.md §8): the partner
 * SOAP API as force-wsc calls it, the OAuth token endpoint, the people who work in the org, and Outbound Messages
 * sent with Salesforce's retry schedule.
 *
 * <p>Served: {@code POST /services/Soap/u/{v}[/{orgId}]} ({@code login} below API 65.0; {@code getUserInfo},
 * {@code query}, {@code queryMore}, {@code retrieve}, {@code create}, {@code update}, {@code sendEmail} with a
 * session; {@code delete} of PermissionSetAssignments only), the Metadata API at {@code POST /services/Soap/m/{v}[/{orgId}]}
 * ({@code deploy}, {@code checkDeployStatus}, {@code readMetadata} of CustomField, WorkflowOutboundMessage, Flow and
 * PermissionSet; see {@link #metadata}) and {@code POST /services/oauth2/token} (client credentials, JWT bearer). Every other request, and
 * every other SOAP operation, is an unmatched request: a loud fault, listed by {@link #unmatchedRequests()}.
 * The fake's own control endpoints under {@code /__control} (no session, never counted or failed) act as the
 * people and inject faults for a separate process; the mock-servers README lists them.
 *
 * <p>Thread-safety: every method may be called from any thread; state sits behind locks taken in the order
 * API → model → dispatcher. Views are immutable snapshots.
 */
public final class SalesforceFake implements VendorFake {
  private final SalesforceFakeConfig config;
  private final Outbound outbound;
  private final Model model;
  private final Sessions sessions;
  private final PartnerApi api;
  private final FakeServer server;

  private SalesforceFake(SalesforceFakeConfig config) {
    this.config = config;
    this.outbound = new Outbound(config);
    this.model = new Model(config, outbound);
    this.outbound.model(model);
    this.sessions = new Sessions(config.orgId(), config.clock(), config.sessionTimeout());
    this.api = new PartnerApi(config, model, sessions);
    this.api.control(new SalesforceControl(this));
    this.server = new FakeServer(config.port(), api);
  }

  public static SalesforceFake start() {
    return start(SalesforceFakeConfig.defaults());
  }

  /** Starts a fake on its own HTTP port; close it when done. */
  public static SalesforceFake start(SalesforceFakeConfig config) {
    SalesforceFake fake = new SalesforceFake(config);
    return fake.server.startFor(fake, () -> {
      fake.api.baseUrl(fake.baseUrl());
      fake.outbound.baseUrl(fake.baseUrl());
    });
  }

  /** E.g. {@code http://localhost:34567}: the instance URL and the login host. */
  @Override
  public String baseUrl() {
    return server.baseUrl();
  }

  /** The My Domain instance URL (= {@link #baseUrl()}). */
  public String instanceUrl() {
    return baseUrl();
  }

  public SalesforceFakeConfig config() {
    return config;
  }

  public String orgId() {
    return config.orgId();
  }

  public String integrationUserId() {
    return model.integrationUserId();
  }

  /** The seeded agent, Alice Agent ({@code UserType Standard}). */
  public String agentUserId() {
    return model.agentUserId();
  }

  /** Queue DeveloperName to its {@code 00G} id, in configuration order. */
  public Map<String, String> queues() {
    return model.queues();
  }

  /** The org-wide e-mail address's {@code 0D2} id. */
  public String orgWideAddressId() {
    return model.orgWideAddressId();
  }

  /** A valid session id for the integration user, as the OAuth flows give. */
  public String issueAccessToken() {
    return sessions.open(model.integrationUserId());
  }

  // ---------------------------------------------------------------- people

  /**
   * A customer opens a Case by Web-to-Case ({@code Web}) or Email-to-Case ({@code Email}, which also adds the
   * incoming EmailMessage); the owner is the default queue.
   *
   * @return the Case id
   */
  public String customerCreatesCase(String email, String name, String subject, String description, String origin) {
    return model.customerCreatesCase(email, name, subject, description, origin);
  }

  /**
   * An author publishes a version of a Knowledge article ({@code Knowledge__kav}, body in the rich-text field
   * {@code Answer__c}) in {@code language} (e.g. {@code en_US}, {@code cs}): the article's online version in that
   * language is archived and the new one is online, visible in the public knowledge base ({@code pkb}) and the
   * customer portal ({@code csp}) as given. Another language of the same article is a translation.
   *
   * @param articleId the {@code KnowledgeArticleId}, or null for a new article
   * @return the {@code KnowledgeArticleId}
   */
  public String publishKnowledge(String articleId, String language, String title, String html, boolean pkb,
      boolean csp) {
    return model.publishKnowledge(articleId, java.util.Objects.requireNonNull(language, "language"),
        java.util.Objects.requireNonNull(title, "title"), java.util.Objects.requireNonNull(html, "html"), pkb, csp);
  }

  /** A draft version of the article in {@code language}; its online version stays. @return the draft's id */
  public String draftKnowledge(String articleId, String language, String title, String html) {
    return model.draftKnowledge(articleId, language, title, html);
  }

  /** Every online version of the article is archived. */
  public void archiveKnowledge(String articleId) {
    model.archiveKnowledge(articleId);
  }

  /** The article and every version of it are deleted. */
  public void deleteKnowledge(String articleId) {
    model.deleteKnowledge(articleId);
  }

  /** An incoming e-mail on the Case; a closed Case reopens to {@code Working}. @return the EmailMessage id */
  public String customerEmails(String caseId, String text) {
    return model.customerEmails(caseId, text);
  }

  /**
   * An incoming e-mail on the Case with these headers in its {@code Headers} field, after the ones a mail server adds
   * (a given {@code Return-Path} replaces the server's): an auto-reply or a bounce. @return the EmailMessage id
   */
  public String customerEmails(String caseId, String text, java.util.Map<String, String> headers) {
    return model.customerEmails(caseId, text, java.util.Map.copyOf(headers));
  }

  /** A published comment by the customer's portal user. @return the CaseComment id */
  public String customerComments(String caseId, String text) {
    return model.customerComments(caseId, text);
  }

  /** The agent e-mails the customer from the Case (an outgoing EmailMessage, Status 3). @return its id */
  public String agentEmails(String caseId, String text) {
    return model.agentEmails(caseId, text);
  }

  /** The agent comments on the Case. @return the CaseComment id */
  public String agentComments(String caseId, String text, boolean published) {
    return model.agentComments(caseId, text, published);
  }

  /** The agent takes ownership ({@code OwnerId} = the agent). */
  public void agentTakes(String caseId) {
    model.agentSetsCase(caseId, "OwnerId", model.agentUserId());
  }

  /**
   * The agent approves the bot's draft with the org's "Approve draft" quick action: the custom Case field
   * {@code Deskbridge_Approved_At__c} is set to now (the fake's clock) and the Case's Outbound Message goes out.
   */
  public void agentApprovesDraft(String caseId) {
    model.agentApprovesDraft(caseId);
  }

  /** The agent assigns the Case to a user or queue. */
  public void agentAssigns(String caseId, String ownerId) {
    model.agentSetsCase(caseId, "OwnerId", ownerId);
  }

  public void agentCloses(String caseId) {
    model.agentSetsCase(caseId, "Status", "Closed");
  }

  /** The agent reopens a closed Case ({@code Status Working}). */
  public void agentReopens(String caseId) {
    model.agentSetsCase(caseId, "Status", "Working");
  }

  /** The agent deletes the Case (later writes on it get {@code ENTITY_IS_DELETED}; queries no longer see it). */
  public void agentDeletesCase(String caseId) {
    model.agentDeletesCase(caseId);
  }

  // ---------------------------------------------------------------- state

  public Optional<CaseView> caseRecord(String id) {
    return model.caseRecord(id);
  }

  public List<CaseView> cases() {
    return model.cases();
  }

  public List<CommentView> comments(String caseId) {
    return model.comments(caseId);
  }

  public List<EmailView> emails(String caseId) {
    return model.emails(caseId);
  }

  public List<FeedView> feedItems(String caseId) {
    return model.feedItems(caseId);
  }

  /** Every e-mail sent by {@code sendEmail}, in order (inserted EmailMessages are never here). */
  public List<SentEmail> sentEmails() {
    return model.sentEmails();
  }

  // ---------------------------------------------------------------- calls

  /** Partner API calls with a session (injected and session faults included) since start or reset; not logins. */
  public int apiCalls() {
    return api.apiCalls();
  }

  /** Calls whose request names the Case or one of its comments, e-mails or feed items. */
  public int apiCalls(String caseId) {
    return api.apiCalls(caseId);
  }

  /** {@code login} calls and OAuth token requests since start or reset. */
  public int logins() {
    return api.logins();
  }

  /**
   * Every partner API call but login, in order: path, the SOAP operation (in {@link RequestJournal.Call#query()}),
   * the Case as conversation, status, injected fault and the (decompressed) request; and the unmatched requests.
   */
  public RequestJournal journal() {
    return api.journal();
  }

  @Override
  public List<String> unmatchedRequests() {
    return api.journal().unmatched();
  }

  public int injectedFailures() {
    return api.injectedFailures();
  }

  /** The {@code API REQUESTS} used today ({@code LimitInfoHeader} current). */
  public int apiUsage() {
    return api.apiUsage();
  }

  // ---------------------------------------------------------------- faults

  /**
   * The next {@code count} calls with a session fault with {@code faultCode} (e.g. {@code SERVER_UNAVAILABLE},
   * {@code REQUEST_LIMIT_EXCEEDED}, {@code UNABLE_TO_LOCK_ROW}, {@code INSUFFICIENT_ACCESS}, {@code INVALID_FIELD})
   * and its detail type, without touching state.
   *
   * @throws IllegalArgumentException for a code the partner API has only per record ({@code ENTITY_IS_DELETED}):
   *     use {@link #failRecordsNext} or {@link #agentDeletesCase}
   */
  public void failNext(int count, String faultCode) {
    api.failNext(count, faultCode);
  }

  /** From now on each call with a session faults with {@code faultCode} with probability {@code share} (0 stops). */
  public void failRandomly(double share, String faultCode) {
    api.failRandomly(share, faultCode);
  }

  /**
   * The SOAP fault Salesforce answers for {@code faultCode} (its usual message and detail type), for
   * {@link #injectFault} rules: e.g. {@code FaultRule.on("POST", ".*#update", soapFault("UNABLE_TO_LOCK_ROW"))}.
   */
  public static io.deskbridge.mock.base.Fault.SoapFault soapFault(String faultCode) {
    return ApiFault.of(faultCode).toSoap();
  }

  /** The {@code nth} next write ({@code create}, {@code update}, {@code sendEmail}) faults once. */
  public void failNthWrite(int nth, String faultCode) {
    api.failNthWrite(nth, faultCode);
  }

  /** A fault rule on {@code POST} and {@code {path}#{operation}}, e.g. {@code FaultRule.on("POST", ".*#update", f)}. */
  public void injectFault(FaultRule rule) {
    api.inject(rule);
  }

  /** The next {@code k} records of create/update calls fail with this SaveResult status code (HTTP 200). */
  public void failRecordsNext(int k, String statusCode) {
    api.failRecordsNext(k, statusCode);
  }

  /** Every session now open is invalid: the next call with one gets {@code INVALID_SESSION_ID}. */
  public void expireSessions() {
    sessions.expireAll();
  }

  /** Every session expires once {@code n} more calls have been served. */
  public void expireSessionsAfterCalls(int n) {
    sessions.expireAfterCalls(n);
  }

  /** Sets today's API usage; at or past the daily limit every call faults {@code REQUEST_LIMIT_EXCEEDED}. */
  public void setApiUsage(int current) {
    api.apiUsage(current);
  }

  public void delayResponses(Duration delay) {
    api.delay(delay);
  }

  public void clearFaults() {
    api.clearFaults();
  }

  // ---------------------------------------------------------------- Metadata API

  /**
   * A component the Metadata API holds, as unprefixed XML of its element (e.g. {@code <outboundMessages>…}); empty
   * when not deployed.
   *
   * @param type     {@code CustomField}, {@code WorkflowOutboundMessage}, {@code Flow} or {@code PermissionSet}
   * @param fullName e.g. {@code Case.Deskbridge_acme_Case} (object-qualified for fields and Outbound Messages)
   */
  public Optional<String> metadata(String type, String fullName) {
    return Optional.ofNullable(api.withMetadata(m -> m.component(type, fullName)));
  }

  /** {@code deploy} calls accepted since start or reset. */
  public int metadataDeploys() {
    return api.withMetadata(MetadataApi::deploys);
  }

  /**
   * Whether the integration user lacks "Modify Metadata" (and "Modify All Data"): every Metadata API call then
   * faults {@code INSUFFICIENT_ACCESS}, as Salesforce answers such a user.
   */
  public void denyMetadataApi(boolean denied) {
    api.withMetadata(m -> {
      m.deny(denied);
      return null;
    });
  }

  /** An admin edits a deployed component in Setup: its first child element {@code field} gets {@code value}. */
  public void adminEditsMetadata(String type, String fullName, String field, String value) {
    api.withMetadata(m -> {
      m.edit(type, fullName, field, value);
      return null;
    });
  }

  /** An admin deletes a deployed component in Setup. */
  public void adminDeletesMetadata(String type, String fullName) {
    api.withMetadata(m -> {
      m.delete(type, fullName);
      return null;
    });
  }

  /** The names of the permission sets assigned to the user, in assignment order. */
  public List<String> permissionSetsOf(String userId) {
    return model.read(m -> m.all(Schema.PERMISSION_SET_ASSIGNMENT).stream()
        .filter(a -> userId.equals(a.str("AssigneeId")))
        .map(a -> m.find(a.str("PermissionSetId")).map(p -> p.str("Name")).orElse("?")).toList());
  }

  // ---------------------------------------------------------------- Outbound Messages

  /** One Outbound Message per object (Case, EmailMessage, CaseComment) to {@code endpoint}, SOAP. */
  public void subscribe(URI endpoint) {
    outbound.subscribe(endpoint, false);
  }

  /** The same events as JSON (a Flow HTTP Callout, sf-contract §5). */
  public void subscribeJson(URI endpoint) {
    outbound.subscribe(endpoint, true);
  }

  /** Every delivery attempt, acknowledged or not, in completion order. */
  public List<DeliveryAttempt> deliveries() {
    return outbound.attempts();
  }

  /** Notifications queued and messages in flight or waiting to retry; zero exactly when nothing is pending. */
  public int pendingDeliveries() {
    return outbound.pending();
  }

  /** Waits until nothing is pending; false on timeout (waits on a SteppedClock need its steps). */
  public boolean awaitIdle(Duration timeout) {
    return outbound.awaitIdle(timeout);
  }

  /** Every message is sent {@code copies} times in all, each after a random wait up to {@code jitter}. */
  public void chaos(int copies, Duration jitter) {
    outbound.chaos(copies, jitter);
  }

  /** The next message is sent {@code times} more times (same notification ids). */
  public void duplicateNextDelivery(int times) {
    outbound.duplicateNext(times);
  }

  /** Sends every notification produced so far for the Case again, in new messages (same notification ids). */
  public void redeliverAll(String caseId) {
    outbound.redeliverAll(model.read(m -> m.find(caseId).map(r -> r.id).orElse(caseId)));
  }

  /** Whether the notifications of a message are shuffled (out of order within and across messages). */
  public void shuffleDeliveries(boolean shuffle) {
    outbound.shuffle(shuffle);
  }

  /** Messages carry this OrganizationId instead of the org's (negative tests); null restores it. */
  public void deliverWithOrganizationId(String orgId) {
    outbound.organizationId(orgId);
  }

  /**
   * "Send Session ID" on the Outbound Messages: each message carries a session id of the integration user (the
   * "User to send as") instead of a nil {@code SessionId}.
   */
  public void sendSessionId(boolean on) {
    outbound.sendSessionId(on ? () -> sessions.open(model.integrationUserId()) : null);
  }

  /** Each attempt goes to the next of these endpoints in turn (a load balancer); empty restores the subscriptions'. */
  public void routeDeliveriesTo(List<URI> endpoints) {
    outbound.route(endpoints);
  }

  // ---------------------------------------------------------------- lifecycle

  @Override
  public void reset() {
    api.reset();
    outbound.reset();
    model.reset();
    sessions.reset();
  }

  @Override
  public void close() {
    server.stop();
    outbound.close();
  }
}
