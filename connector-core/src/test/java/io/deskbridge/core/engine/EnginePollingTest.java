package io.deskbridge.core.engine;

import io.deskbridge.core.store.TestDatabases;

/** The polling loop on H2 in PostgreSQL mode, a fresh in-memory database per test. */
class EnginePollingTest extends AbstractEnginePollingTest {
  EnginePollingTest() {
    super(TestDatabases.h2("polling-"));
  }
}
