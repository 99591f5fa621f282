/** Zendesk messaging's wire detail: the Conversations API client, its JSON mapping, errors and the webhook. */
package io.deskbridge.zendesk.internal.messaging;
