package io.deskbridge.mock.sunco;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.mock.sunco.SuncoModel.Conv;
import io.deskbridge.mock.sunco.SuncoModel.User;
import io.deskbridge.mock.sunco.SuncoViews.Message;
import java.util.Map;

/**
 * How SunCo shapes the model's conversations, messages and users on the wire: the API's conversation and message
 * objects, and the webhook payloads ({@code conversationTruncated}, {@code messageWebhook} whose user author carries
 * its {@code user}, the switchboard events' payload). Each call builds a new tree from the records as they are;
 * stateless, called with the model's lock held.
 */
final class SuncoWire {
  private SuncoWire() {}

  /** The {@code conversation:create} payload of a conversation the web widget opened. */
  static ObjectNode conversationCreatePayload(Conv c, String webIntegrationId) {
    ObjectNode payload = SuncoJson.obj();
    payload.set("conversation", truncatedJson(c));
    payload.put("creationReason", "message");
    payload.putObject("source").put("type", "web").put("integrationId", webIntegrationId);
    payload.set("user", userJson(c.user, false));
    return payload;
  }

  /** A switchboard event's payload: the conversation, the action's {@code metadata} when any, its {@code reason}. */
  static ObjectNode switchboardPayload(Conv c, ObjectNode metadata, String reason) {
    ObjectNode payload = SuncoJson.obj();
    payload.set("conversation", truncatedJson(c));
    if (metadata != null && metadata.size() > 0) {
      payload.set("metadata", metadata.deepCopy());
    }
    if (reason != null) {
      payload.put("reason", reason);
    }
    return payload;
  }

  /** {@code conversationTruncated}: what webhooks carry. */
  static ObjectNode truncatedJson(Conv c) {
    ObjectNode n = SuncoJson.obj().put("id", c.id).put("type", "personal");
    if (c.metadata != null) {
      n.set("metadata", c.metadata.deepCopy());
    }
    if (c.active != null) {
      n.set("activeSwitchboardIntegration", c.active.webhookJson());
    }
    if (c.pending != null) {
      n.set("pendingSwitchboardIntegration", c.pending.webhookJson());
    }
    return n;
  }

  /** The conversation as the API returns it. */
  static ObjectNode fullJson(Conv c) {
    ObjectNode n = truncatedJson(c);
    n.put("isDefault", true).putNull("businessLastRead");
    n.put("lastUpdatedAt", SuncoJson.time(c.lastUpdatedAt)).put("createdAt", SuncoJson.time(c.createdAt));
    return n;
  }

  /**
   * A message as the API returns it, or ({@code webhook}) as {@code messageWebhook}, whose user author also carries
   * {@code user} (with {@code profile} when {@code fullUser}).
   */
  static ObjectNode messageJson(Message m, Map<String, User> users, boolean webhook, boolean fullUser) {
    ObjectNode n = SuncoJson.obj().put("id", m.id()).put("received", SuncoJson.time(m.received()));
    ObjectNode author = n.putObject("author").put("type", m.authorType());
    if (!m.subtypes().isEmpty()) {
      ArrayNode s = author.putArray("subtypes");
      m.subtypes().forEach(s::add);
    }
    if (m.userId() != null) {
      author.put("userId", m.userId());
    }
    if (m.displayName() != null) {
      author.put("displayName", m.displayName());
    }
    if (webhook && m.userId() != null) {
      author.set("user", userJson(users.get(m.userId()), fullUser));
    }
    ObjectNode content = n.putObject("content").put("type", m.contentType());
    if (m.text() != null) {
      content.put("text", m.text());
    }
    n.putObject("source").put("type", m.sourceType());
    if (!m.metadata().isEmpty()) {
      n.set("metadata", SuncoJson.MAPPER.valueToTree(m.metadata()));
    }
    return n;
  }

  /** A user as an author's {@code user}; {@code full} adds the {@code profile}. */
  static ObjectNode userJson(User u, boolean full) {
    ObjectNode n = SuncoJson.obj().put("id", u.id);
    if (u.externalId != null) {
      n.put("externalId", u.externalId);
    }
    n.put("authenticated", false);
    if (full) {
      ObjectNode p = n.putObject("profile");
      if (u.displayName != null) {
        p.put("givenName", u.displayName);
      }
      if (u.email != null) {
        p.put("email", u.email);
      }
      p.put("locale", "en-US");
    }
    return n;
  }
}
