package io.deskbridge.core.store;

import io.deskbridge.core.conversation.ConversationKey;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Conversation state, inbox and audit held in memory: lost on restart. The durable JDBC store replaces it
 * (issue #3). Thread-safe.
 */
public final class InMemoryStore implements ConversationStore, Inbox, AuditLog {
  private final Map<ConversationKey, ConversationState> states = new ConcurrentHashMap<>();
  private final Set<String> received = ConcurrentHashMap.newKeySet();
  private final List<AuditRecord> audit = new CopyOnWriteArrayList<>();

  @Override
  public Optional<ConversationState> find(ConversationKey key) {
    return Optional.ofNullable(states.get(key));
  }

  @Override
  public void save(ConversationState state) {
    states.put(state.key(), state);
  }

  @Override
  public boolean markReceived(String installationId, String eventId) {
    return received.add(installationId + "\u0000" + eventId);
  }

  @Override
  public void append(AuditRecord record) {
    audit.add(record);
  }

  @Override
  public List<AuditRecord> all() {
    return List.copyOf(audit);
  }
}
