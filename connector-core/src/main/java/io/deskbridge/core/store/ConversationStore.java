package io.deskbridge.core.store;

import io.deskbridge.core.conversation.ConversationKey;
import java.util.Optional;

/** Keeps conversation state between events. Implementations are thread-safe. */
public interface ConversationStore {

  Optional<ConversationState> find(ConversationKey key);

  void save(ConversationState state);
}
