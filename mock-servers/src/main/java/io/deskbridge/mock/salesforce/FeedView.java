package io.deskbridge.mock.salesforce;

import java.time.Instant;

/** A FeedItem on a Case (sf-contract §1); an immutable snapshot. */
public record FeedView(String id, String parentId, String body, String type, String visibility, boolean isRichText,
    String createdById, Instant createdDate) {}
