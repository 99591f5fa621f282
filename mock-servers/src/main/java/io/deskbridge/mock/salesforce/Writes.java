package io.deskbridge.mock.salesforce;

import static io.deskbridge.mock.salesforce.Schema.CASE;
import static io.deskbridge.mock.salesforce.Schema.COMMENT;
import static io.deskbridge.mock.salesforce.Schema.EMAIL;
import static io.deskbridge.mock.salesforce.Schema.FEED;

import io.deskbridge.mock.salesforce.Model.Rec;
import io.deskbridge.mock.salesforce.Model.SObjectIn;
import io.deskbridge.mock.salesforce.Model.SaveError;
import io.deskbridge.mock.salesforce.Model.SaveOutcome;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The API's writes on the {@link Model}, called with the model's lock held: {@code create}, {@code update} (with
 * {@code fieldsToNull} and the default assignment rule) and {@code sendEmail}. A request naming an unknown object or
 * field is a whole-call {@link ApiFault} raised before anything is written; everything else is a per-record error in
 * its SaveResult (HTTP 200), as Salesforce answers. Not thread-safe on its own.
 */
final class Writes {
  private static final Set<String> UPDATABLE = Set.of(CASE, COMMENT, EMAIL, FEED);
  private static final Set<String> CREATABLE = Set.of(CASE, COMMENT, EMAIL, FEED, Schema.PERMISSION_SET_ASSIGNMENT);

  /** One SingleEmailMessage of a sendEmail call. */
  record EmailIn(List<String> to, List<String> cc, List<String> bcc, String subject, String text, String html,
      String whatId, String targetObjectId, boolean saveAsActivity, String orgWideEmailAddressId, String inReplyTo,
      String references, String senderDisplayName) {}

  /** One SendEmailResult: success when there are no errors. */
  record SendOutcome(List<SaveError> errors) {}

  private final Model model;

  Writes(Model model) {
    this.model = model;
  }

  List<SaveOutcome> create(String caller, List<SObjectIn> in, boolean useDefaultRule) {
    checkNames(in);
    List<SaveOutcome> out = new ArrayList<>();
    for (SObjectIn o : in) {
      Schema.SObjectType type = Schema.type(o.type()).orElseThrow();
      if (!CREATABLE.contains(type.name())) {
        out.add(SaveOutcome.error("INSUFFICIENT_ACCESS_OR_READONLY", "You do not have permission to create "
            + type.name()));
        continue;
      }
      Map<String, Object> values = new HashMap<>();
      SaveOutcome bad = convert(type, o, values);
      if (bad == null) {
        bad = validate(type, values, null, caller, useDefaultRule);
      }
      if (bad != null) {
        out.add(bad);
        continue;
      }
      Rec r = model.insert(type.name());
      r.values.putAll(values);
      model.created(r, caller);
      out.add(new SaveOutcome(r.id, List.of()));
      model.fire(r, caller);
    }
    return out;
  }

  List<SaveOutcome> update(String caller, List<SObjectIn> in, boolean useDefaultRule) {
    checkNames(in);
    List<SaveOutcome> out = new ArrayList<>();
    for (SObjectIn o : in) {
      Schema.SObjectType type = Schema.type(o.type()).orElseThrow();
      if (o.id() == null || o.id().isBlank()) {
        out.add(SaveOutcome.error("MISSING_ARGUMENT", "Id not specified in an update call"));
        continue;
      }
      if (!Ids.wellFormed(o.id())) {
        out.add(SaveOutcome.error("MALFORMED_ID", "Id: id value of incorrect type: " + o.id(), "Id"));
        continue;
      }
      Rec r = model.find(o.id()).orElse(null);
      if (r == null || !r.type.name().equals(type.name())) {
        out.add(SaveOutcome.error("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id"));
        continue;
      }
      if (r.deleted) {
        out.add(SaveOutcome.error("ENTITY_IS_DELETED", "entity is deleted"));
        continue;
      }
      if (!UPDATABLE.contains(type.name())) {
        out.add(SaveOutcome.error("INSUFFICIENT_ACCESS_OR_READONLY", "insufficient access rights on object id"));
        continue;
      }
      if (EMAIL.equals(type.name()) && !"5".equals(r.str("Status"))) {
        out.add(SaveOutcome.error("FIELD_INTEGRITY_EXCEPTION", "You can edit an email message only while it is "
            + "a draft."));
        continue;
      }
      Map<String, Object> values = new HashMap<>();
      SaveOutcome bad = convert(type, o, values);
      for (String n : o.fieldsToNull()) {
        Schema.Field f = type.field(n).orElseThrow();
        if (bad == null && !f.writable()) {
          bad = SaveOutcome.error("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: " + f.name()
              + ". Please check the security settings of this field and verify that it is read/write for your "
              + "profile or permission set.", f.name());
        }
        values.put(f.name(), null);
      }
      if (bad == null) {
        bad = validate(type, values, r, caller, useDefaultRule);
      }
      if (bad != null) {
        out.add(bad);
        continue;
      }
      values.forEach((k, v) -> {
        if (v == null) {
          r.values.remove(k);
        } else {
          r.values.put(k, v);
        }
      });
      if (CASE.equals(type.name())) {
        r.values.put("IsClosed", "Closed".equals(r.str("Status")));
      }
      model.modified(r, caller);
      out.add(new SaveOutcome(r.id, List.of()));
      model.fire(r, caller);
    }
    return out;
  }

