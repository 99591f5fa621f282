package io.deskbridge.mock.salesforce;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The objects and fields the fake knows (sf-contract §1): key prefixes, field types, which fields the API may write,
 * parent relationships ({@code CreatedBy.UserType}) and Case's child relationships. Names are matched
 * case-insensitively, as Salesforce does, and answered in their canonical spelling. Immutable.
 */
final class Schema {
  /** How a field's value is typed on the wire. */
  enum Type {
    ID("xsd:string"), STRING("xsd:string"), BOOLEAN("xsd:boolean"), DATETIME("xsd:dateTime");

    final String xsiType;

    Type(String xsiType) {
      this.xsiType = xsiType;
    }
  }

  /**
   * One field.
   *
   * @param writable whether create/update may set it (system fields may not: INVALID_FIELD_FOR_INSERT_UPDATE)
   * @param maxBytes the largest UTF-8 length accepted (0: no limit the fake checks)
   */
  record Field(String name, Type type, boolean writable, int maxBytes) {}

  /** A lookup from {@code name} (e.g. {@code CreatedBy}) through the id field {@code idField} to {@code targets}. */
  record Relationship(String name, String idField, List<String> targets) {}

  /** A child relationship of a parent object, e.g. Case's {@code CaseComments} of CaseComment by ParentId. */
  record Child(String name, String object, String parentField) {}

  record SObjectType(String name, String prefix, Map<String, Field> fields, Map<String, Relationship> relationships,
      Map<String, Child> children) {
    Optional<Field> field(String name) {
      return Optional.ofNullable(fields.get(name.toLowerCase(Locale.ROOT)));
    }

    Optional<Relationship> relationship(String name) {
      return Optional.ofNullable(relationships.get(name.toLowerCase(Locale.ROOT)));
    }

    Optional<Child> child(String name) {
      return Optional.ofNullable(children.get(name.toLowerCase(Locale.ROOT)));
    }
  }

  static final String CASE = "Case";
  /**
   * The org's custom Case field an agent's "Approve draft" quick action sets to the time (a predefined field value
   * {@code NOW()}): Deskbridge's approval of the bot's draft, selected in the Case's Outbound Message.
   */
  static final String DRAFT_APPROVED_AT = "Deskbridge_Approved_At__c";
  static final String COMMENT = "CaseComment";
  static final String EMAIL = "EmailMessage";
  static final String FEED = "FeedItem";
  static final String USER = "User";
  static final String GROUP = "Group";
  static final String QUEUE_SOBJECT = "QueueSobject";
  static final String ORG_WIDE = "OrgWideEmailAddress";
  /** A permission set: a record of the partner API once deployed through the Metadata API. */
  static final String PERMISSION_SET = "PermissionSet";
  static final String PERMISSION_SET_ASSIGNMENT = "PermissionSetAssignment";
  /** Lightning Knowledge's article versions: one record per version and language; {@code Answer__c} rich text. */
  static final String KNOWLEDGE = "Knowledge__kav";
  static final String KNOWLEDGE_ARTICLE_PREFIX = "kA0";
  static final String ORGANIZATION_PREFIX = "00D";
  static final String NOTIFICATION_PREFIX = "04l";
  static final String ACTION_PREFIX = "04k";
  static final List<String> STATUSES = List.of("New", "Working", "Escalated", "Closed");
  static final int COMMENT_MAX_BYTES = 4000;

  private static final Map<String, SObjectType> TYPES = new LinkedHashMap<>();

