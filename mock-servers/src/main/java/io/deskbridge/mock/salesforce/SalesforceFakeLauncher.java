package io.deskbridge.mock.salesforce;

import io.deskbridge.mock.base.FakeLaunch;
import java.io.PrintStream;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin
  FakeLaunch.CommonOptions common = new FakeLaunch.CommonOptions();

  public static void main(String[] args) {
    System.exit(FakeLaunch.run(new SalesforceFakeLauncher(), args));
  }

  @Override
  public Integer call() throws InterruptedException {
    if (json && deliverTo == null) {
      throw new FakeLaunch.UsageError("--json needs --deliver-to URL");
    }
    SalesforceFake fake = FakeLaunch.start(port, "--deliver-to", deliverTo, common.verbose(),
        p -> SalesforceFake.start(SalesforceFakeConfig.defaults().withPort(p)));
    SalesforceFakeConfig c = fake.config();
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
    FakeLaunch.serveUntilStopped(fake, "salesforce-fake");
    return 0;
  }
}
