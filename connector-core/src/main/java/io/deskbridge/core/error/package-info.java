/**
 * Vendor-neutral exceptions, split by whether retrying can help, and {@link io.deskbridge.core.error.ConfigException}
 * for the mistakes an admin fixes in the configuration or the set-up.
 */
package io.deskbridge.core.error;
