package io.deskbridge.salesforce;

import io.deskbridge.core.contract.AbstractOwnershipIT;
import io.deskbridge.core.contract.VendorFixture;

/**
 * The kit's ownership tests on Email-to-Case Cases: an agent's outgoing e-mail (not only a published comment) is a
 * takeover, and a customer's e-mail to a closed Case reopens it without giving it back to the bot.
 */
class SalesforceEmailOwnershipIT extends AbstractOwnershipIT {
  @Override
  protected VendorFixture fixture() {
    return SalesforceFixture.emailCases();
  }
}
