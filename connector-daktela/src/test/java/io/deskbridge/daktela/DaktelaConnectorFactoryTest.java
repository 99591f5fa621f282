package io.deskbridge.daktela;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.config.Settings;
import io.deskbridge.core.spi.Capability;
import io.deskbridge.core.spi.ConnectorContext;
import io.deskbridge.core.spi.ConnectorFactory;
import java.time.Clock;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class DaktelaConnectorFactoryTest {
  private static ConnectorContext context(Map<String, ?> values) {
    return new ConnectorContext("acme", new Settings("installations[acme].settings", values,
        Map.of("T", "tok", "S", "sec")::get), Clock.systemUTC());
  }

  @Test
  void theServiceLoaderFindsItUnderDaktela() {
    assertThat(ServiceLoader.load(ConnectorFactory.class).stream().map(ServiceLoader.Provider::get)
        .filter(f -> f.vendor().equals("daktela")).findFirst()).get().isInstanceOf(DaktelaConnectorFactory.class);
    assertThat(new DaktelaConnectorFactory().settingsSchema()).isPresent();
  }

  @Test
  void webhooksByDefaultPollingWhenConfigured() {
    var factory = new DaktelaConnectorFactory();
    try (var webhooks = factory.create(context(Map.of("url", "https://acme.daktela.com", "accessToken",
        Map.of("env", "T"), "webhookSecret", Map.of("env", "S"))));
        var polling = factory.create(context(Map.of("url", "https://acme.daktela.com", "accessToken",
            Map.of("env", "T"), "events", "polling", "requestsPerMinute", 120)))) {
      assertThat(webhooks.vendor()).isEqualTo("daktela");
      assertThat(webhooks.poller()).isEmpty();
      assertThat(webhooks.requestsPerMinute()).isEqualTo(300);
      assertThat(webhooks.capabilities().supported())
          .containsExactlyInAnyOrder(Capability.ATOMIC_UPDATE, Capability.AGENT_NOTES_TAKE_OVER,
              Capability.EMAIL_HEADERS);
      assertThat(webhooks.capabilities().maxNoteChars()).isEqualTo(65_000);
      assertThat(polling.poller()).isPresent();
      assertThat(polling.requestsPerMinute()).isEqualTo(120);
    }
  }
}
