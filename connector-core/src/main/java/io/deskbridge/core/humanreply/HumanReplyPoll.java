package io.deskbridge.core.humanreply;

import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.error.VendorException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One round of an installation's poll for the first human reply after a handover. It takes up to a limit of the
 * conversations handed over in the last {@link #WINDOW} whose first human reply is not stored (never polled ones
 * first, then the least recently polled), loads each through the engine's vendor calls, spaced by a given pause so
 * that a round spreads its requests over the interval instead of spending them in a burst, and stores the first
 * public {@link AuthorRole#AGENT} message at or after the handover, or that none was seen yet. A conversation whose
 * handover is older than the window is not polled any more: its human first-response time stays unknown.
 *
 * <p>Failures of one conversation do not hold up the others: one the vendor no longer has
 * ({@link VendorException.Kind#NOT_FOUND}) is stored as gone and never loaded again; one the vendor refuses to show
 * ({@code FORBIDDEN}, {@code INVALID}, {@code CONFLICT}) is stored as polled, so that the next round starts with the
 * others, and counted in the result. Any other failure (the vendor is down or refuses the credentials, the budget has
 * no permit now, the store failed) ends the round with the exception; what it stored so far stays and the next round
 * tries again. An interrupt ends the round quietly. Thread-safe; several processes may poll the same installation
 * (both store the same reply, and an older handover's reply never replaces a newer one's).
 */
public final class HumanReplyPoll {
  /**
   * How long after a handover its first human reply is looked for: a business week and a weekend, so a reply on the
   * next working day after a long weekend is still found, while a handover nobody answered stops costing requests.
   */
  public static final Duration WINDOW = Duration.ofDays(7);
  /** The most conversations one round loads for one installation, whatever the budget. */
  public static final int MAX_PER_ROUND = 200;
  /** The share of an installation's request budget over one interval that a round may use (the rest is the bot's). */
  static final int BUDGET_SHARE_PERCENT = 10;
  private static final Set<VendorException.Kind> REFUSED_FOR_ONE = EnumSet.of(VendorException.Kind.FORBIDDEN,
      VendorException.Kind.INVALID, VendorException.Kind.CONFLICT);

  /** Loads a conversation from its helpdesk (in {@code serve}: the engine's retrying, rate-limited vendor calls). */
  @FunctionalInterface
  public interface Loader {
    Conversation load(ConversationKey key);
  }

  /** Waits between two loads of a round ({@code serve}: the thread sleeps; tests record the pauses). */
  @FunctionalInterface
  public interface Pause {
    void pause(Duration length) throws InterruptedException;
  }

  /**
   * What a round did: conversations loaded, first replies found, conversations the vendor no longer has, conversations
   * it refused to show ({@code firstRefusal}: the first such failure's one-line message, empty when none).
   */
  public record Result(int loaded, int found, int gone, int refused, String firstRefusal) {
    public Result {
      Objects.requireNonNull(firstRefusal, "firstRefusal");
    }

    /** A round without refusals. */
    public Result(int loaded, int found, int gone) {
      this(loaded, found, gone, 0, "");
    }
  }

  private final HumanReplyStore store;
  private final Clock clock;
  private final Pause pause;

  /** A poll whose pauses sleep the calling thread. */
  public HumanReplyPoll(HumanReplyStore store, Clock clock) {
    this(store, clock, length -> Thread.sleep(length.toMillis()));
  }

  public HumanReplyPoll(HumanReplyStore store, Clock clock, Pause pause) {
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.pause = Objects.requireNonNull(pause, "pause");
  }

  /**
   * How many conversations one round may load: {@value #BUDGET_SHARE_PERCENT} % of the requests the budget allows over
   * the interval, at least one, at most {@link #MAX_PER_ROUND}; {@code MAX_PER_ROUND} without a budget (0).
   */
  public static int limit(int requestsPerMinute, Duration every) {
    if (requestsPerMinute <= 0) {
      return MAX_PER_ROUND;
    }
    long share = requestsPerMinute * Math.max(1, every.toMinutes()) * BUDGET_SHARE_PERCENT / 100;
    return (int) Math.max(1, Math.min(MAX_PER_ROUND, share));
  }

  /** Polls one installation, loading at most {@code limit} conversations back to back. */
  public Result run(String installation, Loader loader, int limit) {
    return run(installation, loader, limit, Duration.ZERO);
  }

  /**
   * Polls one installation, loading at most {@code limit} conversations with {@code spacing} between two loads.
   *
   * @throws RuntimeException a failure that ends the round (see the class comment)
   */
  public Result run(String installation, Loader loader, int limit, Duration spacing) {
    int loaded = 0;
    int found = 0;
    int gone = 0;
    int refused = 0;
    String firstRefusal = "";
    boolean first = true;
    for (var pending : stored(() -> store.pending(installation, clock.instant().minus(WINDOW), limit))) {
      if (!first && !spacing.isZero()) {
        try {
          pause.pause(spacing);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      if (Thread.currentThread().isInterrupted()) {
        break; // serve is stopping
      }
      first = false;
      String id = pending.key().externalId();
      Optional<Instant> reply;
      try {
        reply = firstHumanReply(loader.load(pending.key()), pending.handoverAt());
        loaded++;
      } catch (VendorException e) {
        if (e.kind() == VendorException.Kind.NOT_FOUND) {
          stored(() -> {
            store.gone(installation, id, pending.handoverAt(), clock.instant());
            return null;
          });
          gone++;
          continue;
        }
        if (!REFUSED_FOR_ONE.contains(e.kind())) {
          throw e;
        }
        refused++;
        if (firstRefusal.isEmpty()) {
          firstRefusal = e.kind() + ": " + String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        }
        reply = Optional.empty();
      }
      var result = reply;
      stored(() -> {
        store.save(installation, id, pending.handoverAt(), result, clock.instant());
        return null;
      });
      if (reply.isPresent()) {
        found++;
      }
    }
    return new Result(loaded, found, gone, refused, firstRefusal);
  }

  /** A store call whose failure ends the round as a {@link StoreFailed}, told apart from the helpdesk's. */
  private static <T> T stored(Supplier<T> call) {
    try {
      return call.get();
    } catch (RuntimeException e) {
      throw new StoreFailed(e);
    }
  }

  /** The store failed (its {@link HumanReplyStore} threw); the cause is the store's exception. */
  static final class StoreFailed extends RuntimeException {
    StoreFailed(RuntimeException cause) {
      super(cause.getMessage(), cause);
    }
  }

  /**
   * When a person first wrote to the customer at or after {@code handoverAt}: the earliest public agent message. Some
   * helpdesks stamp messages in whole seconds, so a message stamped in the handover's second counts, as written at the
   * handover (never before it).
   */
  static Optional<Instant> firstHumanReply(Conversation conversation, Instant handoverAt) {
    Instant handoverSecond = handoverAt.truncatedTo(ChronoUnit.SECONDS);
    return conversation.messages().stream()
        .filter(m -> m.role() == AuthorRole.AGENT && m.visibility() == Visibility.PUBLIC)
        .map(Message::createdAt)
        .filter(at -> !at.isBefore(handoverSecond))
        .min(Instant::compareTo)
        .map(at -> at.isBefore(handoverAt) ? handoverAt : at);
  }
}
