package io.deskbridge.mock.salesforce;

import static io.deskbridge.mock.salesforce.Schema.CASE;
import static io.deskbridge.mock.salesforce.Schema.COMMENT;
import static io.deskbridge.mock.salesforce.Schema.EMAIL;

import io.deskbridge.mock.salesforce.Model.Rec;
import java.util.Comparator;
import java.util.Objects;
import java.util.UUID;

/**
 * What customers and agents do in the org, outside the API, called with the model's lock held: Web-to-Case and
 * Email-to-Case, incoming e-mails (a closed Case reopens to {@code Working}), portal comments, and an agent's
 * e-mails, comments, ownership and status changes. Each change fires the Outbound Messages for its object.
 * Not thread-safe on its own.
 */
final class People {
  private People() {}

  static String customerCreatesCase(Model m, String email, String name, String subject, String description,
      String origin) {
    Objects.requireNonNull(email, "email");
    if (!"Web".equals(origin) && !"Email".equals(origin)) {
      throw new IllegalArgumentException("origin must be Web or Email, was " + origin);
    }
    Rec c = m.insert(CASE);
    c.values.put("CaseNumber", m.nextCaseNumber());
    c.values.put("Subject", subject);
    c.values.put("Description", description);
    c.values.put("Status", "New");
    c.values.put("IsClosed", false);
    c.values.put("Origin", origin);
    c.values.put("Priority", "Medium");
    c.values.put("OwnerId", m.queues().get(m.defaultQueueName()));
    c.values.put("SuppliedEmail", email);
    c.values.put("SuppliedName", name);
    m.created(c, m.automatedUserId());
    m.fire(c, m.automatedUserId());
    if ("Email".equals(origin)) {
      incoming(m, c, subject, description, java.util.Map.of());
    }
    return c.id;
  }

  static String customerEmails(Model m, String caseId, String text) {
    return customerEmails(m, caseId, text, java.util.Map.of());
  }

  static String customerEmails(Model m, String caseId, String text, java.util.Map<String, String> headers) {
    Rec c = liveCase(m, caseId);
    String id = incoming(m, c, "Re: " + nullToEmpty(c.str("Subject")), text, headers);
    if (c.bool("IsClosed")) {
      c.values.put("Status", "Working");
      c.values.put("IsClosed", false);
      m.modified(c, m.automatedUserId());
      m.fire(c, m.automatedUserId());
    }
    return id;
  }

  static String customerComments(Model m, String caseId, String text) {
    Rec c = liveCase(m, caseId);
    String user = m.portalUser(c.str("SuppliedEmail"), c.str("SuppliedName"));
    return comment(m, c, user, text, true);
  }

  static String agentEmails(Model m, String caseId, String text) {
    Rec c = liveCase(m, caseId);
    Rec e = m.insert(EMAIL);
    e.values.put("ParentId", c.id);
    e.values.put("Incoming", false);
    e.values.put("FromAddress", m.find(m.orgWideAddressId()).orElseThrow().str("Address"));
    e.values.put("FromName", "Alice Agent");
    e.values.put("ToAddress", c.str("SuppliedEmail"));
    e.values.put("Subject", "Re: " + nullToEmpty(c.str("Subject")));
    e.values.put("TextBody", text);
    e.values.put("Status", "3");
    e.values.put("MessageDate", m.now());
    String messageId = "<" + shortUuid() + "@sfdc.fake>";
    e.values.put("MessageIdentifier", messageId);
    e.values.put("ThreadIdentifier", thread(m, c, messageId));
    m.created(e, m.agentUserId());
    m.fire(e, m.agentUserId());
    return e.id;
  }

  static String agentComments(Model m, String caseId, String text, boolean published) {
    return comment(m, liveCase(m, caseId), m.agentUserId(), text, published);
  }

  /** An agent changes one Case field ({@code OwnerId}, {@code Status}) in the UI. */
  static void agentSetsCase(Model m, String caseId, String field, Object value) {
    Rec c = liveCase(m, caseId);
    c.values.put(field, value);
    c.values.put("IsClosed", "Closed".equals(c.str("Status")));
    m.modified(c, m.agentUserId());
    m.fire(c, m.agentUserId());
  }

  static Rec liveCase(Model m, String caseId) {
    Rec c = m.find(caseId).filter(r -> CASE.equals(r.type.name()))
        .orElseThrow(() -> new IllegalArgumentException("no Case " + caseId));
    if (c.deleted) {
      throw new IllegalStateException("Case " + caseId + " is deleted");
    }
    return c;
  }

  private static String comment(Model m, Rec c, String author, String text, boolean published) {
    if (Model.utf8Length(text) > Schema.COMMENT_MAX_BYTES) {
      throw new IllegalArgumentException("a CaseComment body is at most 4,000 bytes");
    }
    Rec r = m.insert(COMMENT);
    r.values.put("ParentId", c.id);
    r.values.put("CommentBody", text);
    r.values.put("IsPublished", published);
    m.created(r, author);
    m.fire(r, author);
    return r.id;
  }

  /** An Email-to-Case message from the customer, created by the automated case user. */
  /**
   * An incoming EmailMessage. {@code Headers} holds the e-mail's header block as Salesforce stores it (RFC 5322
   * lines, CRLF): the standard ones a mail server adds, then the given ones.
   */
  private static String incoming(Model m, Rec c, String subject, String text, java.util.Map<String, String> extra) {
    Rec e = m.insert(EMAIL);
    String messageId = "<" + shortUuid() + "@mail.example>";
    var headers = new StringBuilder();
    headers.append("Return-Path: <").append(c.str("SuppliedEmail")).append(">\r\n");
    headers.append("From: ").append(nullToEmpty(c.str("SuppliedName"))).append(" <").append(c.str("SuppliedEmail"))
        .append(">\r\n");
    headers.append("Subject: ").append(nullToEmpty(subject)).append("\r\n");
    headers.append("Message-ID: ").append(messageId).append("\r\n");
    extra.forEach((name, value) -> headers.append(name).append(": ").append(value).append("\r\n"));
    String block = headers.toString();
    if (extra.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("Return-Path"))) { // the given one replaces ours
      block = block.replaceFirst("^Return-Path: <[^>]*>\r\n", "");
    }
    e.values.put("Headers", block);
    e.values.put("ParentId", c.id);
    e.values.put("Incoming", true);
    e.values.put("FromAddress", c.str("SuppliedEmail"));
    e.values.put("FromName", c.str("SuppliedName"));
    e.values.put("ToAddress", m.find(m.orgWideAddressId()).orElseThrow().str("Address"));
    e.values.put("Subject", subject);
    e.values.put("TextBody", text);
    e.values.put("Status", "0");
    e.values.put("MessageDate", m.now());
    e.values.put("MessageIdentifier", messageId);
    e.values.put("ThreadIdentifier", thread(m, c, messageId));
    m.created(e, m.automatedUserId());
    m.fire(e, m.automatedUserId());
    return e.id;
  }

  /** The thread of the Case's first e-mail, or this message's own id for the first. */
  private static String thread(Model m, Rec c, String own) {
    return m.children(EMAIL, c.id).stream().filter(e -> e.str("ThreadIdentifier") != null)
        .min(Comparator.comparing(e -> e.instant("CreatedDate")))
        .map(e -> e.str("ThreadIdentifier")).orElse(own);
  }

  private static String shortUuid() {
    return UUID.randomUUID().toString().replace("-", "").substring(0, 20);
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }
}
