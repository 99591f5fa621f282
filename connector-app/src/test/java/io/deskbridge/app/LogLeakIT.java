package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import io.deskbridge.mock.zendesk.ZendeskFake;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * A realistic run, with Deskbridge's own loggers at DEBUG: {@code serve} on the Zendesk fake gets tickets in five
 * languages full of personal data, a vendor outage to retry through, and a forged webhook; then the lines the
 * configured {@code FILE} appender wrote meanwhile must hold no configured secret, none of the planted values, and
 * nothing the redactor finds.
 */
class LogLeakIT {
  private static final String WEBHOOK_SECRET = "whsec-Zk3pQ9vLx2mN7r";
  private static final List<String> PLANTED = List.of("jana.novakova@seznam.cz", "+420 602 123 456",
      "CZ65 0800 0000 1920 0014 5399", "800101/1238", "anna.kowalska@wp.pl", "+48 512 345 678", "44051401359",
      "4111 1111 1111 1111", "0903 123 456", "maria.horvathova@azet.sk", "041 123 456", "0101006500006",
      "SI56 2633 0001 2039 086", "john.smith@example.org", "07911 123456");

  @TempDir
  Path dir;
  ZendeskFake fake;
  private final Logger deskbridge = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("io.deskbridge");
  private Level level;

  @BeforeEach
  void start() {
    fake = ZendeskFake.start();
    level = deskbridge.getLevel();
    deskbridge.setLevel(Level.DEBUG);
  }

  @AfterEach
  void stop() {
    deskbridge.setLevel(level);
    fake.close();
  }

  @Test
  void aRunFullOfPersonalDataAndSecretsLogsNoneOfThem() throws Exception {
    Path log = CapturedLogs.file();
    long offset = CapturedLogs.length(log);
    Files.writeString(dir.resolve("token.txt"), fake.config().apiToken() + "\n");
    Files.writeString(dir.resolve("kb.jsonl"), """
        {"id":"hours","locale":"en","title":"Opening hours","body":"We are open 8-18 on weekdays.","questions":["When are you open?","What are your opening hours?"]}
        """);
    Path config = Files.writeString(dir.resolve("deskbridge.yaml"), """
        server: {host: 127.0.0.1, port: 0}
        dataDirectory: data
        knowledge: kb.jsonl
        installations:
          - id: acme
            vendor: zendesk
            mode: auto
            routing: {defaultGroup: "%d"}
            settings:
              url: %s
              email: %s
              apiToken: {file: %s}
              webhookSecret: {env: ZD_SECRET}
        """.formatted(fake.groups().get("General"), fake.baseUrl(), fake.config().agentEmail(),
        dir.resolve("token.txt")));

    try (var deskbridge = ServeCommand.start(config, Map.of("ZD_SECRET", WEBHOOK_SECRET)::get)) {
      URI webhook = URI.create("http://127.0.0.1:" + deskbridge.port() + "/webhooks/acme");
      fake.registerEventWebhook(webhook, WEBHOOK_SECRET);
      fake.failNext(2, 503, null);
      List<Long> tickets = new ArrayList<>();
      tickets.add(fake.customerCreatesTicket("jana.novakova@seznam.cz", "Jana Nováková", "Vrácení peněz",
          "Dobrý den, vraťte mi peníze na účet CZ65 0800 0000 1920 0014 5399, RČ 800101/1238, volejte na "
              + "+420 602 123 456."));
      tickets.add(fake.customerCreatesTicket("anna.kowalska@wp.pl", "Anna Kowalska", "Zwrot",
          "Chcę rozmawiać z człowiekiem. PESEL 44051401359, telefon +48 512 345 678, karta 4111 1111 1111 1111."));
      tickets.add(fake.customerCreatesTicket("maria.horvathova@azet.sk", "Mária", "Otázka",
          "Kedy máte otvorené? Zavolajte mi na 0903 123 456 alebo napíšte na maria.horvathova@azet.sk."));
      tickets.add(fake.customerCreatesTicket("ana.novak@siol.net", "Ana", "Vprašanje",
          "EMŠO 0101006500006, račun SI56 2633 0001 2039 086, pokličite me na 041 123 456."));
      tickets.add(fake.customerCreatesTicket("john.smith@example.org", "John", "Hours",
          "What are your opening hours? My number is 07911 123456."));
      var forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(webhook)
          .header("Content-Type", "application/json")
          .header("X-Zendesk-Webhook-Signature", "forged")
          .header("X-Zendesk-Webhook-Signature-Timestamp", "2026-12-06T03:00:00Z")
          .POST(HttpRequest.BodyPublishers.ofString("{\"detail\":{\"requester_email\":\"jana.novakova@seznam.cz\"}}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertThat(forged.statusCode()).isEqualTo(401);

      for (long id : tickets) {
        await().atMost(Duration.ofSeconds(30)).until(() -> fake.comments(id).stream()
            .anyMatch(c -> c.authorId() == fake.botUserId()));
      }
    }

    String written = CapturedLogs.since(log, offset);
    assertThat(written).as("the run's lines reached the appender").contains("authenticated as");
    var secrets = new ArrayList<>(PLANTED);
    secrets.add(fake.config().apiToken());
    secrets.add(WEBHOOK_SECRET);
    assertThat(CapturedLogs.leaks(log.getFileName().toString(), written, secrets)).isEmpty();
  }
}
