package io.deskbridge.core.bot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PhrasesTest {

  /** Every customer-facing phrase, by name. */
  private static final Map<String, Function<String, String>> PHRASES = Map.ofEntries(
      Map.entry("handover", language -> Phrases.handover(language, false)),
      Map.entry("clarify with two topics", language -> Phrases.clarify(language, false, "Returns", "Delivery")),
      Map.entry("clarify with one topic", language -> Phrases.clarify(language, false, "Returns")),
      Map.entry("clarify without a topic", language -> Phrases.clarify(language, false)),
      Map.entry("rephrase", language -> Phrases.rephrase(language, false)),
      Map.entry("chat handover", language -> Phrases.handover(language, true)),
      Map.entry("chat clarify with two topics", language -> Phrases.clarify(language, true, "Returns", "Delivery")),
      Map.entry("chat clarify with one topic", language -> Phrases.clarify(language, true, "Returns")),
      Map.entry("chat clarify without a topic", language -> Phrases.clarify(language, true)),
      Map.entry("chat rephrase", language -> Phrases.rephrase(language, true)),
      Map.entry("more", Phrases::more),
      Map.entry("not in your language", Phrases::notInYourLanguage));

  static List<String> translated() {
    return LanguageDetector.SUPPORTED.stream().filter(l -> !l.equals("en")).toList();
  }

  @ParameterizedTest
  @MethodSource("translated")
  void everyPhraseIsTranslatedIntoEverySupportedLanguage(String language) {
    PHRASES.forEach((name, phrase) ->
        assertThat(phrase.apply(language)).as(name + " in " + language)
            .isNotBlank()
            .isNotEqualTo(phrase.apply("en")));
  }

  @ParameterizedTest
  @MethodSource("translated")
  void everyTranslationIsDetectedAsItsOwnLanguage(String language) {
    var detector = new LanguageDetector("en");
    for (var name : List.of("handover", "clarify without a topic", "not in your language")) {
      assertThat(detector.detect(PHRASES.get(name).apply(language))).as(name + " in " + language)
          .isEqualTo(language);
    }
  }

  @ParameterizedTest
  @MethodSource("translated")
  void clarifyingQuestionsNameTheTopics(String language) {
    for (boolean chat : new boolean[] {false, true}) {
      assertThat(Phrases.clarify(language, chat, "Returns", "Delivery")).contains("Returns", "Delivery");
      assertThat(Phrases.clarify(language, chat, "Returns")).contains("Returns");
    }
  }

  @Test
  void chatLinesAreShorterThanTheirTicketLinesInEveryLanguage() {
    for (var language : LanguageDetector.SUPPORTED) {
      assertThat(Phrases.handover(language, true)).as(language).hasSizeLessThan(Phrases.handover(language, false)
          .length()).hasSizeLessThanOrEqualTo(80);
      assertThat(Phrases.clarify(language, true, "Returns", "Delivery")).as(language)
          .hasSizeLessThan(Phrases.clarify(language, false, "Returns", "Delivery").length());
      assertThat(Phrases.clarify(language, true)).as(language).hasSizeLessThan(Phrases.clarify(language, false)
          .length());
      assertThat(Phrases.rephrase(language, true)).as(language).hasSizeLessThan(Phrases.rephrase(language, false)
          .length()).hasSizeLessThanOrEqualTo(80);
    }
  }

  @Test
  void notInYourLanguageNamesTheCustomersLanguage() {
    assertThat(Phrases.notInYourLanguage("cs")).contains("češtině");
    assertThat(Phrases.notInYourLanguage("pl")).contains("po polsku");
    assertThat(Phrases.notInYourLanguage("sk")).contains("slovenčine");
    assertThat(Phrases.notInYourLanguage("sl")).contains("slovenščini");
  }

  @Test
  void otherLanguagesGetEnglish() {
    assertThat(Phrases.handover("de", false)).isEqualTo(Phrases.handover("en", false));
    assertThat(Phrases.handover("de", true)).isEqualTo(Phrases.handover("en", true));
    assertThat(Phrases.notInYourLanguage("hu")).isEqualTo(Phrases.notInYourLanguage("en"));
  }
}
