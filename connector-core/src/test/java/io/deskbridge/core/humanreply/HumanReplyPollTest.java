package io.deskbridge.core.humanreply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Customer;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.ErrorMapper;
import io.deskbridge.core.store.AuditRecord;
import io.deskbridge.core.store.JdbcStore;
import io.deskbridge.core.store.StoreConfig;
import io.deskbridge.core.store.TestDatabases;
import io.deskbridge.mock.base.SteppedClock;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The poll over a real (H2) store with a stepped clock: which message counts as the first human reply, a reply
 * written later found by a later round, the window after which a handover is not polled, the per-round limit, a
 * conversation gone from the helpdesk, a failing helpdesk, and the limit from the request budget.
 */
class HumanReplyPollTest {
  private static final TestDatabases.Source DATABASES = TestDatabases.h2("humanreplypoll");
  private static final Instant HANDOVER = Instant.parse("2026-12-01T10:00:00Z");

  private final SteppedClock clock = new SteppedClock(HANDOVER.plusSeconds(60));
  private StoreConfig database;
  private JdbcStore store;
  private HumanReplyPoll poll;
  /** The helpdesk: each conversation's messages; a conversation missing here is gone (NOT_FOUND). */
  private final Map<String, List<Message>> helpdesk = new HashMap<>();
  private final List<String> loads = new ArrayList<>();
  private final List<Duration> pauses = new ArrayList<>();
  private RuntimeException failure;
  /** Failures of single conversations, by id. */
  private final Map<String, RuntimeException> failing = new HashMap<>();

  @BeforeEach
  void open() {
    database = DATABASES.create();
    store = JdbcStore.open(database);
    poll = new HumanReplyPoll(store.humanReplies(), clock, pauses::add);
  }

  @AfterEach
  void close() {
    store.close();
    DATABASES.drop(database);
  }

  private Conversation load(ConversationKey key) {
    loads.add(key.externalId());
    if (failure != null) {
      throw failure;
    }
    if (failing.containsKey(key.externalId())) {
      throw failing.get(key.externalId());
    }
    var messages = helpdesk.get(key.externalId());
    if (messages == null) {
      throw new VendorException(VendorException.Kind.NOT_FOUND, "ticket " + key.externalId() + " not found", null);
    }
    return new Conversation(key, Channel.EMAIL, "subject", new Customer("c1", "Ann", ""), "", "", Set.of(), false,
        List.copyOf(messages));
  }

  /** A conversation the bot handed over at {@code at}, with the customer's message and the bot's handover note. */
  private void handedOver(String id, Instant at) throws Exception {
    try (var c = DriverManager.getConnection(database.connectionUrl(), database.username(),
        database.password() == null ? "" : database.password().reveal());
        var ps = c.prepareStatement("INSERT INTO conversation (installation, conversation_id, vendor, channel) "
            + "VALUES ('acme', ?, 'zendesk', 'EMAIL')")) {
      ps.setString(1, id);
      ps.executeUpdate();
    }
    store.append(new AuditRecord(at, "acme", id, "ev-" + id, "auto", "handover", List.of("human_request"), 0.9, "",
        Map.of(), "a person please", List.of(), "applied", 1, Map.of("language", "en")));
    helpdesk.put(id, new ArrayList<>(List.of(
        message(id + "-1", AuthorRole.CUSTOMER, Visibility.PUBLIC, at.minusSeconds(5)),
        message(id + "-2", AuthorRole.BOT, Visibility.PUBLIC, at.plusSeconds(1)))));
  }

  private static Message message(String id, AuthorRole role, Visibility visibility, Instant at) {
    return new Message(id, role, visibility, role.name().toLowerCase(), "text", at);
  }

  private Map<List<String>, Instant> stored() {
    return store.dashboard().firstAgentReplies(Instant.EPOCH, HANDOVER.plus(Duration.ofDays(30)));
  }

