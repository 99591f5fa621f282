/**
 * What every vendor fake needs: webhook delivery with a per-vendor retry policy ({@link
 * io.deskbridge.mock.base.WebhookSender}, {@link io.deskbridge.mock.base.RetryPolicy}), fault injection ({@link
 * io.deskbridge.mock.base.Faults}), a request journal ({@link io.deskbridge.mock.base.RequestJournal}), a clock tests
 * step by hand ({@link io.deskbridge.mock.base.SteppedClock}), a JUnit 5 extension base ({@link
 * io.deskbridge.mock.base.FakeExtension}), the WireMock server under each fake ({@link
 * io.deskbridge.mock.base.FakeServer}) and the reading of control-endpoint input ({@link
 * io.deskbridge.mock.base.ControlInput}). Nothing here knows a vendor.
 */
package io.deskbridge.mock.base;
