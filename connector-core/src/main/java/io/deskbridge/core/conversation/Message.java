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

  private static final String PROVISIONAL = "provisional:";

  /**
   * A message whose vendor id is not known yet, for example a ticket's opening message taken from a
   * "ticket created" payload. The engine matches it to the real message (same role and text) when that
   * one is seen, so it is never handled twice.
   *
   * @param key unique within the conversation, e.g. {@code opening}
   */
  public static Message provisional(String key, AuthorRole role, Visibility visibility, String authorId, String text,
      Instant createdAt) {
    return new Message(PROVISIONAL + key, role, visibility, authorId, text, createdAt);
  }

  /** Whether this message stands in for one whose vendor id is not known yet. */
  public boolean isProvisional() {
    return id.startsWith(PROVISIONAL);
  }

  /** Whether {@code other} could be the real message this provisional one stands in for. */
  public boolean standsFor(Message other) {
    return isProvisional() && !other.isProvisional() && role == other.role && visibility == other.visibility
        && sameText(other);
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