  @Test
  void theFirstPublicAgentMessageAtOrAfterTheHandoverIsStoredAndNotLoadedAgain() throws Exception {
    handedOver("1", HANDOVER);
    var messages = helpdesk.get("1");
    messages.add(message("early", AuthorRole.AGENT, Visibility.PUBLIC, HANDOVER.minusSeconds(60))); // before it
    messages.add(message("note", AuthorRole.AGENT, Visibility.INTERNAL, HANDOVER.plusSeconds(30))); // a note
    messages.add(message("bot", AuthorRole.BOT, Visibility.PUBLIC, HANDOVER.plusSeconds(40))); // the bot's own
    messages.add(message("second", AuthorRole.AGENT, Visibility.PUBLIC, HANDOVER.plusSeconds(900)));
    messages.add(message("first", AuthorRole.AGENT, Visibility.PUBLIC, HANDOVER.plusSeconds(600))); // out of order

    assertThat(poll.run("acme", this::load, 10)).isEqualTo(new HumanReplyPoll.Result(1, 1, 0));
    assertThat(stored()).isEqualTo(Map.of(List.of("acme", "1"), HANDOVER.plusSeconds(600)));

    clock.advance(Duration.ofMinutes(15));
    assertThat(poll.run("acme", this::load, 10)).isEqualTo(new HumanReplyPoll.Result(0, 0, 0));
    assertThat(loads).containsExactly("1");
  }

  @Test
  void aReplyStampedInTheHandoversWholeSecondCountsAsWrittenAtTheHandoverAndAnEarlierSecondDoesNot() throws Exception {
    Instant handover = HANDOVER.plusMillis(700); // the store keeps milliseconds; the helpdesk stamps whole seconds
    handedOver("1", handover);
    helpdesk.get("1").add(message("same-second", AuthorRole.AGENT, Visibility.PUBLIC, HANDOVER));
    handedOver("2", handover);
    helpdesk.get("2").add(message("second-before", AuthorRole.AGENT, Visibility.PUBLIC, HANDOVER.minusSeconds(1)));

    assertThat(poll.run("acme", this::load, 10)).isEqualTo(new HumanReplyPoll.Result(2, 1, 0));
    assertThat(stored()).isEqualTo(Map.of(List.of("acme", "1"), handover));
  }

  @Test
  void aReplyWrittenAfterARoundIsFoundByALaterRoundUntilTheWindowHasPassed() throws Exception {
    handedOver("1", HANDOVER);
    handedOver("2", HANDOVER);
    assertThat(poll.run("acme", this::load, 10)).isEqualTo(new HumanReplyPoll.Result(2, 0, 0));
    assertThat(stored()).isEmpty();

    clock.advance(Duration.ofHours(3));
    helpdesk.get("1").add(message("agent", AuthorRole.AGENT, Visibility.PUBLIC, HANDOVER.plus(Duration.ofHours(2))));
    assertThat(poll.run("acme", this::load, 10)).isEqualTo(new HumanReplyPoll.Result(2, 1, 0));
    assertThat(stored()).isEqualTo(Map.of(List.of("acme", "1"), HANDOVER.plus(Duration.ofHours(2))));

    // 2 is still polled on the window's last day, not after it
    setClock(HANDOVER.plus(HumanReplyPoll.WINDOW).minusSeconds(1));
    loads.clear();
    poll.run("acme", this::load, 10);
    assertThat(loads).containsExactly("2");
    setClock(HANDOVER.plus(HumanReplyPoll.WINDOW).plusSeconds(1));
    helpdesk.get("2").add(message("late", AuthorRole.AGENT, Visibility.PUBLIC, clock.instant()));
    loads.clear();
    assertThat(poll.run("acme", this::load, 10)).isEqualTo(new HumanReplyPoll.Result(0, 0, 0));
    assertThat(loads).isEmpty();
  }

  @Test
  void aRoundLoadsAtMostTheLimitAndTheNextStartsWithTheConversationsNotPolledYet() throws Exception {
    handedOver("1", HANDOVER);
    handedOver("2", HANDOVER.plusSeconds(1));
    handedOver("3", HANDOVER.plusSeconds(2));

    poll.run("acme", this::load, 2);
    assertThat(loads).containsExactly("1", "2");
    clock.advance(Duration.ofMinutes(15));
    poll.run("acme", this::load, 2);
    assertThat(loads).containsExactly("1", "2", "3", "1");
  }

