package io.deskbridge.daktela.internal.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.webhook.WebhookRejectedException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Trigger bodies as the README's Events templates render them, in JSON and form-encoded. */
class DaktelaTriggerTest {
  private static final String JSON = "application/json";
  private static final String FORM = "application/x-www-form-urlencoded";

  private static DaktelaTrigger parse(String contentType, String body) {
    return DaktelaTrigger.parse(contentType, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void assertRefused(String contentType, String body, String reason) {
    assertThatThrownBy(() -> parse(contentType, body)).as(body)
        .isInstanceOfSatisfying(WebhookRejectedException.class, e -> {
          assertThat(e.status()).isEqualTo(400);
          assertThat(e.getMessage()).contains(reason);
        });
  }

  @Test
  void readsTheTicketTemplateAsJson() {
    var t = parse(JSON + "; charset=utf-8", """
        {"event":"ticket_update","ticket":"TK00009672","user":"alice","stage":"OPEN","edited":"2026-12-04 14:03:07"}""");
    assertThat(t).isEqualTo(new DaktelaTrigger("ticket_update", "9672", "", "alice", true, "OPEN",
        "2026-12-04 14:03:07"));
  }

  @Test
  void readsTheActivityTemplateAsAForm() {
    var t = parse(FORM, "event=activity_create&ticket=9672&activity=activities_5f3a9c&user=");
    assertThat(t).isEqualTo(new DaktelaTrigger("activity_create", "9672", "activities_5f3a9c", "", true, "", ""));
  }

  @Test
  void formValuesArePercentDecodedAsUtf8AndPlusIsASpace() {
    var t = parse(FORM, "event=ticket_update&ticket=%54K0042&edited=2026-12-04+14%3A03%3A07&user=j%C3%BArka&stage=CLOSE"
        + "&edited=ignored-second-value&&noise");
    assertThat(t.ticket()).isEqualTo("42");
    assertThat(t.edited()).isEqualTo("2026-12-04 14:03:07");
    assertThat(t.user()).isEqualTo("júrka");
    assertThat(t.stage()).isEqualTo("CLOSE");
    assertThat(t.closed()).isTrue();
  }

  @Test
  void anUnsentUserIsNotAnEmptyUser() {
    assertThat(parse(FORM, "event=ticket_update&ticket=1").userPresent()).isFalse();
    assertThat(parse(JSON, "{\"event\":\"ticket_update\",\"ticket\":1}").userPresent()).isFalse();
    assertThat(parse(JSON, "{\"event\":\"ticket_update\",\"ticket\":1,\"user\":null}").userPresent()).isTrue();
    assertThat(parse(JSON, "{\"event\":\"ticket_update\",\"ticket\":1,\"user\":\"\"}").userPresent()).isTrue();
  }

  @Test
  void jsonTakesNumbersAndExpandedReferences() {
    var t = parse(JSON, """
        {"event":"activity_create","ticket":{"name":9672,"title":"Printer"},"activity":"activities_1",
         "user":{"name":"bob","title":"Bob Agent"},"extra":[1,2]}""");
    assertThat(t.ticket()).isEqualTo("9672");
    assertThat(t.user()).isEqualTo("bob");
  }

  @Test
  void withoutAContentTypeTheBodyTellsJsonFromAForm() {
    assertThat(parse("", "  {\"event\":\"ticket_create\",\"ticket\":\"5\"}").event()).isEqualTo("ticket_create");
    assertThat(parse("text/plain", "event=ticket_create&ticket=5").ticket()).isEqualTo("5");
    assertThat(parse(null, "event=ticket_create&ticket=5").ticket()).isEqualTo("5");
  }

  @Test
  void aMissingOrBlankEventOrTicketIs400NamingTheField() {
    assertRefused(JSON, "{\"ticket\":\"9672\"}", "missing field 'event'");
    assertRefused(JSON, "{\"event\":\"  \",\"ticket\":\"9672\"}", "missing field 'event'");
    assertRefused(JSON, "{\"event\":\"ticket_update\"}", "missing field 'ticket'");
    assertRefused(FORM, "event=ticket_update&ticket=", "missing field 'ticket'");
    assertRefused(FORM, "ticket=9672", "missing field 'event'");
    assertRefused(JSON, "{\"event\":\"ticket_update\",\"ticket\":null}", "missing field 'ticket'");
  }

  @Test
  void aTicketThatIsNotATicketNumberIs400() {
    for (String ticket : List.of("abc", "TK", "0", "TK0000", "-1", "12a", "12 34", "1".repeat(19), "{{ticket.name}}")) {
      assertRefused(JSON, "{\"event\":\"ticket_update\",\"ticket\":\"" + ticket + "\"}",
          "field 'ticket' must be a Daktela ticket number");
    }
    assertRefused(FORM, "event=ticket_update&ticket=12%0A34", "field 'ticket' must be a Daktela ticket number");
  }

  @Test
  void anUnreadableBodyIs400() {
    assertRefused(JSON, "{\"event\":", "body is not valid JSON");
    assertRefused(JSON, "[]", "body must be a JSON object");
    assertRefused(JSON, "", "body must be a JSON object");
    assertRefused(FORM, "event=ticket_update&ticket=1&user=%E", "malformed %-escape");
  }
}
