package io.deskbridge.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BusinessHoursTest {
  private static final ZoneId PRAGUE = ZoneId.of("Europe/Prague");
  private static final BusinessHours HOURS = new BusinessHours(PRAGUE,
      BusinessHours.Week.parse("Mon-Fri 08:00-12:00, 13:00-17:00; Sat 09:00-12:00"),
      Map.of("Night", BusinessHours.Week.parse("Mon-Sun 00:00-06:00, 22:00-24:00")),
      Set.of(LocalDate.parse("2026-12-24"), LocalDate.parse("2026-12-25")));

  private static Instant prague(String local) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(local), PRAGUE).toInstant();
  }

  private static ZonedDateTime at(String local) {
    return ZonedDateTime.of(java.time.LocalDateTime.parse(local), PRAGUE);
  }

  @Test
  void whileOpenThereIsNoNextOpeningAndTheEndOfASpanIsClosed() {
    assertThat(HOURS.nextOpening("", prague("2026-12-07T08:00"))).isEmpty();
    assertThat(HOURS.nextOpening("", prague("2026-12-07T16:59:59"))).isEmpty();
    assertThat(HOURS.nextOpening("", prague("2026-12-07T17:00"))).contains(at("2026-12-08T08:00"));
  }

  @Test
  void aLunchBreakWaitsForTheAfternoonAndTheWeekendForSaturdayOrMonday() {
    assertThat(HOURS.nextOpening("", prague("2026-12-07T12:30"))).contains(at("2026-12-07T13:00"));
    assertThat(HOURS.nextOpening("", prague("2026-12-04T18:00"))).contains(at("2026-12-05T09:00"));
    assertThat(HOURS.nextOpening("", prague("2026-12-05T12:00"))).contains(at("2026-12-07T08:00"));
  }

  @Test
  void closedDaysAreSkippedEvenWhenTheWeekWouldBeOpen() {
    assertThat(HOURS.nextOpening("", prague("2026-12-24T10:00"))).contains(at("2026-12-26T09:00"));
  }

  @Test
  void aGroupWithItsOwnWeekUsesItAndOthersTheDefault() {
    assertThat(HOURS.nextOpening("Night", prague("2026-12-07T23:00"))).isEmpty();
    assertThat(HOURS.nextOpening("Night", prague("2026-12-07T10:00"))).contains(at("2026-12-07T22:00"));
    assertThat(HOURS.nextOpening("Unknown", prague("2026-12-07T23:00"))).contains(at("2026-12-08T08:00"));
  }

  @Test
  void theOpeningIsInTheZoneAcrossTheChangeToSummerTime() {
    // Prague moves from CET (+1) to CEST (+2) on Sunday 29 March 2026
    var opening = HOURS.nextOpening("", Instant.parse("2026-03-28T12:00:00Z")).orElseThrow();

    assertThat(opening.toInstant()).isEqualTo(Instant.parse("2026-03-30T06:00:00Z"));
  }

  @Test
  void alwaysIsAlwaysOpen() {
    assertThat(BusinessHours.ALWAYS.nextOpening("x", Instant.parse("2026-12-06T03:00:00Z"))).isEmpty();
  }

  @Test
  void daysCanBeListedOrWrappedOverTheWeekendAndTimesWithoutALeadingZero() {
    var week = BusinessHours.Week.parse("Fri-Mon 9:00-10:00; Wed,Thu 07:30-08:00");

    assertThat(week.days().keySet()).extracting(Enum::name)
        .containsExactlyInAnyOrder("FRIDAY", "SATURDAY", "SUNDAY", "MONDAY", "WEDNESDAY", "THURSDAY");
    assertThat(week.days().get(java.time.DayOfWeek.SUNDAY)).singleElement()
        .isEqualTo(new BusinessHours.Span(java.time.LocalTime.of(9, 0), java.time.LocalTime.of(10, 0)));
  }

  @Test
  void badWeeksAreRefusedSayingWhatIsWrongWithAnExample() {
    assertThatThrownBy(() -> BusinessHours.Week.parse("Mon-Fr 08:00-17:00"))
        .hasMessage("'Fr' is not a day; write Mon, Tue, Wed, Thu, Fri, Sat or Sun");
    assertThatThrownBy(() -> BusinessHours.Week.parse("Mon-Fri 8-17")).hasMessageContaining("'8' is not a time");
    assertThatThrownBy(() -> BusinessHours.Week.parse("Mon 22:00-06:00")).hasMessageContaining("over midnight");
    assertThatThrownBy(() -> BusinessHours.Week.parse("Mon-Fri")).hasMessageContaining("needs days and times");
    assertThatThrownBy(() -> BusinessHours.Week.parse(" ; ")).hasMessageContaining("has no opening time");
  }
}
