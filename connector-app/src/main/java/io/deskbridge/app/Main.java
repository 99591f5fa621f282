package io.deskbridge.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code deskbridge serve | install | uninstall | doctor | demo | bench | dead-letters | eval | datasets | train-sarcasm | help}: the command line
 * entry point. Every command answers {@code --help} (and {@code help COMMAND}); a mistake the user can fix ends
 * with one line {@code error: …} and exit code 2, see {@link UserErrors}.
 */
@Command(name = "deskbridge", mixinStandardHelpOptions = true, version = Main.VERSION,
    description = "An AI first line in front of your helpdesk, with clean handover to people.",
    subcommands = {ServeCommand.class, InstallCommand.class, UninstallCommand.class, DoctorCommand.class, DemoCommand.class, BenchCommand.class, DeadLettersCommand.class, AuditCommand.class, KbCommand.class, ApiKeyCommand.class,
        EvalCommand.class, SimulateCommand.class, EvalSignalsCommand.class, DatasetsCommand.class, TrainSarcasmCommand.class, TrainSignalsCommand.class, CommandLine.HelpCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {
        "  deskbridge demo                          the scripted demo on a built-in fake",
        "  deskbridge install --config deskbridge.yaml   register with the helpdesks (then doctor, serve)",
        "  deskbridge doctor --config deskbridge.yaml  checks the configuration, credentials, store and knowledge",
        "  deskbridge serve --config deskbridge.yaml",
        "  deskbridge dead-letters list --config deskbridge.yaml",
        "  deskbridge audit export --config deskbridge.yaml --from 2026-11-01 --to 2026-12-01 --format csv",
        "  deskbridge api-key create --installation web --name chat-widget --config deskbridge.yaml",
        "  deskbridge simulate --config deskbridge.yaml --installation acme --since 30d",
        "  deskbridge help serve                    the options of one command",
        "",
        "Exit codes: 0 done; 1 failed (demo: an outcome differed from the script); 2 a mistake in the command line, "
            + "the configuration or an input file, explained in one line on standard error. --verbose adds the "
            + "stack trace of an error."})
public final class Main implements Runnable {
  /** The version every command prints with {@code --version}. */
  static final String VERSION = "Deskbridge 0.1.0";

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with the error handling every command shares; tests run commands through it. */
  static CommandLine commandLine() {
    var errors = new UserErrors();
    return new CommandLine(new Main()).setExecutionExceptionHandler(errors).setParameterExceptionHandler(errors);
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