  @Test
  void aConversationGoneFromTheHelpdeskIsSkippedAndAFailureEndsTheRoundKeepingWhatItStored() throws Exception {
    handedOver("1", HANDOVER);
    handedOver("2", HANDOVER.plusSeconds(1));
    handedOver("3", HANDOVER.plusSeconds(2));
    helpdesk.remove("1");
    helpdesk.get("2").add(message("agent", AuthorRole.AGENT, Visibility.PUBLIC, HANDOVER.plusSeconds(120)));

    assertThat(poll.run("acme", this::load, 10)).isEqualTo(new HumanReplyPoll.Result(2, 1, 1));
    assertThat(stored()).containsOnlyKeys(List.of("acme", "2"));

    handedOver("4", HANDOVER.plusSeconds(3));
    clock.advance(Duration.ofMinutes(15));
    failure = new VendorException(VendorException.Kind.UNAVAILABLE, "HTTP 503", null);
    loads.clear();
    assertThatThrownBy(() -> poll.run("acme", this::load, 10)).isSameAs(failure);
    assertThat(loads).containsExactly("4"); // the first of the round: the others wait for the next round
    assertThat(stored()).containsOnlyKeys(List.of("acme", "2"));

    // the gone conversation is not loaded again; 3 and 4 are
    failure = null;
    clock.advance(Duration.ofMinutes(15));
    loads.clear();
    poll.run("acme", this::load, 10);
    assertThat(loads).containsExactlyInAnyOrder("3", "4");
  }

  @Test
  void aConversationTheHelpdeskRefusesToShowIsCountedAndDoesNotHoldUpTheOthersInLaterRounds() throws Exception {
    handedOver("1", HANDOVER);
    handedOver("2", HANDOVER.plusSeconds(1));
    failing.put("1", new VendorException(VendorException.Kind.FORBIDDEN, "HTTP 403 ticket 1\nmore", null));
    helpdesk.get("2").add(message("agent", AuthorRole.AGENT, Visibility.PUBLIC, HANDOVER.plusSeconds(60)));

    assertThat(poll.run("acme", this::load, 1)).isEqualTo(new HumanReplyPoll.Result(0, 0, 0, 1,
        "FORBIDDEN: HTTP 403 ticket 1"));
    clock.advance(Duration.ofMinutes(15));
    assertThat(poll.run("acme", this::load, 1)).as("the next round starts with the other conversation")
        .isEqualTo(new HumanReplyPoll.Result(1, 1, 0));
    assertThat(stored()).containsOnlyKeys(List.of("acme", "2"));
  }

  @Test
  void theLoadsOfARoundAreSpacedByThePauseAndAnInterruptEndsTheRoundBeforeTheNextLoad() throws Exception {
    handedOver("1", HANDOVER);
    handedOver("2", HANDOVER.plusSeconds(1));
    handedOver("3", HANDOVER.plusSeconds(2));
    poll.run("acme", this::load, 10, Duration.ofSeconds(4));
    assertThat(pauses).containsExactly(Duration.ofSeconds(4), Duration.ofSeconds(4));
    assertThat(loads).containsExactly("1", "2", "3");

    var interrupting = new HumanReplyPoll(store.humanReplies(), clock, length -> {
      throw new InterruptedException("serve stops");
    });
    clock.advance(Duration.ofMinutes(15));
    loads.clear();
    try {
      assertThat(interrupting.run("acme", this::load, 10, Duration.ofSeconds(4)).loaded()).isEqualTo(1);
      assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept for the caller").isTrue();
    } finally {
      Thread.interrupted();
    }
    assertThat(loads).hasSize(1);
  }

