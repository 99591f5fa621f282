package io.deskbridge.app;

import io.deskbridge.core.config.ConfigLoader;
import io.deskbridge.core.store.DeadLetter;
import io.deskbridge.core.store.JdbcStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** Lists, shows and replays events that were given up on, from the configured store. */
@Command(name = "dead-letters", description = "List, inspect and replay events that failed for good.",
    subcommands = {DeadLettersCommand.ListLetters.class, DeadLettersCommand.Show.class, DeadLettersCommand.Replay.class})
final class DeadLettersCommand {
  @Option(names = "--config", required = true, description = "the YAML configuration file (its store is used)")
  Path config;

  JdbcStore open() {
    return JdbcStore.open(ConfigLoader.load(config, System::getenv).store());
  }

  static String line(DeadLetter d) {
    return String.format("%-6d %-20s %-12s %-12s %3d  %s", d.id(), d.at(), d.installationId(),
        d.event().conversationId(), d.attempts(), DemoCommand.excerpt(d.reason(), 80));
  }

  @Command(name = "list", description = "List dead letters, newest first.")
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

  @Command(name = "show", description = "Show one dead letter with its event.")
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

  @Command(name = "replay", description = "Put a dead letter's event back into the inbox; a running connector processes it.")
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
