package io.deskbridge.core.engine;

import java.util.Map;
import java.util.Objects;

/**
 * Where handovers go and how they are marked, per installation.
 *
 * @param defaultGroup the vendor's id of the group that gets handovers with no better routing group
 * @param groups       routing group names (from articles and intents) to vendor group ids
 * @param handoverTag  the tag that marks a conversation the bot handed over
 * @param hours        when people answer, per routing group name; {@link BusinessHours#ALWAYS} when not configured
 */
public record Routing(String defaultGroup, Map<String, String> groups, String handoverTag, BusinessHours hours) {
  public Routing {
    Objects.requireNonNull(defaultGroup, "defaultGroup");
    if (defaultGroup.isBlank()) {
      throw new IllegalArgumentException("routing.defaultGroup is required");
    }
    groups = Map.copyOf(groups);
    handoverTag = handoverTag == null || handoverTag.isBlank() ? "deskbridge_handover" : handoverTag;
    hours = hours == null ? BusinessHours.ALWAYS : hours;
  }

  /** Routing with people always there. */
  public Routing(String defaultGroup, Map<String, String> groups, String handoverTag) {
    this(defaultGroup, groups, handoverTag, BusinessHours.ALWAYS);
  }

  /** The vendor group id for a routing group name; the default group when the name is empty or unknown. */
  public String groupFor(String routingGroup) {
    return groups.getOrDefault(routingGroup, defaultGroup);
  }
}
