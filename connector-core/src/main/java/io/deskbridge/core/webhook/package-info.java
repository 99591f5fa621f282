/** Webhook hosting: transport-agnostic requests, verification and decoding steps, the HTTP adapter. */
package io.deskbridge.core.webhook;
