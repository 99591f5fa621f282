package io.deskbridge.app;

import io.deskbridge.mock.zendesk.ZendeskWebhookFuzzer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench fuzz}: correctly signed, malformed Zendesk webhooks from the suite's seeded generator
 * ({@link ZendeskWebhookFuzzer}) against a connector in this JVM (real webhook server, H2 store, engine, the
 * Zendesk fake), then unsigned requests. Reports answers by status, 5xx, refusals that left an inbox row,
 * bodies accepted that no connector may accept, whether a real ticket opened afterwards is answered within
 * 5 s, and how many audit rows the unsigned requests wrote. Exits 1 when any of those is wrong.
 */
@Command(name = "fuzz", mixinStandardHelpOptions = true, version = Main.VERSION,
    description = "Signed malformed Zendesk webhooks, then unsigned ones, against an in-process connector.",
    footerHeading = "%nExamples:%n",
    footer = {
        "  deskbridge bench fuzz --count 10000 --unsigned 1000",
        "  deskbridge bench fuzz --count 0 --unsigned 1000     unsigned requests only (how many are audited)"})
final class BenchFuzzCommand implements Callable<Integer> {
  @Option(names = "--count", defaultValue = "10000", description = "signed malformed bodies (default ${DEFAULT-VALUE})")
  int count;

  @Option(names = "--seed", defaultValue = "20261203", description = "the generator's seed (default ${DEFAULT-VALUE})")
  long seed;

  @Option(names = "--unsigned", defaultValue = "1000",
      description = "unsigned or wrongly signed requests sent after the fuzz (default ${DEFAULT-VALUE})")
  int unsigned;

  @Override
  public Integer call() throws Exception {
    var missing = DemoLibraries.missing("bench fuzz");
    if (missing.isPresent()) {
      System.err.println(missing.get());
      return 2;
    }
    if (count < 0 || count > 1_000_000 || unsigned < 0 || unsigned > 1_000_000) {
      throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
          "--count and --unsigned must be between 0 and 1000000");
    }
    try (var target = InProcessTarget.start()) {
      long warm = target.warmUp();
      var fuzzer = new ZendeskWebhookFuzzer(seed, Long.toString(warm));
      Map<Integer, Integer> statuses = new TreeMap<>();
      List<String> violations = new ArrayList<>();
      double[] millis = new double[count];
      int unchecked = 0;
      long started = System.nanoTime();
      for (int i = 0; i < count; i++) {
        var sample = fuzzer.next();
        byte[] body = sample.body();
        long before = target.inboxEvents();
        int fakeDeliveries = target.fake.deliveries().size();
        boolean fakeQuiet = target.fake.pendingDeliveries() == 0;
        var answer = target.post(body, ZendeskWebhookFuzzer.signedHeaders(DemoCommand.SECRET, body, Instant.now()));
        // an accepted body may make the bot write, and the fake then sends its own webhook: count only when quiet
        fakeQuiet &= target.fake.pendingDeliveries() == 0 && target.fake.deliveries().size() == fakeDeliveries;
        unchecked += fakeQuiet ? 0 : 1;
        millis[i] = answer.millis();
        statuses.merge(answer.status(), 1, Integer::sum);
        if (answer.status() >= 500 || answer.status() == 0) {
          violations.add("#" + i + " " + sample.mutation() + ": " + (answer.status() == 0 ? "no answer" : answer.status()));
        } else if (sample.mustBeRefused() && answer.status() != 400) {
          violations.add("#" + i + " " + sample.mutation() + ": accepted with " + answer.status());
        } else if (answer.status() >= 400 && fakeQuiet && target.inboxEvents() != before) {
          violations.add("#" + i + " " + sample.mutation() + ": refused with " + answer.status() + " but stored");
        }
      }
      double fuzzSeconds = (System.nanoTime() - started) / 1e9;

      long opened = System.nanoTime();
      long after = target.fake.customerCreatesTicket("liam@example.com", "Liam", "Login",
          "How can I reset my password? I can't log in.");
      boolean answered = target.awaitBotReply(after, Duration.ofSeconds(5));
      double answerSeconds = (System.nanoTime() - opened) / 1e9;

      long auditBefore = target.auditedRefusals();
      Map<Integer, Integer> unsignedStatuses = new TreeMap<>();
      long unsignedStarted = System.nanoTime();
      byte[] body = ("{\"ticket_id\":\"" + warm + "\",\"comment_id\":\"1\"}").getBytes(StandardCharsets.UTF_8);
      for (int i = 0; i < unsigned; i++) {
        Map<String, String> headers = i % 2 == 0 ? Map.of("Content-Type", "application/json")
            : ZendeskWebhookFuzzer.signedHeaders("not-the-secret", body, Instant.now());
        unsignedStatuses.merge(target.post(body, headers).status(), 1, Integer::sum);
      }
      double unsignedSeconds = (System.nanoTime() - unsignedStarted) / 1e9;
      long auditRows = target.auditedRefusals() - auditBefore;

      System.out.printf("signed malformed bodies: %d in %.1f s (seed %d); answers by status %s%n", count, fuzzSeconds,
          seed, statuses);
      System.out.printf("  answer time: median %.1f ms, p99 %.1f ms, max %.1f ms%n", InProcessTarget.quantile(millis, 0.5),
          InProcessTarget.quantile(millis, 0.99), InProcessTarget.quantile(millis, 1));
      System.out.printf("  5xx or no answer, accepted what must be refused, refused but stored: %d (inbox not checked "
          + "for %d while the fake was delivering)%n", violations.size(), unchecked);
      violations.stream().limit(20).forEach(v -> System.out.println("    " + v));
      System.out.printf("a real ticket opened after: %s in %.2f s%n", answered ? "answered" : "NOT answered within 5 s",
          answerSeconds);
      System.out.printf("unsigned requests: %d in %.1f s, answers by status %s, audit rows written %d%n", unsigned,
          unsignedSeconds, unsignedStatuses, auditRows);
      return violations.isEmpty() && answered ? 0 : 1;
    }
  }
}
