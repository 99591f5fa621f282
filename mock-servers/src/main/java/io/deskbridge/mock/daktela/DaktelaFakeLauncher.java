package io.deskbridge.mock.daktela;

import io.deskbridge.mock.base.FakeLaunch;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs the Daktela fake standalone ({@code java -jar mock-servers/target/daktela-fake.jar}, see the mock-servers
 * README): prints where it listens, the connector's token and how to act as a customer, then serves until the
 * process is stopped. Exit codes: 0 after {@code --help}, 2 for bad arguments or a port that cannot be bound (one
 * line on stderr, no stack trace).
 */
@Command(name = "daktela-fake", sortOptions = false,
    description = {
        "Runs a stateful fake of the Daktela v6 REST API on WireMock that sends Events-module webhooks, until "
            + "stopped (Ctrl+C).",
        "",
        "The printed access token is the connector's (API user deskbridge): what is written with it is the bot's "
            + "own. Act as a customer or agent through the control endpoints (/__control/..., listed in "
            + "mock-servers/README.md).",
        ""},
    footer = {"", "Examples:",
        "  java -jar mock-servers/target/daktela-fake.jar --port 8091 \\",
        "      --webhook http://localhost:8080/webhooks/acme --secret s3cret",
        "  curl -X POST http://localhost:8091/__control/tickets \\",
        "      -H 'Content-Type: application/json' \\",
        "      -d '{\"email\":\"ann@example.com\",\"text\":\"Opening hours?\"}'"})
final class DaktelaFakeLauncher implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "N", description = "HTTP port, 0 for a free one (default: ${DEFAULT-VALUE})")
  int port = 8091;

  @Option(names = "--webhook", paramLabel = "URL",
      description = "subscribe an Events-module webhook to this connector URL, "
          + "e.g. http://localhost:8080/webhooks/acme")
  URI webhook;

  @Option(names = "--secret", paramLabel = "S", description = "the webhook's shared secret; needs --webhook")
  String secret;

  @Option(names = "--secret-header", paramLabel = "H",
      description = "the header carrying the secret (default: ${DEFAULT-VALUE}); empty: as query ?secret=")
  String secretHeader = "X-Webhook-Secret";

  @Option(names = "--form", description = "form-urlencoded webhook bodies instead of JSON; needs --webhook")
  boolean form;

  @Mixin
  FakeLaunch.CommonOptions common = new FakeLaunch.CommonOptions();

  public static void main(String[] args) {
    System.exit(FakeLaunch.run(new DaktelaFakeLauncher(), args));
  }

  @Override
  public Integer call() throws InterruptedException {
    if (webhook == null && (secret != null || form)) {
      throw new FakeLaunch.UsageError("--secret and --form need --webhook URL");
    }
    if (webhook != null && (secret == null || secret.isBlank())) {
      throw new FakeLaunch.UsageError("--webhook needs --secret S (the connector's webhookSecret)");
    }
    DaktelaFake fake = FakeLaunch.start(port, "--webhook", webhook, common.verbose(),
        p -> DaktelaFake.start(DaktelaFake.Config.defaults().withPort(p)));
    String base = fake.baseUrl();
    var out = System.out;
    out.println("Daktela fake listening on " + base + " (API " + base + "/api/v6)");
    out.println("Connector settings, for Deskbridge only (what is written with this token is the bot's own):");
    out.println("  vendor: daktela  url: " + base + "  accessToken: " + fake.config().accessToken()
        + "  (API user " + fake.config().apiLogin() + ", time zone " + fake.config().zone().getId() + ")");
    out.println("Agents: alice, bob; categories: categories_support (intake), categories_billing, categories_tech");
    if (webhook != null) {
      String header = secretHeader == null || secretHeader.isBlank() ? null : secretHeader;
      String id = fake.subscribe(new DaktelaFake.Webhook(webhook, header, secret, form,
          DaktelaFake.defaultTemplates(form)));
      out.println("Events webhook " + id + " -> " + webhook + " (" + (form ? "form" : "JSON") + ", secret in "
          + (header == null ? "query ?secret=" : "header " + header) + ")");
    }
    out.println("Act as a customer (control endpoints, see mock-servers/README.md):");
    out.println("  curl -s -X POST " + base + DaktelaControl.PREFIX + "/tickets -H 'Content-Type: application/json'"
        + " -d '{\"email\":\"ann@example.com\",\"text\":\"What are your opening hours?\"}'");
    out.println("  curl -s -X POST " + base + DaktelaControl.PREFIX + "/tickets/1001/emails"
        + " -H 'Content-Type: application/json' -d '{\"text\":\"Thanks!\"}'");
    out.println("Stop with Ctrl+C.");
    out.flush();
    FakeLaunch.serveUntilStopped(fake, "daktela-fake");
    return 0;
  }
}
