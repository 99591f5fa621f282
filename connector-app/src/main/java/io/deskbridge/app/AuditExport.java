package io.deskbridge.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.deskbridge.core.privacy.Redactor;
import io.deskbridge.core.store.AuditRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes audit records for {@code audit export}, one per line in JSON Lines or one per row in CSV (RFC 4180 through
 * commons-csv, a header row first), with the personal data of every free-text field replaced by the
 * {@link Redactor}'s placeholders: the customer's input, the actions, the outcome and every string in the detail
 * (the reply, the question, the handover summary). Ids, codes and scores are kept as they are.
 *
 * <p>Columns (CSV) and fields (JSON): {@link #COLUMNS}; in CSV the lists and maps are JSON text. Not thread-safe: one
 * export writes through one instance.
 */
final class AuditExport implements AutoCloseable {
  /** The export formats. */
  enum Format { JSONL, CSV }

  static final List<String> COLUMNS = List.of("at", "installation", "conversation", "event", "mode", "decision",
      "reasons", "confidence", "article", "signals", "input", "actions", "outcome", "episode", "detail");

  private static final ObjectMapper JSON = new ObjectMapper();

  private final Format format;
  private final Writer out;
  private final Redactor redactor;
  private final CSVPrinter csv;
  private long written;

  AuditExport(Format format, Writer out, Redactor redactor) throws IOException {
    this.format = Objects.requireNonNull(format, "format");
    this.out = Objects.requireNonNull(out, "out");
    this.redactor = Objects.requireNonNull(redactor, "redactor");
    this.csv = format == Format.CSV
        ? new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get())
        : null;
  }

  /** Writes one record, redacted. */
  void write(AuditRecord r) {
    Map<String, Object> row = row(r);
    try {
      if (format == Format.JSONL) {
        out.write(JSON.writeValueAsString(row));
        out.write('\n');
      } else {
        csv.printRecord(row.values().stream().map(AuditExport::cell).toList());
      }
      written++;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How many records were written. */
  long written() {
    return written;
  }

  /** The record's fields, in {@link #COLUMNS} order, its free text redacted. */
  Map<String, Object> row(AuditRecord r) {
    var row = new LinkedHashMap<String, Object>();
    row.put("at", r.at() == null ? null : r.at().toString());
    row.put("installation", r.installationId());
    row.put("conversation", r.conversationId());
    row.put("event", r.eventId());
    row.put("mode", r.mode());
    row.put("decision", r.decision());
    row.put("reasons", r.reasons());
    row.put("confidence", r.confidence());
    row.put("article", r.articleId());
    row.put("signals", r.signals());
    row.put("input", redactor.redact(r.input()));
    row.put("actions", r.actions().stream().map(redactor::redact).toList());
    row.put("outcome", redactor.redact(r.outcome()));
    row.put("episode", r.episode());
    row.put("detail", redacted(r.detail()));
    return row;
  }

  /** Strings anywhere in a JSON-shaped value redacted, the rest as it is. */
  private Object redacted(Object value) {
    if (value instanceof String s) {
      return redactor.redact(s);
    }
    if (value instanceof Map<?, ?> m) {
      var copy = new LinkedHashMap<String, Object>();
      m.forEach((k, v) -> copy.put(String.valueOf(k), redacted(v)));
      return copy;
    }
    if (value instanceof List<?> l) {
      return l.stream().map(this::redacted).toList();
    }
    return value;
  }

  private static Object cell(Object value) {
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      try {
        return JSON.writeValueAsString(value);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
    return value;
  }

  @Override
  public void close() throws IOException {
    if (csv != null) {
      csv.flush();
    }
    out.flush();
  }
}
