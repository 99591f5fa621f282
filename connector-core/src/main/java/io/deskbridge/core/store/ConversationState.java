package io.deskbridge.core.store;

import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Ownership;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the engine remembers about one conversation between events.
 *
 * @param key                 the conversation
 * @param ownership           who may write
 * @param botTurns            public bot messages in this episode
 * @param clarificationsAsked clarifying questions asked since the bot's last answer
 * @param answeredArticleIds  articles answered with in this episode
 * @param pendingText         customer text from before a clarifying question
 * @param handledMessageIds   vendor ids of messages already looked at
 * @param ownMessageIds       vendor ids of messages the bot wrote
 * @param transcript          the conversation as last seen, to save a load when an event carries the message
 * @param episode             the bot episode, from 1: a release to the bot (or a reopening, where the installation
 *                            says so) starts the next one, with the turn counters and clarification state reset
 * @param openingHandled      whether the opening message an event carried without its vendor id was handled; a
 *                            load then counts the conversation's first customer message as handled
 * @param solved              whether the vendor reported the conversation solved or closed since it was last open
 * @param acceptedOwner       the vendor's owner evidence (see {@code Owner.evidence}) when this bot episode began,
 *                            for example the agent still assigned after a release: the same evidence seen again is
 *                            not a takeover; empty when none
 * @param lastTurnAt          when the latest customer message of this conversation the engine handled (decided on, or
 *                            read with an earlier one) was received (the store's receipt time, the engine's clock),
 *                            for a chat's session timeout; a backlog does not move it; empty before the first
 * @param followUps           actions a handover's write held back until the vendor reports the record agents work
 *                            the conversation in ({@code InboundEvent.Kind.LINKED}); written then as one operation
 * @param linkedRecord        the vendor's id of that record, as last reported; empty when none
 * @param botRepliesAt        when the bot wrote to the customer of an e-mail conversation (an answer or a clarifying
 *                            question, on the engine's clock), the last 24 hours' only, oldest first: the
 *                            installation's {@code email.maxRepliesPerDay} counts them
 * @param draft               the bot's latest proposed reply (draft mode) that no agent has answered or approved yet;
 *                            a new draft replaces it, a handover or a new episode drops it
 */
public record ConversationState(
    ConversationKey key,
    Ownership ownership,
    int botTurns,
    int clarificationsAsked,
    List<String> answeredArticleIds,
    String pendingText,
    Set<String> handledMessageIds,
    Set<String> ownMessageIds,
    Optional<Conversation> transcript,
    int episode,
    boolean openingHandled,
    boolean solved,
    String acceptedOwner,
    Optional<java.time.Instant> lastTurnAt,
    List<io.deskbridge.core.action.Action> followUps,
    String linkedRecord,
    List<java.time.Instant> botRepliesAt,
    Optional<PendingDraft> draft) {
  public ConversationState {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(ownership, "ownership");
    answeredArticleIds = List.copyOf(answeredArticleIds);
    pendingText = pendingText == null ? "" : pendingText;
    handledMessageIds = Collections.unmodifiableSet(new LinkedHashSet<>(handledMessageIds));
    ownMessageIds = Collections.unmodifiableSet(new LinkedHashSet<>(ownMessageIds));
    transcript = transcript == null ? Optional.empty() : transcript;
    episode = Math.max(1, episode); // a state stored before episodes existed is in the first
    acceptedOwner = acceptedOwner == null ? "" : acceptedOwner;
    lastTurnAt = lastTurnAt == null ? Optional.empty() : lastTurnAt;
    followUps = followUps == null ? List.of() : List.copyOf(followUps);
    linkedRecord = linkedRecord == null ? "" : linkedRecord;
    botRepliesAt = botRepliesAt == null ? List.of() : List.copyOf(botRepliesAt);
    draft = draft == null ? Optional.empty() : draft;
  }

  /** A state without a pending draft (one stored before drafts were remembered reads as this). */
  public ConversationState(ConversationKey key, Ownership ownership, int botTurns, int clarificationsAsked,
      List<String> answeredArticleIds, String pendingText, Set<String> handledMessageIds, Set<String> ownMessageIds,
      Optional<Conversation> transcript, int episode, boolean openingHandled, boolean solved, String acceptedOwner,
      Optional<java.time.Instant> lastTurnAt, List<io.deskbridge.core.action.Action> followUps, String linkedRecord,
      List<java.time.Instant> botRepliesAt) {
    this(key, ownership, botTurns, clarificationsAsked, answeredArticleIds, pendingText, handledMessageIds,
        ownMessageIds, transcript, episode, openingHandled, solved, acceptedOwner, lastTurnAt, followUps, linkedRecord,
        botRepliesAt, Optional.empty());
  }

  /** The same state with {@code pending} as its draft (empty: none pending). */
  public ConversationState withDraft(Optional<PendingDraft> pending) {
    return new ConversationState(key, ownership, botTurns, clarificationsAsked, answeredArticleIds, pendingText,
        handledMessageIds, ownMessageIds, transcript, episode, openingHandled, solved, acceptedOwner, lastTurnAt,
        followUps, linkedRecord, botRepliesAt, pending);
  }

  /** A state without bot reply times (one stored before they existed reads as this). */
  public ConversationState(ConversationKey key, Ownership ownership, int botTurns, int clarificationsAsked,
      List<String> answeredArticleIds, String pendingText, Set<String> handledMessageIds, Set<String> ownMessageIds,
      Optional<Conversation> transcript, int episode, boolean openingHandled, boolean solved, String acceptedOwner,
      Optional<java.time.Instant> lastTurnAt, List<io.deskbridge.core.action.Action> followUps, String linkedRecord) {
    this(key, ownership, botTurns, clarificationsAsked, answeredArticleIds, pendingText, handledMessageIds,
        ownMessageIds, transcript, episode, openingHandled, solved, acceptedOwner, lastTurnAt, followUps, linkedRecord,
        List.of());
  }

  /** How many of {@link #botRepliesAt()} fall in the 24 hours before {@code now}. */
  public int botRepliesWithinDay(java.time.Instant now) {
    var since = now.minus(java.time.Duration.ofDays(1));
    return (int) botRepliesAt.stream().filter(t -> t.isAfter(since)).count();
  }

  /** The same state with a bot reply at {@code now} recorded, and replies older than 24 hours forgotten. */
  public ConversationState withBotReplyAt(java.time.Instant now) {
    var since = now.minus(java.time.Duration.ofDays(1));
    var recent = new java.util.ArrayList<java.time.Instant>();
    botRepliesAt.stream().filter(t -> t.isAfter(since)).forEach(recent::add);
    recent.add(now);
    return new ConversationState(key, ownership, botTurns, clarificationsAsked, answeredArticleIds, pendingText,
        handledMessageIds, ownMessageIds, transcript, episode, openingHandled, solved, acceptedOwner, lastTurnAt,
        followUps, linkedRecord, recent, draft);
  }

  /** A state without follow-ups or a linked record (one stored before they existed reads as this). */
  public ConversationState(ConversationKey key, Ownership ownership, int botTurns, int clarificationsAsked,
      List<String> answeredArticleIds, String pendingText, Set<String> handledMessageIds, Set<String> ownMessageIds,
      Optional<Conversation> transcript, int episode, boolean openingHandled, boolean solved, String acceptedOwner,
      Optional<java.time.Instant> lastTurnAt) {
    this(key, ownership, botTurns, clarificationsAsked, answeredArticleIds, pendingText, handledMessageIds,
        ownMessageIds, transcript, episode, openingHandled, solved, acceptedOwner, lastTurnAt, List.of(), "");
  }

  /** The same state with more follow-ups held back (after the ones it holds). */
  public ConversationState withFollowUps(List<io.deskbridge.core.action.Action> more) {
    var all = new java.util.ArrayList<>(followUps);
    all.addAll(more);
    return new ConversationState(key, ownership, botTurns, clarificationsAsked, answeredArticleIds, pendingText,
        handledMessageIds, ownMessageIds, transcript, episode, openingHandled, solved, acceptedOwner, lastTurnAt,
        all, linkedRecord, botRepliesAt, draft);
  }

  /** The same state with no follow-ups held and {@code record} as the linked record. */
  public ConversationState linked(String record) {
    return new ConversationState(key, ownership, botTurns, clarificationsAsked, answeredArticleIds, pendingText,
        handledMessageIds, ownMessageIds, transcript, episode, openingHandled, solved, acceptedOwner, lastTurnAt,
        List.of(), record, botRepliesAt, draft);
  }

  /** A state without a last turn's time (one stored before the session timeout existed reads as this). */
  public ConversationState(ConversationKey key, Ownership ownership, int botTurns, int clarificationsAsked,
      List<String> answeredArticleIds, String pendingText, Set<String> handledMessageIds, Set<String> ownMessageIds,
      Optional<Conversation> transcript, int episode, boolean openingHandled, boolean solved, String acceptedOwner) {
    this(key, ownership, botTurns, clarificationsAsked, answeredArticleIds, pendingText, handledMessageIds,
        ownMessageIds, transcript, episode, openingHandled, solved, acceptedOwner, Optional.empty());
  }

  /** A state in the first episode, without an opening, not solved. */
  public ConversationState(ConversationKey key, Ownership ownership, int botTurns, int clarificationsAsked,
      List<String> answeredArticleIds, String pendingText, Set<String> handledMessageIds, Set<String> ownMessageIds,
      Optional<Conversation> transcript) {
    this(key, ownership, botTurns, clarificationsAsked, answeredArticleIds, pendingText, handledMessageIds,
        ownMessageIds, transcript, 1, false, false, "");
  }

  /** The same state owned by someone else. */
  public ConversationState withOwnership(Ownership newOwnership) {
    return new ConversationState(key, newOwnership, botTurns, clarificationsAsked, answeredArticleIds, pendingText,
        handledMessageIds, ownMessageIds, transcript, episode, openingHandled, solved, acceptedOwner, lastTurnAt, followUps, linkedRecord, botRepliesAt, draft);
  }

  /** The same state with more messages counted as handled. */
  public ConversationState withHandled(Collection<String> messageIds) {
    var more = new LinkedHashSet<>(handledMessageIds);
    more.addAll(messageIds);
    return new ConversationState(key, ownership, botTurns, clarificationsAsked, answeredArticleIds, pendingText,
        more, ownMessageIds, transcript, episode, openingHandled, solved, acceptedOwner, lastTurnAt, followUps, linkedRecord, botRepliesAt, draft);
  }

  /** The same state with more messages counted as the bot's own (and so as handled). */
  public ConversationState withOwn(Collection<String> messageIds) {
    var own = new LinkedHashSet<>(ownMessageIds);
    own.addAll(messageIds);
    var handled = new LinkedHashSet<>(handledMessageIds);
    handled.addAll(messageIds);
    return new ConversationState(key, ownership, botTurns, clarificationsAsked, answeredArticleIds, pendingText,
        handled, own, transcript, episode, openingHandled, solved, acceptedOwner, lastTurnAt, followUps, linkedRecord, botRepliesAt, draft);
  }

  /** The same state remembering the conversation as last seen. */
  public ConversationState withTranscript(Conversation conversation) {
    return new ConversationState(key, ownership, botTurns, clarificationsAsked, answeredArticleIds, pendingText,
        handledMessageIds, ownMessageIds, Optional.of(conversation), episode, openingHandled, solved, acceptedOwner,
        lastTurnAt, followUps, linkedRecord, botRepliesAt, draft);
  }

  /** The same state with the opening marked handled (or not). */
  public ConversationState withOpeningHandled(boolean handled) {
    return new ConversationState(key, ownership, botTurns, clarificationsAsked, answeredArticleIds, pendingText,
        handledMessageIds, ownMessageIds, transcript, episode, handled, solved, acceptedOwner, lastTurnAt, followUps, linkedRecord, botRepliesAt, draft);
  }

  /** The same state, solved or open. */
  public ConversationState withSolved(boolean isSolved) {
    return new ConversationState(key, ownership, botTurns, clarificationsAsked, answeredArticleIds, pendingText,
        handledMessageIds, ownMessageIds, transcript, episode, openingHandled, isSolved, acceptedOwner, lastTurnAt, followUps, linkedRecord, botRepliesAt, draft);
  }

  /** The same state after the bot's turn: its counters, answered articles and pending text. */
  public ConversationState withTurn(Ownership newOwnership, int turns, int clarifications, List<String> answered,
      String pending) {
    return new ConversationState(key, newOwnership, turns, clarifications, answered, pending, handledMessageIds,
        ownMessageIds, transcript, episode, openingHandled, solved, acceptedOwner, lastTurnAt, followUps, linkedRecord, botRepliesAt, draft);
  }

  /**
   * The next bot episode: the bot owns the conversation again, turn counters, answered articles and clarification
   * state reset, and no draft is pending; what was handled stays handled.
   *
   * @param ownerEvidence the vendor's owner evidence at this moment, not to be read as a takeover later
   */
  public ConversationState nextEpisode(String ownerEvidence) {
    return new ConversationState(key, Ownership.BOT, 0, 0, List.of(), "", handledMessageIds, ownMessageIds,
        transcript, episode + 1, openingHandled, false, ownerEvidence, lastTurnAt, followUps, linkedRecord, botRepliesAt,
        Optional.empty());
  }

  /** The same state with {@link #lastTurnAt()} set to {@code at}. */
  public ConversationState withLastTurnAt(java.time.Instant at) {
    return new ConversationState(key, ownership, botTurns, clarificationsAsked, answeredArticleIds, pendingText,
        handledMessageIds, ownMessageIds, transcript, episode, openingHandled, solved, acceptedOwner,
        Optional.of(at), followUps, linkedRecord, botRepliesAt, draft);
  }

  /** The state of a conversation the engine has not seen: the bot owns it, in its first episode. */
  public static ConversationState fresh(ConversationKey key) {
    return new ConversationState(key, Ownership.BOT, 0, 0, List.of(), "", Set.of(), Set.of(), Optional.empty());
  }
}
