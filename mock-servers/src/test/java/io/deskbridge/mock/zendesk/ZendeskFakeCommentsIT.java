package io.deskbridge.mock.zendesk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Offset and cursor paging over 150 comments (Zendesk caps pages at 100). */
class ZendeskFakeCommentsIT {
  @RegisterExtension
  static final ZendeskFakeExtension ZENDESK = new ZendeskFakeExtension();

  private ZendeskFake fake;
  private Api api;
  private long ticket;
  private List<Long> ids;

  @BeforeEach
  void seedTicket() {
    fake = ZENDESK.fake();
    api = Api.bot(fake);
    ticket = fake.customerCreatesTicket("ann@example.com", "Ann", "Long thread", "comment 0");
    for (int i = 1; i < 150; i++) {
      if (i % 2 == 0) {
        fake.customerComments(ticket, "comment " + i);
      } else {
        fake.agentComments(ticket, fake.humanAgentId(), "comment " + i, i % 3 != 0);
      }
    }
    ids = fake.comments(ticket).stream().map(CommentView::id).toList();
    assertThat(ids).hasSize(150).isSorted();
  }

  @Test
  void offsetPagingFollowsNextPageLikeTheJavaClient() {
    List<Long> seen = new ArrayList<>();
    String next = "/api/v2/tickets/" + ticket + "/comments.json?sort_order=asc";
    int pages = 0;
    JsonNode page = null;
    while (next != null) {
      page = api.get(next).json();
      page.path("comments").forEach(c -> seen.add(c.path("id").asLong()));
      assertThat(page.path("count").asInt()).isEqualTo(150);
      next = page.path("next_page").isNull() ? null : page.path("next_page").asText();
      pages++;
    }
    assertThat(pages).isEqualTo(2);
    assertThat(page.path("previous_page").asText()).startsWith(fake.baseUrl()).contains("page=1");
    assertThat(seen).isEqualTo(ids);

    JsonNode small = api.get("/api/v2/tickets/" + ticket + "/comments?per_page=40&page=4").json();
    assertThat(small.path("comments")).hasSize(30);
    assertThat(small.path("next_page").isNull()).isTrue();
    JsonNode clamped = api.get("/api/v2/tickets/" + ticket + "/comments?per_page=500").json();
    assertThat(clamped.path("comments")).hasSize(100);
    JsonNode desc = api.get("/api/v2/tickets/" + ticket + "/comments?sort_order=desc").json();
    assertThat(desc.path("comments").get(0).path("id").asLong()).isEqualTo(ids.get(149));
    assertThat(desc.path("comments").get(0).path("via").path("channel").asText()).isEqualTo("web");
  }

  @Test
  void cursorPagingFollowsLinksNext() {
    JsonNode first = api.get("/api/v2/tickets/" + ticket + "/comments?page[size]=100").json();
    assertThat(first.path("comments")).hasSize(100);
    assertThat(first.path("meta").path("has_more").asBoolean()).isTrue();
    assertThat(first.path("meta").path("after_cursor").asText()).isNotBlank();
    assertThat(first.has("next_page")).isFalse();
    String next = first.path("links").path("next").asText();
    assertThat(next).startsWith(fake.baseUrl());

    JsonNode second = api.get(next).json();
    assertThat(second.path("comments")).hasSize(50);
    assertThat(second.path("meta").path("has_more").asBoolean()).isFalse();
    assertThat(second.path("links").path("next").isNull()).isTrue();
    List<Long> seen = new ArrayList<>();
    first.path("comments").forEach(c -> seen.add(c.path("id").asLong()));
    second.path("comments").forEach(c -> seen.add(c.path("id").asLong()));
    assertThat(seen).isEqualTo(ids);

    JsonNode back = api.get(second.path("links").path("prev").asText()).json();
    assertThat(back.path("comments").get(0).path("id").asLong()).isEqualTo(ids.get(0));
    JsonNode encoded = api.get("/api/v2/tickets/" + ticket
        + "/comments.json?page%5Bsize%5D=10&sort=-created_at").json();
    assertThat(encoded.path("comments").get(0).path("id").asLong()).isEqualTo(ids.get(149));
    assertThat(api.get("/api/v2/tickets/" + ticket + "/comments?page[size]=101").status())
        .isEqualTo(400);
  }
}
