/** Ports for conversation state, the inbox and the audit, with in-memory implementations. */
package io.deskbridge.core.store;
