package io.deskbridge.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The demo's script on every vendor (and Daktela's polling variant), run as a test so CI catches a change that breaks
 * it; and {@code demo --vendor all}'s side-by-side table of the three vendors. Each vendor's run is made once and
 * shared by the tests (the script takes seconds per vendor).
 */
class DemoIT {
  private static final Map<DemoVendor.Kind, Demo.Run> RUNS = new ConcurrentHashMap<>();

  private static Demo.Run run(DemoVendor.Kind vendor) {
    return RUNS.computeIfAbsent(vendor, Demo::runOn);
  }

  static List<DemoVendor.Kind> ticketVendors() {
    return DemoVendor.Kind.all(DemoVendor.Channel.TICKET);
  }

  static List<DemoVendor.Kind> chatVendors() {
    return DemoVendor.Kind.all(DemoVendor.Channel.CHAT);
  }

  @ParameterizedTest
  @MethodSource("ticketVendors")
  void everyScriptedOutcomeIsAsExpectedAndPrinted(DemoVendor.Kind vendor) {
    var run = run(vendor);

    assertThat(run.outcomes()).hasSize(17);
    assertThat(run.outcomes()).allSatisfy(o -> assertThat(o.ok())
        .as("%s step '%s': expected %s (%s), got %s", vendor, o.step().says(), o.step().expectDecision(),
            o.step().expectReason(), o.audit())
        .isTrue());
    var handovers = run.outcomes().stream().filter(o -> o.audit().decision().equals("handover")).toList();
    assertThat(handovers).hasSize(6).allSatisfy(o -> {
      assertThat(o.note()).as("the agent's internal note").startsWith("Deskbridge handover").contains("Why:");
      assertThat(o.publicReply()).as("the customer is told").isNotBlank();
      assertThat(o.group()).as("the handover's group or queue").isNotBlank();
    });
    assertThat(run.outcomes()).filteredOn(o -> o.audit().decision().equals("reply"))
        .allSatisfy(o -> assertThat(o.publicReply()).isNotBlank());
    assertThat(run.unmatched()).isEmpty();
    assertThat(run.ok()).isTrue();

    var bytes = new ByteArrayOutputStream();

    Demo.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), run);

    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains(vendor.title() + " fake at").contains("internal note: Deskbridge handover")
        .contains("queue " + handovers.get(0).group()).contains(run.outcomes().size() + " of " + run.outcomes().size()
            + " scripted outcomes as expected");
  }

  /** Daktela's agent view: handovers land in the routing group's category, complaints with Alice assigned. */
  @Test
  void daktelaHandsOverToTheRoutingGroupsCategory() {
    var groups = run(DemoVendor.Kind.daktela).outcomes().stream()
        .filter(o -> o.audit().decision().equals("handover")).map(Demo.Outcome::group).toList();

    assertThat(groups).contains("Support", "Billing", "Support (alice)")
        .allMatch(g -> g.matches("(Support|Billing|Technical)( \\(alice\\))?"));
  }

  /**
   * The chat script: answer, clarification, three quick lines in one debounce window answered by one decision and one
   * reply, a handover whose agent view holds the transcript from the customer's first message and the summary, silence
   * while the agent has the chat, and a new bot episode once it is given back.
   */
  @ParameterizedTest
  @MethodSource("chatVendors")
  void theChatScriptAnswersClarifiesDebouncesAndHandsOverWithTheTranscriptAndSummary(DemoVendor.Kind vendor) {
    var run = run(vendor);

    boolean standby;
    boolean releases;
    try (var chat = vendor.startChat(java.time.Duration.ofSeconds(1))) { // what the vendor's fake does
      standby = chat.standby();
      releases = chat.releases();
    }
    assertThat(run.outcomes()).extracting(o -> o.audit() == null ? "(none)" : o.audit().decision())
        .startsWith("reply", "clarify", "reply", "reply", "reply", "handover", standby ? "ignore" : "(none)")
        .hasSize(releases ? 9 : 7);
    assertThat(run.outcomes()).allSatisfy(o -> assertThat(o.ok())
        .as("%s step '%s': expected %s (%s), got %s", vendor, o.step().says(), o.step().expectDecision(),
            o.step().expectReason(), o.audit())
        .isTrue());
    var debounced = run.outcomes().get(3);
    assertThat(debounced.audit().input()).as("one decision on the three lines")
        .contains("Hi", "I can't log in to my account", "How do I reset my password?");
    assertThat(debounced.decisions()).isEqualTo(1);
    assertThat(debounced.replies()).isEqualTo(1);
    var handover = run.outcomes().get(5);
    boolean summaryInChat = run.agentView().orElseThrow().transcript().stream()
        .anyMatch(e -> e.body().equals(view(run))); // Daktela: no agent-only note, the summary lines go in the chat
    assertThat(handover.replies()).as("the customer is told once").isEqualTo(summaryInChat ? 2 : 1);
    assertThat(handover.publicReply()).contains("colleague");
    assertThat(handover.group()).isNotBlank();
    assertThat(run.outcomes().get(6).replies()).as("bot messages while the agent has the chat").isZero();
    if (releases) {
      assertThat(run.outcomes().get(8).audit().episode()).as("the episode after the release").isEqualTo(2);
    }
    assertThat(run.agentView()).hasValueSatisfying(view -> {
      assertThat(view.conversation()).isEqualTo(handover.conversation());
      assertThat(view.transcript()).extracting(DemoVendor.Entry::body).startsWith(
          "Where is my order #48213? It was supposed to arrive yesterday.")
          .contains("That does not help. I want to talk to a real person.");
      assertThat(view.transcript()).anySatisfy(e -> assertThat(e.author()).isEqualTo(DemoVendor.Author.BOT));
      assertThat(view.summary()).contains("Request: That does not help. I want to talk to a real person.", "48213");
      assertThat(view.group()).isEqualTo(handover.group());
    });
    assertThat(run.unmatched()).isEmpty();
    var bytes = new ByteArrayOutputStream();

    Demo.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), run);

    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains(vendor.title() + " fake at").contains("[1 decision, 1 reply]")
        .contains("What the agent sees on " + vendor.title() + " conversation " + handover.conversation())
        .contains("summary for the agent: " + view(run).lines().findFirst().orElseThrow())
        .contains(run.outcomes().size() + " of " + run.outcomes().size() + " scripted outcomes as expected")
        .doesNotContain("<-- expected");
  }

  private static String view(Demo.Run run) {
    return run.agentView().orElseThrow().summary();
  }

  /**
   * The Conversation API session: every call as scripted (exit 0), a retry with the same Idempotency-Key replayed,
   * three quick lines answered one by one (no debounce), the handover's fields, silence after handover-completed, a
   * new episode after release; and its curl lines printed.
   */
  @Test
  void theApiSessionAnswersClarifiesHandsOverAndPrintsItsCurlLines() {
    var run = ApiDemo.run();

    assertThat(run.calls()).allSatisfy(c -> assertThat(c.ok()).as("%s: expected %s, got %s %s", c.says(),
        c.expected(), c.status(), c.answer()).isTrue());
    assertThat(run.ok()).isTrue();
    assertThat(run.calls().get(1).replayed()).as("the retry is a replay").isTrue();
    assertThat(run.calls().get(1).answer().path("messageId")).isEqualTo(run.calls().get(0).answer().path("messageId"));
    assertThat(run.calls().subList(4, 7)).as("three quick lines, three answers").extracting(ApiDemo.Call::decision)
        .containsExactly("clarify", "reply", "handover");
    var handover = run.calls().stream().filter(c -> c.says().contains("real person")).findFirst().orElseThrow()
        .answer().path("handover");
    assertThat(handover.path("groupId").asText()).isEqualTo("general");
    assertThat(handover.path("customerMessage").asText()).isNotBlank();
    assertThat(handover.path("summaryText").asText()).as("the client named the customer, for the order lookup")
        .startsWith("Customer: e-mail liam@example.com\nDeskbridge handover").contains("Why: human request");
    assertThat(handover.path("summary").path("keyFacts").toString()).contains("48213");
    var lookedUp = run.calls().stream().filter(c -> c.says().startsWith("Where is my order #48213")).findFirst()
        .orElseThrow().answer();
    assertThat(lookedUp.path("reply").path("text").asText()).as("Liam's own order, read from the shop's API")
        .startsWith("Your order 48213 is shipped; expected delivery 2026-12-09 with PPL.");
    var refused = run.calls().stream().filter(c -> c.says().startsWith("(another customer)")).findFirst()
        .orElseThrow().answer();
    assertThat(refused.path("decision").asText()).isEqualTo("handover");
    assertThat(refused.toString()).as("nothing of Liam's order reaches Ava or the note")
        .doesNotContain("2026-12-09").doesNotContain("PPL").doesNotContain("shipped").doesNotContain("iam@example")
        .doesNotContain("Trail shoes");
    assertThat(run.calls().get(run.calls().size() - 1).answer().path("state").path("episode").asInt()).isEqualTo(2);
    var mail = run.calls().stream().filter(c -> c.says().equals(ApiDemo.MAIL_SAYS)).findFirst().orElseThrow().answer();
    assertThat(mail.path("reply").path("text").asText()).as("both questions answered in one reply, nothing of the quote")
        .contains("reset", "delivery").doesNotContain("invoice");
    var outOfOffice = run.calls().stream().filter(c -> c.says().equals(ApiDemo.OUT_OF_OFFICE_SAYS)).findFirst()
        .orElseThrow().answer();
    assertThat(outOfOffice.path("decision").asText()).isEqualTo("ignore");
    assertThat(outOfOffice.has("reply")).as("nothing sent to an out-of-office notice").isFalse();
    var bytes = new ByteArrayOutputStream();

    ApiDemo.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), run);

    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("18 of 18 scripted calls as expected").doesNotContain("<-- expected")
        .contains("curl -sS -X POST $BASE/api/v1/conversations/chat-4714/handover-completed")
        .contains("curl -sS -X POST $BASE/api/v1/conversations/chat-4714/release")
        .contains("summaryText:").contains("an api installation does not debounce")
        .contains("its two questions got one reply (confident_match, multiple_requests)")
        .contains("The out-of-office reply that came back: ignore (auto_reply), nothing sent");
  }

  @Test
  void allIsTheThreeVendorsSideBySideWithTheSameDecisions() {
    var vendors = DemoVendor.Kind.parse("all");
    assertThat(vendors).containsExactly(DemoVendor.Kind.zendesk, DemoVendor.Kind.salesforce, DemoVendor.Kind.daktela);
    assertThat(DemoCommand.parse("all")).as("demo's all: the ticket vendors, the chat vendors, the API session")
        .isEqualTo(new DemoCommand.Selection(List.of(DemoVendor.Kind.zendesk, DemoVendor.Kind.salesforce,
            DemoVendor.Kind.daktela, DemoVendor.Kind.zendeskMessaging, DemoVendor.Kind.daktelaChat), true));
    assertThat(DemoCommand.parse("api")).isEqualTo(new DemoCommand.Selection(List.of(), true));
    assertThat(DemoCommand.parse("zendesk-messaging")).isEqualTo(new DemoCommand.Selection(
        List.of(DemoVendor.Kind.zendeskMessaging), false));
    List<Demo.Run> runs = vendors.stream().map(DemoIT::run).toList();
    var bytes = new ByteArrayOutputStream();

    int exit = Demo.finish(new PrintStream(bytes, true, StandardCharsets.UTF_8), runs);

    assertThat(exit).isZero();
    for (int i = 0; i < runs.get(0).outcomes().size(); i++) {
      int step = i;
      assertThat(runs).extracting(r -> r.outcomes().get(step).audit().decision()).as("step %d", step + 1)
          .containsOnly(runs.get(0).outcomes().get(step).audit().decision());
    }
    String printed = bytes.toString(StandardCharsets.UTF_8);
    assertThat(printed).contains("Side by side").contains("Zendesk: decision, queue, note")
        .contains("Salesforce: decision, queue, note").contains("Daktela: decision, queue, note")
        .doesNotContain("<-- !");
    var withChats = new java.util.ArrayList<>(runs);
    chatVendors().forEach(k -> withChats.add(run(k)));
    var all = new ByteArrayOutputStream();
    assertThat(Demo.finish(new PrintStream(all, true, StandardCharsets.UTF_8), withChats)).as("demo's exit code")
        .isZero();
    assertThat(all.toString(StandardCharsets.UTF_8)).as("side by side: the ticket vendors only")
        .contains("Daktela: decision, queue, note").doesNotContain("Zendesk messaging: decision");
  }
}
