/**
 * What Salesforce's {@code install} deploys: the metadata package (Metadata API file format), which of its components
 * count as present or drifted, and the Metadata and partner connections it deploys and assigns with.
 */
package io.deskbridge.salesforce.internal.install;
