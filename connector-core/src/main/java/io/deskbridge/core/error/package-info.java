/**
 * One vendor-neutral exception for failed vendor calls, {@link io.deskbridge.core.error.VendorException} with its
 * {@link io.deskbridge.core.error.VendorException.Kind}, and {@link io.deskbridge.core.error.ConfigException}
 * for the mistakes an admin fixes in the configuration or the set-up.
 */
package io.deskbridge.core.error;
