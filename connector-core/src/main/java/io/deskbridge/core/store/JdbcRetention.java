package io.deskbridge.core.store;

import static io.deskbridge.core.store.ConversationRows.ts;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The retention purge ({@code privacy.retention}): deletes what holds customers' texts once it is older than the
 * cutoff. Open work is never touched: pending events and open writes stay, whatever their age. Thread-safe.
 */
final class JdbcRetention {
  /**
   * In this order, each with the cutoff as its one parameter: the audit records (their input, replies and summaries),
   * the dashboard's aggregates of conversations whose first record is older than the cutoff (they hold the
   * conversation's gap texts; a conversation still active then counts again from its next record, as a new one),
   * dead letters and their inbox rows, processed events and finished writes, the Conversation API's messages
   * and stored answers, the customers' satisfaction ratings with their comments (by the rating's time), and the first
   * human replies polled after handovers (by the handover's time).
   */
  private static final List<String> PURGES = List.of(
      "DELETE FROM audit WHERE recorded_at < ?",
      "DELETE FROM dashboard_conversation WHERE first_at < ?",
      "DELETE FROM inbox_event WHERE status = 'DEAD' AND id IN (SELECT inbox_id FROM dead_letter WHERE dead_at < ?)",
      "DELETE FROM dead_letter WHERE dead_at < ?",
      "DELETE FROM outbox WHERE status IN ('DONE', 'CANCELLED') AND EXISTS (SELECT 1 FROM inbox_event e "
          + "WHERE e.installation = outbox.installation AND e.event_id = outbox.event_id AND e.status = 'DONE' "
          + "AND e.received_at < ?)",
      "DELETE FROM inbox_event WHERE status = 'DONE' AND received_at < ?",
      "DELETE FROM api_message WHERE created_at < ?",
      "DELETE FROM api_idempotency WHERE created_at < ? AND locked_until IS NULL",
      "DELETE FROM satisfaction_rating WHERE rated_at < ?",
      "DELETE FROM human_reply WHERE handover_at < ?");

  private final Database db;

  JdbcRetention(Database db) {
    this.db = db;
  }

  /** Deletes the rows of {@link #PURGES} older than {@code before} in one transaction; returns how many. */
  int purgeHistory(Instant before) {
    Objects.requireNonNull(before, "before");
    var at = ts(before);
    return db.tx("purgeHistory", c -> {
      int rows = 0;
      for (String sql : PURGES) {
        try (var ps = c.prepareStatement(sql)) {
          ps.setObject(1, at);
          rows += ps.executeUpdate();
        }
      }
      return rows;
    });
  }
}
