package io.deskbridge.core.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.deskbridge.core.action.Action;
import io.deskbridge.core.contract.VendorFixture.FakeMessage;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.spi.Connector;
import io.deskbridge.core.spi.HelpdeskClient.ApplyRequest;
import io.deskbridge.core.spi.HelpdeskClient.LoadRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * The client half of the SPI against the vendor's fake: who-am-i, loading, applying each action, and the
 * error mapper's split into retriable and not, gated on the connector's capabilities. A vendor module extends
 * this with its fixture.
 */
public abstract class AbstractHelpdeskClientContractIT extends AbstractKitIT {
  protected VendorFixture fixture;
  protected Connector connector;

  @BeforeEach
  void start() {
    fixture = fixture();
    connector = fixture.connector("contract", Clock.systemUTC());
  }

  @AfterEach
  void stop() throws Exception {
    connector.close();
    fixture.close();
  }

  private ConversationKey key(String id) {
    return new ConversationKey(connector.vendor(), "contract", id);
  }

  private Conversation load(String id) {
    return connector.client().load(new LoadRequest(key(id), Optional.empty()));
  }

  private VendorException failure(Runnable call) {
    Throwable thrown = catchThrowable(call::run);
    assertThat(thrown).as("the call should fail").isNotNull();
    return connector.errorMapper().map(thrown);
  }

  @Test
  void whoAmINamesTheBotUser() {
    var me = connector.client().whoAmI();
    assertThat(me.userId()).isEqualTo(fixture.botUserId());
  }

  @Test
  void loadsTheCustomersMessage() {
    connector.client().whoAmI();
    String id = fixture.customerOpens("Login", "I forgot my password");
    fixture.awaitDeliveries(Duration.ofSeconds(10));

    var conversation = load(id);

    assertThat(conversation.key()).isEqualTo(key(id));
    assertThat(conversation.messages()).singleElement().satisfies(m -> {
      assertThat(m.role()).isEqualTo(AuthorRole.CUSTOMER);
      assertThat(m.visibility()).isEqualTo(Visibility.PUBLIC);
      assertThat(m.text()).isEqualTo("I forgot my password");
    });
  }

  @Test
  void aPublicReplyIsOneCallAndShowsAsTheBotsPublicMessage() {
    connector.client().whoAmI();
    String id = fixture.customerOpens("Login", "I forgot my password");
    var conversation = load(id);
    int before = fixture.apiCalls(id);

    connector.client().apply(new ApplyRequest(conversation, List.of(new Action.PublicReply("Use the link."))));

    assertThat(fixture.apiCalls(id) - before).isEqualTo(1);
    assertThat(fixture.messages(id)).last().isEqualTo(new FakeMessage(FakeMessage.BOT, true, "Use the link."));
    assertThat(load(id).messages()).last().satisfies(m -> assertThat(m.role()).isEqualTo(AuthorRole.BOT));
  }

  @Test
  @EnabledIf("supportsAtomicUpdate")
  void aNoteWithGroupAndTagsIsOneCallAndKeepsExistingTags() {
    connector.client().whoAmI();
    Set<String> given = supportsTags() ? Set.of("vip", "web_shop") : Set.of();
    String id = fixture.customerOpens("Refund", "I want my money back", given);
    var conversation = load(id);
    var existing = fixture.tagsOf(id);
    assertThat(existing).containsAll(given);
    String group = fixture.routing().groupFor("Billing");
    String tag = fixture.routing().handoverTag();
    int before = fixture.apiCalls(id);

    var actions = new java.util.ArrayList<Action>(List.of(new Action.InternalNote("Summary for the agent"),
        new Action.AssignGroup(group)));
    if (supportsTags()) {
      actions.add(new Action.AddTags(Set.of(tag)));
    }
    connector.client().apply(new ApplyRequest(conversation, actions));

    assertThat(fixture.apiCalls(id) - before).isEqualTo(1);
    assertThat(fixture.messages(id)).last().isEqualTo(new FakeMessage(FakeMessage.BOT, false, "Summary for the agent"));
    assertThat(fixture.groupOf(id)).isEqualTo(group);
    if (supportsTags()) {
      assertThat(fixture.tagsOf(id)).containsAll(existing).contains(tag);
    }
  }

  @Test
  @DisabledIf("supportsAtomicUpdate")
  void withoutAtomicUpdateANoteAndAnAssignmentLandEachOnTheirOwn() {
    connector.client().whoAmI();
    String id = fixture.customerOpens("Refund", "I want my money back");
    var conversation = load(id);
    String group = fixture.routing().groupFor("Billing");

    var noted = connector.client().apply(new ApplyRequest(conversation,
        List.of(new Action.InternalNote("Summary for the agent"))));
    assertThat(fixture.messages(id)).last().isEqualTo(new FakeMessage(FakeMessage.BOT, false, "Summary for the agent"));
    assertThat(fixture.groupOf(id)).isNotEqualTo(group);

    connector.client().apply(new ApplyRequest(conversation.withVersion(noted.version()),
        List.of(new Action.AssignGroup(group))));
    assertThat(fixture.groupOf(id)).isEqualTo(group);
    assertThat(fixture.messages(id)).filteredOn(m -> m.author().equals(FakeMessage.BOT)).hasSize(1);
  }

