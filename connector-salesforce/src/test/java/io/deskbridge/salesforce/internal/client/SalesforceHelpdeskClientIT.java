package io.deskbridge.salesforce.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.deskbridge.core.action.Action;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Channel;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Owner;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.HelpdeskClient.ApplyRequest;
import io.deskbridge.core.spi.HelpdeskClient.LoadRequest;
import io.deskbridge.mock.salesforce.SalesforceFake;
import io.deskbridge.mock.salesforce.SalesforceFakeConfig;
import io.deskbridge.salesforce.SalesforceConfig;
import io.deskbridge.salesforce.internal.auth.SalesforceJwtAssertionTest;
import io.deskbridge.salesforce.internal.auth.SalesforceAuth;
import io.deskbridge.salesforce.internal.auth.SalesforceLogin;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client against the Salesforce fake: force-wsc on the wire, each call counted in the fake's journal. */
class SalesforceHelpdeskClientIT {
  private static final String PATH = "installations[acme].settings";
  private SalesforceFake fake = SalesforceFake.start();
  private SalesforceHelpdeskClient client;

  @TempDir
  Path dir;

  @AfterEach
  void stop() {
    fake.close();
  }

  private Map<String, Object> settings(Map<String, Object> auth) {
    var m = new HashMap<String, Object>();
    m.put("instanceUrl", fake.baseUrl());
    m.put("organizationId", fake.orgId());
    m.put("botQueue", "Bot_Intake");
    m.put("auth", auth);
    return m;
  }

  private Map<String, Object> clientCredentials() {
    return Map.of("flow", "client-credentials", "clientId", fake.config().clientId(), "clientSecret",
        Map.of("env", "SF_SECRET"));
  }

  private SalesforceHelpdeskClient client(Map<String, Object> settings) {
    var env = Map.of("SF_SECRET", fake.config().clientSecret(), "SF_PASSWORD", fake.config().password(),
        "SF_TOKEN", fake.config().securityToken());
    var config = SalesforceConfig.from(new Settings(PATH, settings, env::get));
    return new SalesforceHelpdeskClient("acme", config, PATH, Clock.systemUTC(), true); // gzip, as in production
  }

  private SalesforceHelpdeskClient started() {
    client = client(settings(clientCredentials()));
    client.whoAmI();
    return client;
  }

  private static ConversationKey key(String caseId) {
    return new ConversationKey("salesforce", "acme", caseId);
  }

  private Conversation load(String caseId) {
    return client.load(new LoadRequest(key(caseId), Optional.empty()));
  }

  private int calls() {
    return fake.apiCalls();
  }

  // ---------------------------------------------------------------- start-up

  @Test
  void whoAmIIsTheIntegrationUserAndReadsTheDailyAllocation() {
    client = client(settings(clientCredentials()));

    var me = client.whoAmI();

    assertThat(me.userId()).isEqualTo(fake.integrationUserId());
    assertThat(client.limits().dailyAllocation()).isEqualTo(15_000);
    assertThat(client.limits().requestsPerMinute()).isEqualTo(5); // 15,000 x 0.5 / 1,440
    assertThat(client.ownership().botOwnerIds()).containsExactlyInAnyOrder(fake.integrationUserId(),
        fake.queues().get("Bot_Intake"));
  }

  @Test
  void jwtBearerAuthenticatesWithTheSignedAssertion() throws Exception {
    fake.close();
    fake = SalesforceFake.start(SalesforceFakeConfig.defaults().withJwtPublicKey(SalesforceJwtAssertionTest.KEYS.getPublic()));
    Path key = Files.writeString(dir.resolve("sf.key"), SalesforceJwtAssertionTest.pem(SalesforceJwtAssertionTest.KEYS.getPrivate()));
    client = client(settings(Map.of("flow", "jwt-bearer", "clientId", fake.config().clientId(), "username",
        fake.config().integrationUsername(), "privateKeyFile", key.toString())));

    assertThat(client.whoAmI().userId()).isEqualTo(fake.integrationUserId());
  }