  @Test
  void theResultOfAnOlderHandoverNeverReplacesTheNewerOnesRow() throws Exception {
    handedOver("1", HANDOVER);
    var replies = store.humanReplies();
    Instant later = HANDOVER.plus(Duration.ofHours(1));
    replies.save("acme", "1", later, Optional.of(later.plusSeconds(30)), clock.instant());
    // a second process still polling for the first handover stores its result after
    replies.save("acme", "1", HANDOVER, Optional.of(HANDOVER.plusSeconds(10)), clock.instant());
    replies.save("acme", "1", HANDOVER, Optional.empty(), clock.instant());
    replies.gone("acme", "1", HANDOVER, clock.instant());
    assertThat(stored()).isEqualTo(Map.of(List.of("acme", "1"), later.plusSeconds(30)));
  }

  @Test
  void theSchedulersRoundLogsAFailureInOneLineInsteadOfThrowingAndAPausedBudgetAtInfo() throws Exception {
    var logs = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
    var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(HumanReplyScheduler.class);
    var level = logger.getLevel();
    logger.setLevel(ch.qos.logback.classic.Level.INFO);
    logs.start();
    logger.addAppender(logs);
    try {
      handedOver("1", HANDOVER);
      failure = new IllegalStateException("boom\nsecond line");
      ErrorMapper errors = e -> e instanceof VendorException v ? v
          : new VendorException(VendorException.Kind.UNAVAILABLE, e.getMessage(), e);
      var job = new HumanReplyScheduler.Job("acme", this::load, () -> 5, errors);
      HumanReplyScheduler.run(poll, job, Duration.ofMinutes(15), 1);
      assertThat(loads).containsExactly("1");
      failure = new VendorException(VendorException.Kind.PAUSED, "own rate limit reached", null);
      HumanReplyScheduler.run(poll, job, Duration.ofMinutes(15), 1);
      store.close(); // the store fails: worded as the store's, not run through the helpdesk's error mapper
      HumanReplyScheduler.run(poll, job, Duration.ofMinutes(15), 1);

      assertThat(logs.list).extracting(e -> e.getLevel().toString(), e -> e.getFormattedMessage()).containsExactly(
          org.assertj.core.groups.Tuple.tuple("WARN", "polling the first human replies after handovers of acme failed "
              + "(UNAVAILABLE), trying again in 15m: boom"),
          org.assertj.core.groups.Tuple.tuple("INFO", "polling the first human replies after handovers of acme paused "
              + "until the next round in 15m: own rate limit reached"),
          org.assertj.core.groups.Tuple.tuple("WARN", "polling the first human replies after handovers of acme failed, "
              + "trying again in 15m: the store failed: " + storeFailure()));
      assertThat(logs.list).allMatch(e -> e.getThrowableProxy() == null);
    } finally {
      logger.detachAppender(logs);
      logger.setLevel(level);
    }
  }

  @Test
  void theLimitIsATenthOfTheBudgetOverTheIntervalBetweenOneAndTheMaximum() {
    assertThat(HumanReplyPoll.limit(0, Duration.ofMinutes(15))).isEqualTo(HumanReplyPoll.MAX_PER_ROUND);
    assertThat(HumanReplyPoll.limit(700, Duration.ofMinutes(15))).isEqualTo(HumanReplyPoll.MAX_PER_ROUND);
    assertThat(HumanReplyPoll.limit(5, Duration.ofMinutes(15))).isEqualTo(7);
    assertThat(HumanReplyPoll.limit(60, Duration.ofMinutes(10))).isEqualTo(60);
    assertThat(HumanReplyPoll.limit(1, Duration.ofMinutes(1))).isEqualTo(1);
  }

  /** The first line of what a closed store says when asked for pending conversations. */
  private String storeFailure() {
    try {
      store.humanReplies().pending("acme", HANDOVER, 1);
      throw new AssertionError("the closed store answered");
    } catch (RuntimeException e) {
      return String.valueOf(e.getMessage()).lines().findFirst().orElse("");
    }
  }

  private void setClock(Instant at) {
    clock.advance(Duration.between(clock.instant(), at));
  }
}
