package io.deskbridge.salesforce.internal.client;

import com.sforce.soap.partner.Email;
import com.sforce.soap.partner.PartnerConnection;
import com.sforce.soap.partner.QueryResult;
import com.sforce.soap.partner.SaveResult;
import com.sforce.soap.partner.SendEmailResult;
import com.sforce.soap.partner.SingleEmailMessage;
import com.sforce.soap.partner.sobject.SObject;
import com.sforce.ws.ConnectionException;
import com.sforce.ws.ConnectorConfig;
import io.deskbridge.core.action.Action;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.HelpdeskClient;
import io.deskbridge.salesforce.SalesforceConfig;
import io.deskbridge.salesforce.internal.auth.SalesforceLogin;
import io.deskbridge.salesforce.internal.auth.SalesforceSessionRenewer;
import io.deskbridge.salesforce.internal.mapping.SalesforceErrorMapper;
import io.deskbridge.salesforce.internal.mapping.SalesforceMapping;
import io.deskbridge.salesforce.internal.mapping.SalesforceOwnership;
import io.deskbridge.salesforce.internal.mapping.SalesforceRecordError;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Salesforce partner SOAP API calls through force-wsc's {@link PartnerConnection}, authenticated by
 * {@link SalesforceLogin} on first use and renewed by {@link SalesforceSessionRenewer}. A load is one {@code query};
 * every write is one call for one action: a reply is a {@code sendEmail} (threaded to the newest incoming e-mail)
 * or a published CaseComment, a note an unpublished CaseComment (one {@code create} of several records when it is
 * longer than 4,000 bytes) or a FeedItem, an assignment an {@code update} of the Case's {@code OwnerId} (and
 * {@code Status}). Every answer's {@code LimitInfoHeader} goes to {@link SalesforceLimits}. Failures are thrown as
 * {@link VendorException}s ({@link SalesforceErrorMapper}). Thread-safe.
 */
public final class SalesforceHelpdeskClient implements HelpdeskClient {
  private static final Logger log = LoggerFactory.getLogger(SalesforceHelpdeskClient.class);
  private static final int THREADS_REMEMBERED = 10_000;

