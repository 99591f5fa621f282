package io.deskbridge.core.store;

import io.deskbridge.core.conversation.ConversationKey;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Conversation state, inbox and audit held in memory: lost on restart. The durable JDBC store replaces it
 * (issue #3). The audit keeps the newest {@value #AUDIT_CAPACITY} records, so refused requests cannot grow
 * memory without bound. Thread-safe.
 */
public final class InMemoryStore implements ConversationStore, Inbox, AuditLog {
  static final int AUDIT_CAPACITY = 100_000;

  private final Map<ConversationKey, ConversationState> states = new ConcurrentHashMap<>();
  private final Set<String> received = ConcurrentHashMap.newKeySet();
  private final ArrayDeque<AuditRecord> audit = new ArrayDeque<>();

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
    synchronized (audit) {
      if (audit.size() == AUDIT_CAPACITY) {
        audit.removeFirst();
      }
      audit.addLast(record);
    }
  }

  @Override
  public List<AuditRecord> all() {
    synchronized (audit) {
      return List.copyOf(audit);
    }
  }
}
