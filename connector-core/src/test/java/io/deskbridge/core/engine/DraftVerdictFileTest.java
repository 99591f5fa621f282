package io.deskbridge.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.error.ConfigException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftVerdictFileTest {
  @TempDir
  Path dir;

  @Test
  void keptAndEditedDraftsAreAnswersOfTheirArticleAndAReplacedOneIsNoAnswer() throws IOException {
    var path = dir.resolve("sub/verdicts.jsonl");
    try (var file = DraftVerdictFile.open(path)) {
      assertThat(file.append("a", "How do I reset my password?", "en", DraftVerdict.SENT_AS_DRAFTED, "password-reset"))
          .isTrue();
      assertThat(file.append("b", "Jak změním heslo?", "cs", DraftVerdict.EDITED, "password-reset")).isTrue();
      assertThat(file.append("c", "Where is my parcel?", "", DraftVerdict.REPLACED, "delivery")).isTrue();
    }

    var lines = lines(path);
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0).toString()).isEqualTo("{\"id\":\"a\",\"text\":\"How do I reset my password?\","
        + "\"language\":\"en\",\"expect\":\"answer\",\"article\":\"password-reset\"}");
    assertThat(lines.get(1).path("text").asText()).isEqualTo("Jak změním heslo?");
    assertThat(lines.get(2).has("article")).as("no article for no_answer").isFalse();
    assertThat(lines.get(2).has("language")).as("no language when unknown").isFalse();
    assertThat(lines.get(2).path("expect").asText()).isEqualTo("no_answer");
  }

  @Test
  void aVerdictWrittenAgainAfterARestartIsNotWrittenTwice() throws IOException {
    var path = dir.resolve("verdicts.jsonl");
    try (var file = DraftVerdictFile.open(path)) {
      file.append("a", "text one", "en", DraftVerdict.EDITED, "kb-1");
      assertThat(file.append("a", "text one", "en", DraftVerdict.EDITED, "kb-1")).isFalse();
    }
    try (var reopened = DraftVerdictFile.open(path)) {
      assertThat(reopened.append("a", "text one", "en", DraftVerdict.EDITED, "kb-1")).isFalse();
      assertThat(reopened.append("b", "text two", "en", DraftVerdict.REPLACED, "kb-1")).isTrue();
    }
    assertThat(lines(path)).extracting(n -> n.path("id").asText()).containsExactly("a", "b");
  }

  @Test
  void aLastLineCutOffByACrashIsCutAwayAtOpen() throws IOException {
    var path = dir.resolve("verdicts.jsonl");
    try (var file = DraftVerdictFile.open(path)) {
      file.append("a", "text one", "en", DraftVerdict.EDITED, "kb-1");
    }
    Files.writeString(path, "{\"id\":\"b\",\"text\":\"hal", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

    try (var file = DraftVerdictFile.open(path)) {
      assertThat(file.append("b", "text two", "en", DraftVerdict.EDITED, "kb-1")).isTrue();
    }
    assertThat(lines(path)).extracting(n -> n.path("id").asText()).containsExactly("a", "b");
  }

  @Test
  void aBlankCustomerTextIsNotALabelledMessage() throws IOException {
    var path = dir.resolve("verdicts.jsonl");
    try (var file = DraftVerdictFile.open(path)) {
      assertThat(file.append("a", "  ", "en", DraftVerdict.EDITED, "kb-1")).isFalse();
    }
    assertThat(Files.readString(path)).isEmpty();
  }

  @Test
  void aFileThatCannotBeCreatedNamesTheSetting() throws IOException {
    var blocker = Files.writeString(dir.resolve("not-a-folder"), "x");
    assertThatThrownBy(() -> DraftVerdictFile.open(blocker.resolve("verdicts.jsonl")))
        .isInstanceOf(ConfigException.class).hasMessageContaining("engine.draftVerdicts");
  }

  private static List<JsonNode> lines(Path path) throws IOException {
    var json = new ObjectMapper();
    var out = new ArrayList<JsonNode>();
    for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
      out.add(json.readTree(line));
    }
    return out;
  }
}
