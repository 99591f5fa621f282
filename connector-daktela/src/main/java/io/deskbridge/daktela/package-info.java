/**
 * The Daktela connector: v6 tickets and their e-mail activities, events in from the Events module's webhooks or by
 * polling, the REST API out through a Feign client. Wire detail lives under {@code internal}.
 */
package io.deskbridge.daktela;
