package io.deskbridge.mock.zendesk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BiFunction;

/**
 * A hostile Zendesk: malformed webhook bodies, each meant to be signed with the real secret, from a seeded
 * generator, so a run can be repeated exactly. The bodies start from the three kinds Zendesk sends (an event
 * webhook for {@code ticket.comment_added} and for {@code ticket.created}, a trigger body) and get one
 * mutation each: broken or truncated JSON, invalid UTF-8, deep nesting, ids that are too long, blank,
 * non-numeric or hold CR, LF, NUL or other control characters, wrong types, missing fields, unknown event
 * types, huge texts. The suite's fuzz test and {@code bench fuzz} use it. Not thread-safe.
 */
public final class ZendeskWebhookFuzzer {
  /** The event id every intact template carries; accepted mutations that keep it are duplicates. */
  public static final String TEMPLATE_EVENT_ID = "01HZFUZZ0000000000000000000";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final String CONTROL = "\r\n\0\u0001\u001b\u007f\u0085\t";

  /**
   * One generated body.
   *
   * @param mutation      what was done to the template, for the report
   * @param body          the raw body bytes
   * @param mustBeRefused true when no correct connector may accept it (it must answer 4xx); false when an
   *                      answer of 200 is also right (for instance an unknown event type, acknowledged and ignored)
   */
  public record Sample(String mutation, byte[] body, boolean mustBeRefused) {
    public Sample {
      Objects.requireNonNull(mutation, "mutation");
      body = body.clone();
    }

    @Override
    public byte[] body() {
      return body.clone();
    }
  }

  private record Mutation(String name, boolean refused, BiFunction<ZendeskWebhookFuzzer, ObjectNode, byte[]> apply) {}

