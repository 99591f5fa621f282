package io.deskbridge.core.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds an embedded H2 file database that the last process using it did not close (killed, crashed, power
 * lost) from its committed rows, before the store opens it; {@code docs/hardening.md}, "An unclean stop could
 * leave H2 rows that no write gets past", says why.
 *
 * <p>A marker file {@code <name>.open} beside {@code <name>.mv.db} says whether the database was left open. The
 * first store of a process to open the database locks the marker ({@link FileChannel#tryLock()}, held until
 * {@link #closed()}), so a process whose lock fails knows another has the database and refuses with a clear error,
 * never touching the file. Holding the lock, {@link #opening()} reads the marker: {@value #OPEN} there means the
 * last holder died with the database open, and it rebuilds: it opens the old file, holds {@value #HOLDERS}
 * sessions each with a transaction open, so that the copying session's transaction id is above every id the last
 * process can have used, copies everything ({@code SCRIPT}: schema, rows, identity counters, users) into
 * {@code <name>-rebuild.mv.db}, forces it to disk and moves it over the old file. Then it writes {@value #OPEN}
 * (forced to disk); {@link #closed()} shuts the database down and writes {@value #CLOSED}. A crash at any step
 * leaves {@value #OPEN} and the old or the new file, and the next start rebuilds again. A rebuild that fails
 * (the user may not run {@code SCRIPT}, say) is logged, the file opened as it is, and the marker kept at
 * {@value #OPEN} past a clean close, so the next start tries again.
 *
 * <p>Applies to {@code jdbc:h2:file:} URLs and plain paths without {@code AUTO_SERVER=TRUE}; in-memory, server,
 * mixed-mode and other H2 URLs have no recovery. Thread-safe; the stores of one JVM on one file (by its real path,
 * so through any symbolic link) share the lock and are counted, so a second store on a file this JVM has open does
 * not take it for a crashed one. A process whose password the database refuses never had it open, and marks it
 * {@value #CLOSED} again at close.
 */
final class H2Recovery {
  /**
   * Sessions held open during a rebuild: H2 gives a transaction the lowest free id, so a process never used an id
   * above its number of sessions (the pool is at most 200; Flyway and the checks add a few); H2's database layer
   * allows 255 transactions at once.
   */
  static final int HOLDERS = 240;
  /** The marker's text while a process has the database open. */
  static final String OPEN = "open";
  /** The marker's text after a clean close. */
  static final String CLOSED = "closed";

  /** The SQL state of a refused user name or password. */
  private static final String WRONG_CREDENTIALS = "28000";

  private static final Logger log = LoggerFactory.getLogger(H2Recovery.class);

  /** A file this JVM has open: the marker's locked channel, how many stores use it, and whether H2 closed it under one. */
  private static final class Held {
    final FileChannel channel;
    int stores = 1;
    boolean keepOpen;

    Held(FileChannel channel) {
      this.channel = channel;
    }
  }

  /** The files this JVM has open, by marker; guarded by itself. */
  private static final Map<Path, Held> OPEN_HERE = new HashMap<>();

  private final StoreConfig config;
  private final String prefix;
  private final String base;
  private final String options;
  private final Path file;
  private final Path marker;
  /** The marker by its real path, set by {@link #opening()}: two spellings of one file share one entry here. */
  private Path key;
  /** Whether this store's {@link #closed()} ran, so that a second call does nothing. */
  private boolean closedHere;

  private H2Recovery(StoreConfig config, String prefix, String base, String options) {
    this.config = config;
    this.prefix = prefix;
    this.base = base;
    this.options = options;
    Path path = Path.of(base.startsWith("~") ? System.getProperty("user.home") + base.substring(1) : base)
        .toAbsolutePath().normalize();
    this.file = path.resolveSibling(path.getFileName() + ".mv.db");
    this.marker = path.resolveSibling(path.getFileName() + ".open");
  }

  /**
   * The recovery of an H2 file database; empty for PostgreSQL, for H2 URLs that name no file and for
   * {@code AUTO_SERVER=TRUE} (other processes may use the file through this one).
   */
  static Optional<H2Recovery> of(StoreConfig config) {
    String url = config.connectionUrl();
    String lower = url.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("jdbc:h2:") || lower.replace(" ", "").contains(";auto_server=true")) {
      return Optional.empty();
    }
    int semicolon = url.indexOf(';');
    String path = semicolon < 0 ? url.substring("jdbc:h2:".length()) : url.substring("jdbc:h2:".length(), semicolon);
    String options = semicolon < 0 ? "" : url.substring(semicolon);
    String prefix = "jdbc:h2:";
    if (path.toLowerCase(Locale.ROOT).startsWith("file:")) {
      prefix += path.substring(0, "file:".length());
      path = path.substring("file:".length());
    } else if (!(path.startsWith("/") || path.startsWith("./") || path.startsWith("~") || path.matches("[A-Za-z]:[/\\\\].*"))) {
      return Optional.empty(); // mem:, tcp:, ssl:, zip: and other file systems
    }
    return path.isEmpty() ? Optional.empty() : Optional.of(new H2Recovery(config, prefix, path, options));
  }

  /** The marker file that says whether the database was left open. */
  Path marker() {
    return marker;
  }

  /**
   * Before the store opens the database: locks the marker (or joins this JVM's lock), rebuilds the database when
   * the last process left it open, and marks it open.
   *
   * @throws StoreException when another process has the database, or the marker cannot be written
   */
  void opening() {
    synchronized (OPEN_HERE) {
      try {
        Files.createDirectories(marker.getParent());
        key = marker.getParent().toRealPath().resolve(marker.getFileName());
      } catch (IOException e) {
        throw new StoreException("cannot create the store directory " + marker.getParent() + " (" + e.getMessage()
            + "): it must be writable", e);
      }
      Held held = OPEN_HERE.get(key);
      if (held != null) {
        held.stores++;
        return;
      }
      FileChannel channel = null;
      try {
        channel = FileChannel.open(marker, StandardOpenOption.CREATE, StandardOpenOption.READ,
            StandardOpenOption.WRITE);
        if (!lock(channel)) {
          throw new StoreException("the H2 database " + file + " is already in use by another process (it holds "
              + marker + "): stop that process, or give this one a store directory of its own", null);
        }
        boolean failedRebuild = read(channel).startsWith(OPEN) && Files.exists(file) && !rebuild();
        write(channel, OPEN + " by process " + ProcessHandle.current().pid());
        var mine = new Held(channel);
        mine.keepOpen = failedRebuild; // the marker stays open, so the next start tries again
        OPEN_HERE.put(key, mine);
        channel = null;
      } catch (IOException e) {
        throw new StoreException("cannot write " + marker + " beside the H2 database (" + e.getMessage()
            + "): the store directory must be writable", e);
      } finally {
        if (channel != null) {
          try {
            channel.close(); // releases a lock taken before the failure
          } catch (IOException ignored) {
            // nothing held
          }
        }
      }
    }
  }

  /**
   * H2 closed the database under the store (a failed write) and reopens the file as after a crash, without a
   * rebuild: the marker stays {@value #OPEN} past {@link #closed()}, so that the next start rebuilds it.
   */
  void closedUncleanly() {
    synchronized (OPEN_HERE) {
      Held held = key == null ? null : OPEN_HERE.get(key);
      if (held != null && !held.keepOpen) {
        held.keepOpen = true;
        log.warn("H2 closed the database {} after a failed write and opens it again as after a crash; it is "
            + "rebuilt at the next start", file);
      }
    }
  }

  /**
   * After the store closed its pool (once; later calls do nothing): when no other store of this JVM has the file
   * open, shuts the database down (H2 writes it out completely), marks it {@value #CLOSED} unless
   * {@link #closedUncleanly()} was called, and releases the lock. A failure leaves it {@value #OPEN}, so the next
   * start rebuilds.
   */
  void closed() {
    synchronized (OPEN_HERE) {
      Held held = key == null ? null : OPEN_HERE.get(key);
      if (closedHere || held == null) {
        return;
      }
      closedHere = true;
      if (--held.stores > 0) {
        return;
      }
      OPEN_HERE.remove(key);
      String url = config.connectionUrl();
      url = url.toUpperCase(Locale.ROOT).contains(";IFEXISTS=") ? url : url + ";IFEXISTS=TRUE";
      try (held.channel) {
        if (shutDown(url) && !held.keepOpen) {
          write(held.channel, CLOSED);
        }
      } catch (IOException e) {
        log.warn("cannot write {} ({}); the H2 database {} is rebuilt at the next start", marker, e.getMessage(), file);
      }
    }
  }

  /**
   * Shuts the database down; true when it is closed cleanly, or when its password is refused (this process never
   * had it open, and no one else can have: the marker is locked). Logs why when false.
   */
  private boolean shutDown(String url) {
    try (Connection c = connect(url); var s = c.createStatement()) {
      s.execute("SHUTDOWN");
      return true;
    } catch (SQLException e) {
      if (WRONG_CREDENTIALS.equals(e.getSQLState())) {
        return true;
      }
      log.warn("the H2 database {} was not shut down cleanly ({}); it is rebuilt at the next start", file,
          e.getMessage());
      return false;
    }
  }

  /** Whether this JVM got the marker's lock; false when another process (or another channel here) holds it. */
  private static boolean lock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock() != null;
    } catch (OverlappingFileLockException e) {
      return false;
    }
  }

  private static String read(FileChannel channel) throws IOException {
    var buffer = ByteBuffer.allocate(256);
    channel.read(buffer, 0);
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).trim();
  }

  private static void write(FileChannel channel, String state) throws IOException {
    channel.truncate(0);
    channel.write(ByteBuffer.wrap((state + "\n").getBytes(StandardCharsets.UTF_8)), 0);
    channel.force(true);
  }

  /** Rebuilds the file; false when it failed (logged) and the old file is left as it was. */
  private boolean rebuild() {
    long start = System.nanoTime();
    Path rebuilt = file.resolveSibling(file.getFileName().toString().replace(".mv.db", "-rebuild.mv.db"));
    String sourceUrl = config.connectionUrl();
    String targetUrl = prefix + base + "-rebuild" + options;
    int statements = 0;
    try {
      Files.deleteIfExists(rebuilt);
      statements = copy(sourceUrl, targetUrl);
      try (var written = FileChannel.open(rebuilt, StandardOpenOption.WRITE)) {
        written.force(true);
      }
      try {
        Files.move(rebuilt, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(rebuilt, file, StandardCopyOption.REPLACE_EXISTING);
      }
      forceDirectory();
      log.warn("the H2 database {} was not closed by the process that last used it; rebuilt it from its committed "
          + "rows in {} ms ({} statements)", file, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), statements);
      return true;
    } catch (SQLException | IOException | RuntimeException e) {
      failed(rebuilt, e);
      return false;
    }
  }

  /** Makes the move of the rebuilt file durable where the file system allows it (not on every OS). */
  private void forceDirectory() {
    try (var directory = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
      directory.force(true);
    } catch (IOException | RuntimeException ignored) {
      // a directory cannot be opened for sync on some systems; the move is then as durable as they make it
    }
  }

  /** Logs a failed rebuild and deletes its partial copy. */
  private void failed(Path rebuilt, Exception e) {
    log.error("the H2 database {} was not closed by the process that last used it and could not be rebuilt "
        + "({}); opening it as it is (writes to rows that process was changing may time out) and trying again at the "
        + "next start", file, e.getMessage());
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
