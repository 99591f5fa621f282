package io.deskbridge.daktela;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.config.Settings;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.Capability;
import io.deskbridge.core.spi.ConnectorContext;
import io.deskbridge.core.spi.ConnectorFactory;
import java.time.Clock;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DaktelaChatConnectorFactoryTest {
  private static ConnectorContext context() {
    return new ConnectorContext("webchat", new Settings("installations[webchat].settings", Map.of("url",
        "https://acme.daktela.com", "botToken", Map.of("env", "B")), Map.of("B", "b0t-token-0123456789abcdef")::get),
        Clock.systemUTC());
  }

  @Test
  void theServiceLoaderFindsItUnderDaktelaChat() {
    assertThat(ServiceLoader.load(ConnectorFactory.class).stream().map(ServiceLoader.Provider::get)
        .filter(f -> f.vendor().equals("daktela-chat")).findFirst()).get()
        .isInstanceOf(DaktelaChatConnectorFactory.class);
    assertThat(new DaktelaChatConnectorFactory().settingsSchema()).isPresent();
  }

  @Test
  void aChatWhoseHandoverEndsTheBotsWritesAndWhoseRoutesAreQueueNumbers() {
    try (var connector = new DaktelaChatConnectorFactory().create(context())) {
      assertThat(connector.vendor()).isEqualTo("daktela-chat");
      assertThat(connector.poller()).isEmpty();
      assertThat(connector.capabilities().supported())
          .containsExactlyInAnyOrder(Capability.CHAT, Capability.HANDOVER_ENDS_BOT_WRITES,
              Capability.UNVERIFIABLE_WRITES);
      assertThat(connector.client().whoAmI().userId()).isEqualTo("deskbridge-bot");
      connector.client().checkRoutes(Set.of("3201", "3202"));
      assertThatThrownBy(() -> connector.client().checkRoutes(Set.of("3201", "Billing")))
          .isInstanceOfSatisfying(VendorException.class, e -> assertThat(e.kind())
              .isEqualTo(VendorException.Kind.INVALID))
          .hasMessageContaining("routing target 'Billing' is not a Daktela queue number")
          .hasMessageContaining("installations[webchat]");
    }
  }
}
