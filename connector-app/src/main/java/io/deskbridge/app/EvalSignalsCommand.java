package io.deskbridge.app;

import io.deskbridge.app.eval.SignalReport;
import java.nio.file.Path;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code eval-signals}: the signals' recall, false alarms and precision per language from {@code eval --json}
 * reports, side by side; see {@link SignalReport} and docs/quality.md, "Signals in five languages".
 */
@Command(name = "eval-signals", mixinStandardHelpOptions = true, version = Main.VERSION,
    description = "Tabulate each signal's recall, false alarms on no_handover cases, precision and F1 per language "
        + "from eval --json reports, side by side.",
    footerHeading = "%nExample:%n",
    footer = {"  deskbridge eval-signals --report before=/tmp/before.json --report after=/tmp/after.json --markdown"})
final class EvalSignalsCommand implements Callable<Integer> {
  @Mixin
  VerboseOption verbose;

  @Option(names = "--report", required = true, description = "LABEL=FILE: an eval --json report and its column "
      + "label; repeat to compare")
  List<String> reports;

  @Option(names = "--markdown", description = "a Markdown table instead of tab-separated text")
  boolean markdown;

  /** Exit code 0; a malformed option or an unreadable report ends as {@link UserErrors} says (2). */
  @Override
  public Integer call() {
    var files = new ArrayList<Map.Entry<String, Path>>();
    for (var r : reports) {
      int eq = r.indexOf('=');
      if (eq <= 0 || eq == r.length() - 1) {
        throw new IllegalArgumentException("--report must be LABEL=FILE (e.g. after=/tmp/after.json), got '" + r + "'");
      }
      files.add(new AbstractMap.SimpleEntry<>(r.substring(0, eq), Path.of(r.substring(eq + 1))));
    }
    System.out.print(SignalReport.table(files, markdown));
    return 0;
  }
}
