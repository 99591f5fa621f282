package io.deskbridge.mock.salesforce;

import static io.deskbridge.mock.salesforce.Schema.CASE;
import static io.deskbridge.mock.salesforce.Schema.COMMENT;
import static io.deskbridge.mock.salesforce.Schema.EMAIL;
import static io.deskbridge.mock.salesforce.Schema.FEED;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The in-memory org: users, queues, Cases and their comments, e-mails and feed items, and the e-mails sent.
 * Writes come from the API ({@link #create}, {@link #update}, {@link #sendEmail}) and from the simulated people; each
 * committed change is reported to {@link Changes} (the Outbound Message dispatcher) while the lock is held, so the
 * order of notifications is the order of changes.
 *
 * <p>Thread-safe: every method is {@code synchronized} on this model; lock order is API → model → dispatcher.
 * Timestamps have millisecond precision; a record's {@code LastModifiedDate}/{@code SystemModstamp} strictly
 * increases on every update (a millisecond later than the previous one when the fake's clock has not moved), so
 * {@code CreatedDate = LastModifiedDate} holds only for records never updated, as the connector's mapping assumes.
 */
final class Model {
  /** Receives every committed change. */
  interface Changes {
    void changed(String objectType, String id, String actorId);
  }

  /** A record's mutable state, touched only under the model's lock. */
  static final class Rec {
    final Schema.SObjectType type;
    final String id;
    final Map<String, Object> values = new HashMap<>();
    boolean deleted;

    Rec(Schema.SObjectType type, String id) {
      this.type = type;
      this.id = id;
      values.put("Id", id);
    }

    Object get(String field) {
      return values.get(field);
    }

    String str(String field) {
      Object v = values.get(field);
      return v == null ? null : v.toString();
    }

    boolean bool(String field) {
      return Boolean.TRUE.equals(values.get(field));
    }

    Instant instant(String field) {
      return (Instant) values.get(field);
    }

    Map<String, Object> copy() {
      return new HashMap<>(values);
    }
  }

  /** One sObject of a create or update request: field names as sent, raw texts, and {@code fieldsToNull}. */
  record SObjectIn(String type, String id, Map<String, String> fields, List<String> fieldsToNull) {}

  /** One per-record error of a SaveResult. */
  record SaveError(String statusCode, String message, List<String> fields) {}

  /** One SaveResult: the id, or the errors. */
  record SaveOutcome(String id, List<SaveError> errors) {
    boolean success() {
      return errors.isEmpty();
    }

    static SaveOutcome error(String statusCode, String message, String... fields) {
      return new SaveOutcome(null, List.of(new SaveError(statusCode, message, List.of(fields))));
    }
  }

  private final SalesforceFakeConfig config;
  private final Changes changes;
  private final Ids ids = new Ids();
  private final Map<String, Rec> records = new LinkedHashMap<>();
  private final Map<String, Map<String, Rec>> byType = new HashMap<>();
  private final List<SentEmail> sent = new ArrayList<>();
  private final Writes writes = new Writes(this);
  private final Map<String, String> queues = new LinkedHashMap<>();
  private final Map<String, String> portalUsers = new HashMap<>();
  private String integrationUserId;
  private String agentUserId;
  private String automatedUserId;
  private String orgWideId;
  private int caseNumber;
  private Instant last = Instant.EPOCH;

  Model(SalesforceFakeConfig config, Changes changes) {
    this.config = config;
    this.changes = changes;
    seed();
  }

  private void seed() {
    integrationUserId = insertUser("Deskbridge Integration", config.integrationUsername(), "Standard");
    agentUserId = insertUser("Alice Agent", "alice@acme.example", "Standard");
    automatedUserId = insertUser("Automated Case User", "autocase@acme.example", "AutomatedProcess");
    for (String name : config.queues()) {
      Rec g = insert(Schema.GROUP);
      g.values.put("DeveloperName", name);
      g.values.put("Name", name.replace('_', ' '));
      g.values.put("Type", "Queue");
      queues.put(name, g.id);
      if (!config.queuesNotForCases().contains(name)) {
        Rec qs = insert(Schema.QUEUE_SOBJECT);
        qs.values.put("QueueId", g.id);
        qs.values.put("SobjectType", CASE);
      }
    }
    Rec ow = insert(Schema.ORG_WIDE);
    ow.values.put("Address", config.orgWideAddress());
    ow.values.put("DisplayName", "Acme Support");
    orgWideId = ow.id;
  }

  private String insertUser(String name, String username, String userType) {
    Rec u = insert(Schema.USER);
    u.values.put("Name", name);
    u.values.put("Username", username);
    u.values.put("Email", username);
    u.values.put("UserType", userType);
    u.values.put("IsActive", true);
    return u.id;
  }

  /** Back to the seeded state (same seeded ids). */
  synchronized void reset() {
    records.clear();
    byType.clear();
    sent.clear();
    queues.clear();
    portalUsers.clear();
    ids.reset();
    caseNumber = 0;
    last = Instant.EPOCH;
    seed();
  }

  // ---------------------------------------------------------------- seeded ids

  String integrationUserId() {
    return integrationUserId;
  }

  String agentUserId() {
    return agentUserId;
  }

  String orgWideAddressId() {
    return orgWideId;
  }

  String defaultQueueName() {
    return config.defaultCaseOwnerQueue();
  }

  synchronized Map<String, String> queues() {
    return Map.copyOf(queues);
  }

  // ---------------------------------------------------------------- record access (callers hold the lock)

  /** Runs {@code read} under the lock (the query engine and the Outbound Message snapshots). */
  synchronized <T> T read(Function<Model, T> read) {
    return read.apply(this);
  }

  /** A live record by 15- or 18-character id, deleted ones included; empty for unknown ids. */
  Optional<Rec> find(String id) {
    if (id == null || !Ids.wellFormed(id)) {
      return Optional.empty();
    }
    return Optional.ofNullable(records.get(id.length() == 15 ? Ids.to18(id) : id));
  }

  /** Every record of an object, deleted ones excluded, in creation order. */
  List<Rec> all(String objectType) {
    Map<String, Rec> ofType = byType.getOrDefault(objectType, Map.of());
    List<Rec> out = new ArrayList<>(ofType.size());
    for (Rec r : ofType.values()) {
      if (!r.deleted) {
        out.add(r);
      }
    }
    return out;
  }

  Rec insert(String objectType) {
    Schema.SObjectType type = Schema.type(objectType).orElseThrow();
    Rec r = new Rec(type, ids.next(type.prefix()));
    records.put(r.id, r);
    byType.computeIfAbsent(type.name(), k -> new LinkedHashMap<>()).put(r.id, r);
    return r;
  }

  /** The current time to the millisecond, never earlier than an earlier stamp. */
  Instant now() {
    Instant now = config.clock().instant().truncatedTo(ChronoUnit.MILLIS);
    last = now.isAfter(last) ? now : last;
    return last;
  }

  /** Stamps a new record's audit fields. */
  void created(Rec r, String actor) {
    Instant now = now();
    r.values.put("CreatedById", actor);
    r.values.put("CreatedDate", now);
    if (r.type.field("LastModifiedDate").isPresent()) {
      r.values.put("LastModifiedById", actor);
      r.values.put("LastModifiedDate", now);
      r.values.put("SystemModstamp", now);
    }
  }

  /** Stamps an update: strictly later than the record's previous stamp. */
  void modified(Rec r, String actor) {
    if (r.type.field("LastModifiedDate").isEmpty()) {
      return;
    }
    Instant now = now();
    Instant before = r.instant("SystemModstamp");
    if (before != null && !now.isAfter(before)) {
      now = before.plusMillis(1);
      last = now;
    }
    r.values.put("LastModifiedById", actor);
    r.values.put("LastModifiedDate", now);
    r.values.put("SystemModstamp", now);
  }

  void fire(Rec r, String actor) {
    changes.changed(r.type.name(), r.id, actor);
  }

  String nextCaseNumber() {
    return String.format("%08d", 1000 + ++caseNumber);
  }

  String automatedUserId() {
    return automatedUserId;
  }

  List<SentEmail> sentLog() {
    return sent;
  }

  /** The portal (customer) user for an e-mail address, created on first use. */
  String portalUser(String email, String name) {
    return portalUsers.computeIfAbsent(email.toLowerCase(), e -> insertUser(name == null ? email : name, email,
        "PowerCustomerSuccess"));
  }

  static int utf8Length(String s) {
    return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
  }

  // ---------------------------------------------------------------- API writes (see Writes)

  synchronized List<SaveOutcome> create(String caller, List<SObjectIn> in, boolean useDefaultRule) {
    return writes.create(caller, in, useDefaultRule);
  }

  synchronized List<SaveOutcome> update(String caller, List<SObjectIn> in, boolean useDefaultRule) {
    return writes.update(caller, in, useDefaultRule);
  }

  synchronized List<SaveOutcome> delete(List<String> ids) {
    return writes.delete(ids);
  }

  synchronized List<Writes.SendOutcome> sendEmail(String caller, List<Writes.EmailIn> in) {
    return writes.sendEmail(caller, in);
  }

  // ---------------------------------------------------------------- people

  synchronized String customerCreatesCase(String email, String name, String subject, String description,
      String origin) {
    return People.customerCreatesCase(this, email, name, subject, description, origin);
  }

  synchronized String customerEmails(String caseId, String text) {
    return People.customerEmails(this, caseId, text);
  }

  synchronized String customerEmails(String caseId, String text, Map<String, String> headers) {
    return People.customerEmails(this, caseId, text, headers);
  }

  synchronized String customerComments(String caseId, String text) {
    return People.customerComments(this, caseId, text);
  }

  synchronized String agentEmails(String caseId, String text) {
    return People.agentEmails(this, caseId, text);
  }

  synchronized String agentComments(String caseId, String text, boolean published) {
    return People.agentComments(this, caseId, text, published);
  }

  synchronized void agentSetsCase(String caseId, String field, Object value) {
    People.agentSetsCase(this, caseId, field, value);
  }

  /** The agent's "Approve draft" quick action: {@link Schema#DRAFT_APPROVED_AT} set to now, an Outbound Message. */
  synchronized void agentApprovesDraft(String caseId) {
    People.agentSetsCase(this, caseId, Schema.DRAFT_APPROVED_AT, now());
  }

  synchronized void agentDeletesCase(String caseId) {
    Rec c = People.liveCase(this, caseId);
    c.deleted = true;
    all(COMMENT).stream().filter(r -> c.id.equals(r.str("ParentId"))).forEach(r -> r.deleted = true);
  }

  // ---------------------------------------------------------------- Knowledge (test side)

  /**
   * An author publishes a version of a Knowledge article in {@code language}: the article's online version in that
   * language (if any) is archived and the new one is online. {@code articleId} null creates the article.
   *
   * @return the article's {@code KnowledgeArticleId}
   */
  synchronized String publishKnowledge(String articleId, String language, String title, String html, boolean pkb,
      boolean csp) {
    String article = articleId == null ? ids.next(Schema.KNOWLEDGE_ARTICLE_PREFIX) : liveArticle(articleId);
    int version = 1;
    for (Rec v : versions(article)) {
      if (language.equals(v.str("Language")) && "Online".equals(v.str("PublishStatus"))) {
        v.values.put("PublishStatus", "Archived");
        modified(v, agentUserId);
      }
      version = Math.max(version, Integer.parseInt(v.str("VersionNumber")) + 1);
    }
    Rec v = knowledgeVersion(article, language, title, html, "Online", version);
    v.values.put("IsVisibleInPkb", pkb);
    v.values.put("IsVisibleInCsp", csp);
    v.values.put("LastPublishedDate", v.instant("CreatedDate"));
    return article;
  }

  /** A draft version in {@code language}: the online one stays. @return the draft's id */
  synchronized String draftKnowledge(String articleId, String language, String title, String html) {
    String article = liveArticle(articleId);
    return knowledgeVersion(article, language, title, html, "Draft", versions(article).size() + 1).id;
  }

  /** Every online version of the article is archived. */
  synchronized void archiveKnowledge(String articleId) {
    for (Rec v : versions(liveArticle(articleId))) {
      if ("Online".equals(v.str("PublishStatus"))) {
        v.values.put("PublishStatus", "Archived");
        modified(v, agentUserId);
      }
    }
  }

  /** The article and all its versions are deleted. */
  synchronized void deleteKnowledge(String articleId) {
    versions(liveArticle(articleId)).forEach(v -> v.deleted = true);
  }

  private Rec knowledgeVersion(String article, String language, String title, String html, String status,
      int version) {
    Rec v = insert(Schema.KNOWLEDGE);
    v.values.put("KnowledgeArticleId", article);
    v.values.put("Title", title);
    v.values.put("UrlName", title.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-")
        .replaceAll("(^-|-$)", ""));
    v.values.put("Language", language);
    v.values.put("PublishStatus", status);
    v.values.put("IsVisibleInPkb", false);
    v.values.put("IsVisibleInCsp", false);
    v.values.put("IsVisibleInApp", true);
    v.values.put("Answer__c", html);
    v.values.put("VersionNumber", Integer.toString(version));
    created(v, agentUserId);
    return v;
  }

  private List<Rec> versions(String article) {
    return all(Schema.KNOWLEDGE).stream().filter(v -> article.equals(v.str("KnowledgeArticleId"))).toList();
  }

  private String liveArticle(String articleId) {
    if (versions(articleId).isEmpty()) {
      throw new IllegalArgumentException("no Knowledge article " + articleId);
    }
    return articleId;
  }

  // ---------------------------------------------------------------- views

  synchronized Optional<CaseView> caseRecord(String id) {
    return find(id).filter(r -> !r.deleted && r.type.name().equals(CASE)).map(Views::caseView);
  }

  synchronized List<CaseView> cases() {
    return all(CASE).stream().map(Views::caseView).toList();
  }

  synchronized List<CommentView> comments(String caseId) {
    return children(COMMENT, caseId).stream().map(r -> Views.commentView(this, r)).toList();
  }

  synchronized List<EmailView> emails(String caseId) {
    return children(EMAIL, caseId).stream().map(Views::emailView).toList();
  }

  synchronized List<FeedView> feedItems(String caseId) {
    return children(FEED, caseId).stream().map(Views::feedView).toList();
  }

  synchronized List<SentEmail> sentEmails() {
    return List.copyOf(sent);
  }

  List<Rec> children(String objectType, String caseId) {
    String key = find(caseId).map(r -> r.id).orElse(caseId);
    return all(objectType).stream().filter(r -> key.equals(r.str("ParentId"))).toList();
  }

  /** The ids of the records whose {@code ParentId} is this case (for the journal's per-case counts). */
  synchronized List<String> childIds(String caseId) {
    String key = find(caseId).map(r -> r.id).orElse(caseId);
    return records.values().stream().filter(r -> key.equals(r.str("ParentId"))).map(r -> r.id).toList();
  }
}
