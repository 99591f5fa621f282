package io.deskbridge.core.escalation;

/**
 * Sincere lookalikes of support sarcasm, in English, Czech, Polish, Slovak and Slovene (fifteenth round): a word of
 * repetition ("again", "zase", "znowu", "znova", "spet") that tells a good outcome, not a bad situation. {@link
 * SupportSarcasm} counts "again" as a bad situation ("great, the app crashed again"); it is not one when its clause
 * says that something works or is available again ("oh nice, the printer works again", "zase to funguje", "znowu
 * dostępne", "spet deluje"), that the customer can sign in again, that the customer will order, buy, write or come
 * again ("I'll definitely shop here again", "určitě zase nakoupím", "chętnie znowu zamówię", "určite sa zase ozvem",
 * "bom spet kupil"), also "another" beside such an intent ("objednávám další kapsle", "wracam po kolejną karmę";
 * twenty-third round), that it is for next time or if needed ("kdyžtak se zase ozvu"), or when it follows thanks
 * ("thanks again"). A negation, "nothing", or an obligation in the clause keeps it bad ("I can't log in again", "out
 * of stock again", "nothing works again", "I'll have to order again", "zase se nemůžu přihlásit"). Also, damage or
 * loss after "nothing" is no bad situation ("nothing was damaged", "nic nebylo rozbité"; {@link #nothingDamaged}).
 * Stateless and thread-safe.
 */
final class SincereLookalikes {

  private SincereLookalikes() {}

  /** Words of repetition that {@link SupportSarcasm#BAD} counts as a bad situation. */
  private static final WordSet AGAIN = WordSet.of("again", "zase", "znovu", "opět", "znowu", "znów", "znova", "zasa",
      "opäť", "spet", "ponovno");

  /**
   * "Another", counted as a bad situation too; like "again", no bad one beside an intent ("objednávám další kapsle",
   * "wracam po kolejną karmę"; twenty-third round).
   */
  private static final WordSet ANOTHER = WordSet.of("another", "další", "dalších", "kolejn*", "ďalš*");

  /** Words of a good outcome: it works, one can sign in, it is in stock or available. */
  private static final WordSet GOOD_OUTCOME = WordSet.of(
      "work", "works", "working", "worked", "runs", "running", "log", "login", "sign", "stock", "available",
      "funguje", "fungují", "fungujú", "fungoval*", "přihlás*", "prihlás*",
      "skladem", "sklade", "dostupn*",
      "działa", "działają", "zadziałał*", "chodzi", "zaloguj*", "zalogować", "stanie", "dostępn*",
      "dela", "delajo", "deluje", "delujejo", "prijav*", "zalogi", "voljo");

  /** A first-person intent said in one verb: "objednám", "zamówię", "ozvem", "naročim", "zamawiam". */
  private static final WordSet INTENT = WordSet.of(
      "objednám", "objednáme", "objednávám", "nakoupím", "koupím", "ozvu", "ozveme", "napíšu", "přijdu", "doporučím",
      "zamówię", "zamówimy", "zamawiam", "kupię", "odezwę", "napiszę", "przyjdę", "polecę", "skorzystam",
      "objednávam", "kúpim", "nakúpim", "ozvem", "napíšem", "prídem", "odporučím",
      "naročim", "naročam", "kupim", "oglasim", "pridem", "priporočim",
      // twenty-third round: coming back as a customer ("wracam po kolejną karmę")
      "wracam", "wrócę", "vracím", "vrátím", "vraciam", "vrátim", "vračam", "vrnem");

  /** A future or wish before a verb of intent: "I will", "I'll", "bom", "would love to". */
  private static final WordSet FUTURE = WordSet.of("will", "ll", "gonna", "bom", "bomo", "budu", "budem", "będę");

  /** Verbs of intent after {@link #FUTURE}: "I'll order", "bom naročil". */
  private static final WordSet INTENT_VERB = WordSet.of("order", "buy", "shop", "contact", "write", "come",
      "recommend", "use", "naročil*", "kupil*", "oglasil*", "priporočil*", "prišel", "prišla", "objednávat",
      "nakupovat", "zamawiać", "kupować", "objednávať", "nakupovať", "uporabljal*");

