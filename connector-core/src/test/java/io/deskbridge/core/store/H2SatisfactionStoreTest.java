package io.deskbridge.core.store;

/** The satisfaction ratings' store on H2. */
class H2SatisfactionStoreTest extends AbstractSatisfactionStoreTest {
  H2SatisfactionStoreTest() {
    super(TestDatabases.h2("csatstore"));
  }
}
