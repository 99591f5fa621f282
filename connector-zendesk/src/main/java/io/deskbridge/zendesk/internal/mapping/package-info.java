/** Zendesk wire values to core values, and Zendesk failures to core exceptions. */
package io.deskbridge.zendesk.internal.mapping;
