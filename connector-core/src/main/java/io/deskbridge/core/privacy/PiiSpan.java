package io.deskbridge.core.privacy;

import java.util.Objects;

/**
 * One value found in a text: {@code text.substring(start, end)} is of {@code type}.
 *
 * @param start the first character's index
 * @param end   the index after the last character
 */
public record PiiSpan(PiiType type, int start, int end) {
  public PiiSpan {
    Objects.requireNonNull(type, "type");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("a span needs 0 <= start < end, was " + start + ".." + end);
    }
  }

  boolean overlaps(PiiSpan o) {
    return start < o.end && o.start < end;
  }
}
