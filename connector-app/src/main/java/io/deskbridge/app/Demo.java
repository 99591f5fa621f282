package io.deskbridge.app;

import ch.qos.logback.classic.Level;
import io.deskbridge.core.Deskbridge;
import io.deskbridge.core.DeskbridgeConfig;
import io.deskbridge.core.bot.BotConfig;
import io.deskbridge.core.engine.Connectors;
import io.deskbridge.core.engine.EngineSettings;
import io.deskbridge.core.engine.Mode;
import io.deskbridge.core.engine.RetryPolicy;
import io.deskbridge.core.knowledge.KnowledgeLoader;
import io.deskbridge.core.store.AuditRecord;
import io.deskbridge.core.store.StoreConfig;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.LoggerFactory;

/**
 * The demo behind {@link DemoCommand}: the same scripted customer conversations, per vendor, through the vendor's
 * fake and its webhooks into a real running connector on the shipped web-shop knowledge base; then what the agent
 * sees on each conversation (the public reply, the internal summary note, the group or queue), vendor by vendor and
 * side by side. A class of its own because it uses the fakes, which ship in the optional {@code lib-demo/} folder:
 * picocli reads the command classes' members when the command line is built, so those must not name a class from
 * that folder.
 */
final class Demo {
  /** The installation id, and so the webhook path {@code /webhooks/demo}. */
  static final String INSTALLATION = "demo";
  /** A step's expected decision when the vendor sends the connector nothing about it: no decision, no message. */
  static final String NONE = "none";

  /**
   * One scripted step: what the customer (or an agent) does, and the decision the script expects.
   *
   * @param expectDecision the decision, or {@link #NONE} when the vendor sends the connector nothing
   * @param once whether the step must make exactly one decision other than {@code ignore} and, for an answer, one
   *             public reply (several quick chat lines answered together: the lines after the first are
   *             {@code ignore}d as handled with it; a handover's customer message, or summary lines and message)
   */
  record Step(String language, String says, Supplier<String> act, String expectDecision, String expectReason,
      boolean once) {
    Step(String language, String says, Supplier<String> act, String expectDecision, String expectReason) {
      this(language, says, act, expectDecision, expectReason, false);
    }
  }

  /**
   * What a step produced on one vendor.
   *
   * @param decisions the decisions other than {@code ignore} the connector made on the step
   * @param replies   the bot's public replies the step caused
   */
  record Outcome(Step step, String conversation, AuditRecord audit, String publicReply, String note, String group,
      int decisions, int replies, boolean ok) {}

  /**
   * One vendor's run of the script.
   *
   * @param agentView a chat vendor's agent view of the script's last handover; empty for tickets (their agents read
   *                  the internal note)
   */
  record Run(DemoVendor.Kind vendor, String baseUrl, List<Outcome> outcomes, int apiCalls, List<String> unmatched,
      double seconds, Optional<ChatDemoVendor.AgentView> agentView) {
    boolean ok() {
      return unmatched.isEmpty() && outcomes.stream().allMatch(Outcome::ok);
    }
  }

  /**
   * Runs the script on each vendor and prints the tables, then, with {@code api}, the Conversation API session; 1 when
   * any outcome differs from the script.
   */
  static int run(boolean verbose, List<DemoVendor.Kind> vendors, boolean api) {
    if (!verbose) {
      ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
    }
    int exit = 0;
    for (var channel : DemoVendor.Channel.values()) { // the tickets and their side by side, then the chats
      var ofChannel = new ArrayList<Run>();
      for (var kind : vendors.stream().filter(k -> k.channel() == channel).toList()) {
        var run = runOn(kind);
        print(System.out, run);
        ofChannel.add(run);
      }
      exit = ofChannel.isEmpty() || finish(System.out, ofChannel) == 0 ? exit : 1;
    }
    if (api) {
      var session = ApiDemo.run();
      ApiDemo.print(System.out, session);
      exit = session.ok() ? exit : 1;
    }
    return exit;
  }

