package io.deskbridge.app.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.deskbridge.app.DaktelaChatDemoVendor;
import io.deskbridge.app.DemoVendor;
import io.deskbridge.mock.base.DeliveryAttempt;
import io.deskbridge.mock.daktela.chat.DaktelaChatFake;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.assertj.core.api.SoftAssertions;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos test of Daktela web chat (the connector as the chat routing's external bot, on the Daktela web-chat fake):
 * every customer message is POSTed to the bot twice and out of order, earlier messages of chats still with the bot
 * come again later, some of the bot's answers on the {@code response_url} get a 503, and the connector process is
 * killed (SIGKILL) in the middle of the chats and restarted on the same H2 file store. The connector keeps its chat
 * record in memory only (lost by the kill) and the {@code response_url} in the conversation's subject (stored), so
 * after the restart the bot must still answer the chats it was in the middle of. Counted from the fake's own state:
 * no customer message lost (every chat's script finishes), no reply or summary twice, no transfer missing, and no
 * answer the bot tried to write after a chat had been transferred (the fake refuses those with a 409 and keeps them).
 * One run of about half a minute (two connector starts included), to keep within the suite's budget.
 */
class DaktelaChatChaosIT {
  private static final int CHATS = 20;
  private static final String[][] QUESTIONS = {
      {"How can I reset my password? I can't log in.", "How long does delivery take to Brno?"},
      {"Where is my order? It was supposed to arrive yesterday.", "Which payment methods do you accept?"},
      {"I need a copy of the invoice for my last purchase.", "How can I return an item I bought last week?"},
      {"Which payment methods do you accept?", "How can I reset my password? I can't log in."}};
  private static final String HUMAN = "I want to talk to a real person, please.";
  private static final String AFTER_HANDOVER = "Hello? Is anyone there?";

  @TempDir
  Path dir;
  private DaktelaChatDemoVendor vendor;

  @AfterEach
  void stopFake() {
    if (vendor != null) {
      vendor.close();
    }
  }

  @Test
  void duplicatedMessagesRefusedAnswersAndAKilledConnectorLoseNothingAndRepeatNothing() throws Exception {
    vendor = (DaktelaChatDemoVendor) DemoVendor.Kind.daktelaChat.start(Duration.ofSeconds(5));
    DaktelaChatFake fake = vendor.fake();
    vendor.duplicateAndReorder(2, Duration.ofMillis(300)); // every message POSTed twice, each after up to 300 ms
    vendor.redeliverWhileUnreachable(Duration.ofSeconds(180)); // as a load balancer while the connector restarts
    int port = ConnectorProcess.freePort();
    Path config = ConnectorProcess.h2Config(dir, "daktela-chat", port, vendor);
    Path log = dir.resolve("daktela-chat.log");
    ConnectorProcess first = new ConnectorProcess(config, log, port).startOrExplain();
    vendor.deliverTo(List.of(first.webhook("acme")));
    var second = new ConnectorProcess(config, log, port);
    var chaos = Executors.newScheduledThreadPool(2);
    var redelivered = new AtomicInteger();
    try {
      // the vendor refuses an answer now and then: 503, which the connector counts as not delivered and core retries
      chaos.scheduleWithFixedDelay(() -> fake.failNextAnswers(1, 503), 500, 900, TimeUnit.MILLISECONDS);
      // an earlier message of a chat still with the bot comes again, alone, with the same name
      var random = new Random(33);
      chaos.scheduleWithFixedDelay(() -> {
        var withBot = fake.chats().stream().filter(c -> c.state().equals("BOT")).toList();
        if (!withBot.isEmpty()) {
          var sent = fake.sentToBot(withBot.get(random.nextInt(withBot.size())).name());
          fake.redeliver(sent.get(random.nextInt(sent.size())));
          redelivered.incrementAndGet();
        }
      }, 200, 300, TimeUnit.MILLISECONDS);
      var load = new Load(fake);
      var killedAt = new AtomicReference<Instant>();
      load.run(4, () -> {
        first.kill();
        killedAt.set(Instant.now());
        second.startOrExplain();
      }, AbstractChaosIT.TIMEOUT);
      chaos.shutdownNow();
      chaos.awaitTermination(5, TimeUnit.SECONDS);
      fake.clearFaults();

      var tally = load.tally();
      // all at once, so that a failure shows every count (the problem chats' transcripts are in the tally)
      var soft = new SoftAssertions();
      soft.assertThat(tally.chats()).isEqualTo(CHATS);
      soft.assertThat(tally.lost()).as("lost customer messages: %s", tally).isZero();
      soft.assertThat(tally.duplicates()).as("replies or summaries twice: %s", tally).isZero();
      soft.assertThat(tally.afterHandover()).as("answers the bot tried after the transfer: %s", tally).isZero();
      soft.assertThat(fake.chats()).as("answers refused as malformed").allSatisfy(c ->
          assertThat(c.refused()).noneMatch(r -> r.status() == 400));
      soft.assertThat(vendor.unmatchedRequests()).isEmpty();
      soft.check(() -> assertChaosHappened(fake, redelivered.get()));
      soft.check(() -> assertKilledMidConversation(fake, killedAt.get()));
      soft.assertAll();
    } finally {
      chaos.shutdownNow();
      first.close();
      second.close();
    }
  }

  /** The faults did happen: each message twice, earlier ones again, 503s on answers, deliveries to a dead process. */
  private static void assertChaosHappened(DaktelaChatFake fake, int redelivered) {
    Map<String, Set<Long>> sendsPerMessage = new HashMap<>();
    for (DeliveryAttempt a : fake.deliveries()) {
      sendsPerMessage.computeIfAbsent(a.messageId(), k -> new HashSet<>()).add(a.invocationId());
    }
    assertThat(sendsPerMessage.values()).as("messages sent three times or more (copies and a redelivery)")
        .anyMatch(sends -> sends.size() >= 3);
    assertThat(redelivered).isPositive();
    assertThat(fake.journal().injectedStatus(503)).as("answers refused with a 503").isPositive();
    assertThat(fake.deliveries()).as("deliveries that found the connector killed").anyMatch(a -> !a.acknowledged());
  }

  /**
   * The kill came in the middle of the chats: some had the bot's answers from both processes (the successor knew
   * nothing of them in memory), and some customer messages written before the kill were answered only after it.
   */
  private static void assertKilledMidConversation(DaktelaChatFake fake, Instant killedAt) {
    assertThat(killedAt).as("the connector was killed").isNotNull();
    var chats = fake.chats();
    assertThat(chats).as("chats answered by the killed process and by its successor").anySatisfy(c -> {
      assertThat(c.messages()).anyMatch(m -> m.direction().equals("OUT") && m.at().isBefore(killedAt));
      assertThat(c.messages()).anyMatch(m -> m.direction().equals("OUT") && m.at().isAfter(killedAt));
    });
    assertThat(chats).as("chats whose customer wrote before the kill and was answered after it").anySatisfy(c -> {
      var messages = c.messages();
      var last = messages.stream().filter(m -> m.at().isBefore(killedAt)).reduce((a, b) -> b);
      assertThat(last).hasValueSatisfying(m -> assertThat(m.direction()).isEqualTo("IN"));
      assertThat(messages).anyMatch(m -> m.direction().equals("OUT") && m.at().isAfter(killedAt));
    });
  }

  /**
   * The chats' scripts, driven through the fake: each customer asks an answerable question; once the bot answered,
   * an "answer" chat asks another one (the bot must answer it too), a "handover" chat (every fourth) asks for a
   * person: the bot must say so, post its summary and transfer the chat, after which the customer writes once more
   * (Daktela keeps that from the bot).
   */
  private static final class Load {
    private final DaktelaChatFake fake;
    private final List<Chat> chats = new ArrayList<>();

    Load(DaktelaChatFake fake) {
      this.fake = fake;
    }

    /** What went wrong: every count must be zero. */
    record Tally(int chats, int lost, int duplicates, int afterHandover, List<String> problems) {
      @Override
      public String toString() {
        return chats + " chats: lost " + lost + ", twice " + duplicates + ", after the transfer " + afterHandover
            + (problems.isEmpty() ? "" : "\n  " + String.join("\n  ", problems));
      }
    }

    private final class Chat {
      final String name;
      final boolean handover;
      final String[] questions;
      volatile int stage;

      Chat(String name, boolean handover, String[] questions) {
        this.name = name;
        this.handover = handover;
        this.questions = questions;
      }

      DaktelaChatFake.Chat state() {
        return fake.chat(name).orElseThrow();
      }

      /** Sends the next customer message once the bot reacted to the last one; true when the script is done. */
      boolean advance() {
        var chat = state();
        if (stage == 0 && replies(chat) >= 1) {
          fake.customerSends(name, handover ? HUMAN : questions[1]);
          stage = 1;
        } else if (stage == 1 && handover && chat.state().equals("QUEUE")) {
          fake.customerSends(name, AFTER_HANDOVER);
          stage = 2;
        } else if (stage == 1 && !handover && replies(chat) >= 2) {
          stage = 2;
        }
        return stage == 2;
      }
    }

    private static boolean summary(DaktelaChatFake.Message m) {
      return m.text() != null && m.text().startsWith(DaktelaChatDemoVendor.SUMMARY_HEADING);
    }

    private static long replies(DaktelaChatFake.Chat chat) {
      return chat.messages().stream().filter(m -> m.direction().equals("OUT") && !summary(m)).count();
    }

    private static long summaries(DaktelaChatFake.Chat chat) {
      return chat.messages().stream().filter(m -> m.direction().equals("OUT") && summary(m)).count();
    }

    /**
     * Opens {@link #CHATS} chats at {@code perSecond}, calls {@code midway} once (to kill the process) when a quarter
     * of them had the bot's first answer, so that chats are at every stage then (answered, their next message on its
     * way, their first message not answered yet, not opened yet), drives every script to its end, and waits until
     * the fake's chats change no more.
     */
    void run(int perSecond, Runnable midway, Duration timeout) {
      var scheduler = Executors.newSingleThreadScheduledExecutor();
      var step = new ChaosLoad.Midway(midway);
      try {
        scheduler.scheduleAtFixedRate(() -> {
          synchronized (chats) {
            int n = chats.size();
            if (n < CHATS) {
              String[] questions = QUESTIONS[n % QUESTIONS.length];
              chats.add(new Chat(fake.customerStarts("Customer " + n, "c" + n + "@example.com", questions[0]),
                  n % 4 == 3, questions));
            }
          }
        }, 0, 1000 / perSecond, TimeUnit.MILLISECONDS);
        Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(100)).until(() -> {
          step.check();
          synchronized (chats) {
            boolean done = true;
            for (Chat c : chats) {
              done &= c.advance();
            }
            if (chats.stream().filter(c -> c.stage >= 1).count() >= CHATS / 4) {
              step.startOnce();
            }
            return done && chats.size() == CHATS;
          }
        });
      } catch (ConditionTimeoutException e) {
        // the tally shows which chats did not finish
      } finally {
        scheduler.shutdownNow();
      }
      step.check();
      // settle: no answer may still be on its way (a duplicate, an answer after the transfer)
      Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
          .during(Duration.ofSeconds(2)).until(this::answersSoFar, n -> n == answersSoFar());
    }

    /** The bot's answers that reached the fake, accepted or refused. */
    private int answersSoFar() {
      return fake.chats().stream().mapToInt(c -> (int) c.messages().stream()
          .filter(m -> m.direction().equals("OUT")).count() + c.refused().size()).sum();
    }

    Tally tally() {
      int lost = 0;
      int duplicates = 0;
      int after = 0;
      var problems = new ArrayList<String>();
      synchronized (chats) {
        for (Chat c : chats) {
          var chat = c.state();
          int reported = problems.size();
          long replies = replies(chat);
          long summaries = summaries(chat);
          int expectedSummaries = c.handover ? 1 : 0;
          boolean transferred = chat.state().equals("QUEUE");
          String seen = replies + " replies, " + summaries + " summaries, state " + chat.state() + ", stage "
              + c.stage;
          if (replies < 2 || summaries < expectedSummaries || transferred != c.handover) {
            lost++; // or not finished before the timeout: the stage says how far it got
            problems.add(c.name + " lost or unfinished: " + seen);
          }
          if (replies > 2 || summaries > expectedSummaries) {
            duplicates++;
            problems.add(c.name + " twice: " + seen);
          }
          // the fake keeps the bot's answers after the transfer out of the chat (409); any text among them is a
          // message the bot meant to write after the handover
          var late = chat.refused().stream().filter(r -> r.status() == 409 && !r.body().contains("\"transfer\""))
              .toList();
          if (!late.isEmpty()) {
            after++;
            problems.add(c.name + " after the transfer: " + late.size() + " texts refused (" + seen + ")");
          }
          if (problems.size() > reported) {
            chat.messages().forEach(m -> problems.add("    " + m.at() + " " + m.direction() + " "
                + (m.text() == null ? "" : m.text().lines().findFirst().orElse(""))));
            reported = problems.size();
          }
        }
        return new Tally(chats.size(), lost, duplicates, after, problems);
      }
    }
  }
}
