/** Vendor-neutral exceptions, split by whether retrying can help. */
package io.deskbridge.core.error;
