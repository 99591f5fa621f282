/** The Salesforce metadata package {@code install} generates (Metadata API file format). */
package io.deskbridge.salesforce.internal.install;
