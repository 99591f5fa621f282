package io.deskbridge.app;

import io.deskbridge.mock.zendesk.ZendeskWebhookFuzzer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench slow-clients}: holds a number of slow connections to a connector in this JVM on loopback for a
 * while (by default a third connect and send nothing, a third send their headers one byte a second, a third
 * send full headers and then their body one byte a second; {@code --kind} picks one kind for all; one the
 * server closes is opened again), and meanwhile asks
 * {@code /health} in a loop and posts a signed webhook every 250 ms. Reports the latency of both (median, p99,
 * max), their statuses, how many slow connections the server closed, and whether a real ticket opened at the end
 * is answered. Exits 1 when /health's p99 is over 100 ms or a webhook was not acknowledged.
 */
@Command(name = "slow-clients", mixinStandardHelpOptions = true, version = Main.VERSION,
    description = "Slow connections on loopback while /health and signed webhooks are timed.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  deskbridge bench slow-clients --connections 500 --seconds 30",
        "  deskbridge bench slow-clients --connections 500 --seconds 30 --kind body"})
final class BenchSlowClientsCommand implements Callable<Integer> {
  @Option(names = "--connections", defaultValue = "500", description = "slow connections held (1 to 5000, default ${DEFAULT-VALUE})")
  int connections;

  @Option(names = "--seconds", defaultValue = "30", description = "how long they are held (1 to 600, default ${DEFAULT-VALUE})")
  int seconds;

  @Option(names = "--kind", defaultValue = "mixed",
      description = "mixed (a third each), silent, headers (one header byte a second) or body (full headers, then one "
          + "body byte a second) (default ${DEFAULT-VALUE})")
  Kind kind;

  enum Kind { mixed, silent, headers, body }

  private static final byte[] HEADERS_ONLY = "POST /webhooks/demo HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "
      .getBytes(StandardCharsets.US_ASCII);
  private static final byte[] WITH_BODY = ("POST /webhooks/demo HTTP/1.1\r\nHost: 127.0.0.1\r\n"
      + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{").getBytes(StandardCharsets.US_ASCII);

  private final class Slow {
    final int kind;
    SocketChannel channel;

    Slow(int kind) {
      this.kind = kind;
    }
  }

  private int closedByServer;
  private int opened;

  @Override
  public Integer call() throws Exception {
    var missing = DemoLibraries.missing("bench slow-clients");
    if (missing.isPresent()) {
      System.err.println(missing.get());
      return 2;
    }
    if (connections < 1 || connections > 5000 || seconds < 1 || seconds > 600) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
          "--connections must be 1 to 5000 and --seconds 1 to 600");
    }
    try (var target = InProcessTarget.start()) {
      long warm = target.warmUp();
      var address = new InetSocketAddress("127.0.0.1", target.deskbridge.port());
      List<Slow> slow = new ArrayList<>();
      for (int i = 0; i < connections; i++) {
        var s = new Slow(kind == Kind.mixed ? i % 3 : kind.ordinal() - 1);
        open(s, address);
        slow.add(s);
      }
      var running = new AtomicBoolean(true);
      List<Double> webhookMillis = new ArrayList<>();
      Map<Integer, Integer> webhookStatuses = new TreeMap<>();
      var poster = new Thread(() -> {
        int n = 0;
        while (running.get()) {
          byte[] body = ("{\"ticket_id\":\"" + warm + "\",\"comment_id\":\"slow-" + n++ + "\"}").getBytes(StandardCharsets.UTF_8);
          var answer = target.post(body, ZendeskWebhookFuzzer.signedHeaders(DemoCommand.SECRET, body, Instant.now()));
          synchronized (webhookMillis) {
            webhookMillis.add(answer.millis());
            webhookStatuses.merge(answer.status(), 1, Integer::sum);
          }
          pause(250);
        }
      }, "bench-webhooks");
      var trickler = new Thread(() -> {
        while (running.get()) {
          for (var s : slow) {
            trickle(s, address);
          }
          pause(1000);
        }
      }, "bench-slow-clients");
      List<Double> healthMillis = new ArrayList<>();
      Map<Integer, Integer> healthStatuses = new TreeMap<>();
      poster.start();
      trickler.start();
      long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
      while (System.nanoTime() < end) {
        var answer = target.health();
        healthMillis.add(answer.millis());
        healthStatuses.merge(answer.status(), 1, Integer::sum);
        pause(20);
      }
      running.set(false);
      poster.join();
      trickler.join();
      int stillOpen = 0;
      for (var s : slow) {
        stillOpen += s.channel != null && s.channel.isOpen() ? 1 : 0;
        close(s);
      }
      long after = target.fake.customerCreatesTicket("liam@example.com", "Liam", "Login",
          "How can I reset my password? I can't log in.");
      boolean answered = target.awaitBotReply(after, Duration.ofSeconds(10));

      double[] health = healthMillis.stream().mapToDouble(Double::doubleValue).toArray();
      double[] hooks = webhookMillis.stream().mapToDouble(Double::doubleValue).toArray();
      System.out.printf("%d slow connections (%s) held for %d s: %d opened in all, %d closed by the server, %d open at the end%n",
          connections, kind, seconds, opened, closedByServer, stillOpen);
      System.out.printf("/health: %d asked, statuses %s; median %.1f ms, p99 %.1f ms, max %.1f ms%n", health.length,
          healthStatuses, InProcessTarget.quantile(health, 0.5), InProcessTarget.quantile(health, 0.99),
          InProcessTarget.quantile(health, 1));
      System.out.printf("signed webhooks: %d sent, statuses %s; median %.1f ms, p99 %.1f ms, max %.1f ms%n", hooks.length,
          webhookStatuses, InProcessTarget.quantile(hooks, 0.5), InProcessTarget.quantile(hooks, 0.99),
          InProcessTarget.quantile(hooks, 1));
      System.out.printf("a real ticket opened after: %s%n", answered ? "answered" : "NOT answered within 10 s");
      boolean acknowledged = webhookStatuses.keySet().stream().allMatch(s -> s == 200);
      return InProcessTarget.quantile(health, 0.99) <= 100 && acknowledged && answered ? 0 : 1;
    }
  }

  private void open(Slow s, InetSocketAddress address) {
    try {
      s.channel = SocketChannel.open(address);
      s.channel.configureBlocking(false);
      opened++;
      if (s.kind == 1) {
        s.channel.write(ByteBuffer.wrap(HEADERS_ONLY));
      } else if (s.kind == 2) {
        s.channel.write(ByteBuffer.wrap(WITH_BODY));
      }
    } catch (IOException e) {
      close(s);
    }
  }

  /** One byte more for a slow sender; a connection the server closed is opened again. */
  private void trickle(Slow s, InetSocketAddress address) {
    try {
      if (s.channel == null || s.channel.read(ByteBuffer.allocate(4096)) == -1) {
        closedByServer += s.channel == null ? 0 : 1;
        close(s);
        open(s, address);
        return;
      }
      if (s.kind != 0) {
        s.channel.write(ByteBuffer.wrap(new byte[] {(byte) (s.kind == 1 ? 'x' : ' ')}));
      }
    } catch (IOException e) {
      closedByServer++;
      close(s);
      open(s, address);
    }
  }

  private static void close(Slow s) {
    if (s.channel != null) {
      try {
        s.channel.close();
      } catch (IOException ignored) {
        // closing a socket the server may have closed
      }
    }
    s.channel = null;
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