  /**
   * After every vendor's table: with more than one vendor, the side-by-side table; 0 when every outcome on every vendor
   * was as scripted, else 1.
   */
  static int finish(PrintStream out, List<Run> runs) {
    if (runs.size() > 1) {
      sideBySide(out, runs);
    }
    return runs.stream().allMatch(Run::ok) ? 0 : 1;
  }

  /**
   * The script of the vendor's channel on one vendor: its fake, a connector in this JVM, the steps one after another.
   * A chat vendor's connector runs on a {@link DemoClock}, which the chat script moves past each debounce window.
   */
  static Run runOn(DemoVendor.Kind kind) {
    long started = System.nanoTime();
    var clock = new DemoClock();
    try (var vendor = kind.start(Duration.ofSeconds(5));
        var deskbridge = Deskbridge.start(config(vendor), KnowledgeLoader.loadFromClasspath(
            DemoCommand.class.getClassLoader(), "demo-kb"), BotConfig.defaults(), Connectors.discover(), clock)) {
      vendor.deliverTo(List.of(URI.create("http://127.0.0.1:" + deskbridge.port() + "/webhooks/" + INSTALLATION)));
      var chat = vendor instanceof ChatDemoVendor c ? Optional.of(c) : Optional.<ChatDemoVendor>empty();
      var outcomes = play(vendor, deskbridge, chat.isPresent() ? ChatDemo.script(chat.get(), clock) : script(vendor));
      var agentView = chat.flatMap(c -> outcomes.stream().filter(o -> isHandover(o)).reduce((a, b) -> b)
          .flatMap(o -> c.agentView(o.conversation())));
      return new Run(kind, vendor.baseUrl(), outcomes, vendor.apiCalls(), vendor.unmatchedRequests(),
          (System.nanoTime() - started) / 1e9, agentView);
    }
  }

  private static boolean isHandover(Outcome o) {
    return o.audit() != null && o.audit().decision().equals("handover");
  }

  /** The demo's configuration: one installation in auto mode on the vendor's fake, an in-memory store. */
  static DeskbridgeConfig config(DemoVendor vendor) {
    return new DeskbridgeConfig(new DeskbridgeConfig.Server("127.0.0.1", 0, 1 << 20),
        StoreConfig.h2Memory("demo-" + System.nanoTime()),
        new EngineSettings(4, Duration.ofSeconds(30), Duration.ofMillis(100), 5, Duration.ofDays(1)), Path.of("demo-kb"),
        null, null, io.deskbridge.core.config.Settings.of("bot", Map.of()), List.of(vendor.installation(INSTALLATION,
            Mode.AUTO, new RetryPolicy(6, Duration.ofMillis(100), Duration.ofSeconds(5)), 100_000)));
  }

