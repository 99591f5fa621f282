package io.deskbridge.zendesk.internal.messaging;

import io.deskbridge.core.action.Action;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.spi.HelpdeskClient;
import io.deskbridge.zendesk.ZendeskMessagingConfig;
import io.deskbridge.zendesk.internal.client.ZendeskHelpdeskClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Internal notes on messaging tickets through the Support API, with the ticket connector's client
 * (zendesk-java-client). A note is posted only when the ticket has no private comment of the same user with the same
 * text yet, so sending it again after a lost answer or a restart never writes it twice. Thread-safe.
 */
final class ZendeskMessagingTicketNotes implements AutoCloseable {
  /** The vendor id the ticket is known under inside this class (never stored). */
  private static final String TICKETS = "zendesk";

  private final String installationId;
  private final ZendeskHelpdeskClient support;
  private volatile String botUserId = "";

  /** @param settingsPath where the messaging settings are; the Support ones are its {@code .support} */
  ZendeskMessagingTicketNotes(String installationId, ZendeskMessagingConfig.Support config, Duration timeout,
      String settingsPath, String handoverTag) {
    this.installationId = installationId;
    this.support = new ZendeskHelpdeskClient(installationId, config.url(), config.email(), config.apiToken(), timeout,
        settingsPath + ".support", handoverTag);
  }

  /**
   * {@code GET /api/v2/users/me}: fails with a message naming {@code support.apiToken}, {@code support.email} or
   * {@code support.url} when the Support API refuses the token or is not there.
   */
  HelpdeskClient.Identity whoAmI() {
    var me = support.whoAmI();
    botUserId = me.userId();
    return me;
  }

  /**
   * Posts {@code text} as a private comment on ticket {@code ticketId} unless the ticket already has it: one read of
   * the ticket and its comments, then at most one ticket update.
   *
   * @return whether it posted
   */
  boolean postOnce(String ticketId, String text) {
    var key = new ConversationKey(TICKETS, installationId, ticketId);
    Conversation ticket = support.load(new HelpdeskClient.LoadRequest(key, Optional.empty()));
    var intended = new Message("intended", AuthorRole.BOT, Visibility.INTERNAL, botUserId, text, Instant.EPOCH);
    boolean there = ticket.messages().stream().anyMatch(m -> m.visibility() == Visibility.INTERNAL
        && m.authorId().equals(botUserId) && m.sameText(intended));
    if (there) {
      return false;
    }
    var target = new Conversation(key, Channel.CHAT, "", null, "", "", Set.of(), false, List.of());
    support.apply(new HelpdeskClient.ApplyRequest(target, List.of(new Action.InternalNote(text))));
    return true;
  }

  @Override
  public void close() {
    support.close();
  }
}
