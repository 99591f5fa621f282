package io.deskbridge.app;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code deskbridge serve | demo | bench | dead-letters | eval | datasets | train-sarcasm}: the command line entry
 * point.
 */
@Command(name = "deskbridge", mixinStandardHelpOptions = true, version = "Deskbridge 0.1.0",
    description = "An AI first line in front of your helpdesk, with clean handover to people.",
    subcommands = {ServeCommand.class, DemoCommand.class, BenchCommand.class, DeadLettersCommand.class,
        EvalCommand.class, DatasetsCommand.class, TrainSarcasmCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(new CommandLine(new Main()).execute(args));
  }

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
