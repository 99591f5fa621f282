package io.deskbridge.mock.zendesk;

import java.time.Instant;

/**
 * An immutable snapshot of a ticket comment.
 *
 * @param createdAt the API's {@code created_at}, to the second as Zendesk shows it
 * @param via {@code web} (customer or agent in the UI) or {@code api} (made through the REST API)
 * @param storedAt when the fake stored the comment, to the full precision of the fake's clock; not
 *     part of the API, for measurements (the benchmark's webhook-to-reply latency)
 */
public record CommentView(long id, long authorId, String body, boolean isPublic, Instant createdAt,
    String via, Instant storedAt) {}
