/** Escalation signals, the decision policy and the sealed decision it produces. */
package io.deskbridge.core.escalation;
