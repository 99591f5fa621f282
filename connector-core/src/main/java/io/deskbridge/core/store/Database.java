package io.deskbridge.core.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.h2.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database under every JDBC port: the HikariCP pool, the Flyway migrations ({@code classpath:db/migration},
 * one script set for H2 and PostgreSQL), transactions (retried when the database rolled them back), durable
 * commits on an H2 file, and the health probe. Thread-safe.
 *
 * <p>A durable transaction ({@link #tx(String, boolean, Work)} with {@code durable}) has reached the disk when
 * it returns: PostgreSQL commits durably by itself; on an H2 file the commit is followed by {@code CHECKPOINT},
 * a wait for H2's write of it and a rewrite of the file header ({@link #awaitWritten}). Everything committed
 * before it is then written too. {@code docs/hardening.md} says why each step is needed.
 *
 * <p>A failed transaction throws {@link StoreException} and, for a database fault (not bad data), makes
 * {@link #healthy()} false until a probe write succeeds. On H2 a failed write to the file closes the database
 * for good; the pool then evicts the connections that report it, and the next connection opens the file again.
 */
final class Database implements AutoCloseable {
  /** How long a {@link #healthy()} answer is kept before the next probe. */
  static final long PROBE_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final int TRANSACTION_TRIES = 3;
  private static final String PROBE = "UPDATE store_probe SET checked_at = ? WHERE id = 1";

  private static final Logger log = LoggerFactory.getLogger(Database.class);

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
  private final boolean postgres;
  private final boolean checkpoint;
  /** The last word on {@link #healthy()}: a probe's result, or false after a failed transaction. */
  private volatile boolean up = true;
  /** When {@link #up} was last set, by {@link System#nanoTime()}; a probe runs once it is older than that. */
  private volatile long upSetAt = System.nanoTime() - PROBE_EVERY_NANOS;
  private final AtomicBoolean probing = new AtomicBoolean();
  private final ExecutorService prober = Executors.newSingleThreadExecutor(r -> {
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

  /** The recovery of an H2 file database; null otherwise. */
  private final H2Recovery recovery;

  private Database(HikariDataSource pool, boolean postgres, boolean checkpoint, H2Recovery recovery) {
    this.pool = pool;
    this.recovery = recovery;
    this.postgres = postgres;
    this.checkpoint = checkpoint;
  }

  /**
   * Opens the pool and brings the schema up to date (on PostgreSQL several processes may start at once;
   * Flyway's lock lets one migrate). An H2 file that the last process did not close is rebuilt first
   * ({@link H2Recovery}).
   *
   * @throws StoreException when the database cannot be reached or migrated
   */
  static Database open(StoreConfig config) {
    Objects.requireNonNull(config, "config");
    H2Recovery recovery = H2Recovery.of(config).orElse(null);
    if (recovery != null) {
      recovery.opening();
    }
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
      if (recovery != null) {
        recovery.closed();
      }
      throw new StoreException("cannot connect to the store " + config, e);
    }
    try {
      // Flyway opens connections of its own: it needs two at once, which a pool of one would never give it
      Flyway.configure(Database.class.getClassLoader())
          .dataSource(jdbcUrl, config.username().isEmpty() ? null : config.username(),
              config.password() == null ? null : config.password().reveal())
          .locations("classpath:db/migration")
          .load()
          .migrate();
    } catch (RuntimeException e) {
      pool.close();
      if (recovery != null) {
        recovery.closed();
      }
      throw new StoreException("cannot migrate the store " + config, e);
    }
    String url = config.url().toLowerCase(Locale.ROOT);
    boolean postgres = url.startsWith("jdbc:postgresql:");
    boolean h2File = !postgres && !url.startsWith("jdbc:h2:mem:");
    return new Database(pool, postgres, h2File && canCheckpoint(pool), recovery);
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

  /** Whether the database is PostgreSQL (else H2). */
  boolean postgres() {
    return postgres;
  }

  /** One transaction's work on its connection. */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** {@link #tx(String, boolean, Work)}, not durable. */
  <T> T tx(String what, Work<T> work) {
    return tx(what, false, work);
  }

  /**
   * Runs {@code work} in one transaction and commits it; rolls back on any failure. Retries the whole
   * transaction (so {@code work} may run more than once) when the database rolled it back (SQL state class 40:
   * deadlock, serialisation failure), up to {@value #TRANSACTION_TRIES} times in all.
   *
   * @param what    names the operation in the exception's message
   * @param durable whether the commit must be on disk when this returns (see the class comment)
   * @throws StoreException when the database failed; nothing was written
   */
  <T> T tx(String what, boolean durable, Work<T> work) {
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
            // ends the CHECKPOINT's transaction: the pool would roll it back, and an H2 rollback empties the
            // session's cache of prepared statements, so that every statement on it was parsed again
            c.commit();
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
          if (recovery != null) {
            recovery.closedUncleanly(); // H2 reopens the file as after a crash: rebuild it at the next start
          }
        }
        throw new StoreException(what + " failed: " + e.getMessage(), e);
      }
    }
  }

  /**
   * Waits until H2 has written to its file everything committed on {@code c}'s database so far, points the
   * file's header at it, and fails when either write failed. A remote H2 session (a server URL) has nothing to
   * do here. ({@code CHECKPOINT} alone guarantees neither: {@code docs/hardening.md}.)
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
   * state classes 22 (data), 23 (constraint), 40 (rolled back) and 42 (syntax, access) are the statement's, a
   * lock wait past the lock timeout (H2 HYT00, PostgreSQL 55P03) is contention on a row, and no connection free
   * in the pool in time is load (the probe still reports a store that never answers).
   */
  static boolean isFault(SQLException e) {
    if (e instanceof SQLTransientConnectionException) {
      return false;
    }
    String state = e.getSQLState();
    return state == null || !(state.startsWith("22") || state.startsWith("23") || state.startsWith("40")
        || state.startsWith("42") || lockTimedOut(e));
  }

  /** Whether a statement waited for a lock longer than the database allows (H2: HYT00; PostgreSQL: 55P03). */
  static boolean lockTimedOut(SQLException e) {
    return "HYT00".equals(e.getSQLState()) || "55P03".equals(e.getSQLState());
  }

  private static void rollback(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException e) {
      cause.addSuppressed(e);
    }
  }

  /**
   * Whether the store takes writes now. Never waits: when the last answer is older than a second it starts a
   * probe in the background (one at a time) and returns the last answer. The probe rewrites one row durably.
   * A transaction that fails for a database fault sets the answer to false at once.
   */
  boolean healthy() {
    if (System.nanoTime() - upSetAt >= PROBE_EVERY_NANOS && probing.compareAndSet(false, true)) {
      try {
        prober.execute(this::probe);
      } catch (RejectedExecutionException closed) {
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

  /** Stops the probe and closes the pool (an H2 file is then shut down); calls afterwards fail. */
  @Override
  public void close() {
    prober.shutdownNow();
    pool.close();
    if (recovery != null) {
      recovery.closed();
    }
  }
}