  static {
    String audit = "CreatedById:ID CreatedDate:DATETIME";
    define(CASE, "500", "Id:ID CaseNumber:STRING Subject:STRING+ Description:STRING+ Status:STRING+ IsClosed:BOOLEAN"
        + " Origin:STRING+ Priority:STRING+ OwnerId:ID+ ContactId:ID+ ContactEmail:STRING SuppliedEmail:STRING+"
        + " SuppliedName:STRING+ " + audit + " LastModifiedById:ID LastModifiedDate:DATETIME SystemModstamp:DATETIME"
        + " " + DRAFT_APPROVED_AT + ":DATETIME+",
        List.of(user("CreatedBy"), user("LastModifiedBy"), new Relationship("Owner", "OwnerId", List.of(USER, GROUP))),
        List.of(new Child("CaseComments", COMMENT, "ParentId"), new Child("EmailMessages", EMAIL, "ParentId"),
            new Child("Feeds", FEED, "ParentId")));
    define(COMMENT, "00a", "Id:ID ParentId:ID+ CommentBody:STRING+ IsPublished:BOOLEAN+ " + audit,
        List.of(user("CreatedBy"), new Relationship("Parent", "ParentId", List.of(CASE))), List.of());
    define(EMAIL, "02s", "Id:ID ParentId:ID+ Incoming:BOOLEAN+ FromAddress:STRING+ FromName:STRING+ ToAddress:STRING+"
        + " Subject:STRING+ TextBody:STRING+ HtmlBody:STRING+ Status:STRING+ MessageDate:DATETIME+"
        + " MessageIdentifier:STRING+ ThreadIdentifier:STRING+ Headers:STRING+ " + audit,
        List.of(user("CreatedBy"), new Relationship("Parent", "ParentId", List.of(CASE))), List.of());
    define(FEED, "0D5", "Id:ID ParentId:ID+ Body:STRING+ Type:STRING+ Visibility:STRING+ IsRichText:BOOLEAN+ " + audit,
        List.of(user("CreatedBy"), new Relationship("Parent", "ParentId", List.of(CASE))), List.of());
    define(USER, "005", "Id:ID Name:STRING Username:STRING Email:STRING UserType:STRING IsActive:BOOLEAN",
        List.of(), List.of());
    define(GROUP, "00G", "Id:ID DeveloperName:STRING Name:STRING Type:STRING", List.of(), List.of());
    define(QUEUE_SOBJECT, "03g", "Id:ID QueueId:ID SobjectType:STRING",
        List.of(new Relationship("Queue", "QueueId", List.of(GROUP))), List.of());
    define(KNOWLEDGE, "ka0", "Id:ID KnowledgeArticleId:ID Title:STRING+ UrlName:STRING+ Language:STRING+"
        + " PublishStatus:STRING IsVisibleInPkb:BOOLEAN+ IsVisibleInCsp:BOOLEAN+ IsVisibleInApp:BOOLEAN+"
        + " Summary:STRING+ Answer__c:STRING+ VersionNumber:STRING LastPublishedDate:DATETIME " + audit
        + " LastModifiedById:ID LastModifiedDate:DATETIME SystemModstamp:DATETIME",
        List.of(user("CreatedBy"), user("LastModifiedBy")), List.of());
    define(PERMISSION_SET, "0PS", "Id:ID Name:STRING Label:STRING", List.of(), List.of());
    define(PERMISSION_SET_ASSIGNMENT, "0Pa", "Id:ID AssigneeId:ID+ PermissionSetId:ID+ " + audit,
        List.of(user("Assignee"), new Relationship("PermissionSet", "PermissionSetId", List.of(PERMISSION_SET))),
        List.of());
    define(ORG_WIDE, "0D2", "Id:ID Address:STRING DisplayName:STRING", List.of(), List.of());
  }

  private Schema() {}

  private static Relationship user(String name) {
    return new Relationship(name, name + "Id", List.of(USER));
  }

  /** {@code spec}: space-separated {@code Name:TYPE}, a trailing {@code +} marks a field the API may write. */
  private static void define(String name, String prefix, String spec, List<Relationship> relationships,
      List<Child> children) {
    Map<String, Field> fields = new LinkedHashMap<>();
    for (String f : spec.split(" ")) {
      String[] parts = f.split(":");
      boolean writable = parts[1].endsWith("+");
      String fieldName = parts[0];
      Type type = Type.valueOf(parts[1].replace("+", ""));
      int max = COMMENT.equals(name) && "CommentBody".equals(fieldName) ? COMMENT_MAX_BYTES : 0;
      fields.put(fieldName.toLowerCase(Locale.ROOT), new Field(fieldName, type, writable, max));
    }
    Map<String, Relationship> rels = new LinkedHashMap<>();
    relationships.forEach(r -> rels.put(r.name().toLowerCase(Locale.ROOT), r));
    Map<String, Child> kids = new LinkedHashMap<>();
    children.forEach(c -> kids.put(c.name().toLowerCase(Locale.ROOT), c));
    TYPES.put(name.toLowerCase(Locale.ROOT), new SObjectType(name, prefix, Collections.unmodifiableMap(fields),
        Collections.unmodifiableMap(rels), Collections.unmodifiableMap(kids)));
  }

  /** The object named {@code name} (any case). */
  static Optional<SObjectType> type(String name) {
    return Optional.ofNullable(TYPES.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The object whose ids start with this key prefix. */
  static Optional<SObjectType> byPrefix(String id) {
    if (id == null || id.length() < 3) {
      return Optional.empty();
    }
    String prefix = id.substring(0, 3);
    return TYPES.values().stream().filter(t -> t.prefix().equals(prefix)).findFirst();
  }

  /** The fields of an object in definition order. */
  static List<Field> fields(SObjectType type) {
    return List.copyOf(type.fields().values());
  }
}
