package io.deskbridge.daktela.internal.client;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.deskbridge.core.action.Action;
import io.deskbridge.core.config.Settings;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Conversation;
import io.deskbridge.core.conversation.ConversationKey;
import io.deskbridge.core.error.VendorException;
import io.deskbridge.core.error.VendorException.Kind;
import io.deskbridge.core.spi.HelpdeskClient.ApplyRequest;
import io.deskbridge.core.spi.HelpdeskClient.LoadRequest;
import io.deskbridge.daktela.DaktelaConfig;
import io.deskbridge.daktela.internal.mapping.DaktelaErrorMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client over real HTTP against WireMock stubs of the vendor contract's wire shapes: what it sends (auth, the
 * bracket query, bodies) and how it reads every envelope and error. Unmatched requests fail the test.
 */
class DaktelaHelpdeskClientIT {
  private static final String PATH = "installations[acme].settings";
  private static final String TOKEN = "fake-daktela-token";
  private static final String WHOAMI = """
      {"error":[],"result":{"user":{"name":"deskbridge","title":"Deskbridge bot"},"version":"6"},
       "_time":"2026-12-04 15:00:00"}""";
  private static final String TICKET = """
      {"error":[],"result":{"name":9672,"title":"Invoice missing","category":{"name":"categories_support",
       "title":"Support","email_queue":{"name":3001,"title":"Support e-mail"}},"user":null,"contact":null,
       "email":"jana@example.com","stage":"OPEN","priority":"MEDIUM","statuses":[],"created":"2026-12-04 10:00:00",
       "edited":"2026-12-04 10:05:00","edited_by":null,"customFields":[],"_sys":{"model":"tickets"}},
       "_time":"2026-12-04 15:00:00"}""";

  private final WireMockServer daktela = new WireMockServer(options().dynamicPort());
  private final DaktelaErrorMapper errors = new DaktelaErrorMapper();

  @BeforeEach
  void start() {
    daktela.start();
  }

  @AfterEach
  void stop() {
    try {
      assertThat(daktela.findAllUnmatchedRequests()).as("requests no stub matched").isEmpty();
    } finally {
      daktela.stop();
    }
  }

  private DaktelaHelpdeskClient client(Map<String, Object> extra) {
    var values = new HashMap<String, Object>();
    values.put("url", daktela.baseUrl() + "/");
    values.put("accessToken", Map.of("env", "DK_TOKEN"));
    values.put("events", "polling");
    values.putAll(extra);
    var config = DaktelaConfig.from(new Settings(PATH, values, Map.of("DK_TOKEN", TOKEN)::get));
    return new DaktelaHelpdeskClient("acme", config, PATH, Clock.systemUTC());
  }

  private DaktelaHelpdeskClient started() {
    daktela.stubFor(get("/api/v6/whoim.json").withHeader("X-AUTH-TOKEN", equalTo(TOKEN)).willReturn(okJson(WHOAMI)));
    var client = client(Map.of());
    client.whoAmI();
    return client;
  }

  private static ConversationKey key(String name) {
    return new ConversationKey("daktela", "acme", name);
  }

  private static Conversation conversation() {
    return new Conversation(key("9672"), io.deskbridge.core.conversation.Channel.EMAIL, "Invoice missing",
        new io.deskbridge.core.conversation.Customer("jana@example.com", "", "jana@example.com"),
        "categories_support", "", Set.of(), false, List.of());
  }

  private static String list(String data, String total) {
    return "{\"error\":[],\"result\":{\"data\":" + data + ",\"total\":" + total + "},\"_time\":\"2026-12-04 15:00:00\"}";
  }

  @Test
  void whoAmISendsTheTokenInTheHeaderAndRemembersTheBotLogin() {
    daktela.stubFor(get("/api/v6/whoim.json").withHeader("X-AUTH-TOKEN", equalTo(TOKEN)).willReturn(okJson(WHOAMI)));
    var client = client(Map.of());
    assertThat(client.botLogin().get()).isEmpty();

    var me = client.whoAmI();

    assertThat(me.userId()).isEqualTo("deskbridge");
    assertThat(me.name()).isEqualTo("Deskbridge bot");
    assertThat(client.botLogin().get()).isEqualTo("deskbridge");
    daktela.verify(getRequestedFor(urlPathEqualTo("/api/v6/whoim.json")).withQueryParam("accessToken", absent()));
  }

