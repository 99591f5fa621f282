package io.deskbridge.core.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * What a customer's e-mail says, without what it carries along: the quoted history ({@code >} lines,
 * {@code <blockquote>}, the reply header above it in English, Czech, Polish, Slovak and Slovene, Outlook's
 * "From:/Sent:" block in those languages and "-----Original Message-----" lines), the signature ("-- ", "Sent from
 * my …" and its translations, a closing formula with the lines under it) and legal disclaimers. HTML bodies are
 * parsed with jsoup; a {@code <blockquote>} becomes {@code >} lines first, so both kinds of quote are one case.
 *
 * <p>Everything is cut from the first line that starts the history or the signature to the end, as mail clients put
 * them there; a disclaimer paragraph is removed wherever it stands (and everything after it, unless it opens the
 * message, as a gateway's warning does). Text with none of these comes back as it was (stripped). Stateless and
 * thread-safe.
 */
public final class EmailText {

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** A reply header on one line (or on two joined by a space, as Gmail wraps it). */
  private static final Pattern REPLY_HEADER = Pattern.compile(String.join("|",
      "^on\\b.{3,300}\\bwrote\\s*:$", // English
      "^dne\\b.{3,300}\\bnapsal(a|\\(a\\)|/a)?\\s*:$", // Czech ("Dne 3. 12. 2026 v 10:00 Jan Novák napsal(a):")
      "^dne\\b.{3,300}\\bnapisal(a|\\(a\\)|/a)?\\s*:$", // Slovene ("Dne 3. 12. 2026 ob 10:00 je Jan napisal(a):")
      "^w\\s+dniu\\b.{3,300}\\b(napisał(a|\\(a\\)|/a)?|pisze)\\s*:$", // Polish (Thunderbird: "… pisze:")
      "^dňa\\b.{3,300}\\bnapísal(a|\\(a\\)|/a)?\\s*:$", // Slovak
      // "Jan Novák <jan@example.cz> wrote:" (clients that leave the date out)
      "^.{0,200}<[^<>\\s@]+@[^<>\\s]+>\\s*(wrote|napsal(a|\\(a\\)|/a)?|napisał(a|\\(a\\)|/a)?|napísal(a|\\(a\\)|/a)?"
          + "|napisal(a|\\(a\\)|/a)?|pisze)\\s*:$"),
      FLAGS);

  /** A separator line some clients put above the quoted message. */
  private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
      "^-{2,}\\s*(original message|původní zpráva|oryginalna wiadomość|wiadomość oryginalna|pôvodná správa"
          + "|izvirno sporočilo|izvorno sporočilo|originalno sporočilo)\\s*-{2,}$|^_{10,}$", FLAGS);

  /** The first line of Outlook's header block: "From:" and its translations. */
  private static final Pattern OUTLOOK_FROM = Pattern.compile("^\\*?(from|od|von)\\s*:\\*?\\s*\\S.*$", FLAGS);

  /** A later line of that block: "Sent:"/"Date:" and their translations. */
  private static final Pattern OUTLOOK_SENT = Pattern.compile(
      "^\\*?(sent|date|odesláno|datum|wysłano|wysłane|data|odoslané|dátum|poslano|datum)\\s*:\\*?\\s*\\S.*$", FLAGS);

  /** "Sent from my …" and its translations, and the mail apps' own lines. */
  private static final Pattern SENT_FROM = Pattern.compile(String.join("|",
      "^sent from (my|mail for|outlook|yahoo)\\b.*$",
      "^get outlook for (ios|android)\\b.*$",
      "^odesláno z (mého|mobilního|mobilu|iphonu|telefonu|aplikace|pošty)\\b.*$",
      "^(wysłane|wysłano) z (mojego|iphone|telefonu|aplikacji|urządzenia)\\b.*$",
      "^odoslané z (môjho|iphonu|telefónu|mobilu|aplikácie|pošty)\\b.*$",
      "^(poslano|poslana|poslano iz) (iz|z|s) (mojega|moje|iphona|telefona|pametnega)\\b.*$",
      "^poslano iz (mojega|moje|iphona|telefona|pametnega|aplikacije|naprave)\\b.*$"), FLAGS);

  /** A closing formula on a line of its own (with its comma or not). */
  private static final Pattern CLOSING = Pattern.compile("^(" + String.join("|",
      // English
      "best regards", "kind regards", "warm regards", "regards", "best wishes", "best", "cheers", "thanks",
      "thank you", "many thanks", "thanks in advance", "thanks and regards", "sincerely", "yours sincerely",
      "yours faithfully", "yours truly", "all the best", "br",
      // Czech
      "s pozdravem", "se srdečným pozdravem", "s přátelským pozdravem", "s úctou", "děkuji", "děkuji předem",
      "předem děkuji", "díky", "děkuji a zdravím", "zdravím", "pěkný den", "hezký den", "s přáním hezkého dne",
      // Polish
      "pozdrawiam", "pozdrawiam serdecznie", "serdecznie pozdrawiam", "z poważaniem", "z wyrazami szacunku",
      "dziękuję", "dziękuję z góry", "z góry dziękuję", "dzięki", "miłego dnia", "łączę pozdrowienia",
      // Slovak
      "s pozdravom", "so srdečným pozdravom", "s úctou", "ďakujem", "ďakujem vopred", "vopred ďakujem", "vďaka",
      "pekný deň", "zdravím",
      // Slovene
      "lep pozdrav", "lepo pozdravljeni", "lp", "s spoštovanjem", "hvala", "hvala vnaprej", "najlepša hvala",
      "lep dan", "pozdrav")
      + ")\\s*[,.!]?$", FLAGS);

  /**
   * A closing formula followed by a few words ("Thank you very much,", "Thanks in advance for your help",
   * "Děkuji za odpověď", "Z góry dziękuję za pomoc"): a closing only with a name under it or a comma after it.
   */
  private static final Pattern CLOSING_PHRASE = Pattern.compile("^(" + String.join("|",
      "thank you", "thanks", "many thanks", "best regards", "kind regards", "regards", "best wishes",
      "děkuji", "děkuju", "předem děkuji", "s pozdravem", "s přáním",
      "dziękuję", "z góry dziękuję", "pozdrawiam", "z poważaniem",
      "ďakujem", "vopred ďakujem", "s pozdravom", "s úctou",
      "hvala", "najlepša hvala", "lep pozdrav", "lepo pozdravljeni", "s spoštovanjem")
      + ")\\b[^?]{0,50}$", FLAGS);

  /** Phrases only a legal disclaimer uses. */
  private static final Pattern DISCLAIMER = Pattern.compile(String.join("|",
      "intended (solely|only|exclusively) for", "not the intended recipient", "intended recipient",
      "this (e-?mail|message)( and any (attachments?|files))?( transmitted with it)? (is|are|may be) (confidential|privileged|strictly)",
      "confidentiality notice", "legal disclaimer",
      // Czech
      "nejste (zamýšleným )?(příjemcem|adresátem)", "zamýšleným příjemcem", "(je|jsou) (určen[ay]?|určeno) (výhradně|pouze)",
      "(tento|tato) (e-?mail|zpráva).{0,40}(je|jsou|může obsahovat) (důvěrn|chráněn)", "důvěrné informace",
      // Polish
      "nie jesteś (zamierzonym )?(adresatem|odbiorcą)", "zamierzonym (adresatem|odbiorcą)",
      "(jest|są) przeznaczon[aey] wyłącznie", "(ta|niniejsza) wiadomość.{0,40}(jest poufna|zawiera(ć)? informacje poufne|może zawierać informacje poufne)",
      "informacje poufne",
      // Slovak
      "nie ste (zamýšľaným )?(príjemcom|adresátom)", "zamýšľaným príjemcom", "(je|sú) (určen[ýáé]|určené) (výlučne|výhradne|len)",
      "(tento|táto) (e-?mail|správa).{0,40}(je|sú|môže obsahovať) (dôvern|chránen)", "dôverné informácie",
      // Slovene
      "niste (naslovnik|naslovljenec|prejemnik)", "namenjen[oa]? (izključno|samo)",
      "(to|ta) (e-?sporočilo|sporočilo|e-?pošta).{0,40}(je|lahko vsebuje) (zaupn|poslovno skrivnost)",
      "zaupne informacije",
      // "the content of this message is confidential", "if you received it in error", in the five languages
      "(content|contents) of this (e-?mail|message).{0,40}(confidential|privileged)",
      "received (it|this (e-?mail|message)) (in error|by mistake)",
      "obsah (této|tohoto) (zprávy|e-?mailu).{0,40}(důvěrn|chráněn)", "obdrželi omylem",
      "treść (tej|niniejszej) wiadomości.{0,40}(poufn|chronion)", "otrzymali (państwo )?(tę|tą) wiadomość (przez pomyłkę|omyłkowo)",
      "obsah (tejto|tohto) (správy|e-?mailu).{0,40}(dôvern|chránen)", "dostali omylom",
      "vsebina (tega|te) (e-?sporočila|sporočila|e-?pošte).{0,40}(zaupn|poslovna skrivnost)", "prejeli pomotoma"),
      FLAGS);

  /** A line of a signature block: short, no question. */
  private static final int SIGNATURE_LINE = 70;
  /** The most lines a signature under a closing formula has. */
  private static final int SIGNATURE_LINES = 8;

  private EmailText() {}

  /**
   * Whether the text is HTML rather than plain text: it has an element jsoup knows as a structural or text tag.
   */
  public static boolean looksLikeHtml(String text) {
    return text != null && Pattern.compile("(?i)<(html|body|div|p|br|blockquote|span|table|a|b|i|strong|em|font|ul|ol"
        + "|li|h[1-6]|img|meta|head|style)(\\s[^>]*)?/?>").matcher(text).find();
  }

  /**
   * Plain text of an HTML body, parsed with jsoup: divs, list items, table rows and {@code <br>} end lines, a
   * paragraph ends with a blank line, a list item starts with "- ", {@code <blockquote>} content comes back as {@code >} lines (nested quotes
   * as {@code > >}), scripts, styles and comments are dropped, entities decoded, runs of blank lines folded.
   */
  public static String htmlToText(String html) {
    if (html == null || html.isBlank()) {
      return "";
    }
    var body = Jsoup.parse(html).body();
    body.select("script, style, head, title").remove();
    var out = new StringBuilder();
    render(body, out, "");
    var lines = new ArrayList<String>();
    for (var line : out.toString().replace('\u00a0', ' ').split("\n", -1)) {
      lines.add(line.replaceAll("[ \\t]+", " ").strip());
    }
    return String.join("\n", lines).replaceAll("\n{3,}", "\n\n").strip();
  }

  private static void render(Node node, StringBuilder out, String quote) {
    for (var child : node.childNodes()) {
      if (child instanceof TextNode text) {
        var s = text.getWholeText().replaceAll("\\s+", " ");
        if (!s.isBlank() || (out.length() > 0 && out.charAt(out.length() - 1) != '\n')) {
          appendText(out, quote, s);
        }
      } else if (child instanceof Element e) {
        var tag = e.normalName();
        switch (tag) {
          case "br" -> { // a line break even at a line's start: Gmail's <div><br></div> is a blank line
            if (out.length() > 0) {
              out.append('\n');
            }
          }
          case "p" -> { // a paragraph ends with a blank line
            newLine(out, quote);
            render(e, out, quote);
            newLine(out, quote);
            if (out.length() > 0) {
              out.append('\n');
            }
          }
          case "blockquote" -> {
            newLine(out, quote);
            render(e, out, quote + "> ");
            newLine(out, quote);
          }
          case "li" -> {
            newLine(out, quote);
            appendText(out, quote, "- ");
            render(e, out, quote);
            newLine(out, quote);
          }
          case "div", "tr", "ul", "ol", "table", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "section",
              "article", "header", "footer", "address" -> {
            newLine(out, quote);
            render(e, out, quote);
            newLine(out, quote);
          }
          case "td", "th" -> {
            render(e, out, quote);
            appendText(out, quote, " ");
          }
          default -> render(e, out, quote);
        }
      }
    }
  }

  private static void appendText(StringBuilder out, String quote, String s) {
    if (out.length() == 0 || out.charAt(out.length() - 1) == '\n') {
      s = s.stripLeading();
      if (s.isEmpty()) {
        return;
      }
      out.append(quote);
    }
    out.append(s);
  }

  private static void newLine(StringBuilder out, String quote) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    }
  }

  /**
   * What the customer wrote in this e-mail: the body (HTML parsed first, see {@link #looksLikeHtml}) without quoted
   * history, signature and disclaimers. When nothing would be left (an e-mail that is only a quote, say), the body
   * without its {@code >} lines is returned, and if that is blank too, the plain body: never less than nothing the
   * customer could have meant.
   */
  public static String clean(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    var text = looksLikeHtml(body) ? htmlToText(body) : body.replace("\r\n", "\n").replace('\r', '\n').strip();
    var lines = List.of(text.split("\n", -1));
    var kept = new ArrayList<String>();
    for (int i = 0; i < lines.size(); i++) {
      var line = lines.get(i).strip();
      var next = i + 1 < lines.size() ? lines.get(i + 1).strip() : "";
      if (startsHistory(lines, i) || line.equals("--") || lines.get(i).equals("-- ") || SENT_FROM.matcher(line).matches()) {
        break;
      }
      if (!line.isEmpty() && next.length() <= 60 && next.endsWith(":") && !REPLY_HEADER.matcher(next).matches()
          && REPLY_HEADER.matcher(line + " " + next).matches()) {
        break; // a reply header wrapped onto two lines ("… <support@shop.example>" / "wrote:")
      }
      if (line.startsWith(">")) {
        continue;
      }
      kept.add(lines.get(i).stripTrailing());
    }
    var own = new ArrayList<>(List.of(dropDisclaimers(String.join("\n", kept)).split("\n", -1)));
    cutClosing(own); // after the disclaimer went: a closing formula stands above it
    dropGreeting(own);
    var result = String.join("\n", own).replaceAll("\n{3,}", "\n\n").strip();
    if (!result.isBlank()) {
      return result;
    }
    var unquoted = text.lines().filter(l -> !l.strip().startsWith(">")).reduce((a, b) -> a + "\n" + b).orElse("").strip();
    return unquoted.isBlank() ? text : unquoted;
  }

  /** Whether line {@code i} starts the quoted history: a reply header, a separator, or Outlook's header block. */
  private static boolean startsHistory(List<String> lines, int i) {
    var line = lines.get(i).strip();
    if (REPLY_HEADER.matcher(line).matches() || ORIGINAL_MESSAGE.matcher(line).matches()) {
      return true;
    }
    if (OUTLOOK_FROM.matcher(line).matches()) {
      for (int j = i + 1; j < Math.min(lines.size(), i + 4); j++) {
        if (OUTLOOK_SENT.matcher(lines.get(j).strip()).matches()) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * A salutation on a line of its own: a greeting word in one of the five languages, then at most three words (a
   * name, "support team", "Sir or Madam") and a comma or an exclamation mark, or nothing after it at all.
   */
  private static final Pattern GREETING = Pattern.compile("^(" + String.join("|",
      "hello", "hi", "hey", "dear", "good (morning|afternoon|evening|day)", "greetings", "to whom it may concern",
      "dobrý den", "dobrý deň", "dobré ráno", "dobrý večer", "dobrý deň prajem", "zdravím", "zdravíme", "vážen[ýáí]",
      "ahoj", "čau", "dzień dobry", "witam", "witajcie", "szanown[yaie]", "cześć", "dobry wieczór",
      "pozdravljeni", "spoštovan[iae]", "dober dan", "dobro jutro", "živjo", "zdravo", "lep pozdrav")
      + ")(\\s*[,!.:]?\\s*$|([\\s,]+[\\p{L}\\p{M}.'-]+){1,3}\\s*[,!:]\\s*$)", FLAGS);

  /** Drops the first line when it is only a salutation ({@link #GREETING}) and something follows it. */
  private static void dropGreeting(List<String> own) {
    for (int i = 0; i < own.size(); i++) {
      var line = own.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      if (GREETING.matcher(line).matches() && own.subList(i + 1, own.size()).stream().anyMatch(l -> !l.isBlank())) {
        own.remove(i);
      }
      return;
    }
  }

  /**
   * Cuts a closing formula and the signature under it: the last line that is a closing formula, when at most
   * {@value #SIGNATURE_LINES} short lines without a question follow it.
   */
  private static void cutClosing(List<String> kept) {
    for (int i = kept.size() - 1; i >= 0 && i >= kept.size() - 1 - SIGNATURE_LINES; i--) {
      var line = kept.get(i).strip();
      boolean signed = kept.subList(i + 1, kept.size()).stream().anyMatch(l -> !l.isBlank());
      if ((CLOSING.matcher(line).matches() || (signed || line.endsWith(",")) && CLOSING_PHRASE.matcher(line).matches())
          && i > 0) {
        kept.subList(i, kept.size()).clear();
        return;
      }
      if (line.length() > SIGNATURE_LINE || line.contains("?")) {
        return;
      }
    }
  }

  /**
   * Removes each paragraph that reads like a legal disclaimer; one after the first paragraph takes everything after
   * it along (a disclaimer ends a message; what follows it is the mail system's).
   */
  private static String dropDisclaimers(String text) {
    var paragraphs = text.split("\n\\s*\n");
    var kept = new ArrayList<String>();
    for (int i = 0; i < paragraphs.length; i++) {
      if (DISCLAIMER.matcher(paragraphs[i].replaceAll("\\s+", " ")).find()) {
        if (i == 0) {
          continue;
        }
        break;
      }
      kept.add(paragraphs[i]);
    }
    return String.join("\n\n", kept);
  }

  /** A sentence that asks: a question mark, or an ask's opening words, in the five languages. */
  private static final Pattern ASK = Pattern.compile("\\?|^(" + String.join("|",
      "please", "pls", "can you", "could you", "would you", "will you", "i need", "i would like", "i'd like",
      "i want", "i wish", "kindly", "help me", "let me know", "tell me",
      "prosím", "prosil bych", "prosila bych", "potřebuji", "potřeboval bych", "chtěl bych", "chtěla bych",
      "chci", "můžete", "mohli byste", "dejte mi vědět", "sdělte mi", "pomozte mi",
      "proszę", "prosiłbym", "prosiłabym", "potrzebuję", "chciałbym", "chciałabym", "chcę", "czy możecie",
      "czy mogą państwo", "dajcie znać", "pomóżcie",
      "prosím vás", "potrebujem", "potreboval by som", "chcel by som", "chcela by som", "chcem", "môžete",
      "mohli by ste", "dajte mi vedieť", "pomôžte mi",
      "prosim", "potrebujem", "rad bi", "rada bi", "želim", "ali lahko", "lahko", "sporočite mi", "pomagajte mi")
      + ")\\b", FLAGS);

  /**
   * How a paragraph that asks without a question mark opens, in e-mails that write each request as a paragraph
   * ("track order 123", "i have to check the fee", "jak změním adresu"): a question word, a need, wish or problem
   * ("I need", "I can't", "I have a problem"), "help"/"assistance", or an imperative verb, perhaps after "also"/"and"
   * and their translations. Read only at the start of a paragraph that asks nothing else: inside a paragraph such
   * words often continue the sentence before, and "I forgot my password. How do I reset it?" is one request.
   */
  private static final Pattern OPENING = Pattern.compile("^((also|and|plus|besides|additionally|a ještě|ještě|také"
      + "|a také|a|i|oraz|jeszcze|a ešte|ešte|tiež|in|še|tudi)[,:]?\\s+)?(" + String.join("|",
      "i('m| am)? ?(have to|have got to|'ve got to|got to|need|want|wanna|would like|'d like|would need|am trying"
          + "|'m trying|trying|can't|cant|cannot|can not|don't know|dont know|do not know|must|should|am looking"
          + "|'m looking|looking|wish|expect|am waiting|'m waiting|waiting|have an? (problem|issue|question)"
          + "|have (problems|issues|questions)|am unable|'m unable|unable|am having|'m having|forgot|lost)",
      "im (trying|looking|having|unable|waiting)", "help", "assistance", "assist", "need", "want", "wanna",
      "how", "where", "what", "whats", "what's", "when", "which", "who", "why", "is there", "are there", "can i",
      "could i", "may i", "can u", "is it possible", "do you", "does", "show", "tell", "give", "send", "check",
      "checking", "see", "view", "edit", "editing", "change", "changing", "modify", "modifying", "update", "updating",
      "correct", "correcting", "fix", "remove", "removing", "delete", "deleting", "add", "adding", "switch",
      "switching", "reset", "recover", "retrieve", "get", "getting", "open", "opening", "create", "creating",
      "register", "sign up", "subscribe", "unsubscribe", "report", "reporting", "download", "request", "submit",
      "find", "list", "inform", "notify", "claim", "file", "lodge", "pay", "return", "exchange", "swap", "place",
      "buy", "purchase", "contact", "speak", "talk", "call", "restore", "close", "activate", "reactivate", "book",
      "transfer", "track", "tracking", "cancel", "cancelling", "canceling", "set up", "setting up", "problem",
      "problems", "issue", "issues", "trouble", "troubles",
      "jak", "kde", "kdy", "proč", "který", "která", "které", "jaký", "jaká", "jaké", "lze", "je možné", "mohu",
      "můžu", "nemohu", "nemůžu", "nevím", "pošlete", "zrušte", "změňte", "zkontrolujte", "chtěl", "chtěla",
      "gdzie", "kiedy", "dlaczego", "który", "która", "które", "jaki", "jaka", "jakie", "czy", "mogę", "nie mogę",
      "nie wiem", "proszę", "chciałbym", "chciałabym",
      "ako", "kedy", "prečo", "ktorý", "ktorá", "ktoré", "aký", "aká", "aké", "je možné", "môžem", "nemôžem",
      "neviem", "pošlite", "zrušte", "zmeňte", "chcel", "chcela",
      "kako", "kje", "kdaj", "zakaj", "kateri", "katera", "katero", "ali", "lahko", "ne morem", "ne vem",
      "je mogoče", "pošljite", "prekličite", "spremenite", "želel", "želela")
      + ")\\b", FLAGS);

  /**
   * The distinct requests in a cleaned e-mail ({@link #clean}): each is a sentence that asks (a question, or an ask
   * such as "please …", "prosím …", "proszę …") with the sentences before it since the previous request, and the
   * statements after the last ask in its paragraph; a paragraph that asks nothing but opens as a request does
   * ({@link #OPENING}: "track order 123", "i have to check the fee") is one request too. A text with no ask is one
   * request. Oldest first; never empty for a text that is not blank.
   */
  public static List<String> requests(String cleaned) {
    var requests = new ArrayList<String>();
    if (cleaned == null || cleaned.isBlank()) {
      return requests;
    }
    var carry = new StringBuilder(); // statements not yet part of a request
    for (var paragraph : cleaned.strip().split("\n\\s*\n")) {
      int before = requests.size();
      var sentences = sentences(paragraph);
      // a paragraph that asks nothing but opens as a request does is one request, with the context carried to it
      boolean opens = !sentences.isEmpty() && sentences.stream().noneMatch(x -> ASK.matcher(x).find())
          && OPENING.matcher(sentences.get(0)).find();
      for (int k = 0; k < sentences.size(); k++) {
        var sentence = sentences.get(k);
        join(carry, sentence);
        if (ASK.matcher(sentence).find() || opens && k == sentences.size() - 1) {
          requests.add(carry.toString());
          carry.setLength(0);
        }
      }
      if (carry.length() > 0 && requests.size() > before) { // statements after the paragraph's last ask
        requests.set(requests.size() - 1, requests.get(requests.size() - 1) + " " + carry);
        carry.setLength(0);
      }
    }
    if (carry.length() > 0) {
      if (requests.isEmpty()) {
        requests.add(carry.toString());
      } else {
        requests.set(requests.size() - 1, requests.get(requests.size() - 1) + " " + carry);
      }
    }
    return requests;
  }

  private static void join(StringBuilder sb, String sentence) {
    if (sb.length() > 0) {
      sb.append(' ');
    }
    sb.append(sentence);
  }

  /** A sentence that ends with a title, an abbreviation or an initial rather than a full stop. */
  private static final Pattern ABBREVIATION = Pattern.compile("(^|\\s)(" + String.join("|",
      "mr", "mrs", "ms", "dr", "prof", "st", "no", "nr", "vs", "etc", "e\\.g", "i\\.e", "approx", "ing", "mgr",
      "č", "tj", "např", "pí", "p", "np", "tzn", "ul", "napr", "npr", "št", "g", "ga", "(?-i:\\p{Lu})")
      + ")\\.$", FLAGS);

  /**
   * The sentences of a paragraph: its lines joined (plain-text mail wraps sentences), split at sentence ends but not
   * after a title, an abbreviation or an initial ("Mr. Jones", "č. 123"); a list item ("- …", "1. …") is a sentence of
   * its own.
   */
  private static List<String> sentences(String paragraph) {
    var out = new ArrayList<String>();
    var joined = paragraph.strip().replaceAll("\\s*\\n\\s*(?=([-*•]|\\d{1,2}[.)])\\s)", "\u0000")
        .replaceAll("(?<=[?!.:])\\s*\\n\\s*", "\u0000").replace('\n', ' ');
    for (var part : joined.split("\u0000")) {
      var line = part.replaceAll("\\s+", " ");
      var breaker = java.text.BreakIterator.getSentenceInstance(java.util.Locale.ROOT);
      breaker.setText(line);
      for (int start = breaker.first(), end = breaker.next(); end != java.text.BreakIterator.DONE;
          start = end, end = breaker.next()) {
        var sentence = line.substring(start, end).strip();
        if (sentence.isEmpty()) {
          continue;
        }
        if (!out.isEmpty() && ABBREVIATION.matcher(out.get(out.size() - 1)).find()) {
          out.set(out.size() - 1, out.get(out.size() - 1) + " " + sentence); // "Mr. Jones", "č. 123", "J. Smith"
        } else {
          out.add(sentence);
        }
      }
    }
    return out;
  }
}
