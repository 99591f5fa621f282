package io.deskbridge.mock.daktela.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.deskbridge.mock.base.LauncherRuns;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The web-chat launcher as a user runs it: the README's command, a customer through the control endpoints. */
class DaktelaChatFakeLauncherIT {
  private static final Pattern LISTENING = Pattern.compile("listening on (http://localhost:\\d+)");

  private final LauncherRuns runs = new LauncherRuns();

  @AfterEach
  void stopProcesses() throws InterruptedException {
    runs.close();
  }

  private static List<String> launcher(String... args) {
    List<String> command = new ArrayList<>(List.of(LauncherRuns.JAVA, "-jar",
        "mock-servers/target/daktela-chat-fake.jar"));
    command.addAll(List.of(args));
    return command;
  }

  @Test
  void theDocumentedCommandSendsACustomersMessageToTheBotWithTheTokenInThePath() throws Exception {
    List<String> paths = new CopyOnWriteArrayList<>();
    HttpServer bot = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    bot.createContext("/", x -> {
      paths.add(x.getRequestURI().getPath());
      x.getRequestBody().readAllBytes();
      x.sendResponseHeaders(200, -1);
      x.close();
    });
    bot.start();
    try {
      List<String> command = LauncherRuns.documentedCommand("java -jar mock-servers/target/daktela-chat-fake.jar",
          "--bot");
      command.set(command.indexOf("--port") + 1, "0");
      command.set(command.indexOf("--bot") + 1, "http://127.0.0.1:" + bot.getAddress().getPort() + "/dkchat");
      LauncherRuns.Run run = runs.start(command);
      await().atMost(Duration.ofSeconds(60)).until(() -> run.out().contains("Stop with Ctrl+C."));
      String base = run.out().stream().map(LISTENING::matcher).filter(Matcher::find).findFirst().orElseThrow()
          .group(1);

      HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base
          + "/__control/chats")).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ann\",\"text\":\"Hi\"}", StandardCharsets.UTF_8))
          .build(), HttpResponse.BodyHandlers.ofString());

      assertThat(r.statusCode()).isEqualTo(201);
      await().atMost(Duration.ofSeconds(30)).until(() -> !paths.isEmpty());
      assertThat(paths.get(0)).isEqualTo("/dkchat/s3cret");
      assertThat(run.err()).isEmpty();
    } finally {
      bot.stop(0);
    }
  }

  @Test
  void helpAndBadArguments() throws Exception {
    LauncherRuns.Run help = runs.start(launcher("--help"));
    assertThat(help.exit()).isZero();
    assertThat(String.join("\n", help.out())).contains("Usage: daktela-chat-fake", "--bot", "--token");
    try (ServerSocket busy = new ServerSocket(0)) {
      for (List<String> command : List.of(launcher("--token", "t"), launcher("--bot", "http://localhost:1/x"),
          launcher("--bot", "localhost:1", "--token", "t"), launcher("--port", String.valueOf(busy.getLocalPort())))) {
        LauncherRuns.Run run = runs.start(command);
        assertThat(run.exit()).as(String.join(" ", command)).isEqualTo(2);
        assertThat(run.err()).as(String.join(" ", command)).singleElement().asString().startsWith("error: ");
      }
    }
  }
}
