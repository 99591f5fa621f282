/**
 * Daktela webhook wire detail: the Events module's HTTP action as a trigger (JSON or form), checked by its shared
 * secret, and the trigger-to-event mapping the poller shares.
 */
package io.deskbridge.daktela.internal.webhook;
