package io.deskbridge.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HandoverNotesTest {

  @Test
  void rendersEveryPartOfTheSummary() {
    var summary = new HandoverSummary(
        Set.of(HandoverReason.ANGER, HandoverReason.HUMAN_REQUEST), "cs", "angry",
        "Kde je moje objednávka #12345?",
        List.of(new KeyFact(KeyFact.Type.ORDER_NUMBER, "12345"), new KeyFact(KeyFact.Type.EMAIL, "jan@example.com"),
            new KeyFact(KeyFact.Type.AMOUNT, "249 EUR")),
        List.of("answered \"Reset your password\"", "asked a clarifying question"), 0.414);

    assertThat(HandoverNotes.render(summary)).isEqualTo("""
        Deskbridge handover
        Why: human request, anger
        Language: cs
        Tone: angry
        Request: Kde je moje objednávka #12345?
        Key facts: order #12345; jan@example.com; amount 249 EUR
        Bot already: answered "Reset your password"; asked a clarifying question
        Confidence: 41 %""");
  }

  @Test
  void saysWhenPartsAreEmpty() {
    var summary = new HandoverSummary(Set.of(HandoverReason.LOW_CONFIDENCE), "en", "neutral", "", List.of(),
        List.of(), 0);

    assertThat(HandoverNotes.render(summary))
        .contains("Why: low confidence", "Request: (no text)", "Key facts: none found", "Bot already: nothing",
            "Confidence: 0 %");
  }

  @Test
  void requestIsTheFirstSentenceOrTwoOnOneLine() {
    assertThat(HandoverNotes.request("Where is my order #48213? It was supposed to arrive yesterday. I am angry."))
        .isEqualTo("Where is my order #48213? It was supposed to arrive yesterday.");
    assertThat(HandoverNotes.request("Hi.\nMy parcel is late and nobody answers the phone at your office, which is "
        + "really not what I expected. Second sentence."))
        .isEqualTo("Hi. My parcel is late and nobody answers the phone at your office, which is really not what I "
            + "expected.");
  }

  @Test
  void longRequestsAreCutAtAWord() {
    var request = HandoverNotes.request("word ".repeat(200));

    assertThat(request).hasSizeLessThanOrEqualTo(HandoverNotes.MAX_REQUEST).endsWith("word…");
  }
}
