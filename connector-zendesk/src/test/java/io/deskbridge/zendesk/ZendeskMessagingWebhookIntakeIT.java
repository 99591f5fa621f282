package io.deskbridge.zendesk;

import io.deskbridge.core.contract.AbstractWebhookIntakeIT;
import io.deskbridge.core.contract.VendorFixture;

/** The contract kit's webhookintake tests on Zendesk messaging (SunCo fake). */
class ZendeskMessagingWebhookIntakeIT extends AbstractWebhookIntakeIT {
  @Override
  protected VendorFixture fixture() {
    return new ZendeskMessagingFixture();
  }
}