  /** The scripted steps; customers and the agent act through the vendor's fake, as people would in the helpdesk. */
  static List<Step> script(DemoVendor vendor) {
    var open = new LinkedHashMap<String, String>();
    var steps = new ArrayList<Step>();
    steps.add(new Step("en", "How can I reset my password? I can't log in.",
        () -> opens(vendor, open, "password", "emma@example.com", "Login", "How can I reset my password? I can't log in."),
        "reply", "password-reset"));
    steps.add(new Step("cs", "Jak dlouho trvá doručení do Brna?",
        () -> opens(vendor, open, "", "jan@example.cz", "Doručení", "Jak dlouho trvá doručení do Brna?"), "reply", "delivery"));
    steps.add(new Step("pl", "Co zrobić z towarem, który mi nie pasuje?",
        () -> opens(vendor, open, "returns", "ola@example.pl", "Zwrot",
            "Co zrobić z towarem, który mi nie pasuje?"), "clarify", "low_confidence"));
    steps.add(new Step("pl", "  ↳ Tak, chodzi o zwrot towaru.",
        () -> writes(vendor, open.get("returns"), "Tak, chodzi o zwrot towaru."), "reply", "returns"));
    steps.add(new Step("en", "Where is my order #48213? It was supposed to arrive yesterday.",
        () -> opens(vendor, open, "", "liam@example.com", "Order", "Where is my order #48213? It was supposed to arrive yesterday."),
        "reply", "order-status"));
    steps.add(new Step("pl", "Kiedy jesteście otwarci w sobotę?",
        () -> opens(vendor, open, "", "piotr@example.pl", "Godziny", "Kiedy jesteście otwarci w sobotę?"), "reply", "opening-hours"));
    steps.add(new Step("en", "Hi, I have a problem with something.",
        () -> opens(vendor, open, "vague", "noah@example.com", "Help", "Hi, I have a problem with something."),
        "clarify", "low_confidence"));
    steps.add(new Step("en", "  ↳ It's about the invoice for my last purchase, I need a copy.",
        () -> writes(vendor, open.get("vague"), "It's about the invoice for my last purchase, I need a copy."), "reply", "invoices"));
    steps.add(new Step("en", "I want to talk to a real person, please.",
        () -> opens(vendor, open, "human", "mia@example.com", "Person", "I want to talk to a real person, please."),
        "handover", "human_request"));
    steps.add(new Step("cs", "Chci mluvit s operátorem.",
        () -> opens(vendor, open, "", "petra@example.cz", "Operátor", "Chci mluvit s operátorem."), "handover", "human_request"));
    steps.add(new Step("en", "This is the THIRD time my package is late!!! Your service is absolutely terrible and useless.",
        () -> opens(vendor, open, "", "oliver@example.com", "Late again",
            "This is the THIRD time my package is late!!! Your service is absolutely terrible and useless."), "handover", "anger"));
    steps.add(new Step("en", "Please cancel my order 55120 immediately, I found it cheaper elsewhere.",
        () -> opens(vendor, open, "", "ava@example.com", "Cancel",
            "Please cancel my order 55120 immediately, I found it cheaper elsewhere."), "handover", "cancellation"));
    steps.add(new Step("cs", "Chtěl bych podat reklamaci, bota se rozpadla po týdnu.",
        () -> opens(vendor, open, "", "karel@example.cz", "Reklamace", "Chtěl bych podat reklamaci, bota se rozpadla po týdnu."),
        "handover", "complaint"));
    steps.add(new Step("en", "I will contact my lawyer about the charge of 249 EUR on 12 May 2024.",
        () -> opens(vendor, open, "", "lucas@example.com", "Charge", "I will contact my lawyer about the charge of 249 EUR on 12 May 2024."),
        "handover", "legal"));
    steps.add(new Step("en", "  ↳ (after handover) Hello? Is anyone there?",
        () -> writes(vendor, open.get("human"), "Hello? Is anyone there?"), "ignore", "human_owns_conversation"));
    steps.add(new Step("en", "  ↳ (agent Alice answers publicly on the password conversation)",
        () -> {
          vendor.agentAnswers(open.get("password"), "Hi Emma, Alice here. I have sent you a new reset link.");
          return open.get("password");
        }, "ignore", "human_took_over"));
    steps.add(new Step("en", "  ↳ (after agent took over) Thanks! And how do I change my e-mail?",
        () -> writes(vendor, open.get("password"), "Thanks! And how do I change my e-mail?"), "ignore", "human_owns_conversation"));
    return steps;
  }

  private static String opens(DemoVendor vendor, Map<String, String> open, String name, String email, String subject,
      String text) {
    String id = vendor.customerOpens(email, email.substring(0, email.indexOf('@')), subject, text);
    if (!name.isEmpty()) {
      open.put(name, id);
    }
    return id;
  }

  private static String writes(DemoVendor vendor, String conversation, String text) {
    vendor.customerWrites(conversation, text);
    return conversation;
  }

