package io.deskbridge.core.store;

/** The first human replies' store on H2. */
class H2HumanReplyStoreTest extends AbstractHumanReplyStoreTest {
  H2HumanReplyStoreTest() {
    super(TestDatabases.h2("humanreplystore"));
  }
}
