package io.deskbridge.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class KnowledgeCursorTest {
  private static final long T = 1_733_480_000L;

  @Test
  void aChangeReadBeforeInTheCursorsSecondIsSkippedAndOnlyThat() {
    var reading = new KnowledgeCursor(T, Set.of("12", "13")).reading();

    assertThat(reading.read(T, "12")).as("read before in that second: unchanged").isFalse();
    assertThat(reading.read(T, "14")).as("a new id in the same second").isTrue();
    assertThat(reading.read(T + 1, "13")).as("the same id changed a second later").isTrue();
  }

  @Test
  void theLastSecondsIdsAreKeptOnlyOnceThatSecondIsOverWithASecondOfSkew() {
    var reading = KnowledgeCursor.START.reading();
    reading.read(T - 5, "1");
    reading.read(T, "2");
    reading.read(T, "3");

    assertThat(reading.next(Instant.ofEpochSecond(T, 999_000_000))).isEqualTo(new KnowledgeCursor(T, Set.of()));
    assertThat(reading.next(Instant.ofEpochSecond(T + 1, 999_000_000)))
        .as("over, but within the second of skew").isEqualTo(new KnowledgeCursor(T, Set.of()));
    assertThat(reading.next(Instant.ofEpochSecond(T + 2))).isEqualTo(new KnowledgeCursor(T, Set.of("2", "3")));
  }

  @Test
  void aLaterSecondReplacesTheIdsAndAReadOfNothingKeepsTheCursor() {
    var from = new KnowledgeCursor(T, Set.of("12"));
    var reading = from.reading();
    assertThat(reading.next(Instant.ofEpochSecond(T + 10))).isEqualTo(from);

    reading.read(T, "12");
    reading.read(T + 3, "20");
    assertThat(reading.next(Instant.ofEpochSecond(T + 10))).isEqualTo(new KnowledgeCursor(T + 3, Set.of("20")));
  }

  @Test
  void anIdWithACommaIsNotKeptSoItIsReadAgain() {
    var reading = KnowledgeCursor.START.reading();
    reading.read(T, "a,b");
    reading.read(T, "c");

    var next = reading.next(Instant.ofEpochSecond(T + 5));
    assertThat(next.ids()).containsExactly("c");
    assertThat(KnowledgeCursor.parse(next.text())).isEqualTo(next);
  }

  @Test
  void theTextRoundTripsWithSortedIds() {
    var cursor = new KnowledgeCursor(T, Set.of("b", "a", "c"));

    assertThat(cursor.text()).isEqualTo(T + ":a,b,c");
    assertThat(KnowledgeCursor.parse(cursor.text())).isEqualTo(cursor);
    assertThat(new KnowledgeCursor(T, Set.of()).text()).isEqualTo(Long.toString(T));
    assertThat(KnowledgeCursor.parse(T + ":")).isEqualTo(new KnowledgeCursor(T, Set.of()));
  }

  @Test
  void idsThatDoNotFitAreDroppedSoThoseArticlesAreReadAgain() {
    Set<String> many = IntStream.range(0, 100).mapToObj(i -> "id-" + i).collect(Collectors.toSet());
    var cursor = new KnowledgeCursor(T, many);

    assertThat(cursor.text()).isEqualTo(Long.toString(T));
    assertThat(KnowledgeCursor.parse(cursor.text())).isEqualTo(new KnowledgeCursor(T, Set.of()));
    assertThat(new KnowledgeCursor(T, Set.of("x".repeat(KnowledgeCursor.MAX_LENGTH))).text().length())
        .isLessThanOrEqualTo(KnowledgeCursor.MAX_LENGTH);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "abc", "12x", ":12,13", "-5", "-5:1", "2026-12-06 10:30:00|12,13",
      "99999999999999999999"})
  void garbageAnotherVendorsOrAnOlderFormatStartsOver(String text) {
    assertThat(KnowledgeCursor.parse(text)).isEqualTo(KnowledgeCursor.START);
    assertThat(KnowledgeCursor.parse(text).isStart()).isTrue();
  }

  @Test
  void nullStartsOver() {
    assertThat(KnowledgeCursor.parse(null)).isEqualTo(KnowledgeCursor.START);
  }
}
