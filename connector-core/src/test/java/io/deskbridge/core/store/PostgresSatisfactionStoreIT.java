package io.deskbridge.core.store;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The satisfaction ratings' store on PostgreSQL (embedded, one server for the class; a database per test). */
class PostgresSatisfactionStoreIT extends AbstractSatisfactionStoreTest {
  @RegisterExtension
  static final TestDatabases.Postgres POSTGRES = new TestDatabases.Postgres("csatstore");

  PostgresSatisfactionStoreIT() {
    super(POSTGRES);
  }
}
