package io.deskbridge.mock.salesforce;

import java.time.Instant;

/**
 * An EmailMessage on a Case (sf-contract §1); an immutable snapshot.
 *
 * @param status Salesforce's code: {@code 0} new (incoming), {@code 3} sent, {@code 5} draft
 */
public record EmailView(String id, String parentId, boolean incoming, String fromAddress, String fromName,
    String toAddress, String subject, String textBody, String htmlBody, String status, Instant messageDate,
    String messageIdentifier, String threadIdentifier, String createdById, Instant createdDate) {}
