/**
 * Webhook hosting: the HTTP adapter ({@link io.deskbridge.core.hosting.WebhookServer}), the transport-agnostic
 * handler that verifies, decodes, stores and acknowledges, the sampling of refusals, and the port the Conversation API's routes are served through
 * ({@link io.deskbridge.core.hosting.ApiRoutes}).
 */
package io.deskbridge.core.hosting;
