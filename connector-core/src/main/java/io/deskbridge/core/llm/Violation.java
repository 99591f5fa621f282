package io.deskbridge.core.llm;

import java.util.Objects;

/**
 * One broken guardrail rule and what broke it (for the audit record; the detail never holds the system prompt).
 * Immutable.
 */
public record Violation(Rule rule, String detail) {
  /** The rules; {@link #code()} is the audited reason code. */
  public enum Rule {
    /** The draft cites no article. */
    NO_CITATION("llm_no_citation"),
    /** The draft cites an id that was not among the retrieved articles. */
    UNKNOWN_CITATION("llm_unknown_citation"),
    /** A number, amount, date, URL, e-mail address or phone number appears in no cited passage, lookup or message. */
    UNSUPPORTED_FACT("llm_unsupported_fact"),
    /** The draft is not in the customer's language. */
    WRONG_LANGUAGE("llm_wrong_language"),
    /** The draft is longer than the limit. */
    TOO_LONG("llm_too_long"),
    /** The draft repeats part of the system prompt. */
    PROMPT_LEAK("llm_prompt_leak"),
    /** The draft repeats part of an internal note. */
    INTERNAL_NOTE_LEAK("llm_internal_note_leak"),
    /** The draft uses a word the brand's tone avoids. */
    AVOIDED_WORD("llm_avoided_word"),
    /** The draft has no text (a handover summary that says nothing). */
    EMPTY("llm_empty"),
    /** A request the model listed for an e-mail is neither in its text nor a close paraphrase of it. */
    NOT_IN_TEXT("llm_request_not_in_text");

    private final String code;

    Rule(String code) {
      this.code = code;
    }

    public String code() {
      return code;
    }
  }

  public Violation {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(detail, "detail");
  }
}
