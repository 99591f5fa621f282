package io.deskbridge.core.bot;

import io.deskbridge.core.escalation.Decision;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Formal or informal address, a real choice in Czech, Polish, Slovak and Slovenian (issue #15 item 3, the brand's
 * tone), applied to the bot's fixed phrases: its clarifying questions and handover messages, and the lookups' (the
 * articles' own text is the admin's and is never rewritten). The phrases are written formal in Czech, Slovak and
 * Slovenian and informal in Polish; {@link #apply} turns each fixed sentence into the other form, fragment by
 * fragment (Polish formal is the gender-neutral plural "Państwo"). English has one form.
 */
public enum AddressForm {
  FORMAL,
  INFORMAL;

  /** One fixed fragment in both forms. */
  private record Pair(String formal, String informal) {}

  private static final Map<String, List<Pair>> PAIRS = Map.of(
      "cs", List.of(
          new Pair("předávám váš požadavek", "předávám tvůj požadavek"),
          new Pair("Nic nemusíte opakovat.", "Nic nemusíš opakovat."),
          new Pair("Můžete mi prosím napsat trochu víc o tom, co potřebujete?",
              "Můžeš mi prosím napsat trochu víc o tom, co potřebuješ?"),
          new Pair("Můžete mi prosím napsat trochu víc?", "Můžeš mi prosím napsat trochu víc?"),
          new Pair("Jde vám o", "Jde ti o"),
          new Pair("že jsem vám správně porozuměl. Můžete to prosím napsat",
              "že jsem ti správně porozuměl. Můžeš to prosím napsat"),
          new Pair("Myslíte „", "Myslíš „"),
          new Pair("Můžete napsat trochu víc?", "Můžeš napsat trochu víc?"),
          new Pair("Promiňte, nerozuměl jsem. Můžete to napsat jinak?", "Promiň, nerozuměl jsem. Můžeš to napsat jinak?"),
          new Pair("Pošlete mi prosím číslo vaší objednávky?", "Pošli mi prosím číslo tvé objednávky?"),
          new Pair("Pošlete mi prosím e-mailovou adresu, se kterou jste objednávali?",
              "Pošli mi prosím e-mailovou adresu, se kterou jsi objednával(a)?"),
          new Pair("Pošlete mi prosím telefonní číslo, se kterým jste objednávali?",
              "Pošli mi prosím telefonní číslo, se kterým jsi objednával(a)?"),
          new Pair("to pro vás prověří", "to pro tebe prověří")),
      "sk", List.of(
          new Pair("odovzdávam vašu požiadavku", "odovzdávam tvoju požiadavku"),
          new Pair("Nič nemusíte opakovať.", "Nič nemusíš opakovať."),
          new Pair("Môžete mi prosím napísať trochu viac o tom, čo potrebujete?",
              "Môžeš mi prosím napísať trochu viac o tom, čo potrebuješ?"),
          new Pair("Môžete mi prosím napísať trochu viac?", "Môžeš mi prosím napísať trochu viac?"),
          new Pair("Ide vám o", "Ide ti o"),
          new Pair("či som vám správne porozumel. Môžete to prosím napísať",
              "či som ti správne porozumel. Môžeš to prosím napísať"),
          new Pair("Myslíte „", "Myslíš „"),
          new Pair("Môžete napísať trochu viac?", "Môžeš napísať trochu viac?"),
          new Pair("Prepáčte, nerozumel som. Môžete to napísať inak?", "Prepáč, nerozumel som. Môžeš to napísať inak?"),
          new Pair("Pošlete mi, prosím, číslo vašej objednávky?", "Pošli mi, prosím, číslo tvojej objednávky?"),
          new Pair("Pošlete mi, prosím, e-mailovú adresu, s ktorou ste objednávali?",
              "Pošli mi, prosím, e-mailovú adresu, s ktorou si objednával(a)?"),
          new Pair("Pošlete mi, prosím, telefónne číslo, s ktorým ste objednávali?",
              "Pošli mi, prosím, telefónne číslo, s ktorým si objednával(a)?"),
          new Pair("to pre vás preverí", "to pre teba preverí")),
      "sl", List.of(
          new Pair("vašo zahtevo predajam", "tvojo zahtevo predajam"),
          new Pair("Ničesar vam ni treba ponavljati.", "Ničesar ti ni treba ponavljati."),
          new Pair("Mi lahko poveste malo več o tem, kaj potrebujete?", "Mi lahko poveš malo več o tem, kaj potrebuješ?"),
          new Pair("Mi lahko poveste malo več?", "Mi lahko poveš malo več?"),
          new Pair("da sem vas prav razumel. Mi lahko to poveste z drugimi besedami",
              "da sem te prav razumel. Mi lahko to poveš z drugimi besedami"),
          new Pair("Mislite »", "Misliš »"),
          new Pair("Oprostite, nisem razumel. Lahko to poveste drugače?", "Oprosti, nisem razumel. Lahko to poveš drugače?"),
          new Pair("Mi lahko pošljete številko naročila?", "Mi lahko pošlješ številko naročila?"),
          new Pair("Mi lahko pošljete e-poštni naslov, s katerim ste naročili?",
              "Mi lahko pošlješ e-poštni naslov, s katerim si naročil(a)?"),
          new Pair("Mi lahko pošljete telefonsko številko, s katero ste naročili?",
              "Mi lahko pošlješ telefonsko številko, s katero si naročil(a)?")),
      "pl", List.of(
          new Pair("przekazuję Państwa sprawę", "przekazuję Twoją sprawę"),
          new Pair("Nie muszą Państwo niczego powtarzać.", "Nie musisz niczego powtarzać."),
          new Pair("Czy mogą Państwo napisać trochę więcej o tym, czego Państwo potrzebują?",
              "Czy możesz napisać trochę więcej o tym, czego potrzebujesz?"),
          new Pair("Czy mogą Państwo napisać trochę więcej?", "Czy możesz napisać trochę więcej?"),
          new Pair("Czy mogą Państwo napisać to innymi słowami", "Czy możesz napisać to innymi słowami"),
          new Pair("Mogą Państwo napisać trochę więcej?", "Możesz napisać trochę więcej?"),
          new Pair("Mogą Państwo napisać to inaczej?", "Możesz napisać to inaczej?"),
          new Pair("Czy mogą Państwo podać", "Czy możesz podać"),
          new Pair("sprawdzi to dla Państwa", "sprawdzi to dla Ciebie")));

  /** {@code text}, a fixed phrase in {@code language}, with this form of address. */
  public String apply(String text, String language) {
    String out = text;
    for (Pair pair : PAIRS.getOrDefault(language, List.of())) {
      out = this == FORMAL ? out.replace(pair.informal(), pair.formal()) : out.replace(pair.formal(), pair.informal());
    }
    return out;
  }

  /**
   * {@code inner} whose clarifying questions and handover messages use each installation's form of address;
   * {@code inner} itself when no installation sets one. Replies (the articles' text, an LLM's answer) are left as
   * they are. Thread-safe when {@code inner} is.
   *
   * @param forms installation id → its form; installations not named keep the phrases as written
   */
  public static Decider wrap(Decider inner, Map<String, AddressForm> forms) {
    Objects.requireNonNull(inner, "inner");
    if (forms.isEmpty()) {
      return inner;
    }
    var copy = Map.copyOf(forms);
    return input -> {
      Decision decision = inner.decide(input);
      AddressForm form = copy.get(input.conversation().key().installation());
      if (form == null) {
        return decision;
      }
      if (decision instanceof Decision.Clarify c) {
        return new Decision.Clarify(form.apply(c.question(), c.language()), c.language(), c.reasons(), c.scores());
      }
      if (decision instanceof Decision.Handover h) {
        return new Decision.Handover(h.routingGroup(), form.apply(h.customerMessage(), h.summary().language()),
            h.summary(), h.reasons(), h.scores());
      }
      return decision;
    };
  }
}
