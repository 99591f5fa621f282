package io.deskbridge.mock.zendesk;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

/** Text helpers of the model: tags, enum case, subjects, HTML bodies. Stateless. */
final class Text {
  private Text() {}

  static List<String> distinct(List<String> tags) {
    return new ArrayList<>(new LinkedHashSet<>(tags.stream()
        .map(s -> s.trim().toLowerCase(Locale.ROOT).replace(' ', '_')).filter(s -> !s.isEmpty())
        .toList()));
  }

  static String idOrNull(Long id) {
    return id == null ? null : id.toString();
  }

  static String upper(String s) {
    return s == null ? null : s.toUpperCase(Locale.ROOT);
  }

  static String firstLine(String body, String html) {
    String text = body != null ? body : stripHtml(html);
    String line = text.strip().lines().findFirst().orElse("");
    return line.length() > 80 ? line.substring(0, 80) : line;
  }

  static String escapeHtml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  static String stripHtml(String html) {
    return html.replaceAll("(?i)<br\\s*/?>|</p>", "\n").replaceAll("<[^>]+>", "")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
        .strip();
  }
}
