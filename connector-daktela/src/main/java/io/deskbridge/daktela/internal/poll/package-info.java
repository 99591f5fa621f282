/**
 * Polling Daktela for changes, for installations whose Events module cannot call out: tickets by {@code edited} and
 * activities by {@code time} since a cursor, read as the same triggers a webhook carries.
 */
package io.deskbridge.daktela.internal.poll;
