package io.deskbridge.daktela.internal.poll;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * What the poller reads from Daktela: the client implements it over REST (every page, {@code take} at most 1000).
 * Records are as the API returns them (references expanded). Calls throw the client's exceptions.
 */
public interface DaktelaChanges {

  /** Tickets whose {@code edited} is at or after {@code from} (a Daktela timestamp), oldest edit first. */
  List<JsonNode> ticketsEditedSince(String from);

  /** Activities whose {@code time} is at or after {@code from} (a Daktela timestamp), oldest first. */
  List<JsonNode> activitiesSince(String from);

  /** The instance's current time as a Daktela timestamp (the envelope's {@code _time} of one cheap call). */
  String serverTime();
}
