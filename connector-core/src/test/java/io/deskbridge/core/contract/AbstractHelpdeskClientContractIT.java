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

/**
 * The client half of the SPI against the vendor's fake: who-am-i, loading, applying each action, and the
 * error mapper's split into retriable and not. A vendor module extends this with its fixture.
 */
public abstract class AbstractHelpdeskClientContractIT {
  protected VendorFixture fixture;
  protected Connector connector;

  protected abstract VendorFixture fixture();

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
  void aNoteWithGroupAndTagsIsOneCallAndKeepsExistingTags() {
    connector.client().whoAmI();
    String id = fixture.customerOpens("Refund", "I want my money back", Set.of("vip", "web_shop"));
    var conversation = load(id);
    var existing = fixture.tagsOf(id);
    assertThat(existing).contains("vip", "web_shop");
    String group = fixture.routing().groupFor("Billing");
    int before = fixture.apiCalls(id);

    connector.client().apply(new ApplyRequest(conversation, List.of(new Action.InternalNote("Summary for the agent"),
        new Action.AssignGroup(group), new Action.AddTags(Set.of("deskbridge_handover")))));

    assertThat(fixture.apiCalls(id) - before).isEqualTo(1);
    assertThat(fixture.messages(id)).last().isEqualTo(new FakeMessage(FakeMessage.BOT, false, "Summary for the agent"));
    assertThat(fixture.groupOf(id)).isEqualTo(group);
    assertThat(fixture.tagsOf(id)).containsAll(existing).contains("deskbridge_handover");
  }

  @Test
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
  void anUnknownConversationIsNotFoundAndNotRetriable() {
    var e = failure(() -> load("999999999"));
    assertThat(e.kind()).isEqualTo(VendorException.Kind.NOT_FOUND);
    assertThat(e.retriable()).isFalse();
  }

  @Test
  void rateLimitIsRetriableWithTheVendorsRetryAfter() {
    fixture.failNextCalls(1, 429, 7);
    var e = failure(() -> connector.client().whoAmI());
    assertThat(e.kind()).isEqualTo(VendorException.Kind.RATE_LIMITED);
    assertThat(e.retriable()).isTrue();
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
  }

  @Test
  void unavailableIsRetriable() {
    fixture.failNextCalls(1, 503, 0);
    var e = failure(() -> connector.client().whoAmI());
    assertThat(e.retriable()).isTrue();
    assertThat(e.kind()).as("a 503 is refused before processing").isEqualTo(VendorException.Kind.NOT_PROCESSED);
  }

  @Test
  void wrongCredentialsAreAnAuthenticationFailure() throws Exception {
    try (var wrong = fixture.connectorWithWrongCredentials("contract", Clock.systemUTC())) {
      Throwable thrown = catchThrowable(() -> wrong.client().whoAmI());
      assertThat(wrong.errorMapper().map(thrown).kind()).isEqualTo(VendorException.Kind.AUTH);
    }
  }
}
