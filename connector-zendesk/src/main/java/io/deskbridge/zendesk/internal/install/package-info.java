/** What {@code install} calls at Zendesk: the webhooks API (a small wire client) and triggers (zendesk-java-client). */
package io.deskbridge.zendesk.internal.install;
