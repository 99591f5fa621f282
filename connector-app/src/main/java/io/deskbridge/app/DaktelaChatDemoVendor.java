package io.deskbridge.app;

import io.deskbridge.core.DeskbridgeConfig;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.engine.Mode;
import io.deskbridge.core.engine.RetryPolicy;
import io.deskbridge.core.engine.Routing;
import io.deskbridge.mock.base.DeliveryAttempt;
import io.deskbridge.mock.daktela.chat.DaktelaChatFake;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Daktela web chat through {@link DaktelaChatFake}: the connector is the chat routing's external bot, customers'
 * messages come to it with the token in a header, and a handover transfers the chat to a queue, after which Daktela
 * sends the bot nothing more. The agent who takes the chat reads its transcript, the bot's summary lines included
 * ({@link #agentView}): the protocol has no agent-only note. The fake cannot hand a chat back to the bot, nor let an
 * agent write ({@link #releases()} is false).
 */
public final class DaktelaChatDemoVendor implements ChatDemoVendor {
  /** The routing groups of the demo's knowledge base, mapped to the fake's chat queues. */
  static final Map<String, String> QUEUES = Map.of("General", "3201", "Shipping", "3201", "Accounts", "3201",
      "Billing", "3202");
  /** The first line of the summary the connector posts in the chat before the transfer. */
  public static final String SUMMARY_HEADING = "Summary for the colleague who takes over:";
  private static final String TOKEN_HEADER = "X-Deskbridge-Token";

  private final DaktelaChatFake fake;

  /** Wraps a running fake (closing this closes it). */
  public DaktelaChatDemoVendor(DaktelaChatFake fake) {
    this.fake = fake;
  }

  /** With the fake's assumed delivery policy (10 s per attempt, 3 attempts 1 s apart); the timeout is not used. */
  static DaktelaChatDemoVendor start(Duration deliveryTimeout) {
    return new DaktelaChatDemoVendor(DaktelaChatFake.start(DaktelaChatFake.Config.defaults()));
  }

  /** The fake, for what only Daktela web chat has. */
  public DaktelaChatFake fake() {
    return fake;
  }

  @Override
  public Kind kind() {
    return Kind.daktelaChat;
  }

  @Override
  public String baseUrl() {
    return fake.baseUrl();
  }

  @Override
  public DeskbridgeConfig.InstallationConfig installation(String id, Mode mode, RetryPolicy retry,
      int requestsPerMinute) {
    var settings = Settings.of("installations[" + id + "].settings", Map.of("url", fake.baseUrl(),
        "botToken", Secret.of(SECRET), "tokenHeader", TOKEN_HEADER, "requestTimeout", "5s"));
    return new DeskbridgeConfig.InstallationConfig(id, "daktela-chat", mode,
        new Routing(QUEUES.get("General"), QUEUES, "deskbridge_handover"), retry, requestsPerMinute, settings);
  }

  @Override
  public String installationYaml(String indent, Path secrets) throws IOException {
    Path token = Files.writeString(secrets.resolve("daktela-chat-bot-token"), SECRET);
    String map = QUEUES.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .map(e -> BenchRig.yamlString(e.getKey()) + ": " + BenchRig.yamlString(e.getValue()))
        .collect(Collectors.joining(", "));
    return indent + "vendor: daktela-chat\n"
        + indent + "routing: {defaultGroup: " + BenchRig.yamlString(QUEUES.get("General")) + ", groups: {" + map + "}}\n"
        + indent + "settings:\n"
        + indent + "  url: " + BenchRig.yamlString(fake.baseUrl()) + "\n"
        + indent + "  botToken: {file: " + BenchRig.yamlString(token.toString()) + "}\n"
        + indent + "  tokenHeader: " + BenchRig.yamlString(TOKEN_HEADER) + "\n";
  }

  /** The token in a header, so that every endpoint of a load balancer takes the same URL. */
  @Override
  public void deliverTo(List<URI> endpoints) {
    fake.connectBot(DaktelaChatFake.BotEndpoint.inHeader(endpoints.get(0), TOKEN_HEADER, SECRET));
    if (endpoints.size() > 1) {
      fake.routeDeliveriesTo(endpoints);
    }
  }

  /** A chat has no subject: the customer's first line is {@code text}. */
  @Override
  public String customerOpens(String email, String name, String subject, String text) {
    return fake.customerStarts(name, email, text);
  }

  @Override
  public void customerWrites(String conversation, String text) {
    fake.customerSends(conversation, text);
  }

  /** Agents write in Daktela's own chat window; the external-bot protocol carries none of it. */
  @Override
  public void agentAnswers(String conversation, String text) {
    throw new UnsupportedOperationException("Daktela web chat: an agent's messages do not reach the bot");
  }

  @Override
  public void agentReleases(String conversation) {
    throw new UnsupportedOperationException("Daktela web chat: the fake cannot give a chat back to the bot");
  }

  @Override
  public boolean releases() {
    return false;
  }

  /** After a transfer Daktela sends the bot nothing. */
  @Override
  public boolean standby() {
    return false;
  }

  private DaktelaChatFake.Chat chat(String conversation) {
    return fake.chat(conversation).orElseThrow(() -> new IllegalArgumentException("no Daktela chat " + conversation));
  }

  private static Entry entry(DaktelaChatFake.Message m) {
    return new Entry(m.direction().equals("OUT") ? Author.BOT : Author.CUSTOMER, true, m.text() == null ? ""
        : m.text(), m.at());
  }

  @Override
  public List<Entry> entries(String conversation) {
    return chat(conversation).messages().stream().map(DaktelaChatDemoVendor::entry).toList();
  }

  @Override
  public String queue(String conversation) {
    Integer queue = chat(conversation).queue();
    return queue == null ? "" : DaktelaChatFake.QUEUES.getOrDefault(queue, queue.toString());
  }

  /** After a transfer: the chat's transcript, which holds the summary lines the bot posted before it. */
  @Override
  public Optional<AgentView> agentView(String conversation) {
    var chat = chat(conversation);
    if (chat.queue() == null) {
      return Optional.empty();
    }
    var transcript = chat.messages().stream().map(DaktelaChatDemoVendor::entry).toList();
    String summary = transcript.stream().filter(e -> e.author() == Author.BOT && e.body().startsWith(SUMMARY_HEADING))
        .map(Entry::body).reduce((a, b) -> b).orElse("");
    Instant at = transcript.isEmpty() ? Instant.EPOCH : transcript.get(transcript.size() - 1).at();
    return Optional.of(new AgentView(conversation, "transferred to chat queue " + chat.queue(), at, transcript, summary,
        queue(conversation), List.of()));
  }

  @Override
  public List<Attempt> deliveries() {
    return fake.deliveries().stream().map(DaktelaChatDemoVendor::attempt).toList();
  }

  private static Attempt attempt(DeliveryAttempt d) {
    return new Attempt(List.of(d.conversation()), 1, d.statusCode(), d.acknowledged(), d.sentAt(), d.elapsed());
  }

  @Override
  public boolean awaitIdle(Duration timeout) {
    return fake.awaitDeliveries(timeout);
  }

  @Override
  public int apiCalls() {
    return fake.journal().count();
  }

  @Override
  public int apiCalls(String conversation) {
    return fake.journal().count(conversation);
  }

  @Override
  public List<String> unmatchedRequests() {
    return fake.unmatchedRequests();
  }

  @Override
  public void duplicateAndReorder(int copies, Duration jitter) {
    fake.chaos(copies, jitter);
  }

  @Override
  public void redeliverWhileUnreachable(Duration window) {
    fake.redeliverWhileUnreachable(window);
  }

  /** The fake fails the bot's answers by count only ({@link #rateLimitBurst}). */
  @Override
  public void failRandomly(double share) {
    throw new UnsupportedOperationException("Daktela web chat's fake fails answers by count (failNextAnswers)");
  }

  @Override
  public void rateLimitBurst(int calls) {
    fake.failNextAnswers(calls, 429);
  }

  @Override
  public Duration rateLimitPause() {
    return Duration.ZERO; // 429 with Retry-After: 1
  }

  @Override
  public int rateLimitAnswers() {
    return fake.journal().injectedStatus(429);
  }

  @Override
  public void clearFaults() {
    fake.clearFaults();
  }

  @Override
  public void close() {
    fake.close();
  }
}