  @Test
  void passwordLoginWorksAt64() {
    client = client(settings(Map.of("flow", "password", "username", fake.config().integrationUsername(),
        "password", Map.of("env", "SF_PASSWORD"), "securityToken", Map.of("env", "SF_TOKEN"))));

    assertThat(client.whoAmI().userId()).isEqualTo(fake.integrationUserId());
  }

  @Test
  void loginAt65IsRefusedWithAClearMessage() {
    var login = new SalesforceLogin(new SalesforceAuth.Password(URI.create(fake.baseUrl()),
        fake.config().integrationUsername(), io.deskbridge.core.config.Secret.of(fake.config().password()),
        io.deskbridge.core.config.Secret.of(fake.config().securityToken())), URI.create(fake.baseUrl()), "65.0",
        fake.orgId(), PATH, Duration.ofSeconds(5), Duration.ofSeconds(5), Clock.systemUTC());

    var e = catchThrowableOfType(VendorException.class, login::authenticate);

    assertThat(e.kind()).isEqualTo(VendorException.Kind.AUTH);
    assertThat(e.getMessage()).startsWith("Salesforce refused login() at API 65.0 (INVALID_OPERATION")
        .contains(PATH + ".auth.flow client-credentials or jwt-bearer").doesNotContain("\n");
  }

  @Test
  void aWrongClientSecretIsAnAuthFailureNamingTheSettings() {
    var env = Map.of("SF_SECRET", "not-the-secret");
    var config = SalesforceConfig.from(new Settings(PATH, settings(clientCredentials()), env::get));
    client = new SalesforceHelpdeskClient("acme", config, PATH, Clock.systemUTC(), true);

    var e = catchThrowableOfType(VendorException.class, client::whoAmI);

    assertThat(e.kind()).isEqualTo(VendorException.Kind.AUTH);
    assertThat(e.getMessage()).contains("invalid_client").contains(PATH + ".auth.clientSecret")
        .doesNotContain("not-the-secret");
  }

  @Test
  void checkRoutesResolvesQueuesByNameAndId() {
    started();
    String tier2 = fake.queues().get("Tier2");

    client.checkRoutes(Set.of("Tier1", tier2));

    String id = fake.customerCreatesCase("jane@customer.example", "Jane", "Refund", "I want my money back.", "Web");
    client.apply(new ApplyRequest(load(id), List.of(new Action.AssignGroup("Tier1"))));
    assertThat(fake.caseRecord(id).orElseThrow().ownerId()).isEqualTo(fake.queues().get("Tier1"));
    assertThat(load(id).groupId()).as("the name the installation routes by").isEqualTo("Tier1");
  }

  @Test
  void checkRoutesRefusesAQueueThatDoesNotExist() {
    started();

    var e = catchThrowableOfType(VendorException.class, () -> client.checkRoutes(Set.of("Tier1", "Tier9")));

    assertThat(e.kind()).isEqualTo(VendorException.Kind.NOT_FOUND);
    assertThat(e.getMessage()).startsWith("Salesforce has no queue 'Tier9'").doesNotContain("\n");
  }

  @Test
  void checkRoutesRefusesAQueueThatTakesNoCases() {
    fake.close();
    fake = SalesforceFake.start(SalesforceFakeConfig.defaults().withQueueNotForCases("Billing"));
    started();

    var e = catchThrowableOfType(VendorException.class, () -> client.checkRoutes(Set.of("Tier1", "Billing")));

    assertThat(e.kind()).isEqualTo(VendorException.Kind.INVALID);
    assertThat(e.getMessage()).isEqualTo("Salesforce queue 'Billing' does not take Cases: add Case to its Supported "
        + "Objects (Setup > Queues > Billing)");
  }

  // ---------------------------------------------------------------- load

  @Test
  void aLoadIsOneCall() {
    started();
    String id = fake.customerCreatesCase("jane@customer.example", "Jane Doe", "Printer on fire", "It smokes.", "Web");
    fake.agentComments(id, "Looking into it.", false);
    int before = calls();

    var conversation = load(id);

    assertThat(calls() - before).isEqualTo(1);
    assertThat(conversation.channel()).isEqualTo(Channel.WEB_FORM);
    assertThat(conversation.owner()).as("in the bot queue").isEqualTo(Owner.BOT);
    assertThat(conversation.messages()).extracting(m -> m.role() + " " + m.visibility() + " " + m.text())
        .containsExactly("CUSTOMER PUBLIC It smokes.", "AGENT INTERNAL Looking into it.");
  }

