package io.deskbridge.daktela.internal.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.webhook.WebhookRejectedException;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One Daktela change as a trigger carrying ids: what an Events-module HTTP action sends (the admin writes its body
 * template, see the module README) and what the poller builds from the records it reads. The engine re-reads the
 * ticket over REST before it decides, so a trigger names the change and carries only what ownership needs.
 *
 * @param event       the Events-module event name ({@code ticket_create}, {@code ticket_update},
 *                    {@code activity_create}, …); never blank
 * @param ticket      the ticket's {@code name} as a plain number ({@code TK00009672} is read as {@code 9672})
 * @param activity    the activity's {@code name} ({@code activities_…}); empty when not sent
 * @param user        the login of the ticket's or activity's user; empty when not sent or sent empty
 * @param userPresent whether the trigger has a {@code user} field at all (an empty one says "nobody": the customer,
 *                    or a ticket no agent holds)
 * @param stage       the ticket's stage ({@code OPEN}, {@code WAIT}, {@code CLOSE}, {@code ARCHIVE}); empty when
 *                    not sent
 * @param edited      the ticket's {@code edited} timestamp as Daktela writes it; empty when not sent
 */
public record DaktelaTrigger(String event, String ticket, String activity, String user, boolean userPresent,
    String stage, String edited) {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** A ticket number, possibly as Daktela shows it ({@code TK} and zero padding). */
  private static final Pattern TICKET = Pattern.compile("(?:[Tt][Kk])?0*([1-9][0-9]{0,17})");

  /**
   * Normalises the values: the ticket to its plain number, the others stripped of surrounding white space.
   *
   * @throws WebhookRejectedException (400) naming the field when {@code event} or {@code ticket} is missing or
   *         blank, or when {@code ticket} is not a ticket number
   */
  public DaktelaTrigger {
    event = required(event, "event");
    ticket = ticketNumber(required(ticket, "ticket"));
    activity = strip(activity);
    user = strip(user);
    userPresent = userPresent || !user.isEmpty();
    stage = strip(stage);
    edited = strip(edited);
  }

  /** A trigger without activity, user, stage or edit time. */
  public static DaktelaTrigger of(String event, String ticket) {
    return new DaktelaTrigger(event, ticket, "", "", false, "", "");
  }

  /**
   * Reads a webhook body: a JSON object when {@code contentType} is JSON (or none is given and the body starts with
   * <code>{</code>), else {@code application/x-www-form-urlencoded}. Field names as in the README's templates:
   * {@code event}, {@code ticket}, {@code activity}, {@code user}, {@code stage}, {@code edited}. JSON values may be
   * strings or numbers; a reference may also come expanded as an object with a {@code name}; {@code null} is an
   * empty value. Other fields are ignored.
   *
   * @param contentType the request's {@code Content-Type}, empty when none
   * @throws WebhookRejectedException (400) when the body cannot be read or a required field is missing
   */
  public static DaktelaTrigger parse(String contentType, byte[] body) {
    String type = mediaType(contentType);
    boolean json = type.equals("application/json") || type.endsWith("+json")
        || (!type.equals("application/x-www-form-urlencoded") && startsLikeJson(body));
    return json ? fromJson(body) : fromForm(new String(body, StandardCharsets.UTF_8));
  }

  /**
   * A trigger from a JSON object's fields.
   *
   * @throws WebhookRejectedException (400) naming the field when {@code event} or {@code ticket} is missing
   */
  static DaktelaTrigger fromJson(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw WebhookRejectedException.badRequest("body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw WebhookRejectedException.badRequest("body cannot be read");
    }
    if (root == null || !root.isObject()) {
      throw WebhookRejectedException.badRequest("body must be a JSON object (or form fields) with 'event' and 'ticket'");
    }
    return new DaktelaTrigger(text(root.get("event")), text(root.get("ticket")), text(root.get("activity")),
        text(root.get("user")), root.has("user"), text(root.get("stage")), text(root.get("edited")));
  }

  /**
   * A trigger from {@code application/x-www-form-urlencoded} fields: pairs split at {@code &}, name and value at
   * the first {@code =}, each percent-decoded as UTF-8 ({@code +} is a space); the first value of a name counts.
   *
   * @throws WebhookRejectedException (400) when an escape is malformed or a required field is missing
   */
  static DaktelaTrigger fromForm(String body) {
    var fields = new LinkedHashMap<String, String>();
    for (String pair : body.split("&")) {
      if (pair.isBlank()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq)).strip();
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      fields.putIfAbsent(name, value);
    }
    return fromFields(fields);
  }

  private static DaktelaTrigger fromFields(Map<String, String> fields) {
    return new DaktelaTrigger(fields.get("event"), fields.get("ticket"), fields.get("activity"), fields.get("user"),
        fields.containsKey("user"), fields.get("stage"), fields.get("edited"));
  }

  /** Whether a ticket is closed by its stage ({@code CLOSE} or {@code ARCHIVE}, any case). */
  boolean closed() {
    return stage.equalsIgnoreCase("CLOSE") || stage.equalsIgnoreCase("ARCHIVE");
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw WebhookRejectedException.badRequest("form body has a malformed %-escape");
    }
  }

  /**
   * A wire value's text, as triggers and v6 records hold it: a string or number as is, an expanded reference (an
   * object) by its {@code name}, null, missing or an array as empty; stripped of surrounding white space.
   */
  public static String text(JsonNode node) {
    if (node == null || node.isNull()) {
      return "";
    }
    if (node.isObject()) {
      return text(node.get("name"));
    }
    return node.isValueNode() ? node.asText().strip() : "";
  }

  private static String required(String value, String field) {
    String stripped = strip(value);
    if (stripped.isEmpty()) {
      throw WebhookRejectedException.badRequest("missing field '" + field + "' (see the Events template in the "
          + "Daktela connector's README)");
    }
    return stripped;
  }

  /** The ticket's plain number; anything else could never be loaded, so it is refused (400). */
  private static String ticketNumber(String value) {
    var m = TICKET.matcher(value);
    if (!m.matches()) {
      throw WebhookRejectedException.badRequest("field 'ticket' must be a Daktela ticket number (such as 9672 or "
          + "TK00009672)");
    }
    return m.group(1);
  }

  private static String strip(String value) {
    return value == null ? "" : value.strip();
  }

  private static String mediaType(String contentType) {
    String type = Objects.requireNonNullElse(contentType, "");
    int semicolon = type.indexOf(';');
    return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(java.util.Locale.ROOT);
  }

  private static boolean startsLikeJson(byte[] body) {
    for (byte b : body) {
      if (!Character.isWhitespace(b)) {
        return b == '{';
      }
    }
    return false;
  }
}
