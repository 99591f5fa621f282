/**
 * The Conversation API: the built-in installation kind {@code api} (a connector whose helpdesk is Deskbridge's own
 * store) and the versioned REST API under {@code /api/v1} that in-house systems, chat widgets, voicebots and
 * helpdesks' native bots call with a customer's message to get the decision back.
 */
package io.deskbridge.core.api;
