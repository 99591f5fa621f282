package io.deskbridge.app;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code uninstall}: removes what {@code install} made at each installation's helpdesk (see {@link InstallCommand}). */
@Command(name = "uninstall", mixinStandardHelpOptions = true, version = Main.VERSION,
    description = "Remove what install made at the helpdesk of each installation (or one): the webhook, the triggers "
        + "or integrations, found by the names install gives them; nothing an admin made. Running it again removes "
        + "nothing more.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  deskbridge uninstall --config deskbridge.yaml --installation acme",
        "  deskbridge uninstall --config deskbridge.yaml --dry-run"})
final class UninstallCommand implements Callable<Integer> {
  @Option(names = "--config", required = true, paramLabel = "FILE", description = "the YAML configuration file")
  Path config;

  @Option(names = "--installation", paramLabel = "ID", description = "only this installation (default: all)")
  String installation;

  @Option(names = "--dry-run", description = "read only: print what would be removed, change nothing")
  boolean dryRun;

  @Option(names = VerboseOption.NAME, description = "show the stack trace of an error")
  boolean verbose;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    var installs = InstallCommand.installs(config, spec);
    InstallCommand.print(spec.commandLine().getOut(), installs.uninstall(Optional.ofNullable(installation), dryRun),
        dryRun);
    return 0;
  }
}