  List<SendOutcome> sendEmail(String caller, List<EmailIn> in) {
    List<SendOutcome> out = new ArrayList<>();
    for (EmailIn m : in) {
      SaveError error = check(m);
      if (error != null) {
        out.add(new SendOutcome(List.of(error)));
        continue;
      }
      String fromAddress = m.orgWideEmailAddressId() != null
          ? model.find(m.orgWideEmailAddressId()).orElseThrow().str("Address")
          : model.find(caller).map(u -> u.str("Email")).orElse(null);
      String messageId = "<" + UUID.randomUUID().toString().replace("-", "").substring(0, 20) + "@sfdc.fake>";
      Instant now = model.now();
      String emailMessageId = null;
      Rec what = m.whatId() == null ? null : model.find(m.whatId()).orElse(null);
      if (m.saveAsActivity() && what != null && CASE.equals(what.type.name())) {
        Rec e = model.insert(EMAIL);
        e.values.put("ParentId", what.id);
        e.values.put("Incoming", false);
        e.values.put("FromAddress", fromAddress);
        e.values.put("FromName", m.senderDisplayName() != null ? m.senderDisplayName()
            : model.find(caller).map(u -> u.str("Name")).orElse(null));
        e.values.put("ToAddress", String.join("; ", m.to()));
        e.values.put("Subject", m.subject());
        e.values.put("TextBody", m.text());
        e.values.put("HtmlBody", m.html());
        e.values.put("Status", "3");
        e.values.put("MessageDate", now);
        e.values.put("MessageIdentifier", messageId);
        e.values.put("ThreadIdentifier", thread(m.inReplyTo(), messageId));
        model.created(e, caller);
        emailMessageId = e.id;
        model.fire(e, caller);
      }
      model.sentLog().add(new SentEmail(m.to(), m.cc(), m.bcc(), m.subject(), m.text(), m.html(),
          what == null ? m.whatId() : what.id, m.targetObjectId(), m.saveAsActivity(), fromAddress,
          m.senderDisplayName(), m.inReplyTo(), m.references(), messageId, emailMessageId, caller, now));
      out.add(new SendOutcome(List.of()));
    }
    return out;
  }

  /** The thread of the e-mail this one replies to, else its own id. */
  private String thread(String inReplyTo, String own) {
    if (inReplyTo != null) {
      for (Rec e : model.all(EMAIL)) {
        if (inReplyTo.trim().equals(e.str("MessageIdentifier"))) {
          return e.str("ThreadIdentifier") == null ? e.str("MessageIdentifier") : e.str("ThreadIdentifier");
        }
      }
    }
    return inReplyTo == null ? own : inReplyTo.trim();
  }

  private SaveError check(EmailIn m) {
    if (m.to().isEmpty() && m.cc().isEmpty() && m.bcc().isEmpty() && m.targetObjectId() == null) {
      return new SaveError("REQUIRED_FIELD_MISSING", "Add a recipient to send an email.", List.of());
    }
    if (isBlank(m.text()) && isBlank(m.html())) {
      return new SaveError("REQUIRED_FIELD_MISSING", "Missing body, need at least one of html or plainText body",
          List.of());
    }
    if (m.whatId() != null && model.find(m.whatId()).filter(r -> !r.deleted).isEmpty()) {
      return new SaveError("INVALID_ID_FIELD", "Invalid id: " + m.whatId(), List.of("whatId"));
    }
    if (m.orgWideEmailAddressId() != null && model.find(m.orgWideEmailAddressId())
        .filter(r -> Schema.ORG_WIDE.equals(r.type.name())).isEmpty()) {
      return new SaveError("INVALID_ID_FIELD", "Invalid id: " + m.orgWideEmailAddressId(),
          List.of("orgWideEmailAddressId"));
    }
    return null;
  }

