package io.deskbridge.core.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class LexicalIndexTest {

  private static final List<String> TEXTS = List.of(
      "Where can I download my invoice?",
      "How do I reset my password?",
      "Kde najdu fakturu za objednávku?",
      "Gdzie znajdę fakturę za zamówienie?",
      "Kde nájdem faktúru k objednávke?",
      "Kje najdem račun za naročilo?");
  private static final List<String> LOCALES = List.of("en", "en", "cs", "pl", "sk", "sl");
  private static final LexicalIndex INDEX = new LexicalIndex(TEXTS, LOCALES);

  @Test
  void eachLanguageIsStemmedAndFoldedSoInflectedWordsWithoutDiacriticsMeet() {
    assertThat(INDEX.analyze("en", "Downloading invoices")).containsExactly("download", "invoic");
    assertThat(INDEX.analyze("cs", "faktura")).isEqualTo(INDEX.analyze("cs", "fakturu"));
    assertThat(INDEX.analyze("cs", "objednávky")).isEqualTo(INDEX.analyze("cs", "objednavky"));
    assertThat(INDEX.analyze("pl", "zamówienie")).isEqualTo(INDEX.analyze("pl", "zamówienia"));
    assertThat(INDEX.analyze("sk", "faktúru")).isEqualTo(INDEX.analyze("sk", "faktury"));
    assertThat(INDEX.analyze("sl", "naročilo naročila")).containsExactly("naroc");
  }

  @Test
  void findsTheTextInItsOwnLanguageWithAScoreLikeASimilarity() {
    var scores = INDEX.scores("faktura k objednavce", null);

    assertThat(argmax(scores)).isEqualTo(2);
    assertThat(scores[2]).isBetween(0.3, 1.5);
    assertThat(INDEX.scores("Where can I download my invoice?", null)[0]).isCloseTo(1.0, within(0.35));
    assertThat(argmax(INDEX.scores("zapomniałem hasła, reset password", null))).isEqualTo(1);
  }

  @Test
  void missingWordsLowerTheScore() {
    double all = INDEX.scores("download invoice", null)[0];
    double half = INDEX.scores("download invoice weather football", null)[0];

    assertThat(half).isPositive().isLessThan(all);
  }

  @Test
  void skippedTextsAreLeftOutAndNothingMatchesNothing() {
    var skip = new boolean[TEXTS.size()];
    skip[0] = true;

    assertThat(INDEX.scores("download invoice", skip)[0]).isZero();
    assertThat(INDEX.scores("xyzzy plugh", null)).containsOnly(0.0);
    assertThat(INDEX.scores("", null)).containsOnly(0.0);
  }

  private static int argmax(double[] values) {
    int best = 0;
    for (int i = 1; i < values.length; i++) {
      if (values[i] > values[best]) {
        best = i;
      }
    }
    return best;
  }
}
