/** The Help Center's articles as the bot's knowledge: the incremental article export through zendesk-java-client. */
package io.deskbridge.zendesk.internal.knowledge;
