/** Vendor-neutral conversation values: keys, messages, participants and ownership. */
package io.deskbridge.core.conversation;
