package io.deskbridge.core.engine;

import io.deskbridge.core.action.Action;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.escalation.HandoverNotes;
import io.deskbridge.core.escalation.HandoverReason;
import io.deskbridge.core.store.AuditLog;
import io.deskbridge.core.store.AuditRecord;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the audit records of decisions, ignored events and failures (each with the conversation's bot episode),
 * logs decisions in one line, and appends records made outside a commit. Thread-safe.
 */
final class AuditTrail {
  private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);
  private static final int MAX_AUDIT_INPUT = 2000;

  private final AuditLog sink;
  private final Clock clock;

  AuditTrail(AuditLog auditLog, Clock clock) {
    this.sink = auditLog;
    this.clock = clock;
  }

  /** The audit log records go to. */
  AuditLog auditLog() {
    return sink;
  }

  /** Appends a record now, outside any commit. */
  void append(AuditRecord record) {
    sink.append(record);
  }

  /** The record of an event that leads to nothing, with the reason: every ignored event leaves one. */
  AuditRecord ignored(Installation inst, ConversationKey key, String eventId, int episode, String reason, String input) {
    return decided(inst, key, eventId, episode, Decision.Ignore.because(reason), input, List.of(), "none");
  }

  /** The record of a decision and the actions it leads to; logged in one line. */
  AuditRecord decided(Installation inst, ConversationKey key, String eventId, int episode, Decision decision,
      String input, List<Action> actions, String outcome) {
    var scores = decision.scores();
    var record = new AuditRecord(clock.instant(), inst.id(), key.externalId(), eventId, mode(inst),
        decision.kind(), decision.reasons(), scores.confidence(), scores.articleId(), scores.signals(), shorten(input),
        actions.stream().map(Action::describe).toList(), outcome, episode, detail(decision, inst.routing()));
    log.info("{} {} -> {} {} conf={} actions={} episode={}", inst.id(), key.externalId(), decision.kind(),
        decision.reasons(), String.format(Locale.ROOT, "%.2f", scores.confidence()), record.actions(), episode);
    return record;
  }

  /** The record of a handover's follow-ups queued once the vendor reported the record they go in. */
  AuditRecord followUps(Installation inst, ConversationKey key, String eventId, int episode, List<Action> actions) {
    return decided(inst, key, eventId, episode, Decision.Ignore.because("linked"), "", actions, "queued");
  }

  /**
   * The record of an agent's verdict on a draft: decision {@code draft_feedback}, reasons the verdict
   * ({@code sent_as_drafted}, {@code edited}, {@code replaced}) and how it was given ({@code agent_reply}: the agent
   * sent a public reply; {@code approved}: the agent approved the draft and the bot sent it), the draft's confidence
   * and article, the agent's reply as input, and in the detail {@code verdict}, {@code source}, {@code draftEventId},
   * {@code draftText}, {@code sentText}, {@code characterSimilarity} and {@code wordSimilarity}.
   */
  AuditRecord draftFeedback(Installation inst, ConversationKey key, String eventId, int episode,
      io.deskbridge.core.store.PendingDraft draft, DraftVerdict.Comparison comparison, String source, String sent) {
    var d = new LinkedHashMap<String, Object>();
    d.put("verdict", comparison.verdict().code());
    d.put("source", source);
    d.put("draftEventId", draft.eventId());
    d.put("draftText", shorten(draft.text()));
    d.put("sentText", shorten(sent));
    d.put("characterSimilarity", comparison.characters());
    d.put("wordSimilarity", comparison.words());
    log.info("{} {} -> draft {} ({}) article={} words={}", inst.id(), key.externalId(), comparison.verdict().code(),
        source, draft.articleId(), String.format(Locale.ROOT, "%.2f", comparison.words()));
    return new AuditRecord(clock.instant(), inst.id(), key.externalId(), eventId, mode(inst), "draft_feedback",
        List.of(comparison.verdict().code(), source), draft.confidence(), draft.articleId(), Map.of(),
        shorten(sent), List.of(), "none", episode, d);
  }

  /** The record of a failure: {@code reason} is a code such as {@code gave_up}, {@code outcome} says what happened. */
  AuditRecord failure(Installation inst, ConversationKey key, String eventId, int episode, String input, String reason,
      String outcome) {
    return new AuditRecord(clock.instant(), inst.id(), key.externalId(), eventId, mode(inst), "failed",
        List.of(reason), 0, "", Map.of(), shorten(input), List.of(), outcome, episode);
  }

  /**
   * The decision's texts and structured fields, as {@link AuditRecord#detail()} documents them: what the Conversation
   * API answers with, kept with the decision so that it is never recomputed.
   */
  static Map<String, Object> detail(Decision decision, Routing routing) {
    var d = new LinkedHashMap<String, Object>();
    if (decision instanceof Decision.Reply r) {
      d.put("text", r.text());
      d.put("language", r.language());
    } else if (decision instanceof Decision.Draft r) {
      d.put("text", r.text());
      d.put("language", r.language());
    } else if (decision instanceof Decision.Clarify c) {
      d.put("question", c.question());
      d.put("language", c.language());
    } else if (decision instanceof Decision.Handover h) {
      var s = h.summary();
      d.put("routingGroup", h.routingGroup());
      d.put("groupId", routing.groupFor(h.routingGroup()));
      d.put("customerMessage", h.customerMessage());
      d.put("summaryText", HandoverNotes.render(s));
      var summary = new LinkedHashMap<String, Object>();
      summary.put("reasons", s.reasons().stream().map(HandoverReason::code).sorted().toList());
      summary.put("language", s.language());
      summary.put("tone", s.tone());
      summary.put("request", s.request());
      summary.put("keyFacts", s.keyFacts().stream()
          .map(f -> Map.of("type", f.type().name().toLowerCase(Locale.ROOT), "value", f.value())).toList());
      summary.put("botAnswers", s.botAnswers());
      summary.put("confidence", s.confidence());
      if (!s.llmSummary().isEmpty()) {
        summary.put("llmSummary", s.llmSummary());
      }
      d.put("summary", summary);
    }
    return d;
  }

  private static String mode(Installation inst) {
    return inst.mode().name().toLowerCase(Locale.ROOT);
  }

  private static String shorten(String input) {
    return input.length() > MAX_AUDIT_INPUT ? input.substring(0, MAX_AUDIT_INPUT) + "…" : input;
  }
}
