package io.deskbridge.salesforce;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.contract.AbstractConnectorIT;
import io.deskbridge.core.contract.VendorFixture;
import org.junit.jupiter.api.Test;

/**
 * An org over its daily API allocation blocks every API user until its usage drops, for hours if need be: a Case that
 * arrives meanwhile is answered once the org is back, however many 5-minute pauses that took. Nothing is lost.
 */
class SalesforceLongLimitStormIT extends AbstractConnectorIT {
  @Override
  protected VendorFixture fixture() {
    return new SalesforceFixture();
  }

  @Test
  void aCaseArrivingWhileTheOrgIsOverItsLimitForLongIsAnsweredOnceItIsBack() {
    var sf = (SalesforceFixture) fixture;
    sf.fake.failNext(8, "REQUEST_LIMIT_EXCEEDED"); // 8 pauses of 5 minutes: 40 minutes over the limit

    String id = fixture.customerOpens("Login", "How do I reset my password? I can't log in.");
    settleWhenSkippingWaits(() -> !bot(id, true).isEmpty()
        || harness.audit(id).stream().anyMatch(r -> r.reasons().contains("gave_up")));

    assertThat(harness.audit(id)).as("not given up").noneSatisfy(r -> assertThat(r.reasons()).contains("gave_up"));
    assertThat(bot(id, true)).hasSize(1);
  }
}
