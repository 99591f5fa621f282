package io.deskbridge.core.store;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.h2.api.ErrorCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds an embedded H2 file database that the last process using it did not close (killed, crashed, power
 * lost) from its committed rows, before the store opens it; {@code docs/hardening.md}, "An unclean stop could
 * leave H2 rows that no write gets past", says why.
 *
 * <p>A marker file {@code <name>.open} beside {@code <name>.mv.db} exists while a process has the database open:
 * {@link #opening()} creates it and {@link #closed()} removes it after shutting the database down. When
 * {@link #opening()} finds the marker of another process, it opens the old file, holds {@value #HOLDERS} sessions
 * each with a transaction open, so that the copying session's transaction id is above every id the last process
 * can have used, copies everything ({@code SCRIPT}: schema, rows, identity counters, users) into
 * {@code <name>-rebuild.mv.db} and moves that over the old file. A crash during it leaves the old file and the
 * marker, and the next start rebuilds again. When the rebuild fails (the user may not run {@code SCRIPT}, say), it
 * logs why and the store opens the file as it is.
 *
 * <p>Applies to {@code jdbc:h2:file:} URLs and plain paths; in-memory, server and other H2 URLs have no recovery.
 * Thread-safe; the processes using one file are counted per JVM, so that a second store on a file this JVM has
 * open does not take it for a crashed one.
 */
final class H2Recovery {
  /**
   * Sessions held open during a rebuild: H2 gives a transaction the lowest free id, so a process never used an id
   * above its number of sessions (the pool is at most 200; Flyway and the checks add a few); H2's database layer
   * allows 255 transactions at once.
   */
  static final int HOLDERS = 240;

  private static final Logger log = LoggerFactory.getLogger(H2Recovery.class);
  /** Markers this JVM holds, with how many open stores hold each; guarded by itself. */
  private static final Map<Path, Integer> OPEN_HERE = new HashMap<>();
  /** Markers of files H2 closed under a store of this JVM (a write fault): the next start rebuilds them. */
  private static final Set<Path> CLOSED_UNCLEANLY = ConcurrentHashMap.newKeySet();

  private final StoreConfig config;
  private final String base;
  private final Path file;
  private final Path marker;

  private H2Recovery(StoreConfig config, String base) {
    this.config = config;
    this.base = base;
    Path path = Path.of(base.startsWith("~") ? System.getProperty("user.home") + base.substring(1) : base)
        .toAbsolutePath().normalize();
    this.file = path.resolveSibling(path.getFileName() + ".mv.db");
    this.marker = path.resolveSibling(path.getFileName() + ".open");
  }

  /** The recovery of an H2 file database; empty for PostgreSQL and for H2 URLs that name no file. */
  static Optional<H2Recovery> of(StoreConfig config) {
    String url = config.url();
    if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
      return Optional.empty();
    }
    String rest = url.substring("jdbc:h2:".length()).split(";", 2)[0];
    if (rest.toLowerCase(Locale.ROOT).startsWith("file:")) {
      rest = rest.substring("file:".length());
    } else if (!(rest.startsWith("/") || rest.startsWith("./") || rest.startsWith("~") || rest.matches("[A-Za-z]:[/\\\\].*"))) {
      return Optional.empty(); // mem:, tcp:, ssl:, zip: and other file systems
    }
    return rest.isEmpty() ? Optional.empty() : Optional.of(new H2Recovery(config, rest));
  }

  /** The marker file that says a process has the database open. */
  Path marker() {
    return marker;
  }

  /**
   * Before the store opens the database: rebuilds it when another process left it open, then marks it open.
   *
   * @throws StoreException when the marker cannot be written
   */
  void opening() {
    synchronized (OPEN_HERE) {
      if (!OPEN_HERE.containsKey(marker) && Files.exists(marker) && Files.exists(file)) {
        rebuild();
      }
      try {
        if (!Files.exists(marker)) {
          Files.createDirectories(marker.getParent());
          Files.writeString(marker, "opened by process " + ProcessHandle.current().pid() + "\n");
        }
      } catch (IOException e) {
        throw new StoreException("cannot write " + marker + " beside the H2 database: " + e.getMessage(), e);
      }
      OPEN_HERE.merge(marker, 1, Integer::sum);
    }
  }

  /**
   * H2 closed the database under the store (a failed write) and reopens the file as after a crash, without a
   * rebuild: the marker is kept at {@link #closed()}, so that the next start rebuilds it.
   */
  void closedUncleanly() {
    if (CLOSED_UNCLEANLY.add(marker)) {
      log.warn("H2 closed the database {} after a failed write and opens it again as after a crash; it is rebuilt "
          + "at the next start", file);
    }
  }

  /**
   * After the store closed its pool: when no other store of this JVM has the file open, shuts the database down
   * (H2 writes it out completely) and removes the marker, unless {@link #closedUncleanly()} was called. A failure
   * keeps the marker, so the next start rebuilds.
   */
  void closed() {
    synchronized (OPEN_HERE) {
      Integer holders = OPEN_HERE.get(marker);
      if (holders == null) {
        return;
      }
      if (holders > 1) {
        OPEN_HERE.put(marker, holders - 1);
        return;
      }
      OPEN_HERE.remove(marker);
      String url = config.connectionUrl();
      url = url.toUpperCase(Locale.ROOT).contains(";IFEXISTS=") ? url : url + ";IFEXISTS=TRUE";
      try (Connection c = connect(url); var s = c.createStatement()) {
        s.execute("SHUTDOWN");
        if (!CLOSED_UNCLEANLY.remove(marker)) {
          Files.deleteIfExists(marker);
        }
      } catch (SQLException e) {
        if (e.getErrorCode() != ErrorCode.DATABASE_ALREADY_OPEN_1) { // another process has it: its marker stays
          log.warn("the H2 database {} was not shut down cleanly ({}); it is rebuilt at the next start", file,
              e.getMessage());
        }
      } catch (IOException e) {
        log.warn("cannot remove {} ({}); the H2 database is rebuilt at the next start", marker, e.getMessage());
      }
    }
  }

  private void rebuild() {
    long start = System.nanoTime();
    String rebuiltBase = base + "-rebuild";
    Path rebuilt = file.resolveSibling(file.getFileName().toString().replace(".mv.db", "-rebuild.mv.db"));
    String sourceUrl = config.connectionUrl();
    String targetUrl = sourceUrl.replaceFirst(Pattern.quote(base), Matcher.quoteReplacement(rebuiltBase));
    int statements = 0;
    try {
      Files.deleteIfExists(rebuilt);
      statements = copy(sourceUrl, targetUrl);
      try {
        Files.move(rebuilt, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(rebuilt, file, StandardCopyOption.REPLACE_EXISTING);
      }
      log.warn("the H2 database {} was not closed by the process that last used it; rebuilt it from its committed "
          + "rows in {} ms ({} statements)", file, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), statements);
    } catch (SQLException e) {
      if (e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
        return; // another process has it open: the store's own open says so
      }
      failed(rebuilt, e);
    } catch (IOException | RuntimeException e) {
      failed(rebuilt, e);
    }
  }

  private void failed(Path rebuilt, Exception e) {
    log.error("the H2 database {} was not closed by the process that last used it and could not be rebuilt "
        + "({}); opening it as it is: writes to rows that process was changing may time out", file, e.getMessage());
    try {
      Files.deleteIfExists(rebuilt);
    } catch (IOException ignored) {
      // a stale copy is deleted by the next rebuild
    }
  }

  /** Copies the source database into a new one; returns the statements run. Both are shut down after. */
  private int copy(String sourceUrl, String targetUrl) throws SQLException {
    List<Connection> holders = new ArrayList<>();
    try (Connection source = connect(sourceUrl)) {
      String table = anyTable(source);
      if (table != null) {
        for (int i = 0; i < HOLDERS; i++) {
          Connection holder = connect(sourceUrl);
          holders.add(holder);
          holder.setAutoCommit(false);
          try (var s = holder.createStatement(); var rs = s.executeQuery("SELECT 1 FROM " + table + " LIMIT 1")) {
            rs.next(); // reading a table begins the session's transaction, which takes an id
          }
        }
      }
      int statements = 0;
      try (Connection target = connect(targetUrl); var out = target.createStatement()) {
        try (var in = source.createStatement(); var script = in.executeQuery("SCRIPT")) {
          while (script.next()) {
            out.execute(script.getString(1));
            statements++;
          }
        }
        out.execute("SHUTDOWN");
      }
      for (Connection holder : holders) {
        holder.close();
      }
      holders.clear();
      try (var s = source.createStatement()) {
        s.execute("SHUTDOWN");
      }
      return statements;
    } finally {
      for (Connection holder : holders) {
        try {
          holder.close();
        } catch (SQLException ignored) {
          // the database is shut down with the source connection
        }
      }
    }
  }

  /** A quoted user table to begin transactions on; null when there is none (nothing to copy a leftover of). */
  private static String anyTable(Connection c) throws SQLException {
    try (var s = c.createStatement(); var rs = s.executeQuery("SELECT table_schema, table_name FROM "
        + "information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema <> 'information_schema' LIMIT 1")) {
      return rs.next() ? quote(rs.getString(1)) + "." + quote(rs.getString(2)) : null;
    }
  }

  private static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private Connection connect(String url) throws SQLException {
    return DriverManager.getConnection(url, config.username().isEmpty() ? null : config.username(),
        config.password() == null ? null : config.password().reveal());
  }
}
