/** A stateful Salesforce Service Cloud fake on WireMock: the partner SOAP API, OAuth, and Outbound Messages. */
package io.deskbridge.mock.salesforce;
