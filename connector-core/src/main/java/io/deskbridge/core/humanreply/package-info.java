/**
 * The first human reply after a handover on helpdesk vendors, for the admin dashboard's human first-response time
 * (issue #16 item 4): {@code serve}'s poll of recently handed-over conversations and where it keeps what it found.
 */
package io.deskbridge.core.humanreply;
