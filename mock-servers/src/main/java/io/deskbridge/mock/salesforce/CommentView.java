package io.deskbridge.mock.salesforce;

import java.time.Instant;

/**
 * A CaseComment (sf-contract §1); an immutable snapshot.
 *
 * @param createdByUserType the author's {@code CreatedBy.UserType}: {@code Standard} for agents and the integration
 *     user, {@code PowerCustomerSuccess} for the portal customer
 */
public record CommentView(String id, String parentId, String commentBody, boolean isPublished, String createdById,
    Instant createdDate, String createdByUserType) {}
