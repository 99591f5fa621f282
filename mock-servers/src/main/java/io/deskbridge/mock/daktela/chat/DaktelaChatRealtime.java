package io.deskbridge.mock.daktela.chat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The web-chat fake's slice of the Daktela REST API v6: {@code GET /api/v6/realtimeSessions.json}, the agents'
 * realtime sessions, which a bot reads to tell whether anyone is online. The record shape is <b>assumed</b> from
 * third-party sources (unverified): {@code id_agent} an expanded user ({@code name}, {@code title}), {@code state}
 * {@code Session}, {@code Idle} or {@code Paused}, {@code id_pause} an expanded pause or null, {@code logintime}. The
 * access token {@value #ACCESS_TOKEN} goes in the {@code X-AUTH-TOKEN} header or the {@code accessToken} query; a
 * missing or wrong one is a 401 with an empty body, as Daktela's. {@code skip} and {@code take} page the list (take
 * at most 1000, else 400). Seeded: one agent online ({@code agent.novak}, Idle) and one on a pause
 * ({@code agent.svoboda}). Thread-safe.
 */
public final class DaktelaChatRealtime {
  public static final String PATH = "/api/v6/realtimeSessions.json";
  /** The API user's access token the fake accepts. */
  public static final String ACCESS_TOKEN = "daktela-chat-fake-api-token";

  /**
   * One agent's realtime session.
   *
   * @param agent the agent's login
   * @param state {@code Session}, {@code Idle} or {@code Paused}
   * @param pause the pause's name, or null when none
   */
  public record Session(String agent, String state, String pause) {
    public Session {
      Objects.requireNonNull(agent, "agent");
      Objects.requireNonNull(state, "state");
    }
  }

  static final List<Session> SEEDED = List.of(new Session("agent.novak", "Idle", null),
      new Session("agent.svoboda", "Paused", "lunch"));

  private final List<Session> sessions = new ArrayList<>(SEEDED);
  private final List<Integer> failures = new ArrayList<>();
  private int requests;

  DaktelaChatRealtime() {}

  static boolean serves(String path) {
    return path.equals(PATH);
  }

  /** Every agent logs out or goes on a pause: the one left logged in is paused. */
  public synchronized void nobodyOnline() {
    sessions.clear();
    sessions.add(new Session("agent.svoboda", "Paused", "lunch"));
  }

  /** The sessions from now on, in this order. */
  public synchronized void sessions(List<Session> now) {
    sessions.clear();
    sessions.addAll(now);
  }

  /** The next {@code count} reads are answered {@code status} (a 429 with Retry-After 1). */
  public synchronized void failNext(int count, int status) {
    for (int i = 0; i < count; i++) {
      failures.add(status);
    }
  }

  /** How many reads reached the fake, failed and refused ones included. */
  public synchronized int requests() {
    return requests;
  }

  synchronized void reset() {
    sessions.clear();
    sessions.addAll(SEEDED);
    failures.clear();
    requests = 0;
  }

  /** The answer to a request on {@link #PATH}; {@code header} reads the request's headers, {@code now} stamps it. */
  synchronized DaktelaChatServer.Reply answer(String method, String query, Function<String, String> header,
      LocalDateTime now) {
    requests++;
    if (!method.equals("GET")) {
      return new DaktelaChatServer.Reply(405, DaktelaChatWire.error(method + " " + PATH + " is not allowed"));
    }
    var params = params(query);
    String token = header.apply("X-AUTH-TOKEN");
    if (token == null) {
      token = params.get("accessToken");
    }
    if (!ACCESS_TOKEN.equals(token)) {
      return new DaktelaChatServer.Reply(401, new byte[0]);
    }
    if (!failures.isEmpty()) {
      int status = failures.remove(0);
      return new DaktelaChatServer.Reply(status, DaktelaChatWire.error("injected " + status),
          status == 429 ? Map.of("Retry-After", "1") : Map.of());
    }
    int skip;
    int take;
    try {
      skip = Integer.parseInt(params.getOrDefault("skip", "0"));
      take = Integer.parseInt(params.getOrDefault("take", "100"));
    } catch (NumberFormatException e) {
      return new DaktelaChatServer.Reply(400, DaktelaChatWire.error("skip and take must be numbers"));
    }
    if (take > 1000 || take < 0 || skip < 0) {
      return new DaktelaChatServer.Reply(400, DaktelaChatWire.error("Max defined take is 1000"));
    }
    ObjectNode envelope = DaktelaChatWire.JSON.createObjectNode();
    envelope.putArray("error");
    ObjectNode result = envelope.putObject("result");
    ArrayNode data = result.putArray("data");
    sessions.stream().skip(skip).limit(take).forEach(s -> {
      ObjectNode record = data.addObject();
      record.putObject("id_agent").put("name", s.agent()).put("title", s.agent());
      record.put("state", s.state());
      if (s.pause() == null) {
        record.putNull("id_pause");
      } else {
        record.putObject("id_pause").put("name", s.pause()).put("title", s.pause());
      }
      record.put("logintime", "2026-12-05 08:00:00");
    });
    result.put("total", sessions.size());
    envelope.put("_time", now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
    try {
      return new DaktelaChatServer.Reply(200, DaktelaChatWire.JSON.writeValueAsBytes(envelope));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> params(String query) {
    var out = new HashMap<String, String>();
    if (query == null || query.isEmpty()) {
      return out;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(name, value);
    }
    return out;
  }
}
