package io.deskbridge.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhraseRuleTest {

  @ParameterizedTest
  @CsvSource(delimiter = ';', textBlock = """
      sue ; I will sue you ; true
      sue ; nice suede shoes ; false
      reklamac* ; Chci podat REKLAMACI ; true
      reklamac* ; nereklamace ; false
      legal action* ; we will take legal actions ; true
      legal action* ; legal, actions ; false
      file|lodge claim ; lodge claim now ; true
      cancel* .. order* ; cancel my last order ; true
      cancel* .. order* ; cancel my very very old order ; true
      cancel* .. order* ; cancel it and the very very old order ; false
      cancel* ..1 order* ; cancel my last order ; false
      cancel* .. order* ; order, cancel ; false
      remov* .. order* ; remove an item from my order ; false
      remov* .. order* ; remove an item, my order ; false
      never ...4 again ; never buying from you again ; true
      order* ...4 cancel* ..1 it ; my order is late, cancel it ; true
      cancel* .. order* !fee* ; what is the fee to cancel an order ; false
      cancel* .. order* !fee* ; cancel my order and tell me the fee later ; true
      ^si .. robot* ; si robot ; true
      ^si .. robot* ; chcem si pohovoriť s robotom ; false
      cancel* .. account* ; cancfel my acount ; true
      cancel* .. account* ; acncel my account ; true
      cancel* .. order* ; cancer in my order ; false
      cancel* .. order* ; cancel my border ; false
      cancel* .. order* ; i need help tocancel my order ; true
      file|lodge ..3 claim ; can i lodgea claim ; true
      talk .. someone ; i want to talk tosomeone ; true
      cancel* .. order* ; tomato order ; false
      don't want .. order* ; I don't want this order ; true
      don't want .. order* ; I dont want this order ; false
      píšu ...4 počtvrté|po-čtvrté ; píšu vám už po čtvrté ; true
      píšu ...4 počtvrté|po-čtvrté ; píšu vám už počtvrté ; true
      píšu ...4 počtvrté|po-čtvrté ; píšu vám po dnešku čtvrté ; false
      spojte .. poradkyn* ; spojte ma, prosím, s poradkyňou ; true
      """)
  void matchesWithinOneSentence(String entry, String text, boolean expected) {
    var rule = PhraseRule.parse(entry);
    var sentence = Sentence.split(text).get(0);

    assertThat(rule.find(sentence, 0, null) != null).as("%s in '%s'", entry, text).isEqualTo(expected);
  }

  @Test
  void typosAreOnlyForRulesOfSeveralPartsAndCanBeTurnedOff() {
    assertThat(PhraseRule.parse("cancel*").find(Sentence.split("cancfel").get(0), 0, null)).isNull();
    assertThat(PhraseRule.parse("cancel* .. order*", false).find(Sentence.split("cancfel order").get(0), 0, null))
        .isNull();
  }

  @Test
  void oneTypoInsideTheWord() {
    assertThat(PhraseRule.Word.oneTypo("cancfel", "cancel")).isTrue();
    assertThat(PhraseRule.Word.oneTypo("acncel", "cancel")).isTrue();
    assertThat(PhraseRule.Word.oneTypo("ordedr", "order")).isTrue();
    assertThat(PhraseRule.Word.oneTypo("cancer", "cancel")).isFalse();
    assertThat(PhraseRule.Word.oneTypo("border", "order")).isFalse();
    assertThat(PhraseRule.Word.oneTypo("orders", "order")).isFalse();
    assertThat(PhraseRule.Word.oneTypo("cnacle", "cancel")).isFalse();
  }

  @Test
  void returnsWhereTheMatchIsAndSkipsExcludedOnes() {
    var rule = PhraseRule.parse("cancel* .. order*");
    var sentence = Sentence.split("please cancel the order").get(0);

    assertThat(rule.find(sentence, 0, null)).containsExactly(1, 4);
    assertThat(rule.find(sentence, 2, null)).isNull();
    assertThat(rule.find(sentence, 0, WordSet.of("please"))).isNull();
  }

  @Test
  void exclusionsAloneAndMalformedEntries() {
    assertThat(PhraseRule.parse("   ")).isNull();
    assertThat(PhraseRule.parse("!joke*").exclusionOnly()).isTrue();
    assertThatThrownBy(() -> PhraseRule.parse(".. order")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'..' must stand between two parts");
    assertThatThrownBy(() -> PhraseRule.parse("cancel .. .. order")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PhraseRule.parse("cancel ^order")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'^' may only open the entry");
    assertThatThrownBy(() -> PhraseRule.parse("cancel|*")).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("has no letters or digits");
  }
}
