package io.deskbridge.app;

import io.deskbridge.core.store.DeadLetter;
import io.deskbridge.core.store.JdbcStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Lists, shows and replays events that were given up on, from the configured store. */
@Command(name = "dead-letters", mixinStandardHelpOptions = true, version = Main.VERSION,
    description = "List, inspect and replay events that failed for good.",
    subcommands = {DeadLettersCommand.ListLetters.class, DeadLettersCommand.Show.class, DeadLettersCommand.Replay.class,
        CommandLine.HelpCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {
        "  deskbridge dead-letters list --config deskbridge.yaml",
        "  deskbridge dead-letters show 12 --config deskbridge.yaml",
        "  deskbridge dead-letters --config deskbridge.yaml replay 12",
        "",
        "Options may come before or after the subcommand. The store is the one the configuration file names "
            + "(the same as serve's)."})
final class DeadLettersCommand implements Runnable {
  /** Inherited by the subcommands, so it may be given before or after {@code list}, {@code show} or {@code replay}. */
  @Option(names = "--config", paramLabel = "FILE", scope = ScopeType.INHERIT,
      description = "the YAML configuration file (its store is used)")
  Path config;

  @Option(names = VerboseOption.NAME, scope = ScopeType.INHERIT, description = "show the stack trace of an error")
  boolean verbose;

  @Spec
  CommandSpec spec;

  /** Without a subcommand: the usage. */
  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  JdbcStore open() {
    return ConfiguredStore.open(config, ConfiguredStore.load(config, spec));
  }

  static String line(DeadLetter d) {
    return String.format("%-6d %-20s %-12s %-12s %3d  %s", d.id(), d.at(), d.installationId(),
        d.event().conversationId(), d.attempts(), DemoCommand.excerpt(d.reason(), 80));
  }

  @Command(name = "list", mixinStandardHelpOptions = true, version = Main.VERSION,
      description = "List dead letters, newest first.")
  static final class ListLetters implements Callable<Integer> {
    @ParentCommand
    DeadLettersCommand parent;

    @Override
    public Integer call() {
      try (var store = parent.open()) {
        print(System.out, store);
      }
      return 0;
    }

    static void print(PrintStream out, JdbcStore store) {
      var letters = store.deadLetters();
      out.printf("%-6s %-20s %-12s %-12s %3s  %s%n", "id", "at", "installation", "conversation", "try", "reason");
      letters.forEach(d -> out.println(line(d)));
      out.println(letters.size() + " dead letter(s)");
    }
  }

  @Command(name = "show", mixinStandardHelpOptions = true, version = Main.VERSION,
      description = "Show one dead letter with its event.")
  static final class Show implements Callable<Integer> {
    @ParentCommand
    DeadLettersCommand parent;

    @Parameters(paramLabel = "ID")
    long id;

    @Override
    public Integer call() {
      try (var store = parent.open()) {
        var letter = store.deadLetter(id);
        if (letter.isEmpty()) {
          System.err.println("no dead letter " + id);
          return 1;
        }
        var d = letter.get();
        System.out.println("id:           " + d.id());
        System.out.println("at:           " + d.at());
        System.out.println("installation: " + d.installationId());
        System.out.println("attempts:     " + d.attempts());
        System.out.println("reason:       " + d.reason());
        System.out.println("event:        " + d.event().id() + " (" + d.event().kind() + ") for conversation "
            + d.event().conversationId() + " at " + d.event().occurredAt());
        d.event().message().ifPresent(m -> System.out.println("message:      " + m.role() + ": " + m.text()));
        return 0;
      }
    }
  }

  @Command(name = "replay", mixinStandardHelpOptions = true, version = Main.VERSION,
      description = "Put a dead letter's event back into the inbox; a running connector processes it.")
  static final class Replay implements Callable<Integer> {
    @ParentCommand
    DeadLettersCommand parent;

    @Parameters(paramLabel = "ID")
    long id;

    @Override
    public Integer call() {
      try (var store = parent.open()) {
        if (!store.replay(id, Clock.systemUTC().instant())) {
          System.err.println("no dead letter " + id);
          return 1;
        }
        System.out.println("dead letter " + id + " is back in the inbox");
        return 0;
      }
    }
  }
}
