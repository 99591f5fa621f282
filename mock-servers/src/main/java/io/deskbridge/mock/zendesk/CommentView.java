package io.deskbridge.mock.zendesk;

import java.time.Instant;

/**
 * An immutable snapshot of a ticket comment.
 *
 * @param via {@code web} (customer or agent in the UI) or {@code api} (made through the REST API)
 */
public record CommentView(long id, long authorId, String body, boolean isPublic, Instant createdAt,
    String via) {}
