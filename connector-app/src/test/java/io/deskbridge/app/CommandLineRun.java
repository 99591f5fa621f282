package io.deskbridge.app;

import java.io.PrintWriter;
import java.io.StringWriter;

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
}
