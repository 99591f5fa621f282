/** Zendesk API calls through zendesk-java-client. */
package io.deskbridge.zendesk.internal.client;
