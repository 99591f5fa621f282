package io.deskbridge.mock.daktela;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.mock.base.SteppedClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The REST API over real HTTP: routing, auth, envelope, status codes, validation, bookkeeping, listing. */
class DaktelaFakeApiIT {
  private final SteppedClock clock = new SteppedClock(Instant.parse("2026-12-04T13:00:00Z"));

  @RegisterExtension
  final DaktelaFakeExtension ext = new DaktelaFakeExtension(DaktelaFake.Config.defaults().withClock(clock));

  private DaktelaFake fake() {
    return ext.fake();
  }

  private Http api() {
    return new Http(fake());
  }

  @Test
  void aSingleRecordSitsUnderResultWithLocalTimesAndSysModel() {
    String n = fake().customerCreatesTicket("ann@example.com", "Ann", "Opening hours", "When are you open?");
    assertThat(n).isEqualTo("1001");
    Http.Response r = api().get("/api/v6/tickets/" + n + ".json");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get("error")).isEmpty();
    assertThat(r.json().get("_time").asText()).isEqualTo("2026-12-04 14:00:00");
    JsonNode t = r.result();
    assertThat(t.get("name").asInt()).isEqualTo(1001);
    assertThat(t.get("title").asText()).isEqualTo("Opening hours");
    assertThat(t.at("/category/name").asText()).isEqualTo("categories_support");
    assertThat(t.at("/category/sla/name").asText()).isNotEmpty();
    assertThat(t.at("/category/email_queue/name").asInt()).isEqualTo(3001);
    assertThat(t.get("user").isNull()).isTrue();
    assertThat(t.at("/contact/email").asText()).isEqualTo("ann@example.com");
    assertThat(t.get("email").asText()).isEqualTo("ann@example.com");
    assertThat(t.get("stage").asText()).isEqualTo("OPEN");
    assertThat(t.get("priority").asText()).isEqualTo("MEDIUM");
    assertThat(t.get("created").asText()).isEqualTo("2026-12-04 14:00:00");
    assertThat(t.get("interaction_activity_count").asInt()).isEqualTo(1);
    assertThat(t.get("customFields").isArray()).isTrue();
    assertThat(t.at("/_sys/model").asText()).isEqualTo("tickets");
    assertThat(t.at("/category/_sys/model").asText()).isEqualTo("ticketsCategories");
  }

  @Test
  void authIsTheHeaderOrTheQueryTokenAndAnythingElseIs401WithAnEmptyBody() {
    assertThat(new Http(fake().baseUrl(), null).get("/api/v6/users.json?accessToken=fake-daktela-token").status())
        .isEqualTo(200);
    for (Http.Response r : new Http.Response[] {new Http(fake().baseUrl(), null).get("/api/v6/users.json"),
        new Http(fake().baseUrl(), "wrong").get("/api/v6/users.json"),
        new Http(fake().baseUrl(), null).get("/api/v6/users.json?accessToken=wrong")}) {
      assertThat(r.status()).isEqualTo(401);
      assertThat(r.body()).isEmpty();
    }
    assertThat(fake().apiCalls()).as("unauthenticated calls are not counted").isEqualTo(1);
  }

  @Test
  void articlesAreListedWithTheQueryAndDeletedOnesAreGone() {
    String faq = fake().publishArticle("Shipping", "en", "Delivery", "<p>3 days</p>", java.util.List.of("faq"));
    clock.advance(java.time.Duration.ofSeconds(5));
    String internal = fake().publishArticle("Internal", "cs", "Matrix", "<p>4711</p>", java.util.List.of());
    fake().setArticlePublic(internal, false);
    JsonNode a = api().get("/api/v6/articles/" + faq + ".json").result();
    assertThat(a.get("title").asText()).isEqualTo("Delivery");
    assertThat(a.get("content").asText()).isEqualTo("<p>3 days</p>");
    assertThat(a.get("published").asBoolean()).isTrue();
    assertThat(a.get("public").asBoolean()).isTrue();
    assertThat(a.at("/folder/title").asText()).isEqualTo("Shipping");
    assertThat(a.at("/folder/_sys/model").asText()).isEqualTo("articlesFolders");
    assertThat(a.at("/tags/0").asText()).isEqualTo("faq");
    assertThat(a.get("edited").asText()).isEqualTo("2026-12-04 14:00:00");
    JsonNode since = api().get("/api/v6/articles.json?filter%5Blogic%5D=and&filter%5Bfilters%5D%5B0%5D%5Bfield%5D="
        + "edited&filter%5Bfilters%5D%5B0%5D%5Boperator%5D=gte&filter%5Bfilters%5D%5B0%5D%5Bvalue%5D="
        + "2026-12-04%2014%3A00%3A05&sort%5B0%5D%5Bfield%5D=edited&sort%5B0%5D%5Bdir%5D=asc").result();
    assertThat(since.get("total").asInt()).isEqualTo(1);
    assertThat(since.at("/data/0/name").asText()).isEqualTo(internal);
    assertThat(since.at("/data/0/public").asBoolean()).isFalse();
    fake().deleteArticle(faq);
    assertThat(api().get("/api/v6/articles/" + faq + ".json").status()).isEqualTo(404);
    assertThat(api().get("/api/v6/articles.json").result().get("total").asInt()).isEqualTo(1);
    assertThat(api().get("/api/v6/articlesFolders.json").status()).as("not faked: loud").isEqualTo(404);
    assertThat(fake().unmatchedRequests()).containsExactly("GET /api/v6/articlesFolders.json");
    fake().reset(); // the extension would fail this test for it, rightly
  }

  @Test
  void unknownRecordsAre404WithAnEmptyBodyAndUnfakedPathsFailLoudly() {
    Http.Response missing = api().get("/api/v6/tickets/4242.json");
    assertThat(missing.status()).isEqualTo(404);
    assertThat(missing.body()).isEmpty();
    assertThat(api().get("/api/v6/users/nobody.json").status()).isEqualTo(404);
    assertThat(fake().unmatchedRequests()).isEmpty();

    assertThat(api().get("/api/v6/tickets").status()).as(".json is required").isEqualTo(404);
    assertThat(api().get("/api/v6/campaigns.json").status()).isEqualTo(404);
    assertThat(api().send("PATCH", "/api/v6/tickets/1.json", "{}", "application/json").status()).isEqualTo(404);
    assertThat(fake().unmatchedRequests()).containsExactly("GET /api/v6/tickets", "GET /api/v6/campaigns.json",
        "PATCH /api/v6/tickets/1.json");
    fake().reset(); // the extension would fail this test for them, rightly
  }

  @Test
  void whoAmINamesTheApiUser() {
    JsonNode r = api().get("/api/v6/whoim.json").result();
    assertThat(r.at("/user/name").asText()).isEqualTo("deskbridge");
    assertThat(r.at("/user/title").asText()).isEqualTo("Deskbridge bot");
    assertThat(r.get("version").asText()).isEqualTo("6");
  }

  @Test
  void seededTargetsAreListedAndReadable() {
    Http.Response users = api().get("/api/v6/users.json");
    assertThat(users.result().get("total").asInt()).isEqualTo(3);
    assertThat(users.result().get("data")).extracting(u -> u.get("name").asText())
        .containsExactly("deskbridge", "alice", "bob");
    assertThat(api().get("/api/v6/users/alice.json").result().get("title").asText()).isEqualTo("Alice Agent");
    assertThat(api().get("/api/v6/queues.json").result().get("data")).extracting(q -> q.get("name").asInt() + ":"
        + q.get("type").asText()).containsExactly("3001:email", "3002:email", "3003:email", "3100:in");
    JsonNode billing = api().get("/api/v6/ticketsCategories/categories_billing.json").result();
    assertThat(billing.get("title").asText()).isEqualTo("Billing");
    assertThat(billing.at("/email_queue/name").asInt()).isEqualTo(3002);
    assertThat(api().get("/api/v6/statuses.json").result().get("data")).extracting(s -> s.get("name").asText())
        .containsExactly("statuses_open", "statuses_done");
  }

  @Test
  void postCreates201WithAnIntegerNameAndValidatesRequiredFieldsEnumsAndForeignKeys() {
    Http.Response created = api().post("/api/v6/tickets.json", "{\"title\":\"Printer\",\"category\":"
        + "\"categories_tech\",\"stage\":\"OPEN\",\"priority\":\"HIGH\",\"user\":\"bob\",\"statuses\":"
        + "[\"statuses_open\"]}");
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.result().get("name").asInt()).isEqualTo(1001);
    assertThat(created.result().at("/user/name").asText()).isEqualTo("bob");
    assertThat(created.result().at("/edited_by/name").asText()).isEqualTo("deskbridge");
    assertThat(created.result().at("/statuses/0/name").asText()).isEqualTo("statuses_open");

    Http.Response noTitle = api().post("/api/v6/tickets.json", "{\"category\":\"categories_tech\","
        + "\"stage\":\"OPEN\",\"priority\":\"HIGH\"}");
    assertThat(noTitle.status()).isEqualTo(400);
    assertThat(noTitle.json().at("/error/form/title").asText()).isEqualTo("Entry is required");
    assertThat(noTitle.result().get("category").asText()).as("echo").isEqualTo("categories_tech");

    assertThat(api().post("/api/v6/tickets.json", "{\"title\":\"x\",\"category\":\"categories_nope\","
        + "\"stage\":\"OPEN\",\"priority\":\"HIGH\"}").json().at("/error/form/category").asText())
        .contains("categories_nope");
    assertThat(api().post("/api/v6/tickets.json", "{\"title\":\"x\",\"category\":\"categories_tech\","
        + "\"stage\":\"DONE\",\"priority\":\"HIGH\"}").json().at("/error/form").has("stage")).isTrue();
    assertThat(api().post("/api/v6/tickets.json", "{\"title\":\"x\",\"category\":\"categories_tech\","
        + "\"stage\":\"OPEN\",\"priority\":\"HIGH\",\"user\":\"carol\"}").json().at("/error/form/user").asText())
        .contains("carol");
    assertThat(api().post("/api/v6/tickets.json", "{\"title\":\"x\",\"category\":\"categories_tech\","
        + "\"stage\":\"OPEN\",\"priority\":\"HIGH\",\"statuses\":[\"statuses_x\"]}").json()
        .at("/error/form").has("statuses")).isTrue();
    assertThat(api().post("/api/v6/tickets.json", "{not json").status()).isEqualTo(400);
    assertThat(fake().tickets()).hasSize(1);
  }

  @Test
  void putMergesPartialBodiesValidatesBeforeWritingAndItsCommentBecomesAnActivity() {
    String n = fake().customerCreatesTicket("ann@example.com", "Ann", "Invoice", "Wrong amount");
    clock.advance(Duration.ofMinutes(5));
    Http.Response bad = api().put("/api/v6/tickets/" + n + ".json",
        "{\"category\":\"categories_billing\",\"user\":\"mallory\"}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.json().at("/error/form/user").asText()).contains("mallory");
    assertThat(fake().ticket(n).orElseThrow().category()).as("nothing written").isEqualTo("categories_support");

    Http.Response ok = api().put("/api/v6/tickets/" + n + ".json", "{\"category\":\"categories_billing\","
        + "\"user\":\"alice\",\"stage\":\"OPEN\",\"comment\":\"Customer disputes invoice 17\"}");
    assertThat(ok.status()).isEqualTo(200);
    JsonNode t = ok.result();
    assertThat(t.at("/category/name").asText()).isEqualTo("categories_billing");
    assertThat(t.at("/user/name").asText()).isEqualTo("alice");
    assertThat(t.get("title").asText()).as("untouched fields kept").isEqualTo("Invoice");
    assertThat(t.get("edited").asText()).isEqualTo("2026-12-04 14:05:00");
    assertThat(t.at("/edited_by/name").asText()).isEqualTo("deskbridge");
    assertThat(t.get("interaction_activity_count").asInt()).isEqualTo(2);
    assertThat(t.has("comment")).as("write-only").isFalse();
    assertThat(fake().activities(n)).last().satisfies(a -> {
      assertThat(a.type()).isEqualTo("COMMENT");
      assertThat(a.user()).isEqualTo("deskbridge");
      assertThat(a.text()).isEqualTo("Customer disputes invoice 17");
    });

    assertThat(api().put("/api/v6/tickets/" + n + ".json", "{\"user\":null}").result().get("user").isNull())
        .isTrue();
    clock.advance(Duration.ofMinutes(1));
    JsonNode closed = api().put("/api/v6/tickets/" + n + ".json", "{\"stage\":\"CLOSE\"}").result();
    assertThat(closed.get("closed").asText()).isEqualTo("2026-12-04 14:06:00");
    assertThat(api().put("/api/v6/tickets/9999.json", "{\"stage\":\"CLOSE\"}").status()).isEqualTo(404);
  }

  @Test
  void deleteIs204WithAnEmptyBody() {
    String n = fake().customerCreatesTicket("ann@example.com", null, "Spam", "Buy now");
    Http.Response r = api().send("DELETE", "/api/v6/tickets/" + n + ".json", null, null);
    assertThat(r.status()).isEqualTo(204);
    assertThat(r.body()).isEmpty();
    assertThat(api().get("/api/v6/tickets/" + n + ".json").status()).isEqualTo(404);
  }

  @Test
  void anEmailReplyIsValidatedAndBumpsTheTicketAndTheCustomersEmailReopensIt() {
    String n = fake().customerCreatesTicket("ann@example.com", "Ann", "Hours", "When are you open?");
    clock.advance(Duration.ofMinutes(2));
    String reply = "{\"ticket\":" + n + ",\"type\":\"EMAIL\",\"queue\":3001,\"title\":\"Re: Hours\","
        + "\"action\":\"CLOSE\",\"item\":{\"direction\":\"out\",\"address\":\"ann@example.com\","
        + "\"title\":\"Re: Hours\",\"text\":\"9 to 5\"}}";
    Http.Response created = api().post("/api/v6/activities.json", reply);
    assertThat(created.status()).isEqualTo(201);
    JsonNode a = created.result();
    assertThat(a.get("name").asText()).startsWith("activities_");
    assertThat(a.get("type").asText()).isEqualTo("EMAIL");
    assertThat(a.at("/user/name").asText()).isEqualTo("deskbridge");
    assertThat(a.at("/item/direction").asText()).isEqualTo("out");
    assertThat(a.at("/item/state").asText()).isEqualTo("SENT");
    assertThat(a.at("/item/text").asText()).isEqualTo("9 to 5");
    assertThat(a.at("/ticket/name").asInt()).isEqualTo(Integer.parseInt(n));
    assertThat(a.at("/_sys/model").asText()).isEqualTo("activities");
    JsonNode t = api().get("/api/v6/tickets/" + n + ".json").result();
    assertThat(t.get("edited").asText()).isEqualTo("2026-12-04 14:02:00");
    assertThat(t.get("last_activity").asText()).isEqualTo("2026-12-04 14:02:00");
    assertThat(t.at("/edited_by/name").asText()).isEqualTo("deskbridge");
    assertThat(t.get("interaction_activity_count").asInt()).isEqualTo(2);

    assertThat(api().post("/api/v6/activities.json", reply.replace("\"queue\":3001", "\"queue\":3100")).json()
        .at("/error/form/queue").asText()).contains("not an e-mail queue");
    assertThat(api().post("/api/v6/activities.json", reply.replace("\"address\":\"ann@example.com\",", ""))
        .json().at("/error/form/item").asText()).contains("address");
    assertThat(api().post("/api/v6/activities.json", reply.replace("\"text\":\"9 to 5\"", "\"x\":1")).status())
        .isEqualTo(400);
    assertThat(api().post("/api/v6/activities.json", reply.replace("\"ticket\":" + n, "\"ticket\":7")).json()
        .at("/error/form/ticket").asText()).contains("7");
    assertThat(api().post("/api/v6/activities.json", "{\"ticket\":" + n + "}").json().at("/error/form/type")
        .asText()).isEqualTo("Entry is required");
    assertThat(api().post("/api/v6/activities.json", "{\"ticket\":" + n + ",\"type\":\"FAX\"}").status())
        .isEqualTo(400);

    fake().agentCloses(n);
    clock.advance(Duration.ofMinutes(1));
    fake().customerEmails(n, "One more question");
    JsonNode reopened = api().get("/api/v6/tickets/" + n + ".json").result();
    assertThat(reopened.get("stage").asText()).isEqualTo("OPEN");
    assertThat(reopened.get("edited_by").isNull()).as("the customer").isTrue();
    assertThat(reopened.get("edited").asText()).isEqualTo("2026-12-04 14:03:00");
  }

  @Test
  void aCommentPostedAsFormDataIsStored() {
    String n = fake().customerCreatesTicket("ann@example.com", "Ann", "Hours", "When?");
    Http.Response r = api().send("POST", "/api/v6/activities.json", "ticket=" + n + "&type=COMMENT"
        + "&title=Recommended+reply+%28Deskbridge%29&description=Say+9+to+5", "application/x-www-form-urlencoded");
    assertThat(r.status()).isEqualTo(201);
    assertThat(r.result().get("description").asText()).isEqualTo("Say 9 to 5");
    assertThat(r.result().get("title").asText()).isEqualTo("Recommended reply (Deskbridge)");
    assertThat(r.result().get("item").isNull()).isTrue();
  }

  @Test
  void activitiesAreListedByRelationAndByFilterWithTotalsAndPages() {
    String a = fake().customerCreatesTicket("ann@example.com", "Ann", "A", "first");
    String b = fake().customerCreatesTicket("bob@example.com", "Bob", "B", "other");
    clock.advance(Duration.ofSeconds(1));
    fake().agentComments(a, "alice", "looking");
    clock.advance(Duration.ofSeconds(1));
    fake().customerEmails(a, "still there?");

    JsonNode rel = api().get("/api/v6/tickets/" + a + "/activities.json").result();
    assertThat(rel.get("total").asInt()).isEqualTo(3);
    assertThat(rel.get("data")).extracting(x -> x.get("type").asText()).containsExactly("EMAIL", "COMMENT", "EMAIL");

    JsonNode filtered = api().get("/api/v6/activities.json?filter[logic]=and&filter[filters][0][field]=ticket"
        + "&filter[filters][0][operator]=eq&filter[filters][0][value]=" + a
        + "&sort[0][field]=time&sort[0][dir]=desc&take=2").result();
    assertThat(filtered.get("total").asInt()).as("all matches, not the page").isEqualTo(3);
    assertThat(filtered.get("data")).hasSize(2);
    assertThat(filtered.at("/data/0/description").isNull()).isTrue();
    assertThat(filtered.at("/data/0/item/text").asText()).isEqualTo("still there?");

    assertThat(api().get("/api/v6/tickets.json?filter[field]=edited&filter[operator]=gte&filter[value]="
        + "2026-12-04%2014:00:01").result().get("data")).extracting(t -> t.get("name").asText()).containsExactly(a);
    assertThat(api().get("/api/v6/tickets/" + b + "/activities.json").result().get("total").asInt()).isEqualTo(1);
    assertThat(api().get("/api/v6/tickets/4242/activities.json").status()).isEqualTo(404);

    Http.Response tooMany = api().get("/api/v6/activities.json?take=1001");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().get("error")).extracting(JsonNode::asText).containsExactly("Max defined take is 1000");
    assertThat(tooMany.json().get("result").isNull()).isTrue();
    assertThat(api().get("/api/v6/tickets.json?filter[field]=colour&filter[value]=red").status()).isEqualTo(400);
  }

  @Test
  void theJournalCountsCallsAboutATicketByPathBodyAndFilter() {
    String a = fake().customerCreatesTicket("ann@example.com", "Ann", "A", "first");
    String b = fake().customerCreatesTicket("bob@example.com", "Bob", "B", "other");
    api().get("/api/v6/tickets/" + a + ".json");
    api().get("/api/v6/tickets/" + a + "/activities.json");
    api().get("/api/v6/activities.json?filter[field]=ticket&filter[operator]=eq&filter[value]=" + a);
    api().post("/api/v6/activities.json", "{\"ticket\":" + a + ",\"type\":\"COMMENT\",\"description\":\"x\"}");
    api().put("/api/v6/tickets/" + b + ".json", "{\"stage\":\"WAIT\"}");
    api().get("/api/v6/users.json");
    assertThat(fake().apiCalls(a)).isEqualTo(4);
    assertThat(fake().apiCalls(b)).isEqualTo(1);
    assertThat(fake().apiCalls()).isEqualTo(6);
    assertThat(fake().journal().calls()).last().extracting(c -> c.path()).isEqualTo("/api/v6/users.json");
  }

  @Test
  void anActivitysTimeIsWholeSecondsButItsViewKeepsWhenItWasStoredForLatencies() {
    clock.advance(Duration.ofMillis(700));
    String ticket = fake().customerCreatesTicket("jana@example.com", "Jana", "Delivery", "Where is my parcel?");

    var activity = fake().activities(ticket).get(0);
    assertThat(activity.time()).isEqualTo("2026-12-04 14:00:00");
    assertThat(activity.at()).isEqualTo(Instant.parse("2026-12-04T13:00:00.700Z"));
  }
}
