package io.deskbridge.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.contract.AbstractConnectorIT;
import io.deskbridge.core.contract.VendorFixture;
import org.junit.jupiter.api.Test;

/**
 * The same events as JSON from a Flow HTTP Callout (issue #11, item 2): the connector answers, hands over and
 * deduplicates them as it does Outbound Messages, through the same handler behind a second parser.
 */
class SalesforceJsonCalloutIT extends AbstractConnectorIT {
  @Override
  protected VendorFixture fixture() {
    return SalesforceFixture.emailCases().withJsonCallouts();
  }

  private SalesforceFixture sf() {
    return (SalesforceFixture) fixture;
  }

  @Test
  void aCaseArrivingAsJsonIsAnsweredOnceEvenWhenTheCalloutComesThreeTimes() {
    fixture.duplicateNextDelivery(3);
    String id = answered("Login", "How do I reset my password? I can't log in.");
    settle();

    assertThat(sf().fake.deliveries()).as("JSON callouts, acknowledged")
        .allSatisfy(d -> assertThat(d.body()).startsWith("{")).anySatisfy(d -> assertThat(d.acknowledged()).isTrue());
    assertThat(bot(id, true)).singleElement().satisfies(m -> assertThat(m.text()).contains("Forgot password"));
    assertThat(sf().fake.sentEmails()).hasSize(1);
  }

  @Test
  void aHandoverArrivingAsJsonRoutesToTheQueueOnce() {
    String id = handedOver();
    settleWhen(() -> !bot(id, true).isEmpty());

    assertThat(bot(id, false)).singleElement().satisfies(n -> assertThat(n.text()).contains("48213"));
    assertRouted(id);
    assertThat(decisions(id, "handover")).hasSize(1);
  }
}
