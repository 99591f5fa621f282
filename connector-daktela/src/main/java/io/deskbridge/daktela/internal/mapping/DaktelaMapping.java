package io.deskbridge.daktela.internal.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Customer;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.email.EmailText;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Daktela tickets and activities (as the API returns them, references expanded) to core conversations and
 * messages. The conversation key is the ticket's {@code name}. Messages, ordered by {@code time} then {@code name}:
 * <ul>
 *   <li>{@code EMAIL} in: the customer's, public;</li>
 *   <li>{@code EMAIL} out: the bot's when the API user sent it, else an agent's; public;</li>
 *   <li>{@code COMMENT} or {@code ""} (comments): the bot's when the API user wrote it, else an agent's; internal;</li>
 *   <li>any other type (CALL, SMS…) with a user: an agent's, internal; without a user: left out.</li>
 * </ul>
 * Text: the e-mail's {@code item.text}, else the activity's {@code description}, HTML turned into plain text.
 * Stateless.
 */
public final class DaktelaMapping {
  private static final Pattern TAG = Pattern.compile("<[a-zA-Z!/][^>]*>");
  private static final Pattern BLOCK_END = Pattern.compile(
      "(?i)<br\\s*/?>|</(p|div|li|tr|h[1-6]|blockquote|pre|table|ul|ol)\\s*>");
  private static final Pattern LIST_ITEM = Pattern.compile("(?i)<li[^>]*>");
  private static final Pattern HIDDEN = Pattern.compile("(?is)<(style|script|head)[^>]*>.*?</\\1\\s*>|<!--.*?-->");
  private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);");

  private DaktelaMapping() {}

  /**
   * The conversation of a ticket and its activities.
   *
   * @param ticket     the ticket record ({@code GET tickets/{name}.json}'s {@code result})
   * @param activities its activities, in any order
   * @param botLogin   the API user's login
   * @param time       the instance's time zone
   */
  public static Conversation conversation(ConversationKey key, JsonNode ticket, List<JsonNode> activities,
      String botLogin, DaktelaTime time) {
    var messages = new ArrayList<Message>();
    var sorted = new ArrayList<>(activities);
    sorted.sort(Comparator.comparing((JsonNode a) -> text(a, "time")).thenComparing(a -> text(a, "name")));
    Instant fallback = instant(text(ticket, "created"), time, Instant.EPOCH);
    for (JsonNode activity : sorted) {
      message(activity, botLogin, time, fallback).ifPresent(messages::add);
    }
    String user = reference(ticket.get("user"));
    return new Conversation(key, Channel.EMAIL, text(ticket, "title"), customer(ticket),
        reference(ticket.get("category")), user, Set.of(), closed(text(ticket, "stage")), messages,
        text(ticket, "edited"), new DaktelaOwnership(() -> botLogin).of(user));
  }

  /**
   * The message of one activity, or empty when it is not one (a type other than e-mail or comment without a user).
   *
   * @param fallback the time when the activity has none
   */
  public static Optional<Message> message(JsonNode activity, String botLogin, DaktelaTime time, Instant fallback) {
    String name = text(activity, "name");
    if (name.isEmpty()) {
      return Optional.empty();
    }
    String type = text(activity, "type").toUpperCase(Locale.ROOT);
    String user = reference(activity.get("user"));
    JsonNode item = activity.path("item");
    Instant at = instant(text(activity, "time"), time, fallback);
    if (type.equals("EMAIL")) {
      String direction = text(item, "direction");
      boolean incoming = direction.isEmpty() ? user.isEmpty() : direction.equalsIgnoreCase("in");
      String raw = item.isObject() && item.hasNonNull("text") ? text(item, "text") : text(activity, "description");
      if (incoming) { // the customer's HTML parsed by core (quotes kept as "> " lines); the headers for the loop guard
        String own = EmailText.looksLikeHtml(raw) ? EmailText.htmlToText(raw) : plainText(raw);
        return Optional.of(new Message(name, AuthorRole.CUSTOMER, Visibility.PUBLIC, text(item, "address"), own, at,
            headers(item.path("options").path("headers"))));
      }
      String body = plainText(raw);
      return Optional.of(new Message(name, role(user, botLogin), Visibility.PUBLIC, user, body, at));
    }
    String body = plainText(text(activity, "description"));
    if (type.isEmpty() || type.equals("COMMENT")) {
      return Optional.of(new Message(name, role(user, botLogin), Visibility.INTERNAL, user, body, at));
    }
    if (user.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Message(name, AuthorRole.AGENT, Visibility.INTERNAL, user, body, at));
  }

  /**
   * An e-mail's {@code options.headers} (Daktela shows {@code to}, {@code cc}, {@code bcc}, {@code In-reply-to},
   * {@code references}; an incoming e-mail's other headers are assumed to be there too): each name to its text, a
   * list joined by {@code ", "}, nested objects skipped. Empty when there is none.
   */
  static java.util.Map<String, String> headers(JsonNode headers) {
    var out = new java.util.LinkedHashMap<String, String>();
    if (headers == null || !headers.isObject()) {
      return out;
    }
    headers.fields().forEachRemaining(e -> {
      JsonNode v = e.getValue();
      if (v.isValueNode() && !v.isNull()) {
        out.put(e.getKey(), v.asText(""));
      } else if (v.isArray()) {
        var parts = new ArrayList<String>();
        v.forEach(x -> {
          if (x.isValueNode() && !x.isNull()) {
            parts.add(x.asText(""));
          }
        });
        out.put(e.getKey(), String.join(", ", parts));
      }
    });
    return out;
  }

  /** Whether a ticket in this stage is closed: {@code CLOSE} or {@code ARCHIVE}. */
  public static boolean closed(String stage) {
    return stage.equalsIgnoreCase("CLOSE") || stage.equalsIgnoreCase("ARCHIVE");
  }

  /**
   * The name of a reference: an expanded record's {@code name}, a plain name (string or number), or empty for
   * null or a missing field.
   */
  public static String reference(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return "";
    }
    if (node.isObject()) {
      return text(node, "name");
    }
    return node.isValueNode() ? node.asText("") : "";
  }

  /** A field's text, empty when missing or null. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() || !value.isValueNode() ? "" : value.asText("");
  }

  /**
   * Plain text of Daktela's HTML ({@code description}, an e-mail's {@code text}): line breaks for {@code <br>} and
   * block ends, tags dropped, entities decoded, runs of blank lines folded. Text without tags or entities is
   * returned stripped but otherwise unchanged.
   */
  public static String plainText(String html) {
    if (html == null) {
      return "";
    }
    if (!TAG.matcher(html).find() && !ENTITY.matcher(html).find()) {
      return html.strip();
    }
    String s = HIDDEN.matcher(html).replaceAll("");
    s = s.replaceAll("\\r?\\n", TAG.matcher(s).find() ? " " : "\n"); // in HTML, source line ends are spaces
    s = LIST_ITEM.matcher(s).replaceAll("- ");
    s = BLOCK_END.matcher(s).replaceAll("\n");
    s = TAG.matcher(s).replaceAll("");
    s = entities(s);
    s = s.replace('\u00a0', ' ');
    var lines = new ArrayList<String>();
    for (String line : s.split("\n", -1)) {
      lines.add(line.replaceAll("[ \\t]+", " ").strip());
    }
    return String.join("\n", lines).replaceAll("\n{3,}", "\n\n").strip();
  }

  private static String entities(String s) {
    Matcher m = ENTITY.matcher(s);
    var out = new StringBuilder();
    while (m.find()) {
      String e = m.group(1);
      String replacement;
      if (e.startsWith("#x") || e.startsWith("#X")) {
        replacement = codePoint(e.substring(2), 16, m.group());
      } else if (e.startsWith("#")) {
        replacement = codePoint(e.substring(1), 10, m.group());
      } else {
        replacement = switch (e) {
          case "amp" -> "&";
          case "lt" -> "<";
          case "gt" -> ">";
          case "quot" -> "\"";
          case "apos" -> "'";
          case "nbsp" -> " ";
          default -> m.group();
        };
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String codePoint(String digits, int radix, String original) {
    try {
      return new String(Character.toChars(Integer.parseInt(digits, radix)));
    } catch (IllegalArgumentException e) {
      return original;
    }
  }

  private static AuthorRole role(String user, String botLogin) {
    return !user.isEmpty() && user.equals(botLogin) ? AuthorRole.BOT : AuthorRole.AGENT;
  }

  private static Customer customer(JsonNode ticket) {
    JsonNode contact = ticket.get("contact");
    String email = text(ticket, "email");
    if (contact != null && contact.isObject()) {
      return new Customer(text(contact, "name"), text(contact, "title"),
          email.isEmpty() ? text(contact, "email") : email);
    }
    String id = reference(contact);
    return new Customer(id.isEmpty() ? email : id, "", email);
  }

  private static Instant instant(String text, DaktelaTime time, Instant fallback) {
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      return time.parse(text);
    } catch (IllegalArgumentException e) {
      return fallback;
    }
  }
}
