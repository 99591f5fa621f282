package io.deskbridge.core.spi;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a vendor's API can do.
 *
 * @param supported    the capabilities the vendor has
 * @param maxNoteChars the longest internal note the vendor takes, in characters; longer notes are shortened
 */
public record Capabilities(Set<Capability> supported, int maxNoteChars) {
  public Capabilities {
    supported = supported.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(supported));
    if (maxNoteChars < 1) {
      throw new IllegalArgumentException("maxNoteChars must be positive, was " + maxNoteChars);
    }
  }

  /** Whether the vendor has this capability. */
  public boolean has(Capability capability) {
    return supported.contains(capability);
  }
}
