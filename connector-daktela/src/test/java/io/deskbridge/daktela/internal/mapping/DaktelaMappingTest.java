package io.deskbridge.daktela.internal.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Ownership;
import io.deskbridge.core.conversation.Visibility;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DaktelaMappingTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DaktelaTime TIME = new DaktelaTime(ZoneId.of("Europe/Prague"));
  private static final ConversationKey KEY = new ConversationKey("daktela", "acme", "9672");

  private static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  private static JsonNode ticket(String user, String stage) throws Exception {
    return json("""
        {"name":9672,"title":"Invoice missing","category":{"name":"categories_support","title":"Support",
         "email_queue":{"name":3001,"title":"Support e-mail"}},"user":%s,"contact":null,"email":"jana@example.com",
         "stage":"%s","priority":"MEDIUM","statuses":[],"created":"2026-12-04 10:00:00","edited":"2026-12-04 10:05:00",
         "customFields":[],"_sys":{"model":"tickets"}}""".formatted(user, stage));
  }

  private static JsonNode activity(String name, String type, String user, String time, String item, String description)
      throws Exception {
    return json("""
        {"name":"%s","ticket":9672,"type":"%s","title":"t","description":%s,"user":%s,"time":"%s","item":%s,
         "_sys":{"model":"activities"}}""".formatted(name, type, description == null ? "null"
        : JSON.writeValueAsString(description), user, time, item));
  }

  @Test
  void aTicketWithItsActivitiesInTimeThenNameOrder() throws Exception {
    var activities = List.of(
        activity("activities_c", "COMMENT", "{\"name\":\"alice\",\"title\":\"Alice Agent\"}", "2026-12-04 10:03:00",
            "null", "<p>Checking with <b>billing</b></p>"),
        activity("activities_b", "EMAIL", "{\"name\":\"deskbridge\",\"title\":\"Deskbridge bot\"}",
            "2026-12-04 10:01:00", "{\"name\":2,\"direction\":\"out\",\"address\":\"jana@example.com\",\"text\":"
                + "\"Hello Jana,<br>we are on it.\",\"state\":\"SENT\"}", null),
        activity("activities_a", "EMAIL", "null", "2026-12-04 10:00:00",
            "{\"name\":1,\"direction\":\"in\",\"address\":\"jana@example.com\",\"text\":\"Where is my invoice?\"}", null),
        activity("activities_d", "", "{\"name\":\"deskbridge\"}", "2026-12-04 10:03:00", "null", "Deskbridge note"),
        activity("activities_e", "EMAIL", "{\"name\":\"bob\"}", "2026-12-04 10:04:00",
            "{\"direction\":\"out\",\"text\":\"Bob here\"}", null),
        activity("activities_f", "CALL", "{\"name\":\"bob\"}", "2026-12-04 10:04:30", "{}", "Called her"),
        activity("activities_g", "CALL", "null", "2026-12-04 10:04:40", "{}", "Missed call"));

    var c = DaktelaMapping.conversation(KEY, ticket("null", "OPEN"), activities, "deskbridge", TIME);

    assertThat(c.channel()).isEqualTo(Channel.EMAIL);
    assertThat(c.subject()).isEqualTo("Invoice missing");
    assertThat(c.customer().email()).isEqualTo("jana@example.com");
    assertThat(c.groupId()).isEqualTo("categories_support");
    assertThat(c.assigneeId()).isEmpty();
    assertThat(c.closed()).isFalse();
    assertThat(c.version()).isEqualTo("2026-12-04 10:05:00");
    assertThat(c.owner().who()).isEqualTo(Ownership.BOT);
    assertThat(c.messages()).extracting(Message::id).containsExactly("activities_a", "activities_b", "activities_c",
        "activities_d", "activities_e", "activities_f");
    assertThat(c.messages()).extracting(Message::role, Message::visibility).containsExactly(
        org.assertj.core.groups.Tuple.tuple(AuthorRole.CUSTOMER, Visibility.PUBLIC),
        org.assertj.core.groups.Tuple.tuple(AuthorRole.BOT, Visibility.PUBLIC),
        org.assertj.core.groups.Tuple.tuple(AuthorRole.AGENT, Visibility.INTERNAL),
        org.assertj.core.groups.Tuple.tuple(AuthorRole.BOT, Visibility.INTERNAL),
        org.assertj.core.groups.Tuple.tuple(AuthorRole.AGENT, Visibility.PUBLIC),
        org.assertj.core.groups.Tuple.tuple(AuthorRole.AGENT, Visibility.INTERNAL));
    assertThat(c.messages().get(0).text()).isEqualTo("Where is my invoice?");
    assertThat(c.messages().get(0).authorId()).isEqualTo("jana@example.com");
    assertThat(c.messages().get(0).createdAt()).isEqualTo(Instant.parse("2026-12-04T09:00:00Z"));
    assertThat(c.messages().get(1).text()).isEqualTo("Hello Jana,\nwe are on it.");
    assertThat(c.messages().get(2).text()).isEqualTo("Checking with billing");
    assertThat(c.messages().get(2).authorId()).isEqualTo("alice");
  }

  @Test
  void aTicketAssignedToAnAgentIsTheirsAndToTheApiUserTheBots() throws Exception {
    var alice = DaktelaMapping.conversation(KEY, ticket("{\"name\":\"alice\",\"title\":\"Alice Agent\"}", "OPEN"),
        List.of(), "deskbridge", TIME);
    var bot = DaktelaMapping.conversation(KEY, ticket("{\"name\":\"deskbridge\"}", "WAIT"), List.of(), "deskbridge",
        TIME);

    assertThat(alice.owner().isHuman()).isTrue();
    assertThat(alice.owner().evidence()).isEqualTo("user alice");
    assertThat(alice.assigneeId()).isEqualTo("alice");
    assertThat(bot.owner().isHuman()).isFalse();
  }

  @Test
  void closeAndArchiveAreClosed() throws Exception {
    assertThat(DaktelaMapping.conversation(KEY, ticket("null", "CLOSE"), List.of(), "b", TIME).closed()).isTrue();
    assertThat(DaktelaMapping.conversation(KEY, ticket("null", "ARCHIVE"), List.of(), "b", TIME).closed()).isTrue();
    assertThat(DaktelaMapping.conversation(KEY, ticket("null", "WAIT"), List.of(), "b", TIME).closed()).isFalse();
  }

  @Test
  void anExpandedContactGivesTheCustomer() throws Exception {
    var ticket = (com.fasterxml.jackson.databind.node.ObjectNode) ticket("null", "OPEN");
    ticket.set("contact", json("{\"name\":\"contacts_1\",\"title\":\"Jana Nová\",\"email\":\"jana@example.com\"}"));
    ticket.put("email", "");

    var c = DaktelaMapping.conversation(KEY, ticket, List.of(), "b", TIME);

    assertThat(c.customer().id()).isEqualTo("contacts_1");
    assertThat(c.customer().name()).isEqualTo("Jana Nová");
    assertThat(c.customer().email()).isEqualTo("jana@example.com");
  }

  @Test
  void htmlBecomesPlainText() {
    assertThat(DaktelaMapping.plainText("<html><head><style>p{}</style></head><body><p>Dear Jana,</p>\n"
        + "<p>your invoice&nbsp;is <b>attached</b> &amp; paid.<br/>Regards</p><ul><li>one</li><li>two</li></ul>"
        + "<!-- tracking --></body></html>"))
        .isEqualTo("Dear Jana,\nyour invoice is attached & paid.\nRegards\n- one\n- two");
    assertThat(DaktelaMapping.plainText("&#268;au &#x1F600; &lt;tag&gt;")).isEqualTo("Čau 😀 <tag>");
  }

  @Test
  void plainTextIsKeptAsItIs() {
    assertThat(DaktelaMapping.plainText("  a < b and c > d\n\nsecond line ")).isEqualTo("a < b and c > d\n\nsecond line");
    assertThat(DaktelaMapping.plainText(null)).isEmpty();
  }

  @Test
  void referencesAreExpandedRecordsPlainNamesOrNothing() throws Exception {
    assertThat(DaktelaMapping.reference(json("{\"name\":\"alice\",\"title\":\"Alice\"}"))).isEqualTo("alice");
    assertThat(DaktelaMapping.reference(json("\"alice\""))).isEqualTo("alice");
    assertThat(DaktelaMapping.reference(json("3001"))).isEqualTo("3001");
    assertThat(DaktelaMapping.reference(json("null"))).isEmpty();
    assertThat(DaktelaMapping.reference(null)).isEmpty();
  }

  @Test
  void anIncomingEmailCarriesItsOptionsHeadersAndItsHtmlParsedWithQuotes() throws Exception {
    var item = "{\"direction\":\"in\",\"address\":\"jana@example.com\",\"text\":\"<p>Kde je?</p><blockquote>stará"
        + "</blockquote>\",\"options\":{\"headers\":{\"to\":[\"podpora@example.cz\",\"b@example.cz\"],\"cc\":[],"
        + "\"Auto-Submitted\":\"auto-replied\",\"nested\":{\"x\":1}}}}";
    var activities = List.of(activity("activities_a", "EMAIL", "null", "2026-12-04 10:00:00", item, null));

    var m = DaktelaMapping.conversation(KEY, ticket("null", "OPEN"), activities, "deskbridge", TIME).messages().get(0);

    assertThat(m.header("auto-submitted")).contains("auto-replied");
    assertThat(m.header("To")).contains("podpora@example.cz, b@example.cz");
    assertThat(m.header("nested")).isEmpty();
    assertThat(m.text()).isEqualTo("Kde je?\n\n> stará");
  }
}
