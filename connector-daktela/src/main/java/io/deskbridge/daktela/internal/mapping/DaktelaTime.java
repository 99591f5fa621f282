package io.deskbridge.daktela.internal.mapping;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * Daktela's timestamps: {@code yyyy-MM-dd HH:mm:ss} in the instance's local time zone, no offset, whole seconds.
 * Immutable and thread-safe.
 */
public final class DaktelaTime {
  private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  private final ZoneId zone;

  /** @param zone the instance's time zone (the installation's {@code timeZone} setting) */
  public DaktelaTime(ZoneId zone) {
    this.zone = Objects.requireNonNull(zone, "zone");
  }

  /** The instance's time zone. */
  public ZoneId zone() {
    return zone;
  }

  /**
   * The instant a Daktela timestamp names.
   *
   * @throws IllegalArgumentException when {@code text} is not {@code yyyy-MM-dd HH:mm:ss}
   */
  public Instant parse(String text) {
    try {
      return LocalDateTime.parse(text.strip(), FORMAT).atZone(zone).toInstant();
    } catch (DateTimeParseException | NullPointerException e) {
      throw new IllegalArgumentException("not a Daktela timestamp (yyyy-MM-dd HH:mm:ss): '" + text + "'");
    }
  }

  /** The Daktela timestamp of an instant, truncated to the second. */
  public String format(Instant instant) {
    return FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(zone));
  }
}