  @Test
  @EnabledIf("supportsTags")
  void addingTagsKeepsTheExistingOnes() {
    connector.client().whoAmI();
    String id = fixture.customerOpens("Refund", "I want my money back", Set.of("vip"));
    var conversation = load(id);

    connector.client().apply(new ApplyRequest(conversation, List.of(new Action.AddTags(Set.of("extra")))));

    assertThat(fixture.tagsOf(id)).contains("vip", "extra");
  }

  @Test
  @EnabledIf("supportsConditionalWrites")
  void aWriteBasedOnAnOldVersionIsAConflictWhenTheConversationChanged() {
    connector.client().whoAmI();
    String id = fixture.customerOpens("Login", "I forgot my password");
    var conversation = load(id);
    assertThat(conversation.version()).as("this vendor supports versions").isNotEmpty();
    fixture.passTime(Duration.ofSeconds(2));
    fixture.agentWrites(id, "Alice here, I will help you.");

    var e = failure(() -> connector.client().apply(new ApplyRequest(conversation,
        List.of(new Action.PublicReply("Use the link.")))));

    assertThat(e.kind()).isEqualTo(VendorException.Kind.CONFLICT);
    assertThat(fixture.messages(id)).noneMatch(m -> m.author().equals(FakeMessage.BOT));
  }

  @Test
  @EnabledIf("supportsConditionalWrites")
  void aWriteReturnsTheNewVersionSoTheNextWriteIsNotAConflict() {
    connector.client().whoAmI();
    String id = fixture.customerOpens("Login", "I forgot my password");
    var conversation = load(id);

    fixture.passTime(Duration.ofSeconds(2));
    var first = connector.client().apply(new ApplyRequest(conversation, List.of(new Action.InternalNote("note"))));
    fixture.passTime(Duration.ofSeconds(2));
    connector.client().apply(new ApplyRequest(conversation.withVersion(first.version()),
        List.of(new Action.PublicReply("Use the link."))));

    assertThat(fixture.messages(id)).filteredOn(m -> m.author().equals(FakeMessage.BOT)).hasSize(2);
  }

  @Test
  void aFreshLoadShowsWhatAnAgentWroteSoARereadBeforeAWriteCanSeeIt() {
    connector.client().whoAmI();
    String id = fixture.customerOpens("Login", "I forgot my password");
    var before = load(id);
    fixture.passTime(Duration.ofSeconds(2));
    fixture.agentWrites(id, "Alice here, I will help you.");

    var fresh = load(id);

    assertThat(fresh.messages()).hasSize(before.messages().size() + 1).last().satisfies(m -> {
      assertThat(m.role()).isEqualTo(AuthorRole.AGENT);
      assertThat(m.visibility()).isEqualTo(Visibility.PUBLIC);
      assertThat(m.text()).isEqualTo("Alice here, I will help you.");
    });
  }

  @Test
  void anUnknownConversationIsNotFoundAndNotRetriable() {
    var e = failure(() -> load(fixture.unknownConversationId()));
    assertThat(e.kind()).isEqualTo(VendorException.Kind.NOT_FOUND);
    assertThat(e.retriable()).isFalse();
  }

  /**
   * A rate limit is retriable, and the vendor's wait (an HTTP Retry-After) is kept; where the vendor names none (a
   * SOAP fault) the connector may choose its own.
   */
  @Test
  void rateLimitIsRetriableWithTheVendorsRetryAfter() {
    var fault = fixture.rateLimit(Duration.ofSeconds(7));
    fixture.failNextCalls(1, fault);
    var e = failure(() -> connector.client().whoAmI());
    assertThat(e.kind()).isEqualTo(VendorException.Kind.RATE_LIMITED);
    assertThat(e.retriable()).isTrue();
    if (fault.retryAfter().isPresent()) {
      assertThat(e.retryAfter()).as("the vendor's wait").isEqualTo(fault.retryAfter());
    }
  }

  @Test
  void unavailableIsRetriable() {
    fixture.failNextCalls(1, fixture.outage());
    var e = failure(() -> connector.client().whoAmI());
    assertThat(e.retriable()).isTrue();
    assertThat(e.kind()).as("an outage is retriable, whether or not the vendor says it did nothing")
        .isIn(VendorException.Kind.UNAVAILABLE, VendorException.Kind.NOT_PROCESSED);
  }

  @Test
  void wrongCredentialsAreAnAuthenticationFailure() throws Exception {
    try (var wrong = fixture.connectorWithWrongCredentials("contract", Clock.systemUTC())) {
      Throwable thrown = catchThrowable(() -> wrong.client().whoAmI());
      assertThat(wrong.errorMapper().map(thrown).kind()).isEqualTo(VendorException.Kind.AUTH);
    }
  }
}
