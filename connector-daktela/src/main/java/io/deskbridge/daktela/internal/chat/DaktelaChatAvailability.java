package io.deskbridge.daktela.internal.chat;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.spi.HelpdeskClient.Availability;
import io.deskbridge.daktela.DaktelaConfig;
import io.deskbridge.daktela.internal.client.DaktelaRealtimeSessions;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * Whether any agent is online, read from Daktela's realtime sessions ({@code GET /api/v6/realtimeSessions.json}).
 * The record shape is from third-party sources (an MCP server's API notes and an OpenAPI export) and unverified:
 * {@code id_agent} (a login or a user object with {@code name}), {@code state} ({@code Session}, {@code Idle} or
 * {@code Paused}) and {@code id_pause} (the current pause, null when none). Neither source shows which queues an
 * agent is logged into, so the answer is for the whole instance, not the handover's queue: an agent online in
 * another queue counts, which errs towards {@code SOMEONE_ONLINE}, the behaviour without this check.
 *
 * <p>An agent is online when their session's state is {@code Idle} or {@code Session} and they are on no pause; an
 * agent is away when the state is {@code Paused} or a pause is set. The answer is {@code SOMEONE_ONLINE} when any
 * agent is online, {@code NOBODY_ONLINE} when every session is away or there is none (Daktela lists logged-in
 * agents), and {@code UNKNOWN} when nobody is online but some session's state is missing or unknown, so a shape
 * this class misreads never tells customers that nobody is there. Failures of the read are thrown as they come, for
 * the connector's error mapper; core asks best effort. Thread-safe.
 */
public final class DaktelaChatAvailability {
  private final Supplier<List<JsonNode>> sessions;

  /** @param sessions every realtime session, read anew at each call */
  public DaktelaChatAvailability(Supplier<List<JsonNode>> sessions) {
    this.sessions = sessions;
  }

  /** Over the REST API of the instance at {@code url} (the ticket connector's HTTP set-up and token handling). */
  public static DaktelaChatAvailability overRest(URI url, DaktelaConfig.AuthIn authIn, Secret token, Duration timeout,
      Clock clock) {
    var sessions = new DaktelaRealtimeSessions(url, authIn, token, timeout, clock);
    return new DaktelaChatAvailability(sessions::all);
  }

  /** Reads the sessions now; {@code queue} (the handover's routing target) cannot narrow them, see the class comment. */
  public Availability online(String queue) {
    return of(sessions.get());
  }

  /** What the sessions say; see the class comment. */
  static Availability of(List<JsonNode> sessions) {
    boolean unknown = false;
    for (JsonNode session : sessions) {
      switch (state(session)) {
        case ONLINE -> {
          return Availability.SOMEONE_ONLINE;
        }
        case UNKNOWN -> unknown = true;
        case AWAY -> { }
      }
    }
    return unknown ? Availability.UNKNOWN : Availability.NOBODY_ONLINE;
  }

  enum State { ONLINE, AWAY, UNKNOWN }

  /** One session's state: away on a pause whatever the state says; online only for a state known to be online. */
  static State state(JsonNode session) {
    if (session == null || !session.isObject() || agent(session).isEmpty()) {
      return State.UNKNOWN;
    }
    JsonNode pause = session.get("id_pause");
    boolean paused = pause != null && !pause.isNull() && !(pause.isTextual() && pause.asText().isBlank())
        && !(pause.isObject() && pause.isEmpty());
    String state = session.path("state").asText("").strip().toLowerCase(Locale.ROOT);
    if (paused || state.equals("paused")) {
      return State.AWAY;
    }
    return state.equals("idle") || state.equals("session") ? State.ONLINE : State.UNKNOWN;
  }

  /** The agent's login: {@code id_agent} as a string or its {@code name}; empty when neither. */
  static String agent(JsonNode session) {
    JsonNode agent = session.path("id_agent");
    return (agent.isObject() ? agent.path("name").asText("") : agent.isValueNode() ? agent.asText("") : "").strip();
  }
}
