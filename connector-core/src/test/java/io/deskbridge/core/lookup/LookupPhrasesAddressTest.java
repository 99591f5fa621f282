package io.deskbridge.core.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.bot.AddressForm;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lookup's own lines in the other form of address, and back. */
class LookupPhrasesAddressTest {
  private static List<String> phrases(String l) {
    return List.of(LookupPhrases.ask("order_number", l), LookupPhrases.ask("email", l), LookupPhrases.ask("phone", l),
        LookupPhrases.handover(l));
  }

  @Test
  void czechSlovakAndSlovenianHaveTheirInformalFormAndPolishItsFormalOne() {
    for (String l : List.of("cs", "sk", "sl")) {
      for (String phrase : phrases(l)) {
        String informal = AddressForm.INFORMAL.apply(phrase, l);
        assertThat(informal).as(phrase).isNotEqualTo(phrase);
        assertThat(AddressForm.FORMAL.apply(informal, l)).isEqualTo(phrase);
      }
    }
    for (String phrase : phrases("pl")) {
      String formal = AddressForm.FORMAL.apply(phrase, "pl");
      assertThat(formal).as(phrase).isNotEqualTo(phrase);
      assertThat(AddressForm.INFORMAL.apply(formal, "pl")).isEqualTo(phrase);
    }
  }
}
