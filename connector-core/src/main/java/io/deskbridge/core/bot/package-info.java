/** The bot: retrieval over approved knowledge, confidence, answers, and the decision for a conversation. */
package io.deskbridge.core.bot;
