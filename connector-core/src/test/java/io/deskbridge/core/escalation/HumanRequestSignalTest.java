package io.deskbridge.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HumanRequestSignalTest {

  private final HumanRequestSignal signal = new HumanRequestSignal(HumanRequestSignal.defaultPhrases());

  @ParameterizedTest
  @ValueSource(strings = {
      "I want to talk to a real person, please.",
      "Can I speak to a human?",
      "Let me talk to someone from your team.",
      "Connect me with an agent",
      "I need a human",
      "Operator, please",
      "HUMAN!",
      "Chci mluvit s operátorem.",
      "chci mluvit s clovekem",
      "Můžu mluvit s živým člověkem?",
      "Chci člověka, ne robota.",
      "S operátorem chci mluvit, prosím.",
      "Chcę rozmawiać z człowiekiem.",
      "Proszę o rozmowę z konsultantem.",
      "Połączcie mnie z konsultantem",
      "Chcem hovoriť s človekom.",
      "Prepojte ma s operátorom.",
      "Želim govoriti z operaterjem.",
      "Lahko govorim s človekom?",
  })
  void recognisesRequestsForAPerson(String text) {
    assertThat(signal.matches(text)).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "How can I reset my password? I can't log in.",
      "I talked to someone yesterday about the invoice.",
      "Where is my order #48213?",
      "Are you a human?",
      "Člověk by čekal, že balík přijde včas.",
      "Chci vědět, proč člověk musí tak dlouho čekat.",
      "Człowiek nie wie, co robić.",
      "Jak dlouho trvá doručení do Brna?",
  })
  void ignoresOtherMessages(String text) {
    assertThat(signal.matches(text)).as(text).isFalse();
  }

  @Test
  void configuredPhrasesAreMatchedToo() {
    var custom = new HumanRequestSignal(Map.of("de", List.of("mit einem menschen")));

    assertThat(custom.matches("Ich möchte mit einem Menschen sprechen")).isTrue();
    assertThat(custom.matches("I want to talk to a human")).isTrue();
  }
}
