package io.deskbridge.core.admin;

import io.deskbridge.core.store.TestDatabases;

/** {@link AbstractDashboardAggregatesTest} on H2 in memory (PostgreSQL mode). */
class H2DashboardAggregatesTest extends AbstractDashboardAggregatesTest {
  H2DashboardAggregatesTest() {
    super(TestDatabases.h2("aggregates"));
  }
}