  static List<Outcome> play(DemoVendor vendor, Deskbridge deskbridge, List<Step> steps) {
    var outcomes = new ArrayList<Outcome>();
    var repliesSeen = new java.util.HashMap<String, Long>();
    for (var step : steps) {
      int auditBefore = deskbridge.store().all().size();
      String conversation = step.act().get();
      if (!step.expectDecision().equals(NONE)) {
        awaitDecision(deskbridge, auditBefore, conversation);
      }
      settle(vendor, deskbridge);
      var audits = decisions(deskbridge, auditBefore, conversation);
      // the decision: the first other than ignore when there is one (the lines a debounce answered together, or an
      // event with no new customer message, are ignored around it), else the first ignore
      AuditRecord audit = audits.stream().filter(a -> !a.decision().equals("ignore")).findFirst()
          .orElse(audits.isEmpty() ? null : audits.get(0));
      var entries = vendor.entries(conversation);
      String reply = last(entries, true);
      String note = vendor instanceof ChatDemoVendor chat // a chat's agent reads the vendor's handover view
          ? chat.agentView(conversation).map(ChatDemoVendor.AgentView::summary).orElse("") : last(entries, false);
      long botReplies = entries.stream().filter(e -> e.author() == DemoVendor.Author.BOT && e.isPublic()).count();
      int replies = (int) (botReplies - repliesSeen.getOrDefault(conversation, 0L));
      int decided = (int) audits.stream().filter(a -> !a.decision().equals("ignore")).count();
      repliesSeen.put(conversation, botReplies);
      boolean ok = step.expectDecision().equals(NONE) ? audit == null && replies == 0
          : audit != null && audit.decision().equals(step.expectDecision())
          && (audit.reasons().contains(step.expectReason()) || audit.articleId().equals(step.expectReason()))
          && (!step.once() || (decided == 1 && (audit.decision().equals("handover") ? replies >= 1 : replies == 1)));
      outcomes.add(new Outcome(step, conversation, audit, reply, note, vendor.queue(conversation), decided, replies,
          ok));
    }
    return outcomes;
  }

  /** The audit records about the conversation since {@code from}, but those of the bot's own writes coming back. */
  private static List<AuditRecord> decisions(Deskbridge deskbridge, int from, String conversation) {
    var all = deskbridge.store().all();
    return all.subList(Math.min(from, all.size()), all.size()).stream()
        .filter(r -> r.conversationId().equals(conversation))
        .filter(r -> !r.reasons().contains("own_message") && !r.reasons().contains("own_event")).toList();
  }

