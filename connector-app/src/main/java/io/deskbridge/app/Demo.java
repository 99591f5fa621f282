package io.deskbridge.app;

import ch.qos.logback.classic.Level;
import io.deskbridge.core.Deskbridge;
import io.deskbridge.core.bot.BotConfig;
import io.deskbridge.core.DeskbridgeConfig;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.engine.EngineSettings;
import io.deskbridge.core.engine.Mode;
import io.deskbridge.core.engine.RetryPolicy;
import io.deskbridge.core.engine.Routing;
import io.deskbridge.core.knowledge.KnowledgeLoader;
import io.deskbridge.core.store.AuditRecord;
import io.deskbridge.core.store.StoreConfig;
import io.deskbridge.mock.zendesk.CommentView;
import io.deskbridge.mock.zendesk.ZendeskFake;
import io.deskbridge.mock.zendesk.ZendeskFakeControl;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/**
 * The demo behind {@link DemoCommand}: scripted customer tickets through the Zendesk fake's signed webhooks into a real
 * running connector on the shipped web-shop knowledge base. A class of its own because it uses the fakes, which ship
 * in the optional {@code lib-demo/} folder: picocli reads the command classes' members when the command line is built,
 * so those must not name a class from that folder.
 */
final class Demo {
  private static final String SECRET = DemoCommand.SECRET;

  /** One scripted step: what the customer (or an agent) does, and the decision the script expects. */
  record Step(String language, String says, LongSupplier act, String expectDecision, String expectReason) {}

  /** What a step produced. */
  record Outcome(Step step, long ticket, AuditRecord audit, String publicReply, String note, String group, boolean ok) {}

  /** Runs the script and prints the table; 1 when any outcome differs from the script. */
  static int run(boolean verbose) {
    if (!verbose) {
      ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    }
    long started = System.nanoTime();
    try (var fake = ZendeskFake.start(ZendeskFake.Config.defaults().withDelivery(Duration.ofSeconds(5), 5, Duration.ofMillis(200)));
        var deskbridge = Deskbridge.start(config(fake), KnowledgeLoader.loadFromClasspath(
            DemoCommand.class.getClassLoader(), "demo-kb"), BotConfig.defaults(), Connectors.discover(), Clock.systemUTC())) {
      fake.registerEventWebhook(URI.create("http://127.0.0.1:" + deskbridge.port() + "/webhooks/demo"), SECRET);
      var outcomes = play(fake, deskbridge, script(fake));
      boolean ok = outcomes.stream().allMatch(Outcome::ok);
      print(System.out, fake, outcomes);
      System.out.printf("%n%d of %d scripted outcomes as expected; %d Zendesk API calls; %.1f s.%n",
          outcomes.stream().filter(Outcome::ok).count(), outcomes.size(), fake.apiCalls(),
          (System.nanoTime() - started) / 1e9);
      return ok ? 0 : 1;
    }
  }

