package io.deskbridge.salesforce.internal.mapping;

import com.sforce.ws.bind.XmlObject;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Customer;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.email.EmailText;
import io.deskbridge.core.email.MailHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Case queried with its CaseComments and EmailMessages (and FeedItems in feed mode) to a core conversation, and the
 * SOQL that reads it in one call. Stateless.
 *
 * <ul>
 *   <li>The opening is the Case's {@code Description} (message id = the Case id, by the customer, at
 *       {@code CreatedDate}), unless the Case came by e-mail and an incoming EmailMessage is there: then that
 *       e-mail is the opening (Email-to-Case copies its text into the Description).</li>
 *   <li>An incoming EmailMessage is the customer's (author: its From address); an outgoing one is the bot's when
 *       the integration user created it, else an agent's. A CaseComment is the bot's when the integration user wrote
 *       it, an agent's when {@code CreatedBy.UserType} is {@code Standard}, else the customer's (a portal user);
 *       published comments are public, the others internal. FeedItems are internal notes.</li>
 *   <li>The bot's notes split over 4,000 bytes ({@link #commentBodies}) are read back as one message.</li>
 *   <li>{@code groupId} is the queue owning the Case (as the installation named it when it is one of its routing
 *       targets), {@code assigneeId} the user owning it; {@code closed} is {@code IsClosed}; the version is
 *       {@code SystemModstamp}.</li>
 * </ul>
 */
public final class SalesforceMapping {
  /** The most a CaseComment body holds, in UTF-8 bytes. */
  public static final int MAX_COMMENT_BYTES = 4000;
  private static final Pattern PART = Pattern.compile("\\n\\[Deskbridge note, part (\\d+) of (\\d+)\\]$");
  private static final DateTimeFormatter SALESFORCE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXX");

  private SalesforceMapping() {}

  /** The Case fields the load reads. */
  static final String CASE_FIELDS = "Id, CaseNumber, Subject, Description, Status, IsClosed, Origin, OwnerId, "
      + "ContactEmail, SuppliedEmail, SuppliedName, CreatedById, CreatedDate, LastModifiedById, SystemModstamp";

  /**
   * The query of history replay: the closed Cases changed at or after {@code since}, oldest change first, each with
   * what a load reads (CaseComments and EmailMessages; no FeedItems, which are internal) and its
   * {@code LastModifiedDate}.
   */
  public static String historyQuery(Instant since) {
    return "SELECT " + CASE_FIELDS + ", LastModifiedDate, "
        + "(SELECT Id, CommentBody, IsPublished, CreatedById, CreatedBy.UserType, CreatedDate FROM CaseComments "
        + "ORDER BY CreatedDate), "
        + "(SELECT Id, Incoming, FromAddress, FromName, ToAddress, Subject, TextBody, HtmlBody, Headers, Status, "
        + "CreatedById, MessageDate, MessageIdentifier FROM EmailMessages ORDER BY MessageDate)"
        + " FROM Case WHERE IsClosed = true AND LastModifiedDate >= "
        + java.time.format.DateTimeFormatter.ISO_INSTANT.format(since.truncatedTo(java.time.temporal.ChronoUnit.SECONDS))
        + " ORDER BY LastModifiedDate";
  }

  /**
   * The one query of a load: the Case, its CaseComments and EmailMessages oldest first (and, with {@code feeds},
   * its FeedItems).
   *
   * @throws IllegalArgumentException when {@code caseId} is not a Salesforce id (nothing else reaches the SOQL)
   */
  public static String loadQuery(String caseId, boolean feeds) {
    return "SELECT " + CASE_FIELDS + ", "
        + "(SELECT Id, CommentBody, IsPublished, CreatedById, CreatedBy.UserType, CreatedDate FROM CaseComments "
        + "ORDER BY CreatedDate), "
        + "(SELECT Id, Incoming, FromAddress, FromName, ToAddress, Subject, TextBody, HtmlBody, Headers, Status, "
        + "CreatedById, MessageDate, MessageIdentifier FROM EmailMessages ORDER BY MessageDate)"
        + (feeds ? ", (SELECT Id, Body, Type, CreatedById, CreatedDate FROM Feeds ORDER BY CreatedDate)" : "")
        + " FROM Case WHERE Id = '" + requireId(caseId, "500") + "'";
  }

