package io.deskbridge.mock.salesforce;

import java.time.Instant;

/** A Case as the fake holds it (sf-contract §1); an immutable snapshot. Nullable fields are null when unset. */
public record CaseView(String id, String caseNumber, String subject, String description, String status,
    boolean isClosed, String origin, String priority, String ownerId, String contactId, String contactEmail,
    String suppliedEmail, String suppliedName, String createdById, Instant createdDate, String lastModifiedById,
    Instant lastModifiedDate, Instant systemModstamp) {}
