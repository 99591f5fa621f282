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
  private static final Map<String, Function<String, String>> PHRASES = Map.of(
      "handover", Phrases::handover,
      "clarify with two topics", language -> Phrases.clarify(language, "Returns", "Delivery"),
      "clarify with one topic", language -> Phrases.clarify(language, "Returns"),
      "clarify without a topic", Phrases::clarify,
      "more", Phrases::more,
      "not in your language", Phrases::notInYourLanguage);

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
    assertThat(Phrases.clarify(language, "Returns", "Delivery")).contains("Returns", "Delivery");
    assertThat(Phrases.clarify(language, "Returns")).contains("Returns");
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
    assertThat(Phrases.handover("de")).isEqualTo(Phrases.handover("en"));
    assertThat(Phrases.notInYourLanguage("hu")).isEqualTo(Phrases.notInYourLanguage("en"));
  }
}
