package io.deskbridge.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import io.deskbridge.core.action.Action;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.webhook.InboundEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable {@link ProcessingStore} and {@link AuditLog} on a JDBC database: an embedded H2 file (one
 * process) or PostgreSQL (any number of processes sharing it). {@link #open} migrates the schema with Flyway
 * ({@code classpath:db/migration}, one script set for both databases) and keeps a HikariCP pool.
 *
 * <h2>Tables</h2>
 * {@code conversation} (state, lease, and {@code due_at}: when the conversation's next work is due),
 * {@code inbox_event} (received events, unique per installation and event id), {@code outbox} (decided vendor
 * writes), {@code audit} and {@code dead_letter}. Events, state and actions are stored as JSON text.
 *
 * <h2>Claiming: leases with fencing tokens</h2>
 * A worker processes a conversation only while it holds the conversation's lease: the row's
 * {@code lease_owner}, {@code lease_until} and {@code lease_token}. {@link #claim} runs, in one transaction,
 * <pre>
 * SELECT ... FROM conversation WHERE due_at &lt;= :now AND (lease_until IS NULL OR lease_until &lt; :now)
 *   ORDER BY due_retries, due_at LIMIT 1 FOR UPDATE SKIP LOCKED   -- PostgreSQL
 *   ORDER BY due_retries, due_at LIMIT 20                         -- H2
 * UPDATE conversation SET lease_owner = :me, lease_token = lease_token + 1, lease_until = :now + :leaseFor
 *   WHERE (key) AND due_at &lt;= :now AND (lease_until IS NULL OR lease_until &lt; :now)   -- per candidate
 * </pre>
 * The conditional {@code UPDATE} (a compare-and-set on the row) is the guarantee: the database serialises
 * updates of one row and re-checks the condition after waiting for a competing one, so of any number of
 * claimers in any number of processes exactly one changes the row; the others see zero rows and try their
 * next candidate. On PostgreSQL {@code FOR UPDATE SKIP LOCKED} keeps concurrent claimers from queueing on
 * one row: each locks the oldest due conversation no other claimer is looking at, so several instances
 * claim in parallel without waiting. H2 (2.5) accepts the clause but applies the {@code LIMIT} before
 * skipping locked rows, so a claimer would come away empty whenever the oldest row is locked; there the scan
 * returns a few unlocked candidates instead, and losers wait a moment on the winner's row lock before moving
 * on. H2 serves one process, where that wait is short. A worker that dies leaves its lease
 * to expire, after which the conversation is claimed again with a higher token.
 *
 * <p>Every write under a lease first runs {@code UPDATE conversation ... WHERE (key) AND lease_owner = ?
 * AND lease_token = ?} in its own transaction; when that changes no row the transaction is rolled back and
 * {@link LeaseLostException} thrown, so a worker that lost its lease (paused past the expiry, then overtaken)
 * writes nothing. A lease past its expiry that nobody has taken over yet is still good. This was chosen over
 * PostgreSQL advisory locks (PostgreSQL only, and held by a session, which a pool hands to other threads)
 * and over a scheduler library such as db-scheduler (another schema, and no per-conversation order): it
 * needs nothing but row locks, works the same on both databases, and a lease, unlike a lock, survives a lost
 * connection without ever letting two workers write.
 *
 * <h2>Order: one conversation's work is head-of-line</h2>
 * Every transaction that changes a conversation's work locks its {@code conversation} row first and then
 * recomputes {@code due_at} from the conversation's oldest open write (when it has one) or else its oldest
 * pending event. So a write waiting for its next attempt, or an event waiting after a failure, holds back
 * everything behind it in that conversation: the conversation is not claimed before it is due, even when
 * newer events arrive, and {@link #pendingEvents} stops at the first event that is not due. Because
 * {@link #receive} also locks the row first, a conversation's event ids increase in commit order.
 *
 * <h2>Fairness across conversations</h2>
 * The same recomputation keeps {@code due_retries}: the failed attempts of the work {@code due_at} comes
 * from. The claim takes due work that has not failed yet before work being retried, and within each the work
 * due longest: a backlog of conversations that keep failing (retried with back-off) does not hold back a
 * fresh one, and each of them still gets its turn whenever no fresh work is due. A pause that is nobody's
 * fault ({@link #eventWaits}, {@link #operationWaits}) does not count as a failed attempt.
 *
 * <h2>Faults</h2>
 * A failed transaction throws {@link StoreException}. On H2 a failed write to the file (a full disk) closes
 * the database for good; the pool then evicts the connections that report it, and the next connection opens
 * the file again, so the store works again once the disk does, without a restart. {@link #healthy()} says
 * whether the store takes writes right now.
 *
 * <h2>Durability on H2</h2>
 * H2 writes committed transactions to its file in the background, up to half a second later; a process
 * killed in between loses them (measured: about 1,500 of 600,000 acknowledged inserts). Writing on every
 * commit ({@code WRITE_DELAY=0}) also turns off the background compaction, and the file grows without bound
 * (measured: 680 MB after 10,000 events, kept after close). So the store runs
 * {@code CHECKPOINT} after the transactions whose loss would break a promise: {@link #receive} (the webhook
 * is acknowledged next), {@link #sending} (the vendor call comes next) and {@link #replay}, waits for H2's
 * write of them (a checkpoint can return while another thread's write is still under way) and points the
 * file's header at it (else H2, reopening the file after a write fault, may fall back to an older state). Since H2 writes
 * the whole store each time, everything committed before is written with them; a crash loses at most later
 * transactions whose effects are redone after the restart (a decision is taken again; an operation left
 * {@code SENDING} is checked with the vendor). This holds for a process crash; on a power failure H2 relies on
 * the operating system flushing within its retention time (45 s). While busy, the file holds about 45 s of
 * superseded pages (measured: 340 MB at a steady 100 events/s) and is compacted on close. PostgreSQL
 * commits durably by itself.
 *
 * <h2>Contracts</h2>
 * Thread-safe; every method is one transaction (retried up to three times when the database rolls it back
 * for a deadlock or a serialisation failure). Times come from the caller and are kept to the microsecond.
 * Database failures throw {@link StoreException}; a write under a lease that is no longer the conversation's
 * throws {@link LeaseLostException}; a write naming an event or write that is not open in the lease's
 * conversation throws {@link IllegalStateException}. Nothing is written when any of them is thrown.
 */
public final class JdbcStore implements ProcessingStore, AuditLog {
  /** The most records {@link #all()} returns: the newest ones. */
  static final int AUDIT_LIMIT = 100_000;
  /** The most events {@link #pendingEvents} returns; the rest stay due and are returned by a later claim. */
  static final int EVENTS_PER_CALL = 100;
  static final int CLAIM_TRIES = 5;
  /** How long a {@link #healthy()} answer is kept before the next probe. */
  static final long PROBE_EVERY_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);
  private static final int CLAIM_CANDIDATES = 20;
  private static final int TRANSACTION_TRIES = 3;

  private static final String SENDING = "SENDING";

  private static final String LOCK_CONVERSATION =
      "UPDATE conversation SET lease_token = lease_token WHERE installation = ? AND conversation_id = ?";
  private static final String INSERT_CONVERSATION =
      "INSERT INTO conversation (installation, conversation_id, vendor, lease_token) VALUES (?, ?, ?, 0) "
          + "ON CONFLICT DO NOTHING";
  private static final String FENCE = "UPDATE conversation SET lease_token = lease_token "
      + "WHERE installation = ? AND conversation_id = ? AND lease_owner = ? AND lease_token = ?";
  private static final String FENCE_AND_SAVE = "UPDATE conversation SET state = ? "
      + "WHERE installation = ? AND conversation_id = ? AND lease_owner = ? AND lease_token = ?";
  private static final String REFRESH_DUE = "UPDATE conversation SET due_at = COALESCE("
      + "(SELECT o.next_attempt_at FROM outbox o WHERE o.installation = ? AND o.conversation_id = ? "
      + "AND o.status IN ('PENDING', 'SENDING') ORDER BY o.id LIMIT 1), "
      + "(SELECT e.next_attempt_at FROM inbox_event e WHERE e.installation = ? AND e.conversation_id = ? "
      + "AND e.status = 'PENDING' ORDER BY e.id LIMIT 1)), "
      + "due_retries = COALESCE("
      + "(SELECT o.attempts FROM outbox o WHERE o.installation = ? AND o.conversation_id = ? "
      + "AND o.status IN ('PENDING', 'SENDING') ORDER BY o.id LIMIT 1), "
      + "(SELECT e.attempts FROM inbox_event e WHERE e.installation = ? AND e.conversation_id = ? "
      + "AND e.status = 'PENDING' ORDER BY e.id LIMIT 1), 0) "
      + "WHERE installation = ? AND conversation_id = ?";
  private static final String INSERT_EVENT = "INSERT INTO inbox_event (installation, vendor, event_id, "
      + "conversation_id, payload, received_at, status, attempts, next_attempt_at) "
      + "VALUES (?, ?, ?, ?, ?, ?, 'PENDING', 0, ?) ON CONFLICT DO NOTHING";
  private static final String CANDIDATES = "SELECT installation, conversation_id, vendor FROM conversation "
      + "WHERE due_at <= ? AND (lease_until IS NULL OR lease_until < ?) ORDER BY due_retries, due_at";
  /** PostgreSQL: the first due conversation (fair order) that no other claimer is looking at, locked. */
  private static final String PICK_SKIP_LOCKED = CANDIDATES + " LIMIT 1 FOR UPDATE SKIP LOCKED";
  /** H2 (which applies the LIMIT before skipping locked rows): a few candidates, unlocked. */
  private static final String PICK_CANDIDATES = CANDIDATES + " LIMIT " + CLAIM_CANDIDATES;
  private static final String TAKE = "UPDATE conversation "
      + "SET lease_owner = ?, lease_token = lease_token + 1, lease_until = ? "
      + "WHERE installation = ? AND conversation_id = ? AND due_at <= ? "
      + "AND (lease_until IS NULL OR lease_until < ?)";
  private static final String TOKEN =
      "SELECT lease_token FROM conversation WHERE installation = ? AND conversation_id = ?";
  private static final String RENEW = "UPDATE conversation SET lease_until = ? "
      + "WHERE installation = ? AND conversation_id = ? AND lease_owner = ? AND lease_token = ?";
  private static final String RELEASE = "UPDATE conversation SET lease_owner = NULL, lease_until = NULL "
      + "WHERE installation = ? AND conversation_id = ? AND lease_owner = ? AND lease_token = ?";
  private static final String STATE =
      "SELECT state FROM conversation WHERE installation = ? AND conversation_id = ?";
  private static final String PENDING_EVENTS = "SELECT id, payload, attempts, next_attempt_at FROM inbox_event "
      + "WHERE installation = ? AND conversation_id = ? AND status = 'PENDING' ORDER BY id LIMIT "
      + EVENTS_PER_CALL;
  private static final String OPEN_OPERATIONS = "SELECT id, event_id, actions, status, attempts FROM outbox "
      + "WHERE installation = ? AND conversation_id = ? AND status IN ('PENDING', 'SENDING') ORDER BY id";
  private static final String EVENT_DONE = "UPDATE inbox_event SET status = 'DONE', last_error = NULL "
      + "WHERE id = ? AND installation = ? AND conversation_id = ? AND status = 'PENDING'";
  private static final String INSERT_OPERATION = "INSERT INTO outbox (installation, conversation_id, event_id, "
      + "actions, status, attempts, next_attempt_at, created_at) "
      + "SELECT e.installation, e.conversation_id, e.event_id, ?, 'PENDING', 0, e.next_attempt_at, "
      + "CURRENT_TIMESTAMP FROM inbox_event e WHERE e.id = ?";
  private static final String OPERATION_STATUS = "UPDATE outbox SET status = ? "
      + "WHERE id = ? AND installation = ? AND conversation_id = ? AND status IN ('PENDING', 'SENDING')";
  private static final String OPERATION_FAILED = "UPDATE outbox "
      + "SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? "
      + "WHERE id = ? AND installation = ? AND conversation_id = ? AND status IN ('PENDING', 'SENDING')";
  private static final String EVENT_FAILED = "UPDATE inbox_event "
      + "SET attempts = attempts + 1, last_error = ?, next_attempt_at = ? "
      + "WHERE id = ? AND installation = ? AND conversation_id = ? AND status = 'PENDING'";
  private static final String OPERATION_WAITS = "UPDATE outbox SET next_attempt_at = ? "
      + "WHERE id = ? AND installation = ? AND conversation_id = ? AND status IN ('PENDING', 'SENDING')";
  private static final String EVENT_WAITS = "UPDATE inbox_event SET next_attempt_at = ? "
      + "WHERE id = ? AND installation = ? AND conversation_id = ? AND status = 'PENDING'";
  private static final String PROBE = "UPDATE store_probe SET checked_at = ? WHERE id = 1";
  private static final String OPEN_WORK = "SELECT COUNT(*) FROM conversation WHERE due_at IS NOT NULL";
  private static final String PENDING_EVENT = "SELECT vendor, event_id, payload, attempts FROM inbox_event "
      + "WHERE id = ? AND installation = ? AND conversation_id = ? AND status = 'PENDING'";
  private static final String EVENT_DEAD =
      "UPDATE inbox_event SET status = 'DEAD', attempts = attempts + 1, last_error = ? WHERE id = ?";
  private static final String INSERT_DEAD_LETTER = "INSERT INTO dead_letter (inbox_id, installation, vendor, "
      + "event_id, conversation_id, payload, reason, attempts, dead_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String DEAD_LETTER_COLUMNS =
      "SELECT id, inbox_id, installation, vendor, conversation_id, event_id, payload, reason, attempts, dead_at "
          + "FROM dead_letter";
  private static final String DELETE_DEAD_LETTER = "DELETE FROM dead_letter WHERE id = ?";
  private static final String REVIVE_EVENT = "UPDATE inbox_event "
      + "SET status = 'PENDING', attempts = 0, last_error = NULL, next_attempt_at = ? "
      + "WHERE id = ? AND status = 'DEAD'";
  private static final String PURGE_OPERATIONS = "DELETE FROM outbox WHERE status IN ('DONE', 'CANCELLED') "
      + "AND EXISTS (SELECT 1 FROM inbox_event e WHERE e.installation = outbox.installation "
      + "AND e.event_id = outbox.event_id AND e.status = 'DONE' AND e.received_at < ?)";
  private static final String PURGE_EVENTS = "DELETE FROM inbox_event WHERE status = 'DONE' AND received_at < ?";
  private static final String INSERT_AUDIT = "INSERT INTO audit (recorded_at, installation, conversation_id, "
      + "event_id, install_mode, decision, reasons, confidence, article_id, signals, input_text, actions, outcome, "
      + "episode) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String AUDIT_COLUMNS = "SELECT id, recorded_at, installation, conversation_id, event_id, "
      + "install_mode, decision, reasons, confidence, article_id, signals, input_text, actions, outcome, episode FROM audit";

  private static final Logger log = LoggerFactory.getLogger(JdbcStore.class);

  /**
   * H2's {@code RandomAccessStore.writeStoreHeader()} (private in H2 2.5; see {@link #awaitWritten}), or null
   * when this H2 has none: then a checkpoint only waits for the write.
   */
  private static final java.lang.reflect.Method WRITE_STORE_HEADER = storeHeaderWriter();

  private static java.lang.reflect.Method storeHeaderWriter() {
    try {
      var method = org.h2.mvstore.RandomAccessStore.class.getDeclaredMethod("writeStoreHeader");
      method.setAccessible(true);
      return method;
    } catch (ReflectiveOperationException | RuntimeException e) {
      log.warn("this H2 cannot be told to write its file header ({}): after a write fault, H2 may reopen its "
          + "file at an older state", e.toString());
      return null;
    }
  }

  private final HikariDataSource pool;
  private final String pick;
  private final boolean checkpoint;
  private final JsonCodec json = new JsonCodec();
  /** The last word on {@link #healthy()}: a probe's result, or false after a failed transaction. */
  private volatile boolean up = true;
  /** When {@link #up} was last set, by {@link System#nanoTime()}; a probe runs once it is older than that. */
  private volatile long upSetAt = System.nanoTime() - PROBE_EVERY_NANOS;
  private final java.util.concurrent.atomic.AtomicBoolean probing = new java.util.concurrent.atomic.AtomicBoolean();
  private final java.util.concurrent.ExecutorService prober = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
    var t = new Thread(r, "deskbridge-store-probe");
    t.setDaemon(true);
    return t;
  });

  /**
   * Evicts the pooled H2 connections whose database was closed under them: H2 closes a database for good
   * when a write to its file fails (a full disk) and reports it on every connection from then on; a new
   * connection opens the file again. Hikari evicts by itself only on connection-class SQL states.
   */
  private static final class H2Faults implements SQLExceptionOverride {
    private static final java.util.Set<Integer> CLOSED = java.util.Set.of(ErrorCode.GENERAL_ERROR_1,
        ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2, ErrorCode.FILE_CORRUPTED_1, ErrorCode.DATABASE_IS_CLOSED,
        ErrorCode.DATABASE_CALLED_AT_SHUTDOWN);

    /** Whether H2 reported that the connection's database was closed under it. */
    static boolean closed(SQLException e) {
      return e.getErrorCode() != 0 && CLOSED.contains(e.getErrorCode()) && !(e instanceof SQLTransientConnectionException);
    }

    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
      return closed(e) ? SQLExceptionOverride.Override.MUST_EVICT : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }
  }

  private JdbcStore(HikariDataSource pool, boolean postgres, boolean checkpoint) {
    this.pool = pool;
    this.pick = postgres ? PICK_SKIP_LOCKED : PICK_CANDIDATES;
    this.checkpoint = checkpoint;
  }

  /**
   * Opens the pool and brings the schema up to date (Flyway; on PostgreSQL several processes may start at
   * once, Flyway's lock lets one migrate).
   *
   * @throws StoreException when the database cannot be reached or migrated
   */
  public static JdbcStore open(StoreConfig config) {
    Objects.requireNonNull(config, "config");
    var hikari = new HikariConfig();
    hikari.setPoolName("deskbridge-store");
    String jdbcUrl = config.connectionUrl();
    hikari.setJdbcUrl(jdbcUrl);
    if (!config.username().isEmpty()) {
      hikari.setUsername(config.username());
    }
    if (config.password() != null) {
      hikari.setPassword(config.password().reveal());
    }
    hikari.setMaximumPoolSize(config.maxPoolSize());
    hikari.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    hikari.setConnectionTimeout(10_000);
    if (jdbcUrl.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
      hikari.setExceptionOverride(new H2Faults());
    }
    HikariDataSource pool;
    try {
      pool = new HikariDataSource(hikari);
    } catch (RuntimeException e) {
      throw new StoreException("cannot connect to the store " + config, e);
    }
    try {
      // Flyway opens connections of its own: it needs two at once, which a pool of one would never give it
      Flyway.configure(JdbcStore.class.getClassLoader())
          .dataSource(jdbcUrl, config.username().isEmpty() ? null : config.username(),
              config.password() == null ? null : config.password().reveal())
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      pool.close();
      throw new StoreException("cannot migrate the store " + config, e);
    }
    String url = config.url().toLowerCase(Locale.ROOT);
    boolean postgres = url.startsWith("jdbc:postgresql:");
    boolean h2File = !postgres && !url.startsWith("jdbc:h2:mem:");
    return new JdbcStore(pool, postgres, h2File && canCheckpoint(pool));
  }

  /** Whether the H2 user may run {@code CHECKPOINT} (it needs admin rights); warns when not. */
  private static boolean canCheckpoint(HikariDataSource pool) {
    try (var c = pool.getConnection(); var s = c.createStatement()) {
      s.execute("CHECKPOINT");
      return true;
    } catch (SQLException e) {
      log.warn("the H2 user cannot run CHECKPOINT ({}): events received within H2's write delay (0.5 s) before a "
          + "crash may be lost; use an admin user", e.getMessage());
      return false;
    }
  }

  // ---------------------------------------------------------------- inbox

  /**
   * {@inheritDoc}
   *
   * <p>Locks the events' conversation rows (creating them when new) in a fixed order, inserts the events
   * with {@code ON CONFLICT DO NOTHING} in list order, each {@code PENDING} and due at {@code now}, and
   * updates the conversations' due times. A concurrent receive of the same event, in this or another
   * process, waits for the first one's commit and then skips it.
   */
  @Override
  public int receive(String installationId, String vendor, List<InboundEvent> events, Instant now) {
    requireText(installationId, "installationId");
    requireText(vendor, "vendor");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(now, "now");
    if (events.isEmpty()) {
      return 0;
    }
    var payloads = new ArrayList<String>(events.size());
    var conversations = new TreeSet<String>();
    for (InboundEvent event : events) {
      Objects.requireNonNull(event, "event");
      requireText(event.conversationId(), "conversationId");
      requireText(event.id(), "event id");
      payloads.add(json.event(event));
      conversations.add(event.conversationId());
    }
    OffsetDateTime at = ts(now);
    return tx("receive", true, c -> {
      for (String conversation : conversations) {
        lockConversation(c, installationId, conversation, vendor);
      }
      int fresh = 0;
      var touched = new TreeSet<String>();
      try (var insert = c.prepareStatement(INSERT_EVENT)) {
        for (int i = 0; i < events.size(); i++) {
          InboundEvent event = events.get(i);
          insert.setString(1, installationId);
          insert.setString(2, vendor);
          insert.setString(3, event.id());
          insert.setString(4, event.conversationId());
          insert.setString(5, payloads.get(i));
          insert.setObject(6, at);
          insert.setObject(7, at);
          if (insert.executeUpdate() > 0) {
            fresh++;
            touched.add(event.conversationId());
          }
        }
      }
      for (String conversation : touched) {
        refreshDue(c, installationId, conversation);
      }
      return fresh;
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>See the class comment for the mechanism. Returns empty also when, rarely, every candidate of
   * {@value #CLAIM_TRIES} scans in a row was taken by others between the scan and the update; the caller
   * polls again.
   *
   * @throws IllegalArgumentException when {@code leaseFor} is not positive
   */
  @Override
  public Optional<Lease> claim(String owner, Instant now, Duration leaseFor) {
    requireText(owner, "owner");
    Objects.requireNonNull(now, "now");
    requirePositive(leaseFor);
    OffsetDateTime at = ts(now);
    OffsetDateTime until = ts(now.plus(leaseFor));
    return tx("claim", c -> {
      try (var candidates = c.prepareStatement(pick); var take = c.prepareStatement(TAKE);
          var token = c.prepareStatement(TOKEN)) {
        for (int i = 0; i < CLAIM_TRIES; i++) {
          candidates.setObject(1, at);
          candidates.setObject(2, at);
          var found = new ArrayList<ConversationKey>();
          try (var rs = candidates.executeQuery()) {
            while (rs.next()) {
              found.add(new ConversationKey(rs.getString(3), rs.getString(1), rs.getString(2)));
            }
          }
          if (found.isEmpty()) {
            return Optional.<Lease>empty();
          }
          for (ConversationKey key : found) {
            take.setString(1, owner);
            take.setObject(2, until);
            bindKey(take, 3, key);
            take.setObject(5, at);
            take.setObject(6, at);
            if (take.executeUpdate() == 1) {
              bindKey(token, 1, key);
              try (var rs = token.executeQuery()) {
                rs.next();
                return Optional.of(new Lease(key, owner, rs.getLong(1), until.toInstant()));
              }
            }
          }
        }
        return Optional.<Lease>empty();
      }
    });
  }

  @Override
  public Lease renew(Lease lease, Instant now, Duration leaseFor) {
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(now, "now");
    requirePositive(leaseFor);
    OffsetDateTime until = ts(now.plus(leaseFor));
    return tx("renew", c -> {
      try (var renew = c.prepareStatement(RENEW)) {
        renew.setObject(1, until);
        bindLease(renew, 2, lease);
        if (renew.executeUpdate() != 1) {
          throw new LeaseLostException(lease);
        }
      }
      return new Lease(lease.key(), lease.owner(), lease.token(), until.toInstant());
    });
  }

  /** {@inheritDoc} The token stays, so the next claim gets a higher one. */
  @Override
  public void release(Lease lease) {
    Objects.requireNonNull(lease, "lease");
    tx("release", c -> {
      try (var release = c.prepareStatement(RELEASE)) {
        bindLease(release, 1, lease);
        release.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public Optional<ConversationState> state(ConversationKey key) {
    Objects.requireNonNull(key, "key");
    return tx("state", c -> {
      try (var select = c.prepareStatement(STATE)) {
        select.setString(1, key.installation());
        select.setString(2, key.externalId());
        try (var rs = select.executeQuery()) {
          if (!rs.next() || rs.getString(1) == null) {
            return Optional.<ConversationState>empty();
          }
          return Optional.of(json.state(rs.getString(1)));
        }
      }
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>In id order, stopping before the first event that is not due (a failed event holds back the later
   * ones), at most {@value #EVENTS_PER_CALL}. Reads only; does not check the lease.
   */
  @Override
  public List<PendingEvent> pendingEvents(Lease lease, Instant now) {
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(now, "now");
    Instant at = truncate(now);
    return tx("pendingEvents", c -> {
      var events = new ArrayList<PendingEvent>();
      try (var select = c.prepareStatement(PENDING_EVENTS)) {
        bindKey(select, 1, lease.key());
        try (var rs = select.executeQuery()) {
          while (rs.next()) {
            if (instant(rs, 4).isAfter(at)) {
              break;
            }
            events.add(new PendingEvent(rs.getLong(1), json.event(rs.getString(2)), rs.getInt(3)));
          }
        }
      }
      return List.copyOf(events);
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>All of them, also those whose next attempt is not due yet (the conversation is not claimed before
   * its oldest open write is due, so a caller holding a lease may send them). Reads only; does not check
   * the lease.
   */
  @Override
  public List<Operation> openOperations(Lease lease) {
    Objects.requireNonNull(lease, "lease");
    return tx("openOperations", c -> {
      var operations = new ArrayList<Operation>();
      try (var select = c.prepareStatement(OPEN_OPERATIONS)) {
        bindKey(select, 1, lease.key());
        try (var rs = select.executeQuery()) {
          while (rs.next()) {
            operations.add(new Operation(rs.getLong(1), rs.getString(2), json.actions(rs.getString(3)),
                Operation.Status.valueOf(rs.getString(4)), rs.getInt(5)));
          }
        }
      }
      return List.copyOf(operations);
    });
  }

  /**
   * {@inheritDoc}
   *
   * <p>The operations are due at once (their next attempt is the event's, which was due).
   *
   * @throws IllegalStateException    when the event is not pending in the lease's conversation
   * @throws IllegalArgumentException when the state is of another conversation
   */
  @Override
  public void commit(Lease lease, long eventId, ConversationState state, List<List<Action>> operations,
      List<AuditRecord> audit) {
    Objects.requireNonNull(lease, "lease");
    requireSameConversation(lease, state);
    Objects.requireNonNull(operations, "operations");
    Objects.requireNonNull(audit, "audit");
    String stateJson = json.state(state);
    List<String> actions = operations.stream().map(json::actions).toList();
    tx("commit", c -> {
      fenceAndSave(c, lease, stateJson);
      try (var done = c.prepareStatement(EVENT_DONE)) {
        done.setLong(1, eventId);
        bindKey(done, 2, lease.key());
        if (done.executeUpdate() != 1) {
          throw new IllegalStateException("event " + eventId + " is not pending in " + lease.key());
        }
      }
      try (var insert = c.prepareStatement(INSERT_OPERATION)) {
        for (String a : actions) {
          insert.setString(1, a);
          insert.setLong(2, eventId);
          insert.executeUpdate();
        }
      }
      insertAudit(c, audit);
      refreshDue(c, lease.key().installation(), lease.key().externalId());
      return null;
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalStateException when the operation is not open in the lease's conversation
   */
  @Override
  public void sending(Lease lease, long operationId) {
    Objects.requireNonNull(lease, "lease");
    tx("sending", true, c -> {
      fence(c, lease);
      setOperationStatus(c, lease, operationId, SENDING);
      return null;
    });
  }

  /**
   * {@inheritDoc}
   *
   * @throws IllegalArgumentException when {@code status} is not {@code DONE} or {@code CANCELLED}
   * @throws IllegalStateException    when the operation is not open in the lease's conversation
   */
  @Override
  public void finish(Lease lease, long operationId, Operation.Status status, ConversationState state,
      List<AuditRecord> audit) {
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(status, "status");
    if (status != Operation.Status.DONE && status != Operation.Status.CANCELLED) {
      throw new IllegalArgumentException("an operation finishes DONE or CANCELLED, not " + status);
    }
    requireSameConversation(lease, state);
    Objects.requireNonNull(audit, "audit");
    String stateJson = json.state(state);
    tx("finish", c -> {
      fenceAndSave(c, lease, stateJson);
      setOperationStatus(c, lease, operationId, status.name());
      insertAudit(c, audit);
      refreshDue(c, lease.key().installation(), lease.key().externalId());
      return null;
    });
  }

  /**
   * {@inheritDoc} Its status stays (a {@code SENDING} one stays {@code SENDING}, as the vendor may have
   * applied it).
   *
   * @throws LeaseLostException   when another worker took the conversation over
   * @throws IllegalStateException when the operation is not open in the lease's conversation
   */
  @Override
  public void operationFailed(Lease lease, long operationId, String error, Instant notBefore) {
    updateOpen("operationFailed", OPERATION_FAILED, lease, operationId, error, notBefore);
  }

  /**
   * {@inheritDoc} Later events of the conversation wait behind it.
   *
   * @throws LeaseLostException   when another worker took the conversation over
   * @throws IllegalStateException when the event is not pending in the lease's conversation
   */
  @Override
  public void eventFailed(Lease lease, long eventId, String error, Instant notBefore) {
    updateOpen("eventFailed", EVENT_FAILED, lease, eventId, error, notBefore);
  }

  /** {@inheritDoc} Later events of the conversation wait behind it. */
  @Override
  public void eventWaits(Lease lease, long eventId, Instant notBefore) {
    postpone("eventWaits", EVENT_WAITS, lease, eventId, notBefore);
  }

  /** {@inheritDoc} Later work of the conversation waits behind it. */
  @Override
  public void operationWaits(Lease lease, long operationId, Instant notBefore) {
    postpone("operationWaits", OPERATION_WAITS, lease, operationId, notBefore);
  }

  private void postpone(String what, String sql, Lease lease, long id, Instant notBefore) {
    updateOpen(what, sql, lease, id, null, notBefore);
  }

  /**
   * Updates one open event or operation of the lease's conversation under the lease's fence, then the
   * conversation's due time. The statement's parameters are: the error (only when {@code error} is not
   * null), the next attempt time, the row id, the installation and the conversation id.
   */
  private void updateOpen(String what, String sql, Lease lease, long id, String error, Instant notBefore) {
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(notBefore, "notBefore");
    tx(what, c -> {
      fence(c, lease);
      try (var update = c.prepareStatement(sql)) {
        int p = 1;
        if (error != null) {
          update.setString(p++, error);
        }
        update.setObject(p++, ts(notBefore));
        update.setLong(p++, id);
        bindKey(update, p, lease.key());
        if (update.executeUpdate() != 1) {
          throw new IllegalStateException(what + ": " + id + " is not open in " + lease.key());
        }
      }
      refreshDue(c, lease.key().installation(), lease.key().externalId());
      return null;
    });
  }

  @Override
  public boolean hasOpenWork() {
    return tx("hasOpenWork", c -> {
      try (var select = c.prepareStatement(OPEN_WORK); var rows = select.executeQuery()) {
        rows.next();
        return rows.getLong(1) > 0;
      }
    });
  }

  /**
   * {@inheritDoc} This failed attempt counts: the dead letter's attempts are the event's failed attempts so
   * far plus one. The inbox row stays (status {@code DEAD}), so a redelivery of the event is still a
   * duplicate.
   *
   * @throws LeaseLostException   when another worker took the conversation over
   * @throws IllegalStateException when the event is not pending in the lease's conversation
   */
  @Override
  public void deadLetter(Lease lease, long eventId, String reason, Instant now) {
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(now, "now");
    tx("deadLetter", c -> {
      fence(c, lease);
      String vendor;
      String vendorEventId;
      String payload;
      int attempts;
      try (var select = c.prepareStatement(PENDING_EVENT)) {
        select.setLong(1, eventId);
        bindKey(select, 2, lease.key());
        try (var rs = select.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalStateException("event " + eventId + " is not pending in " + lease.key());
          }
          vendor = rs.getString(1);
          vendorEventId = rs.getString(2);
          payload = rs.getString(3);
          attempts = rs.getInt(4) + 1;
        }
      }
      try (var dead = c.prepareStatement(EVENT_DEAD)) {
        dead.setString(1, reason);
        dead.setLong(2, eventId);
        dead.executeUpdate();
      }
      try (var insert = c.prepareStatement(INSERT_DEAD_LETTER)) {
        insert.setLong(1, eventId);
        insert.setString(2, lease.key().installation());
        insert.setString(3, vendor);
        insert.setString(4, vendorEventId);
        insert.setString(5, lease.key().externalId());
        insert.setString(6, payload);
        insert.setString(7, reason);
        insert.setInt(8, attempts);
        insert.setObject(9, ts(now));
        insert.executeUpdate();
      }
      refreshDue(c, lease.key().installation(), lease.key().externalId());
      return null;
    });
  }

  /** {@inheritDoc} By id, which is the order they were written in. */
  @Override
  public List<DeadLetter> deadLetters() {
    return tx("deadLetters", c -> {
      var letters = new ArrayList<DeadLetter>();
      try (var select = c.prepareStatement(DEAD_LETTER_COLUMNS + " ORDER BY id DESC");
          var rs = select.executeQuery()) {
        while (rs.next()) {
          letters.add(deadLetter(rs));
        }
      }
      return List.copyOf(letters);
    });
  }

  @Override
  public Optional<DeadLetter> deadLetter(long id) {
    return tx("deadLetter", c -> findDeadLetter(c, id).map(row -> row.letter));
  }

  /**
   * {@inheritDoc} The event keeps its inbox id, so it comes before the conversation's newer events. Two
   * concurrent replays of one dead letter: one returns true, the other false.
   */
  @Override
  public boolean replay(long deadLetterId, Instant now) {
    Objects.requireNonNull(now, "now");
    OffsetDateTime at = ts(now);
    return tx("replay", true, c -> {
      var found = findDeadLetter(c, deadLetterId);
      if (found.isEmpty()) {
        return false;
      }
      try (var delete = c.prepareStatement(DELETE_DEAD_LETTER)) {
        delete.setLong(1, deadLetterId);
        if (delete.executeUpdate() != 1) {
          return false; // replayed concurrently
        }
      }
      var row = found.get();
      String installation = row.letter.installationId();
      String conversation = row.letter.event().conversationId();
      lockConversation(c, installation, conversation, row.vendor);
      int revived;
      try (var revive = c.prepareStatement(REVIVE_EVENT)) {
        revive.setObject(1, at);
        revive.setLong(2, row.inboxId);
        revived = revive.executeUpdate();
      }
      if (revived == 0) { // the inbox row is gone: receive the event again
        try (var insert = c.prepareStatement(INSERT_EVENT)) {
          insert.setString(1, installation);
          insert.setString(2, row.vendor);
          insert.setString(3, row.letter.event().id());
          insert.setString(4, conversation);
          insert.setString(5, row.payload);
          insert.setObject(6, at);
          insert.setObject(7, at);
          insert.executeUpdate();
        }
      }
      refreshDue(c, installation, conversation);
      return true;
    });
  }

  /** {@inheritDoc} The finished writes decided on those events go with them. */
  @Override
  public int purgeProcessed(Instant before) {
    Objects.requireNonNull(before, "before");
    OffsetDateTime at = ts(before);
    return tx("purgeProcessed", c -> {
      try (var operations = c.prepareStatement(PURGE_OPERATIONS); var events = c.prepareStatement(PURGE_EVENTS)) {
        operations.setObject(1, at);
        operations.executeUpdate();
        events.setObject(1, at);
        return events.executeUpdate();
      }
    });
  }

  // ---------------------------------------------------------------- audit

  /** {@inheritDoc} In its own transaction. */
  @Override
  public void append(AuditRecord record) {
    Objects.requireNonNull(record, "record");
    tx("append", c -> {
      insertAudit(c, List.of(record));
      return null;
    });
  }

  /** {@inheritDoc} At most the newest {@value #AUDIT_LIMIT}. */
  @Override
  public List<AuditRecord> all() {
    return queryAudit("SELECT * FROM (" + AUDIT_COLUMNS + " ORDER BY id DESC LIMIT " + AUDIT_LIMIT
        + ") AS newest ORDER BY id", ps -> { });
  }

  /** One conversation's audit records, oldest first. */
  public List<AuditRecord> audit(String installationId, String conversationId) {
    Objects.requireNonNull(installationId, "installationId");
    Objects.requireNonNull(conversationId, "conversationId");
    return queryAudit(AUDIT_COLUMNS + " WHERE installation = ? AND conversation_id = ? ORDER BY id", ps -> {
      ps.setString(1, installationId);
      ps.setString(2, conversationId);
    });
  }

  /**
   * {@inheritDoc} Never waits: when the last answer is older than a second it starts a probe in the background
   * (one at a time) and returns the last answer. The probe rewrites one row durably (on an H2 file, with a
   * checkpoint, so the disk is written). A transaction that fails for a database fault (not for bad data)
   * sets the answer to false at once.
   */
  @Override
  public boolean healthy() {
    if (System.nanoTime() - upSetAt >= PROBE_EVERY_NANOS && probing.compareAndSet(false, true)) {
      try {
        prober.execute(this::probe);
      } catch (java.util.concurrent.RejectedExecutionException closed) {
        probing.set(false);
      }
    }
    return up;
  }

  private void probe() {
    try {
      tx("probe", true, c -> {
        try (var probe = c.prepareStatement(PROBE)) {
          probe.setObject(1, OffsetDateTime.now(ZoneOffset.UTC));
          probe.executeUpdate();
        }
        return null;
      });
      setUp(true);
    } catch (RuntimeException e) {
      setUp(false);
      log.debug("store probe failed: {}", e.getMessage());
    } finally {
      probing.set(false);
    }
  }

  private void setUp(boolean value) {
    up = value;
    upSetAt = System.nanoTime();
  }

  /** Closes the connection pool; calls afterwards fail. */
  @Override
  public void close() {
    prober.shutdownNow();
    pool.close();
  }

  // ---------------------------------------------------------------- helpers

  /** Locks a conversation's row, creating it first when it does not exist. */
  private static void lockConversation(Connection c, String installation, String conversation, String vendor)
      throws SQLException {
    try (var lock = c.prepareStatement(LOCK_CONVERSATION)) {
      lock.setString(1, installation);
      lock.setString(2, conversation);
      if (lock.executeUpdate() == 1) {
        return;
      }
      try (var insert = c.prepareStatement(INSERT_CONVERSATION)) {
        insert.setString(1, installation);
        insert.setString(2, conversation);
        insert.setString(3, vendor);
        if (insert.executeUpdate() == 1) {
          return; // the new row is ours until commit
        }
      }
      if (lock.executeUpdate() != 1) { // inserted by another transaction meanwhile
        throw new IllegalStateException("conversation row " + installation + "/" + conversation + " vanished");
      }
    }
  }

  /** Locks the lease's conversation row if the lease is still its own, else throws. */
  private static void fence(Connection c, Lease lease) throws SQLException {
    try (var fence = c.prepareStatement(FENCE)) {
      bindLease(fence, 1, lease);
      if (fence.executeUpdate() != 1) {
        throw new LeaseLostException(lease);
      }
    }
  }

  /** {@link #fence} and save the state in the same statement. */
  private static void fenceAndSave(Connection c, Lease lease, String stateJson) throws SQLException {
    try (var save = c.prepareStatement(FENCE_AND_SAVE)) {
      save.setString(1, stateJson);
      bindLease(save, 2, lease);
      if (save.executeUpdate() != 1) {
        throw new LeaseLostException(lease);
      }
    }
  }

  /** Sets the conversation's due time from its oldest open write, else its oldest pending event. */
  private static void refreshDue(Connection c, String installation, String conversation) throws SQLException {
    try (var refresh = c.prepareStatement(REFRESH_DUE)) {
      for (int i = 1; i <= 9; i += 2) {
        refresh.setString(i, installation);
        refresh.setString(i + 1, conversation);
      }
      refresh.executeUpdate();
    }
  }

  private static void setOperationStatus(Connection c, Lease lease, long operationId, String status)
      throws SQLException {
    try (var update = c.prepareStatement(OPERATION_STATUS)) {
      update.setString(1, status);
      update.setLong(2, operationId);
      bindKey(update, 3, lease.key());
      if (update.executeUpdate() != 1) {
        throw new IllegalStateException("operation " + operationId + " is not open in " + lease.key());
      }
    }
  }

  private void insertAudit(Connection c, List<AuditRecord> records) throws SQLException {
    if (records.isEmpty()) {
      return;
    }
    try (var insert = c.prepareStatement(INSERT_AUDIT)) {
      for (AuditRecord r : records) {
        Objects.requireNonNull(r, "audit record");
        insert.setObject(1, r.at() == null ? null : ts(r.at()), Types.TIMESTAMP_WITH_TIMEZONE);
        insert.setString(2, r.installationId());
        insert.setString(3, r.conversationId());
        insert.setString(4, r.eventId());
        insert.setString(5, r.mode());
        insert.setString(6, r.decision());
        insert.setString(7, json.strings(r.reasons()));
        insert.setDouble(8, r.confidence());
        insert.setString(9, r.articleId());
        insert.setString(10, json.scores(r.signals()));
        insert.setString(11, r.input());
        insert.setString(12, json.strings(r.actions()));
        insert.setString(13, r.outcome());
        insert.setInt(14, r.episode());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private List<AuditRecord> queryAudit(String sql, Binder binder) {
    return tx("audit", c -> {
      var records = new ArrayList<AuditRecord>();
      try (var select = c.prepareStatement(sql)) {
        binder.bind(select);
        try (var rs = select.executeQuery()) {
          while (rs.next()) {
            records.add(new AuditRecord(instant(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), json.strings(rs.getString(8)), rs.getDouble(9),
                rs.getString(10), json.scores(rs.getString(11)), rs.getString(12), json.strings(rs.getString(13)),
                rs.getString(14), rs.getInt(15)));
          }
        }
      }
      return List.copyOf(records);
    });
  }

  /** A dead letter with the columns replay needs besides it. */
  private record DeadLetterRow(DeadLetter letter, long inboxId, String vendor, String payload) {}

  private Optional<DeadLetterRow> findDeadLetter(Connection c, long id) throws SQLException {
    try (var select = c.prepareStatement(DEAD_LETTER_COLUMNS + " WHERE id = ?")) {
      select.setLong(1, id);
      try (var rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(new DeadLetterRow(deadLetter(rs), rs.getLong(2), rs.getString(4), rs.getString(7)));
      }
    }
  }

  private DeadLetter deadLetter(ResultSet rs) throws SQLException {
    return new DeadLetter(rs.getLong(1), rs.getString(3), json.event(rs.getString(7)), rs.getString(8), rs.getInt(9),
        instant(rs, 10));
  }

  private static void bindKey(PreparedStatement ps, int first, ConversationKey key) throws SQLException {
    ps.setString(first, key.installation());
    ps.setString(first + 1, key.externalId());
  }

  private static void bindLease(PreparedStatement ps, int first, Lease lease) throws SQLException {
    bindKey(ps, first, lease.key());
    ps.setString(first + 2, lease.owner());
    ps.setLong(first + 3, lease.token());
  }

  private static void requireSameConversation(Lease lease, ConversationState state) {
    Objects.requireNonNull(state, "state");
    var key = state.key();
    if (!key.installation().equals(lease.key().installation())
        || !key.externalId().equals(lease.key().externalId())) {
      throw new IllegalArgumentException("state of " + key + " saved under the lease on " + lease.key());
    }
  }

  private static void requireText(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
  }

  private static void requirePositive(Duration leaseFor) {
    Objects.requireNonNull(leaseFor, "leaseFor");
    if (leaseFor.isNegative() || leaseFor.isZero()) {
      throw new IllegalArgumentException("leaseFor must be positive, got " + leaseFor);
    }
  }

  private static Instant truncate(Instant t) {
    return t.truncatedTo(ChronoUnit.MICROS);
  }

  private static OffsetDateTime ts(Instant t) {
    return OffsetDateTime.ofInstant(truncate(t), ZoneOffset.UTC);
  }

  private static Instant instant(ResultSet rs, int column) throws SQLException {
    var t = rs.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  // ---------------------------------------------------------------- transactions

  @FunctionalInterface
  private interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  @FunctionalInterface
  private interface Binder {
    void bind(PreparedStatement ps) throws SQLException;
  }

  private <T> T tx(String what, Work<T> work) {
    return tx(what, false, work);
  }

  /**
   * Runs {@code work} in one transaction and commits it; rolls back on any failure. Retries the whole
   * transaction when the database rolled it back (SQL state class 40: deadlock, serialisation failure).
   * {@code durable}: on an H2 file, also writes the store to the file before returning (see the class
   * comment).
   */
  private <T> T tx(String what, boolean durable, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try (Connection c = pool.getConnection()) {
        c.setAutoCommit(false);
        try {
          T result = work.run(c);
          c.commit();
          if (durable && checkpoint) {
            try (var checkpoint = c.createStatement()) {
              checkpoint.execute("CHECKPOINT");
            }
            awaitWritten(c);
          }
          if (durable && !up) {
            setUp(true);
          }
          return result;
        } catch (SQLException | RuntimeException | Error e) {
          rollback(c, e);
          throw e;
        }
      } catch (SQLException e) {
        if (attempt < TRANSACTION_TRIES && e.getSQLState() != null && e.getSQLState().startsWith("40")) {
          continue;
        }
        if (isFault(e)) {
          setUp(false);
        }
        if (H2Faults.closed(e) && !pool.isClosed()) {
          pool.getHikariPoolMXBean().softEvictConnections(); // the others hold the closed H2 database too
        }
        throw new StoreException(what + " failed: " + e.getMessage(), e);
      }
    }
  }

  /**
   * Waits until H2 has written to its file everything committed on {@code c}'s database so far, points the
   * file's header at it, and fails when either write failed. A remote H2 session (a server URL) has nothing to
   * do here.
   *
   * <p>{@code CHECKPOINT} alone guarantees neither. When another store of the database's pages (H2's background
   * writer, or a statement of another session) began after this commit, H2 skips the checkpoint's own store
   * and returns without waiting for that one, which H2 writes on its own threads; when it then fails (a full
   * disk), the commit never reaches the file although {@code CHECKPOINT} succeeded. H2 drains that pipeline
   * under its store lock and reports a failed write there. And once H2 writes into reused space (after its
   * retention time), its file header may lag behind the newest chunks by many versions; opening the file after
   * an unclean close (H2 closes the database when a write fails, and the pool opens it again) follows the
   * header and each chunk's guess of where the next one goes, and falls back to an older chunk when a guess
   * was wrong: written, checkpointed transactions are gone. So the header is rewritten (two blocks, in place)
   * to name the newest chunk, as H2 itself does on a clean close.
   */
  private static void awaitWritten(Connection c) throws SQLException {
    if (!(c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession() instanceof org.h2.engine.SessionLocal session)) {
      return;
    }
    try {
      var store = session.getDatabase().getStore().getMvStore();
      var files = store.getFileStore();
      store.executeFilestoreOperation(() -> {
        if (WRITE_STORE_HEADER != null && files instanceof org.h2.mvstore.RandomAccessStore) {
          try {
            WRITE_STORE_HEADER.invoke(files);
          } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
          } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
          }
        }
      });
    } catch (RuntimeException e) {
      throw new SQLException("the H2 file was not written: " + e.getMessage(), "90098", ErrorCode.DATABASE_IS_CLOSED, e);
    }
  }

  /**
   * Whether a failure is the database's (unreachable, closed, out of space) rather than the statement's: SQL
   * state classes 22 (data), 23 (constraint), 40 (rolled back) and 42 (syntax, access) are the statement's,
   * and no connection free in the pool in time is load (the probe still reports a store that never answers).
   */
  private static boolean isFault(SQLException e) {
    if (e instanceof SQLTransientConnectionException) {
      return false;
    }
    String state = e.getSQLState();
    return state == null || !(state.startsWith("22") || state.startsWith("23") || state.startsWith("40")
        || state.startsWith("42"));
  }

  private static void rollback(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }
}
