package io.deskbridge.core.bot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A customer message labelled by the admin for fitting the bot's confidence ({@code bot.calibrationCases}): the
 * article that answers it, or none when the knowledge base does not cover it.
 *
 * @param id        the case's id, for error messages
 * @param text      the message
 * @param articleId the article that answers it; empty when none does
 */
public record CalibrationCase(String id, String text, String articleId) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public CalibrationCase {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(articleId, "articleId");
  }

  /**
   * Reads the labelled messages from a JSON Lines file in the {@code eval} command's case format, one object per
   * line: {@code {"id": "...", "text": "...", "expect": "answer", "article": "<id>"}} or {@code "expect":
   * "no_answer"} (nothing in the knowledge base answers it). Cases expecting {@code handover} or {@code
   * no_handover} test the signals, not the retrieval, and are skipped, as are blank lines.
   *
   * @throws IllegalArgumentException naming the file and line when a line is not such an object, or when the file
   *     holds no usable case
   * @throws UncheckedIOException when the file cannot be read
   */
  public static List<CalibrationCase> load(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the calibration cases " + file, e);
    }
    var cases = new ArrayList<CalibrationCase>();
    for (int n = 0; n < lines.size(); n++) {
      var line = lines.get(n).strip();
      if (line.isEmpty()) {
        continue;
      }
      var where = file + ":" + (n + 1) + ": ";
      JsonNode node;
      try {
        node = JSON.readTree(line);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalArgumentException(where + "not a JSON object: " + e.getOriginalMessage(), e);
      }
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException(where + "not a JSON object");
      }
      var id = node.path("id").asText("");
      var text = node.path("text").asText("");
      var expect = node.path("expect").asText("");
      if (id.isBlank() || text.isBlank()) {
        throw new IllegalArgumentException(where + "\"id\" and \"text\" are required");
      }
      switch (expect) {
        case "answer" -> {
          var article = node.path("article").asText("");
          if (article.isBlank()) {
            throw new IllegalArgumentException(where + "an \"answer\" case needs its \"article\"");
          }
          cases.add(new CalibrationCase(id, text, article));
        }
        case "no_answer" -> cases.add(new CalibrationCase(id, text, ""));
        case "handover", "no_handover" -> { }
        default -> throw new IllegalArgumentException(where + "\"expect\" must be answer, no_answer, handover or "
            + "no_handover, got \"" + expect + "\"");
      }
    }
    if (cases.isEmpty()) {
      throw new IllegalArgumentException(file + ": no answer or no_answer case to calibrate on");
    }
    return List.copyOf(cases);
  }
}
