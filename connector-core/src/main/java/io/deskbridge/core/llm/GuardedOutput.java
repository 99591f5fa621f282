package io.deskbridge.core.llm;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.guardrail.OutputGuardrail;
import dev.langchain4j.guardrail.OutputGuardrailResult;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * {@link AnswerGuardrails} as a langchain4j {@link OutputGuardrail} for one answer: it parses the model's structured
 * output with {@code parse} and fails (never retries: a retry would let the model argue its way past a rule) with
 * the reason codes of every broken rule. One instance per answer, since the context is the answer's.
 *
 * <p>Immutable and thread-safe.
 */
public final class GuardedOutput implements OutputGuardrail {
  private final AnswerGuardrails rules;
  private final GuardContext context;
  private final Function<String, LlmDraft> parse;

  public GuardedOutput(AnswerGuardrails rules, GuardContext context, Function<String, LlmDraft> parse) {
    this.rules = Objects.requireNonNull(rules, "rules");
    this.context = Objects.requireNonNull(context, "context");
    this.parse = Objects.requireNonNull(parse, "parse");
  }

  @Override
  public OutputGuardrailResult validate(AiMessage response) {
    LlmDraft draft;
    try {
      draft = parse.apply(response.text() == null ? "" : response.text());
    } catch (RuntimeException e) {
      return failure("llm_unparsable: " + e.getMessage());
    }
    List<Violation> broken = rules.check(draft, context);
    if (broken.isEmpty()) {
      return success();
    }
    return failure(String.join(",", broken.stream().map(v -> v.rule().code()).toList()));
  }
}
