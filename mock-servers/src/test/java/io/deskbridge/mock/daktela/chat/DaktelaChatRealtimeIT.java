package io.deskbridge.mock.daktela.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The web-chat fake's realtime sessions over real HTTP: the token, the switch, paging, faults, and loud 404s. */
class DaktelaChatRealtimeIT {
  private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @RegisterExtension
  final DaktelaChatFakeExtension ext = new DaktelaChatFakeExtension(DaktelaChatFake.Config.defaults());

  private HttpResponse<String> get(String pathAndQuery, String token) throws IOException, InterruptedException {
    var request = HttpRequest.newBuilder(URI.create(ext.fake().baseUrl() + pathAndQuery)).GET();
    if (token != null) {
      request.header("X-AUTH-TOKEN", token);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode json(HttpResponse<String> response) throws IOException {
    return DaktelaChatWire.JSON.readTree(response.body());
  }

  private static List<String> states(JsonNode envelope) {
    var out = new java.util.ArrayList<String>();
    envelope.path("result").path("data").forEach(s -> out.add(s.path("id_agent").path("name").asText() + ":"
        + s.path("state").asText() + ":" + (s.path("id_pause").isNull() ? "-" : s.path("id_pause").path("name").asText())));
    return out;
  }

  @Test
  void theSeededSessionsHaveOneAgentOnlineAndOneOnAPause() throws Exception {
    var response = get(DaktelaChatRealtime.PATH, DaktelaChatRealtime.ACCESS_TOKEN);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(states(json(response))).containsExactly("agent.novak:Idle:-", "agent.svoboda:Paused:lunch");
    assertThat(json(response).path("result").path("total").asInt()).isEqualTo(2);
    assertThat(json(response).path("error").isArray()).isTrue();
  }

  @Test
  void nobodyOnlineLeavesOnlyThePausedAgentAndResetSeedsAgain() throws Exception {
    ext.fake().realtime().nobodyOnline();
    assertThat(states(json(get(DaktelaChatRealtime.PATH, DaktelaChatRealtime.ACCESS_TOKEN))))
        .containsExactly("agent.svoboda:Paused:lunch");

    ext.fake().reset();
    assertThat(states(json(get(DaktelaChatRealtime.PATH, DaktelaChatRealtime.ACCESS_TOKEN)))).hasSize(2);
  }

  @Test
  void theTokenMayGoInTheQueryAndAMissingOrWrongOneIs401() throws Exception {
    assertThat(get(DaktelaChatRealtime.PATH + "?accessToken=" + DaktelaChatRealtime.ACCESS_TOKEN, null).statusCode())
        .isEqualTo(200);
    assertThat(get(DaktelaChatRealtime.PATH, null).statusCode()).isEqualTo(401);
    assertThat(get(DaktelaChatRealtime.PATH, "wrong").statusCode()).isEqualTo(401);
  }

  @Test
  void skipAndTakePageTheList() throws Exception {
    var page = json(get(DaktelaChatRealtime.PATH + "?skip=1&take=1", DaktelaChatRealtime.ACCESS_TOKEN));
    assertThat(states(page)).containsExactly("agent.svoboda:Paused:lunch");
    assertThat(page.path("result").path("total").asInt()).isEqualTo(2);
    assertThat(get(DaktelaChatRealtime.PATH + "?take=1001", DaktelaChatRealtime.ACCESS_TOKEN).statusCode())
        .isEqualTo(400);
  }

  @Test
  void injectedFailuresComeFirstAndAreCounted() throws Exception {
    ext.fake().realtime().failNext(1, 503);
    assertThat(get(DaktelaChatRealtime.PATH, DaktelaChatRealtime.ACCESS_TOKEN).statusCode()).isEqualTo(503);
    assertThat(get(DaktelaChatRealtime.PATH, DaktelaChatRealtime.ACCESS_TOKEN).statusCode()).isEqualTo(200);
    assertThat(ext.fake().realtime().requests()).isEqualTo(2);
  }

  @Test
  void apiPathsNeitherFakeServesAreStillALoud404() throws Exception {
    var response = get("/api/v6/campaignsRecords.json", DaktelaChatRealtime.ACCESS_TOKEN);
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(ext.fake().unmatchedRequests()).singleElement()
        .satisfies(u -> assertThat(u).contains("/api/v6/campaignsRecords.json"));
    ext.fake().reset(); // the extension fails a test that leaves unmatched requests behind
  }

  /** The rest of the REST API is the ticket fake's, on the chat fake's base URL, with the same token. */
  @Test
  void ticketsAreServedOnTheSameBaseUrlByTheTicketFakeBehindIt() throws Exception {
    String body = "{\"title\":\"Web chat c1: follow-up\",\"category\":\"categories_support\",\"stage\":\"OPEN\","
        + "\"priority\":\"MEDIUM\",\"description\":\"summary\"}";
    var post = HttpRequest.newBuilder(URI.create(ext.fake().baseUrl() + "/api/v6/tickets.json"))
        .header("X-AUTH-TOKEN", DaktelaChatRealtime.ACCESS_TOKEN).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();

    var created = HTTP.send(post, HttpResponse.BodyHandlers.ofString());

    assertThat(created.statusCode()).isEqualTo(201);
    String name = json(created).path("result").path("name").asText();
    assertThat(ext.fake().tickets().fake().ticket(name)).hasValueSatisfying(t -> assertThat(t.title())
        .isEqualTo("Web chat c1: follow-up"));
    var found = get("/api/v6/tickets.json?filter%5Bfield%5D=title&filter%5Boperator%5D=eq&filter%5Bvalue%5D="
        + "Web%20chat%20c1%3A%20follow-up", DaktelaChatRealtime.ACCESS_TOKEN);
    assertThat(json(found).path("result").path("data")).singleElement()
        .satisfies(t -> assertThat(t.path("name").asText()).isEqualTo(name));
    assertThat(get("/api/v6/tickets.json", null).statusCode()).as("no token").isEqualTo(401);
  }
}
