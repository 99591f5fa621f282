package io.deskbridge.app;

import io.deskbridge.core.DeskbridgeConfig;
import io.deskbridge.core.config.Secret;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.engine.Mode;
import io.deskbridge.core.engine.RetryPolicy;
import io.deskbridge.core.engine.Routing;
import io.deskbridge.mock.base.Fault;
import io.deskbridge.mock.salesforce.OutboundMessages;
import io.deskbridge.mock.salesforce.SalesforceFake;
import io.deskbridge.mock.salesforce.SalesforceFakeConfig;
import io.deskbridge.salesforce.internal.mapping.SalesforceErrorMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Salesforce Service Cloud through {@link SalesforceFake}: Cases that customers open by e-mail (Email-to-Case), the
 * bot's replies as e-mails ({@code sendEmail}), its notes as unpublished CaseComments, handovers to queues; Outbound
 * Messages (SOAP) for Case, EmailMessage and CaseComment changes, retried every 200 ms as long as they are not
 * acknowledged (Salesforce itself retries for 24 hours).
 */
final class SalesforceDemoVendor implements DemoVendor {
  /** The queue new Cases land in, whose Cases are the bot's. */
  private static final String BOT_QUEUE = "Bot_Intake";
  /** The queues agents work from, named as the demo knowledge base's routing groups (and the Zendesk fake's groups). */
  private static final List<String> AGENT_QUEUES = List.of("General", "Billing", "Shipping", "Accounts", "Complaints");
  /** Routing group name to queue DeveloperName. */
  private static final Map<String, String> QUEUES = AGENT_QUEUES.stream()
      .collect(Collectors.toMap(q -> q, q -> q, (a, b) -> a, LinkedHashMap::new));
  private static final Pattern CASE_ID = Pattern.compile("<sf:(?:Id|ParentId)>(500[A-Za-z0-9]{15})</sf:");
  private static final Pattern NOTIFICATION = Pattern.compile("<Notification>");
  private final SalesforceFake fake;

  private SalesforceDemoVendor(SalesforceFake fake) {
    this.fake = fake;
  }

  static SalesforceDemoVendor start(Duration deliveryTimeout) {
    var queues = new ArrayList<String>(List.of(BOT_QUEUE));
    queues.addAll(AGENT_QUEUES);
    var outbound = io.deskbridge.mock.base.RetryPolicy.of(deliveryTimeout,
            io.deskbridge.mock.base.RetryPolicy.Backoff.fixed(Duration.ofMillis(200)),
            List.of(io.deskbridge.mock.base.RetryPolicy.Retry.anyFailure(Integer.MAX_VALUE)))
        .withMaxAge(Duration.ofHours(24)).withOrdered(false)
        .withAcknowledged(OutboundMessages.salesforcePolicy().acknowledged());
    // a daily allocation the connector's rate limiter (a share of it per minute) never holds a benchmark back with
    return new SalesforceDemoVendor(SalesforceFake.start(SalesforceFakeConfig.defaults()
        .withQueues(queues.toArray(String[]::new)).withDefaultCaseOwnerQueue(BOT_QUEUE).withDailyApiLimit(1_000_000_000)
        .outbound(outbound)));
  }

  /** The fake, for what only Salesforce has. */
  public io.deskbridge.mock.salesforce.SalesforceFake fake() {
    return fake;
  }

  @Override
  public Kind kind() {
    return Kind.salesforce;
  }

  @Override
  public String baseUrl() {
    return fake.baseUrl();
  }

  @Override
  public DeskbridgeConfig.InstallationConfig installation(String id, Mode mode, RetryPolicy retry,
      int requestsPerMinute) {
    var settings = Settings.of("installations[" + id + "].settings", Map.of(
        "instanceUrl", fake.instanceUrl(),
        "organizationId", fake.orgId(),
        "auth", Map.of("flow", "client-credentials", "clientId", fake.config().clientId(),
            "clientSecret", Secret.of(fake.config().clientSecret())),
        "botQueue", BOT_QUEUE,
        "reply", Map.of("via", "auto", "fromAddress", fake.config().orgWideAddress()),
        "notes", "comment"));
    return new DeskbridgeConfig.InstallationConfig(id, "salesforce", mode,
        new Routing(QUEUES.get("General"), QUEUES, "deskbridge_handover"), retry, requestsPerMinute, settings);
  }

  @Override
  public String installationYaml(String indent, Path secrets) throws IOException {
    Path secret = Files.writeString(secrets.resolve("salesforce-client-secret"), fake.config().clientSecret());
    String map = QUEUES.entrySet().stream().map(e -> BenchRig.yamlString(e.getKey()) + ": "
        + BenchRig.yamlString(e.getValue())).collect(Collectors.joining(", "));
    return indent + "vendor: salesforce\n"
        + indent + "routing: {defaultGroup: " + QUEUES.get("General") + ", groups: {" + map + "}}\n"
        + indent + "settings:\n"
        + indent + "  instanceUrl: " + BenchRig.yamlString(fake.instanceUrl()) + "\n"
        + indent + "  organizationId: " + fake.orgId() + "\n"
        + indent + "  auth:\n"
        + indent + "    flow: client-credentials\n"
        + indent + "    clientId: " + BenchRig.yamlString(fake.config().clientId()) + "\n"
        + indent + "    clientSecret: {file: " + BenchRig.yamlString(secret.toString()) + "}\n"
        + indent + "  botQueue: " + BOT_QUEUE + "\n"
        + indent + "  reply: {via: auto, fromAddress: " + BenchRig.yamlString(fake.config().orgWideAddress()) + "}\n"
        + indent + "  notes: comment\n";
  }

