package io.deskbridge.core.bot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CalibrationCaseTest {

  @TempDir
  Path dir;

  @Test
  void readsAnswerAndNoAnswerCasesAndSkipsTheSignalsCases() throws Exception {
    var file = write("""
        {"id": "a1", "text": "Where is my parcel?", "language": "en", "expect": "answer", "article": "delivery"}

        {"id": "n1", "text": "Who won the match?", "expect": "no_answer"}
        {"id": "h1", "text": "I want a real person", "expect": "handover", "reason": "human_request"}
        {"id": "s1", "text": "Lovely weather again.", "expect": "no_handover"}
        """);

    assertThat(CalibrationCase.load(file)).containsExactly(
        new CalibrationCase("a1", "Where is my parcel?", "delivery"),
        new CalibrationCase("n1", "Who won the match?", ""));
  }

  @Test
  void aBadLineIsNamedWithItsNumber() throws Exception {
    assertThatThrownBy(() -> CalibrationCase.load(write("{\"id\": \"a\", \"text\": \"x\", \"expect\": \"no_answer\"}\n"
        + "{not json\n")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(":2: not a JSON object");
    assertThatThrownBy(() -> CalibrationCase.load(write("{\"id\": \"a\", \"text\": \"x\", \"expect\": \"answer\"}\n")))
        .hasMessageContaining(":1: an \"answer\" case needs its \"article\"");
    assertThatThrownBy(() -> CalibrationCase.load(write("{\"id\": \"a\", \"text\": \"x\", \"expect\": \"maybe\"}\n")))
        .hasMessageContaining("\"expect\" must be answer, no_answer, handover or no_handover, got \"maybe\"");
    assertThatThrownBy(() -> CalibrationCase.load(write("{\"text\": \"x\", \"expect\": \"no_answer\"}\n")))
        .hasMessageContaining(":1: \"id\" and \"text\" are required");
    assertThatThrownBy(() -> CalibrationCase.load(write("{\"id\": \"h\", \"text\": \"x\", \"expect\": \"handover\"}\n")))
        .hasMessageContaining("no answer or no_answer case");
  }

  private Path write(String text) throws Exception {
    var file = Files.createTempFile(dir, "cases", ".jsonl");
    Files.writeString(file, text);
    return file;
  }
}
