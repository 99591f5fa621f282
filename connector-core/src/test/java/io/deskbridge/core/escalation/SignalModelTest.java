package io.deskbridge.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The learned escalation signal: the shipped model loads, and what it was trained to do holds on clear lines written
 * for this test in each of the five languages (not taken from any training or held-out file).
 */
class SignalModelTest {

  private static final SignalModel MODEL = SignalModel.bundled();

  @Test
  void theShippedModelLoadsWithAThresholdPerClass() {
    assertThat(MODEL.bits()).isEqualTo(16);
    for (int c = 0; c < SignalModel.CLASSES.size(); c++) {
      assertThat(MODEL.threshold(c)).isBetween(0.1, 1.0);
    }
    assertThat(SignalModel.bundled()).isSameAs(MODEL);
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      human_request | Can I please talk to a real human?
      human_request | Potřebuji mluvit s nějakým vaším pracovníkem.
      human_request | Proszę o połączenie z konsultantem.
      human_request | Chcel by som hovoriť s operátorom.
      human_request | Prosim, povežite me z operaterjem.
      anger         | Jestem wściekły, to najgorsza obsługa na świecie.
      anger         | Som nahnevaná, toto je najhoršia služba.
      sarcasm       | Thanks a lot for nothing, really helpful as always.
      sarcasm       | Díky za nic, skvělá práce jako vždy.
      sarcasm       | Vďaka za nič, skvelá práca ako vždy.
      sarcasm       | Hvala za nič, odlično delo kot vedno.
      """)
  void clearLinesHoldTheirSignal(String code, String text) {
    int c = SignalModel.index(code);
    assertThat(MODEL.holds(c, MODEL.scores(text)[c])).as("%s: %.3f", text, MODEL.scores(text)[c]).isTrue();
  }

  /**
   * Whatever the model's verdict on these (anger without a strongly negative learned word, Polish "dzięki za nic";
   * the bot uses the anger class only far above its threshold and leaves sarcasm to the rules, docs/quality.md,
   * "Eighth round" and "Sixteenth round"), it ranks the line above a plain question in the same language.
   */
  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      anger   | I am so angry, this is the worst service ever.       | Where can I find the invoice for my order?
      anger   | Jsem naštvaný, takhle hrozné jednání jsem nezažil.   | Kde najdu fakturu ke své objednávce?
      anger   | Jezen sem, to je najslabša storitev doslej.          | Kje najdem račun za naročilo?
      sarcasm | Dzięki za nic, świetna robota jak zawsze.            | Gdzie znajdę fakturę do zamówienia?
      """)
  void weakerLinesStillOutscoreAPlainQuestion(String code, String text, String plain) {
    int c = SignalModel.index(code);
    assertThat(MODEL.scores(text)[c]).isGreaterThan(MODEL.scores(plain)[c] + 0.03);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      Where can I find the invoice for my order?
      Kde najdu fakturu ke své objednávce?
      Gdzie znajdę fakturę do zamówienia?
      Kde nájdem faktúru k objednávke?
      Kje najdem račun za naročilo?
      Are you a bot?
      """)
  void plainQuestionsHoldNoSignal(String text) {
    var scores = MODEL.scores(text);
    for (int c = 0; c < scores.length; c++) {
      assertThat(MODEL.holds(c, scores[c])).as("%s: %s %.3f", text, SignalModel.CLASSES.get(c), scores[c]).isFalse();
    }
  }

  @Test
  void foldingMakesDiacriticsAndCaseIrrelevant() {
    assertThat(SignalModel.features("Chcę rozmawiać z CZŁOWIEKIEM", 16))
        .isEqualTo(SignalModel.features("chce rozmawiac z czlowiekiem", 16));
    assertThat(SignalModel.normalize("Your „help“, it's… great!")).isEqualTo(" your \"help\" its great! ");
    assertThat(SignalModel.features("", 16)).isEmpty();
  }

  @Test
  void aFormattedModelParsesBackAndAMalformedOneIsRejected() {
    int bits = 8;
    var weights = new double[3][1 << bits];
    weights[1][SignalModel.features("operator", bits)[0]] = 5;
    var text = SignalModel.format(List.of("test"), bits, new double[] {0.5, 0.6, 0.7}, new double[] {-2, -2, -2},
        weights);
    var model = SignalModel.parse(SignalModel.gunzip(SignalModel.gzip(text)));
    assertThat(model.threshold(2)).isEqualTo(0.7);
    assertThat(model.scores("operator")[1]).isGreaterThan(model.scores("parcel")[1]);

    assertThatThrownBy(() -> SignalModel.parse("format something-else 1\n")).isInstanceOf(
        IllegalArgumentException.class).hasMessageContaining("not a signal model");
    assertThatThrownBy(() -> SignalModel.parse(text.replace("bits 8", "bits 9")))
        .hasMessageContaining("has 256 weights, expected 512");
  }
}
