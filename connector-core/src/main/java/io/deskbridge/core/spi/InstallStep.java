package io.deskbridge.core.spi;

import java.util.Objects;

/**
 * One item an {@link Installer} handled.
 *
 * @param kind        what happened to it
 * @param description one line naming the item (its name, id or file), e.g. {@code webhook 'Deskbridge acme' (id 01H…)
 *                    to https://deskbridge.acme.com/webhooks/acme}; for {@link Kind#MANUAL} what the admin must do,
 *                    e.g. the text to paste and where; never a secret
 */
public record InstallStep(Kind kind, String description) {
  /** What happened to an item. */
  public enum Kind {
    /** Made now (a dry run: would be made). */
    CREATED,
    /** Already there as install would make it; nothing done. */
    PRESENT,
    /** Was there but differed (or its secret file was missing) and was put right (a dry run: would be). */
    UPDATED,
    /** Removed now (a dry run: would be removed). */
    REMOVED,
    /** Not there; nothing to remove. */
    ABSENT,
    /** The vendor's API cannot do it: the admin does it, as described. */
    MANUAL
  }

  public InstallStep {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(description, "description");
    if (description.isBlank() || description.contains("\n") && kind != Kind.MANUAL) {
      throw new IllegalArgumentException("a step's description is one non-blank line (manual steps may have more)");
    }
  }

  public static InstallStep created(String description) {
    return new InstallStep(Kind.CREATED, description);
  }

  public static InstallStep present(String description) {
    return new InstallStep(Kind.PRESENT, description);
  }

  public static InstallStep updated(String description) {
    return new InstallStep(Kind.UPDATED, description);
  }

  public static InstallStep removed(String description) {
    return new InstallStep(Kind.REMOVED, description);
  }

  public static InstallStep absent(String description) {
    return new InstallStep(Kind.ABSENT, description);
  }

  public static InstallStep manual(String description) {
    return new InstallStep(Kind.MANUAL, description);
  }
}
