package io.deskbridge.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.ConnectorContext;
import io.deskbridge.mock.zendesk.ZendeskFake;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The start-up "who am I" call against the fake: failures an admin fixes name the setting to fix. */
class ZendeskStartupCheckIT {
  private static final String PATH = "installations[acme].settings";
  private ZendeskFake fake;

  @BeforeEach
  void start() {
    fake = ZendeskFake.start();
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private io.deskbridge.core.spi.Connector connector(String url, String token) {
    var settings = new Settings(PATH, Map.of("url", url, "email", fake.config().agentEmail(),
        "apiToken", Secret.of(token), "webhookSecret", Secret.of("s3cret")), name -> null);
    return new ZendeskConnectorFactory().create(new ConnectorContext("acme", settings, Clock.systemUTC()));
  }

  @Test
  void theRightTokenAuthenticatesAsTheBot() {
    try (var connector = connector(fake.baseUrl(), fake.config().apiToken())) {
      assertThat(connector.client().whoAmI().userId()).isEqualTo(Long.toString(fake.botUserId()));
    }
  }

  @Test
  void aWrongTokenNamesTheTokenAndTheEmailSettingsAndNeverTheToken() {
    try (var connector = connector(fake.baseUrl(), "wrong-token-123")) {
      assertThatThrownBy(() -> connector.client().whoAmI()).isInstanceOfSatisfying(VendorException.class,
              e -> assertThat(e.kind()).isEqualTo(VendorException.Kind.AUTH))
          .hasMessage("Zendesk refused the API token for " + fake.config().agentEmail() + " (HTTP 401): set "
              + PATH + ".apiToken to an active API token (Admin Center > Apps and integrations > APIs > Zendesk API) "
              + "and " + PATH + ".email to the agent it authenticates as");
    }
  }

  @Test
  void anUnknownHostNamesTheUrlSetting() {
    try (var connector = connector("https://deskbridge-no-such-account.invalid", fake.config().apiToken())) {
      assertThatThrownBy(() -> connector.client().whoAmI()).isInstanceOfSatisfying(VendorException.class,
              e -> assertThat(e.kind()).isEqualTo(VendorException.Kind.NOT_FOUND))
          .hasMessage("the host of https://deskbridge-no-such-account.invalid is unknown: set " + PATH
              + ".url to https://{subdomain}.zendesk.com (or check this machine's DNS)");
    }
  }
}
