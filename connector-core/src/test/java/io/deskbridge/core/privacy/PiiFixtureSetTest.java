package io.deskbridge.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The redactor on {@code privacy/pii-fixtures.jsonl}: realistic support messages in English, Czech, Polish, Slovak
 * and Slovenian, each with its personal data labelled by value and type, and with look-alikes that must stay
 * (order, invoice and parcel numbers, dates, amounts, and card numbers, IBANs and national ids with a wrong check
 * digit). Prints recall per type and language and the false positives; issue #16's target is a recall of at least
 * 99 %, and no look-alike may be redacted.
 */
class PiiFixtureSetTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Labelled(String language, String text, List<Value> pii, List<String> lookalikes) {}

  record Value(PiiType type, String value) {}

  static List<Labelled> fixtures() throws Exception {
    var out = new ArrayList<Labelled>();
    try (var in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
        PiiFixtureSetTest.class.getResourceAsStream("/privacy/pii-fixtures.jsonl")), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = JSON.readTree(line);
        var pii = new ArrayList<Value>();
        n.path("pii").forEach(p -> pii.add(new Value(
            PiiType.valueOf(p.path("type").asText().toUpperCase(Locale.ROOT).replace('-', '_')),
            p.path("value").asText())));
        var decoys = new ArrayList<String>();
        n.path("lookalikes").forEach(d -> decoys.add(d.asText()));
        out.add(new Labelled(n.path("language").asText(), n.path("text").asText(), pii, decoys));
      }
    }
    return out;
  }

  @Test
  void recallIsAtLeast99PercentAndNoLookalikeIsRedacted() throws Exception {
    Redactor redactor = Redactor.standard();
    Map<String, int[]> recall = new TreeMap<>(); // "type language" -> {found, labelled}
    Map<String, Integer> falsePositives = new TreeMap<>(); // language -> spans over no labelled value
    List<String> missed = new ArrayList<>();
    List<String> lookalikesHit = new ArrayList<>();
    int labelled = 0;
    int found = 0;
    int lookalikes = 0;
    List<Labelled> set = fixtures();
    for (Labelled m : set) {
      List<PiiSpan> spans = redactor.find(m.text());
      List<int[]> labels = new ArrayList<>();
      for (Value v : m.pii()) {
        int start = m.text().indexOf(v.value());
        assertThat(start).as("the labelled value %s is in %s", v.value(), m.text()).isNotNegative();
        int end = start + v.value().length();
        labels.add(new int[] {start, end});
        boolean hit = spans.stream().anyMatch(s -> s.type() == v.type() && s.start() <= start && s.end() >= end
            && s.end() - s.start() <= v.value().length() + 2);
        var key = String.format("%-11s %s", v.type().placeholder(), m.language());
        recall.computeIfAbsent(key, k -> new int[2])[1]++;
        labelled++;
        if (hit) {
          recall.get(key)[0]++;
          found++;
        } else {
          missed.add(v.type() + " '" + v.value() + "' in: " + m.text() + " -> " + redactor.redact(m.text()));
        }
      }
      for (PiiSpan s : spans) {
        boolean onALabel = labels.stream().anyMatch(l -> s.start() < l[1] && l[0] < s.end());
        if (!onALabel) {
          falsePositives.merge(m.language(), 1, Integer::sum);
          lookalikesHit.add(s.type() + " '" + m.text().substring(s.start(), s.end()) + "' in: " + m.text());
        }
      }
      for (String decoy : m.lookalikes()) {
        int at = m.text().indexOf(decoy);
        lookalikes++;
        if (spans.stream().anyMatch(s -> s.start() < at + decoy.length() && at < s.end())) {
          lookalikesHit.add("look-alike '" + decoy + "' in: " + m.text());
        }
      }
    }
    System.out.printf("PII fixture set: %d messages, %d labelled values, %d look-alikes%n", set.size(), labelled,
        lookalikes);
    System.out.println("type        lang  found/labelled  recall");
    recall.forEach((k, v) -> System.out.printf("%s    %3d/%-3d        %5.1f %%%n", k, v[0], v[1], 100.0 * v[0] / v[1]));
    System.out.printf("all               %3d/%-3d        %5.1f %%%n", found, labelled, 100.0 * found / labelled);
    System.out.println("false positives (spans over no labelled value), by language: " + falsePositives);
    missed.forEach(x -> System.out.println("missed: " + x));
    lookalikesHit.forEach(x -> System.out.println("wrongly redacted: " + x));

    assertThat((double) found / labelled).as("recall; missed: %s", missed).isGreaterThanOrEqualTo(0.99);
    assertThat(lookalikesHit).as("look-alikes and other text redacted").isEmpty();
  }
}
