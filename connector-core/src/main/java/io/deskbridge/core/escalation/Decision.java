package io.deskbridge.core.escalation;

import java.util.List;
import java.util.Objects;

/**
 * What the bot decided for the newest customer messages of a conversation. Decisions are pure values:
 * computed from the conversation, knowledge and policy without I/O, so they can be tested and replayed.
 * The engine turns them into vendor-neutral actions according to the installation's mode.
 */
public sealed interface Decision {

  /** Machine-readable reason codes, e.g. {@code confident_match} or {@code human_request}. */
  List<String> reasons();

  /** The numbers behind the decision. */
  Scores scores();

  /** The decision's kind in lower case, as written in audit records: reply, draft, clarify, handover, ignore. */
  default String kind() {
    return getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
  }

  /** Answer the customer publicly with an article's answer. */
  record Reply(String text, String language, List<String> reasons, Scores scores) implements Decision {
    public Reply {
      Objects.requireNonNull(text);
      reasons = List.copyOf(reasons);
    }

    /** The same answer proposed to an agent instead of sent: what {@code draft} mode does. */
    public Draft asDraft() {
      return new Draft(text, language, reasons, scores);
    }
  }

  /** Propose a reply to an agent in an internal note; nothing public is written. */
  record Draft(String text, String language, List<String> reasons, Scores scores) implements Decision {
    public Draft {
      Objects.requireNonNull(text);
      reasons = List.copyOf(reasons);
    }
  }

  /** Ask the customer a clarifying question because confidence is too low to answer. */
  record Clarify(String question, String language, List<String> reasons, Scores scores) implements Decision {
    public Clarify {
      Objects.requireNonNull(question);
      reasons = List.copyOf(reasons);
    }
  }

  /**
   * Hand the conversation to a person.
   *
   * @param routingGroup    the routing group name from the article or intent; empty means the default group
   * @param customerMessage what the customer is told happens next, in their language
   * @param summary         the agent's summary
   */
  record Handover(
      String routingGroup, String customerMessage, HandoverSummary summary, List<String> reasons, Scores scores)
      implements Decision {
    public Handover {
      routingGroup = routingGroup == null ? "" : routingGroup;
      Objects.requireNonNull(customerMessage);
      Objects.requireNonNull(summary);
      reasons = List.copyOf(reasons);
    }
  }

  /** Do nothing (for example: a human owns the conversation, or nothing new from the customer). */
  record Ignore(List<String> reasons, Scores scores) implements Decision {
    public Ignore {
      reasons = List.copyOf(reasons);
    }

    public static Ignore because(String reason) {
      return new Ignore(List.of(reason), Scores.NONE);
    }
  }
}
