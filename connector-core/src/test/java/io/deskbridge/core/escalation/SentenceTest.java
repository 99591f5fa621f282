package io.deskbridge.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SentenceTest {

  @Test
  void splitsAtSentenceEndsAndRemembersQuestionsAndClauses() {
    var sentences = Sentence.split("Hello. Are you a bot?! I want, now, a HUMAN\nthanks");

    assertThat(sentences).extracting(Sentence::words).containsExactly(
        java.util.List.of("hello"), java.util.List.of("are", "you", "a", "bot"),
        java.util.List.of("i", "want", "now", "a", "human"), java.util.List.of("thanks"));
    assertThat(sentences).extracting(Sentence::question).containsExactly(false, true, false, false);
    var third = sentences.get(2);
    assertThat(third.clause(0)).isEqualTo(third.clause(1));
    assertThat(third.clause(2)).isNotEqualTo(third.clause(1));
    assertThat(Sentence.split("  ?! ")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      I do not want to cancel          | cancel    | true
      no complaints                    | complaints | true
      I don't know how to cancel       | cancel    | false
      I can't cancel my order          | cancel    | false
      I won't cancel                   | cancel    | true
      No, I want to cancel             | cancel    | false
      nie chcę anulować                | anulowac  | true
      nechci zrušit                    | zrusit    | true
      ne želim preklicati              | preklicati | true
      never ever did I cancel          | cancel    | false
      """)
  void negation(String text, String word, boolean negated) {
    var sentence = Sentence.split(text).get(0);

    assertThat(sentence.negated(sentence.words().indexOf(word))).as(text).isEqualTo(negated);
  }

  @Test
  void aPleaseSetOffByCommasNeitherEndsTheClauseNorCountsAsAWord() {
    var request = Sentence.split("Spojte ma, prosím vás, s poradkyňou").get(0);
    assertThat(request.words()).containsExactly("spojte", "ma", "s", "poradkynou");
    assertThat(request.clause(3)).isEqualTo(request.clause(0));

    var english = Sentence.split("Transfer me, please, to an agent, if you can").get(0);
    assertThat(english.words()).containsExactly("transfer", "me", "to", "an", "agent", "if", "you", "can");
    assertThat(english.clause(4)).isEqualTo(english.clause(0));
    assertThat(english.clause(5)).isNotEqualTo(english.clause(4));

    var notAnAside = Sentence.split("No, please do not cancel it").get(0);
    assertThat(notAnAside.clause(1)).isNotEqualTo(notAnAside.clause(0));
    assertThat(Sentence.split("Please, help").get(0).words()).containsExactly("please", "help");
  }
}
