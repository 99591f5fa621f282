package io.deskbridge.core.llm;

import java.util.List;
import java.util.Objects;

/**
 * What the model wrote, as its structured output: the answer text and the ids of the articles it says it used.
 * Immutable.
 */
public record LlmDraft(String text, List<String> articleIds) {
  public LlmDraft {
    Objects.requireNonNull(text, "text");
    articleIds = List.copyOf(articleIds);
  }
}
