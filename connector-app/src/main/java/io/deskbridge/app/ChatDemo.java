package io.deskbridge.app;

import io.deskbridge.app.Demo.Step;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The demo's chat script, the same on every chat vendor: an answer, a clarification, three quick lines answered once,
 * a handover with the transcript and the summary in the agent's view, silence while the agent has the chat, and the
 * chat given back to the bot. Each customer action happens on the stopped {@link DemoClock}, which then moves on by the
 * debounce window: the messages of one action share one window whatever the machine's speed, and nobody waits for it.
 */
final class ChatDemo {
  /** The chat debounce of the demo's chat installations: the default, as an admin would leave it. */
  static final Duration WINDOW = io.deskbridge.core.engine.Installation.DEFAULT_CHAT_DEBOUNCE;

  /** The scripted steps; customers and the agent act through the vendor's fake, as people would in the chat. */
  static List<Step> script(ChatDemoVendor vendor, DemoClock clock) {
    var open = new LinkedHashMap<String, String>();
    var steps = new ArrayList<Step>();
    steps.add(new Step("en", "How long does delivery take to Brno?",
        inWindow(vendor, clock, () -> opens(vendor, open, "", "jan@example.com", "How long does delivery take to Brno?")),
        "reply", "delivery"));
    steps.add(new Step("en", "Hi, I have a problem with something.",
        inWindow(vendor, clock, () -> opens(vendor, open, "vague", "noah@example.com",
            "Hi, I have a problem with something.")), "clarify", "low_confidence"));
    steps.add(new Step("en", "  ↳ It's about the invoice for my last purchase, I need a copy.",
        inWindow(vendor, clock, () -> writes(vendor, open.get("vague"),
            "It's about the invoice for my last purchase, I need a copy.")), "reply", "invoices"));
    steps.add(new Step("en", "Hi | I can't log in to my account | How do I reset my password? (3 lines, 1 window)",
        inWindow(vendor, clock, () -> {
          String id = opens(vendor, open, "", "emma@example.com", "Hi");
          vendor.customerWrites(id, "I can't log in to my account");
          vendor.customerWrites(id, "How do I reset my password?");
          return id;
        }), "reply", "password-reset", true));
    steps.add(new Step("en", "Where is my order #48213? It was supposed to arrive yesterday.",
        inWindow(vendor, clock, () -> opens(vendor, open, "human", "mia@example.com",
            "Where is my order #48213? It was supposed to arrive yesterday.")), "reply", "order-status"));
    steps.add(new Step("en", "  ↳ That does not help. I want to talk to a real person.",
        inWindow(vendor, clock, () -> writes(vendor, open.get("human"),
            "That does not help. I want to talk to a real person.")), "handover", "human_request", true));
    // the vendor sends the bot the customer's messages while people have the chat (the bot leaves them alone), or not
    steps.add(new Step("en", "  ↳ (after handover) Hello? Is anyone there?",
        inWindow(vendor, clock, () -> writes(vendor, open.get("human"), "Hello? Is anyone there?")),
        vendor.standby() ? "ignore" : Demo.NONE, vendor.standby() ? "human_owns_conversation" : "not_sent_to_the_bot"));
    if (vendor.releases()) {
      steps.add(new Step("en", "  ↳ (agent Alice solves the ticket: the chat goes back to the bot)",
          inWindow(vendor, clock, () -> {
            vendor.agentReleases(open.get("human"));
            return open.get("human");
          }), "ignore", "released_to_bot"));
      steps.add(new Step("en", "  ↳ (new bot episode) Thanks! And how do I reset my password?",
          inWindow(vendor, clock, () -> writes(vendor, open.get("human"), "Thanks! And how do I reset my password?")),
          "reply", "password-reset"));
    }
    return steps;
  }

  /**
   * The action on the stopped clock; once the fake delivered what it caused, the clock moves on by the debounce window
   * and runs again, so that the connector takes it up at once.
   */
  private static Supplier<String> inWindow(ChatDemoVendor vendor, DemoClock clock, Supplier<String> action) {
    return () -> {
      clock.stop();
      try {
        String conversation = action.get();
        vendor.awaitIdle(Duration.ofSeconds(15));
        clock.advance(WINDOW.plusMillis(1));
        return conversation;
      } finally {
        clock.resume();
      }
    };
  }

  private static String opens(ChatDemoVendor vendor, Map<String, String> open, String name, String email, String text) {
    String id = vendor.customerOpens(email, email.substring(0, email.indexOf('@')), "", text);
    if (!name.isEmpty()) {
      open.put(name, id);
    }
    return id;
  }

  private static String writes(ChatDemoVendor vendor, String conversation, String text) {
    vendor.customerWrites(conversation, text);
    return conversation;
  }

  /** The agent's first view of the last handover: the messaging ticket with the transcript, group, tags, summary. */
  static void printAgentView(PrintStream out, Demo.Run run) {
    run.agentView().ifPresent(view -> {
      out.println();
      out.println("What the agent sees on " + run.vendor().title() + " conversation " + view.conversation()
          + " (" + view.ticket() + "): group " + (view.group().isEmpty() ? "-" : view.group())
          + (view.tags().isEmpty() ? "" : ", tags " + String.join(" ", view.tags())));
      out.println("  transcript (" + view.transcript().size() + " messages, from the customer's first):");
      view.transcript().forEach(e -> out.println("    " + switch (e.author()) {
        case CUSTOMER -> "customer: ";
        case BOT -> e.body().equals(view.summary()) ? "bot (the summary, in the chat): " : "bot:      ";
        case AGENT -> "agent:    ";
      } + DemoCommand.excerpt(e.body(), 120)));
      out.println("  summary:");
      view.summary().lines().forEach(line -> out.println("    " + line));
    });
  }

  private ChatDemo() {}
}
