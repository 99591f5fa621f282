/** A stateful, thread-safe fake of the Zendesk Support API on WireMock that also sends Zendesk-style signed webhooks. */
package io.deskbridge.mock.zendesk;
