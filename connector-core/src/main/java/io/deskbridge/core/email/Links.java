package io.deskbridge.core.email;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;

/** The links a message carries. Pure and thread-safe. */
public final class Links {
  private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"'()\\[\\]]+", Pattern.CASE_INSENSITIVE);

  private Links() {}

  /**
   * The absolute http(s) links of a text or an HTML body, each once, in order of appearance: in HTML
   * ({@link EmailText#looksLikeHtml}) the {@code href}s of its anchors, then any other URL written in its text; in
   * plain text every URL, without a trailing full stop, comma, colon, semicolon, question or exclamation mark.
   */
  public static List<String> in(String textOrHtml) {
    if (textOrHtml == null || textOrHtml.isBlank()) {
      return List.of();
    }
    var found = new LinkedHashSet<String>();
    String text = textOrHtml;
    if (EmailText.looksLikeHtml(textOrHtml)) {
      var body = Jsoup.parse(textOrHtml).body();
      for (var a : body.select("a[href]")) {
        String href = a.attr("href").strip();
        if (URL.matcher(href).matches()) {
          found.add(href);
        }
      }
      text = body.text();
    }
    var m = URL.matcher(text);
    while (m.find()) {
      found.add(m.group().replaceAll("[.,:;!?]+$", ""));
    }
    return List.copyOf(new ArrayList<>(found));
  }
}
