package io.deskbridge.core.llm;

/** {@code answer.mode} of an installation: who writes an answer the Decider approved. Extractive is the default. */
public enum AnswerMode {
  /** The approved article's text, as today. */
  EXTRACTIVE,
  /** An LLM writes it from the top passages, held to the guardrails; the extractive answer is the fallback. */
  LLM
}
