package io.deskbridge.core.kbsync;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * A help-center article's HTML body as clean text: block elements on their own lines (a blank line between
 * paragraphs), list items as {@code - } or {@code 1. } lines, table rows as cells joined by {@code  | }, line
 * breaks kept, scripts, styles, forms and images left out, whitespace collapsed, and every link kept as
 * {@code text (absolute URL)} (only the URL when the text is the URL; {@code mailto:} and {@code tel:} as written;
 * relative links resolved against the article's own page; {@code javascript:} links dropped). Parsed with jsoup,
 * which accepts any HTML. Stateless and thread-safe.
 */
public final class ArticleHtml {
  private ArticleHtml() {}

  /**
   * The text of {@code html}.
   *
   * @param baseUrl the article's public page, against which relative links are resolved; empty when none
   */
  public static String toText(String html, String baseUrl) {
    if (html == null || html.isBlank()) {
      return "";
    }
    var doc = Jsoup.parseBodyFragment(html, baseUrl == null ? "" : baseUrl);
    doc.select("script, style, noscript, template, form, img, svg, iframe, object, video, audio, head").remove();
    var out = new StringBuilder();
    render(doc.body(), out);
    return tidy(out.toString());
  }

  private static void render(Node node, StringBuilder out) {
    for (var child : node.childNodes()) {
      if (child instanceof TextNode text) {
        appendInline(out, text.getWholeText().replaceAll("\\s+", " "));
      } else if (child instanceof Element e) {
        element(e, out);
      }
    }
  }

  private static void element(Element e, StringBuilder out) {
    switch (e.normalName()) {
      case "br" -> out.append('\n');
      case "a" -> link(e, out);
      case "li" -> {
        newLine(out);
        var parent = e.parent();
        if (parent != null && parent.normalName().equals("ol")) {
          out.append(e.elementSiblingIndex() + 1).append(". ");
        } else {
          out.append("- ");
        }
        render(e, out);
        newLine(out);
      }
      case "tr" -> {
        newLine(out);
        var first = true;
        for (var cell : e.children()) {
          if (!first) {
            out.append(" | ");
          }
          first = false;
          var inner = new StringBuilder();
          render(cell, inner);
          out.append(inner.toString().replace('\n', ' ').strip());
        }
        newLine(out);
      }
      case "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre", "section",
          "article", "header", "footer", "dl", "figure", "hr" -> {
        paragraph(out);
        if (e.normalName().equals("pre")) {
          out.append(e.wholeText().strip());
        } else {
          render(e, out);
        }
        paragraph(out);
      }
      case "dt", "dd", "figcaption", "caption" -> {
        newLine(out);
        render(e, out);
        newLine(out);
      }
      default -> render(e, out);
    }
  }

  private static void link(Element a, StringBuilder out) {
    var inner = new StringBuilder();
    render(a, inner);
    String text = inner.toString().replaceAll("\\s+", " ").strip();
    String href = a.attr("href").strip();
    String url = href.startsWith("mailto:") || href.startsWith("tel:") ? href : a.absUrl("href");
    if (url.isEmpty() && !href.isEmpty() && !href.startsWith("#") && !href.toLowerCase().startsWith("javascript:")) {
      url = href; // relative and no base to resolve it against: as written
    }
    if (url.toLowerCase().startsWith("javascript:") || href.startsWith("#")) {
      url = "";
    }
    if (url.isEmpty()) {
      appendInline(out, text);
    } else if (text.isEmpty() || text.equals(url) || url.equals("mailto:" + text) || url.equals("tel:" + text)) {
      appendInline(out, text.isEmpty() ? url : text);
    } else {
      appendInline(out, text + " (" + url + ")");
    }
  }

  private static void appendInline(StringBuilder out, String text) {
    if (text.isEmpty()) {
      return;
    }
    boolean atLineStart = out.length() == 0 || out.charAt(out.length() - 1) == '\n';
    if (atLineStart) {
      text = text.stripLeading();
    } else if (out.charAt(out.length() - 1) == ' ' && text.startsWith(" ")) {
      text = text.substring(1);
    }
    out.append(text);
  }

  private static void newLine(StringBuilder out) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    }
  }

  private static void paragraph(StringBuilder out) {
    newLine(out);
    if (out.length() > 0 && !(out.length() >= 2 && out.charAt(out.length() - 2) == '\n')) {
      out.append('\n');
    }
  }

  /** Trailing spaces off every line, at most one blank line in a row, none at the ends; non-breaking spaces plain. */
  private static String tidy(String text) {
    var lines = text.replace('\u00a0', ' ').lines().map(String::strip).toList();
    var out = new StringBuilder();
    boolean blank = false;
    for (var line : lines) {
      if (line.isEmpty()) {
        blank = out.length() > 0;
        continue;
      }
      if (blank) {
        out.append('\n');
        blank = false;
      }
      out.append(line).append('\n');
    }
    return out.toString().strip();
  }
}