  @Test
  void withAuthInQueryTheTokenIsTheAccessTokenParameter() {
    daktela.stubFor(get(urlPathEqualTo("/api/v6/whoim.json")).withQueryParam("accessToken", equalTo(TOKEN))
        .withHeader("X-AUTH-TOKEN", absent()).willReturn(okJson(WHOAMI)));

    assertThat(client(Map.of("authIn", "query")).whoAmI().userId()).isEqualTo("deskbridge");
  }

  @Test
  void aRefusedTokenNamesTheSettingAndNeverShowsTheToken() {
    daktela.stubFor(get(urlPathEqualTo("/api/v6/whoim.json")).willReturn(aResponse().withStatus(401)));

    var e = catchThrowableOfType(() -> client(Map.of("authIn", "query")).whoAmI(), VendorException.class);

    assertThat(e.kind()).isEqualTo(Kind.AUTH);
    assertThat(e.getMessage()).contains(PATH + ".accessToken").doesNotContain(TOKEN).doesNotContain("\n");
  }

  @Test
  void anInstanceWithoutTheApiNamesTheUrl() {
    daktela.stubFor(get(urlPathEqualTo("/api/v6/whoim.json")).willReturn(aResponse().withStatus(404)));

    var e = catchThrowableOfType(() -> client(Map.of()).whoAmI(), VendorException.class);

    assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND);
    assertThat(e.getMessage()).contains(PATH + ".url");
  }

  @Test
  void checkRoutesFindsCategoriesAndUsers() {
    var client = started();
    daktela.stubFor(get("/api/v6/ticketsCategories/categories_billing.json").willReturn(okJson("""
        {"error":[],"result":{"name":"categories_billing","title":"Billing","email_queue":{"name":3002}}}""")));
    daktela.stubFor(get("/api/v6/users/alice.json").willReturn(okJson("""
        {"error":[],"result":{"name":"alice","title":"Alice Agent"}}""")));

    client.checkRoutes(Set.of("categories_billing", "categories_billing/alice"));

    daktela.verify(1, getRequestedFor(urlPathEqualTo("/api/v6/ticketsCategories/categories_billing.json")));
    daktela.verify(1, getRequestedFor(urlPathEqualTo("/api/v6/users/alice.json")));
  }

  @Test
  void anUnknownCategoryOrUserIsOneLineNamingTheTarget() {
    var client = started();
    daktela.stubFor(get("/api/v6/ticketsCategories/categories_nope.json").willReturn(aResponse().withStatus(404)));
    daktela.stubFor(get("/api/v6/ticketsCategories/categories_billing.json").willReturn(okJson("""
        {"error":[],"result":{"name":"categories_billing","email_queue":{"name":3002}}}""")));
    daktela.stubFor(get("/api/v6/users/zoe.json").willReturn(aResponse().withStatus(404)));

    var category = catchThrowableOfType(() -> client.checkRoutes(Set.of("categories_nope")), VendorException.class);
    var user = catchThrowableOfType(() -> client.checkRoutes(Set.of("categories_billing/zoe")), VendorException.class);
    var bad = catchThrowableOfType(() -> client.checkRoutes(Set.of("categories_billing/")), VendorException.class);

    assertThat(category.kind()).isEqualTo(Kind.NOT_FOUND);
    assertThat(category.getMessage()).startsWith("Daktela has no ticket category 'categories_nope' (routing target "
        + "'categories_nope')").contains("routing.groups").doesNotContain("\n");
    assertThat(user.kind()).isEqualTo(Kind.NOT_FOUND);
    assertThat(user.getMessage()).startsWith("Daktela has no user 'zoe' (routing target 'categories_billing/zoe')");
    assertThat(bad.kind()).isEqualTo(Kind.INVALID);
  }

  @Test
  void loadReadsTheTicketAndItsActivitiesKeyedByNameWithAStringTotal() {
    var client = started();
    daktela.stubFor(get("/api/v6/tickets/9672.json").willReturn(okJson(TICKET)));
    daktela.stubFor(get(urlPathEqualTo("/api/v6/tickets/9672/activities.json")).willReturn(okJson(list("""
        {"activities_2":{"name":"activities_2","ticket":9672,"type":"EMAIL","user":{"name":"deskbridge"},
          "time":"2026-12-04 10:01:00","item":{"direction":"out","address":"jana@example.com","text":"<p>On it</p>"}},
         "activities_1":{"name":"activities_1","ticket":9672,"type":"EMAIL","user":null,"time":"2026-12-04 10:00:00",
          "item":{"direction":"in","address":"jana@example.com","text":"Where is my invoice?"}}}""", "\"2\""))));

    Conversation c = client.load(new LoadRequest(key("9672"), Optional.empty()));

    assertThat(c.subject()).isEqualTo("Invoice missing");
    assertThat(c.groupId()).isEqualTo("categories_support");
    assertThat(c.messages()).extracting(m -> m.id() + " " + m.role() + " " + m.text())
        .containsExactly("activities_1 CUSTOMER Where is my invoice?", "activities_2 BOT On it");
    LoggedRequest activities = daktela.findAll(getRequestedFor(urlPathEqualTo("/api/v6/tickets/9672/activities.json")))
        .get(0);
    assertThat(activities.getUrl()).as("the bracket query arrives as the builder encoded it").isEqualTo(
        "/api/v6/tickets/9672/activities.json?sort%5B0%5D%5Bfield%5D=time&sort%5B0%5D%5Bdir%5D=asc"
            + "&sort%5B1%5D%5Bfield%5D=name&sort%5B1%5D%5Bdir%5D=asc&take=1000");
    assertThat(activities.queryParameter("sort[0][field]").firstValue()).isEqualTo("time");
  }

  @Test
  void activitiesCarryingTheWholeTicketMakeTheLoadOneCall() throws Exception {
    var client = started();
    String ticket = new com.fasterxml.jackson.databind.ObjectMapper().readTree(TICKET).get("result").toString();
    daktela.stubFor(get(urlPathEqualTo("/api/v6/tickets/9672/activities.json")).willReturn(okJson(list("""
        [{"name":"activities_1","ticket":%s,"type":"EMAIL","user":null,"time":"2026-12-04 10:00:00",
          "item":{"direction":"in","address":"jana@example.com","text":"Where is my invoice?"}}]""".formatted(ticket),
        "1"))));

    Conversation c = client.load(new LoadRequest(key("9672"), Optional.empty()));

    assertThat(c.subject()).isEqualTo("Invoice missing");
    assertThat(c.version()).isEqualTo("2026-12-04 10:05:00");
    assertThat(c.messages()).singleElement().extracting(m -> m.role()).isEqualTo(AuthorRole.CUSTOMER);
    daktela.verify(0, getRequestedFor(urlPathEqualTo("/api/v6/tickets/9672.json")));
  }

  @Test
  void changesReadEveryPageByASkipOfAtMostAThousand() {
    var client = started();
    String page1 = IntStream.range(0, 1000).mapToObj(i -> "{\"name\":" + i + ",\"edited\":\"2026-12-04 10:00:00\"}")
        .collect(Collectors.joining(",", "[", "]"));
    daktela.stubFor(get(urlPathEqualTo("/api/v6/tickets.json")).withQueryParam("skip", absent())
        .willReturn(okJson(list(page1, "1001"))));
    daktela.stubFor(get(urlPathEqualTo("/api/v6/tickets.json")).withQueryParam("skip", equalTo("1000"))
        .willReturn(okJson(list("[{\"name\":1000,\"edited\":\"2026-12-04 10:00:01\"}]", "1001"))));

    var tickets = client.changes().ticketsEditedSince("2026-12-04 10:00:00");

    assertThat(tickets).hasSize(1001);
    var sent = daktela.findAll(getRequestedFor(urlPathEqualTo("/api/v6/tickets.json")));
    assertThat(sent).hasSize(2).allSatisfy(r -> {
      assertThat(r.queryParameter("take").firstValue()).isEqualTo("1000");
      assertThat(r.queryParameter("filter[filters][0][field]").firstValue()).isEqualTo("edited");
      assertThat(r.queryParameter("filter[filters][0][operator]").firstValue()).isEqualTo("gte");
      assertThat(r.queryParameter("filter[filters][0][value]").firstValue()).isEqualTo("2026-12-04 10:00:00");
    });
  }

  @Test
  void activitiesSinceFilterOnTimeAndServerTimeIsTheEnvelopes() {
    var client = started();
    daktela.stubFor(get(urlPathEqualTo("/api/v6/activities.json")).willReturn(okJson(list(
        "[{\"name\":\"activities_1\",\"time\":\"2026-12-04 10:00:00\"}]", "1"))));
    daktela.stubFor(get(urlPathEqualTo("/api/v6/tickets.json")).withQueryParam("take", equalTo("1"))
        .withQueryParam("fields[0]", equalTo("name")).willReturn(okJson(list("[]", "0"))));

    assertThat(client.changes().activitiesSince("2026-12-04 09:59:58")).hasSize(1);
    assertThat(client.changes().serverTime()).isEqualTo("2026-12-04 15:00:00");
    daktela.verify(getRequestedFor(urlPathEqualTo("/api/v6/activities.json"))
        .withQueryParam("filter[filters][0][field]", equalTo("time"))
        .withQueryParam("sort[0][field]", equalTo("time")));
  }

  @Test
  void aReplyIsAnOutgoingEmailThroughTheCategorysQueue() {
    var client = started();
    daktela.stubFor(get("/api/v6/ticketsCategories/categories_support.json").willReturn(okJson("""
        {"error":[],"result":{"name":"categories_support","email_queue":{"name":3001,"title":"Support e-mail"}}}""")));
    daktela.stubFor(post("/api/v6/activities.json").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":[],\"result\":{\"name\":\"activities_abc\",\"type\":\"EMAIL\"}}")));

    var applied = client.apply(new ApplyRequest(conversation(), List.of(new Action.PublicReply("Your invoice is sent."))));

    assertThat(applied.messageIds()).containsExactly("activities_abc");
    daktela.verify(postRequestedFor(urlPathEqualTo("/api/v6/activities.json")).withRequestBody(equalToJson("""
        {"ticket":9672,"type":"EMAIL","queue":3001,"title":"Re: Invoice missing","action":"CLOSE",
         "item":{"direction":"out","address":"jana@example.com","title":"Re: Invoice missing",
                 "text":"Your invoice is sent."}}""")));
  }

  @Test
  void aDraftIsACommentTitledAsTheSettingSays() {
    var client = started();
    daktela.stubFor(post("/api/v6/activities.json").willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"error\":[],\"result\":{\"name\":\"activities_d1\",\"type\":\"COMMENT\"}}")));
    String draft = "Deskbridge draft: proposed reply (confidence 80 %). Review it and send it if it fits.\n\nHello";

    var applied = client.apply(new ApplyRequest(conversation(), List.of(new Action.InternalNote(draft))));

    assertThat(applied.messageIds()).containsExactly("activities_d1");
    daktela.verify(postRequestedFor(urlPathEqualTo("/api/v6/activities.json")).withRequestBody(equalToJson("""
        {"ticket":9672,"type":"COMMENT","title":"Recommended reply (Deskbridge)",
         "description":"Recommended reply (Deskbridge)\\n\\n%s"}""".formatted(draft.replace("\n", "\\n")))));
  }

  @Test
  void aHandoverIsOneTicketUpdateCarryingTheNote() {
    var client = started();
    daktela.stubFor(put("/api/v6/tickets/9672.json").willReturn(okJson("""
        {"error":[],"result":{"name":9672,"category":{"name":"categories_billing","email_queue":{"name":3002}},
         "user":{"name":"alice"},"stage":"OPEN","edited":"2026-12-04 15:00:03"}}""")));

    var applied = client.apply(new ApplyRequest(conversation(), List.of(new Action.InternalNote("Summary: invoice"),
        new Action.AssignGroup("categories_billing/alice"), new Action.AddTags(Set.of("deskbridge_handover")))));

    assertThat(applied.version()).isEqualTo("2026-12-04 15:00:03");
    daktela.verify(1, putRequestedFor(urlPathEqualTo("/api/v6/tickets/9672.json")).withRequestBody(equalToJson("""
        {"category":"categories_billing","user":"alice","stage":"OPEN","comment":"Summary: invoice"}""")));
    daktela.verify(0, postRequestedFor(urlPathEqualTo("/api/v6/activities.json")));
  }

  @Test
  void aHandoverToACategoryAloneUnassigns() {
    var client = started();
    daktela.stubFor(put("/api/v6/tickets/9672.json").willReturn(okJson("{\"error\":[],\"result\":{\"name\":9672}}")));

    client.apply(new ApplyRequest(conversation(), List.of(new Action.AssignGroup("categories_billing"))));

    daktela.verify(putRequestedFor(urlPathEqualTo("/api/v6/tickets/9672.json")).withRequestBody(equalToJson("""
        {"category":"categories_billing","user":null,"stage":"OPEN"}""")));
  }

  @Test
  void aFormErrorIsInvalidNamingTheField() {
    var client = started();
    daktela.stubFor(put("/api/v6/tickets/9672.json").willReturn(aResponse().withStatus(400)
        .withHeader("Content-Type", "application/json").withBody("""
            {"error":{"form":{"category":"Category does not exist"}},"result":{"category":"categories_x"}}""")));

    Throwable thrown = catchThrowable(() -> client.apply(new ApplyRequest(conversation(),
        List.of(new Action.AssignGroup("categories_x")))));
    VendorException e = errors.map(thrown);

    assertThat(e.kind()).isEqualTo(Kind.INVALID);
    assertThat(e.getMessage()).isEqualTo("Daktela PUT /api/v6/tickets/9672.json answered 400: category: Category does "
        + "not exist (invalid field 'category') (HTTP 400)");
  }

  @Test
  void aRateLimitCarriesItsRetryAfterAndNoTokenAppearsInQueryMode() {
    daktela.stubFor(get(urlPathEqualTo("/api/v6/whoim.json")).willReturn(okJson(WHOAMI)));
    var client = client(Map.of("authIn", "query"));
    client.whoAmI();
    daktela.stubFor(get(urlPathEqualTo("/api/v6/tickets/9672/activities.json")).willReturn(aResponse()
        .withStatus(429).withHeader("Retry-After", "7")));

    VendorException e = errors.map(catchThrowable(() -> client.load(new LoadRequest(key("9672"), Optional.empty()))));

    assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
    assertThat(e.getMessage()).contains("GET /api/v6/tickets/9672/activities.json").doesNotContain(TOKEN);
  }

  @Test
  void noAnswerIsUnavailableWithoutTheUrl() {
    var client = client(Map.of("authIn", "query"));
    daktela.stop();

    VendorException e = errors.map(catchThrowable(() -> client.load(new LoadRequest(key("9672"), Optional.empty()))));

    assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
    assertThat(e.getMessage()).doesNotContain(TOKEN);
    daktela.start(); // for stop()'s check
  }

  @Test
  void aRoleOfTheBotNeedsWhoAmIFirst() {
    var client = started();
    daktela.stubFor(get("/api/v6/tickets/9672.json").willReturn(okJson(TICKET)));
    daktela.stubFor(get(urlPathEqualTo("/api/v6/tickets/9672/activities.json")).willReturn(okJson(list("""
        [{"name":"activities_3","ticket":9672,"type":"COMMENT","user":{"name":"deskbridge"},
          "time":"2026-12-04 10:02:00","description":"note"}]""", "1"))));

    var c = client.load(new LoadRequest(key("9672"), Optional.empty()));

    assertThat(c.messages()).singleElement().extracting(m -> m.role()).isEqualTo(AuthorRole.BOT);
  }
}
