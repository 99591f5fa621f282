package io.deskbridge.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The nineteenth round's families of support sarcasm ({@link SarcasmFamilies#SITUATIONS} and the mock praise added
 * to {@link SupportSarcasm}), each in five languages, and the sincere lookalikes beside them. Written for this test;
 * none is a line of the held-out sets.
 */
class SarcasmSituationsTest {

  @ParameterizedTest
  @ValueSource(strings = {
      // praise and something else came instead of what was ordered
      "great, instead of the grey sofa a green one arrived",
      "paráda, místo černých bot přišly hnědé",
      "świetnie, zamiast laptopa przyszedł pusty karton",
      "super, namiesto modrej mikiny prišla žltá",
      "super, namesto telefona je prišla prazna škatla",
      // praise, a bill higher and a speed lower
      "wonderful, price up and speed down",
      "paráda, faktura vyšší a rychlost nižší",
      "świetnie, opłata wyższa a prędkość niższa",
      "výborne, faktúra vyššia a rýchlosť nižšia",
      "lepo, račun višji in hitrost nižja",
      // praise and paying for what was cancelled
      "brilliant, still charged for the cancelled membership",
      "výborně, zrušená služba a pořád platím",
      "brawo, pobrali pieniądze za anulowaną usługę",
      "bravo, platím za zrušené predplatné",
      "odlično, zaračunali so mi naročnino, ki je odpovedana",
      // praise and nobody knowing anything
      "superb, nobody knows anything",
      "skvělé, nikdo nic neví",
      "świetnie, nikt nic nie wie",
      "výborne, nikto nič nevie",
      "odlično, nihče nič ne ve",
      // thanks for the great service, beside something bad
      "thanks for the great support, nobody replied in ten days",
      "díky moc za skvělou péči, nikdo se neozval",
      "dzięki za świetną obsługę, nikt nie odpisał",
      "ďakujem za výbornú službu, nikto neodpovedal",
      "hvala lepa za odlično podporo, nihče ni odgovoril",
      // "you really pulled it off", "that's service", krása and rekord, beside something bad
      "you really outdid yourselves, the invoice came twice",
      "to se vám teda povedlo, heslo nefunguje zase",
      "no popisaliście się, paczka znowu zaginęła",
      "to sa vám fakt podarilo, balík opäť meškal",
      "zares ste se izkazali, paket je spet izgubljen",
      "krása, zase mi spadlo spojení",
      "rekord, odpověď po dvanácti dnech"})
  void situationsWithPraiseAreSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      // something else came early, or nothing bad beside praise
      "great, instead of friday it arrived already on tuesday",
      "paráda, místo v pátek to přišlo už ve středu",
      "świetnie, zamiast w piątek paczka przyszła już w środę",
      "super, namiesto v piatok to prišlo už v stredu",
      "super, namesto v petek je paket prišel že v sredo",
      // price lower and speed higher
      "wonderful, price down and speed up",
      "paráda, faktura nižší a rychlost vyšší",
      "świetnie, rachunek niższy a prędkość wyższa",
      "výborne, faktúra nižšia a rýchlosť vyššia",
      "lepo, račun nižji in hitrost višja",
      // no longer paying for what was cancelled
      "great, you refunded the charge for the cancelled plan",
      "super, za zrušený tarif už neplatím, díky",
      "super, za anulowany abonament już nie płacę, dzięki",
      "super, za zrušený program už neplatím, vďaka",
      "super, za odpovedan paket ne plačujem več, hvala",
      // thanks for the great service and nothing bad
      "thanks for the great support, all sorted now",
      "díky moc za skvělou péči, všechno funguje",
      "dziękuję bardzo za świetną obsługę, wszystko działa",
      "ďakujem pekne za skvelú starostlivosť, všetko funguje",
      "hvala lepa za odlično podporo, vse deluje",
      "to se vám teda povedlo, krásná kuchyň",
      "krása, už to jde",
      "rekord, balík byl doma za den"})
  void sincereLookalikesAreNotSarcasm(String text) {
    assertThat(SarcasmSignal.supportSarcasm(text)).as(text).isFalse();
  }
}