  /** Unknown objects and fields fail the whole call, before anything is written. */
  private static void checkNames(List<SObjectIn> in) {
    for (SObjectIn o : in) {
      if (o.type() == null) {
        throw new ApiFault("INVALID_TYPE", "Must send a concrete entity type.");
      }
      Schema.SObjectType type = Schema.type(o.type()).orElseThrow(() -> ApiFault.invalidType(o.type()));
      for (String name : o.fields().keySet()) {
        if (type.field(name).isEmpty()) {
          throw ApiFault.invalidField(name, type.name());
        }
      }
      for (String name : o.fieldsToNull()) {
        if (type.field(name).isEmpty()) {
          throw ApiFault.invalidField(name, type.name());
        }
      }
    }
  }

  /** The sent texts as typed values; a per-record error for read-only fields and unparsable values. */
  private static SaveOutcome convert(Schema.SObjectType type, SObjectIn o, Map<String, Object> values) {
    for (Map.Entry<String, String> e : o.fields().entrySet()) {
      Schema.Field f = type.field(e.getKey()).orElseThrow();
      if ("Id".equals(f.name())) {
        continue;
      }
      if (!f.writable()) {
        return SaveOutcome.error("INVALID_FIELD_FOR_INSERT_UPDATE", "Unable to create/update fields: " + f.name()
            + ". Please check the security settings of this field and verify that it is read/write for your "
            + "profile or permission set.", f.name());
      }
      String text = e.getValue();
      switch (f.type()) {
        case BOOLEAN -> {
          if (!"true".equals(text) && !"false".equals(text) && !"1".equals(text) && !"0".equals(text)) {
            return SaveOutcome.error("INVALID_TYPE_ON_FIELD_IN_RECORD", f.name() + ": value not of required type: "
                + text, f.name());
          }
          values.put(f.name(), "true".equals(text) || "1".equals(text));
        }
        case DATETIME -> {
          try {
            values.put(f.name(), Instant.parse(text));
          } catch (DateTimeParseException ex) {
            return SaveOutcome.error("INVALID_TYPE_ON_FIELD_IN_RECORD", f.name() + ": value not of required type: "
                + text, f.name());
          }
        }
        case ID -> {
          if (!Ids.wellFormed(text)) {
            return SaveOutcome.error("MALFORMED_ID", f.name() + ": id value of incorrect type: " + text, f.name());
          }
          values.put(f.name(), text.length() == 15 ? Ids.to18(text) : text);
        }
        default -> {
          if (f.maxBytes() > 0 && Model.utf8Length(text) > f.maxBytes()) {
            return SaveOutcome.error("STRING_TOO_LONG", f.name() + ": data value too large: "
                + text.substring(0, Math.min(20, text.length())) + "... (max length=" + f.maxBytes() + ")",
                f.name());
          }
          values.put(f.name(), text);
        }
      }
    }
    return null;
  }

  /** Object rules and defaults; {@code existing} is null on create. Returns an error or null. */
  private SaveOutcome validate(Schema.SObjectType type, Map<String, Object> values, Rec existing, String caller,
      boolean useDefaultRule) {
    switch (type.name()) {
      case CASE -> {
        if (existing == null) {
          values.putIfAbsent("Status", "New");
          values.put("CaseNumber", model.nextCaseNumber());
          if (!values.containsKey("OwnerId")) {
            values.put("OwnerId", useDefaultRule ? defaultQueue() : caller);
          }
          values.put("IsClosed", "Closed".equals(values.get("Status")));
        } else if (useDefaultRule) {
          values.put("OwnerId", defaultQueue());
        }
        if (values.containsKey("Status") && !Schema.STATUSES.contains((String) values.get("Status"))) {
          return SaveOutcome.error("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "Status: bad value for restricted "
              + "picklist field: " + values.get("Status"), "Status");
        }
        if (values.containsKey("OwnerId")) {
          return owner((String) values.get("OwnerId"));
        }
        return null;
      }
      case COMMENT -> {
        if (existing == null) {
          values.putIfAbsent("IsPublished", false);
        }
        return existing == null ? parent(values, true) : null;
      }
      case EMAIL -> {
        if (existing == null) {
          values.putIfAbsent("Incoming", false);
          values.putIfAbsent("Status", "0");
          values.putIfAbsent("MessageDate", model.now());
        }
        return existing == null ? parent(values, false) : null;
      }
      case FEED -> {
        if (existing == null) {
          values.putIfAbsent("Type", "TextPost");
          values.putIfAbsent("Visibility", "AllUsers");
          values.putIfAbsent("IsRichText", false);
          if (values.get("Body") == null) {
            return SaveOutcome.error("REQUIRED_FIELD_MISSING", "Required fields are missing: [Body]", "Body");
          }
        }
        Object v = values.get("Visibility");
        if (v != null && !Set.of("InternalUsers", "AllUsers").contains(v)) {
          return SaveOutcome.error("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", "Visibility: bad value for "
              + "restricted picklist field: " + v, "Visibility");
        }
        return existing == null ? parent(values, true) : null;
      }
      case Schema.PERMISSION_SET_ASSIGNMENT -> {
        return assignment(values);
      }
      default -> {
        return null;
      }
    }
  }

