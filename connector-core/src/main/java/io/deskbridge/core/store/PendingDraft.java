package io.deskbridge.core.store;

import java.time.Instant;
import java.util.Objects;

/**
 * The bot's latest proposed reply in a conversation (draft mode), kept until an agent answers it: an agent's public
 * reply is compared with it (sent as drafted, edited, replaced), or an agent approves it and the bot sends it.
 *
 * @param text         the proposed reply as the agent was shown it (without the note's heading); never blank
 * @param articleId    the article it answers from; never blank
 * @param confidence   the calibrated confidence it was proposed with
 * @param language     its language (ISO 639-1), empty when unknown
 * @param customerText the customer's text it answers, as the bot read it
 * @param eventId      the event whose decision proposed it: with the installation and conversation, its identity
 * @param at           when the vendor says the event it answers happened (the vendor's clock): an approval the vendor
 *                     dates before it is not for this draft
 */
public record PendingDraft(String text, String articleId, double confidence, String language, String customerText,
    String eventId, Instant at) {
  public PendingDraft {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(articleId, "articleId");
    language = language == null ? "" : language;
    customerText = customerText == null ? "" : customerText;
    eventId = eventId == null ? "" : eventId;
    Objects.requireNonNull(at, "at");
  }
}
