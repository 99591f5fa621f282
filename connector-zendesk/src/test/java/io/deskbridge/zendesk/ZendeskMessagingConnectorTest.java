package io.deskbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the messaging connector says at start and how long a note it takes, with and without the Support API. */
class ZendeskMessagingConnectorTest {
  private static ZendeskMessagingConfig config(boolean support) {
    var values = new HashMap<String, Object>(Map.of("url", "http://localhost:1/sc", "appId", "5f1e",
        "keyId", "app_5f1e", "keySecret", Secret.of("k"), "webhookSecret", Secret.of("w"),
        "botIntegrationId", "deskbridge"));
    if (support) {
      values.put("support", Map.of("url", "http://localhost:1", "email", "bot@acme.example",
          "apiToken", Secret.of("t"), "webhookSecret", Secret.of("s")));
    }
    return ZendeskMessagingConfig.from(Settings.of("installations[chat].settings", values));
  }

  @Test
  void withoutTheSupportApiOneLineNamesTheSettingAndNotesStayWithinTheMetadata() {
    var warning = ZendeskMessagingConnector.supportWarning(config(false), "installations[chat].settings");

    assertThat(warning).hasValueSatisfying(w -> assertThat(w).doesNotContain("\n")
        .startsWith("installations[chat].settings.support is not set").contains("cut"));
    try (var connector = new ZendeskMessagingConnector("chat", config(false), "installations[chat].settings",
        "deskbridge_handover", java.time.Clock.systemUTC())) {
      assertThat(connector.capabilities().maxNoteChars()).isEqualTo(ZendeskMessagingConnector.MAX_NOTE_CHARS);
    }
  }

  @Test
  void withTheSupportApiThereIsNoWarningAndTheFullSummaryGetsThrough() {
    assertThat(ZendeskMessagingConnector.supportWarning(config(true), "installations[chat].settings")).isEmpty();
    try (var connector = new ZendeskMessagingConnector("chat", config(true), "installations[chat].settings",
        "deskbridge_handover", java.time.Clock.systemUTC())) {
      assertThat(connector.capabilities().maxNoteChars()).isEqualTo(ZendeskMessagingConnector.MAX_FULL_NOTE_CHARS);
    }
  }
}
