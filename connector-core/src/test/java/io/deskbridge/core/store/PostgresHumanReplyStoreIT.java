package io.deskbridge.core.store;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The first human replies' store on PostgreSQL (embedded, one server for the class; a database per test). */
class PostgresHumanReplyStoreIT extends AbstractHumanReplyStoreTest {
  @RegisterExtension
  static final TestDatabases.Postgres POSTGRES = new TestDatabases.Postgres("humanreplystore");

  PostgresHumanReplyStoreIT() {
    super(POSTGRES);
  }
}
