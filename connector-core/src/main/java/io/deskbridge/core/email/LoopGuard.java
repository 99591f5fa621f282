package io.deskbridge.core.email;

import io.deskbridge.core.conversation.Message;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which e-mails the bot must never answer, so that two automatic senders never answer each other: auto-replies and
 * out-of-office notices, bounces, and mailing lists. From the headers where the vendor exposes them
 * ({@link Message#headers()}), and from the wording, which every vendor gives:
 * <ul>
 *   <li>{@code auto_reply}: {@code Auto-Submitted} other than {@code no} (RFC 3834), {@code X-Autoreply},
 *       {@code X-Autorespond}, {@code Precedence: auto_reply}, or out-of-office wording in English, Czech, Polish, Slovak or Slovene in the subject or the
 *       first lines, when the e-mail asks no question (a customer on holiday who asks something is answered);</li>
 *   <li>{@code bounce}: an empty return path ({@code Return-Path: <>}), a sender {@code mailer-daemon@} or
 *       {@code postmaster@}, or a delivery-failure notice's wording;</li>
 *   <li>{@code mailing_list}: {@code List-Id}, or {@code Precedence: bulk}, {@code list} or {@code junk}.</li>
 * </ul>
 * Stateless and thread-safe.
 */
public final class LoopGuard {

  /** The audit reason for an auto-reply or out-of-office notice. */
  public static final String AUTO_REPLY = "auto_reply";
  /** The audit reason for a bounce (a delivery-failure notice). */
  public static final String BOUNCE = "bounce";
  /** The audit reason for a mailing list's or bulk message. */
  public static final String MAILING_LIST = "mailing_list";

  private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

  /** Out-of-office and auto-reply wording, in the five languages. */
  private static final Pattern OUT_OF_OFFICE = Pattern.compile(String.join("|",
      // English
      "\\bout of (the )?office\\b", "\\bautomatic reply\\b", "\\bauto-?reply\\b", "\\bautoreply\\b",
      "\\bI am (currently )?(away|on (annual |parental |sick )?leave|on vacation|on holiday|out of the office)",
      "\\bI'm (currently )?(away|on (annual |parental |sick )?leave|on vacation|on holiday|out of the office)",
      "\\bI will be (back|out of the office|away)\\b.{0,60}\\b(limited|no|without) access",
      "\\bthis is an automated (response|reply|message)\\b",
      // Czech
      "\\bautomatická odpověď\\b", "\\bnepřítomen v kanceláři\\b", "\\bmimo kancelář\\b",
      "\\b(jsem|budu)\\b.{0,25}?\\b(mimo kancelář|na dovolené|nepřítomn[aá]|na služební cestě|v pracovní neschopnosti)",
      "\\bv době mé nepřítomnosti\\b", "\\btato zpráva byla (vygenerována|odeslána) automaticky\\b",
      // Polish
      "\\bodpowiedź automatyczna\\b", "\\bautomatyczna odpowiedź\\b", "\\bpoza biurem\\b",
      "\\b(jestem|będę)\\b.{0,25}?\\b(na urlopie|poza biurem|nieobecn[ya]|w delegacji|na zwolnieniu)",
      "\\bpodczas mojej nieobecności\\b", "\\bta wiadomość została wygenerowana automatycznie\\b",
      // Slovak
      "\\bautomatická odpoveď\\b", "\\bmimo kancelárie\\b",
      "\\b(som|budem)\\b.{0,25}?\\b(mimo kancelárie|na dovolenke|neprítomn[ýá]|na služobnej ceste|práceneschopn[ýá])",
      "\\bpočas mojej neprítomnosti\\b", "\\btáto správa bola (vygenerovaná|odoslaná) automaticky\\b",
      // Slovene
      "\\bsamodejni odgovor\\b", "\\bavtomatski odgovor\\b", "\\bv času moje odsotnosti\\b",
      "\\b(sem|bom)\\b.{0,25}?\\b(na dopustu|odsoten|odsotna|izven pisarne|na bolniški|na službeni poti)",
      "\\bizven pisarne\\b", "\\bto sporočilo je bilo (samodejno|avtomatsko) (ustvarjeno|poslano)\\b",
      // a notice's own wording beyond "I am on holiday": taking leave, not being in, not answering until
      "\\bčerpám (si )?dovolenou\\b", "\\bnejsem v kanceláři\\b",
      "\\bnie ma mnie w biurze\\b", "\\bprzebywam (na urlopie|poza biurem|w delegacji)\\b",
      "\\bčerpám (si )?dovolenku\\b", "\\bnie som v kancelárii\\b",
      "\\bme ni v pisarni\\b", "\\bne bom (odgovarjal|odgovarjala) na\\b",
      "\\b(on leave|out of (the )?office) until\\b",
      // the subject line of a vacation responder: "Dovolená do 14. 12.", "Urlop do …", "Odsotnost: …"
      "(?m)^(away until|nepřítomnost|nepřítomen|nepřítomna|dovolená do|urlop do|nieobecność|dovolenka do|neprítomnosť"
          + "|odsotnost|dopust do)\\b"), FLAGS);

  /** A redirecting verb right before the Slavic "please" ("kontaktujte prosím kolegu"): then it asks nothing. */
  private static final String REDIRECTED_BEFORE = "(?<!(kontaktujte|kontaktirajte|kontaktujcie|obraťte se|obráťte sa|"
      + "obrnite se|pište|píšte|pišite|piszcie|volejte|volajte|pokličite|dzwońcie|napište|napíšte|napišite|"
      + "počítejte|rátajte|računajte)\\s{1,3})";

  /**
   * A polite request to the company in the customer's own words ("please deliver after Monday", "prosím doručte",
   * "proszę dostarczyć"): a notice's "please" only redirects or informs ("please contact …", "proszę o kontakt",
   * "prosím kontaktujte", "obrnite se na", "please note"), so those verbs after it do not count.
   */
  private static final Pattern ASKS = Pattern.compile(String.join("|",
      "\\b(please|kindly|could you|can you|would you)\\b(?!\\s*,?\\s*(contact|note|be aware|expect|allow|reach|call|"
          + "phone|ring|e-?mail|write|resend|re-send|send (it|your|them|the message|the e-?mail) (again|to)|forward|"
          + "direct|refer|redirect|get in touch|use|try|bear with|be patient|accept|understand|find|see))",
      REDIRECTED_BEFORE + "\\b(prosím|prosíme)\\b(?!\\s*,?\\s*(o (kontakt|strpení|pochopení|trpezlivosť|pochopenie)|kontaktujte|obraťte|"
          + "obráťte|pište|píšte|volejte|volajte|napište|napíšte|počítejte|rátajte|berte|vezměte|zoberte|přepošlete|"
          + "prepošlite|zašlete (ji |ju |ho |zprávu |správu |e-?mail )?znovu|použijte|využijte|kontaktovat|kontaktovať))",
      REDIRECTED_BEFORE + "\\b(proszę|prosimy)\\b(?!\\s*,?\\s*(o (kontakt|cierpliwość|wyrozumiałość)|kontaktować|skontaktować|"
          + "pisać|napisać|dzwonić|zadzwonić|wysłać (ją |go |wiadomość |e-?mail )?ponownie|przesłać|kierować|"
          + "korzystać|spodziewać|mieć na uwadze))",
      REDIRECTED_BEFORE + "\\b(prosim|prosimo)\\b(?!\\s*,?\\s*(kontaktirajte|se obrnite|pišite|pokličite|upoštevajte|računajte|"
          + "za (razumevanje|potrpežljivost)|ponovno pošljite|posredujte|uporabite))"), FLAGS);

  /** Delivery-failure wording (the notices' subjects and first lines). */
  private static final Pattern BOUNCE_WORDING = Pattern.compile(String.join("|",
      "\\bdelivery status notification \\(failure\\)", "\\bundeliver(able|ed) mail\\b",
      "\\bmail delivery (failed|failure|subsystem)\\b", "\\bdelivery has failed\\b",
      "\\byour message (couldn't|could not|wasn't|was not) (be )?delivered\\b",
      "\\bnedoručiteln[áé] zpráv", "\\bzprávu nebylo možné doručit\\b",
      "\\bniedostarczon[ae] wiadomoś", "\\bnie można dostarczyć\\b",
      "\\bnedoručiteľn[áé] správ", "\\bsprávu nebolo možné doručiť\\b",
      "\\bnedostavljiv[oa] sporočil", "\\bsporočila ni bilo mogoče dostaviti\\b",
      // Exchange's non-delivery report (subject "Undeliverable:" and its translations; its first line), other
      // servers' subjects and first lines (Yahoo's "Failure Notice", sendmail's "Returned mail:", Exim, Seznam)
      "(?m)^(undeliverable|nedoručitelné|niedostarczalne|nedoručiteľné|ni mogoče dostaviti|failure notice"
          + "|returned mail|vrácená zpráva|zwrócona wiadomość|vrátená správa|vrnjeno sporočilo)\\s*:",
      "\\b(recipients or groups|příjemcům nebo skupinám|adresatów lub grup|príjemcom alebo skupinám"
          + "|prejemnikom ali skupinam)\\b",
      "\\bcould not be delivered to one or more\\b", "\\bmail delivery software\\b",
      "\\bunable to deliver your message\\b", "\\bzpráva\\b.{0,80}\\bnemohla být doručena\\b"), FLAGS);

  private static final Pattern DAEMON = Pattern.compile("(?i)^(mailer-daemon|postmaster)@.*|.*<(mailer-daemon|postmaster)@[^>]*>.*");

  /** How many of an e-mail's first characters the wording checks read (a notice says so at its top). */
  private static final int HEAD_CHARS = 600;

  private LoopGuard() {}

  /**
   * Why the bot must not answer this message: {@value #AUTO_REPLY}, {@value #BOUNCE} or {@value #MAILING_LIST}; empty
   * when it may.
   *
   * @param message the customer's message (its headers, author id as the sender's address, text)
   * @param subject the conversation's subject (a notice often says so only there); may be empty
   */
  public static Optional<String> reason(Message message, String subject) {
    var autoSubmitted = message.header("Auto-Submitted").map(LoopGuard::lower).orElse("");
    var precedence = message.header("Precedence").map(LoopGuard::lower).orElse("");
    var returnPath = message.header("Return-Path").map(String::strip).orElse(null);
    var from = message.header("From").orElse("");
    if ("<>".equals(returnPath) || DAEMON.matcher(message.authorId().strip()).matches()
        || DAEMON.matcher(from.strip()).matches()) {
      return Optional.of(BOUNCE);
    }
    if (!autoSubmitted.isEmpty() && !autoSubmitted.startsWith("no")) {
      var text = head(subject, message.text());
      return Optional.of(BOUNCE_WORDING.matcher(text).find() ? BOUNCE : AUTO_REPLY);
    }
    if (message.header("X-Autoreply").isPresent() || message.header("X-Autorespond").isPresent()
        || precedence.equals("auto_reply")) {
      return Optional.of(AUTO_REPLY);
    }
    if (message.header("List-Id").isPresent() || precedence.equals("bulk") || precedence.equals("list")
        || precedence.equals("junk")) {
      return Optional.of(MAILING_LIST);
    }
    var text = head(subject, message.text());
    if (BOUNCE_WORDING.matcher(text).find()) {
      return Optional.of(BOUNCE);
    }
    // a notice asks nothing: "I am on holiday, can you move my delivery?" and "I'm away until Monday, please
    // deliver after" are a customer's requests
    var body = head("", message.text());
    if (OUT_OF_OFFICE.matcher(text).find() && !body.contains("?") && !ASKS.matcher(body).find()) {
      return Optional.of(AUTO_REPLY);
    }
    return Optional.empty();
  }

  /** The subject and the start of the text the customer wrote (quoted history cut), on which wording is checked. */
  private static String head(String subject, String text) {
    var own = EmailText.clean(text);
    var start = own.length() > HEAD_CHARS ? own.substring(0, HEAD_CHARS) : own;
    return (subject == null ? "" : subject) + "\n" + start;
  }

  private static String lower(String s) {
    return s.strip().toLowerCase(Locale.ROOT);
  }
}
