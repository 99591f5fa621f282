package io.deskbridge.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The twenty-third round's sincere lookalike ({@link SincereLookalikes}): "another" beside an intent to order or to
 * come back is no bad situation after praise; and the sarcastic lines beside it that must keep matching. Also its
 * family of a claim in scare quotes ({@link SarcasmFamilies#quotedClaim}) and the calm quoted options beside it. Written for
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

  @ParameterizedTest
  @ValueSource(strings = {
      "Thanks a lot for the 'urgent' reply that took nine days.",
      "Great, my 'priority' ticket has been waiting for a month.",
      "Díky za „prioritní“ vyřízení, čekám už třetí týden.",
      "Super, wasza „ekspresowa“ przesyłka jedzie tydzień.",
      "Ďakujem za „personalizovanú“ ponuku na vec, ktorú som vrátil.",
      "Hvala za „brezplačno“ nadgradnjo, ki stane 5 evrov na mesec."})
  void aQuotedClaimWithPraiseThanksOrABadSituationIsSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "Thanks, I chose the 'Express' option.",
      "Super, the 'free' returns label came in the box.",
      "Díky, zaškrtl jsem „zdarma“ u dopravy.",
      "Dziękuję, wybrałem „darmową“ dostawę do paczkomatu.",
      "Díky, zaškrtl jsem políčko „prioritní“.",
      "Hvala, izbral sem „brezplačno“ dostavo."})
  void aQuotedOptionOrAQuestionIsNotSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isFalse();
  }
}
