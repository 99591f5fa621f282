package io.deskbridge.daktela.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.daktela.internal.mapping.DaktelaTime;
import io.deskbridge.daktela.internal.poll.DaktelaChanges;
import java.time.Clock;
import java.util.List;

/**
 * {@link DaktelaChanges} over REST: {@code GET tickets.json} filtered on {@code edited} and {@code GET
 * activities.json} filtered on {@code time} (each {@code gte} the watermark, sorted by it then by {@code name}, every
 * page, {@code take} 1000), and the server time from an envelope's {@code _time}. Thread-safe.
 */
final class DaktelaRestChanges implements DaktelaChanges {
  private final DaktelaApi api;
  private final DaktelaTime time;
  private final Clock clock;

  DaktelaRestChanges(DaktelaApi api, DaktelaTime time, Clock clock) {
    this.api = api;
    this.time = time;
    this.clock = clock;
  }

  @Override
  public List<JsonNode> ticketsEditedSince(String from) {
    return DaktelaPages.all(api::tickets, since("edited", from));
  }

  @Override
  public List<JsonNode> activitiesSince(String from) {
    return DaktelaPages.all(api::activities, since("time", from));
  }

  /**
   * The {@code _time} of the smallest list call ({@code tickets.json}, one record, its name only); this machine's
   * clock in the instance's time zone when Daktela sends no server time.
   */
  @Override
  public String serverTime() {
    String server = DaktelaEnvelope.time(api.tickets(DaktelaQuery.all().take(1).fields("name").parameters()));
    return server.isEmpty() ? time.format(clock.instant()) : server;
  }

  static DaktelaQuery since(String field, String from) {
    time(from);
    return DaktelaQuery.all()
        .filter(DaktelaQuery.and(DaktelaQuery.gte(field, from)))
        .sort(field, DaktelaQuery.Dir.ASC)
        .sort("name", DaktelaQuery.Dir.ASC)
        .take(DaktelaQuery.MAX_TAKE);
  }

  private static void time(String from) {
    if (from == null || !from.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}")) {
      throw new IllegalArgumentException("not a Daktela timestamp (yyyy-MM-dd HH:mm:ss): '" + from + "'");
    }
  }
}