  private final SplittableRandom random;
  private final String ticketId;
  private final List<Mutation> mutations = List.of(
      raw("truncated", (f, t) -> {
        byte[] b = bytes(t);
        return java.util.Arrays.copyOf(b, 1 + f.random.nextInt(b.length - 1));
      }),
      raw("random bytes", (f, t) -> {
        byte[] b = new byte[f.random.nextInt(0, 300)];
        for (int i = 0; i < b.length; i++) {
          b[i] = (byte) f.random.nextInt(256);
        }
        return b;
      }),
      raw("invalid UTF-8 in a string", (f, t) -> {
        String s = t.toString();
        int at = s.indexOf("\"id\":\"") + 6;
        byte[] head = s.substring(0, at).getBytes(StandardCharsets.UTF_8);
        byte[] tail = s.substring(at).getBytes(StandardCharsets.UTF_8);
        byte[] bad = {(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xFE};
        byte[] out = new byte[head.length + bad.length + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(bad, 0, out, head.length, bad.length);
        System.arraycopy(tail, 0, out, head.length + bad.length, tail.length);
        return out;
      }),
      raw("nested 5000 deep", (f, t) -> ("{\"type\":" + "[".repeat(5000) + "]".repeat(5000) + "}")
          .getBytes(StandardCharsets.UTF_8)),
      raw("number with 5000 digits", (f, t) -> ("{\"ticket_id\":" + "9".repeat(5000) + "}").getBytes(StandardCharsets.UTF_8)),
      raw("not an object", (f, t) -> f.pick(List.of("[]", "[{}]", "\"zen\"", "42", "null", "true", "", " "))
          .getBytes(StandardCharsets.UTF_8)),
      raw("neither an event nor a trigger", (f, t) -> "{\"hello\":\"world\"}".getBytes(StandardCharsets.UTF_8)),
      field("event id too long", true, (f, t) -> t.has("type"), (f, t) -> t.put("id", f.text(513, 3000))),
      field("event id blank", true, (f, t) -> t.has("type"), (f, t) -> t.put("id", f.pick(List.of(" ", "   ", "\t", "\u2003 ")))),
      field("event id with a control character", true, (f, t) -> t.has("type"), (f, t) -> t.put("id", f.withControl("ev"))),
      field("event id missing, null or not text", true, (f, t) -> t.has("type"), (f, t) -> f.unset(t, "id")),
      field("ticket id not a number", true, (f, t) -> true, (f, t) -> f.setTicket(t, f.pick(List.of("abc", "-1", "1.5",
          "1e3", "0x1F", " 12", "12 ", "", "１２", "12;DROP TABLE inbox_event")))),
      field("ticket id with CR, LF or NUL", true, (f, t) -> true, (f, t) -> f.setTicket(t, f.withControl(f.ticketId))),
      field("ticket id too long", true, (f, t) -> true, (f, t) -> f.setTicket(t, "1".repeat(20 + f.random.nextInt(600)))),
      field("ticket id missing", true, (f, t) -> true, (f, t) -> {
        if (t.has("type")) {
          f.unset((ObjectNode) t.get("detail"), "id");
        } else {
          t.remove("ticket_id");
          t.put("comment_id", "1");
        }
      }),
      field("time not ISO-8601", true, (f, t) -> t.has("type"), (f, t) -> t.put("time", f.pick(List.of("yesterday",
          "2026-13-45T99:99:99Z", "1717922204", f.text(1, 40))))),
      field("comment id missing", true, (f, t) -> t.path("type").asText().endsWith("comment_added"),
          (f, t) -> f.unset((ObjectNode) t.get("event").get("comment"), "id")),
      field("trigger key too long", true, (f, t) -> t.has("ticket_id"), (f, t) -> t.put("comment_id", f.text(600, 2000))),
      field("trigger key with a control character", true, (f, t) -> t.has("ticket_id"),
          (f, t) -> t.put("comment_id", f.withControl("5"))),
      field("trigger without a key", true, (f, t) -> t.has("ticket_id"), (f, t) -> t.remove("comment_id")),
      field("unknown event type", false, (f, t) -> t.has("type"), (f, t) -> t.put("type", f.pick(List.of(
          "zen:event-type:user.created", "zen:event-type:ticket.merged", "zen:event-type:ticket." + f.text(1, 30),
          f.text(1, 100))))),
      field("type not text", false, (f, t) -> t.has("type"), (f, t) -> t.set("type", f.pick(List.of(NODES.numberNode(7),
          NODES.arrayNode(), NODES.objectNode(), NODES.booleanNode(true))))),
      field("unicode event id", false, (f, t) -> t.has("type"), (f, t) -> t.put("id", TEMPLATE_EVENT_ID + "-é日本\uD83D\uDE00")),
      field("huge comment with control characters", false, (f, t) -> t.path("type").asText().endsWith("comment_added"),
          (f, t) -> ((ObjectNode) t.get("event").get("comment")).put("body", f.withControl(f.text(10_000, 100_000)))),
      field("unknown and wrongly typed extra fields", false, (f, t) -> true, (f, t) -> {
        t.put("zz_" + f.text(1, 10), f.text(0, 50));
        t.set("detail_extra", NODES.arrayNode().add(1).add("x").addNull());
      }));

  /**
   * @param seed     the seed; the same seed gives the same bodies
   * @param ticketId the ticket the intact templates are about (an existing one, so what is accepted is ordinary)
   */
  public ZendeskWebhookFuzzer(long seed, String ticketId) {
    this.random = new SplittableRandom(seed);
    this.ticketId = Objects.requireNonNull(ticketId, "ticketId");
  }

  /** The headers Zendesk would send with {@code body}, signed with {@code secret} at {@code now}. */
  public static Map<String, String> signedHeaders(String secret, byte[] body, Instant now) {
    String timestamp = now.truncatedTo(ChronoUnit.SECONDS).toString();
    return Map.of("Content-Type", "application/json",
        "x-zendesk-webhook-signature-timestamp", timestamp,
        "x-zendesk-webhook-signature", ZendeskFake.sign(secret, timestamp, body));
  }

  /** The next malformed body. */
  public Sample next() {
    while (true) {
      ObjectNode template = template(random.nextInt(3));
      Mutation m = mutations.get(random.nextInt(mutations.size()));
      byte[] body = m.apply().apply(this, template);
      if (body != null) {
        return new Sample(m.name(), body, m.refused());
      }
    }
  }

  private static Mutation raw(String name, BiFunction<ZendeskWebhookFuzzer, ObjectNode, byte[]> apply) {
    return new Mutation(name, true, apply);
  }

  private interface Applies {
    boolean test(ZendeskWebhookFuzzer f, ObjectNode template);
  }

  private interface Change {
    void apply(ZendeskWebhookFuzzer f, ObjectNode template);
  }

  /** A change to a parsed template, where it applies; null (try again) where it does not. */
  private static Mutation field(String name, boolean refused, Applies applies, Change change) {
    return new Mutation(name, refused, (f, t) -> {
      if (!applies.test(f, t)) {
        return null;
      }
      change.apply(f, t);
      return bytes(t);
    });
  }

  private ObjectNode template(int kind) {
    try {
      return (ObjectNode) JSON.readTree(switch (kind) {
        case 0 -> """
            {"type":"zen:event-type:ticket.comment_added","account_id":123456,"id":"%s",
             "time":"%s","zendesk_event_version":"2022-11-06","subject":"zen:ticket:%s",
             "detail":{"id":"%s","status":"OPEN","requester_id":"1","tags":[],"via":{"channel":"web"}},
             "event":{"comment":{"id":"777","body":"Where is my order?","is_public":true,
               "author":{"id":"1","name":"Ann","is_staff":false}}}}"""
            .formatted(TEMPLATE_EVENT_ID, Instant.now(), ticketId, ticketId);
        case 1 -> """
            {"type":"zen:event-type:ticket.created","account_id":123456,"id":"%s","time":"%s",
             "zendesk_event_version":"2022-11-06","subject":"zen:ticket:%s",
             "detail":{"id":"%s","status":"NEW","requester_id":"1","submitter_id":"1","description":"Hello",
               "tags":[],"via":{"channel":"web"}}}"""
            .formatted(TEMPLATE_EVENT_ID, Instant.now(), ticketId, ticketId);
        default -> "{\"ticket_id\":\"%s\",\"comment_id\":\"777\",\"updater_id\":\"1\"}".formatted(ticketId);
      });
    } catch (java.io.IOException e) {
      throw new IllegalStateException("a fuzz template is not JSON", e);
    }
  }

  private static byte[] bytes(JsonNode node) {
    return node.toString().getBytes(StandardCharsets.UTF_8);
  }

  private <T> T pick(List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** Printable text of a length in [min, max], with some non-ASCII letters. */
  private String text(int min, int max) {
    int n = min == max ? min : random.nextInt(min, max + 1);
    var out = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      out.append(random.nextInt(20) == 0 ? 'é' : (char) random.nextInt('!', '~' + 1));
    }
    return out.toString();
  }

  /** {@code value} with one or more control characters put in at random places. */
  private String withControl(String value) {
    var out = new StringBuilder(value);
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      out.insert(random.nextInt(out.length() + 1), CONTROL.charAt(random.nextInt(CONTROL.length())));
    }
    return out.toString();
  }

  private void setTicket(ObjectNode template, String value) {
    if (template.has("type")) {
      ((ObjectNode) template.get("detail")).put("id", value);
    } else {
      template.put("ticket_id", value);
    }
  }

  private void unset(ObjectNode node, String field) {
    switch (random.nextInt(4)) {
      case 0 -> node.remove(field);
      case 1 -> node.putNull(field);
      case 2 -> node.set(field, NODES.arrayNode().add("x"));
      default -> node.set(field, NODES.objectNode().put("id", "x"));
    }
  }
}
