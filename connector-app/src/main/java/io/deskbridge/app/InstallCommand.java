package io.deskbridge.app;

import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.Installs;
import io.deskbridge.core.spi.InstallStep;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code install} and {@code uninstall}: register Deskbridge with each installation's helpdesk (webhooks, triggers,
 * integrations, generated packages, the text to paste where the vendor's API cannot), or remove it, printing each
 * step. Both are idempotent; {@code --dry-run} changes nothing.
 */
@Command(name = "install", mixinStandardHelpOptions = true, version = Main.VERSION,
    description = "Register Deskbridge with the helpdesk of each installation (or one): its webhook at "
        + "<server.publicUrl>/webhooks/<id>, the triggers or integrations, the signing secret written to the file the "
        + "configuration reads; for Salesforce a metadata package and the sf command to deploy it; for Daktela the "
        + "template to paste. Running it again creates nothing twice and puts right what drifted.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  deskbridge install --config deskbridge.yaml",
        "  deskbridge install --config deskbridge.yaml --installation acme --dry-run",
        "",
        "Then: deskbridge doctor --config deskbridge.yaml, and deskbridge serve --config deskbridge.yaml."})
final class InstallCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, paramLabel = "FILE", description = "the YAML configuration file")
  Path config;

  @Option(names = "--installation", paramLabel = "ID", description = "only this installation (default: all)")
  String installation;

  @Option(names = "--dry-run", description = "read only: print what would be done, change nothing")
  boolean dryRun;

  @Option(names = VerboseOption.NAME, description = "show the stack trace of an error")
  boolean verbose;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    var installs = installs(config, spec);
    print(spec.commandLine().getOut(), installs.install(Optional.ofNullable(installation), dryRun), dryRun);
    return 0;
  }

  static Installs installs(Path config, CommandSpec spec) {
    return new Installs(ConfiguredStore.load(config, spec), config, Connectors.discover(), Clock.systemUTC());
  }

  /** One line per step ({@code created  webhook …}), per installation, then the counts. */
  static void print(PrintWriter out, List<Installs.Outcome> outcomes, boolean dryRun) {
    var counts = new EnumMap<InstallStep.Kind, Integer>(InstallStep.Kind.class);
    for (var o : outcomes) {
      out.println(o.installationId() + " (" + o.vendor() + ")" + (dryRun ? ", dry run:" : ":"));
      if (o.steps().isEmpty()) {
        out.println("  nothing to register with " + o.vendor());
      }
      for (var step : o.steps()) {
        counts.merge(step.kind(), 1, Integer::sum);
        String label = label(step.kind(), dryRun);
        String text = step.description().replace("\n", "\n" + " ".repeat(label.length() + 3));
        out.println("  " + label + " " + text);
      }
    }
    var summary = new StringBuilder();
    for (var kind : InstallStep.Kind.values()) {
      if (counts.getOrDefault(kind, 0) > 0) {
        summary.append(summary.isEmpty() ? "" : ", ").append(counts.get(kind)).append(' ')
            .append(kind == InstallStep.Kind.MANUAL ? "manual step(s) to do" : label(kind, dryRun).strip());
      }
    }
    out.println(summary.isEmpty() ? "nothing done" : summary.toString());
    out.flush();
  }

  private static String label(InstallStep.Kind kind, boolean dryRun) {
    String word = switch (kind) {
      case CREATED -> dryRun ? "would create" : "created";
      case PRESENT -> "present";
      case UPDATED -> dryRun ? "would update" : "updated";
      case REMOVED -> dryRun ? "would remove" : "removed";
      case ABSENT -> "absent";
      case MANUAL -> "to do";
    };
    return String.format(Locale.ROOT, "%-" + (dryRun ? 12 : 7) + "s", word);
  }
}