  private final String installationId;
  private final SalesforceConfig config;
  private final String settingsPath;
  private final boolean compression;
  private final SalesforceLogin login;
  private final SalesforceSessionRenewer renewer;
  private final SalesforceLimits limits;
  private final SalesforceErrorMapper errors = new SalesforceErrorMapper();
  private final AtomicReference<String> userId = new AtomicReference<>("");
  private final AtomicReference<String> botQueueId = new AtomicReference<>("");
  private final AtomicReference<String> orgWideAddressId = new AtomicReference<>("");
  private final SalesforceOwnership ownership;
  /** Routing targets as configured (DeveloperName or id) to their queue ids, and back (on the ids' first 15). */
  private final Map<String, String> queueIds = new ConcurrentHashMap<>();
  private final Map<String, String> queueTargets = new ConcurrentHashMap<>();
  /** The newest incoming e-mail's Message-ID per Case, as last loaded, to thread replies to. */
  private final Map<String, String> threads = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
      return size() > THREADS_REMEMBERED;
    }
  });
  private volatile PartnerConnection connection;

  /**
   * @param settingsPath where the settings are, e.g. {@code installations[acme].settings}, named in start-up errors
   * @param compression  whether force-wsc gzips requests (its default; tests may turn it off for readable journals)
   */
  public SalesforceHelpdeskClient(String installationId, SalesforceConfig config, String settingsPath, Clock clock,
      boolean compression) {
    this.installationId = installationId;
    this.config = config;
    this.settingsPath = settingsPath;
    this.compression = compression;
    this.login = new SalesforceLogin(config.auth(), config.instanceUrl(), config.apiVersion(), config.organizationId(),
        settingsPath, config.connectTimeout(), config.readTimeout(), clock);
    this.renewer = new SalesforceSessionRenewer(installationId, login);
    this.limits = new SalesforceLimits(installationId, config.dailyApiRequests(), config.apiShare());
    this.ownership = new SalesforceOwnership(userId::get, botQueueId::get);
    if (config.botQueue().startsWith("00G")) {
      botQueueId.set(config.botQueue());
    }
  }

  /** How this client tells who owns a Case (complete once {@link #whoAmI} has answered). */
  public SalesforceOwnership ownership() {
    return ownership;
  }

  /** The org's API usage and the budget derived from it. */
  public SalesforceLimits limits() {
    return limits;
  }

  /** How many times the session was renewed. */
  public int sessionRenewals() {
    return renewer.renewals();
  }

  // ---------------------------------------------------------------- start-up

  /**
   * Authenticates, then {@code getUserInfo}: the integration user, whose writes are the bot's own. Also checks that
   * the credentials are the configured org's, resolves {@code botQueue} when it is a DeveloperName and
   * {@code reply.fromAddress} to its org-wide address id; a failure names the setting to fix.
   */
  @Override
  public Identity whoAmI() {
    var info = call("getUserInfo", PartnerConnection::getUserInfo);
    if (!SalesforceOwnership.sameId(info.getOrganizationId(), config.organizationId())) {
      throw new VendorException(VendorException.Kind.AUTH, "the Salesforce credentials belong to org "
          + info.getOrganizationId() + ", not to " + settingsPath + ".organizationId " + config.organizationId()
          + ": correct one of them", null);
    }
    userId.set(info.getUserId());
    if (botQueueId.get().isEmpty()) {
      var found = queues(Set.of(config.botQueue()));
      if (!found.containsKey(config.botQueue())) {
        throw new VendorException(VendorException.Kind.NOT_FOUND, "Salesforce has no queue '" + config.botQueue()
            + "': set " + settingsPath + ".botQueue to the DeveloperName or 00G id of the queue new Cases land in "
            + "(Setup > Queues)", null);
      }
      botQueueId.set(found.get(config.botQueue()));
    }
    config.fromAddress().ifPresent(address -> {
      var result = call("query OrgWideEmailAddress", pc -> pc.query(
          "SELECT Id, Address FROM OrgWideEmailAddress WHERE Address = " + SalesforceMapping.literal(address)));
      if (result.getRecords() == null || result.getRecords().length == 0) {
        throw new VendorException(VendorException.Kind.NOT_FOUND, "Salesforce has no verified org-wide e-mail "
            + "address " + address + ": add and verify it (Setup > Organization-Wide Addresses) or correct "
            + settingsPath + ".reply.fromAddress", null);
      }
      orgWideAddressId.set(result.getRecords()[0].getId());
    });
    log.info("{}: Salesforce org {} as {} ({}); API usage {} of {} a day, budget {} requests a minute", installationId,
        config.organizationId15(), info.getUserName(), info.getUserId(), limits.current(), limits.dailyAllocation(),
        limits.requestsPerMinute());
    return new Identity(info.getUserId(), info.getUserFullName());
  }

  /**
   * Resolves the routing targets (queue DeveloperNames or {@code 00G} ids) and the bot queue to queue ids, and checks
   * that each queue takes Cases (a {@code QueueSobject} row for {@code Case}).
   */
  @Override
  public void checkRoutes(Set<String> targets) {
    var all = new java.util.LinkedHashSet<>(targets);
    all.add(config.botQueue());
    var found = queues(all);
    for (String target : all) {
      if (!found.containsKey(target)) {
        throw new VendorException(VendorException.Kind.NOT_FOUND, "Salesforce has no queue '" + target + "' (routing "
            + "targets and " + settingsPath + ".botQueue are queue DeveloperNames or 00G ids; Setup > Queues)", null);
      }
    }
    String ids = found.values().stream().distinct().map(SalesforceMapping::literal).collect(Collectors.joining(", "));
    var result = call("query QueueSobject", pc -> pc.query(
        "SELECT QueueId FROM QueueSobject WHERE SobjectType = 'Case' AND QueueId IN (" + ids + ")"));
    var forCases = new java.util.HashSet<String>();
    for (SObject row : records(result)) {
      forCases.add(prefix15(SalesforceMapping.str(row, "QueueId")));
    }
    for (String target : all) {
      if (!forCases.contains(prefix15(found.get(target)))) {
        throw new VendorException(VendorException.Kind.INVALID, "Salesforce queue '" + target + "' does not take "
            + "Cases: add Case to its Supported Objects (Setup > Queues > " + target + ")", null);
      }
    }
    found.forEach(this::remember);
  }

  /** The queues of these targets that exist, target to id; one query per kind (DeveloperNames, ids). */
  private Map<String, String> queues(Set<String> targets) {
    var names = new ArrayList<String>();
    var ids = new ArrayList<String>();
    for (String t : targets) {
      if (t.matches("00G[a-zA-Z0-9]{12}([a-zA-Z0-9]{3})?")) {
        ids.add(t);
      } else if (t.matches("[A-Za-z][A-Za-z0-9_]{0,79}")) {
        names.add(t);
      } else {
        throw new VendorException(VendorException.Kind.INVALID, "'" + t + "' is neither a queue DeveloperName nor a "
            + "00G id (routing targets and " + settingsPath + ".botQueue name Salesforce queues)", null);
      }
    }
    var found = new LinkedHashMap<String, String>();
    if (!names.isEmpty()) {
      var result = call("query Group", pc -> pc.query("SELECT Id, DeveloperName FROM Group WHERE Type = 'Queue' AND "
          + "DeveloperName IN (" + names.stream().map(SalesforceMapping::literal).collect(Collectors.joining(", ")) + ")"));
      for (SObject row : records(result)) {
        found.put(SalesforceMapping.str(row, "DeveloperName"), row.getId());
      }
    }
    if (!ids.isEmpty()) {
      var result = call("query Group", pc -> pc.query("SELECT Id, DeveloperName FROM Group WHERE Type = 'Queue' AND "
          + "Id IN (" + ids.stream().map(SalesforceMapping::literal).collect(Collectors.joining(", ")) + ")"));
      for (SObject row : records(result)) {
        for (String id : ids) {
          if (SalesforceOwnership.sameId(id, row.getId())) {
            found.put(id, row.getId());
          }
        }
      }
    }
    return found;
  }

  private void remember(String target, String id) {
    queueIds.put(target, id);
    queueTargets.put(prefix15(id), target);
  }

  // ---------------------------------------------------------------- load

  /** One {@code query}: the Case with its comments and e-mails (and feed items in feed mode). */
  @Override
  public Conversation load(LoadRequest request) {
    String caseId = caseId(request.key().externalId());
    var result = call("query Case " + caseId, pc -> pc.query(SalesforceMapping.loadQuery(caseId,
        config.notes() == SalesforceConfig.Notes.FEED)));
    var rows = records(result);
    if (rows.isEmpty()) {
      throw new VendorException(VendorException.Kind.NOT_FOUND, "Salesforce Case " + caseId + " not found", null);
    }
    var c = rows.get(0);
    SalesforceMapping.newestIncomingMessageId(c).ifPresent(id -> threads.put(caseId, id));
    var conversation = SalesforceMapping.conversation(request.key(), c, userId.get(),
        id -> queueTargets.getOrDefault(prefix15(id), id));
    return conversation.withOwner(ownership.of(SalesforceMapping.str(c, "OwnerId")));
  }

  // ---------------------------------------------------------------- writes

  /** One action, one call. */
  @Override
  public Applied apply(ApplyRequest request) {
    if (request.actions().size() != 1) {
      throw new VendorException(VendorException.Kind.INVALID, "Salesforce takes one action per call, got "
          + request.actions().size(), null);
    }
    var conversation = request.conversation();
    String caseId = caseId(conversation.key().externalId());
    Action action = request.actions().get(0);
    if (action instanceof Action.PublicReply reply) {
      return byEmail(conversation) ? email(caseId, conversation, reply.text()) : comments(caseId, reply.text(), true);
    }
    if (action instanceof Action.InternalNote note) {
      return config.notes() == SalesforceConfig.Notes.FEED ? feedItem(caseId, note.text())
          : comments(caseId, note.text(), false);
    }
    if (action instanceof Action.AssignGroup group) {
      var update = new SObject("Case");
      update.setId(caseId);
      update.setField("OwnerId", queueId(group.groupId()));
      config.handoverStatus().ifPresent(status -> update.setField("Status", status));
      save("update Case", pc -> pc.update(new SObject[] {update}));
      return new Applied(List.of(), "");
    }
    throw new VendorException(VendorException.Kind.INVALID, "Salesforce Cases have no " + action.describe(), null);
  }

  private boolean byEmail(Conversation conversation) {
    return switch (config.replyVia()) {
      case EMAIL -> true;
      case COMMENT -> false;
      case AUTO -> conversation.channel() == Channel.EMAIL;
    } && !conversation.customer().email().isEmpty();
  }

  /** {@code sendEmail}: to the customer, from the org-wide address, threaded, logged on the Case as an EmailMessage. */
  private Applied email(String caseId, Conversation conversation, String text) {
    String inReplyTo = threads.get(caseId);
    if (inReplyTo == null && conversation.channel() == Channel.EMAIL) { // not loaded since a restart: one more read
      load(new LoadRequest(conversation.key(), Optional.empty()));
      inReplyTo = threads.get(caseId);
    }
    var mail = new SingleEmailMessage();
    mail.setToAddresses(new String[] {conversation.customer().email()});
    String subject = conversation.subject();
    mail.setSubject(subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject);
    mail.setPlainTextBody(text);
    mail.setWhatId(caseId);
    mail.setSaveAsActivity(true);
    mail.setUseSignature(false);
    if (!orgWideAddressId.get().isEmpty()) {
      mail.setOrgWideEmailAddressId(orgWideAddressId.get());
    }
    if (inReplyTo != null) {
      mail.setInReplyTo(inReplyTo);
      mail.setReferences(inReplyTo);
    }
    SendEmailResult[] results = call("sendEmail", pc -> pc.sendEmail(new Email[] {mail}));
    for (SendEmailResult r : results) {
      if (!r.isSuccess()) {
        var e = r.getErrors() != null && r.getErrors().length > 0 ? r.getErrors()[0] : null;
        throw errors.map(new SalesforceRecordError("sendEmail",
            e == null || e.getStatusCode() == null ? "UNKNOWN_EXCEPTION" : e.getStatusCode().name(),
            e == null ? "" : e.getMessage()));
      }
    }
    return new Applied(List.of(), ""); // sendEmail returns no id; the EmailMessage is the integration user's
  }

  /** CaseComments: one record, or one {@code create} of several when the text is longer than 4,000 bytes. */
  private Applied comments(String caseId, String text, boolean published) {
    var bodies = SalesforceMapping.commentBodies(text);
    var records = new SObject[bodies.size()];
    for (int i = 0; i < bodies.size(); i++) {
      var comment = new SObject("CaseComment");
      comment.setField("ParentId", caseId);
      comment.setField("CommentBody", bodies.get(i));
      comment.setField("IsPublished", published);
      records[i] = comment;
    }
    return new Applied(save("create CaseComment", pc -> pc.create(records)), "");
  }

  private Applied feedItem(String caseId, String text) {
    var post = new SObject("FeedItem");
    post.setField("ParentId", caseId);
    post.setField("Body", text);
    post.setField("Type", "TextPost");
    post.setField("Visibility", "InternalUsers");
    post.setField("IsRichText", false);
    return new Applied(save("create FeedItem", pc -> pc.create(new SObject[] {post})), "");
  }

  /** Runs a create or update and returns the ids; a record error is thrown as its status code's kind. */
  private List<String> save(String what, SoapCall<SaveResult[]> call) {
    var ids = new ArrayList<String>();
    for (SaveResult r : call(what, call)) {
      if (!r.isSuccess()) {
        var e = r.getErrors() != null && r.getErrors().length > 0 ? r.getErrors()[0] : null;
        throw errors.map(new SalesforceRecordError(what,
            e == null || e.getStatusCode() == null ? "UNKNOWN_EXCEPTION" : e.getStatusCode().name(),
            e == null ? "" : e.getMessage()));
      }
      ids.add(r.getId());
    }
    return ids;
  }

  /** The queue id of a routing target: an id as it is, a DeveloperName as resolved at start (or looked up now). */
  private String queueId(String target) {
    if (target.startsWith("00G")) {
      return target;
    }
    String id = queueIds.get(target);
    if (id == null) {
      queues(Set.of(target)).forEach(this::remember);
      id = queueIds.get(target);
    }
    if (id == null) {
      throw new VendorException(VendorException.Kind.INVALID, "Salesforce has no queue '" + target + "'", null);
    }
    return id;
  }

  // ---------------------------------------------------------------- the connection

  /**
   * The reader of the org's closed Cases for history replay ({@link SalesforceHistoryReader}), its calls made like
   * every call of this client; the integration user's own messages are told apart once {@link #whoAmI} ran.
   */
  public io.deskbridge.core.spi.HistoryReader history() {
    return new SalesforceHistoryReader(installationId, new SalesforceHistoryReader.Calls() {
      @Override
      public <T> T call(String what, SoapCall<T> call) {
        return SalesforceHelpdeskClient.this.call(what, call);
      }
    }, userId::get);
  }

  /** The org's Knowledge articles as synced knowledge ({@link SalesforceKnowledgeSource}), calls made like every call. */
  public io.deskbridge.core.spi.KnowledgeSource knowledge(java.time.Clock clock) {
    return new SalesforceKnowledgeSource(new SalesforceHistoryReader.Calls() {
      @Override
      public <T> T call(String what, SoapCall<T> call) {
        return SalesforceHelpdeskClient.this.call(what, call);
      }
    }, clock);
  }

  /** A call on the partner connection: one SOAP request. */
  @FunctionalInterface
  interface SoapCall<T> {
    T run(PartnerConnection pc) throws ConnectionException;
  }

  /** Runs one call, records the usage it reports, and maps its failure. */
  private <T> T call(String what, SoapCall<T> call) {
    var pc = connection();
    try {
      T result = call.run(pc);
      limits.observe(pc.getLimitInfoHeader());
      return result;
    } catch (ConnectionException | RuntimeException e) {
      var mapped = errors.map(e);
      if (mapped == e) {
        throw mapped;
      }
      throw new VendorException(mapped.kind(), what + ": " + mapped.getMessage(), mapped.retryAfter().orElse(null), e);
    }
  }

  /** The partner connection, authenticated on first use, with the auth endpoint and timeouts set explicitly. */
  private PartnerConnection connection() {
    var pc = connection;
    if (pc != null) {
      return pc;
    }
    synchronized (this) {
      if (connection == null) {
        var session = login.authenticate();
        var cfg = new ConnectorConfig();
        cfg.setAuthEndpoint(login.authEndpoint()); // the prebuilt jar's default is an internal Salesforce host
        cfg.setServiceEndpoint(session.serviceEndpoint());
        cfg.setSessionId(session.sessionId());
        cfg.setManualLogin(true);
        cfg.setConnectionTimeout((int) config.connectTimeout().toMillis());
        cfg.setReadTimeout((int) config.readTimeout().toMillis());
        cfg.setCompression(compression);
        cfg.setSessionRenewer(renewer);
        try {
          pc = new PartnerConnection(cfg);
        } catch (ConnectionException e) {
          throw errors.map(e);
        }
        pc.setSessionHeader(session.sessionId());
        pc.setAllOrNoneHeader(true); // a note split into several CaseComments lands whole or not at all
        renewer.attach(pc);
        connection = pc;
      }
      return connection;
    }
  }

  private static List<SObject> records(QueryResult result) {
    return result == null || result.getRecords() == null ? List.of() : List.of(result.getRecords());
  }

  private static String caseId(String id) {
    try {
      return SalesforceMapping.requireId(id, "500");
    } catch (IllegalArgumentException e) {
      throw new VendorException(VendorException.Kind.INVALID, "Salesforce " + e.getMessage(), e);
    }
  }

  private static String prefix15(String id) {
    return id == null || id.length() < 15 ? String.valueOf(id) : id.substring(0, 15);
  }

  /** Logs out nothing: the session ends by itself; kept for symmetry with the other clients. */
  public void close() {
    // force-wsc holds no threads or pooled connections of its own
  }
}
