package io.deskbridge.salesforce;

import io.deskbridge.core.contract.AbstractRepliesIT;
import io.deskbridge.core.contract.VendorFixture;

/**
 * The kit's replies on Email-to-Case Cases: the opening and the follow-up are incoming EmailMessages, and the bot's
 * answers are real e-mails ({@code sendEmail}), which the fake logs on the Case as outgoing EmailMessages.
 */
class SalesforceEmailRepliesIT extends AbstractRepliesIT {
  @Override
  protected VendorFixture fixture() {
    return SalesforceFixture.emailCases();
  }
}