  /** A permission set assignment: a live user, an existing permission set, not assigned yet. */
  private SaveOutcome assignment(Map<String, Object> values) {
    String assignee = (String) values.get("AssigneeId");
    String set = (String) values.get("PermissionSetId");
    if (assignee == null || set == null) {
      return SaveOutcome.error("REQUIRED_FIELD_MISSING", "Required fields are missing: [" + (assignee == null
          ? "AssigneeId" : "PermissionSetId") + "]", assignee == null ? "AssigneeId" : "PermissionSetId");
    }
    Rec user = model.find(assignee).filter(r -> !r.deleted).orElse(null);
    if (user == null || !Schema.USER.equals(user.type.name())) {
      return SaveOutcome.error("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", "AssigneeId");
    }
    Rec ps = model.find(set).filter(r -> !r.deleted).orElse(null);
    if (ps == null || !Schema.PERMISSION_SET.equals(ps.type.name())) {
      return SaveOutcome.error("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", "PermissionSetId");
    }
    return model.all(Schema.PERMISSION_SET_ASSIGNMENT).stream()
        .filter(a -> user.id.equals(a.str("AssigneeId")) && ps.id.equals(a.str("PermissionSetId"))).findFirst()
        .map(a -> SaveOutcome.error("DUPLICATE_VALUE", "duplicate value found: AssigneeId duplicates value on "
            + "record with id: " + a.id, "AssigneeId")).orElse(null);
  }

  /** A delete: only permission set assignments may be deleted through the fake's API. */
  List<SaveOutcome> delete(List<String> idsIn) {
    List<SaveOutcome> out = new ArrayList<>();
    for (String id : idsIn) {
      Rec r = model.find(id).orElse(null);
      if (r == null || r.deleted) {
        out.add(SaveOutcome.error("ENTITY_IS_DELETED", "entity is deleted"));
      } else if (!Schema.PERMISSION_SET_ASSIGNMENT.equals(r.type.name())) {
        out.add(SaveOutcome.error("INSUFFICIENT_ACCESS_OR_READONLY", "insufficient access rights on object id"));
      } else {
        r.deleted = true;
        out.add(new SaveOutcome(r.id, List.of()));
      }
    }
    return out;
  }

  private String defaultQueue() {
    return model.queues().get(model.defaultQueueName());
  }

  private SaveOutcome parent(Map<String, Object> values, boolean required) {
    String parentId = (String) values.get("ParentId");
    if (parentId == null) {
      return required ? SaveOutcome.error("REQUIRED_FIELD_MISSING", "Required fields are missing: [ParentId]",
          "ParentId") : null;
    }
    Rec parent = model.find(parentId).orElse(null);
    if (parent == null || !CASE.equals(parent.type.name())) {
      return SaveOutcome.error("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", "ParentId");
    }
    if (parent.deleted) {
      return SaveOutcome.error("ENTITY_IS_DELETED", "entity is deleted", "ParentId");
    }
    return null;
  }

  private SaveOutcome owner(String ownerId) {
    Rec owner = model.find(ownerId).orElse(null);
    if (owner != null && Schema.USER.equals(owner.type.name()) && owner.bool("IsActive")) {
      return null;
    }
    if (owner != null && Schema.GROUP.equals(owner.type.name()) && model.all(Schema.QUEUE_SOBJECT).stream()
        .anyMatch(q -> owner.id.equals(q.str("QueueId")) && CASE.equals(q.str("SobjectType")))) {
      return null;
    }
    if (owner == null) {
      return SaveOutcome.error("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", "OwnerId");
    }
    return SaveOutcome.error("FIELD_INTEGRITY_EXCEPTION", "Owner ID: id value of incorrect type: " + ownerId,
        "OwnerId");
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }
}