  @Override
  public void deliverTo(List<URI> endpoints) {
    fake.subscribe(endpoints.get(0));
    if (endpoints.size() > 1) {
      fake.routeDeliveriesTo(endpoints);
    }
  }

  @Override
  public String customerOpens(String email, String name, String subject, String text) {
    return fake.customerCreatesCase(email, name, subject, text, "Email");
  }

  @Override
  public void customerWrites(String conversation, String text) {
    fake.customerEmails(conversation, text);
  }

  @Override
  public void agentAnswers(String conversation, String text) {
    fake.agentEmails(conversation, text);
  }

  /** The agent closes the Case or ticket. */
  @Override
  public void agentSolves(String conversation) {
    fake.agentCloses(conversation);
  }

  @Override
  public List<Entry> entries(String conversation) {
    String bot = fake.integrationUserId();
    String agent = fake.agentUserId();
    var entries = new ArrayList<Entry>();
    var record = fake.caseRecord(conversation).orElseThrow();
    if (!"Email".equals(record.origin()) && record.description() != null) { // a web form's Case opens with it
      entries.add(new Entry(Author.CUSTOMER, true, record.description(), record.createdDate()));
    }
    for (var e : fake.emails(conversation)) {
      Author author = e.incoming() ? Author.CUSTOMER : bot.equals(e.createdById()) ? Author.BOT : Author.AGENT;
      entries.add(new Entry(author, true, e.textBody(), e.createdDate()));
    }
    for (var c : fake.comments(conversation)) {
      Author author = bot.equals(c.createdById()) ? Author.BOT : agent.equals(c.createdById()) ? Author.AGENT
          : Author.CUSTOMER;
      entries.add(new Entry(author, c.isPublished(), c.commentBody(), c.createdDate()));
    }
    for (var f : fake.feedItems(conversation)) {
      Author author = bot.equals(f.createdById()) ? Author.BOT : Author.AGENT;
      entries.add(new Entry(author, !"InternalUsers".equals(f.visibility()), f.body(), f.createdDate()));
    }
    entries.sort(Comparator.comparing(Entry::at)); // stable: same-instant entries keep their kind's order
    return entries;
  }

  @Override
  public String queue(String conversation) {
    String owner = fake.caseRecord(conversation).orElseThrow().ownerId();
    return fake.queues().entrySet().stream().filter(e -> e.getValue().equals(owner)).map(Map.Entry::getKey)
        .findFirst().orElse(owner.equals(fake.agentUserId()) ? "(agent)" : owner);
  }

  @Override
  public List<Attempt> deliveries() {
    return fake.deliveries().stream().map(d -> {
      var cases = new LinkedHashSet<String>();
      var m = CASE_ID.matcher(d.body());
      while (m.find()) {
        cases.add(m.group(1));
      }
      int events = (int) NOTIFICATION.matcher(d.body()).results().count();
      return new Attempt(List.copyOf(cases), events, d.statusCode(), d.acknowledged(), d.sentAt(), d.elapsed());
    }).toList();
  }

  @Override
  public boolean awaitIdle(Duration timeout) {
    return fake.awaitIdle(timeout);
  }

  @Override
  public int apiCalls() {
    return fake.apiCalls();
  }

  @Override
  public int apiCalls(String conversation) {
    return fake.apiCalls(conversation);
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
    // Salesforce itself retries an unacknowledged Outbound Message for 24 hours; this fake's schedule is compressed
    // to every 200 ms (see start), so a restarting connector gets every message anyway
  }

  @Override
  public void failRandomly(double share) {
    fake.failRandomly(share, "SERVER_UNAVAILABLE");
  }

  @Override
  public void rateLimitBurst(int calls) {
    fake.failNext(calls, "REQUEST_LIMIT_EXCEEDED");
  }

  @Override
  public Duration rateLimitPause() {
    return SalesforceErrorMapper.LIMIT_PAUSE;
  }

  @Override
  public int rateLimitAnswers() {
    return (int) fake.journal().calls().stream().filter(c -> c.fault() instanceof Fault.SoapFault f
        && f.faultcode().endsWith("REQUEST_LIMIT_EXCEEDED")).count();
  }

  @Override
  public void clearFaults() {
    fake.failRandomly(0, "SERVER_UNAVAILABLE");
    fake.clearFaults();
  }

  @Override
  public void close() {
    fake.close();
  }
}
