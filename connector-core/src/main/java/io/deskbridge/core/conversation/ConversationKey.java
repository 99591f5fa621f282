package io.deskbridge.core.conversation;

import java.util.Objects;

/**
 * Identifies one conversation across vendors and installations.
 *
 * @param vendor       the vendor id, e.g. {@code zendesk}; lower case
 * @param installation the installation id from the configuration
 * @param externalId   the vendor's id of the ticket or chat
 */
public record ConversationKey(String vendor, String installation, String externalId) {
  public ConversationKey {
    requireText(vendor, "vendor");
    requireText(installation, "installation");
    requireText(externalId, "externalId");
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  @Override
  public String toString() {
    return vendor + "/" + installation + "/" + externalId;
  }
}
