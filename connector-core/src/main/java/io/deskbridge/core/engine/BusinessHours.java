package io.deskbridge.core.engine;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * When people answer handed-over conversations: weekly opening times in one time zone, a week per routing group
 * (by the routing group's name, as in {@code routing.groups}) over a default week, and closed days (public holidays)
 * on which nobody answers.
 *
 * @param zone     the time zone the times are in
 * @param defaults the week of every group without its own
 * @param groups   routing group name to its week
 * @param closed   days on which every group is closed
 */
public record BusinessHours(ZoneId zone, Week defaults, Map<String, Week> groups, Set<LocalDate> closed) {
  /** No hours configured: people are taken to be always there, and no customer is told otherwise. */
  public static final BusinessHours ALWAYS = new BusinessHours(ZoneId.of("UTC"), Week.ALWAYS, Map.of(), Set.of());
  /** How far ahead an opening is looked for; a schedule closed for longer reports none. */
  private static final int HORIZON_DAYS = 366;

  public BusinessHours {
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(defaults, "defaults");
    groups = Map.copyOf(groups);
    closed = Set.copyOf(closed);
  }

  /**
   * When the people of {@code routingGroup} are next there, seen at {@code now}: empty while they are there now (or
   * when no opening lies within a year), otherwise the start of the next opening time.
   */
  public Optional<ZonedDateTime> nextOpening(String routingGroup, Instant now) {
    var week = groups.getOrDefault(routingGroup, defaults);
    var at = now.atZone(zone);
    if (week.openAt(at.getDayOfWeek(), at.toLocalTime()) && !closed.contains(at.toLocalDate())) {
      return Optional.empty();
    }
    for (int d = 0; d <= HORIZON_DAYS; d++) {
      LocalDate day = at.toLocalDate().plusDays(d);
      if (closed.contains(day)) {
        continue;
      }
      for (Span span : week.spans(day.getDayOfWeek())) {
        var start = day.atTime(span.from()).atZone(zone);
        if (start.isAfter(at)) {
          return Optional.of(start);
        }
      }
    }
    return Optional.empty();
  }

  /** One opening time on a day, {@code to} exclusive; {@code to} of 24:00 is written and kept as {@link LocalTime#MAX}. */
  public record Span(LocalTime from, LocalTime to) {
    public Span {
      if (!to.isAfter(from)) {
        throw new IllegalArgumentException("an opening time must end after it starts on the same day (split one "
            + "over midnight in two: 22:00-24:00 and 00:00-06:00 the next day), was " + from + "-" + to);
      }
    }

    boolean contains(LocalTime t) {
      return !t.isBefore(from) && (to.equals(LocalTime.MAX) || t.isBefore(to));
    }
  }

  /**
   * The opening times of each day of the week.
   *
   * @param days day to its spans, sorted by start; a day without spans is closed
   */
  public record Week(Map<DayOfWeek, List<Span>> days) {
    private static final Map<String, DayOfWeek> NAMES = Map.of("mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY,
        "wed", DayOfWeek.WEDNESDAY, "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY,
        "sun", DayOfWeek.SUNDAY);
    static final Week ALWAYS = parse("Mon-Sun 00:00-24:00"); // after NAMES, which parse reads

    public Week {
      var copy = new EnumMap<DayOfWeek, List<Span>>(DayOfWeek.class);
      days.forEach((d, spans) -> copy.put(d, spans.stream().sorted(Comparator.comparing(Span::from)).toList()));
      days = Map.copyOf(copy);
    }

    List<Span> spans(DayOfWeek day) {
      return days.getOrDefault(day, List.of());
    }

    boolean openAt(DayOfWeek day, LocalTime time) {
      return spans(day).stream().anyMatch(s -> s.contains(time));
    }

    /**
     * Reads a week such as {@code "Mon-Fri 08:00-12:00, 13:00-17:00; Sat 09:00-12:00"}: entries separated by
     * {@code ;}, each a day ({@code Mon} … {@code Sun}), a range of days ({@code Mon-Fri}) or a list
     * ({@code Mon,Wed}), then one or more times {@code HH:MM-HH:MM} separated by commas; {@code 24:00} ends a day.
     *
     * @throws IllegalArgumentException saying what is wrong, with an example
     */
    public static Week parse(String text) {
      var days = new EnumMap<DayOfWeek, List<Span>>(DayOfWeek.class);
      for (String entry : text.split(";")) {
        String e = entry.strip();
        if (e.isEmpty()) {
          continue;
        }
        int space = e.indexOf(' ');
        if (space < 0) {
          throw new IllegalArgumentException("'" + e + "' needs days and times, e.g. Mon-Fri 08:00-17:00");
        }
        var spans = new ArrayList<Span>();
        for (String range : e.substring(space + 1).split(",")) {
          spans.add(span(range.strip()));
        }
        for (DayOfWeek day : days(e.substring(0, space))) {
          days.computeIfAbsent(day, d -> new ArrayList<>()).addAll(spans);
        }
      }
      if (days.isEmpty()) {
        throw new IllegalArgumentException("has no opening time, e.g. Mon-Fri 08:00-17:00");
      }
      return new Week(Map.copyOf(days));
    }

    private static List<DayOfWeek> days(String text) {
      var out = new ArrayList<DayOfWeek>();
      for (String part : text.split(",")) {
        String[] ends = part.strip().split("-", -1);
        if (ends.length > 2) {
          throw new IllegalArgumentException("'" + part.strip() + "' is not a day or a range of days, e.g. Mon-Fri");
        }
        DayOfWeek first = day(ends[0]);
        DayOfWeek last = ends.length == 2 ? day(ends[1]) : first;
        for (DayOfWeek d = first; ; d = d.plus(1)) { // Fri-Mon wraps over the weekend
          out.add(d);
          if (d == last) {
            break;
          }
        }
      }
      return out;
    }

    private static DayOfWeek day(String name) {
      var day = NAMES.get(name.strip().toLowerCase(Locale.ROOT));
      if (day == null) {
        throw new IllegalArgumentException("'" + name.strip() + "' is not a day; write Mon, Tue, Wed, Thu, Fri, Sat "
            + "or Sun");
      }
      return day;
    }

    private static Span span(String text) {
      String[] ends = text.split("-", -1);
      if (ends.length != 2) {
        throw new IllegalArgumentException("'" + text + "' is not a time range, e.g. 08:00-17:00");
      }
      return new Span(time(ends[0].strip()), ends[1].strip().equals("24:00") ? LocalTime.MAX : time(ends[1].strip()));
    }

    private static LocalTime time(String text) {
      try {
        return LocalTime.parse(text.length() == 4 ? "0" + text : text);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("'" + text + "' is not a time of day, e.g. 08:00", e);
      }
    }
  }
}
