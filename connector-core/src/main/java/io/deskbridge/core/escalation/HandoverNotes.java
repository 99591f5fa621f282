package io.deskbridge.core.escalation;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Renders a {@link HandoverSummary} into the internal note an agent reads, in plain English text:
 *
 * <pre>
 * Deskbridge handover
 * Why: human request, anger
 * Language: cs
 * Tone: angry
 * Request: Where is my order #48213? It was supposed to arrive yesterday.
 * Key facts: order #48213; jan@example.com
 * Bot already: answered "Track your order"; asked a clarifying question
 * Confidence: 41 %
 * </pre>
 *
 * with, when an LLM wrote a summary ({@link HandoverSummary#llmSummary()}), a line {@code Summary (LLM): …} right
 * after the first line; the deterministic lines stay as they are, so the agent can check the summary against them;
 * and, for an e-mail with several requests, one line per request after "Requests in this e-mail: 2", saying what
 * the bot made of each.
 *
 * Stateless and thread-safe.
 */
public final class HandoverNotes {

  /** The longest request the note shows; longer ones are cut at a word and end with an ellipsis. */
  static final int MAX_REQUEST = 300;

  private HandoverNotes() {}

  /** The note text for this summary; never blank. */
  public static String render(HandoverSummary summary) {
    var why = summary.reasons().stream().sorted(Comparator.naturalOrder())
        .map(r -> r.code().replace('_', ' ')).collect(Collectors.joining(", "));
    var facts = summary.keyFacts().stream().map(HandoverNotes::fact).collect(Collectors.joining("; "));
    var lines = new java.util.ArrayList<>(List.of(
        "Deskbridge handover",
        "Why: " + (why.isEmpty() ? "not given" : why),
        "Language: " + summary.language(),
        "Tone: " + summary.tone(),
        "Request: " + orNone(shorten(summary.request(), MAX_REQUEST), "(no text)"),
        "Key facts: " + orNone(facts, "none found"),
        "Bot already: " + orNone(String.join("; ", summary.botAnswers()), "nothing"),
        "Confidence: " + Math.round(summary.confidence() * 100) + " %"));
    if (!summary.llmSummary().isEmpty()) {
      lines.add(1, "Summary (LLM): " + summary.llmSummary().replaceAll("\\s+", " "));
    }
    if (!summary.requests().isEmpty()) {
      lines.add("Requests in this e-mail: " + summary.requests().size());
      for (int i = 0; i < summary.requests().size(); i++) {
        lines.add((i + 1) + ". " + summary.requests().get(i));
      }
    }
    return String.join("\n", lines);
  }

  /**
   * The request in one or two sentences: the first sentence of the customer's text, or the first two when the
   * first is short, on one line and at most {@value #MAX_REQUEST} characters (cut at a word, ending with "…").
   */
  public static String request(String text) {
    var sentences = text.strip().split("(?<=[.!?…])\\s+|\\s*\\n+\\s*");
    var request = sentences[0];
    if (sentences.length > 1 && request.length() < 80) {
      request += " " + sentences[1];
    }
    return shorten(request, MAX_REQUEST);
  }

  private static String shorten(String text, int max) {
    var oneLine = text.strip().replaceAll("\\s+", " ");
    if (oneLine.length() <= max) {
      return oneLine;
    }
    var cut = oneLine.substring(0, max - 1);
    int space = cut.lastIndexOf(' ');
    return (space > max / 2 ? cut.substring(0, space) : cut).stripTrailing() + "…";
  }

  private static String fact(KeyFact fact) {
    var value = fact.value();
    return switch (fact.type()) {
      case ORDER_NUMBER -> "order " + (value.chars().allMatch(Character::isDigit) ? "#" : "") + value;
      case EMAIL -> value;
      default -> fact.type().name().toLowerCase(Locale.ROOT) + " " + value;
    };
  }

  private static String orNone(String text, String none) {
    return text.isBlank() ? none : text;
  }
}
