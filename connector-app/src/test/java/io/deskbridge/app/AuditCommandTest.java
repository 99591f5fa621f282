package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.store.AuditRecord;
import io.deskbridge.core.store.JdbcStore;
import io.deskbridge.core.store.StoreConfig;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code audit export}: the range, both formats, personal data redacted, and one-line errors. */
class AuditCommandTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path dir;
  private String config;

  @BeforeEach
  void store() throws Exception {
    config = Files.writeString(dir.resolve("deskbridge.yaml"), """
        store: {directory: %s}
        knowledge: kb
        installations:
          - id: acme
            vendor: zendesk
            routing: {defaultGroup: "1"}
        """.formatted(dir.resolve("data"))).toString();
    try (var store = JdbcStore.open(StoreConfig.h2File(dir.resolve("data")))) {
      store.append(record("t-0", Instant.parse("2026-10-31T23:59:59Z"), "before the range", Map.of()));
      store.append(record("t-1", Instant.parse("2026-11-01T00:00:00Z"),
          "Call me on +420 602 123 456 or write to jana.novakova@seznam.cz, order 2026001234",
          Map.of("text", "We will write to jana.novakova@seznam.cz.", "summary",
              Map.of("keyFacts", List.of("IBAN CZ65 0800 0000 1920 0014 5399")))));
      store.append(record("t-2", Instant.parse("2026-11-15T10:00:00Z"), "RČ 800101/1238, \"quoted\", comma", Map.of()));
      store.append(record("t-3", Instant.parse("2026-12-01T00:00:00Z"), "after the range", Map.of()));
    }
  }

  private static AuditRecord record(String conversation, Instant at, String input, Map<String, Object> detail) {
    return new AuditRecord(at, "acme", conversation, "e-" + conversation, "auto", "reply", List.of("confident"), 0.91,
        "kb-7", Map.of("anger", 0.1), input, List.of("public_reply(42 chars)"), "applied", 1, detail);
  }

  @Test
  void jsonLinesHoldTheRangeRedacted() throws Exception {
    String out = CommandLineRun.stdout("audit", "export", "--config", config, "--from", "2026-11-01", "--to",
        "2026-12-01");

    List<String> lines = out.lines().toList();
    assertThat(lines).hasSize(2);
    var first = JSON.readTree(lines.get(0));
    assertThat(first.path("conversation").asText()).isEqualTo("t-1");
    assertThat(first.path("at").asText()).isEqualTo("2026-11-01T00:00:00Z");
    assertThat(first.path("input").asText()).isEqualTo("Call me on [phone] or write to [email], order 2026001234");
    assertThat(first.path("detail").path("text").asText()).isEqualTo("We will write to [email].");
    assertThat(first.path("detail").path("summary").path("keyFacts").get(0).asText()).isEqualTo("IBAN [iban]");
    assertThat(first.path("confidence").asDouble()).isEqualTo(0.91);
    assertThat(first.path("reasons").get(0).asText()).isEqualTo("confident");
    assertThat(JSON.readTree(lines.get(1)).path("input").asText()).isEqualTo("RČ [national-id], \"quoted\", comma");
    assertThat(out).doesNotContain("602 123 456").doesNotContain("seznam.cz").doesNotContain("0800 0000");
  }

  @Test
  void csvHasAHeaderAndOneRowPerRecordToAFile() throws Exception {
    Path file = dir.resolve("audit.csv");
    CommandLineRun.stdout("audit", "export", "--config", config, "--from", "2026-11-01T00:00:00Z", "--to",
        "2026-11-30T00:00:00Z", "--format", "csv", "--output", file.toString());

    var rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
        .parse(new StringReader(Files.readString(file))).getRecords();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).getParser().getHeaderNames()).containsExactlyElementsOf(AuditExport.COLUMNS);
    assertThat(rows.get(0).get("input")).isEqualTo("Call me on [phone] or write to [email], order 2026001234");
    assertThat(rows.get(1).get("input")).isEqualTo("RČ [national-id], \"quoted\", comma");
    assertThat(JSON.readTree(rows.get(0).get("detail")).path("text").asText()).isEqualTo("We will write to [email].");
    assertThat(rows.get(0).get("episode")).isEqualTo("1");
  }

  @Test
  void aWrongFormatOrRangeIsOneLineWithExitCode2() {
    var format = CommandLineRun.of("audit", "export", "--config", config, "--from", "2026-11-01", "--to",
        "2026-12-01", "--format", "xml");
    assertThat(format.exitCode()).isEqualTo(2);
    assertThat(format.err()).contains("--format must be jsonl or csv, was 'xml'");

    var range = CommandLineRun.of("audit", "export", "--config", config, "--from", "2026-12-01", "--to",
        "2026-11-01");
    assertThat(range.exitCode()).isEqualTo(2);
    assertThat(range.err()).contains("--from (2026-12-01T00:00:00Z) must be before --to");

    var date = CommandLineRun.of("audit", "export", "--config", config, "--from", "yesterday", "--to", "2026-11-01");
    assertThat(date.exitCode()).isEqualTo(2);
    assertThat(date.err()).contains("--from must be a date like 2026-11-01");
  }
}
