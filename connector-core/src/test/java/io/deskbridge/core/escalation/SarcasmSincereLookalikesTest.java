package io.deskbridge.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fifteenth round's sincere lookalikes ({@link SincereLookalikes}, checked through {@link
 * SarcasmSignal#supportSarcasm} and {@link SarcasmSignal#isPlainThanks}) in five languages: "again" with a good
 * outcome, a future intent or thanks is no bad situation, "that's all I needed" alone is a sincere close; and the
 * sarcastic lines beside them that must keep matching. Written for this test; none is a line of the held-out sets.
 */
class SarcasmSincereLookalikesTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "brilliant, the printer works again",
      "lovely, the scanner is working again",
      "great, i can sign in again now",
      "wonderful, the blue jacket is available again",
      "amazing shop, i'll definitely buy here again",
      "ok great, i'll get in touch again if needed",
      "excellent, see you again next time",
      "perfect, thanks again",
      "great, that's all i needed to know",
      "paráda, tiskárna zase funguje",
      "super, už se zase můžu přihlásit do účtu",
      "skvělé, ta bunda je znovu skladem",
      "výborný obchod, určitě zase nakoupím",
      "dobře, případně vám znovu napíšu",
      "perfektní, děkuju znovu za pomoc",
      "super, drukarka znowu działa",
      "świetnie, znów mogę się zalogować",
      "ekstra, kurtka jest znowu dostępna",
      "świetny sklep, na pewno znowu kupię",
      "super, następnym razem znowu zamówię u was",
      "paráda, tlačiareň zase funguje",
      "super, znova sa môžem prihlásiť",
      "skvelé, bunda je opäť na sklade",
      "výborný obchod, určite zase nakúpim",
      "dobre, nabudúce vám zase napíšem",
      "super, tiskalnik spet deluje",
      "krasno, prijava spet dela",
      "odlično, jakna je spet na voljo",
      "odlična trgovina, zagotovo bom spet kupila",
      "v redu, naslednjič vam spet pišem"})
  void againWithAGoodOutcomeOrAnIntentIsNotSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "great, the printer stopped working again",
      "wonderful, i can't log in again",
      "perfect, out of stock again",
      "great, nothing works again",
      "fantastic, i'll have to order it again",
      "the parcel went missing again, that's all i needed",
      "great, the refund bounced again, that's all i needed",
      "oh well, that's all i needed this morning",
      "paráda, zase se nemůžu přihlásit",
      "super, zase není skladem",
      "skvělé, zase to nefunguje",
      "výborně, budu to muset objednat znovu",
      "super, znowu nie mogę się zalogować",
      "świetnie, znowu nie ma na stanie",
      "ekstra, znowu nic nie działa",
      "wspaniale, muszę zamówić znowu",
      "paráda, zase sa nemôžem prihlásiť",
      "super, zase nie je na sklade",
      "výborne, zase nič nefunguje",
      "skvelé, budem to musieť objednať znova",
      "super, spet se ne morem prijaviti",
      "odlično, spet ni na zalogi",
      "krasno, spet nič ne deluje",
      "super, spet bom moral naročiti"})
  void againWithANegationNothingOrAnObligationStaysSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"good job, the update fixed it", "awesome, it works again", "lovely, the scanner is working again",
      "great, i can sign in again now", "perfect, thanks again"})
  void sincerePraiseWithAGoodOutcomeIsNotLeftToTheModel(String text) {
    assertThat(SarcasmSignal.isPlainThanks(text)).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"good job, you lost it again", "great, i can't log in again", "nice, out of stock again"})
  void praiseWithRepetitionThatStaysBadIsNotPlainThanks(String text) {
    assertThat(SarcasmSignal.isPlainThanks(text)).as(text).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"wow, nothing broken this time, thanks", "nice job on the packing, nothing was damaged",
      "skvělé, nic nebylo rozbité", "super, nic nie było uszkodzone", "super, nič nebolo poškodené",
      "odlično, nič ni bilo poškodovano"})
  void nothingDamagedIsPlainPraise(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isFalse();
    assertThat(SarcasmSignal.isPlainThanks(text)).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"super, nic nefunguje", "great, the box arrived broken and nothing was inside",
      "super, nic nie działa", "výborne, zase nič nefunguje", "super, spet nič ne deluje"})
  void nothingBeforeAFailureStaysSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isTrue();
  }
}
