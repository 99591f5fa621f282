package io.deskbridge.daktela.internal.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.core.spi.KnowledgeCursor;
import io.deskbridge.daktela.internal.mapping.DaktelaTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DaktelaKnowledgeSourceTest {
  private static final DaktelaTime PRAGUE = new DaktelaTime(ZoneId.of("Europe/Prague"));
  private static final long SECOND =
      ZonedDateTime.of(2026, 12, 6, 10, 30, 0, 0, ZoneId.of("Europe/Prague")).toEpochSecond();

  @Test
  void aCursorOfTheOlderFormatIsReadInTheInstancesTimeZone() {
    assertThat(DaktelaKnowledgeSource.cursor("2026-12-06 10:30:00|12,13", PRAGUE))
        .isEqualTo(new KnowledgeCursor(SECOND, Set.of("12", "13")));
    assertThat(DaktelaKnowledgeSource.cursor("2026-12-06 10:30:00", PRAGUE))
        .isEqualTo(new KnowledgeCursor(SECOND, Set.of()));
  }

  @Test
  void theSharedFormatIsReadAndAnythingElseStartsOver() {
    assertThat(DaktelaKnowledgeSource.cursor(SECOND + ":a", PRAGUE))
        .isEqualTo(new KnowledgeCursor(SECOND, Set.of("a")));
    assertThat(DaktelaKnowledgeSource.cursor("2026-13-45 10:30:00|12", PRAGUE)).isEqualTo(KnowledgeCursor.START);
    assertThat(DaktelaKnowledgeSource.cursor("", PRAGUE)).isEqualTo(KnowledgeCursor.START);
  }
}
