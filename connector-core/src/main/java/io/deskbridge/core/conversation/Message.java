package io.deskbridge.core.conversation;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of a conversation.
 *
 * @param id         the vendor's message id (a comment id, an activity name); never null
 * @param role       who wrote it
 * @param visibility whether the customer sees it
 * @param authorId   the vendor's id of the author; may be empty when unknown
 * @param text       plain text, never null
 * @param createdAt  when the vendor recorded it
 */
public record Message(
    String id, AuthorRole role, Visibility visibility, String authorId, String text, Instant createdAt) {
  public Message {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(visibility, "visibility");
    authorId = authorId == null ? "" : authorId;
    text = text == null ? "" : text;
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** Whether both texts are equal once runs of white space are folded (vendors re-flow line ends). */
  public boolean sameText(Message other) {
    return fold(text).equals(fold(other.text));
  }

  private static String fold(String s) {
    return s.strip().replaceAll("\\s+", " ");
  }

  /** The same message under another id. */
  public Message withId(String newId) {
    return new Message(newId, role, visibility, authorId, text, createdAt);
  }

  /** True for a public message written by the customer. */
  public boolean isPublicCustomerMessage() {
    return role == AuthorRole.CUSTOMER && visibility == Visibility.PUBLIC;
  }
}
