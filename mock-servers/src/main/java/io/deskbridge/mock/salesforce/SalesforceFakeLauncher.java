package io.deskbridge.mock.salesforce;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Runs the Salesforce fake standalone ({@code java -jar mock-servers/target/salesforce-fake.jar}, see the
 * mock-servers README): prints where it listens, the org id, the connector's credentials and the queues, subscribes
 * the Outbound Messages to {@code --deliver-to}, then serves until the process is stopped. Exit codes: 0 after
 * {@code --help}, 2 for bad arguments or a port that cannot be bound (one line on stderr, no stack trace).
 */
@Command(name = "salesforce-fake", sortOptions = false,
    description = {
        "Runs a stateful fake of a Salesforce Service Cloud org on WireMock: the partner SOAP API "
            + "(/services/Soap/u/64.0 login, or an OAuth token from /services/oauth2/token as the session id) and "
            + "Outbound Messages with Salesforce's retry schedule, until stopped (Ctrl+C).",
        "",
        "The printed credentials are the connector's integration user: what it writes is the bot's own. Act as "
            + "customers and agents through the control endpoints (/__control/..., listed in mock-servers/README.md).",
        ""},
    footer = {"", "Examples:",
        "  java -jar mock-servers/target/salesforce-fake.jar --port 8090 \\",
        "      --deliver-to http://localhost:8080/webhooks/acme",
        "  curl -X POST http://localhost:8090/__control/cases -H 'Content-Type: application/json' \\",
        "      -d '{\"email\":\"ann@example.com\",\"subject\":\"Opening hours?\",\"description\":\"When are you open?\"}'"})
final class SalesforceFakeLauncher implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "N", description = "HTTP port, 0 for a free one (default: ${DEFAULT-VALUE})")
  int port = 8090;

  @Option(names = "--deliver-to", paramLabel = "URL",
      description = "subscribe Outbound Messages (Case, EmailMessage, CaseComment) to this connector URL, e.g. "
          + "http://localhost:8080/webhooks/acme")
  URI deliverTo;

  @Option(names = "--json", description = "deliver the events as JSON (a Flow HTTP Callout) instead of SOAP; needs "
      + "--deliver-to")
  boolean json;

  @Option(names = "--verbose", description = "log WireMock and Jetty too")
  boolean verbose;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
  boolean help;

  public static void main(String[] args) {
    System.exit(run(new SalesforceFakeLauncher(), args));
  }

  /** Parses and runs; returns the exit code (blocks while serving). */
  static int run(SalesforceFakeLauncher launcher, String... args) {
    CommandLine cli = new CommandLine(launcher);
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

  @Override
  public Integer call() throws InterruptedException {
    if (json && deliverTo == null) {
      throw new UsageError("--json needs --deliver-to URL");
    }
    if (deliverTo != null && (!deliverTo.isAbsolute() || !deliverTo.getScheme().matches("https?")
        || deliverTo.getHost() == null)) {
      throw new UsageError("--deliver-to must be an http(s) URL such as http://localhost:8080/webhooks/acme, was "
          + deliverTo);
    }
    if (port < 0 || port > 65535) {
      throw new UsageError("--port must be from 0 to 65535, was " + port);
    }
    quietLogs(verbose);
    SalesforceFake fake;
    try {
      fake = SalesforceFake.start(SalesforceFake.Config.defaults().withPort(port));
    } catch (RuntimeException e) {
      throw new UsageError("cannot listen on --port " + port + " (" + rootMessage(e)
          + "); choose another port, or 0 for a free one");
    }
    Runtime.getRuntime().addShutdownHook(new Thread(fake::close, "salesforce-fake-shutdown"));
    SalesforceFake.Config c = fake.config();
    PrintStream out = System.out;
    String base = fake.baseUrl();
    out.println("Salesforce fake listening on " + base + " (instanceUrl; partner SOAP " + base
        + "/services/Soap/u/64.0, OAuth " + base + "/services/oauth2/token)");
    out.println("organizationId: " + fake.orgId());
    out.println("Connector credentials, for Deskbridge only (what they write is the bot's own):");
    out.println("  client-credentials: clientId " + c.clientId() + "  clientSecret " + c.clientSecret());
    out.println("  password (API <= 64.0): username " + c.integrationUsername() + "  password " + c.password()
        + "  securityToken " + c.securityToken());
    out.println("  integration user " + fake.integrationUserId() + "; agent Alice " + fake.agentUserId());
    out.println("Queues: " + fake.queues() + "; org-wide address " + c.orgWideAddress());
    if (deliverTo != null) {
      if (json) {
        fake.subscribeJson(deliverTo);
      } else {
        fake.subscribe(deliverTo);
      }
      out.println("Outbound Messages (" + (json ? "JSON" : "SOAP") + ") -> " + deliverTo);
    }
    out.println("Act as a customer (control endpoints, see mock-servers/README.md):");
    out.println("  curl -s -X POST " + base + SalesforceControl.PREFIX + "/cases -H 'Content-Type: application/json'"
        + " -d '{\"email\":\"ann@example.com\",\"subject\":\"Opening hours?\",\"description\":\"When are you open?\"}'");
    out.println("Stop with Ctrl+C.");
    out.flush();
    new CountDownLatch(1).await(); // until a signal stops the process (the hook closes the fake)
    return 0;
  }

  private static void quietLogs(boolean verbose) {
    if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext) {
      ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(verbose ? Level.INFO : Level.WARN);
      ((Logger) LoggerFactory.getLogger("io.deskbridge.mock")).setLevel(Level.INFO);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** A mistake in the arguments found after parsing: one line, exit 2. */
  static final class UsageError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UsageError(String message) {
      super(message, null, false, false);
    }
  }
}
