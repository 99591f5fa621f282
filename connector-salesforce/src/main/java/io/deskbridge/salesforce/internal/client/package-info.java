/** Salesforce partner SOAP API calls through force-wsc. */
package io.deskbridge.salesforce.internal.client;
