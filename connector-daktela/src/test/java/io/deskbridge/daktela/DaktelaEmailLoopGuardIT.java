package io.deskbridge.daktela;

import io.deskbridge.core.contract.AbstractEmailLoopGuardIT;
import io.deskbridge.core.contract.VendorFixture;

/**
 * The kit's loop guard on the Daktela fake, events by webhooks: the auto-reply and the bounce are incoming EMAIL
 * activities whose {@code item.options.headers} carry {@code Auto-Submitted} or an empty {@code Return-Path}.
 */
class DaktelaEmailLoopGuardIT extends AbstractEmailLoopGuardIT {
  @Override
  protected VendorFixture fixture() {
    return new DaktelaFixture();
  }
}
