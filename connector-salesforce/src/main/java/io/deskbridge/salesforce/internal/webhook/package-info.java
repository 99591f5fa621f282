/**
 * Salesforce webhook wire detail: Outbound Messages (SOAP) and the same events as JSON from a Flow HTTP Callout,
 * verified (organization id, optional path token, optional source-address allow-list) and decoded into core events.
 */
package io.deskbridge.salesforce.internal.webhook;
