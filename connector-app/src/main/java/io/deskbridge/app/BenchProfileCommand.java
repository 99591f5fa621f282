package io.deskbridge.app;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Profiles the per-event path (issue #10 item 15): the Zendesk fake and one connector in this JVM (the bench's
 * in-process target, the real bot, an H2 file store as {@code serve} uses), new tickets at a steady rate, with a
 * Java Flight Recorder recording of the measured window only. Prints, per ticket, where the wall-clock time went
 * (from the fake's deliveries and comments and the store's own timestamps: webhook sent, received into the inbox,
 * acknowledged, decided, written, echo acknowledged, echo processed) and a {@link JfrReport} of the recording by
 * stage. {@code --analyse FILE} only summarises an existing recording (e.g. of a {@code serve} process).
 */
@Command(name = "profile", mixinStandardHelpOptions = true, version = Main.VERSION,
    description = "Profile one event end to end: in-process fake and connector (real bot, H2 file), JFR recording "
    + "of the measured window, wall-clock time per stage and a JFR summary by stage. See docs/bench/issue10-jfr.md.")
final class BenchProfileCommand implements Callable<Integer> {
  @Mixin
  VerboseOption verboseOption;

  @Option(names = "--rate", defaultValue = "23", description = "new tickets per second (default ${DEFAULT-VALUE}, "
      + "about 50 events/s)")
  int rate;

  @Option(names = "--seconds", defaultValue = "30", description = "measured seconds (default ${DEFAULT-VALUE})")
  int seconds;

  @Option(names = "--warmup", defaultValue = "15", description = "warm-up seconds at the same rate, not measured or "
      + "recorded (default ${DEFAULT-VALUE})")
  int warmup;

  @Option(names = "--handover-share", defaultValue = "0.2", description = "share of tickets that ask for a person")
  double handoverShare;

  @Option(names = "--jfr", defaultValue = "deskbridge-profile.jfr",
      description = "where to write the recording (default ${DEFAULT-VALUE}); 'none' records nothing")
  String jfr;

  @Option(names = "--settings", defaultValue = "profile", description = "JFR settings: profile, default or a .jfc "
      + "file; method sampling every 10 ms and fsync, file writes, parking over 1 ms are enabled on top")
  String settings;

  @Option(names = "--memory-store", description = "an in-memory H2 instead of the H2 file (no disk writes)")
  boolean memoryStore;

  @Option(names = "--withhold", split = ",", paramLabel = "CAPABILITY", description = "capabilities the connector "
      + "does not declare, e.g. CONDITIONAL_WRITES (core then re-reads before each public write; the window left is "
      + "printed); one of ${COMPLETION-CANDIDATES}")
  java.util.List<io.deskbridge.core.spi.Capability> withhold = new java.util.ArrayList<>();

  @Option(names = "--analyse", description = "only summarise this existing recording and exit")
  Path analyse;

  @Override
  public Integer call() throws Exception {
    if (analyse != null) {
      new JfrReport(System.out).print(analyse, null, 0, 0);
      return 0;
    }
    var missing = DemoLibraries.missing("bench profile");
    if (missing.isPresent()) {
      System.err.println(missing.get());
      return 2;
    }
    // the work is in a class picocli does not reflect on: its signatures name the fakes, which installs may lack
    new BenchProfile(rate, seconds, warmup, handoverShare, jfr, settings, memoryStore, java.util.Set.copyOf(withhold),
        System.out).run();
    return 0;
  }
}
