package io.deskbridge.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RuleSetTest {

  private static final List<String> ENTRIES = List.of("cancel* .. order|orders", "close|delete .. account*",
      "^si ..2 robot*", "ne*", "sue you", "don't want .. order", "complain*");

  /** The index must find exactly what trying every rule at every position finds. */
  @ParameterizedTest
  @ValueSource(strings = {
      "please cancel my order", "acncel the ordre now", "i need help tocancel my order", "cancfel orders",
      "closing the account", "delete my acount", "si ty robot", "chcem si robota", "nechci to", "I will sue you",
      "I don't want this order", "I dont want this order", "no complaints", "nothing here at all", "ne ne ne"})
  void findsWhatEveryRuleFindsAtEveryPosition(String text) {
    var rules = ENTRIES.stream().map(PhraseRule::parse).toList();
    var set = new RuleSet(rules);
    for (var sentence : Sentence.split(text)) {
      var expected = new ArrayList<List<Integer>>();
      for (int r = 0; r < rules.size(); r++) {
        for (int from = 0; ; ) {
          var match = rules.get(r).find(sentence, from, null);
          if (match == null) {
            break;
          }
          expected.add(List.of(r, match[0], match[1]));
          from = match[0] + 1;
        }
      }
      var actual = set.matches(sentence).stream().map(m -> List.of(m[0], m[1], m[2])).toList();

      assertThat(actual).as(text).isEqualTo(expected);
    }
  }

  @Test
  void exclusionsOfTheListApplyToEachRule() {
    var rules = List.of(PhraseRule.parse("lawyer*"), PhraseRule.parse("court"));
    var set = new RuleSet(rules, List.of(WordSet.of("joke*"), WordSet.of()));
    var sentence = Sentence.split("a lawyer joke in court").get(0);

    assertThat(set.matches(sentence)).extracting(m -> m[0]).containsExactly(1);
    assertThat(RuleSet.of(false, " ").matches(sentence)).isEmpty();
  }
}
