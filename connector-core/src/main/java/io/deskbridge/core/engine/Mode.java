package io.deskbridge.core.engine;

import java.util.Locale;

/** How an installation acts on decisions. */
public enum Mode {
  /** Reply publicly. */
  AUTO,
  /** Put the proposed reply into an internal note for an agent to approve; never write publicly. */
  DRAFT,
  /** Decide and audit only: the tuning phase. */
  SHADOW;

  /** Parses {@code auto}, {@code draft} or {@code shadow}, ignoring case. */
  public static Mode parse(String text) {
    try {
      return valueOf(text.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("mode must be auto, draft or shadow, was '" + text + "'");
    }
  }
}
