package io.deskbridge.salesforce;

import io.deskbridge.core.contract.AbstractEmailLoopGuardIT;
import io.deskbridge.core.contract.VendorFixture;

/**
 * The kit's loop guard on Email-to-Case Cases: the auto-reply and the bounce are incoming EmailMessages whose
 * {@code Headers} field carries {@code Auto-Submitted} or an empty {@code Return-Path}, read with the Case's load.
 */
class SalesforceEmailLoopGuardIT extends AbstractEmailLoopGuardIT {
  @Override
  protected VendorFixture fixture() {
    return SalesforceFixture.emailCases();
  }
}
