package io.deskbridge.core.store;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the Conversation API keeps: its API keys (hashed), its conversations and their transcripts (the helpdesk of
 * the built-in {@code api} installations), and its Idempotency-Key records. Each method is one transaction;
 * thread-safe; database failures throw {@link StoreException}. Times come from the caller.
 */
public interface ConversationApiStore {

  /** Adds a key. */
  void createKey(ApiKey key);

  /** Every key, revoked ones included, oldest first. */
  List<ApiKey> keys();

  /** The key with this id. */
  Optional<ApiKey> key(String id);

  /** Revokes a key; false when there is no such key or it was revoked already. */
  boolean revokeKey(String id, Instant at);

  /** An API conversation. */
  Optional<ApiConversation> conversation(String conversationId);

  /**
   * Stores a customer's message, creating the conversation when new (and filling in customer fields it did not have),
   * together with its Idempotency-Key record when one is given, in one transaction.
   */
  Posted post(NewMessage message, Optional<Idempotency> idempotency, Instant now);

  /** A conversation's transcript, oldest first. */
  List<ApiMessage> messages(String conversationId);

  /**
   * Appends the bot's messages and, when given, sets the conversation's group, in one transaction.
   *
   * @throws IllegalStateException when the conversation does not exist
   */
  void append(String conversationId, List<ApiMessage> messages, Optional<String> groupId, Instant now);

  /**
   * Sets who owns the conversation: {@code bot} or {@code human}, with the evidence shown for a person.
   *
   * @return false when there is no such conversation
   */
  boolean setOwner(String conversationId, String owner, String evidence, Instant now);

  /** Keeps the answer of an Idempotency-Key's request and ends its lock. */
  void answered(String apiKeyId, String idempotencyKey, String response);

  /** Ends the lock of an Idempotency-Key's request that was not answered (the answer is still pending). */
  void unlock(String apiKeyId, String idempotencyKey);

  /**
   * How far the engine is with an event: {@link Progress#DONE} once it was processed or given up on and no write it
   * decided is still open (also when its inbox row was purged after the retention but its audit is there),
   * {@link Progress#UNKNOWN} when neither the inbox nor the audit knows it (it never reached the engine).
   */
  Progress eventProgress(String installation, String conversationId, String eventId);

  /** How far the engine is with an event. */
  enum Progress {
    UNKNOWN,
    PENDING,
    DONE
  }

  /**
   * A client's API key as stored.
   *
   * @param id           the key's public id (also the first part of the key)
   * @param installation the installation it may use
   * @param name         what the admin called it
   * @param hash         hex SHA-256 of the whole key
   * @param createdAt    when it was made
   * @param revokedAt    when it was revoked; empty while valid
   */
  record ApiKey(String id, String installation, String name, String hash, Instant createdAt,
      Optional<Instant> revokedAt) {
    public ApiKey {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(installation, "installation");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(hash, "hash");
      Objects.requireNonNull(createdAt, "createdAt");
      revokedAt = revokedAt == null ? Optional.empty() : revokedAt;
    }
  }

  /**
   * A conversation's fields.
   *
   * @param owner    {@code bot} or {@code human}
   * @param evidence what marks the person as owner; empty for the bot
   * @param groupId  the group a handover routed it to; empty when none
   */
  record ApiConversation(String conversationId, String installation, String channel, String language,
      String customerId, String customerEmail, String customerPhone, String customerName, String owner,
      String evidence, String groupId, Instant createdAt, Instant updatedAt) {}

  /**
   * One message of a transcript.
   *
   * @param role       CUSTOMER, BOT, AGENT or SYSTEM
   * @param visibility PUBLIC or INTERNAL
   * @param eventId    the event that carried a customer's message into the engine; empty for others
   * @param metadata   the client's metadata (JSON) of a customer's message; empty when none
   */
  record ApiMessage(String messageId, String role, String visibility, String authorId, String text, String eventId,
      String metadata, Instant createdAt) {
    public ApiMessage {
      Objects.requireNonNull(messageId, "messageId");
      authorId = authorId == null ? "" : authorId;
      eventId = eventId == null ? "" : eventId;
      metadata = metadata == null ? "" : metadata;
    }
  }

  /**
   * A customer's new message and the conversation it opens or continues.
   *
   * @param callback whether a callback is to deliver the message's answer (the installation has a callback URL)
   */
  record NewMessage(String conversationId, String installation, String channel, String language, String customerId,
      String customerEmail, String customerPhone, String customerName, ApiMessage message, boolean callback) {
    /** A message without a callback. */
    public NewMessage(String conversationId, String installation, String channel, String language, String customerId,
        String customerEmail, String customerPhone, String customerName, ApiMessage message) {
      this(conversationId, installation, channel, language, customerId, customerEmail, customerPhone, customerName,
          message, false);
    }
  }

  /**
   * Callbacks due at {@code now} (pending, not locked), oldest first, at most {@code limit}, each locked until
   * {@code lockedUntil} for the caller; one taken by another process meanwhile is not among them.
   */
  List<Callback> claimCallbacks(Instant now, Instant lockedUntil, int limit);

  /** A callback was delivered. */
  void callbackDone(long id);

  /**
   * A callback was not delivered: it is due again at {@code next} ({@code countAttempt} false when it only waits for
   * the decision), or given up on ({@code giveUp}).
   */
  void callbackRetry(long id, boolean countAttempt, String error, Instant next, boolean giveUp);

  /** The callbacks of a conversation, oldest first (for tests and support). */
  List<Callback> callbacks(String conversationId);

  /**
   * One message's callback.
   *
   * @param status PENDING, DONE or FAILED
   */
  record Callback(long id, String installation, String conversationId, String messageId, String eventId,
      String status, int attempts, String lastError) {}

  /**
   * The Idempotency-Key a message was sent with.
   *
   * @param requestHash the hash of the request, to tell a retry from another request under the same key
   * @param lockFor     how long the request is answered under its lock (a retry meanwhile is told it is in
   *                    progress)
   */
  record Idempotency(String apiKeyId, String key, String requestHash, Duration lockFor) {}

  /** What {@link #post} did. */
  sealed interface Posted {
    /** The message is stored (now, or by an earlier attempt under the same Idempotency-Key that got no answer). */
    record Stored(String messageId, String eventId, boolean fresh) implements Posted {}

    /** The Idempotency-Key's request was answered: this answer. */
    record Replay(String response) implements Posted {}

    /** The Idempotency-Key was used for another request. */
    record Mismatch() implements Posted {}

    /** The Idempotency-Key's request is still being answered. */
    record InProgress() implements Posted {}

    /** The conversation belongs to another installation. */
    record OtherInstallation() implements Posted {}
  }
}
