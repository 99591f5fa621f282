package io.deskbridge.core.engine;

import io.deskbridge.core.store.StoreConfig;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/** The polling loop on H2 in PostgreSQL mode, a fresh in-memory database per test. */
class EnginePollingTest extends AbstractEnginePollingTest {

  @Override
  protected StoreConfig newDatabase() {
    return StoreConfig.h2Memory("polling-" + UUID.randomUUID());
  }

  @Override
  protected void dropDatabase(StoreConfig database) {
    try (var c = DriverManager.getConnection(database.url(), database.username(), "");
        var s = c.createStatement()) {
      s.execute("SHUTDOWN");
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
