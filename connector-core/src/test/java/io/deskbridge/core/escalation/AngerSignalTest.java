package io.deskbridge.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AngerSignalTest {

  private final AngerSignal signal = new AngerSignal();

  @ParameterizedTest
  @ValueSource(strings = {
      "This is the THIRD time my package is late!!! Your service is absolutely terrible and useless.",
      "You are idiots.",
      "WHERE IS MY PARCEL I PAID TWO WEEKS AGO",
      "To je naprosto příšerné a nepoužitelné!",
      "Jste banda debilů.",
      "To jest beznadziejne i żenujące!!",
      "Je to otrasné, hanba!!",
      "To je grozno in nesprejemljivo.",
  })
  void angryMessagesReachTheThreshold(String text) {
    double score = signal.score(text);
    assertThat(signal.isAngry(score)).as("%s: %s", text, score).isTrue();
    assertThat(AngerSignal.tone(score)).isEqualTo("angry");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "How can I reset my password? I can't log in.",
      "The tracking page shows a terrible error.",
      "Thanks!!",
      "I paid 249 EUR by VAT invoice, PDF attached.",
      "Jak dlouho trvá doručení do Brna?",
      "",
  })
  void calmOrMildMessagesStayBelow(String text) {
    assertThat(signal.isAngry(signal.score(text))).as(text).isFalse();
  }

  @Test
  void scoreIsCappedAndTonesAreOrdered() {
    assertThat(signal.score("terrible awful useless horrible idiots!!! WORST")).isEqualTo(1.0);
    assertThat(signal.score("Hello")).isZero();
    assertThat(AngerSignal.tone(0)).isEqualTo("neutral");
    assertThat(AngerSignal.tone(signal.score("That was a terrible experience."))).isEqualTo("frustrated");
  }
}
