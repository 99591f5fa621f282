package io.deskbridge.daktela.internal.poll;

import static io.deskbridge.daktela.internal.webhook.DaktelaTrigger.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.core.spi.EventPoller;
import io.deskbridge.core.webhook.InboundEvent;
import io.deskbridge.core.webhook.LogSafe;
import io.deskbridge.core.webhook.WebhookRejectedException;
import io.deskbridge.daktela.internal.mapping.DaktelaTime;
import io.deskbridge.daktela.internal.webhook.DaktelaEvents;
import io.deskbridge.daktela.internal.webhook.DaktelaTrigger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls Daktela for what changed: tickets by {@code edited} and activities by {@code time}, read as the same
 * triggers an Events webhook carries and mapped by {@link DaktelaEvents}, so both ways give the same event ids.
 *
 * <p>The cursor is a Daktela timestamp ({@code yyyy-MM-dd HH:mm:ss}, the instance's time zone). The first poll
 * (no cursor) returns no events and the instance's current time: what happened before the installation polled is
 * not the bot's. Every later poll reads from the cursor minus the overlap (timestamps have one-second resolution and
 * a change may be written in the second a poll reads, or become visible late), so a poll reads again what the
 * previous one read near its end; the ids are the same, and core's inbox keeps each once. Each ticket read gives a
 * {@code ticket_update} trigger (its user, stage and {@code edited}) and, when it was created at or after the
 * poll's start, a {@code ticket_create} one; each activity on a ticket gives an {@code activity_create} trigger with
 * its user's login. Events are ordered by time, and within one second ticket creations first, then activities, then
 * ticket updates. The new cursor is the newest {@code edited} or {@code time} read, never earlier than the old one.
 * A record that cannot be read (no ticket number, no time) is skipped with a warning; it never stops polling.
 *
 * <p>Thread-safe: no state but the constructor's; calls go through {@link DaktelaChanges} and throw its exceptions.
 */
public final class DaktelaPoller implements EventPoller {
  private static final Logger log = LoggerFactory.getLogger(DaktelaPoller.class);
  private static final int CREATE = 0;
  private static final int ACTIVITY = 1;
  private static final int UPDATE = 2;

  private final DaktelaChanges changes;
  private final DaktelaTime time;
  private final Duration interval;
  private final Duration overlap;
  private final Supplier<String> botLogin;

  /**
   * @param changes  what the client reads
   * @param time     the instance's timestamps
   * @param interval the wait between polls ({@code pollInterval}), positive
   * @param overlap  how far before the cursor each poll reads again ({@code pollOverlap}), not negative
   * @param botLogin the API user's login, once known (empty before)
   * @throws IllegalArgumentException naming the setting when a duration is out of range
   */
  public DaktelaPoller(DaktelaChanges changes, DaktelaTime time, Duration interval, Duration overlap,
      Supplier<String> botLogin) {
    this.changes = Objects.requireNonNull(changes, "changes");
    this.time = Objects.requireNonNull(time, "time");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.overlap = Objects.requireNonNull(overlap, "overlap");
    this.botLogin = Objects.requireNonNull(botLogin, "botLogin");
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("pollInterval must be positive, got " + interval);
    }
    if (overlap.isNegative()) {
      throw new IllegalArgumentException("pollOverlap must not be negative, got " + overlap);
    }
  }

  @Override
  public Duration interval() {
    return interval;
  }

  /**
   * @throws IllegalStateException when the stored cursor or the instance's time is not a Daktela timestamp
   */
  @Override
  public Poll poll(Optional<String> cursor) {
    if (cursor.isEmpty() || cursor.get().isBlank()) {
      return new Poll(List.of(), time.format(instant(changes.serverTime(), "the instance's time (_time)")));
    }
    Instant previous = instant(cursor.get(), "the stored poll cursor");
    Instant start = previous.minus(overlap);
    String from = time.format(start);
    start = time.parse(from); // whole seconds, as the instance compares
    var read = new ArrayList<Read>();
    Instant newest = previous;
    for (JsonNode ticket : changes.ticketsEditedSince(from)) {
      newest = max(newest, ticket(ticket, start, read));
    }
    for (JsonNode activity : changes.activitiesSince(from)) {
      newest = max(newest, activity(activity, read));
    }
    read.sort(Comparator.comparing(Read::at).thenComparingInt(Read::rank)
        .thenComparing(r -> r.trigger().ticket(), Comparator.comparingInt(String::length).thenComparing(s -> s))
        .thenComparing(r -> r.trigger().activity()));
    String login = Objects.requireNonNullElse(botLogin.get(), "");
    var events = new ArrayList<InboundEvent>();
    for (Read r : read) {
      try {
        events.addAll(DaktelaEvents.toEvents(r.trigger(), login, r.at()));
      } catch (WebhookRejectedException e) {
        log.warn("skipping a Daktela change that cannot be stored: {}", LogSafe.of(e.getMessage()));
      }
    }
    return new Poll(events, time.format(newest));
  }

  /** A trigger read from a record, with the time it happened and its rank within a second. */
  private record Read(DaktelaTrigger trigger, Instant at, int rank) {}

  /** The ticket's triggers; its {@code edited}, or null when it has none that can be read. */
  private Instant ticket(JsonNode ticket, Instant start, List<Read> into) {
    String name = text(ticket.get("name"));
    String edited = text(ticket.get("edited"));
    Instant at = parse(edited);
    if (at == null) {
      log.warn("skipping Daktela ticket {}: its edited time '{}' is not a Daktela timestamp", LogSafe.of(name),
          LogSafe.of(edited));
      return null;
    }
    try {
      Instant created = parse(text(ticket.get("created")));
      if (created != null && !created.isBefore(start)) {
        into.add(new Read(DaktelaTrigger.of("ticket_create", name), created, CREATE));
      }
      into.add(new Read(new DaktelaTrigger("ticket_update", name, "", text(ticket.get("user")), ticket.has("user"),
          text(ticket.get("stage")), edited), at, UPDATE));
    } catch (WebhookRejectedException e) {
      log.warn("skipping Daktela ticket {}: {}", LogSafe.of(name), LogSafe.of(e.getMessage()));
    }
    return at;
  }

  /** The activity's trigger; its {@code time}, or null when it has none that can be read. */
  private Instant activity(JsonNode activity, List<Read> into) {
    String name = text(activity.get("name"));
    String when = text(activity.get("time"));
    Instant at = parse(when);
    if (at == null) {
      log.warn("skipping Daktela activity {}: its time '{}' is not a Daktela timestamp", LogSafe.of(name),
          LogSafe.of(when));
      return null;
    }
    String ticket = text(activity.get("ticket"));
    if (ticket.isEmpty()) {
      log.debug("ignoring Daktela activity {} on no ticket", LogSafe.of(name));
      return at;
    }
    try {
      into.add(new Read(new DaktelaTrigger("activity_create", ticket, name, text(activity.get("user")),
          activity.has("user"), "", ""), at, ACTIVITY));
    } catch (WebhookRejectedException e) {
      log.warn("skipping Daktela activity {}: {}", LogSafe.of(name), LogSafe.of(e.getMessage()));
    }
    return at;
  }

  private Instant instant(String text, String what) {
    try {
      return time.parse(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(what + " is not a Daktela timestamp (yyyy-MM-dd HH:mm:ss): '"
          + LogSafe.of(text) + "'");
    }
  }

  private Instant parse(String text) {
    if (text.isEmpty()) {
      return null;
    }
    try {
      return time.parse(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Instant max(Instant a, Instant b) {
    return b != null && b.isAfter(a) ? b : a;
  }
}
