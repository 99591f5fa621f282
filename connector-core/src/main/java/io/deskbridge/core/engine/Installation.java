package io.deskbridge.core.engine;

import io.deskbridge.core.spi.Connector;
import java.time.Duration;
import java.util.Objects;

/**
 * One helpdesk account the connector serves.
 *
 * @param id        the installation id from the configuration; part of every conversation key and of the
 *                  webhook path {@code /webhooks/{id}}
 * @param mode      how decisions are acted on
 * @param routing   where handovers go
 * @param retry     how vendor calls are retried
 * @param connector the vendor connector, built by its factory
 * @param requestsPerMinute the API budget to stay under; 0 means the vendor's documented default
 * @param reopenStartsEpisode whether a customer's reply to a solved conversation starts a new bot episode (the bot
 *                  owns it again, its turn counters reset); when false, whoever owned it keeps it
 * @param chatDebounce how long a chat's events are held back so that several short messages get one answer (a
 *                  message arriving meanwhile extends the wait, to at most twice this); only for a connector with
 *                  {@link io.deskbridge.core.spi.Capability#CHAT}; zero answers every message at once
 * @param chatSessionTimeout after this much time without a customer message the bot decided on, a chat's next
 *                  customer message starts a new bot episode (turn counters, clarification state and answered
 *                  articles reset), while the bot owns the chat; only for a connector with
 *                  {@link io.deskbridge.core.spi.Capability#CHAT}; zero never times out
 * @param emailMaxRepliesPerDay the most times the bot writes to the customer of one e-mail conversation (answers and
 *                  clarifying questions) in any 24 hours on the engine's clock; at the cap it hands over (reason
 *                  {@code reply_cap}); at least 1
 */
public record Installation(String id, Mode mode, Routing routing, RetryPolicy retry, Connector connector,
    int requestsPerMinute, boolean reopenStartsEpisode, Duration chatDebounce, Duration chatSessionTimeout,
    int emailMaxRepliesPerDay) {
  /** The e-mail reply cap unless configured. */
  public static final int DEFAULT_EMAIL_MAX_REPLIES_PER_DAY = 5;
  /** The chat debounce window unless configured. */
  public static final Duration DEFAULT_CHAT_DEBOUNCE = Duration.ofMillis(1500);
  /** The chat session timeout unless configured. */
  public static final Duration DEFAULT_CHAT_SESSION_TIMEOUT = Duration.ofMinutes(30);

  public Installation {
    Objects.requireNonNull(id, "id");
    if (!id.matches("[A-Za-z0-9_-]{1,64}")) {
      throw new IllegalArgumentException("installation id must be 1-64 letters, digits, '-' or '_', was '" + id + "'");
    }
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(routing, "routing");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(connector, "connector");
    if (requestsPerMinute < 0) {
      throw new IllegalArgumentException("requestsPerMinute must not be negative");
    }
    Objects.requireNonNull(chatDebounce, "chatDebounce");
    if (chatDebounce.isNegative()) {
      throw new IllegalArgumentException("chat.debounce must not be negative");
    }
    Objects.requireNonNull(chatSessionTimeout, "chatSessionTimeout");
    if (chatSessionTimeout.isNegative()) {
      throw new IllegalArgumentException("chat.sessionTimeout must not be negative");
    }
    if (emailMaxRepliesPerDay < 1) {
      throw new IllegalArgumentException("email.maxRepliesPerDay must be at least 1, was " + emailMaxRepliesPerDay);
    }
  }

  /** An installation with the default e-mail reply cap. */
  public Installation(String id, Mode mode, Routing routing, RetryPolicy retry, Connector connector,
      int requestsPerMinute, boolean reopenStartsEpisode, Duration chatDebounce, Duration chatSessionTimeout) {
    this(id, mode, routing, retry, connector, requestsPerMinute, reopenStartsEpisode, chatDebounce,
        chatSessionTimeout, DEFAULT_EMAIL_MAX_REPLIES_PER_DAY);
  }

  /** An installation with the default chat session timeout. */
  public Installation(String id, Mode mode, Routing routing, RetryPolicy retry, Connector connector,
      int requestsPerMinute, boolean reopenStartsEpisode, Duration chatDebounce) {
    this(id, mode, routing, retry, connector, requestsPerMinute, reopenStartsEpisode, chatDebounce,
        DEFAULT_CHAT_SESSION_TIMEOUT);
  }

  /** An installation with the default chat debounce. */
  public Installation(String id, Mode mode, Routing routing, RetryPolicy retry, Connector connector,
      int requestsPerMinute, boolean reopenStartsEpisode) {
    this(id, mode, routing, retry, connector, requestsPerMinute, reopenStartsEpisode, DEFAULT_CHAT_DEBOUNCE);
  }

  /** An installation where a reply to a solved conversation starts no new episode. */
  public Installation(String id, Mode mode, Routing routing, RetryPolicy retry, Connector connector,
      int requestsPerMinute) {
    this(id, mode, routing, retry, connector, requestsPerMinute, false);
  }

  /** An installation with the vendor's documented API budget. */
  public Installation(String id, Mode mode, Routing routing, RetryPolicy retry, Connector connector) {
    this(id, mode, routing, retry, connector, 0);
  }

  /** How long received events are held back: the chat debounce for a chat connector, else nothing. */
  Duration debounce() {
    return connector.capabilities().has(io.deskbridge.core.spi.Capability.CHAT) ? chatDebounce : Duration.ZERO;
  }

  /** The session timeout in effect: the configured one for a chat connector, else none (zero). */
  Duration sessionTimeout() {
    return connector.capabilities().has(io.deskbridge.core.spi.Capability.CHAT) ? chatSessionTimeout : Duration.ZERO;
  }

  /** The API budget in effect: the configured one, else the vendor's. */
  int budgetPerMinute() {
    return requestsPerMinute > 0 ? requestsPerMinute : connector.requestsPerMinute();
  }
}