  static DeskbridgeConfig config(ZendeskFake fake) {
    Map<String, String> groups = fake.groups().entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().toString()));
    var settings = Settings.of("installations[demo].settings", Map.of(
        "url", fake.baseUrl(), "email", fake.config().agentEmail(),
        "apiToken", Secret.of(fake.config().apiToken()), "webhookSecret", Secret.of(SECRET)));
    return new DeskbridgeConfig(new DeskbridgeConfig.Server("127.0.0.1", 0, 1 << 20),
        StoreConfig.h2Memory("demo-" + System.nanoTime()),
        new EngineSettings(4, Duration.ofSeconds(30), Duration.ofMillis(100), 5, Duration.ofDays(1)), Path.of("demo-kb"),
        null, null, Settings.of("bot", Map.of()), List.of(new DeskbridgeConfig.InstallationConfig("demo", "zendesk", Mode.AUTO,
            new Routing(groups.get("General"), groups, "deskbridge_handover"),
            new RetryPolicy(6, Duration.ofMillis(100), Duration.ofSeconds(5)), 100_000, settings)));
  }

  private static long open(ZendeskFakeControl fake, String email, String subject, String text) {
    return fake.createTicket(email, email.substring(0, email.indexOf('@')), subject, text);
  }

  /**
   * The scripted steps. Customers and the agent act through the fake's HTTP control endpoints, the same ones
   * a standalone fake offers (mock-servers README), so the demo exercises what users and tests use.
   */
  static List<Step> script(ZendeskFake zendesk) {
    var fake = zendesk.control();
    long alice = zendesk.humanAgentId();
    var tickets = new LinkedHashMap<String, Long>();
    var steps = new ArrayList<Step>();
    steps.add(new Step("en", "How can I reset my password? I can't log in.",
        () -> put(tickets, "password", open(fake, "emma@example.com", "Login", "How can I reset my password? I can't log in.")),
        "reply", "password-reset"));
    steps.add(new Step("cs", "Jak dlouho trvá doručení do Brna?",
        () -> open(fake, "jan@example.cz", "Doručení", "Jak dlouho trvá doručení do Brna?"), "reply", "delivery"));
    steps.add(new Step("pl", "Jak mogę zwrócić towar, który kupiłem w zeszłym tygodniu?",
        () -> put(tickets, "returns", open(fake, "ola@example.pl", "Zwrot",
            "Jak mogę zwrócić towar, który kupiłem w zeszłym tygodniu?")), "clarify", "low_confidence"));
    steps.add(new Step("pl", "  ↳ Tak, chodzi o zwrot towaru.",
        () -> comment(fake, tickets.get("returns"), "Tak, chodzi o zwrot towaru."), "reply", "returns"));
    steps.add(new Step("en", "Where is my order #48213? It was supposed to arrive yesterday.",
        () -> open(fake, "liam@example.com", "Order", "Where is my order #48213? It was supposed to arrive yesterday."), "reply", "order-status"));
    steps.add(new Step("pl", "Kiedy jesteście otwarci w sobotę?",
        () -> open(fake, "piotr@example.pl", "Godziny", "Kiedy jesteście otwarci w sobotę?"), "reply", "opening-hours"));
    steps.add(new Step("en", "Hi, I have a problem with something.",
        () -> put(tickets, "vague", open(fake, "noah@example.com", "Help", "Hi, I have a problem with something.")),
        "clarify", "low_confidence"));
    steps.add(new Step("en", "  ↳ It's about the invoice for my last purchase, I need a copy.",
        () -> comment(fake, tickets.get("vague"), "It's about the invoice for my last purchase, I need a copy."), "reply", "invoices"));
    steps.add(new Step("en", "I want to talk to a real person, please.",
        () -> put(tickets, "human", open(fake, "mia@example.com", "Person", "I want to talk to a real person, please.")),
        "handover", "human_request"));
    steps.add(new Step("cs", "Chci mluvit s operátorem.",
        () -> open(fake, "petra@example.cz", "Operátor", "Chci mluvit s operátorem."), "handover", "human_request"));
    steps.add(new Step("en", "This is the THIRD time my package is late!!! Your service is absolutely terrible and useless.",
        () -> open(fake, "oliver@example.com", "Late again", "This is the THIRD time my package is late!!! Your service is absolutely terrible and useless."),
        "handover", "anger"));
    steps.add(new Step("en", "Please cancel my order 55120 immediately, I found it cheaper elsewhere.",
        () -> open(fake, "ava@example.com", "Cancel", "Please cancel my order 55120 immediately, I found it cheaper elsewhere."),
        "handover", "cancellation"));
    steps.add(new Step("cs", "Chtěl bych podat reklamaci, bota se rozpadla po týdnu.",
        () -> open(fake, "karel@example.cz", "Reklamace", "Chtěl bych podat reklamaci, bota se rozpadla po týdnu."),
        "handover", "complaint"));
    steps.add(new Step("en", "I will contact my lawyer about the charge of 249 EUR on 12 May 2024.",
        () -> open(fake, "lucas@example.com", "Charge", "I will contact my lawyer about the charge of 249 EUR on 12 May 2024."),
        "handover", "legal"));
    steps.add(new Step("en", "  ↳ (after handover) Hello? Is anyone there?",
        () -> comment(fake, tickets.get("human"), "Hello? Is anyone there?"), "ignore", "human_owns_conversation"));
    steps.add(new Step("en", "  ↳ (agent Alice answers publicly on the password ticket)",
        () -> agent(fake, alice, tickets.get("password"), "Hi Emma, Alice here. I have sent you a new reset link."), "ignore", "human_took_over"));
    steps.add(new Step("en", "  ↳ (after agent took over) Thanks! And how do I change my e-mail?",
        () -> comment(fake, tickets.get("password"), "Thanks! And how do I change my e-mail?"), "ignore", "human_owns_conversation"));
    return steps;
  }

  private static long put(Map<String, Long> tickets, String name, long id) {
    tickets.put(name, id);
    return id;
  }

  private static long comment(ZendeskFakeControl fake, long ticket, String text) {
    fake.customerComments(ticket, text);
    return ticket;
  }

  private static long agent(ZendeskFakeControl fake, long agentId, long ticket, String text) {
    fake.agentComments(ticket, agentId, text, true);
    return ticket;
  }

  static List<Outcome> play(ZendeskFake fake, Deskbridge deskbridge, List<Step> steps) {
    var outcomes = new ArrayList<Outcome>();
    for (var step : steps) {
      int auditBefore = deskbridge.store().all().size();
      long ticket = step.act().getAsLong();
      settle(fake, deskbridge);
      var audits = deskbridge.store().all().subList(auditBefore, deskbridge.store().all().size()).stream()
          .filter(r -> r.conversationId().equals(String.valueOf(ticket)))
          .filter(r -> !r.reasons().contains("own_message")).toList(); // not the echo of the bot's own writes
      AuditRecord audit = audits.isEmpty() ? null : audits.get(audits.size() - 1);
      var comments = fake.comments(ticket);
      String reply = last(comments, fake.botUserId(), true);
      String note = last(comments, fake.botUserId(), false);
      Long groupId = fake.ticket(ticket).orElseThrow().groupId();
      String group = groupId == null ? "" : fake.groups().entrySet().stream()
          .filter(e -> e.getValue().equals(groupId)).map(Map.Entry::getKey).findFirst().orElse(groupId.toString());
      boolean ok = audit != null && audit.decision().equals(step.expectDecision())
          && (audit.reasons().contains(step.expectReason()) || audit.articleId().equals(step.expectReason()));
      outcomes.add(new Outcome(step, ticket, audit, reply, note, group, ok));
    }
    return outcomes;
  }

  /** Waits until the fake delivered everything and the connector processed it, twice in a row (own comments echo). */
  static void settle(ZendeskFake fake, Deskbridge deskbridge) {
    try {
      for (int round = 0; round < 3; round++) {
        fake.awaitIdle(Duration.ofSeconds(15));
        deskbridge.engine().awaitIdle(Duration.ofSeconds(15));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String last(List<CommentView> comments, long author, boolean isPublic) {
    String text = "";
    for (var c : comments) {
      if (c.authorId() == author && c.isPublic() == isPublic) {
        text = c.body();
      }
    }
    return text;
  }

  static void print(PrintStream out, ZendeskFake fake, List<Outcome> outcomes) {
    out.println();
    out.println("Deskbridge demo: Zendesk fake at " + fake.baseUrl() + ", web-shop knowledge base (en, cs, pl, sk, sl)");
    out.println();
    out.printf("%-3s %-7s %-2s %-52s %-38s %s%n", "#", "ticket", "", "customer says", "decision (reason, confidence)", "ticket now shows");
    out.println("-".repeat(150));
    int n = 0;
    for (var o : outcomes) {
      n++;
      String decision = o.audit() == null ? "(no decision)" : o.audit().decision() + " ("
          + String.join(", ", o.audit().reasons()) + (o.audit().confidence() > 0
              ? ", " + Math.round(o.audit().confidence() * 100) + " %" : "") + ")";
      String shows = o.audit() != null && o.audit().decision().equals("handover")
          ? "group " + o.group() + "; public: " + DemoCommand.excerpt(o.publicReply(), 40)
          : o.audit() != null && o.audit().decision().equals("ignore") ? "(bot silent) group " + blank(o.group())
          : "public: " + DemoCommand.excerpt(o.publicReply(), 60);
      out.printf("%-3s %-7s %-2s %-52s %-38s %s%s%n", n, "#" + o.ticket(), o.step().language(),
          DemoCommand.excerpt(o.step().says(), 52), DemoCommand.excerpt(decision, 38), shows, o.ok() ? "" : "   <-- expected "
              + o.step().expectDecision() + " (" + o.step().expectReason() + ")");
      if (o.audit() != null && o.audit().decision().equals("handover")) {
        out.println("                  internal note: " + DemoCommand.excerpt(o.note().replace('\n', ' ').replaceAll(" +", " "), 128));
      }
    }
    outcomes.stream().filter(o -> o.audit() != null && o.audit().decision().equals("handover")).reduce((a, b) -> b)
        .ifPresent(o -> {
          out.println();
          out.println("The agent's internal note on ticket #" + o.ticket() + ", in full:");
          o.note().lines().forEach(line -> out.println("    " + line));
        });
  }

  private static String blank(String s) {
    return s.isEmpty() ? "-" : s;
  }

  private Demo() {}
}
