package io.deskbridge.core.store;

import io.deskbridge.core.config.Secret;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the {@link JdbcStore} keeps its data: an H2 database (embedded, one process) or PostgreSQL (several
 * processes may share it). H2 must run in PostgreSQL mode, because one set of migrations and queries serves
 * both. {@link #toString()} shows neither the password nor a password written into the URL.
 *
 * @param url         a {@code jdbc:h2:} URL with {@code MODE=PostgreSQL}, or a {@code jdbc:postgresql:} URL
 * @param username    the database user; empty when the URL or the driver supplies it
 * @param password    the user's password; null when none is needed
 * @param maxPoolSize the most connections the pool opens, 1 to 200
 */
public record StoreConfig(String url, String username, Secret password, int maxPoolSize) {
  /** The pool size of the H2 defaults. */
  public static final int DEFAULT_POOL_SIZE = 10;

  /**
   * H2 settings shared by both H2 defaults: PostgreSQL syntax, lower-case names and PostgreSQL's NULL
   * ordering, and waiting up to 10 s for a row lock rather than failing ({@code docs/architecture.md}, "Store").
   */
  private static final String H2_COMPAT =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000";

  /**
   * H2 settings Deskbridge needs whatever the URL says, added by {@link #connectionUrl()} when the URL does not
   * set them: {@code DB_CLOSE_ON_EXIT=FALSE} (the store closes the database itself),
   * {@code TRACE_LEVEL_FILE=0} (no {@code .trace.db} file; errors reach the log) and {@code QUERY_CACHE_SIZE=64}
   * (each connection keeps its parsed statements; the store uses about 30, and with H2's default of 8 they pushed
   * each other out, so that every statement was parsed again).
   */
  private static final java.util.Map<String, String> H2_REQUIRED =
      java.util.Map.of("DB_CLOSE_ON_EXIT", "FALSE", "TRACE_LEVEL_FILE", "0", "QUERY_CACHE_SIZE", "64");

  private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

  public StoreConfig {
    Objects.requireNonNull(url, "url");
    String lower = url.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("jdbc:h2:") && !lower.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException(
          "store url must start with jdbc:h2: or jdbc:postgresql:, got " + redact(url));
    }
    if (lower.startsWith("jdbc:h2:") && !lower.contains(";mode=postgresql")) {
      throw new IllegalArgumentException(
          "an H2 store url needs ;MODE=PostgreSQL (the migrations are written for PostgreSQL), got " + redact(url));
    }
    username = username == null ? "" : username;
    if (maxPoolSize < 1 || maxPoolSize > 200) {
      throw new IllegalArgumentException("store maxPoolSize must be 1 to 200, got " + maxPoolSize);
    }
  }

  /**
   * The embedded default: an H2 file database {@code deskbridge.mv.db} in {@code dir} (created when missing),
   * for one process. Besides the PostgreSQL compatibility settings it turns off H2's automatic server, so a
   * second process fails to open the file instead of sharing it.
   */
  public static StoreConfig h2File(Path dir) {
    Objects.requireNonNull(dir, "dir");
    String path = dir.toAbsolutePath().normalize().resolve("deskbridge").toString().replace('\\', '/');
    if (path.contains(";")) {
      throw new IllegalArgumentException("the store directory must not contain ';': " + dir);
    }
    return new StoreConfig("jdbc:h2:file:" + path + H2_COMPAT + ";AUTO_SERVER=FALSE", "sa", null,
        DEFAULT_POOL_SIZE);
  }

  /** A named H2 in-memory database that lives until the JVM exits, for tests and the demo. */
  public static StoreConfig h2Memory(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.contains(";") || name.contains(":")) {
      throw new IllegalArgumentException("an in-memory database name must be non-blank, without ';' or ':': " + name);
    }
    return new StoreConfig("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1" + H2_COMPAT, "sa", null, DEFAULT_POOL_SIZE);
  }

  /**
   * The URL the store connects with: {@link #url()}, for H2 with the settings the store relies on appended
   * where the URL does not set them ({@code DB_CLOSE_ON_EXIT=FALSE}, {@code QUERY_CACHE_SIZE=64}, {@code TRACE_LEVEL_FILE=0}).
   */
  public String connectionUrl() {
    if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:")) {
      return url;
    }
    var out = new StringBuilder(url);
    String upper = url.toUpperCase(Locale.ROOT);
    H2_REQUIRED.entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).forEach(e -> {
      if (!upper.contains(";" + e.getKey() + "=")) {
        out.append(';').append(e.getKey()).append('=').append(e.getValue());
      }
    });
    return out.toString();
  }

  /** The same database with another pool size. */
  public StoreConfig withMaxPoolSize(int size) {
    return new StoreConfig(url, username, password, size);
  }

  /**
   * The kind and the place, for the start-up line: {@code H2 file /var/lib/deskbridge/store/deskbridge.mv.db},
   * {@code H2 in memory (demo)} or {@code PostgreSQL db.internal:5432/deskbridge}; no user, password or options.
   */
  public String describe() {
    String lower = url.toLowerCase(Locale.ROOT);
    String rest = url.substring(url.indexOf(':', 5) + 1);
    if (lower.startsWith("jdbc:h2:file:")) {
      return "H2 file " + url.substring("jdbc:h2:file:".length()).split(";", 2)[0] + ".mv.db";
    }
    if (lower.startsWith("jdbc:h2:mem:")) {
      return "H2 in memory (" + url.substring("jdbc:h2:mem:".length()).split(";", 2)[0] + ")";
    }
    if (lower.startsWith("jdbc:postgresql:")) {
      String where = rest.startsWith("//") ? rest.substring(2) : rest;
      where = where.split("[?;]", 2)[0];
      return "PostgreSQL " + where.substring(where.indexOf('@') + 1);
    }
    return "H2 " + rest.split(";", 2)[0];
  }

  @Override
  public String toString() {
    return "StoreConfig[url=" + redact(url) + ", username=" + username + ", password="
        + (password == null ? "none" : password) + ", maxPoolSize=" + maxPoolSize + "]";
  }

  private static String redact(String url) {
    return URL_PASSWORD.matcher(url).replaceAll("$1****");
  }
}
