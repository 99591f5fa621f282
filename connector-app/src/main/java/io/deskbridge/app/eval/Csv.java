package io.deskbridge.app.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A reader of RFC 4180 CSV: comma-separated, fields optionally in double quotes, a quote inside quotes doubled,
 * line breaks (LF or CRLF) allowed inside quotes; UTF-8, a leading byte-order mark ignored. Stateless.
 */
final class Csv {

  private Csv() {}

  /**
   * The data rows of a file with a header row, each as header → value (missing trailing fields are empty, extra
   * fields ignored), in file order; a completely empty line is skipped.
   *
   * @throws UncheckedIOException when the file cannot be read
   */
  static List<Map<String, String>> read(Path file) {
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    var records = parse(content.startsWith("\uFEFF") ? content.substring(1) : content);
    if (records.isEmpty()) {
      return List.of();
    }
    var header = records.get(0);
    var rows = new ArrayList<Map<String, String>>();
    for (var record : records.subList(1, records.size())) {
      var row = new LinkedHashMap<String, String>();
      for (int i = 0; i < header.size(); i++) {
        row.put(header.get(i), i < record.size() ? record.get(i) : "");
      }
      rows.add(row);
    }
    return rows;
  }

  /** All records of the text, the header included. */
  static List<List<String>> parse(String text) {
    var records = new ArrayList<List<String>>();
    var record = new ArrayList<String>();
    var field = new StringBuilder();
    boolean quoted = false;
    boolean any = false; // the current record has content (a field or a separator)
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        any = true;
      } else if (c == ',') {
        record.add(field.toString());
        field.setLength(0);
        any = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (any || field.length() > 0) {
          record.add(field.toString());
          records.add(record);
        }
        record = new ArrayList<>();
        field.setLength(0);
        any = false;
      } else {
        field.append(c);
      }
    }
    if (any || field.length() > 0) {
      record.add(field.toString());
      records.add(record);
    }
    return records;
  }
}
