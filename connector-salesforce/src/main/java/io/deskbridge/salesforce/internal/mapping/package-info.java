/** Salesforce records to core values, who owns a Case, and Salesforce failures to core exceptions. */
package io.deskbridge.salesforce.internal.mapping;
