package io.deskbridge.daktela.internal.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.deskbridge.core.action.Action;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.conversation.Message;
import io.deskbridge.core.conversation.Visibility;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.error.VendorException.Kind;
import io.deskbridge.core.spi.HelpdeskClient.ApplyRequest;
import io.deskbridge.core.spi.HelpdeskClient.LoadRequest;
import io.deskbridge.daktela.DaktelaConfig;
import io.deskbridge.daktela.internal.mapping.DaktelaErrorMapper;
import io.deskbridge.mock.daktela.DaktelaFake;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The client against the stateful Daktela fake from mock-servers: what it writes is what the fake's agents see, and
 * the calls are counted in the fake's journal. The wire details (raw query, envelope variants, error shapes) are
 * {@link DaktelaHelpdeskClientIT}'s.
 */
class DaktelaHelpdeskClientFakeIT {
  private static final String PATH = "installations[acme].settings";
  private final DaktelaFake fake = DaktelaFake.start();
  private final DaktelaErrorMapper errors = new DaktelaErrorMapper();

  @AfterEach
  void stop() {
    try {
      assertThat(fake.unmatchedRequests()).as("requests the fake did not serve").isEmpty();
    } finally {
      fake.close();
    }
  }

  private DaktelaHelpdeskClient client(String authIn) {
    var values = new HashMap<String, Object>();
    values.put("url", fake.baseUrl());
    values.put("accessToken", Map.of("env", "DK_TOKEN"));
    values.put("authIn", authIn);
    values.put("events", "polling");
    var config = DaktelaConfig.from(new Settings(PATH, values, Map.of("DK_TOKEN", fake.config().accessToken())::get));
    var client = new DaktelaHelpdeskClient("acme", config, PATH, Clock.systemUTC());
    client.whoAmI();
    return client;
  }

  private static ConversationKey key(String ticket) {
    return new ConversationKey("daktela", "acme", ticket);
  }

  private static Conversation load(DaktelaHelpdeskClient client, String ticket) {
    return client.load(new LoadRequest(key(ticket), Optional.empty()));
  }

  @Test
  void whoAmIIsTheApiUserInBothAuthForms() {
    assertThat(client("header").botLogin().get()).isEqualTo("deskbridge");
    assertThat(client("query").whoAmI().name()).isEqualTo("Deskbridge bot");
  }

  @Test
  void theSeededCategoriesAndUsersAreFoundAndOthersNamed() {
    var client = client("header");

    client.checkRoutes(Set.of("categories_support", "categories_billing/alice", "categories_tech/bob"));
    var category = catchThrowableOfType(() -> client.checkRoutes(Set.of("categories_nope")), VendorException.class);
    var user = catchThrowableOfType(() -> client.checkRoutes(Set.of("categories_billing/zoe")), VendorException.class);

    assertThat(category.kind()).isEqualTo(Kind.NOT_FOUND);
    assertThat(category.getMessage()).contains("'categories_nope'");
    assertThat(user.kind()).isEqualTo(Kind.NOT_FOUND);
    assertThat(user.getMessage()).contains("'zoe'");
  }

  @Test
  void aCustomersTicketLoadsInOneCall() {
    var client = client("header");
    String ticket = fake.customerCreatesTicket("jana@example.com", "Jana Nová", "Invoice missing",
        "Where is my invoice?");
    int before = fake.apiCalls();

    Conversation c = load(client, ticket);

    assertThat(fake.apiCalls() - before).isEqualTo(1);
    assertThat(c.subject()).isEqualTo("Invoice missing");
    assertThat(c.customer().email()).isEqualTo("jana@example.com");
    assertThat(c.groupId()).isEqualTo("categories_support");
    assertThat(c.owner().isHuman()).isFalse();
    assertThat(c.messages()).singleElement().satisfies(m -> {
      assertThat(m.role()).isEqualTo(AuthorRole.CUSTOMER);
      assertThat(m.visibility()).isEqualTo(Visibility.PUBLIC);
      assertThat(m.text()).isEqualTo("Where is my invoice?");
    });
  }

