package io.deskbridge.app;

import io.deskbridge.core.DeskbridgeConfig;
import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.error.ConfigException;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.kbsync.KnowledgeSync;
import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.ConnectorContext;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** The knowledge synced from the helpdesks' own knowledge bases. */
@Command(name = "kb", mixinStandardHelpOptions = true, version = Main.VERSION,
    description = "Knowledge synced from the helpdesks' own knowledge bases (installations[].knowledge.sync).",
    subcommands = {KbCommand.Sync.class, CommandLine.HelpCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {
        "  deskbridge kb sync --config deskbridge.yaml",
        "  deskbridge kb sync --config deskbridge.yaml --installation acme-zendesk",
        "",
        "serve syncs by itself every knowledge.sync.every; kb sync syncs now (into the store serve uses) and prints "
            + "what it added, updated and removed. A running serve picks the changes up at its next sync."})
final class KbCommand implements Runnable {
  @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "the YAML configuration file (its installations and store are used)")
  Path config;

  @Option(names = VerboseOption.NAME, scope = ScopeType.INHERIT, description = "show the stack trace of an error")
  boolean verbose;

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  @Command(name = "sync", mixinStandardHelpOptions = true, version = Main.VERSION,
      description = "Sync the published, public articles of each installation with knowledge.sync (or only "
          + "--installation) into the store, from where the last sync ended; print a progress line per page and "
          + "then the articles added, updated and removed.")
  static final class Sync implements Callable<Integer> {
    @ParentCommand
    KbCommand parent;

    @Option(names = "--installation", paramLabel = "ID", description = "only this installation")
    String installation;

    @Override
    public Integer call() {
      var cfg = ConfiguredStore.load(parent.config, parent.spec);
      var selected = selected(cfg);
      var connectors = Connectors.discover();
      var out = System.out;
      var clock = Clock.systemUTC();
      try (var store = ConfiguredStore.open(parent.config, cfg)) {
        var sync = new KnowledgeSync(store.syncedKnowledge(), clock);
        for (var i : selected) {
          try (Connector connector = connectors.forVendor(i.vendor()).create(new ConnectorContext(i.id(),
              i.settings(), clock, i.routing().handoverTag()))) {
            var source = connector.knowledgeSource().orElseThrow(() -> new ConfigException(parent.config
                + ": installations[" + i.id() + "].knowledge.sync: vendor " + i.vendor() + " has no knowledge base "
                + "Deskbridge can sync; remove the section"));
            long started = System.nanoTime();
            var progress = new ProgressLine(out, i.id());
            KnowledgeSync.Result result;
            try {
              result = sync.run(i.id(), source, i.knowledgeSync(), progress);
            } catch (RuntimeException e) {
              progress.end();
              throw failure(i, connector, e);
            }
            progress.end();
            out.printf(Locale.ROOT, "%s: added %d, updated %d, removed %d (%d read, %d page(s)%s) in %.1f s%n",
                i.id(), result.added(), result.updated(), result.removed(), result.read(), result.pages(),
                result.full() ? ", full sync" : "", (System.nanoTime() - started) / 1e9);
          }
        }
      }
      return 0;
    }

    private List<DeskbridgeConfig.InstallationConfig> selected(DeskbridgeConfig cfg) {
      var out = new ArrayList<DeskbridgeConfig.InstallationConfig>();
      for (var i : cfg.installations()) {
        if (installation != null && !installation.equals(i.id())) {
          continue;
        }
        if (i.knowledgeSync() == null) {
          if (installation != null) {
            throw new ConfigException(parent.config + ": installations[" + i.id() + "] has no knowledge.sync "
                + "section; add one, e.g. knowledge: {sync: {every: 1h}}");
          }
          continue;
        }
        out.add(i);
      }
      if (installation != null && out.isEmpty()) {
        throw new ConfigException(parent.config + ": no installation '" + installation + "'; the installations are "
            + String.join(", ", cfg.installations().stream().map(DeskbridgeConfig.InstallationConfig::id).toList()));
      }
      if (out.isEmpty()) {
        throw new ConfigException(parent.config + ": no installation has a knowledge.sync section; add one to an "
            + "installation, e.g. knowledge: {sync: {every: 1h}}");
      }
      return out;
    }

    /** The vendor's failure in one line: a refused token or a missing right names the settings (exit 2). */
    private RuntimeException failure(DeskbridgeConfig.InstallationConfig i, Connector connector, RuntimeException e) {
      VendorException mapped;
      try {
        mapped = e instanceof VendorException v ? v : connector.errorMapper().map(e);
      } catch (RuntimeException unmapped) {
        return e;
      }
      String what = parent.config + ": installations[" + i.id() + "]: the knowledge sync failed: "
          + mapped.getMessage();
      return switch (mapped.kind()) {
        case AUTH, FORBIDDEN, NOT_FOUND -> new ConfigException(what + "; check installations[" + i.id()
            + "].settings (the token needs agent or admin access to the help center)", e);
        // refused as invalid (e.g. a Salesforce body field the org does not have): running again would not help
        case INVALID -> new ConfigException(what + "; check installations[" + i.id() + "].knowledge.sync (bodyFields "
            + "must name fields of the article type) and installations[" + i.id() + "].settings", e);
        default -> new IllegalStateException(what + " (nothing after the last stored page is lost; run again)", e);
      };
    }
  }

  /**
   * The progress of one installation's sync: on a terminal one line rewritten after each page, else one line per
   * page.
   */
  static final class ProgressLine implements KnowledgeSync.Progress {
    private final PrintStream out;
    private final String installation;
    private final boolean terminal = System.console() != null;
    private boolean open;

    ProgressLine(PrintStream out, String installation) {
      this.out = out;
      this.installation = installation;
    }

    @Override
    public void page(KnowledgeSync.Result soFar) {
      String line = String.format(Locale.ROOT, "%s: page %d, %d read | +%d ~%d -%d", installation, soFar.pages(),
          soFar.read(), soFar.added(), soFar.updated(), soFar.removed());
      if (terminal) {
        out.print("\r" + line + "   ");
        open = true;
      } else {
        out.println(line);
      }
      out.flush();
    }

    void end() {
      if (open) {
        out.println();
        open = false;
      }
    }
  }
}
