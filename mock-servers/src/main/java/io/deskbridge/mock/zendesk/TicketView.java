package io.deskbridge.mock.zendesk;

import java.time.Instant;
import java.util.List;

/**
 * An immutable snapshot of a faked ticket, in REST vocabulary (lower-case status and enums).
 *
 * @param viaChannel {@code web} for customer-made tickets, {@code api} for API-made ones
 * @param assigneeId null when unassigned
 * @param groupId null when no group is set
 * @param priority null when unset
 * @param type null when unset
 */
public record TicketView(long id, String subject, String status, String priority, String type,
    long requesterId, long submitterId, Long assigneeId, Long groupId, List<String> tags,
    String viaChannel, Instant createdAt, Instant updatedAt) {}
