package io.deskbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.action.Action;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.HelpdeskClient.ApplyRequest;
import io.deskbridge.core.spi.HelpdeskClient.LoadRequest;
import io.deskbridge.mock.sunco.SuncoFake;
import io.deskbridge.mock.sunco.SuncoFakeExtension;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The start-up call (the switchboard and its integrations) against the SunCo fake: failures an admin fixes name the
 * setting to fix; Basic and JWT authentication; the AI subtype switch.
 */
class ZendeskMessagingStartupCheckIT {
  private static final String PATH = "installations[test].settings";

  @RegisterExtension
  final SuncoFakeExtension sunco = new SuncoFakeExtension();

  private io.deskbridge.core.spi.Connector connector(String secret, Map<String, Object> more) {
    return new ZendeskMessagingConnectorFactory().create(new io.deskbridge.core.spi.ConnectorContext("test",
        ZendeskMessagingFixture.settings(sunco.fake(), secret, more), Clock.systemUTC()));
  }

  private io.deskbridge.core.spi.Connector connector(Map<String, Object> more) {
    return connector(sunco.fake().config().keySecret(), more);
  }

  @Test
  void theFactoryIsFoundByServiceLoaderUnderItsVendorId() {
    assertThat(ServiceLoader.load(io.deskbridge.core.spi.ConnectorFactory.class).stream()
        .map(p -> p.get().vendor())).contains("zendesk", "zendesk-messaging");
  }

  @Test
  void basicAndJwtBothFindTheBotsIntegration() {
    for (String auth : List.of("basic", "jwt")) {
      try (var connector = connector(Map.of("auth", auth))) {
        var me = connector.client().whoAmI();
        assertThat(me.name()).as(auth).isEqualTo(SuncoFake.BOT);
        assertThat(me.userId()).as(auth).isNotBlank();
      }
    }
  }

  @Test
  void aWrongKeyNamesTheKeySettingsAndNeverTheSecret() {
    try (var connector = connector("wrong-secret-123", Map.of())) {
      assertThatThrownBy(() -> connector.client().whoAmI()).isInstanceOfSatisfying(VendorException.class,
              e -> assertThat(e.kind()).isEqualTo(VendorException.Kind.AUTH))
          .hasMessageContaining(PATH + ".keyId and " + PATH + ".keySecret")
          .hasMessageNotContaining("wrong-secret-123");
    }
  }

  @Test
  void anUnknownBotIntegrationOrHandoverTargetNamesItsSetting() {
    try (var connector = connector(Map.of("botIntegrationId", "no-such-bot"))) {
      assertThatThrownBy(() -> connector.client().whoAmI()).isInstanceOf(VendorException.class)
          .hasMessageContaining(PATH + ".botIntegrationId").hasMessageContaining(SuncoFake.AGENT_WORKSPACE);
    }
    try (var connector = connector(Map.of("handoverTarget", "no-such-team"))) {
      assertThatThrownBy(() -> connector.client().whoAmI()).isInstanceOf(VendorException.class)
          .hasMessageContaining(PATH + ".handoverTarget");
    }
  }

  @Test
  void anotherAppsIdNamesTheAppIdSetting() {
    try (var connector = connector(Map.of("appId", "0000000000000000000000ff"))) {
      assertThatThrownBy(() -> connector.client().whoAmI()).isInstanceOf(VendorException.class)
          .hasMessageContaining(PATH + ".appId");
    }
  }

  @Test
  void withoutTheAiSubtypeTheBotsMessageIsAPlainBusinessMessage() {
    var started = sunco.fake().customerStarts("Ann", "ann@example.com", "Hello");
    try (var connector = connector(Map.of("aiSubtype", "false", "botName", "Acme Help"))) {
      connector.client().whoAmI();
      var key = new ConversationKey("zendesk-messaging", "test", started.conversationId());
      var conversation = connector.client().load(new LoadRequest(key, Optional.empty()));
      var applied = connector.client().apply(new ApplyRequest(conversation, List.of(new Action.PublicReply("Hi!"))));

      var reply = sunco.fake().conversation(started.conversationId()).orElseThrow().apiReplies();
      assertThat(reply).singleElement().satisfies(m -> {
        assertThat(m.subtypes()).isEmpty();
        assertThat(m.displayName()).isEqualTo("Acme Help");
        assertThat(applied.messageIds()).containsExactly(m.id());
      });
    }
  }
}
