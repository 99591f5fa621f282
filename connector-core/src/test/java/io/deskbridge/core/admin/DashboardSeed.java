package io.deskbridge.core.admin;

import io.deskbridge.core.store.StoreConfig;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Audited conversations written straight into a migrated store, the way the engine leaves them (a conversation row
 * with its channel, the inbox event each decision answered, the decision records), in batches: the dashboard's test
 * data, from a few hundred conversations to the 100,000 of the speed target. The plan is fixed by the index
 * {@code i}; {@link Plan} says what it produces, so a test can tell what the figures must be.
 *
 * <ul>
 *   <li>{@code i % 10} 0 to 4: a reply with article {@code article-(i % 5)}; for 0 the customer writes again an hour
 *       later (a clarification on a new message), the others stay silent (resolved once the window has passed);</li>
 *   <li>5 and 6: a clarification on one of {@link #GAPS};</li>
 *   <li>7 and 8: a handover with reason {@link #HANDOVER_REASONS}{@code [i % 3]};</li>
 *   <li>9: a draft and the agent's verdict {@code sent_as_drafted} or {@code replaced} (by {@code i % 20});</li>
 *   <li>every 50th also an auto-reply the loop guard suppressed, in a conversation of its own; every 200th a dead
 *       letter.</li>
 * </ul>
 * Channels alternate EMAIL and CHAT by {@code i % 2}, languages en and cs by {@code i % 3 == 0 ? cs : en}. The rows are
 * written past the store, so the dashboard's aggregates do not have them until the caller rebuilds them
 * ({@code DashboardRows#rebuildAggregates}).
 */
final class DashboardSeed {
  static final List<String> GAPS = List.of("Can I pay with bitcoin?", "Do you ship to Mars?", "Is there a student discount?");
  static final List<String> HANDOVER_REASONS = List.of("human_request", "complaint", "anger");

  private DashboardSeed() {
  }

  /** What {@code n} seeded conversations hold, for conversations starting {@code first}, one minute apart. */
  record Plan(int conversations, int answered, int cameBack, int clarified, int handedOver, int drafts,
      int loopGuard, int deadLetters) {
    static Plan of(int n) {
      int answered = 0;
      int cameBack = 0;
      int clarified = 0;
      int handedOver = 0;
      int drafts = 0;
      for (int i = 0; i < n; i++) {
        int k = i % 10;
        if (k <= 4) {
          answered++;
          if (k == 0) {
            cameBack++;
            clarified++; // the customer's second message got a clarification
          }
        } else if (k <= 6) {
          clarified++;
        } else if (k <= 8) {
          handedOver++;
        } else {
          answered++;
          drafts++;
        }
      }
      return new Plan(n, answered, cameBack, clarified, handedOver, drafts, (n + 49) / 50, (n + 199) / 200);
    }

    /** Answered conversations counted resolved (when every window has passed): answers nobody came back to. */
    int resolved() {
      return answered - cameBack;
    }
  }

  /**
   * Writes {@code n} conversations of installation {@code installation}, the first recorded at {@code first} and each
   * next one {@code spacing} later.
   */
  static Plan seed(StoreConfig store, String installation, int n, Instant first, Duration spacing) throws SQLException {
    try (var c = DriverManager.getConnection(store.connectionUrl(), store.username(),
        store.password() == null ? "" : store.password().reveal())) {
      c.setAutoCommit(false);
      try (var conv = c.prepareStatement("INSERT INTO conversation (installation, conversation_id, vendor, channel) "
          + "VALUES (?, ?, 'api', ?)");
          var inbox = c.prepareStatement("INSERT INTO inbox_event (installation, vendor, event_id, conversation_id, "
              + "payload, received_at, status, next_attempt_at) VALUES (?, 'api', ?, ?, '{}', ?, 'DONE', ?)");
          var audit = c.prepareStatement("INSERT INTO audit (recorded_at, installation, conversation_id, event_id, "
              + "install_mode, decision, reasons, confidence, article_id, signals, input_text, actions, outcome, "
              + "episode, detail, language) VALUES (?, ?, ?, ?, 'auto', ?, ?, ?, ?, '{}', ?, '[]', 'applied', 1, ?, ?)");
          var dead = c.prepareStatement("INSERT INTO dead_letter (inbox_id, installation, vendor, event_id, "
              + "conversation_id, payload, reason, attempts, dead_at) VALUES (0, ?, 'api', ?, ?, '{}', 'gave up', 5, ?)")) {
        for (int i = 0; i < n; i++) {
          String id = "seed-" + i;
          Instant at = first.plus(spacing.multipliedBy(i));
          String channel = i % 2 == 0 ? "EMAIL" : "CHAT";
          String language = i % 3 == 0 ? "cs" : "en";
          conv.setString(1, installation);
          conv.setString(2, id);
          conv.setString(3, channel);
          conv.addBatch();
          int k = i % 10;
          long latency = 80 + (i * 37L) % 900;
          String event = id + "-e1";
          event(inbox, installation, id, event, at.minusMillis(latency));
          if (k <= 4) {
            record(audit, at, installation, id, event, "reply", "[\"confident\"]", 0.80 + (i % 20) / 100.0,
                "article-" + (i % 5), "How long does delivery take?", language);
            if (k == 0) {
              Instant later = at.plus(Duration.ofHours(1));
              event(inbox, installation, id, id + "-e2", later.minusMillis(latency));
              record(audit, later, installation, id, id + "-e2", "clarify", "[\"low_confidence\"]", 0.30,
                  "article-1", GAPS.get(i % 3), language);
            }
          } else if (k <= 6) {
            record(audit, at, installation, id, event, "clarify", "[\"low_confidence\"]", 0.20 + (i % 30) / 100.0,
                "article-2", GAPS.get(i % 3), language);
          } else if (k <= 8) {
            record(audit, at, installation, id, event, "handover",
                "[\"" + HANDOVER_REASONS.get(i % 3) + "\"]", 0.10 + (i % 40) / 100.0, "", "I want a person now",
                language);
          } else {
            record(audit, at, installation, id, event, "draft", "[\"confident\"]", 0.70, "article-3",
                "Where is my order?", language);
            Instant verdictAt = at.plus(Duration.ofMinutes(10));
            event(inbox, installation, id, id + "-e3", verdictAt);
            record(audit, verdictAt, installation, id, id + "-e3", "draft_feedback",
                i % 20 == 9 ? "[\"sent_as_drafted\", \"agent_reply\"]" : "[\"replaced\", \"agent_reply\"]", 0.70,
                "article-3", "", null);
          }
          if (i % 50 == 0) {
            String loop = "seed-loop-" + i;
            conv.setString(1, installation);
            conv.setString(2, loop);
            conv.setString(3, "EMAIL");
            conv.addBatch();
            event(inbox, installation, loop, loop + "-e1", at);
            record(audit, at, installation, loop, loop + "-e1", "ignore", "[\"auto_reply\"]", 0, "", "", null);
          }
          if (i % 200 == 0) {
            dead.setString(1, installation);
            dead.setString(2, id + "-dead");
            dead.setString(3, id);
            dead.setObject(4, ts(at));
            dead.addBatch();
          }
          if (i % 2_000 == 1_999) {
            conv.executeBatch();
            inbox.executeBatch();
            audit.executeBatch();
            dead.executeBatch();
            c.commit();
          }
        }
        conv.executeBatch();
        inbox.executeBatch();
        audit.executeBatch();
        dead.executeBatch();
        c.commit();
      }
    }
    return Plan.of(n);
  }

  private static void event(java.sql.PreparedStatement inbox, String installation, String conversation, String event,
      Instant at) throws SQLException {
    inbox.setString(1, installation);
    inbox.setString(2, event);
    inbox.setString(3, conversation);
    inbox.setObject(4, ts(at));
    inbox.setObject(5, ts(at));
    inbox.addBatch();
  }

  private static void record(java.sql.PreparedStatement audit, Instant at, String installation, String conversation,
      String event, String decision, String reasons, double confidence, String article, String input, String language)
      throws SQLException {
    audit.setObject(1, ts(at));
    audit.setString(2, installation);
    audit.setString(3, conversation);
    audit.setString(4, event);
    audit.setString(5, decision);
    audit.setString(6, reasons);
    audit.setDouble(7, Math.min(1, confidence));
    audit.setString(8, article);
    audit.setString(9, input);
    audit.setString(10, language == null ? "{}" : "{\"language\":\"" + language + "\"}");
    audit.setString(11, language);
    audit.addBatch();
  }

  private static OffsetDateTime ts(Instant t) {
    return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
  }
}
