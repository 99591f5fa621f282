package io.deskbridge.daktela.internal.chat;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.spi.HelpdeskClient.Availability;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What Daktela's realtime sessions say about anyone being online (the shapes of the third-party sources). */
class DaktelaChatAvailabilityTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode session(String json) {
    try {
      return JSON.readTree(json);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static Availability of(String... sessions) {
    return DaktelaChatAvailability.of(List.of(sessions).stream().map(DaktelaChatAvailabilityTest::session).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"Idle", "Session", "idle"})
  void anAgentInAnOnlineStateWithoutAPauseIsSomeoneOnline(String state) {
    assertThat(of("{\"id_agent\":\"novak\",\"state\":\"" + state + "\",\"id_pause\":null}"))
        .isEqualTo(Availability.SOMEONE_ONLINE);
  }

  @Test
  void theAgentMayBeAnExpandedUserRecord() {
    assertThat(of("{\"id_agent\":{\"name\":\"novak\",\"title\":\"Jan Novak\"},\"state\":\"Idle\"}"))
        .isEqualTo(Availability.SOMEONE_ONLINE);
  }

  @Test
  void pausedAgentsAndAgentsOnAPauseAreAway() {
    assertThat(of("{\"id_agent\":\"novak\",\"state\":\"Paused\",\"id_pause\":{\"name\":\"lunch\"}}",
        "{\"id_agent\":\"svoboda\",\"state\":\"Idle\",\"id_pause\":\"coffee\"}",
        "{\"id_agent\":{\"name\":\"dvorak\"},\"state\":\"Session\",\"id_pause\":{\"name\":\"meeting\",\"title\":\"M\"}}"))
        .isEqualTo(Availability.NOBODY_ONLINE);
  }

  @Test
  void noSessionAtAllIsNobodyOnline() {
    assertThat(of()).isEqualTo(Availability.NOBODY_ONLINE);
  }

  @Test
  void oneOnlineAgentAmongAwayOnesIsEnough() {
    assertThat(of("{\"id_agent\":\"novak\",\"state\":\"Paused\",\"id_pause\":\"lunch\"}",
        "{\"id_agent\":\"svoboda\",\"state\":\"Session\",\"id_pause\":null}"))
        .isEqualTo(Availability.SOMEONE_ONLINE);
  }

  @Test
  void anEmptyPauseIsNoPause() {
    assertThat(of("{\"id_agent\":\"novak\",\"state\":\"Idle\",\"id_pause\":\"\"}")).isEqualTo(Availability.SOMEONE_ONLINE);
    assertThat(of("{\"id_agent\":\"novak\",\"state\":\"Idle\",\"id_pause\":{}}")).isEqualTo(Availability.SOMEONE_ONLINE);
  }

  /** A shape this class misreads never tells customers that nobody is there. */
  @ParameterizedTest
  @ValueSource(strings = {"{\"id_agent\":\"novak\",\"state\":\"Ringing\"}", "{\"id_agent\":\"novak\"}",
      "{\"id_agent\":\"novak\",\"state\":null}", "{\"state\":\"Idle\"}", "{\"id_agent\":null,\"state\":\"Idle\"}",
      "\"novak\""})
  void withNobodyOnlineAnUnknownOrIncompleteSessionMakesTheAnswerUnknown(String unknown) {
    assertThat(of("{\"id_agent\":\"svoboda\",\"state\":\"Paused\"}", unknown)).isEqualTo(Availability.UNKNOWN);
  }

  @Test
  void theSessionsAreReadAnewAtEachCall() {
    var sessions = new ArrayList<JsonNode>(List.of(session("{\"id_agent\":\"novak\",\"state\":\"Idle\"}")));
    var availability = new DaktelaChatAvailability(() -> List.copyOf(sessions));
    assertThat(availability.online("3201")).isEqualTo(Availability.SOMEONE_ONLINE);
    sessions.set(0, session("{\"id_agent\":\"novak\",\"state\":\"Paused\"}"));
    assertThat(availability.online("3201")).isEqualTo(Availability.NOBODY_ONLINE);
  }
}
