package io.deskbridge.mock.daktela.chat;

import io.deskbridge.mock.base.FakeLaunch;
import java.net.URI;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Runs the Daktela web-chat fake standalone ({@code java -jar mock-servers/target/daktela-chat-fake.jar}, see the
 * mock-servers README): connects the external bot, prints where it listens and how to act as a customer, then serves
 * until the process is stopped. Exit codes: 0 after {@code --help}, 2 for bad arguments or a port that cannot be
 * bound (one line on stderr, no stack trace).
 */
@Command(name = "daktela-chat-fake", sortOptions = false,
    description = {
        "Runs a fake of Daktela web chat's external-bot protocol on WireMock, until stopped (Ctrl+C): customers' "
            + "messages go to --bot with a response_url, where the bot answers.",
        "",
        "The protocol's shapes are old and unverified (see DaktelaChatWire). Act as a customer through the "
            + "control endpoints (/__control/..., listed in mock-servers/README.md).",
        ""},
    footer = {"", "Examples:",
        "  java -jar mock-servers/target/daktela-chat-fake.jar --port 8093 "
            + "--bot http://localhost:8080/webhooks/dkchat --token s3cret",
        "  curl -X POST http://localhost:8093/__control/chats \\",
        "      -H 'Content-Type: application/json' -d '{\"name\":\"Ann\",\"text\":\"Opening hours?\"}'"})
final class DaktelaChatFakeLauncher implements Callable<Integer> {
  @Option(names = "--port", paramLabel = "N", description = "HTTP port, 0 for a free one (default: ${DEFAULT-VALUE})")
  int port = 8093;

  @Option(names = "--bot", paramLabel = "URL", description = "the external bot's URL, e.g. "
      + "http://localhost:8080/webhooks/dkchat")
  URI bot;

  @Option(names = "--token", paramLabel = "T", description = "the secret token the admin configured; needs --bot")
  String token;

  @Option(names = "--token-header", paramLabel = "H",
      description = "send the token in this header instead of appending it to the URL's path")
  String tokenHeader;

  @Mixin
  FakeLaunch.CommonOptions common = new FakeLaunch.CommonOptions();

  public static void main(String[] args) {
    System.exit(FakeLaunch.run(new DaktelaChatFakeLauncher(), args));
  }

  @Override
  public Integer call() throws InterruptedException {
    if (bot == null && (token != null || tokenHeader != null)) {
      throw new FakeLaunch.UsageError("--token and --token-header need --bot URL");
    }
    if (bot != null && (token == null || token.isBlank())) {
      throw new FakeLaunch.UsageError("--bot needs --token T (the secret token the connector expects)");
    }
    if (tokenHeader != null && tokenHeader.isBlank()) {
      throw new FakeLaunch.UsageError("--token-header must name a header, e.g. X-Bot-Token");
    }
    DaktelaChatFake fake = FakeLaunch.start(port, "--bot", bot, common.verbose(),
        p -> DaktelaChatFake.start(DaktelaChatFake.Config.defaults().withPort(p)));
    var out = System.out;
    out.println("Daktela web-chat fake listening on " + fake.baseUrl());
    out.println("Chat queues for transfer: " + new java.util.TreeMap<>(DaktelaChatFake.QUEUES));
    if (bot != null) {
      fake.connectBot(new DaktelaChatFake.BotEndpoint(bot, token, tokenHeader));
      out.println("External bot: " + bot + " (token " + (tokenHeader == null ? "appended to the path" : "in header "
          + tokenHeader) + ")");
    }
    out.println("Act as a customer (control endpoints, see mock-servers/README.md):");
    out.println("  curl -s -X POST " + fake.baseUrl() + "/__control/chats -H 'Content-Type: application/json'"
        + " -d '{\"name\":\"Ann\",\"text\":\"What are your opening hours?\"}'");
    out.println("Stop with Ctrl+C.");
    out.flush();
    FakeLaunch.serveUntilStopped(fake, "daktela-chat-fake");
    return 0;
  }
}
