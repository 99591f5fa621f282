package io.deskbridge.mock.daktela;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EventsModuleTest {
  private static final Map<String, String> VARS = Map.of("ticket.name", "1001", "ticket.user", "",
      "ticket.stage", "OPEN", "ticket.edited", "2026-12-04 15:00:00", "activity.user", "a\"b&c=d é");

  @Test
  void jsonTemplatesEscapeValuesAndUnknownVariablesRenderEmpty() {
    assertThat(EventsModule.render("{\"t\":\"{{ticket.name}}\",\"u\":\"{{ activity.user }}\",\"x\":\"{{nope}}\"}",
        VARS, false)).isEqualTo("{\"t\":\"1001\",\"u\":\"a\\\"b&c=d é\",\"x\":\"\"}");
  }

  @Test
  void formTemplatesUrlEncodeValues() {
    assertThat(EventsModule.render("ticket={{ticket.name}}&user={{activity.user}}&edited={{ticket.edited}}", VARS,
        true)).isEqualTo("ticket=1001&user=a%22b%26c%3Dd+%C3%A9&edited=2026-12-04+15%3A00%3A00");
  }

  @Test
  void theDefaultTemplatesRenderTheContractsBodies() {
    assertThat(EventsModule.render(EventsModule.defaultTemplates(false).get("ticket_update"), VARS, false))
        .isEqualTo("{\"event\":\"ticket_update\",\"ticket\":\"1001\",\"user\":\"\",\"stage\":\"OPEN\","
            + "\"edited\":\"2026-12-04 15:00:00\"}");
    assertThat(EventsModule.defaultTemplates(true)).containsOnlyKeys("ticket_create", "ticket_update",
        "activity_create");
  }
}