  @Test
  void aReplyIsAnEmailTheFakeSendsAndLoadsBackAsTheBots() {
    var client = client("header");
    String ticket = fake.customerCreatesTicket("jana@example.com", "Jana", "Invoice missing", "Where is it?");
    Conversation c = load(client, ticket);

    var applied = client.apply(new ApplyRequest(c, List.of(new Action.PublicReply("It is attached now."))));

    var email = fake.activities(ticket).get(fake.activities(ticket).size() - 1);
    assertThat(email.type()).isEqualTo("EMAIL");
    assertThat(email.direction()).isEqualTo("out");
    assertThat(email.user()).isEqualTo("deskbridge");
    assertThat(email.text()).isEqualTo("It is attached now.");
    assertThat(applied.messageIds()).containsExactly(email.name());
    assertThat(load(client, ticket).message(email.name())).get()
        .extracting(Message::role, Message::visibility).containsExactly(AuthorRole.BOT, Visibility.PUBLIC);
  }

  @Test
  void aDraftIsACommentAgentsRecogniseAndTheBotsOwn() {
    var client = client("query");
    String ticket = fake.customerCreatesTicket("jana@example.com", "Jana", "Invoice missing", "Where is it?");

    var applied = client.apply(new ApplyRequest(load(client, ticket), List.of(new Action.InternalNote(
        "Deskbridge draft: proposed reply (confidence 70 %). Review it and send it if it fits.\n\nIt is attached."))));

    var comment = fake.activities(ticket).stream().filter(a -> a.name().equals(applied.messageIds().get(0)))
        .findFirst().orElseThrow();
    assertThat(comment.type()).isEqualTo("COMMENT");
    assertThat(comment.title()).isEqualTo("Recommended reply (Deskbridge)");
    assertThat(comment.text()).startsWith("Recommended reply (Deskbridge)\n");
    assertThat(load(client, ticket).message(comment.name())).get()
        .extracting(Message::role, Message::visibility).containsExactly(AuthorRole.BOT, Visibility.INTERNAL);
  }

  @Test
  void aHandoverIsOneCallThatMovesTheTicketAndLeavesTheSummary() {
    var client = client("header");
    String ticket = fake.customerCreatesTicket("jana@example.com", "Jana", "Refund", "I want my money back");
    Conversation c = load(client, ticket);
    int before = fake.apiCalls();

    client.apply(new ApplyRequest(c, List.of(new Action.InternalNote("Summary: refund request"),
        new Action.AssignGroup("categories_billing/alice"))));

    assertThat(fake.apiCalls() - before).isEqualTo(1);
    var view = fake.ticket(ticket).orElseThrow();
    assertThat(view.category()).isEqualTo("categories_billing");
    assertThat(view.user()).isEqualTo("alice");
    assertThat(view.stage()).isEqualTo("OPEN");
    assertThat(fake.activities(ticket)).anySatisfy(a -> {
      assertThat(a.type()).isEqualTo("COMMENT");
      assertThat(a.user()).isEqualTo("deskbridge");
      assertThat(a.text()).contains("Summary: refund request");
    });
    var after = load(client, ticket);
    assertThat(after.owner().isHuman()).isTrue();
    assertThat(after.owner().evidence()).isEqualTo("user alice");
  }

  @Test
  void anAgentsCommentIsAnAgentsInternalMessage() {
    var client = client("header");
    String ticket = fake.customerCreatesTicket("jana@example.com", "Jana", "Hi", "Hello");
    fake.agentComments(ticket, "bob", "I will take this one");

    assertThat(load(client, ticket).messages()).last()
        .extracting(Message::role, Message::visibility, Message::authorId)
        .containsExactly(AuthorRole.AGENT, Visibility.INTERNAL, "bob");
  }

  @Test
  void changesReadWhatHappenedSinceAWatermark() {
    var client = client("header");
    String from = client.changes().serverTime();
    String ticket = fake.customerCreatesTicket("jana@example.com", "Jana", "Hi", "Hello");
    fake.agentComments(ticket, "bob", "On it");

    assertThat(client.changes().ticketsEditedSince(from)).extracting(t -> t.get("name").asText()).contains(ticket);
    assertThat(client.changes().activitiesSince(from)).hasSize(2);
    assertThat(from).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
  }

  @Test
  void anInjectedRateLimitIsRateLimitedWithItsRetryAfter() {
    var client = client("header");
    String ticket = fake.customerCreatesTicket("jana@example.com", "Jana", "Hi", "Hello");
    fake.failNext(1, 429, Duration.ofSeconds(3));

    VendorException e = errors.map(catchThrowable(() -> load(client, ticket)));

    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(3));
  }
}
