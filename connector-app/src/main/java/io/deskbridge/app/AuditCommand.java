package io.deskbridge.app;

import io.deskbridge.core.privacy.Redactor;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** Exports the decision audit of the configured store, personal data redacted. */
@Command(name = "audit", mixinStandardHelpOptions = true, version = Main.VERSION,
    description = "Export the decision audit (every decision with its input, scores, reasons and actions).",
    subcommands = {AuditCommand.Export.class, CommandLine.HelpCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {
        "  deskbridge audit export --config deskbridge.yaml --from 2026-11-01 --to 2026-12-01 --format csv "
            + "--output audit.csv",
        "  deskbridge audit export --config deskbridge.yaml --from 2026-11-30T08:00:00Z --to 2026-11-30T12:00:00Z",
        "",
        "E-mail addresses, phone numbers, card numbers, IBANs and national ids in the texts are replaced by "
            + "[email], [phone], [card], [iban] and [national-id]."})
final class AuditCommand implements Runnable {
  @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "the YAML configuration file (its store is used)")
  Path config;

  @Option(names = VerboseOption.NAME, scope = ScopeType.INHERIT, description = "show the stack trace of an error")
  boolean verbose;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "export", mixinStandardHelpOptions = true, version = Main.VERSION,
      description = "Write the audit records recorded from --from (inclusive) to --to (exclusive), oldest first, "
          + "redacted, to standard output or --output.")
  static final class Export implements Callable<Integer> {
    @ParentCommand
    AuditCommand parent;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "WHEN",
        description = "the first instant: a date (2026-11-01, midnight UTC) or an instant (2026-11-01T08:00:00Z)")
    String from;

    @Option(names = "--to", required = true, paramLabel = "WHEN", description = "the end (exclusive), like --from")
    String to;

    @Option(names = "--format", paramLabel = "jsonl|csv", defaultValue = "jsonl",
        description = "jsonl (one JSON object per line, the default) or csv (a header row, then one row per record)")
    String format;

    @Option(names = "--output", paramLabel = "FILE", description = "the file to write (default: standard output)")
    Path output;

    @Override
    public Integer call() throws IOException {
      Instant start = instant("--from", from);
      Instant end = instant("--to", to);
      if (!start.isBefore(end)) {
        throw new ParameterException(spec.commandLine(), "--from (" + start + ") must be before --to (" + end + ")");
      }
      AuditExport.Format kind = format(format);
      var cfg = ConfiguredStore.load(parent.config, parent.spec);
      try (var store = ConfiguredStore.open(parent.config, cfg);
          Writer writer = output == null
              ? new OutputStreamWriter(new java.io.FilterOutputStream(System.out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                  out.write(b, off, len);
                }

                @Override
                public void close() throws IOException {
                  flush(); // standard output stays open
                }
              }, StandardCharsets.UTF_8)
              : Files.newBufferedWriter(output, StandardCharsets.UTF_8);
          var export = new AuditExport(kind, writer, Redactor.standard())) {
        store.auditBetween(start, end, export::write);
        export.close();
        if (output != null) {
          System.err.println(export.written() + " audit record(s) written to " + output);
        }
      }
      return 0;
    }

    private AuditExport.Format format(String text) {
      try {
        return AuditExport.Format.valueOf(text.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(spec.commandLine(), "--format must be jsonl or csv, was '" + text + "'");
      }
    }

    private Instant instant(String option, String text) {
      try {
        return text.length() == 10 ? LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant()
            : Instant.parse(text);
      } catch (DateTimeParseException e) {
        throw new ParameterException(spec.commandLine(), option + " must be a date like 2026-11-01 or an instant "
            + "like 2026-11-01T08:00:00Z, was '" + text + "'");
      }
    }
  }
}
