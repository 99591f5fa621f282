package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/**
 * One run of the command line as {@link Main#main} runs it (with its error handling), capturing what picocli and
 * the error handler write.
 *
 * @param exitCode the exit code
 * @param out      standard output as written through picocli (usage, help)
 * @param err      standard error as written through picocli (the {@code error: …} line)
 */
record CommandLineRun(int exitCode, String out, String err) {
  static CommandLineRun of(String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var commandLine = Main.commandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new CommandLineRun(code, out.toString(), err.toString());
  }

  /**
   * Runs the command line and returns what the command printed to {@code System.out}; fails the test unless the exit
   * code is 0.
   */
  static String stdout(String... args) {
    var out = new ByteArrayOutputStream();
    var previous = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      int code = Main.commandLine().execute(args);
      assertThat(code).as("exit code of %s", String.join(" ", args)).isZero();
    } finally {
      System.setOut(previous);
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
