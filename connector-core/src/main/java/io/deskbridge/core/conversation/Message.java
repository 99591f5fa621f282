package io.deskbridge.core.conversation;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One message of a conversation.
 *
 * @param id         the vendor's message id (a comment id, an activity name); never null
 * @param role       who wrote it
 * @param visibility whether the customer sees it
 * @param authorId   the vendor's id of the author; may be empty when unknown
 * @param text       plain text, never null
 * @param createdAt  when the vendor recorded it
 * @param headers    the e-mail's headers where the vendor exposes them (Salesforce's {@code EmailMessage.Headers},
 *                   Daktela's {@code options.headers}); names compare without regard to case, a repeated header's
 *                   values are joined by {@code ", "}; immutable, empty when unknown or not an e-mail
 */
public record Message(
    String id, AuthorRole role, Visibility visibility, String authorId, String text, Instant createdAt,
    Map<String, String> headers) {
  public Message {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(visibility, "visibility");
    authorId = authorId == null ? "" : authorId;
    text = text == null ? "" : text;
    Objects.requireNonNull(createdAt, "createdAt");
    headers = headers(headers);
  }

  /** A message without headers. */
  public Message(String id, AuthorRole role, Visibility visibility, String authorId, String text, Instant createdAt) {
    this(id, role, visibility, authorId, text, createdAt, Map.of());
  }

  /** An immutable copy with case-insensitive names; null and blank names are dropped, null values read as empty. */
  private static Map<String, String> headers(Map<String, String> given) {
    if (given == null || given.isEmpty()) {
      return Map.of();
    }
    var copy = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
    given.forEach((name, value) -> {
      if (name != null && !name.isBlank()) {
        copy.merge(name.strip(), value == null ? "" : value.strip(), (a, b) -> a + ", " + b);
      }
    });
    return Collections.unmodifiableMap(copy);
  }

  /** The value of a header, compared without regard to case; empty when the message does not have it. */
  public java.util.Optional<String> header(String name) {
    return java.util.Optional.ofNullable(headers.get(name));
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
    return new Message(newId, role, visibility, authorId, text, createdAt, headers);
  }

  /** True for a public message written by the customer. */
  public boolean isPublicCustomerMessage() {
    return role == AuthorRole.CUSTOMER && visibility == Visibility.PUBLIC;
  }
}
