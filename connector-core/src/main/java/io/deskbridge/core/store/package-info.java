/** Ports for conversation state, the inbox and outbox, the dead letters and the audit, with the JDBC implementation (H2 or PostgreSQL). */
package io.deskbridge.core.store;
