package io.deskbridge.daktela;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.contract.AbstractConnectorIT;
import io.deskbridge.core.contract.VendorFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A Daktela instance that answers lists with {@code result.data} keyed by record name and {@code total} as a string
 * ({@link DaktelaKeyedDataProxy} in front of the fake): tickets are read, answered and followed up all the same, with
 * webhooks here and by polling in {@link DaktelaPollingKeyedDataIT} (the poller reads only lists).
 */
class DaktelaKeyedDataIT extends AbstractConnectorIT {
  private DaktelaKeyedDataProxy proxy;

  /** The events of this test class. */
  DaktelaFixture plainFixture() {
    return new DaktelaFixture();
  }

  @Override
  protected final VendorFixture fixture() {
    var dk = plainFixture();
    proxy = new DaktelaKeyedDataProxy(dk.fake.baseUrl());
    return dk.withSetting("url", proxy.url());
  }

  @AfterEach
  void stopProxy() {
    if (proxy != null) {
      proxy.close();
    }
  }

  @Test
  void aTicketAndItsFollowUpAreAnsweredFromKeyedLists() {
    String id = answered("Login", "How do I reset my password? I can't log in.");
    fixture.customerWrites(id, "Thanks. And how can I return an item?");
    settleWhen(() -> bot(id, true).size() == 2);

    assertThat(proxy.keyedAnswers()).as("the connector read keyed lists").isPositive();
    assertThat(bot(id, true)).hasSize(2).first().satisfies(m -> assertThat(m.text()).contains("Forgot password"));
    assertThat(decisions(id, "reply")).hasSize(2);
  }
}
