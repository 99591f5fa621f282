package io.deskbridge.mock.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The fake's configuration: the contract's defaults, withers that change one thing, secrets never printed. */
class SalesforceFakeConfigTest {
  @Test
  void defaultsAreTheContractsAndSecretsAreRedacted() {
    SalesforceFakeConfig c = SalesforceFakeConfig.defaults();
    assertThat(c.orgId()).isEqualTo("00D5g000000ABCDEAA");
    assertThat(c.queues()).containsExactly("Bot_Intake", "Tier1", "Billing", "Tier2");
    assertThat(c.defaultCaseOwnerQueue()).isEqualTo("Bot_Intake");
    assertThat(c.dailyApiLimit()).isEqualTo(15_000);
    assertThat(c.orgWideAddress()).isEqualTo("support@acme.example");
    assertThat(c.omForIntegrationUser()).isTrue();
    assertThat(c.toString()).contains("00D5g000000ABCDEAA")
        .doesNotContain(c.password(), c.securityToken(), c.clientSecret());
  }

  @Test
  void withersChangeOneThingAndBadValuesAreRefused() {
    SalesforceFakeConfig c = SalesforceFakeConfig.defaults().withQueueNotForCases("Billing")
        .withClient("id2", "secret2").omForIntegrationUser(false);
    assertThat(c.queuesNotForCases()).containsExactly("Billing");
    assertThat(c.clientId()).isEqualTo("id2");
    assertThat(c.omForIntegrationUser()).isFalse();
    assertThat(c.queues()).isEqualTo(SalesforceFakeConfig.defaults().queues());
    assertThatThrownBy(() -> c.withOrgId("005x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.withDefaultCaseOwnerQueue("Nope")).isInstanceOf(IllegalArgumentException.class);
  }
}