  /** A Salesforce id with this key prefix (15 or 18 characters), or {@link IllegalArgumentException}. */
  public static String requireId(String id, String prefix) {
    if (id == null || !id.matches("[a-zA-Z0-9]{15}([a-zA-Z0-9]{3})?") || !id.startsWith(prefix)) {
      throw new IllegalArgumentException("not a Salesforce " + prefix + "… id: '" + id + "'");
    }
    return id;
  }

  /** A SOQL string literal: quotes and backslashes escaped. */
  public static String literal(String value) {
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  /**
   * The conversation of a Case record as the load query returns it.
   *
   * @param integrationUserId the integration user's id: its comments and e-mails are the bot's
   * @param queueName         a queue id to the name the installation routes to it by (the id itself when none)
   */
  public static Conversation conversation(ConversationKey key, XmlObject c, String integrationUserId,
      UnaryOperator<String> queueName) {
    String origin = str(c, "Origin");
    String email = str(c, "ContactEmail").isEmpty() ? str(c, "SuppliedEmail") : str(c, "ContactEmail");
    var customer = new Customer(email, str(c, "SuppliedName"), email);
    var messages = new ArrayList<Message>();
    boolean emailOpening = false;
    for (XmlObject m : records(c, "EmailMessages")) {
      boolean incoming = bool(m, "Incoming");
      String author = str(m, "CreatedById");
      emailOpening |= incoming;
      AuthorRole role = incoming ? AuthorRole.CUSTOMER : same(author, integrationUserId) ? AuthorRole.BOT : AuthorRole.AGENT;
      // an HTML-only e-mail has no TextBody; an incoming one's Headers feed core's loop guard
      String body = str(m, "TextBody").isBlank() ? EmailText.htmlToText(str(m, "HtmlBody")) : str(m, "TextBody");
      messages.add(new Message(str(m, "Id"), role, Visibility.PUBLIC, incoming ? str(m, "FromAddress") : author,
          body, time(m, "MessageDate"), incoming ? MailHeaders.parse(str(m, "Headers")) : java.util.Map.of()));
    }
    String description = str(c, "Description");
    if (!description.isBlank() && !(emailOpening && origin.equalsIgnoreCase("Email"))) {
      messages.add(new Message(str(c, "Id"), AuthorRole.CUSTOMER, Visibility.PUBLIC, email, description,
          time(c, "CreatedDate")));
    }
    messages.addAll(comments(records(c, "CaseComments"), integrationUserId));
    for (XmlObject f : records(c, "Feeds")) {
      if (!str(f, "Type").isEmpty() && !str(f, "Type").equals("TextPost")) {
        continue; // tracked changes and other system posts
      }
      String author = str(f, "CreatedById");
      messages.add(new Message(str(f, "Id"), same(author, integrationUserId) ? AuthorRole.BOT : AuthorRole.AGENT,
          Visibility.INTERNAL, author, str(f, "Body"), time(f, "CreatedDate")));
    }
    messages.sort(Comparator.comparing(Message::createdAt)); // stable: equal times keep the order above
    String owner = str(c, "OwnerId");
    boolean queue = owner.startsWith("00G");
    return new Conversation(key, channel(origin), str(c, "Subject"), customer, queue ? queueName.apply(owner) : "",
        owner.startsWith("005") ? owner : "", Set.of(), bool(c, "IsClosed"), messages, str(c, "SystemModstamp"));
  }

  /** CaseComments to messages, the parts of one split note joined back into one message (the first part's id). */
  private static List<Message> comments(List<XmlObject> records, String integrationUserId) {
    var out = new ArrayList<Message>();
    Message pending = null;
    int expected = 0;
    for (XmlObject r : records) {
      String author = str(r, "CreatedById");
      boolean bot = same(author, integrationUserId);
      XmlObject createdBy = r.getChild("CreatedBy");
      String userType = createdBy == null ? "" : str(createdBy, "UserType");
      AuthorRole role = bot ? AuthorRole.BOT : userType.equals("Standard") ? AuthorRole.AGENT : AuthorRole.CUSTOMER;
      var message = new Message(str(r, "Id"), role, bool(r, "IsPublished") ? Visibility.PUBLIC : Visibility.INTERNAL,
          author, str(r, "CommentBody"), time(r, "CreatedDate"));
      Matcher part = bot ? PART.matcher(message.text()) : null;
      if (part != null && part.find()) {
        int index = Integer.parseInt(part.group(1));
        int of = Integer.parseInt(part.group(2));
        String text = message.text().substring(0, part.start());
        if (index == 1) {
          if (pending != null) {
            out.add(pending);
          }
          pending = new Message(message.id(), role, message.visibility(), author, text, message.createdAt());
          expected = of;
        } else if (pending != null && index <= expected) {
          pending = new Message(pending.id(), role, pending.visibility(), author, pending.text() + " " + text,
              pending.createdAt());
        } else {
          out.add(message);
        }
        if (pending != null && index == expected) {
          out.add(pending);
          pending = null;
        }
        continue;
      }
      out.add(message);
    }
    if (pending != null) {
      out.add(pending);
    }
    return out;
  }

  /**
   * The CaseComment bodies a note of any length is written as: the text itself when it fits in
   * {@link #MAX_COMMENT_BYTES} UTF-8 bytes, else parts cut at white space where possible, each ending in
   * {@code [Deskbridge note, part i of n]} (read back as one message by {@link #conversation}).
   */
  public static List<String> commentBodies(String text) {
    if (utf8(text) <= MAX_COMMENT_BYTES) {
      return List.of(text);
    }
    int room = MAX_COMMENT_BYTES - utf8("\n[Deskbridge note, part 999 of 999]");
    var parts = new ArrayList<String>();
    int start = 0;
    while (start < text.length()) {
      int end = start;
      int bytes = 0;
      while (end < text.length()) {
        int cp = text.codePointAt(end);
        int size = utf8(new String(Character.toChars(cp)));
        if (bytes + size > room) {
          break;
        }
        bytes += size;
        end += Character.charCount(cp);
      }
      int cut = end;
      if (end < text.length()) {
        int space = lastWhitespace(text, start, end);
        if (space > start + (end - start) / 2) {
          cut = space;
        }
      }
      parts.add(text.substring(start, cut).strip());
      start = cut;
      while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
        start++;
      }
    }
    var out = new ArrayList<String>();
    for (int i = 0; i < parts.size(); i++) {
      out.add(parts.get(i) + "\n[Deskbridge note, part " + (i + 1) + " of " + parts.size() + "]");
    }
    return List.copyOf(out);
  }

