package io.deskbridge.core.llm;

import java.util.List;

/**
 * What {@link LlmAnswerWriter#write} came to. Only {@link Written} may be sent; on the others the bot falls back
 * (extractive answer, clarification or handover) and audits {@link #reason()}.
 */
public sealed interface LlmOutcome {
  /** The audited reason code ({@code llm_ok} when written). */
  String reason();

  /** A draft that kept every guardrail: send {@code text}, with citations built from {@code articleIds}. */
  record Written(String text, List<String> articleIds, int tokens) implements LlmOutcome {
    public Written {
      articleIds = List.copyOf(articleIds);
    }

    @Override
    public String reason() {
      return "llm_ok";
    }
  }

  /** The model answered, but the draft broke these rules. */
  record Refused(List<Violation> violations, int tokens) implements LlmOutcome {
    public Refused {
      violations = List.copyOf(violations);
    }

    @Override
    public String reason() {
      return String.join(",", violations.stream().map(v -> v.rule().code()).toList());
    }
  }

  /**
   * No usable answer: {@code llm_rate_limited}, {@code llm_timeout}, {@code llm_server_error},
   * {@code llm_circuit_open}, {@code llm_unparsable} or {@code llm_error}.
   */
  record Failed(String reason, String detail) implements LlmOutcome {}
}
