package io.deskbridge.zendesk.internal.messaging;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.core.conversation.Owner;
import java.util.Objects;

/**
 * Who owns a conversation, from its switchboard state: the bot while its switchboard integration is the active one;
 * people while another integration is (the agent workspace, another bot). With none active (after a
 * {@code releaseControl}), the switchboard's default integration takes the conversation at the customer's next
 * message, so it is the bot's when the bot's integration is the default, else the people's.
 *
 * @param id            the bot's switchboard integration's id
 * @param name          its name
 * @param integrationId the custom integration behind it
 * @param isDefault     whether it is the switchboard's default integration
 */
record ZendeskMessagingOwnership(String id, String name, String integrationId, boolean isDefault) {
  ZendeskMessagingOwnership {
    Objects.requireNonNull(id, "id");
    name = name == null ? "" : name;
    integrationId = integrationId == null ? "" : integrationId;
  }

  /** Whether a switchboard integration ({@code {id, name, integrationId, integrationType}}) is the bot's. */
  boolean isBot(JsonNode integration) {
    if (integration == null || !integration.isObject()) {
      return false;
    }
    return id.equals(integration.path("id").asText()) || same(name, integration.path("name").asText(""))
        || same(integrationId, integration.path("integrationId").asText(""));
  }

  private static boolean same(String ours, String theirs) {
    return !ours.isEmpty() && ours.equals(theirs);
  }

  /**
   * Before the start-up call resolved the integration: the configured value stands for its id, name and
   * integration id, and it is taken to be the default.
   */
  static ZendeskMessagingOwnership provisional(String configured) {
    return new ZendeskMessagingOwnership(configured, configured, configured, true);
  }

  /** The owner given the conversation's {@code activeSwitchboardIntegration} (missing or null: none active). */
  Owner of(JsonNode active) {
    if (active == null || !active.isObject()) {
      return isDefault ? Owner.BOT : Owner.human("switchboard: no integration active, default not the bot");
    }
    if (isBot(active)) {
      return Owner.BOT;
    }
    String other = active.path("name").asText("");
    return Owner.human("switchboard " + (other.isEmpty() ? active.path("id").asText("?") : other));
  }
}
