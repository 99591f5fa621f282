package io.deskbridge.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FoldingTest {

  @Test
  void foldsCaseAndDiacriticsOfTheFiveLanguages() {
    assertThat(Folding.fold("Stížnost ŘEŠENÍ ů")).isEqualTo("stiznost reseni u");
    assertThat(Folding.fold("Człowiek, żółć, ŁÓDŹ")).isEqualTo("czlowiek, zolc, lodz");
    assertThat(Folding.fold("Ľúbim ôsmy päť")).isEqualTo("lubim osmy pat");
    assertThat(Folding.fold("Govoriti z človekom")).isEqualTo("govoriti z clovekom");
  }

  @Test
  void wordsAreFoldedRunsOfLettersAndDigits() {
    assertThat(Folding.words("Where's order #48213?!")).containsExactly("where", "s", "order", "48213");
  }

  @Test
  void phraseWordsMatchWholeWordsOrPrefixesWithStar() {
    var pattern = Folding.phrases(List.of("sue", "reklamac*", "legal action*"));

    assertThat(pattern.matcher(Folding.fold("I will sue you")).find()).isTrue();
    assertThat(pattern.matcher(Folding.fold("nice suede shoes")).find()).isFalse();
    assertThat(pattern.matcher(Folding.fold("Chci podat REKLAMACI")).find()).isTrue();
    assertThat(pattern.matcher(Folding.fold("nereklamace")).find()).isFalse();
    assertThat(pattern.matcher(Folding.fold("we will take legal, actions")).find()).isTrue();
    assertThat(pattern.matcher(Folding.fold("legal")).find()).isFalse();
  }

  @Test
  void noPhrasesMatchNothing() {
    assertThat(Folding.phrases(List.of(" ")).matcher("anything").find()).isFalse();
  }
}
