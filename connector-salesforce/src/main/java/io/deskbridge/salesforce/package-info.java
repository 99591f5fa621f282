/** The Salesforce Service Cloud connector (Cases): its factory, configuration and connector. */
package io.deskbridge.salesforce;