  private static int lastWhitespace(String text, int from, int to) {
    for (int i = to - 1; i > from; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  private static int utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  /** The newest incoming EmailMessage's {@code MessageIdentifier} (to thread a reply to), if any. */
  public static Optional<String> newestIncomingMessageId(XmlObject c) {
    String newest = null;
    for (XmlObject m : records(c, "EmailMessages")) {
      if (bool(m, "Incoming") && !str(m, "MessageIdentifier").isEmpty()) {
        newest = str(m, "MessageIdentifier"); // the query orders them by MessageDate
      }
    }
    return Optional.ofNullable(newest);
  }

  /** The channel for a Case {@code Origin}. */
  public static Channel channel(String origin) {
    return switch (origin.toLowerCase(Locale.ROOT)) {
      case "email" -> Channel.EMAIL;
      case "phone" -> Channel.VOICE_TRANSCRIPT;
      case "chat", "messaging" -> Channel.CHAT;
      default -> Channel.WEB_FORM;
    };
  }

  /** The records of a child relationship (a subquery's {@code records}); empty when absent. */
  public static List<XmlObject> records(XmlObject parent, String relationship) {
    XmlObject child = parent.getChild(relationship);
    if (child == null) {
      return List.of();
    }
    var out = new ArrayList<XmlObject>();
    for (Iterator<XmlObject> it = child.getChildren("records"); it.hasNext(); ) {
      out.add(it.next());
    }
    return out;
  }

  /** A field's value as text; empty when absent or nil. */
  public static String str(XmlObject o, String field) {
    Object v = o.getField(field);
    if (v == null || v instanceof XmlObject) {
      return "";
    }
    if (v instanceof Calendar cal) {
      return cal.toInstant().toString();
    }
    return v.toString();
  }

  static boolean bool(XmlObject o, String field) {
    return Boolean.parseBoolean(str(o, field));
  }

  /** A dateTime field; {@link Instant#EPOCH} when absent. */
  public static Instant time(XmlObject o, String field) {
    Object v = o.getField(field);
    if (v instanceof Calendar cal) {
      return cal.toInstant();
    }
    String s = v == null || v instanceof XmlObject ? "" : v.toString();
    if (s.isEmpty()) {
      return Instant.EPOCH;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(s, SALESFORCE_TIME).toInstant();
      } catch (DateTimeParseException e2) {
        return Instant.EPOCH;
      }
    }
  }

  private static boolean same(String a, String b) {
    return SalesforceOwnership.sameId(a, b);
  }
}
