package io.deskbridge.app.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One labelled e-mail of the long-e-mail evaluation: a line of {@code emails.jsonl} as {@code datasets emails} writes
 * it ({@link EmailDatasets}), e.g. {@code {"id":"email-cs-bitext-12","kind":"wrapped","template":"cs","style":"plain",
 * "source":["bitext-12"],"subject":"Re: …","from":"jana@example.cz","headers":{…},"text":"Dobrý den,\n\n…",
 * "expect":"answer","articles":["track_order"]}}.
 *
 * @param id       unique within the file
 * @param kind     what the e-mail is
 * @param template the language of the wrapping (greeting, reply header, signature, disclaimer, notice wording):
 *                 {@code en}, {@code cs}, {@code pl}, {@code sk} or {@code sl}; empty for {@link Kind#BARE}
 * @param style    how it is wrapped: {@code plain} ({@code >} lines under a reply header), {@code outlook} (Outlook's
 *                 "From:/Sent:" block), {@code html} (a {@code <blockquote>}); for notices {@code headers} or
 *                 {@code wording} (no header marks it); empty for {@link Kind#BARE}
 * @param source   the Bitext case ids the e-mail carries (two for {@link Kind#MULTI}); empty for notices
 * @param subject  the e-mail's subject; may be empty
 * @param from     the sender's address, as a vendor gives it as the author; may be empty
 * @param headers  the e-mail's headers as a vendor that exposes them gives them; empty when the vendor gives none
 * @param text     the body as the vendor gives it (plain text or HTML)
 * @param expect   what the bot must do
 * @param articles the articles that answer it: one for an answer, two for {@link Kind#MULTI}; else empty
 * @param reason   for {@link Expect#HANDOVER} the handover reason, for {@link Expect#IGNORE} the loop guard's
 *                 ({@code auto_reply}, {@code bounce}, {@code mailing_list}); else empty
 */
record EmailCase(String id, Kind kind, String template, String style, List<String> source, String subject,
    String from, Map<String, String> headers, String text, Expect expect, List<String> articles, String reason) {

  /** What an e-mail is. */
  enum Kind {
    /** A Bitext message alone, decided as the single-message evaluation decides it (web form, no e-mail reading). */
    BARE,
    /** The same message as an e-mail: greeting, quoted history, signature, disclaimer. */
    WRAPPED,
    /** Two Bitext messages of different articles in one wrapped e-mail. */
    MULTI,
    /** An automatic reply (a ticket acknowledgement, a vacation responder) known by its headers. */
    AUTO_REPLY,
    /** An out-of-office notice, with headers or known only by its wording. */
    OUT_OF_OFFICE,
    /** A delivery-failure notice. */
    BOUNCE,
    /** A newsletter or list message. */
    MAILING_LIST;

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** An e-mail no person wrote: the loop guard must ignore it. */
    boolean automated() {
      return this == AUTO_REPLY || this == OUT_OF_OFFICE || this == BOUNCE || this == MAILING_LIST;
    }

    static Kind of(String code) {
      for (var k : values()) {
        if (k.code().equals(code)) {
          return k;
        }
      }
      throw new IllegalArgumentException("'kind' must be one of bare, wrapped, multi, auto_reply, out_of_office, "
          + "bounce, mailing_list, got '" + code + "'");
    }
  }

  /** What the bot must do with an e-mail. */
  enum Expect {
    /** Answer with every article of {@link EmailCase#articles()} (in one reply when there are two). */
    ANSWER,
    /** Hand over, for {@link EmailCase#reason()}. */
    HANDOVER,
    /** Not answer at all: the loop guard's work. */
    IGNORE;

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static Expect of(String code) {
      for (var e : values()) {
        if (e.code().equals(code)) {
          return e;
        }
      }
      throw new IllegalArgumentException("'expect' must be one of answer, handover, ignore, got '" + code + "'");
    }
  }

  static final Set<String> TEMPLATES = Set.of("en", "cs", "pl", "sk", "sl");
  private static final Set<String> KEYS = Set.of("id", "kind", "template", "style", "source", "subject", "from",
      "headers", "text", "expect", "articles", "reason");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** @throws IllegalArgumentException when a field is missing or inconsistent with {@code kind} and {@code expect} */
  EmailCase {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("'id' is required");
    }
    if (kind == null || expect == null) {
      throw new IllegalArgumentException("'kind' and 'expect' are required");
    }
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("'text' is required");
    }
    template = template == null ? "" : template;
    style = style == null ? "" : style;
    subject = subject == null ? "" : subject;
    from = from == null ? "" : from;
    source = List.copyOf(source == null ? List.of() : source);
    headers = Map.copyOf(headers == null ? Map.of() : headers);
    articles = List.copyOf(articles == null ? List.of() : articles);
    reason = reason == null ? "" : reason;
    if (kind != Kind.BARE && !TEMPLATES.contains(template)) {
      throw new IllegalArgumentException("'template' must be one of " + TEMPLATES + ", got '" + template + "'");
    }
    if (kind.automated() != (expect == Expect.IGNORE)) {
      throw new IllegalArgumentException("expect ignore is for automated kinds only, and they must expect it");
    }
    if (expect == Expect.ANSWER && articles.size() != (kind == Kind.MULTI ? 2 : 1)) {
      throw new IllegalArgumentException("'articles' must name " + (kind == Kind.MULTI ? "two articles" : "one article")
          + " for expect answer");
    }
    if (expect != Expect.ANSWER && !articles.isEmpty()) {
      throw new IllegalArgumentException("'articles' is only for expect answer");
    }
    if (expect != Expect.ANSWER && reason.isEmpty()) {
      throw new IllegalArgumentException("'reason' is required for expect " + expect.code());
    }
  }

  /** The case as one JSON line. */
  ObjectNode toJson() {
    var o = JSON.createObjectNode();
    o.put("id", id);
    o.put("kind", kind.code());
    if (!template.isEmpty()) {
      o.put("template", template);
    }
    if (!style.isEmpty()) {
      o.put("style", style);
    }
    if (!source.isEmpty()) {
      source.forEach(o.putArray("source")::add);
    }
    if (!subject.isEmpty()) {
      o.put("subject", subject);
    }
    if (!from.isEmpty()) {
      o.put("from", from);
    }
    if (!headers.isEmpty()) {
      var h = o.putObject("headers");
      new java.util.TreeMap<>(headers).forEach(h::put);
    }
    o.put("text", text);
    o.put("expect", expect.code());
    if (!articles.isEmpty()) {
      articles.forEach(o.putArray("articles")::add);
    }
    if (!reason.isEmpty()) {
      o.put("reason", reason);
    }
    return o;
  }

  /** Whether a cases file holds e-mail cases: its first non-blank line is an object with a {@code kind}. */
  static boolean isEmailCases(Path file) {
    try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
      return lines.filter(l -> !l.isBlank()).findFirst().map(l -> {
        try {
          return JSON.readTree(l.startsWith("\uFEFF") ? l.substring(1) : l).has("kind");
        } catch (JsonProcessingException e) {
          return false;
        }
      }).orElse(false);
    } catch (IOException | UncheckedIOException e) {
      return false; // EvalCase.read reports the file
    }
  }

  /**
   * Reads an e-mail cases file: one JSON object per line, blank lines ignored, ids unique, unknown keys are errors.
   *
   * @throws IllegalArgumentException on a bad line, as {@code file:line: problem}
   * @throws UncheckedIOException     when the file cannot be read
   */
  static List<EmailCase> read(Path file) {
    return CaseLines.read(file, EmailCase::parse, EmailCase::id);
  }

  private static EmailCase parse(JsonNode node) {
    CaseLines.requireObjectWithKeys(node, KEYS);
    var headers = new LinkedHashMap<String, String>();
    node.path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
    var kind = node.path("kind").asText("");
    var expect = node.path("expect").asText("");
    return new EmailCase(node.path("id").asText(null), kind.isEmpty() ? null : Kind.of(kind),
        node.path("template").asText(""), node.path("style").asText(""), strings(node.path("source")),
        node.path("subject").asText(""), node.path("from").asText(""), headers, node.path("text").asText(null),
        expect.isEmpty() ? null : Expect.of(expect), strings(node.path("articles")), node.path("reason").asText(""));
  }

  private static List<String> strings(JsonNode array) {
    var out = new ArrayList<String>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