  /**
   * Waits up to 30 s for the connector's decision on what the step did: a vendor may queue its webhook a moment after
   * the action (Salesforce's Outbound Messages), when the fake and the engine still look idle.
   */
  private static void awaitDecision(Deskbridge deskbridge, int from, String conversation) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (decisions(deskbridge, from, conversation).isEmpty() && System.nanoTime() < deadline) {
      java.util.concurrent.locks.LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
    }
  }

  /** Waits until the fake delivered everything and the connector processed it, three times (own writes echo). */
  static void settle(DemoVendor vendor, Deskbridge deskbridge) {
    try {
      for (int round = 0; round < 3; round++) {
        vendor.awaitIdle(Duration.ofSeconds(15));
        deskbridge.engine().awaitIdle(Duration.ofSeconds(15));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static String last(List<DemoVendor.Entry> entries, boolean isPublic) {
    String text = "";
    for (var e : entries) {
      if (e.author() == DemoVendor.Author.BOT && e.isPublic() == isPublic) {
        text = e.body();
      }
    }
    return text;
  }

  static void print(PrintStream out, Run run) {
    var outcomes = run.outcomes();
    boolean chat = run.vendor().channel() == DemoVendor.Channel.CHAT;
    out.println();
    out.println("Deskbridge demo: " + run.vendor().title() + " fake at " + run.baseUrl()
        + ", web-shop knowledge base (en, cs, pl, sk, sl)" + (chat ? "; chat, debounce window "
        + ChatDemo.WINDOW.toMillis() + " ms" : ""));
    out.println();
    out.printf("%-3s %-19s %-2s %-52s %-38s %s%n", "#", "conversation", "", "customer says", "decision (reason, confidence)",
        "the agent sees");
    out.println("-".repeat(160));
    int n = 0;
    for (var o : outcomes) {
      n++;
      String shows = o.audit() != null && o.audit().decision().equals("handover")
          ? "queue " + o.group() + "; public: " + DemoCommand.excerpt(o.publicReply(), 40)
          : o.audit() != null && o.audit().decision().equals("ignore") || o.step().expectDecision().equals(NONE)
              ? "(bot silent) queue " + blank(o.group())
          : "public: " + DemoCommand.excerpt(o.publicReply(), 60);
      out.printf("%-3s %-19s %-2s %-52s %-38s %s%s%s%n", n, DemoCommand.excerpt(o.conversation(), 19),
          o.step().language(), DemoCommand.excerpt(o.step().says(), 52), DemoCommand.excerpt(decision(o), 38), shows,
          o.step().once() ? "  [" + o.decisions() + " decision" + (o.decisions() == 1 ? "" : "s") + ", " + o.replies()
              + " repl" + (o.replies() == 1 ? "y" : "ies") + "]" : "",
          o.ok() ? "" : "   <-- expected " + o.step().expectDecision() + " (" + o.step().expectReason() + ")"
              + (o.step().once() ? " once" : ""));
      if (isHandover(o)) {
        out.println("                        " + (chat ? "summary for the agent: " : "internal note: ")
            + DemoCommand.excerpt(o.note().replace('\n', ' ').replaceAll(" +", " "), 128));
      }
    }
    if (chat) {
      ChatDemo.printAgentView(out, run);
    }
    outcomes.stream().filter(o -> !chat && isHandover(o)).reduce((a, b) -> b)
        .ifPresent(o -> {
          out.println();
          out.println("The agent's internal note on " + run.vendor().title() + " conversation " + o.conversation()
              + ", in full:");
          o.note().lines().forEach(line -> out.println("    " + line));
        });
    out.printf("%n%s: %d of %d scripted outcomes as expected; %d API calls%s; %.1f s.%n", run.vendor().title(),
        outcomes.stream().filter(Outcome::ok).count(), outcomes.size(), run.apiCalls(),
        run.unmatched().isEmpty() ? "" : "; " + run.unmatched().size() + " requests the fake could not serve: "
            + run.unmatched(), run.seconds());
  }

  /** The vendors side by side, step by step: the decision and where the conversation ended up. */
  static void sideBySide(PrintStream out, List<Run> allRuns) {
    var runs = allRuns.stream().filter(r -> r.vendor().channel() == DemoVendor.Channel.TICKET).toList();
    if (runs.size() < 2) {
      return;
    }
    out.println();
    out.println("Side by side:");
    out.println();
    var header = new StringBuilder(String.format("%-3s %-44s", "#", "customer says"));
    runs.forEach(r -> header.append(String.format(" | %-40s", r.vendor().title() + ": decision, queue, note")));
    out.println(header);
    out.println("-".repeat(header.length()));
    for (int i = 0; i < runs.get(0).outcomes().size(); i++) {
      var line = new StringBuilder(String.format("%-3d %-44s", i + 1,
          DemoCommand.excerpt(runs.get(0).outcomes().get(i).step().says(), 44)));
      for (var run : runs) {
        var o = run.outcomes().get(i);
        String cell = (o.audit() == null ? "(none)" : o.audit().decision()) + ", " + blank(o.group())
            + (o.note().isEmpty() ? "" : ", note") + (o.ok() ? "" : " <-- !");
        line.append(String.format(" | %-40s", DemoCommand.excerpt(cell, 40)));
      }
      out.println(line);
    }
    var totals = new StringBuilder(String.format("%-3s %-44s", "", "as expected; API calls"));
    runs.forEach(r -> totals.append(String.format(" | %-40s", r.outcomes().stream().filter(Outcome::ok).count() + " of "
        + r.outcomes().size() + "; " + r.apiCalls())));
    out.println(totals);
  }

  private static String decision(Outcome o) {
    if (o.audit() == null && o.step().expectDecision().equals(NONE)) {
      return "(" + o.step().expectReason().replace('_', ' ') + ")";
    }
    return o.audit() == null ? "(no decision)" : o.audit().decision() + " (" + String.join(", ", o.audit().reasons())
        + (o.audit().confidence() > 0 ? ", " + Math.round(o.audit().confidence() * 100) + " %" : "") + ")";
  }

  private static String blank(String s) {
    return s.isEmpty() ? "-" : s;
  }

  private Demo() {}
}
