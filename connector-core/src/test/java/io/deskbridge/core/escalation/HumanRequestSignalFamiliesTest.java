package io.deskbridge.core.escalation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fourteenth round's families of requests for a person and of lookalikes (docs/quality.md, "Fourteenth round"),
 * each in the five languages and in other words than the held-out set they were found on. The earlier rounds' cases
 * are in {@link HumanRequestSignalTest}.
 */
class HumanRequestSignalFamiliesTest {

  private final HumanRequestSignal signal = new HumanRequestSignal(HumanRequestSignal.defaultPhrases());

  /** Escalating something longer than "this" to a person, and the Slavic verbs of escalating and consulting. */
  @ParameterizedTest
  @ValueSource(strings = {
      "Please escalate my sofa complaint to a supervisor.",
      "Můžete to eskalovat na vedoucího směny?",
      "Proszę eskalować zgłoszenie do kierownika.",
      "Eskalujte to prosím na nadriadeného.",
      "Eskalirajte zadevo na vodjo.",
      "I'd like to consult with a specialist about this.",
      "Potřebuji to zkonzultovat s odborníkem.",
      "Chcę to skonsultować z doradcą.",
      "Potrebujem to skonzultovať s odborníkom.",
      "Želim se konzultirati s strokovnjakom.",
  })
  void escalatingAndConsulting(String text) {
    assertThat(signal.matches(text)).as(text).isTrue();
  }

  /**
   * Someone to give the customer a ring, in colloquial words too, a superior or a specialist to call or get in touch,
   * a call at a number, and the verb before the person in a "so that" clause.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "Could one of your technicians give me a call tomorrow?",
      "Could your manager phone me this week?",
      "Brnkněte mi prosím zpátky.",
      "Ať se mi ozve vedoucí prodejny.",
      "Ať mi někdo zavolá na číslo z objednávky.",
      "Niech specjalista do mnie przedzwoni.",
      "Proszę, żeby odezwał się do mnie kierownik.",
      "Czy specjalista mógłby mi napisać na maila?",
      "Nech mi technik cinkne.",
      "Nech sa mi ozve váš vedúci.",
      "Pokliči me, prosim.",
      "Naj se mi javi vodja izmene.",
      "Prosim, da me pokliče strokovnjak.",
      "Bi me kdo poklical glede tega?",
  })
  void callsFromAPerson(String text) {
    assertThat(signal.matches(text)).as(text).isTrue();
  }

  /** A live or real person by other nouns, a superior by rank, being moved on in colloquial words, the phone. */
  @ParameterizedTest
  @ValueSource(strings = {
      "I need a real employee to help me.",
      "Chci, aby se mi věnovala živá pracovnice.",
      "Dajcie mi kogoś żywego.",
      "Potrebujem skutočného zamestnanca.",
      "Želim nekoga živega na liniji.",
      "Give me your boss.",
      "Dejte mi nadřízeného.",
      "Dajcie mi przełożonego.",
      "Dajte mi šéfa.",
      "Dajte mi nadrejenega.",
      "Can you bump me up to a supervisor?",
      "Přehoďte mě na někoho jiného.",
      "Przerzućcie mnie do konsultanta.",
      "Prehoďte ma na operátora.",
      "Prestavite me na operaterja.",
      "Sežeňte mi k telefonu vedoucího.",
      "Dajte mi na telefon operaterja.",
      "Ali obstaja možnost, da govorim z živim operaterjem?",
      "I need a real person on the other end of the line.",
      "The courier said someone will call. I want to talk to a human.",
  })
  void livePeopleSuperiorsAndBeingMovedOn(String text) {
    assertThat(signal.matches(text)).as(text).isTrue();
  }

  /**
   * Someone else's words reported, and questions about who is on the other side or runs the chat: no request, and
   * told as such to the learned signal's guard ({@link HumanRequestSignal#asksAboutTheBot}).
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "The courier said a person from the depot will ring me.",
      "Kurýr napsal, že mi zavolá někdo z depa.",
      "Kurier mówił, że zadzwoni do mnie pracownik magazynu.",
      "Kuriér povedal, že sa mi ozve niekto zo skladu.",
      "Kurir je rekla, da me bo poklicala oseba iz skladišča.",
      "Is there a real person at the other end?",
      "Sedí na druhé straně skutečný člověk?",
      "Czy po drugiej stronie jest żywy człowiek?",
      "Je na druhej strane živý človek?",
      "Ali je na drugi strani živ človek?",
      "Is this chat staffed by humans?",
      "Je tento chat obsluhován člověkem?",
      "Czy ten czat obsługuje człowiek?",
      "Je tento chat obsluhovaný človekom?",
      "Ali ta klepet upravlja človek?",
  })
  void reportedWordsAndTheOtherSideAreNoRequests(String text) {
    assertThat(signal.matches(text)).as(text).isFalse();
    assertThat(signal.asksAboutTheBot(text)).as(text).isTrue();
  }

  /** Lookalikes of the new families: a mobile operator changed, a courier's call, a payment or a date moved. */
  @ParameterizedTest
  @ValueSource(strings = {
      "Chcę zmienić operatora komórkowego.",
      "Chci změnit operátora, máte SIM?",
      "Chcem zmeniť operátora.",
      "Želim zamenjati operaterja.",
      "Please escalate the delivery issue to the warehouse.",
      "Could the courier give me a call before he comes?",
      "Kurýr mi brnkne, až bude před domem.",
      "Naj me pokliče kurir, ko bo pred vrati.",
      "Przerzućcie mnie na płatność kartą.",
      "Přesuňte mě na pozdější termín doručení.",
      "Napíše mi někdo číslo objednávky?",
      "Dejte mi vědět, až bude vedoucí zpět.",
      "Dajcie mi znać, kiedy wróci kierownik.",
      "A real employee of yours helped me last time.",
      "Czy teraz rozmawiam z człowiekiem?",
      "Ali zdaj govorim s človekom?",
  })
  void lookalikesAreNotRequests(String text) {
    assertThat(signal.matches(text)).as(text).isFalse();
  }

  /** "You" or the customer saying it is no one else's word: the request stays one. */
  @ParameterizedTest
  @ValueSource(strings = {
      "You said a technician would call me back.",
      "Říkali jste, že mi zavolá technik.",
      "Ste rekli, da me bo poklical tehnik, pa me ni.",
  })
  void wordsOfYouOrTheCustomerAreNotReported(String text) {
    assertThat(signal.asksAboutTheBot(text)).as(text).isFalse();
    assertThat(signal.matches(text)).as(text).isTrue();
  }
}
