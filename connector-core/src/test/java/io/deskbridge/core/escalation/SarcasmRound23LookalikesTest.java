package io.deskbridge.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The twenty-third round's sincere lookalike ({@link SincereLookalikes}): "another" beside an intent to order or to
 * come back is no bad situation after praise; and the sarcastic lines beside it that must keep matching. Written for
 * this test; none is a line of a held-out set.
 */
class SarcasmRound23LookalikesTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "Last time great service, so I'm ordering another set of filters",
      "Minule výborný servis, takže objednávám další balení",
      "Posledním razem świetnie, więc zamawiam kolejną paczkę kawy",
      "Ostatnio super obsługa, wracam po kolejne buty",
      "Minule skvelá obsluha, objednávam ďalšie kapsuly",
      "Super izkušnja, vračam se in spet naročam"})
  void anotherWithAnIntentIsNotSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "great, another delay on my order",
      "skvělé, další zpoždění",
      "świetnie, kolejne opóźnienie",
      "super, ďalšie meškanie"})
  void anotherBadSituationStaysSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isTrue();
  }
}
