package io.deskbridge.mock.sunco;

import io.deskbridge.mock.base.FakeLaunch;
import io.deskbridge.mock.sunco.SuncoViews.Webhook;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs the SunCo fake standalone ({@code java -jar mock-servers/target/sunco-fake.jar}, see the mock-servers README):
 * prints where it listens, the connector's app key and how to act as a customer, then serves until the process is
 * stopped. Exit codes: 0 after {@code --help}, 2 for bad arguments or a port that cannot be bound (one line on stderr,
 * no stack trace).
 */
@Command(name = "sunco-fake", sortOptions = false,
    description = {
        "Runs a stateful fake of Sunshine Conversations (Zendesk messaging) on WireMock that sends batched "
            + "webhooks with SunCo's retry policy, until stopped (Ctrl+C).",
        "",
        "The printed app key is the connector's. Act as a customer or agent through the control endpoints "
            + "(/__control/..., listed in mock-servers/README.md).",
        ""},
    footer = {"", "Examples:",
        "  java -jar mock-servers/target/sunco-fake.jar --port 8092 --webhook http://localhost:8080/webhooks/chat",
        "  curl -X POST http://localhost:8092/__control/conversations \\",
        "      -H 'Content-Type: application/json' -d '{\"name\":\"Ann\",\"text\":\"Opening hours?\"}'"})
final class SuncoFakeLauncher implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "N", description = "HTTP port, 0 for a free one (default: ${DEFAULT-VALUE})")
  int port = 8092;

  @Option(names = "--webhook", paramLabel = "URL",
      description = "subscribe a webhook of the bot's integration to this connector URL, "
          + "e.g. http://localhost:8080/webhooks/chat")
  URI webhook;

  @Mixin
  FakeLaunch.CommonOptions common = new FakeLaunch.CommonOptions();

  public static void main(String[] args) {
    System.exit(FakeLaunch.run(new SuncoFakeLauncher(), args));
  }

  @Override
  public Integer call() throws InterruptedException {
    SuncoFake fake = FakeLaunch.start(port, "--webhook", webhook, common.verbose(),
        p -> SuncoFake.start(SuncoFake.Config.defaults().withPort(p)));
    SuncoFake.Config c = fake.config();
    var out = System.out;
    out.println("SunCo fake listening on " + fake.baseUrl() + " (API " + fake.apiUrl() + "/v2/apps/" + c.appId()
        + ")");
    out.println("Connector settings, for Deskbridge only:");
    out.println("  url: " + fake.apiUrl() + "  appId: " + c.appId() + "  keyId: " + c.keyId() + "  keySecret: "
        + c.keySecret());
    out.println("Switchboard " + fake.switchboardId() + ": " + SuncoFake.BOT + " (default, the bot), "
        + SuncoFake.AGENT_WORKSPACE + " (" + SuncoFake.AGENT_WORKSPACE_TYPE + ")");
    if (webhook != null) {
      Webhook w = fake.subscribe(webhook);
      out.println("Webhook " + w.id() + " -> " + webhook + " (X-API-Key: " + w.secret() + ")");
    }
    out.println("Act as a customer (control endpoints, see mock-servers/README.md):");
    out.println("  curl -s -X POST " + fake.baseUrl() + SuncoControl.PREFIX + "/conversations"
        + " -H 'Content-Type: application/json' -d '{\"name\":\"Ann\",\"text\":\"What are your opening hours?\"}'");
    out.println("Stop with Ctrl+C.");
    out.flush();
    FakeLaunch.serveUntilStopped(fake, "sunco-fake");
    return 0;
  }
}