  @Test
  void anEmailCaseOpensWithTheCustomersEmailAndAnAgentTakingItIsAHumanOwner() {
    started();
    String id = fake.customerCreatesCase("jane@customer.example", "Jane Doe", "Printer on fire", "It smokes.", "Email");
    fake.agentTakes(id);

    var conversation = load(id);

    assertThat(conversation.channel()).isEqualTo(Channel.EMAIL);
    assertThat(conversation.messages()).hasSize(1);
    assertThat(conversation.messages().get(0).id()).startsWith("02s");
    assertThat(conversation.messages().get(0).role()).isEqualTo(AuthorRole.CUSTOMER);
    assertThat(conversation.owner()).isEqualTo(Owner.human("owner " + fake.agentUserId()));
    assertThat(conversation.assigneeId()).isEqualTo(fake.agentUserId());
  }

  // ---------------------------------------------------------------- writes

  @Test
  void aReplyToAnEmailCaseIsOneThreadedSendEmailLoggedOnTheCase() {
    started();
    String id = fake.customerCreatesCase("jane@customer.example", "Jane Doe", "Printer on fire", "It smokes.", "Email");
    var conversation = load(id);
    int before = calls();

    client.apply(new ApplyRequest(conversation, List.of(new Action.PublicReply("Unplug it, please."))));

    assertThat(calls() - before).isEqualTo(1);
    assertThat(fake.sentEmails()).hasSize(1);
    var sent = fake.sentEmails().get(0);
    assertThat(sent.subject()).isEqualTo("Re: Printer on fire");
    assertThat(sent.toAddresses()).containsExactly("jane@customer.example");
    assertThat(sent.inReplyTo()).isEqualTo(fake.emails(id).get(0).messageIdentifier());
    var reloaded = load(id);
    assertThat(reloaded.messages()).last().satisfies(m -> {
      assertThat(m.role()).isEqualTo(AuthorRole.BOT);
      assertThat(m.visibility()).isEqualTo(Visibility.PUBLIC);
      assertThat(m.text()).isEqualTo("Unplug it, please.");
    });
  }

  @Test
  void aReplyToAWebCaseIsOnePublishedComment() {
    started();
    String id = fake.customerCreatesCase("jane@customer.example", "Jane Doe", "Printer on fire", "It smokes.", "Web");
    var conversation = load(id);
    int before = calls();

    var applied = client.apply(new ApplyRequest(conversation, List.of(new Action.PublicReply("Unplug it, please."))));

    assertThat(calls() - before).isEqualTo(1);
    assertThat(fake.sentEmails()).isEmpty();
    assertThat(fake.comments(id)).singleElement().satisfies(c -> {
      assertThat(c.isPublished()).isTrue();
      assertThat(c.createdById()).isEqualTo(fake.integrationUserId());
    });
    assertThat(applied.messageIds()).containsExactly(fake.comments(id).get(0).id());
  }

  @Test
  void aNoteIsOneUnpublishedCommentAndALongOneSeveralInOneCall() {
    started();
    String id = fake.customerCreatesCase("jane@customer.example", "Jane Doe", "Printer on fire", "It smokes.", "Web");
    var conversation = load(id);
    String summary = "Zákazník píše, že tiskárna hoří a čeká na odpověď. ".repeat(80).strip();
    int before = calls();

    client.apply(new ApplyRequest(conversation, List.of(new Action.InternalNote("Short summary."))));
    client.apply(new ApplyRequest(conversation, List.of(new Action.InternalNote(summary))));

    assertThat(calls() - before).isEqualTo(2);
    assertThat(fake.comments(id)).hasSizeGreaterThan(2).allSatisfy(c -> assertThat(c.isPublished()).isFalse());
    var notes = load(id).messages().stream().filter(m -> m.visibility() == Visibility.INTERNAL).toList();
    assertThat(notes).extracting(m -> m.role()).containsOnly(AuthorRole.BOT);
    assertThat(notes).hasSize(2);
    assertThat(notes.get(1).sameText(new io.deskbridge.core.conversation.Message("x", AuthorRole.BOT,
        Visibility.INTERNAL, "", summary, java.time.Instant.EPOCH))).isTrue();
  }

