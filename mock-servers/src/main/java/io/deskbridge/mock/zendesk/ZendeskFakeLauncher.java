package io.deskbridge.mock.zendesk;

import io.deskbridge.mock.base.FakeLaunch;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs the Zendesk fake standalone ({@code java -jar mock-servers/target/zendesk-fake.jar}, see the
 * mock-servers README): prints where it listens, the connector's (bot's) credentials, and how to act as a
 * customer, then serves until the process is stopped. Exit codes: 0 after {@code --help}, 2 for bad
 * arguments or a port that cannot be bound (one line on stderr, no stack trace).
 */
@Command(name = "zendesk-fake", sortOptions = false,
    description = {
        "Runs a stateful fake of the Zendesk Support API on WireMock that sends signed webhooks the way "
            + "Zendesk does, until stopped (Ctrl+C).",
        "",
        "The printed bot credentials are the connector's: a ticket or comment made with them is the bot's "
            + "own and Deskbridge ignores it. Act as a customer through the control endpoints (/__control/..., "
            + "listed in mock-servers/README.md).",
        ""},
    footer = {"", "Examples:",
        "  java -jar mock-servers/target/zendesk-fake.jar --port 8089 \\",
        "      --webhook http://localhost:8080/webhooks/acme --secret s3cret",
        "  curl -X POST http://localhost:8089/__control/tickets \\",
        "      -H 'Content-Type: application/json' \\",
        "      -d '{\"requester_email\":\"ann@example.com\",\"body\":\"Opening hours?\"}'",
        "  curl -X POST http://localhost:8089/__control/faults/fail-next \\",
        "      -H 'Content-Type: application/json' -d '{\"count\":2,\"status\":503}'"})
final class ZendeskFakeLauncher implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "N", description = "HTTP port, 0 for a free one (default: ${DEFAULT-VALUE})")
  int port = 8089;

  @Option(names = "--webhook", paramLabel = "URL",
      description = "register a webhook that delivers to this connector URL, e.g. http://localhost:8080/webhooks/acme")
  URI webhook;

  @Option(names = "--secret", paramLabel = "S",
      description = "the webhook's signing secret (default: a generated one, printed); needs --webhook")
  String secret;

  @Option(names = "--trigger",
      description = "a trigger webhook (small id body) instead of an event webhook; needs --webhook")
  boolean trigger;

  @Mixin
  FakeLaunch.CommonOptions common = new FakeLaunch.CommonOptions();

  public static void main(String[] args) {
    System.exit(FakeLaunch.run(new ZendeskFakeLauncher(), args));
  }

  @Override
  public Integer call() throws InterruptedException {
    if (webhook == null && (secret != null || trigger)) {
      throw new FakeLaunch.UsageError("--secret and --trigger need --webhook URL");
    }
    ZendeskFake fake = FakeLaunch.start(port, "--webhook", webhook, common.verbose(),
        p -> ZendeskFake.start(ZendeskFakeConfig.defaults().withPort(p)));
    String base = fake.baseUrl();
    var out = System.out;
    out.println("Zendesk fake listening on " + base + " (API " + base + "/api/v2)");
    out.println("Connector credentials, for Deskbridge only (tickets and comments made with them are the "
        + "bot's own and ignored):");
    out.println("  url: " + base + "  email: " + fake.config().agentEmail() + "  apiToken: "
        + fake.config().apiToken() + "  (bot user " + fake.botUserId() + ")");
    out.println("Human agent: alice@acme.example (user " + fake.humanAgentId() + "); groups: " + fake.groups());
    if (webhook != null) {
      String id = trigger ? fake.registerTriggerWebhook(webhook, secret) : fake.registerEventWebhook(webhook, secret);
      out.println((trigger ? "Trigger" : "Event") + " webhook " + id + " -> " + webhook + "  signing secret: "
          + fake.signingSecret(id));
    }
    out.println("Act as a customer (control endpoints, see mock-servers/README.md):");
    out.println("  curl -s -X POST " + base + ControlApi.PREFIX + "/tickets -H 'Content-Type: application/json'"
        + " -d '{\"requester_email\":\"ann@example.com\",\"body\":\"What are your opening hours?\"}'");
    out.println("  curl -s -X POST " + base + ControlApi.PREFIX + "/tickets/1/comments"
        + " -H 'Content-Type: application/json' -d '{\"body\":\"Thanks!\"}'");
    out.println("Stop with Ctrl+C.");
    out.flush();
    FakeLaunch.serveUntilStopped(fake, "zendesk-fake");
    return 0;
  }
}
