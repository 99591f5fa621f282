package io.deskbridge.app.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.app.eval.EmailCase.Expect;
import io.deskbridge.app.eval.EmailCase.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * {@code datasets emails}: long-e-mail cases built from Bitext's held-out split, the same messages as the
 * single-message evaluation ({@link DatasetConverters#bitext}, same seed and share, so {@code kb.jsonl} and {@code
 * cases.jsonl} are written too). Into {@code emails.jsonl} ({@link EmailCase}) go, in this order:
 * <ul>
 *   <li>each held-out message bare ({@link Kind#BARE}), as the single-message evaluation sends it;</li>
 *   <li>each held-out message wrapped in each of the five languages' templates ({@link EmailTemplates}): a greeting,
 *       the message, a closing with a signature or a mobile client's line, a disclaimer (under the signature or, as a
 *       mail gateway adds it, at the very end), and the quoted history: an earlier reply of the support team (another
 *       article's body) with the customer's earlier question under it, as {@code >} lines under a reply header
 *       ({@code plain}), under Outlook's "From:/Sent:" block ({@code outlook}) or as an HTML {@code <blockquote>}
 *       ({@code html}), the style drawn at random; half of them with the headers a mail server adds;</li>
 *   <li>per language, {@value #MULTI_PER_LANGUAGE} e-mails joining two held-out answerable messages of different
 *       articles ({@link Kind#MULTI}), wrapped the same way;</li>
 *   <li>per language, automatic e-mails the loop guard must ignore: out-of-office notices with headers and known only
 *       by their wording, other auto-replies known by their headers ({@code Auto-Submitted}, {@code X-Autoreply},
 *       {@code X-Autorespond}, {@code Precedence}), bounces ({@code Return-Path: <>}, a mailer-daemon or postmaster
 *       sender, Exchange's sender with the wording alone) and newsletters ({@code List-Id}, {@code Precedence}).</li>
 * </ul>
 * Every draw comes from a {@link Random} seeded from the seed and the case, so the same input and seed give the same
 * file. Stateless.
 */
public final class EmailDatasets {

  /** Multi-request e-mails per language. */
  static final int MULTI_PER_LANGUAGE = 100;
  /** Out-of-office notices per language (half with headers, half known only by their wording). */
  static final int OUT_OF_OFFICE_PER_LANGUAGE = 60;
  /** Other auto-replies per language (headers only). */
  static final int AUTO_REPLIES_PER_LANGUAGE = 20;
  /** Bounces per language. */
  static final int BOUNCES_PER_LANGUAGE = 30;
  /** Newsletters per language. */
  static final int LISTS_PER_LANGUAGE = 10;

  static final List<String> LANGUAGES = List.of("en", "cs", "pl", "sk", "sl");
  private static final String SUPPORT = "Shop Support <support@shop.example>";
  private static final ObjectMapper JSON = new ObjectMapper();

  private EmailDatasets() {}

  /**
   * Writes {@code kb.jsonl} and {@code cases.jsonl} as {@code datasets bitext} does with these arguments, then
   * {@code emails.jsonl} from its held-out cases.
   *
   * @return a one-line summary of what was written
   */
  public static String emails(Path in, Path out, long seed, double heldOut) {
    var bitext = DatasetConverters.bitext(in, out, seed, 0, heldOut);
    var cases = EvalCase.read(out.resolve("cases.jsonl"));
    var articles = articles(out.resolve("kb.jsonl"));
    var emails = build(cases, articles, seed);
    try {
      var lines = new ArrayList<String>();
      for (var c : emails) {
        lines.add(JSON.writeValueAsString(c.toJson()));
      }
      Files.write(out.resolve("emails.jsonl"), lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write to " + out, e);
    }
    var byKind = new TreeMap<String, Integer>();
    emails.forEach(c -> byKind.merge(c.kind().code(), 1, Integer::sum));
    return bitext + String.format(Locale.ROOT, "%nwrote %s: %d e-mail cases %s", out.resolve("emails.jsonl"),
        emails.size(), byKind);
  }

  /** Whether a cases file holds e-mail cases ({@code emails.jsonl}) rather than single messages. */
  public static boolean isEmailCases(Path cases) {
    return EmailCase.isEmailCases(cases);
  }

  /** An article of the knowledge base as the wrapping uses it: an earlier reply's body and a customer question. */
  record Article(String id, String title, String body, List<String> questions) {}

  /** The articles of a {@code kb.jsonl}, in file order. */
  static List<Article> articles(Path kb) {
    var out = new ArrayList<Article>();
    try {
      for (var line : Files.readAllLines(kb, StandardCharsets.UTF_8)) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode a = JSON.readTree(line);
        var questions = new ArrayList<String>();
        a.path("questions").forEach(q -> questions.add(q.asText()));
        out.add(new Article(a.path("id").asText(), a.path("title").asText(),
            a.path("body").asText().replace("\r\n", "\n"), questions));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + kb, e);
    }
    if (out.size() < 2) {
      throw new IllegalArgumentException(kb + ": the wrapping quotes another article's reply, so at least 2 articles "
          + "are needed, found " + out.size());
    }
    return out;
  }

  /** The e-mail cases of the held-out cases over these articles; see the class comment. */
  static List<EmailCase> build(List<EvalCase> cases, List<Article> articles, long seed) {
    var out = new ArrayList<EmailCase>();
    for (var c : cases) {
      out.add(new EmailCase("bare-" + c.id(), Kind.BARE, "", "", List.of(c.id()), "", "", Map.of(), c.text(),
          expect(c), articles(c), c.reason()));
    }
    for (var language : LANGUAGES) {
      var t = EmailTemplates.BY_LANGUAGE.get(language);
      for (var c : cases) {
        var random = random(seed, language + "/" + c.id());
        out.add(wrap("email-" + language + "-" + c.id(), Kind.WRAPPED, t, List.of(c), c.text(), articles, random));
      }
    }
    var answerable = cases.stream().filter(c -> c.expect() == EvalCase.Expect.ANSWER).toList();
    for (var language : LANGUAGES) {
      var t = EmailTemplates.BY_LANGUAGE.get(language);
      var shuffled = new ArrayList<>(answerable);
      Collections.shuffle(shuffled, random(seed, "multi/" + language));
      int made = 0;
      for (int i = 0; i + 1 < shuffled.size() && made < MULTI_PER_LANGUAGE; i++) {
        var a = shuffled.get(i);
        var b = shuffled.get(i + 1);
        if (a.article().equals(b.article())) {
          continue;
        }
        i++;
        made++;
        var random = random(seed, "multi/" + language + "/" + made);
        var second = random.nextBoolean() ? b.text() : "Also, " + lowerFirst(b.text());
        out.add(wrap(String.format(Locale.ROOT, "multi-%s-%03d", language, made), Kind.MULTI, t, List.of(a, b),
            a.text() + "\n\n" + second, articles, random));
      }
    }
    for (var language : LANGUAGES) {
      out.addAll(notices(EmailTemplates.BY_LANGUAGE.get(language), articles, seed));
    }
    return out;
  }

  private static Expect expect(EvalCase c) {
    return c.expect() == EvalCase.Expect.ANSWER ? Expect.ANSWER : Expect.HANDOVER;
  }

  private static List<String> articles(EvalCase c) {
    return c.expect() == EvalCase.Expect.ANSWER ? List.of(c.article()) : List.of();
  }

  /** A deterministic random for one draw: the seed mixed with a name. */
  static Random random(long seed, String name) {
    return new Random(seed * 1_000_003L ^ name.hashCode());
  }

  private static <T> T pick(List<T> values, Random random) {
    return values.get(random.nextInt(values.size()));
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private static String fill(String template, Map<String, String> values) {
    var s = template;
    for (var e : values.entrySet()) {
      s = s.replace("{" + e.getKey() + "}", e.getValue());
    }
    return s;
  }

  /** "Jana Nováková" → "jana.novakova@example.cz". */
  static String address(String name, String domain) {
    var ascii = java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD).replaceAll("\\p{M}", "")
        .replace("ł", "l").replace("Ł", "L").toLowerCase(Locale.ROOT).replace(' ', '.');
    return ascii + "@" + domain;
  }

  /** A customer's e-mail: the message(s) wrapped in one language's templates, in a random style. */
  private static EmailCase wrap(String id, Kind kind, EmailTemplates t, List<EvalCase> sources, String message,
      List<Article> articles, Random random) {
    var first = sources.get(0);
    var name = pick(t.names(), random);
    var email = address(name, t.domain());
    var others = articles.stream().filter(a -> sources.stream().noneMatch(s -> s.article().equals(a.id()))).toList();
    // an earlier reply about something else; a knowledge base of the e-mail's articles alone quotes one of them
    var earlier = pick(others.isEmpty() ? articles : others, random);
    var earlierQuestion = earlier.questions().isEmpty() ? earlier.title() : pick(earlier.questions(), random);
    var date = pick(t.dates(), random);
    var subject = t.reply() + earlier.title();
    var style = pick(List.of("plain", "outlook", "html"), random);
    var greeting = random.nextInt(100) < 85 ? pick(t.greetings(), random) : "";
    var signature = signature(t, name, random);
    var disclaimer = random.nextInt(100) < 50 ? pick(t.disclaimers(), random) : "";
    boolean disclaimerAtEnd = random.nextBoolean(); // a mail gateway's, under the quote
    var replyHeader = fill(pick(t.replyHeaders(), random), Map.of("date", date, "from", SUPPORT));
    var nestedHeader = fill(pick(t.replyHeaders(), random), Map.of("date", date, "from",
        name + " <" + email + ">"));
    var own = new StringBuilder();
    if (!greeting.isEmpty()) {
      own.append(greeting).append("\n\n");
    }
    own.append(message).append("\n\n").append(signature);
    if (!disclaimer.isEmpty() && !disclaimerAtEnd) {
      own.append("\n\n").append(disclaimer);
    }
    String text;
    switch (style) {
      case "plain" -> {
        var quote = new StringBuilder(replyHeader).append('\n');
        for (var line : earlier.body().split("\n", -1)) {
          quote.append(line.isBlank() ? ">" : "> " + line).append('\n');
        }
        quote.append(">\n> ").append(nestedHeader).append("\n>> ").append(earlierQuestion).append('\n');
        text = own + "\n\n" + quote;
      }
      case "outlook" -> {
        var labels = t.outlook();
        var block = new StringBuilder();
        if (random.nextBoolean()) {
          block.append("________________________________\n");
        }
        block.append(labels.get(0)).append(": ").append(SUPPORT).append('\n')
            .append(labels.get(1)).append(": ").append(date).append(" 10:14\n")
            .append(labels.get(2)).append(": ").append(name).append(" <").append(email).append(">\n")
            .append(labels.get(3)).append(": ").append(earlier.title()).append("\n\n")
            .append(earlier.body()).append("\n\n").append(earlierQuestion).append('\n');
        text = own + "\n\n" + block;
      }
      default -> text = html(own.toString(), replyHeader, earlier.body(), nestedHeader, earlierQuestion);
    }
    if (!disclaimer.isEmpty() && disclaimerAtEnd) {
      text = style.equals("html") ? text + "<p>" + escape(disclaimer) + "</p>" : text.stripTrailing() + "\n\n"
          + disclaimer;
    }
    var headers = random.nextBoolean() ? customerHeaders(name, email, subject, style, random) : Map.<String, String>of();
    var expect = kind == Kind.MULTI ? Expect.ANSWER : expect(first);
    var expected = kind == Kind.MULTI ? sources.stream().map(EvalCase::article).toList() : articles(first);
    return new EmailCase(id, kind, t.language(), style, sources.stream().map(EvalCase::id).toList(), subject, email,
        headers, text, expect, expected, kind == Kind.MULTI ? "" : first.reason());
  }

  /** A closing with the name and perhaps signature lines, a "-- " signature, or a mobile client's line. */
  private static String signature(EmailTemplates t, String name, Random random) {
    var lines = new ArrayList<String>();
    int kind = random.nextInt(5);
    switch (kind) {
      case 0 -> { // closing, name, signature lines
        lines.add(pick(t.closings(), random));
        lines.add(name);
        var sig = new ArrayList<>(t.signatureLines());
        Collections.shuffle(sig, random);
        lines.addAll(sig.subList(0, 1 + random.nextInt(3)));
      }
      case 1 -> { // closing and name
        lines.add(pick(t.closings(), random));
        lines.add(name);
      }
      case 2 -> { // "-- " and a signature block
        lines.add("-- ");
        lines.add(name);
        lines.add(pick(t.signatureLines(), random));
      }
      case 3 -> { // closing, name, then the phone's line
        lines.add(pick(t.closings(), random));
        lines.add(name.split(" ")[0]);
        lines.add("");
        lines.add(pick(t.sentFrom(), random));
      }
      default -> lines.add(pick(t.sentFrom(), random)); // only the phone's line
    }
    return String.join("\n", lines);
  }

  /** Gmail's HTML: the own text in divs, the history in a blockquote with a nested one. */
  private static String html(String own, String replyHeader, String earlierBody, String nestedHeader,
      String earlierQuestion) {
    var sb = new StringBuilder("<div dir=\"ltr\">");
    for (var paragraph : own.split("\n\n")) {
      sb.append("<div>").append(escape(paragraph).replace("\n", "<br>")).append("</div><div><br></div>");
    }
    sb.append("</div><br><div class=\"gmail_quote\"><div dir=\"ltr\" class=\"gmail_attr\">")
        .append(escape(replyHeader)).append("<br></div><blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px "
            + "0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex\">");
    for (var paragraph : earlierBody.split("\n\\s*\n")) {
      sb.append("<p>").append(escape(paragraph).replace("\n", "<br>")).append("</p>");
    }
    sb.append("<div class=\"gmail_quote\"><div class=\"gmail_attr\">").append(escape(nestedHeader))
        .append("<br></div><blockquote class=\"gmail_quote\"><div>").append(escape(earlierQuestion))
        .append("</div></blockquote></div></blockquote></div>");
    return sb.toString();
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /** The headers a mail server puts on a person's e-mail; now and then {@code Auto-Submitted: no}. */
  private static Map<String, String> customerHeaders(String name, String email, String subject, String style,
      Random random) {
    var h = new LinkedHashMap<String, String>();
    h.put("Return-Path", "<" + email + ">");
    h.put("From", name + " <" + email + ">");
    h.put("To", "support@shop.example");
    h.put("Subject", subject);
    h.put("Date", "Mon, 30 Nov 2026 09:12:44 +0100");
    h.put("Message-ID", "<" + Long.toHexString(random.nextLong() & Long.MAX_VALUE) + "@mail.example>");
    h.put("MIME-Version", "1.0");
    h.put("Content-Type", style.equals("html") ? "text/html; charset=UTF-8" : "text/plain; charset=UTF-8");
    if (random.nextInt(100) < 10) {
      h.put("Auto-Submitted", "no");
    }
    return h;
  }

  /** The automatic e-mails of one language; see the class comment. */
  private static List<EmailCase> notices(EmailTemplates t, List<Article> articles, long seed) {
    var out = new ArrayList<EmailCase>();
    var l = t.language();
    for (int i = 1; i <= OUT_OF_OFFICE_PER_LANGUAGE; i++) {
      var random = random(seed, "ooo/" + l + "/" + i);
      var name = pick(t.names(), random);
      var email = address(name, t.domain());
      var values = values(t, articles, random, email);
      var body = fill(pick(t.outOfOffice(), random), values);
      var subject = fill(pick(t.outOfOfficeSubjects(), random), values);
      boolean headers = i % 2 == 1;
      Map<String, String> h = Map.of();
      if (headers) {
        h = new LinkedHashMap<>(Map.of("From", name + " <" + email + ">", "Return-Path", "<" + email + ">"));
        switch (random.nextInt(4)) {
          case 0 -> h.put("Auto-Submitted", "auto-replied");
          case 1 -> {
            h.put("Auto-Submitted", "auto-generated");
            h.put("X-Auto-Response-Suppress", "All");
          }
          case 2 -> h.put("X-Autoreply", "yes");
          default -> h.put("Precedence", random.nextBoolean() ? "auto_reply" : "bulk");
        }
      }
      var text = random.nextInt(100) < 30 ? "<html><body><div><p>" + escape(body) + "</p></div></body></html>" : body;
      out.add(new EmailCase(String.format(Locale.ROOT, "ooo-%s-%03d", l, i), Kind.OUT_OF_OFFICE, l,
          headers ? "headers" : "wording", List.of(), subject, email, h, text, Expect.IGNORE, List.of(), "auto_reply"));
    }
    for (int i = 1; i <= AUTO_REPLIES_PER_LANGUAGE; i++) {
      var random = random(seed, "auto/" + l + "/" + i);
      var from = "noreply@helpdesk." + t.domain();
      var values = values(t, articles, random, from);
      var h = new LinkedHashMap<String, String>();
      h.put("From", "Helpdesk <" + from + ">");
      h.put("Return-Path", "<" + from + ">");
      switch (i % 4) {
        case 0 -> h.put("Auto-Submitted", "auto-replied");
        case 1 -> h.put("X-Autoreply", "yes");
        case 2 -> h.put("X-Autorespond", "Ticket received");
        default -> h.put("Precedence", "auto_reply");
      }
      out.add(new EmailCase(String.format(Locale.ROOT, "auto-%s-%03d", l, i), Kind.AUTO_REPLY, l, "headers",
          List.of(), t.reply() + values.get("subject"), from, h, fill(pick(t.acknowledgements(), random), values),
          Expect.IGNORE, List.of(), "auto_reply"));
    }
    for (int i = 1; i <= BOUNCES_PER_LANGUAGE; i++) {
      var random = random(seed, "bounce/" + l + "/" + i);
      var subjects = new ArrayList<>(t.bounceSubjects());
      var bodies = new ArrayList<>(t.bounceBodies());
      if (!l.equals("en")) { // servers that answer in English, whatever the recipient's language
        subjects.addAll(EmailTemplates.BY_LANGUAGE.get("en").bounceSubjects());
        bodies.addAll(EmailTemplates.BY_LANGUAGE.get("en").bounceBodies());
      }
      var values = values(t, articles, random, "");
      var body = fill(pick(bodies, random), values) + "\n\n----- Original message -----\nSubject: "
          + values.get("subject") + "\n\n" + values.get("quoted");
      var h = new LinkedHashMap<String, String>();
      String from;
      String style;
      switch (i % 3) {
        case 0 -> { // the whole set of headers
          from = "MAILER-DAEMON@mx1.shop.example";
          h.put("Return-Path", "<>");
          h.put("From", "Mail Delivery System <" + from + ">");
          h.put("Auto-Submitted", "auto-replied");
          style = "headers";
        }
        case 1 -> { // no headers; the sender is the daemon
          from = random.nextBoolean() ? "mailer-daemon@googlemail.com" : "postmaster@" + t.domain();
          style = "sender";
        }
        default -> { // no headers; Exchange's sender, known only by the wording
          from = "MicrosoftExchange329e71ec88ae4615bbc36ab6ce41109e@" + t.domain();
          style = "wording";
        }
      }
      out.add(new EmailCase(String.format(Locale.ROOT, "bounce-%s-%03d", l, i), Kind.BOUNCE, l, style, List.of(),
          fill(pick(subjects, random), values), from, h, body, Expect.IGNORE, List.of(), "bounce"));
    }
    for (int i = 1; i <= LISTS_PER_LANGUAGE; i++) {
      var random = random(seed, "list/" + l + "/" + i);
      var from = "news@news." + t.domain();
      var h = new LinkedHashMap<String, String>();
      h.put("From", "Newsletter <" + from + ">");
      h.put("List-Unsubscribe", "<https://news." + t.domain() + "/unsubscribe>");
      if (i % 2 == 0) {
        h.put("List-Id", "Newsletter <news." + t.domain() + ">");
      } else {
        h.put("Precedence", random.nextBoolean() ? "bulk" : "list");
      }
      out.add(new EmailCase(String.format(Locale.ROOT, "list-%s-%03d", l, i), Kind.MAILING_LIST, l, "headers",
          List.of(), "Newsletter", from, h, pick(t.newsletters(), random), Expect.IGNORE, List.of(), "mailing_list"));
    }
    return out;
  }

  /** The placeholders of a notice: dates, a deputy, addresses, the subject and text of the e-mail it answers. */
  private static Map<String, String> values(EmailTemplates t, List<Article> articles, Random random, String email) {
    var earlier = pick(articles, random);
    var deputy = pick(t.names(), random);
    var values = new LinkedHashMap<String, String>();
    values.put("date2", (14 + random.nextInt(14)) + ". 12. 2026");
    values.put("date", (1 + random.nextInt(12)) + ". 12. 2026");
    values.put("deputy", deputy);
    values.put("email", address(deputy, t.domain()));
    values.put("phone", String.valueOf(100_000 + random.nextInt(900_000)));
    values.put("subject", earlier.title());
    values.put("to", email.isEmpty() ? address(pick(t.names(), random), t.domain()) : email);
    values.put("domain", t.domain());
    values.put("quoted", earlier.body());
    return values;
  }
}
