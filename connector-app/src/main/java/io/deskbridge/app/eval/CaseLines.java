package io.deskbridge.app.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Reading of the JSON-lines case files that {@code eval} takes. */
final class CaseLines {

  private static final ObjectMapper JSON = new ObjectMapper();

  private CaseLines() {}

  /**
   * Reads a cases file: one JSON object per line, a leading byte-order mark and blank lines ignored, ids unique.
   *
   * @param parse turns one line's object into a case; throws {@link IllegalArgumentException} for a bad one
   * @param id    the case's id, checked for uniqueness
   * @throws IllegalArgumentException on a bad line, as {@code file:line: problem}
   * @throws UncheckedIOException     when the file cannot be read
   */
  static <T> List<T> read(Path file, Function<JsonNode, T> parse, Function<T, String> id) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read cases " + file, e);
    }
    var cases = new ArrayList<T>();
    var ids = new HashSet<String>();
    for (int i = 0; i < lines.size(); i++) {
      var line = i == 0 && lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1) : lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      try {
        var c = parse.apply(JSON.readTree(line));
        if (!ids.add(id.apply(c))) {
          throw new IllegalArgumentException("duplicate id '" + id.apply(c) + "'");
        }
        cases.add(c);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": invalid JSON: " + e.getOriginalMessage(), e);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return cases;
  }

  /**
   * Checks that a line is a JSON object whose keys are all known.
   *
   * @throws IllegalArgumentException naming the unknown key and the known ones
   */
  static void requireObjectWithKeys(JsonNode node, Set<String> keys) {
    if (!node.isObject()) {
      throw new IllegalArgumentException("expected a JSON object");
    }
    node.fieldNames().forEachRemaining(key -> {
      if (!keys.contains(key)) {
        throw new IllegalArgumentException("unknown key '" + key + "'; known keys: " + keys);
      }
    });
  }
}
