/**
 * Webhook hosting: the HTTP adapter ({@link io.deskbridge.core.hosting.WebhookServer}), the transport-agnostic
 * handler that verifies, decodes, stores and acknowledges, and the sampling of refusals.
 */
package io.deskbridge.core.hosting;
