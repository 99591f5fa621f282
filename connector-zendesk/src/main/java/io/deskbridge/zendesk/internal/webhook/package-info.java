/** Zendesk webhook wire detail: signature verification and payload decoding. */
package io.deskbridge.zendesk.internal.webhook;
