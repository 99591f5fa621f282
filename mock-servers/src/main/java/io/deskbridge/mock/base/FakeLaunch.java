package io.deskbridge.mock.base;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.CountDownLatch;
import java.util.function.IntFunction;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What every fake's standalone launcher shares: picocli with one-line errors and exit code 2, the checks of its
 * common options, the start on a port, and serving until the process is stopped. Needs the optional picocli and
 * logback dependencies, which the launcher jars bring.
 */
public final class FakeLaunch {
  private FakeLaunch() {}

  /**
   * The options every launcher has, {@code --verbose} and {@code --help}: a launcher declares a field of this type as
   * a picocli {@code @Mixin}.
   */
  public static final class CommonOptions {
    @Option(names = "--verbose", description = "log WireMock and Jetty too")
    boolean verbose;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    /** Whether WireMock and Jetty log too; pass it to {@link FakeLaunch#start}. */
    public boolean verbose() {
      return verbose;
    }
  }

  /** A mistake in the arguments found after parsing: one line on stderr, exit 2. */
  public static final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageError(String message) {
      super(message, null, false, false);
    }
  }

  /** Parses {@code args} into the picocli {@code command} and runs it; returns the exit code (2 for bad arguments). */
  public static int run(Object command, String... args) {
    CommandLine cli = new CommandLine(command);
    cli.setParameterExceptionHandler((e, a) -> {
      PrintWriter err = e.getCommandLine().getErr();
      err.println("error: " + e.getMessage() + " (see --help)");
      err.flush();
      return 2;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof UsageError u) {
        commandLine.getErr().println("error: " + u.getMessage());
        commandLine.getErr().flush();
        return 2;
      }
      throw e;
    });
    return cli.execute(args);
  }

  /**
   * Checks the port and an optional webhook target URL, quiets the logs unless {@code verbose}, and starts the fake.
   *
   * @param option the target's option name, for the error message
   * @throws UsageError naming the option and the fix
   */
  public static <F extends AutoCloseable> F start(int port, String option, URI target, boolean verbose,
      IntFunction<F> starter) {
    if (target != null && (!target.isAbsolute() || !target.getScheme().matches("https?") || target.getHost() == null)) {
      throw new UsageError(option + " must be an http(s) URL such as http://localhost:8080/webhooks/acme, was "
          + target);
    }
    if (port < 0 || port > 65535) {
      throw new UsageError("--port must be from 0 to 65535, was " + port);
    }
    if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext) {
      ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(verbose ? Level.INFO : Level.WARN);
      ((Logger) LoggerFactory.getLogger("io.deskbridge.mock")).setLevel(Level.INFO);
    }
    try {
      return starter.apply(port);
    } catch (RuntimeException e) {
      throw new UsageError("cannot listen on --port " + port + " (" + rootMessage(e)
          + "); choose another port, or 0 for a free one");
    }
  }

  /** Blocks until a signal stops the process; a shutdown hook closes {@code fake}. */
  public static void serveUntilStopped(AutoCloseable fake, String name) throws InterruptedException {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        fake.close();
      } catch (Exception e) {
        // the process is ending; nothing left to tell
      }
    }, name + "-shutdown"));
    new CountDownLatch(1).await();
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }
}
