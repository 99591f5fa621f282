package io.deskbridge.app.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

class SignalReportTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonNode report(String... results) throws Exception {
    return JSON.readTree("{\"results\": [" + String.join(",", results) + "]}");
  }

  private static String result(String language, String expect, String reason, String decision, String... reasons) {
    var r = JSON.createObjectNode();
    r.put("id", language + expect + reason + decision + String.join("", reasons));
    r.put("language", language);
    r.put("expect", expect);
    if (reason != null) {
      r.put("expected_reason", reason);
    }
    r.put("decision", decision);
    var a = r.putArray("reasons");
    for (var x : reasons) {
      a.add(x);
    }
    return r.toString();
  }

  @Test
  void recallFalseAlarmsAndPrecisionPerLanguageAndSignal() throws Exception {
    var report = report(
        result("cs", "handover", "anger", "handover", "anger"),
        result("cs", "handover", "anger", "clarify", "low_confidence"),
        result("cs", "handover", "sarcasm", "handover", "anger", "sarcasm"),
        result("cs", "no_handover", null, "handover", "anger"),
        result("cs", "no_handover", null, "clarify", "low_confidence"),
        result("cs", "no_handover", null, "clarify", "low_confidence"),
        result("cs", "no_handover", null, "clarify", "low_confidence"),
        result("pl", "handover", "anger", "handover", "anger"));
    var counts = SignalReport.counts(report, "r");
    assertThat(counts.keySet()).containsExactly("cs", "pl", "all");
    var anger = counts.get("cs").get("anger");
    assertThat(anger).isEqualTo(new SignalReport.Counts(2, 1, 4, 1));
    assertThat(anger.recall()).isEqualTo(0.5);
    assertThat(anger.falseAlarmRate()).isEqualTo(0.25);
    assertThat(anger.precision()).isEqualTo(0.5); // the sarcastic case flagged angry is not counted against anger
    assertThat(anger.f1()).isEqualTo(0.5);
    assertThat(counts.get("cs").get("sarcasm")).isEqualTo(new SignalReport.Counts(1, 1, 4, 0));
    assertThat(counts.get("pl")).containsOnlyKeys("anger");
    assertThat(counts.get("all").get("anger")).isEqualTo(new SignalReport.Counts(3, 2, 4, 1));

    var reports = new LinkedHashMap<String, JsonNode>();
    reports.put("before", report(result("cs", "handover", "anger", "clarify", "low_confidence")));
    reports.put("after", report);
    var table = SignalReport.table(reports, true);
    assertThat(table).startsWith("| language | signal | before: recall");
    assertThat(table).contains("| cs | anger | 0.0 % (0/1) / – (0/0) / – / 0.000 | 50.0 % (1/2) / 25.0 % (1/4) / 50.0 % / 0.500 |\n"
        + "| cs | sarcasm | – | 100.0 % (1/1) / 0.0 % (0/4) / 100.0 % / 1.000 |\n| pl | anger | – |");
    assertThat(table).endsWith("| all | sarcasm | – | 100.0 % (1/1) / 0.0 % (0/4) / 100.0 % / 1.000 |\n");
  }

  @Test
  void aFileThatIsNotAnEvalReportIsNamed() throws Exception {
    assertThatThrownBy(() -> SignalReport.counts(JSON.readTree("{\"cases\": 3}"), "x.json"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x.json: not an eval report");
  }
}
