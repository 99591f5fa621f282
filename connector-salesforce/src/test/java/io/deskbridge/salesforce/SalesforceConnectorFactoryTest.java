package io.deskbridge.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.config.Settings;
import io.deskbridge.core.spi.ConnectorContext;
import io.deskbridge.core.spi.ConnectorFactory;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class SalesforceConnectorFactoryTest {
  private static Map<String, Object> settings() {
    var m = new HashMap<String, Object>();
    m.put("instanceUrl", "https://acme.my.salesforce.com.invalid");
    m.put("organizationId", "00D5g000000ABCDEAA");
    m.put("botQueue", "Bot_Intake");
    m.put("auth", Map.of("clientId", "3MVG9abc", "clientSecret", Map.of("env", "S")));
    return m;
  }

  private static ConnectorContext context(Map<String, Object> settings) {
    return new ConnectorContext("acme", new Settings("installations[acme].settings", settings, Map.of("S", "s")::get),
        Clock.systemUTC());
  }

  @Test
  void theServiceLoaderFindsTheFactoryAndItsSchema() {
    var factory = ServiceLoader.load(ConnectorFactory.class).stream().map(ServiceLoader.Provider::get)
        .filter(f -> f.vendor().equals("salesforce")).findFirst();
    assertThat(factory).containsInstanceOf(SalesforceConnectorFactory.class);
    assertThat(factory.get().settingsSchema()).isPresent();
  }

  @Test
  void createMakesNoVendorCallAndDeclaresOnlyEmailHeaders() {
    try (var connector = new SalesforceConnectorFactory().create(context(settings()))) {
      assertThat(connector.vendor()).isEqualTo("salesforce");
      assertThat(connector.capabilities().supported()).as("EmailMessage.Headers is read; nothing else")
          .containsExactlyInAnyOrder(io.deskbridge.core.spi.Capability.EMAIL_HEADERS,
              io.deskbridge.core.spi.Capability.DRAFT_APPROVAL);
      assertThat(connector.capabilities().maxNoteChars()).isEqualTo(4_000);
      assertThat(connector.requestsPerMinute()).as("the allocation is learnt at start").isZero();
    }
  }

  @Test
  void aConfiguredAllocationSetsTheBudgetAtOnceAndFeedNotesTakeTenThousandCharacters() {
    var s = settings();
    s.put("dailyApiRequests", "144000");
    s.put("apiShare", "0.5");
    s.put("notes", "feed");
    try (var connector = new SalesforceConnectorFactory().create(context(s))) {
      assertThat(connector.requestsPerMinute()).isEqualTo(50); // 144,000 x 0.5 / 1,440
      assertThat(connector.capabilities().maxNoteChars()).isEqualTo(10_000);
    }
  }
}
