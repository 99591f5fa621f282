package io.deskbridge.core.escalation;

import static io.deskbridge.core.escalation.HumanRequestExclusions.ABOUT_THE_BOT;
import static io.deskbridge.core.escalation.HumanRequestExclusions.OR;
import static io.deskbridge.core.escalation.HumanRequestExclusions.REPORTED;
import static io.deskbridge.core.escalation.HumanRequestExclusions.SOMEONE_ELSE;
import static io.deskbridge.core.escalation.HumanRequestExclusions.THAT;
import static io.deskbridge.core.escalation.HumanRequestPhrases.DEFAULT_PHRASES;
import static io.deskbridge.core.escalation.HumanRequestPhrases.MENTIONS;
import static io.deskbridge.core.escalation.HumanRequestPhrases.NAMED;
import static io.deskbridge.core.escalation.HumanRequestPhrases.TALK;
import static io.deskbridge.core.escalation.HumanRequestPhrases.WANT;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An explicit request to talk to a person, in English, Czech, Polish, Slovak or Slovene, case- and
 * accent-insensitively, sentence by sentence. A sentence asks for a person when it
 *
 * <ul>
 *   <li>has a verb of talking or reaching in a form used to ask ("talk", "talking", "speak with", "contact",
 *       "connect me", "mluvit", "spojte", "porozmawiać z", "prepojte", "govoriti z") followed within four words by
 *       a person ("an operator", "a live agent", "someone", "člověkem", "konsultantem", "operaterjem"), or in
 *       Czech, Polish, Slovak and Slovene also preceded by one ("S operátorem chci mluvit");
 *   <li>has a verb of wanting ("want", "need", "chci", "chcę", "chcem", "želim") followed within three words by an
 *       unambiguous word for a person ("a human", "an operator", "člověka", "człowieka");
 *   <li>contains a set phrase such as "real person", "živý člověk" or "z konsultantem" (configurable per language,
 *       {@link PhraseRule} syntax); or
 *   <li>asks to be put through, transferred, handed over or put in touch ("put me through to someone", "přepojte mě
 *       na konzultanta", "przekażcie mnie koledze", "kontakt na špecialistu", "preusmerite me na svetovalca"), for
 *       someone to call back ("ať mi někdo zavolá", "niech ktoś oddzwoni") or for a person to take over the chat,
 *       the people in any grammatical case, also "one of your" people ("s některým z vašich poradců", "kateremu od
 *       sodelavcev");
 *   <li>asks for a call from a person as a noun ("a phone call from a member of staff", "Poprosím o telefonát od
 *       někoho", "Prosim za klic nekoga"), for someone "to the phone", or to be put through or transferred to a
 *       department ("transfer me to the returns department", "přepojit na oddělení reklamací");
 *   <li>asks for a person to be brought into the chat ("Šlo by sem do chatu dostat člověka?", "Da się tu na czat
 *       ściągnąć człowieka?"), or for a case to be handed over to one ("forward my case to one of your colleagues");
 *   <li>asks in the passive or with a noun ("be put in touch with", "transferred to live support", "połączenie z
 *       działem obsługi", "hovor s pracovníkem"), for someone to call in a "so that" clause ("aby mi zavolal
 *       konzultant"), for a person to deal with it or take over from here, or to be put through to the customer
 *       line or service ("přepojte mě na zákaznickou linku");
 *   <li>asks to be escalated or moved on in colloquial words ("escalate my complaint to a supervisor", "hoďte mě na
 *       kolegu", "przerzućcie mnie do konsultanta"), for someone to give the customer a ring ("ask a technician to
 *       give me a ring", "brnkněte mi", "niech kierownik do mnie przedzwoni"), also at a number ("ať mi někdo zavolá
 *       na číslo …"), for a superior by rank ("Dajcie mi kierownika"), or for a live or real person by other nouns
 *       ("živá pracovnice", "kogoś żywego", "živ uslužbenec");
 *   <li>asks in informal spellings ("put me thru to", "talk w someone"), to be found or passed to a person ("find me
 *       a human", "rád bych byl přepojen na konzultanta"), for a call-back as a noun ("I'd like a callback", "prosím o
 *       zpětné zavolání", "povratni klic"), or whether someone will get in touch ("se mi bo kdo oglasil?");
 *   <li>asks for human help, expects a call from one of the shop's people, wants a person to judge it, names a role
 *       (designer, claims adjuster, shift lead), asks for someone normal or from a department, or whether anyone is
 *       there (the twenty-third round's families, {@link HumanRequestFamilies});
 *   <li>asks whom to sort it out with, for the lady or gentleman dealt with before, for the shop's director or one
 *       of its professionals ("your vet", "vaším právníkem"), for someone to take it on, how to get through to a
 *       person, or whether anyone real is there, unless an "or …" clause names a machine ("Jest tam ktoś prawdziwy,
 *       czy to program?") (the twenty-fourth round's, also {@link HumanRequestFamilies});
 *   <li>asks to be put through to whoever ("connect me w a rep", "přepojte mě na bankéře", "Me lahko povežete z
 *       njo?") or to be called back by whoever ("zavolal by mi náš obchodník", "niech zadzwoni do mnie agent"), not
 *       by the courier nor as a step of a process, or to talk with, get in touch with or meet whoever of the shop
 *       (the twenty-fifth and twenty-sixth rounds', {@link HumanRequestReach});
 *   <li>is a short message of at most three words, not a question, naming one ("Operator, please", "Agent!").
 * </ul>
 *
 * Words of five or more letters in the first two rules also match with a typo ("somneone", "talkiing"). Not a
 * request: a negated one ("I don't need to speak to anyone"), talking in the past ("I was talking to an agent"),
 * a department reached rather than put through to ("when can I reach customer support" is a question the knowledge
 * base answers), someone else's words reported ("The courier said a person will call me", "Kurýr říkal, že mi
 * zavolá člověk"), a colleague of the writer's contacting "you" ("Kolegyně vás bude kontaktovat"), porting a
 * number from another operator, and questions or statements about who the customer is talking to ("are you human?", "am I talking
 * to a real person?", "Jste robot?", "Czy rozmawiam z człowiekiem?", "Sedí za tímhle chatem živý člověk?", "Je na
 * druhé straně skutečný člověk?", "Is this chat run by a person?") in the same clause, unless a verb of wanting asks
 * for a person too ("are you a bot, I want a human"). Immutable and
 * thread-safe.
 */
public final class HumanRequestSignal {

  private final RuleSet phrases;

  /** @param phrases language → set phrases that are a request by themselves (see {@link #defaultPhrases()}) */
  public HumanRequestSignal(Map<String, List<String>> phrases) {
    var rules = new ArrayList<PhraseRule>();
    phrases.values().forEach(list -> list.forEach(entry -> {
      var rule = PhraseRule.parse(entry);
      if (rule != null && !rule.exclusionOnly()) {
        rules.add(rule);
      }
    }));
    this.phrases = new RuleSet(rules);
  }

  /** True when the text asks for a person. */
  public boolean matches(String text) {
    var sentences = Sentence.split(text);
    for (var sentence : sentences) {
      if (!matches(WANT, sentence, Set.of()).isEmpty()) {
        return true;
      }
      var aboutTheBot = notRequests(sentence);
      if (!matches(TALK, sentence, aboutTheBot).isEmpty() || !matches(phrases, sentence, aboutTheBot).isEmpty()
          || !matches(HumanRequestFamilies.ASKED, sentence, aboutTheBot).isEmpty()
          || !matches(HumanRequestFamilies.ASKED_24, sentence, aboutTheBot).isEmpty()
              && !HumanRequestFamilies.elsewhere(sentences, sentence)
          || !orAMachine(sentence) && !matches(HumanRequestFamilies.REAL_THERE, sentence, aboutTheBot).isEmpty()
          || !matches(HumanRequestReach.RULES, sentence, aboutTheBot).isEmpty()) {
        return true;
      }
    }
    if (sentences.size() != 1 || sentences.get(0).words().size() > 3 || text.strip().endsWith("?")) {
      return false;
    }
    var only = sentences.get(0);
    return !matches(NAMED, only, notRequests(only)).isEmpty();
  }

  /**
   * The clauses of the sentence that are no request whatever they name: a question about who the customer is
   * talking to, its "or …" part after a comma ("Jsi chatbot, nebo živý operátor?"), someone else's words reported
   * with the clause they open ("Kurýr říkal, že mi zavolá člověk"), and someone of the customer's
   * own announced to contact the shop ("Můj kolega vás bude kontaktovat zítra", "Jutri se vam oglasi moja
   * sodelavka").
   */
  private static Set<Integer> notRequests(Sentence sentence) {
    var clauses = new HashSet<>(matches(ABOUT_THE_BOT, sentence, Set.of()));
    var words = sentence.words();
    for (int i = 1; i < words.size(); i++) {
      int clause = sentence.clause(i);
      if (clause != sentence.clause(i - 1) && clauses.contains(clause - 1) && OR.contains(words.get(i))) {
        clauses.add(clause);
      }
    }
    clauses.addAll(matches(SOMEONE_ELSE, sentence, Set.of()));
    for (int clause : matches(REPORTED, sentence, Set.of())) {
      clauses.add(clause);
      for (int i = 1; i < words.size(); i++) {
        if (sentence.clause(i - 1) == clause && sentence.clause(i) == clause + 1 && THAT.contains(words.get(i))) {
          clauses.add(clause + 1);
        }
      }
    }
    return clauses;
  }

  /**
   * True when a sentence of the text asks or states who the customer is talking to ("Are you a robot?", "Jste
   * skutečný člověk?", "Czy to jest bot?"): the rules never read such a clause as a request, and a caller combining
   * them with another signal (the learned one, {@link SignalModel}) uses this to keep that signal from reading it as
   * one either; so are the "or …" part of such a question, someone of the customer's own announced to contact the
   * shop ("My colleague will contact you tomorrow") and someone else's words reported ("The courier said a person will
   * call me"). A text the rules take for a request ("are you a bot, I want a human") still is one by {@link
   * #matches}; this says nothing about it.
   */
  public boolean asksAboutTheBot(String text) {
    for (var sentence : Sentence.split(text)) {
      if (!notRequests(sentence).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when a sentence of the text asks or states who the customer is talking to ("Are you a robot?", "Is a
   * person typing this?") and nothing more: unlike {@link #asksAboutTheBot}, not reported words nor someone of the
   * customer's own. A caller uses it to keep a signal trained on other text (the English sarcasm classifier) from
   * reading such a question as irony.
   */
  public boolean questionsTheBot(String text) {
    for (var sentence : Sentence.split(text)) {
      if (!matches(ABOUT_THE_BOT, sentence, Set.of()).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when the text names a person, a service one is put through to, or a verb of talking or connecting in
   * any of the five languages ("agent", "someone", "podpory", "konsultanta", "přepojte", "połączyć"). A request
   * for a person always does; "Můžete mi vystavit doklad s DIČ mé firmy?" does not. A caller combining the rules
   * with the learned signal ({@link SignalModel}) requires it of the model, whose character n-grams can take the
   * mere shape of a polite request for one.
   */
  public boolean mentionsAPerson(String text) {
    for (var sentence : Sentence.split(text)) {
      if (!MENTIONS.matches(sentence).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  /** Whether a clause of the sentence opens with "or" and names a machine ("…, czy to program?"). */
  private static boolean orAMachine(Sentence sentence) {
    var words = sentence.words();
    for (var match : HumanRequestFamilies.MACHINE.matches(sentence)) {
      int clause = sentence.clause(match[1]);
      for (int i = 0; i < words.size(); i++) {
        if (sentence.clause(i) == clause && OR.contains(words.get(i)) && (i == 0 || sentence.clause(i - 1) != clause)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The built-in set phrases per language (en, cs, pl, sk, sl). */
  public static Map<String, List<String>> defaultPhrases() {
    return DEFAULT_PHRASES;
  }

  /**
   * The clauses of the sentence in which one of the rules matches, not negated, outside the clauses given.
   */
  private static Set<Integer> matches(RuleSet rules, Sentence sentence, Set<Integer> skippedClauses) {
    var clauses = new HashSet<Integer>();
    for (var match : rules.matches(sentence)) {
      int clause = sentence.clause(match[1]);
      if (!sentence.negated(match[1]) && !skippedClauses.contains(clause)) {
        clauses.add(clause);
      }
    }
    return clauses;
  }
}
