package io.deskbridge.core.store;

import org.junit.jupiter.api.extension.RegisterExtension;

/** The Conversation API's store on PostgreSQL (embedded, one server for the class; a database per test). */
class PostgresConversationApiStoreIT extends AbstractConversationApiStoreTest {
  @RegisterExtension
  static final TestDatabases.Postgres POSTGRES = new TestDatabases.Postgres("apistore");

  PostgresConversationApiStoreIT() {
    super(POSTGRES);
  }
}
