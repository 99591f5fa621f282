package io.deskbridge.core.escalation;

import static io.deskbridge.core.escalation.HandoverReason.CANCELLATION;
import static io.deskbridge.core.escalation.HandoverReason.COMPLAINT;
import static io.deskbridge.core.escalation.HandoverReason.LEGAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class KeywordSignalTest {

  private final KeywordSignal signal = new KeywordSignal(KeywordSignal.defaults());

  @ParameterizedTest
  @CsvSource(delimiter = '|', textBlock = """
      I want to file a complaint about the courier.          | COMPLAINT
      Chtěl bych podat reklamaci, bota se rozpadla po týdnu. | COMPLAINT
      Podávám stížnost na váš přístup.                       | COMPLAINT
      Chcę złożyć reklamację.                                | COMPLAINT
      To jest skarga na kuriera.                             | COMPLAINT
      Chcem podať sťažnosť.                                  | COMPLAINT
      Vlagam pritožbo.                                       | COMPLAINT
      Please cancel my order 55120 immediately.              | CANCELLATION
      Chci zrušit objednávku.                                | CANCELLATION
      Prosím o storno objednávky.                            | CANCELLATION
      Chcę anulować zamówienie.                              | CANCELLATION
      Rezygnuję z zamówienia.                                | CANCELLATION
      Chcem zrušiť objednávku.                               | CANCELLATION
      Želim preklicati naročilo.                             | CANCELLATION
      I will contact my lawyer.                              | LEGAL
      My attorney will hear about this.                      | LEGAL
      I am going to sue you.                                 | LEGAL
      Obrátím se na právníka.                                | LEGAL
      Dám to k soudu.                                        | LEGAL
      Skontaktuję się z prawnikiem.                          | LEGAL
      Złożę pozew.                                           | LEGAL
      Poslal to na súd.                                      | LEGAL
      Poklical bom odvetnika.                                | LEGAL
      Sledi tožba.                                           | LEGAL
      """)
  void findsCriticalKeywordsInEveryLanguage(String text, HandoverReason reason) {
    assertThat(signal.reasons(text)).containsExactly(reason);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "How can I reset my password?", "Jak dlouho trvá doručení do Brna?", "Děkuji za odpověď.",
      "Nice suede shoes", "Kiedy jesteście otwarci w sobotę?", "Mogę pozwolić sobie na to?",
      "I'm sad the parcel is late.", "Where is my order #48213?"})
  void ordinaryMessagesHaveNone(String text) {
    assertThat(signal.reasons(text)).isEmpty();
  }

  @Test
  void matchesWithoutDiacriticsAndReportsSeveralInOrder() {
    assertThat(signal.reasons("chci zrusit objednavku a podat stiznost, jinak pravnik"))
        .containsExactly(COMPLAINT, CANCELLATION, LEGAL);
  }

  @Test
  void customKeywordsAndUnknownCategory() {
    var custom = new KeywordSignal(Map.of("de", Map.of("legal", List.of("anwalt*"))));
    assertThat(custom.reasons("Mein Anwalt meldet sich")).containsExactly(LEGAL);
    assertThat(custom.reasons("I will sue you")).isEmpty();

    assertThatThrownBy(() -> new KeywordSignal(Map.of("en", Map.of("refund", List.of("x")))))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown keyword category 'refund'");
  }
}
