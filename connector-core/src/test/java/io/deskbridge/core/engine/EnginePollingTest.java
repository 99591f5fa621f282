package io.deskbridge.core.engine;

import io.deskbridge.core.store.StoreConfig;
import io.deskbridge.core.store.TestDatabases;

/** The polling loop on H2 in PostgreSQL mode, a fresh in-memory database per test. */
class EnginePollingTest extends AbstractEnginePollingTest {

  @Override
  protected StoreConfig newDatabase() {
    return TestDatabases.h2("polling-");
  }

  @Override
  protected void dropDatabase(StoreConfig database) {
    TestDatabases.dropH2(database);
  }
}
