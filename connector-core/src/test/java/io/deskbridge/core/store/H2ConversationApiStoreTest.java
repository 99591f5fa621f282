package io.deskbridge.core.store;

/** The Conversation API's store on H2. */
class H2ConversationApiStoreTest extends AbstractConversationApiStoreTest {
  H2ConversationApiStoreTest() {
    super(TestDatabases.h2("apistore"));
  }
}