  @Test
  void aHandoverAssignmentIsOneOwnerUpdateWithTheConfiguredStatus() {
    var s = settings(clientCredentials());
    s.put("handoverStatus", "Escalated");
    client = client(s);
    client.whoAmI();
    client.checkRoutes(Set.of("Tier2"));
    String id = fake.customerCreatesCase("jane@customer.example", "Jane Doe", "Printer on fire", "It smokes.", "Web");
    var conversation = load(id);
    int before = calls();

    client.apply(new ApplyRequest(conversation, List.of(new Action.AssignGroup("Tier2"))));

    assertThat(calls() - before).isEqualTo(1);
    var record = fake.caseRecord(id).orElseThrow();
    assertThat(record.ownerId()).isEqualTo(fake.queues().get("Tier2"));
    assertThat(record.status()).isEqualTo("Escalated");
    assertThat(load(id).owner().isHuman()).isTrue();
  }

  @Test
  void aFeedNoteIsOneFeedItemForInternalUsers() {
    var s = settings(clientCredentials());
    s.put("notes", "feed");
    client = client(s);
    client.whoAmI();
    String id = fake.customerCreatesCase("jane@customer.example", "Jane Doe", "Printer on fire", "It smokes.", "Web");
    var conversation = load(id);

    client.apply(new ApplyRequest(conversation, List.of(new Action.InternalNote("Summary for the agent."))));

    assertThat(fake.feedItems(id)).singleElement().satisfies(f -> assertThat(f.visibility()).isEqualTo("InternalUsers"));
    assertThat(load(id).messages()).anySatisfy(m -> {
      assertThat(m.role()).isEqualTo(AuthorRole.BOT);
      assertThat(m.text()).isEqualTo("Summary for the agent.");
    });
  }

  // ---------------------------------------------------------------- faults

  @Test
  void anExpiredSessionIsRenewedOnceAndLaterCallsCarryTheNewOne() {
    started();
    String id = fake.customerCreatesCase("jane@customer.example", "Jane Doe", "Printer on fire", "It smokes.", "Web");
    load(id);
    fake.expireSessions();
    int faultsBefore = invalidSessionFaults();

    for (int i = 0; i < 4; i++) {
      load(id);
    }

    assertThat(client.sessionRenewals()).isEqualTo(1);
    assertThat(invalidSessionFaults() - faultsBefore)
        .as("one fault, then the new session on every call (without setSessionHeader each call would fault)")
        .isEqualTo(1);
  }

  private int invalidSessionFaults() {
    return (int) fake.journal().calls().stream().filter(c -> c.status() == 500).count();
  }

  @Test
  void theDailyLimitIsRateLimitedForMinutes() {
    started();
    fake.failNext(1, "REQUEST_LIMIT_EXCEEDED");

    var e = catchThrowableOfType(VendorException.class, () -> load(
        fake.customerCreatesCase("jane@customer.example", "Jane", "S", "D", "Web")));

    assertThat(e.kind()).isEqualTo(VendorException.Kind.RATE_LIMITED);
    assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ofMinutes(1)));
  }

  @Test
  void aLockedRowOnAWriteIsNotProcessed() {
    started();
    String id = fake.customerCreatesCase("jane@customer.example", "Jane", "S", "D", "Web");
    var conversation = load(id);
    fake.failRecordsNext(1, "UNABLE_TO_LOCK_ROW");

    var e = catchThrowableOfType(VendorException.class, () -> client.apply(
        new ApplyRequest(conversation, List.of(new Action.InternalNote("note")))));

    assertThat(e.kind()).isEqualTo(VendorException.Kind.NOT_PROCESSED);
    assertThat(fake.comments(id)).isEmpty();
  }
}
