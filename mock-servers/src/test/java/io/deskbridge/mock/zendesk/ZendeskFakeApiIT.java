package io.deskbridge.mock.zendesk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.mock.base.SteppedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ZendeskFakeApiIT {
  private static final SteppedClock CLOCK = new SteppedClock(Instant.parse("2026-06-09T08:30:00Z"));
  private static final String ISO = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ";

  @RegisterExtension
  static final ZendeskFakeExtension ZENDESK =
      new ZendeskFakeExtension(ZendeskFakeConfig.defaults().withClock(CLOCK));

  private ZendeskFake fake;
  private Api api;

  @BeforeEach
  void setUp() {
    fake = ZENDESK.fake();
    api = Api.bot(fake);
  }

  @Test
  void authenticationIsRequired() {
    assertThat(api.as(null).get("/api/v2/users/me.json").status()).isEqualTo(401);
    Api.Res wrongToken = api.as(Api.basic("bot@acme.example/token:nope")).get("/api/v2/users/me");
    assertThat(wrongToken.status()).isEqualTo(401);
    assertThat(wrongToken.json().path("error").asText()).isEqualTo("Couldn't authenticate you");
    assertThat(wrongToken.header("X-Rate-Limit")).isEqualTo("100000");
    assertThat(api.as(Api.basic("bot@acme.example:test-token")).get("/api/v2/users/me").status())
        .as("email+password Basic auth was removed").isEqualTo(401);
    assertThat(api.as(Api.basic("nobody@acme.example/token:test-token")).get("/api/v2/users/me")
        .status()).isEqualTo(401);
    assertThat(api.as("Bearer wrong").get("/api/v2/users/me").status()).isEqualTo(401);
    assertThat(fake.apiCalls()).isZero();

    JsonNode bearer = api.as("Bearer test-token").get("/api/v2/users/me").json().path("user");
    assertThat(bearer.path("id").asLong()).isEqualTo(fake.botUserId());
    JsonNode alice = api.as(Api.basic("alice@acme.example/token:test-token"))
        .get("/api/v2/users/me.json").json().path("user");
    assertThat(alice.path("id").asLong()).isEqualTo(fake.humanAgentId());
    assertThat(alice.path("name").asText()).isEqualTo("Alice Agent");
  }

  @Test
  void currentUserHasTheClientShape() {
    Api.Res res = api.get("/api/v2/users/me.json");
    assertThat(res.status()).isEqualTo(200);
    assertThat(res.header("Content-Type")).startsWith("application/json");
    JsonNode user = res.json().path("user");
    assertThat(user.path("id").asLong()).isEqualTo(fake.botUserId());
    assertThat(user.path("name").asText()).isEqualTo("Deskbridge Bot");
    assertThat(user.path("email").asText()).isEqualTo("bot@acme.example");
    assertThat(user.path("role").asText()).isEqualTo("agent");
    assertThat(user.path("active").asBoolean()).isTrue();
    assertThat(user.path("created_at").asText()).matches(ISO);
    assertThat(fake.apiCalls()).isEqualTo(1);
  }

  @Test
  void customerTicketHasTheRestShape() {
    long id = fake.customerCreatesTicket("ann@example.com", "Ann", "Cannot log in",
        "Password reset fails", List.of("vip"));

    JsonNode t = api.get("/api/v2/tickets/" + id + ".json").json().path("ticket");
    assertThat(t.path("id").asLong()).isEqualTo(id);
    assertThat(t.path("url").asText()).isEqualTo(fake.baseUrl() + "/api/v2/tickets/" + id + ".json");
    assertThat(t.path("subject").asText()).isEqualTo("Cannot log in");
    assertThat(t.path("raw_subject").asText()).isEqualTo("Cannot log in");
    assertThat(t.path("description").asText()).isEqualTo("Password reset fails");
    assertThat(t.path("status").asText()).isEqualTo("new");
    assertThat(t.path("priority").isNull()).isTrue();
    assertThat(t.path("type").isNull()).isTrue();
    assertThat(t.path("requester_id").asLong()).isEqualTo(t.path("submitter_id").asLong())
        .isNotEqualTo(fake.botUserId());
    assertThat(t.path("assignee_id").isNull()).isTrue();
    assertThat(t.path("group_id").isNull()).isTrue();
    assertThat(t.path("tags")).hasSize(1).first().extracting(JsonNode::asText).isEqualTo("vip");
    assertThat(t.path("custom_fields").isArray()).isTrue();
    assertThat(t.path("via").path("channel").asText()).isEqualTo("web");
    assertThat(t.path("is_public").asBoolean()).isTrue();
    assertThat(t.path("created_at").asText()).isEqualTo(Json.iso(CLOCK.instant()));
    assertThat(t.path("updated_at").asText()).matches(ISO);

    JsonNode requester = api.get("/api/v2/users/" + t.path("requester_id").asLong()).json();
    assertThat(requester.path("user").path("role").asText()).isEqualTo("end-user");
    assertThat(requester.path("user").path("email").asText()).isEqualTo("ann@example.com");

    // exactly what zendesk-java-client 1.5.2 getTicketComments(id) sends
    JsonNode page = api.get("/api/v2/tickets/" + id + "/comments.json?sort_order=asc").json();
    assertThat(page.path("count").asInt()).isEqualTo(1);
    assertThat(page.path("next_page").isNull()).isTrue();
    assertThat(page.has("links")).as("offset answers must not look like cursor ones").isFalse();
    JsonNode c = page.path("comments").get(0);
    assertThat(c.path("id").asLong()).isEqualTo(fake.comments(id).get(0).id());
    assertThat(c.path("type").asText()).isEqualTo("Comment");
    assertThat(c.path("author_id").asLong()).isEqualTo(t.path("requester_id").asLong());
    assertThat(c.path("body").asText()).isEqualTo("Password reset fails");
    assertThat(c.path("plain_body").asText()).isEqualTo("Password reset fails");
    assertThat(c.path("html_body").asText()).contains("<p dir=\"auto\">Password reset fails</p>");
    assertThat(c.path("public").asBoolean()).isTrue();
    assertThat(c.path("via").path("channel").asText()).isEqualTo("web");
    assertThat(c.path("metadata").isObject()).isTrue();
    assertThat(c.path("attachments").isArray()).isTrue();
    assertThat(c.path("audit_id").asLong()).isPositive();
    assertThat(c.path("created_at").asText()).matches(ISO);
    assertThat(fake.apiCalls(id)).isEqualTo(2);
  }

  @Test
  void unknownTicketIs404() {
    Api.Res res = api.get("/api/v2/tickets/999");
    assertThat(res.status()).isEqualTo(404);
    assertThat(res.json().path("error").asText()).isEqualTo("RecordNotFound");
    assertThat(res.json().path("description").asText()).isEqualTo("Not found");
  }

  @Test
  void agentCreatesTicketThroughTheApi() {
    Api.Res res = api.post("/api/v2/tickets.json", """
        {"ticket":{"subject":"Refund","comment":{"body":"Customer called about a refund"},
          "requester":{"email":"bob@example.com","name":"Bob"},"tags":["phone"],"priority":"high"}}""");
    assertThat(res.status()).isEqualTo(201);
    JsonNode t = res.json().path("ticket");
    long id = t.path("id").asLong();
    assertThat(t.path("via").path("channel").asText()).isEqualTo("api");
    assertThat(t.path("status").asText()).isEqualTo("new");
    assertThat(t.path("priority").asText()).isEqualTo("high");
    assertThat(t.path("submitter_id").asLong()).isEqualTo(fake.botUserId());
    assertThat(t.path("requester_id").asLong()).isNotEqualTo(fake.botUserId());
    assertThat(fake.comments(id)).singleElement()
        .satisfies(c -> assertThat(c.authorId()).isEqualTo(fake.botUserId()))
        .satisfies(c -> assertThat(c.via()).isEqualTo("api"));
  }

  @Test
  void putWithCommentGroupAndTagsAnswersTicketAndAudit() {
    long id = fake.customerCreatesTicket("ann@example.com", "Ann", "Login", "Help", List.of("a", "b"));
    long billing = fake.groups().get("Billing");
    CLOCK.advance(Duration.ofMinutes(5));

    Api.Res res = api.put("/api/v2/tickets/" + id + ".json", """
        {"ticket":{"comment":{"body":"Here is how to reset it","public":true},
          "group_id":%d,"tags":["ai_answered"],"priority":"normal"}}""".formatted(billing));

    assertThat(res.status()).isEqualTo(200);
    JsonNode t = res.json().path("ticket");
    assertThat(t.path("group_id").asLong()).isEqualTo(billing);
    assertThat(t.path("status").asText()).as("agent update opens a new ticket").isEqualTo("open");
    assertThat(t.path("tags")).extracting(JsonNode::asText).containsExactly("ai_answered");
    assertThat(t.path("updated_at").asText()).isEqualTo(Json.iso(CLOCK.instant()))
        .isNotEqualTo(t.path("created_at").asText());
    CommentView added = fake.comments(id).get(1);
    assertThat(added.authorId()).isEqualTo(fake.botUserId());
    assertThat(added.isPublic()).isTrue();
    assertThat(added.via()).isEqualTo("api");

    JsonNode events = res.json().path("audit").path("events");
    JsonNode comment = events.get(0);
    assertThat(comment.path("type").asText()).isEqualTo("Comment");
    assertThat(comment.path("id").asLong()).isEqualTo(added.id());
    assertThat(comment.path("body").asText()).isEqualTo("Here is how to reset it");
    assertThat(comment.path("public").asBoolean()).isTrue();
    assertThat(comment.path("author_id").asLong()).isEqualTo(fake.botUserId());
    assertThat(events).filteredOn(e -> e.path("type").asText().equals("Change"))
        .extracting(e -> e.path("field_name").asText())
        .containsExactlyInAnyOrder("status", "priority", "group_id", "tags");
    assertThat(events).filteredOn(e -> e.path("field_name").asText().equals("group_id"))
        .singleElement().satisfies(e -> assertThat(e.path("value").asLong()).isEqualTo(billing));
    assertThat(res.json().path("audit").path("id").asLong())
        .isEqualTo(comment.path("audit_id").asLong());
  }

  @Test
  void putAcceptsTheJavaClientShapes() {
    long id = fake.customerCreatesTicket("ann@example.com", "Ann", "Login", "Help");
    // createComment(id, new Comment("...")) with setPublic(false) and a html body
    Api.Res note = api.put("/api/v2/tickets/" + id + ".json",
        "{\"ticket\":{\"comment\":{\"html_body\":\"<p><b>AI summary</b>: cannot log in</p>\","
            + "\"public\":false,\"type\":\"Comment\"}}}");
    assertThat(note.status()).isEqualTo(200);
    assertThat(fake.comments(id).get(1).body()).isEqualTo("AI summary: cannot log in");
    assertThat(fake.comments(id).get(1).isPublic()).isFalse();
    // updateTicket(getTicket(id)) after edits: the whole ticket, client-formatted dates, extras
    JsonNode ticket = api.get("/api/v2/tickets/" + id).json().path("ticket");
    String body = "{\"ticket\":{\"id\":" + id + ",\"url\":\"" + ticket.path("url").asText()
        + "\",\"subject\":\"Login\",\"status\":\"pending\",\"requester_id\":"
        + ticket.path("requester_id") + ",\"has_incidents\":false,\"tags\":[\"x\"],"
        + "\"custom_fields\":[{\"id\":27642,\"value\":[\"escalated_by_ai\"]}],"
        + "\"created_at\":\"2026-06-09T08:30:00.000+00:00\",\"via\":{\"channel\":\"web\"},"
        + "\"collaborator_ids\":[],\"is_public\":true}}";
    Api.Res full = api.put("/api/v2/tickets/" + id + ".json", body);
    assertThat(full.status()).isEqualTo(200);
    assertThat(full.json().path("ticket").path("status").asText()).isEqualTo("pending");
    assertThat(full.json().path("ticket").path("custom_fields").get(0).path("id").asLong())
        .isEqualTo(27642);
    assertThat(fake.ticket(id)).get().extracting(TicketView::tags).isEqualTo(List.of("x"));
  }

  @Test
  void invalidUpdatesAre422() {
    long id = fake.customerCreatesTicket("ann@example.com", "Ann", "Login", "Help");
    Api.Res badStatus = api.put("/api/v2/tickets/" + id, "{\"ticket\":{\"status\":\"done\"}}");
    assertThat(badStatus.status()).isEqualTo(422);
    assertThat(badStatus.json().path("error").asText()).isEqualTo("RecordInvalid");
    assertThat(badStatus.json().path("details").path("status").get(0).path("description").asText())
        .contains("done");

    Api.Res badGroup = api.put("/api/v2/tickets/" + id, "{\"ticket\":{\"group_id\":42}}");
    assertThat(badGroup.status()).isEqualTo(422);
    assertThat(badGroup.json().path("details").has("group_id")).isTrue();
    assertThat(fake.ticket(id)).get().extracting(TicketView::status).isEqualTo("new");

    assertThat(api.put("/api/v2/tickets/" + id, "{\"ticket\":{\"status\":\"closed\"}}").status())
        .isEqualTo(200);
    Api.Res closed = api.put("/api/v2/tickets/" + id,
        "{\"ticket\":{\"comment\":{\"body\":\"again\"}}}");
    assertThat(closed.status()).isEqualTo(422);
    assertThat(closed.json().path("details").path("status").get(0).path("description").asText())
        .isEqualTo("Status: closed prevents ticket update");
    assertThat(fake.comments(id)).hasSize(1);
    assertThatThrownBy(() -> fake.customerComments(id, "reopen?"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void concurrentUpdatesAreAllApplied() throws Exception {
    long id = fake.customerCreatesTicket("ann@example.com", "Ann", "Login", "Help");
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Integer>> calls = IntStream.range(0, 40).<Callable<Integer>>mapToObj(i -> () ->
          api.put("/api/v2/tickets/" + id, "{\"ticket\":{\"comment\":{\"body\":\"c" + i + "\"}}}")
              .status()).toList();
      for (Future<Integer> status : pool.invokeAll(calls)) {
        assertThat(status.get()).isEqualTo(200);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(fake.comments(id)).hasSize(41).extracting(CommentView::id).doesNotHaveDuplicates()
        .isSorted();
    assertThat(fake.apiCalls(id)).isEqualTo(40);
  }

  @Test
  void safeUpdateWithStaleStampIs409() {
    long id = fake.customerCreatesTicket("ann@example.com", "Ann", "Login", "Help");
    String stamp = api.get("/api/v2/tickets/" + id).json().path("ticket").path("updated_at").asText();
    CLOCK.advance(Duration.ofSeconds(30));
    fake.customerComments(id, "anyone?");

    Api.Res stale = api.put("/api/v2/tickets/" + id, """
        {"ticket":{"status":"pending","safe_update":true,"updated_stamp":"%s"}}""".formatted(stamp));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(fake.ticket(id)).get().extracting(TicketView::status).isEqualTo("new");

    String fresh = api.get("/api/v2/tickets/" + id).json().path("ticket").path("updated_at").asText();
    assertThat(api.put("/api/v2/tickets/" + id, """
        {"ticket":{"status":"pending","safe_update":true,"updated_stamp":"%s"}}""".formatted(fresh))
        .status()).isEqualTo(200);
  }

  @Test
  void tagEndpointsAddSetAndRemove() {
    long id = fake.customerCreatesTicket("ann@example.com", "Ann", "Login", "Help", List.of("a"));
    String path = "/api/v2/tickets/" + id + "/tags.json";
    assertThat(api.put(path, "{\"tags\":[\"b\",\"a\"]}").json().path("tags"))
        .extracting(JsonNode::asText).containsExactly("a", "b");
    assertThat(api.delete(path, "{\"tags\":[\"a\"]}").json().path("tags"))
        .extracting(JsonNode::asText).containsExactly("b");
    assertThat(api.post(path, "{\"tags\":[\"x\",\"y\"]}").json().path("tags"))
        .extracting(JsonNode::asText).containsExactly("x", "y");
    assertThat(fake.ticket(id)).get().extracting(TicketView::tags).isEqualTo(List.of("x", "y"));
  }

  @Test
  void groupsAreSeeded() {
    JsonNode groups = api.get("/api/v2/groups.json").json();
    assertThat(groups.path("groups")).extracting(g -> g.path("name").asText())
        .containsExactly("General", "Billing", "Shipping", "Accounts", "Complaints");
    assertThat(groups.path("count").asInt()).isEqualTo(5);
    long shipping = fake.groups().get("Shipping");
    assertThat(shipping).isEqualTo(36_000_003L);
    assertThat(api.get("/api/v2/groups/" + shipping).json().path("group").path("name").asText())
        .isEqualTo("Shipping");
    assertThat(api.get("/api/v2/groups/1").status()).isEqualTo(404);
    assertThat(api.get("/api/v2/users/1").status()).isEqualTo(404);
  }

  @Test
  void everyResponseCarriesRateLimitHeaders() {
    Api.Res res = api.get("/api/v2/users/me");
    assertThat(res.header("X-Rate-Limit")).isEqualTo("100000");
    assertThat(res.header("X-Rate-Limit-Remaining")).isEqualTo("99999");
    assertThat(res.header("ratelimit-limit")).isEqualTo("100000");
    assertThat(res.header("ratelimit-remaining")).isEqualTo("99999");
    assertThat(Integer.parseInt(res.header("ratelimit-reset"))).isBetween(1, 60);
  }
}
