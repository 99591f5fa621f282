package io.deskbridge.core.bot;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.escalation.Decision;
import io.deskbridge.core.escalation.HandoverReason;
import io.deskbridge.core.escalation.HandoverSummary;
import io.deskbridge.core.escalation.Scores;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The bot's fixed phrases in the other form of address, and back; the decorator touches only those phrases. */
class AddressFormTest {

  private static List<String> phrases(String l) {
    var out = new ArrayList<String>();
    for (boolean chat : new boolean[] {false, true}) {
      out.add(Phrases.handover(l, chat));
      out.add(Phrases.clarify(l, chat, "Returns", "Delivery"));
      out.add(Phrases.clarify(l, chat, "Returns"));
      out.add(Phrases.clarify(l, chat));
      out.add(Phrases.rephrase(l, chat));
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"cs", "sk", "sl"})
  void everyFormalPhraseHasItsInformalForm(String language) {
    for (String phrase : phrases(language)) {
      String informal = AddressForm.INFORMAL.apply(phrase, language);
      assertThat(informal).as(phrase).isNotEqualTo(phrase);
      assertThat(AddressForm.FORMAL.apply(informal, language)).as("back").isEqualTo(phrase);
      assertThat(AddressForm.FORMAL.apply(phrase, language)).as("already formal").isEqualTo(phrase);
    }
  }

  @Test
  void everyInformalPolishPhraseHasItsFormalForm() {
    for (String phrase : phrases("pl")) {
      if (phrase.startsWith("Chodzi o")) {
        continue; // "Do you mean …?" has no address in Polish
      }
      String formal = AddressForm.FORMAL.apply(phrase, "pl");
      assertThat(formal).as(phrase).isNotEqualTo(phrase).contains("Państw");
      assertThat(AddressForm.INFORMAL.apply(formal, "pl")).as("back").isEqualTo(phrase);
    }
    assertThat(AddressForm.FORMAL.apply(Phrases.handover("pl", false), "pl"))
        .isEqualTo("Dziękuję, przekazuję Państwa sprawę osobie z naszego zespołu, która zajmie się nią w tej rozmowie. "
            + "Nie muszą Państwo niczego powtarzać.");
  }

  @Test
  void englishHasOneForm() {
    for (String phrase : phrases("en")) {
      assertThat(AddressForm.INFORMAL.apply(phrase, "en")).isEqualTo(phrase);
      assertThat(AddressForm.FORMAL.apply(phrase, "en")).isEqualTo(phrase);
    }
  }

  @Test
  void theDecoratorRewritesTheInstallationsClarificationsAndHandoversButNoAnswer() {
    var input = Inputs.message("Nevím").build();
    String installation = input.conversation().key().installation();
    var clarify = new Decision.Clarify(Phrases.clarify("cs", false), "cs", List.of("low_confidence"), Scores.NONE);
    var handover = new Decision.Handover("", Phrases.handover("cs", true), new HandoverSummary(
        Set.of(HandoverReason.HUMAN_REQUEST), "cs", "neutral", "", List.of(), List.of(), 0.2), List.of("human_request"),
        Scores.NONE);
    var reply = new Decision.Reply("Nic nemusíte opakovat.", "cs", List.of("confident_match"), Scores.NONE);

    assertThat(((Decision.Clarify) AddressForm.wrap(i -> clarify, Map.of(installation, AddressForm.INFORMAL))
        .decide(input)).question()).isEqualTo("Můžeš mi prosím napsat trochu víc o tom, co potřebuješ?");
    assertThat(((Decision.Handover) AddressForm.wrap(i -> handover, Map.of(installation, AddressForm.INFORMAL))
        .decide(input)).customerMessage()).isEqualTo("Díky, tady převezme kolega. Nic nemusíš opakovat.");
    assertThat(AddressForm.wrap(i -> reply, Map.of(installation, AddressForm.INFORMAL)).decide(input))
        .as("an answer is the article's text").isSameAs(reply);
    assertThat(AddressForm.wrap(i -> clarify, Map.of("another-installation", AddressForm.INFORMAL)).decide(input))
        .isSameAs(clarify);
    Decider inner = i -> clarify;
    assertThat(AddressForm.wrap(inner, Map.of())).isSameAs(inner);
  }
}
