package io.deskbridge.app.eval;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.core.escalation.HandoverReason;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One labelled message of an evaluation: a line of a cases file, e.g.
 * {@code {"id":"c1","text":"Where is my parcel?","language":"en","expect":"answer","article":"track-order"}}.
 *
 * @param id       unique within the file; never blank
 * @param text     the customer's message; never blank
 * @param language the message's ISO 639-1 language; empty when not given (the bot's detection is used)
 * @param expect   what the bot should do
 * @param article  the article that answers it; required for {@link Expect#ANSWER}, else empty
 * @param reason   the handover reason a person would give ({@link HandoverReason#code()}, e.g. {@code complaint});
 *                 only for {@link Expect#HANDOVER}, optional there, else empty
 * @param reviewed false for a label nobody checked yet (key {@code "reviewed": false}, as {@code simulate} writes its
 *                 guesses): evaluation and calibration leave such a case out until a person sets it true; a line
 *                 without the key is reviewed. The key {@code note} is free text for people and is not read.
 */
record EvalCase(String id, String text, String language, Expect expect, String article, String reason,
    boolean reviewed) {

  /** A reviewed case. */
  EvalCase(String id, String text, String language, Expect expect, String article, String reason) {
    this(id, text, language, expect, article, reason, true);
  }

  /** What the bot should do with a case. */
  enum Expect {
    /** Answer with {@link EvalCase#article()}. */
    ANSWER,
    /** Hand over to a person, for {@link EvalCase#reason()} when given. */
    HANDOVER,
    /** Not answer from the knowledge base: asking a clarifying question and handing over are both fine. */
    NO_ANSWER,
    /** Not hand over: the negative class of a signal (for example a message that is not sarcastic). */
    NO_HANDOVER;

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Expect of(String code) {
      for (var e : values()) {
        if (e.code().equals(code)) {
          return e;
        }
      }
      throw new IllegalArgumentException("'expect' must be one of answer, handover, no_answer, no_handover, got '"
          + code + "'");
    }
  }

  private static final Set<String> KEYS =
      Set.of("id", "text", "language", "expect", "article", "reason", "reviewed", "note");
  private static final Set<String> REASONS =
      Set.copyOf(Arrays.stream(HandoverReason.values()).map(HandoverReason::code).toList());

  /** @throws IllegalArgumentException when a field is missing or inconsistent with {@code expect} */
  EvalCase {
    id = required(id, "id");
    text = required(text, "text");
    language = language == null ? "" : language.strip();
    if (!language.isEmpty() && !language.matches("[a-z]{2}")) {
      throw new IllegalArgumentException("'language' must be an ISO 639-1 code like 'en', got '" + language + "'");
    }
    if (expect == null) {
      throw new IllegalArgumentException("'expect' is required");
    }
    article = article == null ? "" : article.strip();
    reason = reason == null ? "" : reason.strip();
    if (expect == Expect.ANSWER && article.isEmpty()) {
      throw new IllegalArgumentException("'article' is required when expect is answer");
    }
    if (expect != Expect.ANSWER && !article.isEmpty()) {
      throw new IllegalArgumentException("'article' is only for expect answer");
    }
    if (!reason.isEmpty() && expect != Expect.HANDOVER) {
      throw new IllegalArgumentException("'reason' is only for expect handover");
    }
    if (!reason.isEmpty() && !REASONS.contains(reason)) {
      throw new IllegalArgumentException("unknown reason '" + reason + "'; known: " + REASONS);
    }
  }

  /**
   * Reads a cases file: one JSON object per line, blank lines ignored, ids unique, unknown keys are errors.
   *
   * @throws IllegalArgumentException on a bad line, as {@code file:line: problem}
   * @throws UncheckedIOException     when the file cannot be read
   */
  static List<EvalCase> read(Path file) {
    return CaseLines.read(file, EvalCase::parse, EvalCase::id);
  }

  private static EvalCase parse(JsonNode node) {
    CaseLines.requireObjectWithKeys(node, KEYS);
    var expect = node.path("expect").asText("");
    var reviewed = node.path("reviewed");
    if (!reviewed.isMissingNode() && !reviewed.isBoolean()) {
      throw new IllegalArgumentException("'reviewed' must be true or false");
    }
    return new EvalCase(node.path("id").asText(null), node.path("text").asText(null),
        node.path("language").asText(""), expect.isEmpty() ? null : Expect.of(expect),
        node.path("article").asText(""), node.path("reason").asText(""), reviewed.asBoolean(true));
  }

  private static String required(String value, String name) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("'" + name + "' is required");
    }
    return value.strip();
  }
}
