package io.deskbridge.mock.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.deskbridge.mock.base.SteppedClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Help Center endpoints over HTTP: the export's paging by time, the list's offset pages, errors. */
class ZendeskFakeHelpCenterIT {
  private static final Instant T0 = Instant.parse("2026-06-09T08:30:00Z");
  private final SteppedClock clock = new SteppedClock(T0);

  private ZendeskFake fake;
  private Api api;
  private HelpCenter hc;
  private long section;

  @AfterEach
  void tearDown() {
    fake.close();
  }

  @BeforeEach
  void setUp() {
    fake = ZendeskFake.start(ZendeskFakeConfig.defaults().withClock(clock));
    api = Api.bot(fake);
    hc = fake.helpCenter();
    section = hc.createSection("Shipping");
  }

  private List<Long> ids(JsonNode articles) {
    var out = new ArrayList<Long>();
    articles.forEach(a -> out.add(a.path("id").asLong()));
    return out;
  }

  @Test
  void theExportPagesByTimeAndLeavesArchivedOut() {
    hc.incrementalPageSize(2);
    var ids = new ArrayList<Long>();
    for (int i = 0; i < 3; i++) {
      ids.add(hc.publishArticle(section, "en-us", "Q" + i, "<p>A" + i + "</p>", List.of("faq")));
      clock.advance(Duration.ofSeconds(10));
    }
    JsonNode first = api.get("/api/v2/help_center/incremental/articles.json?start_time=0").json();
    assertThat(ids(first.path("articles"))).containsExactly(ids.get(0), ids.get(1));
    assertThat(first.path("count").asInt()).isEqualTo(2);
    long end = first.path("end_time").asLong();
    assertThat(end).isEqualTo(T0.plusSeconds(10).getEpochSecond());
    assertThat(first.path("next_page").asText()).endsWith("/api/v2/help_center/incremental/articles.json?start_time="
        + end);
    JsonNode second = api.get("/api/v2/help_center/incremental/articles.json?start_time=" + end).json();
    assertThat(ids(second.path("articles"))).containsExactly(ids.get(1), ids.get(2));
    JsonNode article = second.path("articles").get(1);
    assertThat(article.path("locale").asText()).isEqualTo("en-us");
    assertThat(article.path("user_segment_id").isNull()).isTrue();
    assertThat(article.path("label_names").get(0).asText()).isEqualTo("faq");
    assertThat(article.path("section_id").asLong()).isEqualTo(section);

    hc.archive(ids.get(2));
    JsonNode after = api.get("/api/v2/help_center/incremental/articles.json?start_time=" + end).json();
    assertThat(ids(after.path("articles"))).containsExactly(ids.get(1));
    assertThat(after.path("next_page").isNull()).isTrue();
    assertThat(api.get("/api/v2/help_center/articles/" + ids.get(2) + "/translations.json").status())
        .isEqualTo(404);
  }

  @Test
  void theExportNeedsAStartTimeInThePast() {
    var missing = api.get("/api/v2/help_center/incremental/articles.json");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.json().path("error").asText()).isEqualTo("InvalidRequest");
    assertThat(api.get("/api/v2/help_center/incremental/articles.json?start_time=" + (T0.getEpochSecond() + 3600))
        .status()).isEqualTo(400);
    assertThat(api.as(null).get("/api/v2/help_center/incremental/articles.json?start_time=0").status())
        .isEqualTo(401);
  }

  @Test
  void theListHasOffsetPagesAndTranslationsTheirDraftFlags() {
    var ids = new ArrayList<Long>();
    for (int i = 0; i < 5; i++) {
      ids.add(hc.publishArticle(section, "en-us", "Q" + i, "<p>A" + i + "</p>", List.of()));
    }
    hc.translate(ids.get(0), "cs", "Otázka", "<p>Odpověď</p>", true);
    hc.restrictTo(ids.get(1), 42L);
    JsonNode page1 = api.get("/api/v2/help_center/articles.json?per_page=2").json();
    assertThat(ids(page1.path("articles"))).containsExactly(ids.get(0), ids.get(1));
    assertThat(page1.path("count").asInt()).isEqualTo(5);
    assertThat(page1.path("page_count").asInt()).isEqualTo(3);
    assertThat(page1.path("next_page").asText()).endsWith("per_page=2&page=2");
    assertThat(page1.path("articles").get(1).path("user_segment_id").asLong()).isEqualTo(42L);
    JsonNode page3 = api.get("/api/v2/help_center/articles.json?per_page=2&page=3").json();
    assertThat(ids(page3.path("articles"))).containsExactly(ids.get(4));
    assertThat(page3.path("next_page").isNull()).isTrue();
    assertThat(api.get("/api/v2/help_center/articles.json?per_page=101").status()).isEqualTo(400);

    JsonNode translations = api.get("/api/v2/help_center/articles/" + ids.get(0) + "/translations.json").json();
    assertThat(translations.path("translations")).hasSize(2);
    assertThat(translations.path("translations").get(1).path("locale").asText()).isEqualTo("cs");
    assertThat(translations.path("translations").get(1).path("draft").asBoolean()).isTrue();
    assertThat(api.get("/api/v2/help_center/sections.json").json().path("sections").get(0).path("name").asText())
        .isEqualTo("Shipping");
    assertThat(api.get("/api/v2/help_center/en-us/articles.json").status()).as("not faked: loud").isEqualTo(404);
    assertThat(fake.unmatchedRequests()).hasSize(1);
  }
}