  /** For next time, if needed: "kdyžtak", "w razie potrzeby", "nabudúce". */
  private static final WordSet LATER = WordSet.of("needed", "příště", "kdyžtak", "případně", "potrzeby", "następnym",
      "nabudúce", "naslednjič");

  /** Thanks before the word of repetition: "thanks again". */
  private static final WordSet THANKS = WordSet.of("thanks", "thank", "díky", "děkuj*", "dzięki", "dziękuj*",
      "vďaka", "ďakuj*", "hvala");

  /** Words that keep the repetition bad: negation, "nothing", "out" of stock, an obligation. */
  private static final WordSet KEEPS_BAD = WordSet.of(
      "not", "no", "never", "t", "cant", "cannot", "wont", "dont", "didnt", "doesnt", "out", "nothing", "nobody",
      "have", "has", "had", "must", "need",
      "ne", "ni", "nie", "nikdy", "nigdy", "nic", "nič", "nikdo", "nikto", "nikt", "nihče", "není", "nema*",
      "nima*", "nemůž*", "nemoh*", "nemôž*", "nemor*", "nejde", "nejede", "neide", "nefung*", "nedział*",
      "nedela*", "nedeluj*", "nepřihl*", "neprihl*", "muset", "musím", "musel*", "musieť", "muszę", "musiał*",
      "moram", "moral*", "trzeba");

  /** "Nothing", before a word of damage or loss: "nothing was damaged", "nic nebylo rozbité". */
  private static final WordSet NOTHING = WordSet.of("nothing", "nic", "nič", "nicesar", "ničesar");

  /** Words of damage or loss that "nothing" clears; not the Czech and Slovak negated verbs ("nic nefunguje"). */
  private static final WordSet DAMAGE_OR_LOSS = WordSet.of("damaged", "broken", "broke", "lost", "missing", "scratched",
      "cracked", "dented", "faulty", "poškozen*", "rozbit*", "ztracen*", "chyb*", "poškrában*", "uszkodz*", "zepsut*",
      "zgubion*", "brak*", "porysowan*", "poškoden*", "pokazen*", "straten*", "poškriaban*", "poškodovan*",
      "pokvarjen*", "izgubljen*", "razbit*", "opraskan*");

  /**
   * Whether the word at {@code i}, a word of damage or loss, follows "nothing" within three words of its clause
   * ("nice job on the packing, nothing was damaged", "super, nic nie było uszkodzone"): no bad situation.
   */
  static boolean nothingDamaged(Sentence sentence, int i) {
    var words = sentence.words();
    if (!DAMAGE_OR_LOSS.contains(words.get(i))) {
      return false;
    }
    for (int j = i - 1; j >= 0 && i - j <= 3 && sentence.clause(j) == sentence.clause(i); j--) {
      if (NOTHING.contains(words.get(j))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the word at {@code i} of the sentence is a word of repetition that, in its clause, tells a good outcome
   * (see the class comment); such a word is no bad situation.
   */
  static boolean goodRepeat(Sentence sentence, int i) {
    var words = sentence.words();
    if (!AGAIN.contains(words.get(i)) && !ANOTHER.contains(words.get(i))) {
      return false;
    }
    if (i > 0 && THANKS.contains(words.get(i - 1)) || i + 1 < words.size() && THANKS.contains(words.get(i + 1))) {
      return true;
    }
    int clause = sentence.clause(i);
    boolean good = false;
    boolean future = false;
    for (int j = 0; j < words.size(); j++) {
      if (sentence.clause(j) != clause) {
        continue;
      }
      var word = words.get(j);
      if (KEEPS_BAD.contains(word) || (j != i && AGAIN.contains(word))) {
        return false;
      }
      good |= GOOD_OUTCOME.contains(word) || INTENT.contains(word) || LATER.contains(word)
          || (future && INTENT_VERB.contains(word)) || (word.equals("time") && j > 0 && words.get(j - 1).equals("next"));
      future |= FUTURE.contains(word);
    }
    return good;
  }
}
