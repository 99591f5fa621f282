package io.deskbridge.daktela.internal.poll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.deskbridge.core.conversation.AuthorRole;
import io.deskbridge.core.conversation.Owner;
import io.deskbridge.core.spi.EventPoller.Poll;
import io.deskbridge.core.webhook.InboundEvent;
import io.deskbridge.core.webhook.InboundEvent.Kind;
import io.deskbridge.daktela.internal.mapping.DaktelaTime;
import io.deskbridge.daktela.internal.webhook.DaktelaEvents;
import io.deskbridge.daktela.internal.webhook.DaktelaTrigger;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The poller over a fake {@link DaktelaChanges} holding records shaped as the v6 API returns them. */
class DaktelaPollerTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BOT = "deskbridge";
  private final DaktelaTime time = new DaktelaTime(ZoneId.of("Europe/Prague"));
  private final FakeChanges changes = new FakeChanges();
  private final DaktelaPoller poller = new DaktelaPoller(changes, time, Duration.ofSeconds(5), Duration.ofSeconds(2),
      () -> BOT);

  /** Tickets and activities in memory, filtered and sorted as the client reads them; records each read. */
  static final class FakeChanges implements DaktelaChanges {
    final List<ObjectNode> tickets = new ArrayList<>();
    final List<ObjectNode> activities = new ArrayList<>();
    final List<String> reads = new ArrayList<>();
    String serverTime = "2026-12-04 14:00:00";

    @Override
    public List<JsonNode> ticketsEditedSince(String from) {
      reads.add("tickets edited >= " + from);
      return since(tickets, "edited", from);
    }

    @Override
    public List<JsonNode> activitiesSince(String from) {
      reads.add("activities time >= " + from);
      return since(activities, "time", from);
    }

    @Override
    public String serverTime() {
      reads.add("time");
      return serverTime;
    }

    /** The format sorts as text, as the instance's filter compares it. */
    private static List<JsonNode> since(List<ObjectNode> records, String field, String from) {
      Function<ObjectNode, String> at = r -> r.get(field).asText();
      return records.stream().filter(r -> at.apply(r).compareTo(from) >= 0).sorted(Comparator.comparing(at))
          .map(JsonNode.class::cast).toList();
    }

    ObjectNode ticket(int name, String user, String stage, String created, String edited) {
      var t = JSON.createObjectNode();
      t.put("name", name);
      t.put("title", "Printer on fire");
      t.putObject("category").put("name", "categories_support").put("title", "Support");
      if (user == null) {
        t.putNull("user");
      } else {
        t.putObject("user").put("name", user).put("title", user + " title");
      }
      t.put("email", "carla@example.com");
      t.put("stage", stage);
      t.put("priority", "MEDIUM");
      t.putArray("statuses");
      t.put("created", created);
      t.put("edited", edited);
      t.putArray("customFields");
      t.putObject("_sys").put("model", "tickets");
      tickets.removeIf(old -> old.get("name").asInt() == name);
      tickets.add(t);
      return t;
    }

    ObjectNode activity(String name, int ticket, String type, String user, String at) {
      var a = JSON.createObjectNode();
      a.put("name", name);
      a.putObject("ticket").put("name", ticket).put("title", "Printer on fire");
      a.put("type", type);
      a.put("title", "Re: Printer on fire");
      if (user == null) {
        a.putNull("user");
      } else {
        a.putObject("user").put("name", user).put("title", user + " title");
      }
      a.put("time", at);
      a.putObject("_sys").put("model", "activities");
      activities.add(a);
      return a;
    }
  }

  private static List<String> ids(Poll poll) {
    return poll.events().stream().map(InboundEvent::id).toList();
  }

  private Poll poll(String cursor) {
    return poller.poll(Optional.of(cursor));
  }

  @Test
  void theFirstPollReturnsTheInstancesTimeAndNoEvents() {
    changes.ticket(1, null, "OPEN", "2026-12-04 13:00:00", "2026-12-04 13:00:00");
    var first = poller.poll(Optional.empty());
    assertThat(first.events()).as("what happened before the installation polled is not the bot's").isEmpty();
    assertThat(first.cursor()).isEqualTo("2026-12-04 14:00:00");
    assertThat(changes.reads).containsExactly("time");
  }

  @Test
  void readsFromTheCursorMinusTheOverlap() {
    poll("2026-12-04 14:00:00");
    assertThat(changes.reads).containsExactly("tickets edited >= 2026-12-04 13:59:58",
        "activities time >= 2026-12-04 13:59:58");
  }

  @Test
  void aNewTicketWithTheCustomersEmailIsCreatedThenAMessage() {
    changes.ticket(9672, null, "OPEN", "2026-12-04 14:00:05", "2026-12-04 14:00:05");
    changes.activity("activities_a1", 9672, "EMAIL", null, "2026-12-04 14:00:05");
    var poll = poll("2026-12-04 14:00:00");
    assertThat(ids(poll)).as("an open ticket nobody holds is no update event")
        .containsExactly("ticket:9672:created", "activity:activities_a1");
    assertThat(poll.events()).extracting(InboundEvent::kind).containsExactly(Kind.CONVERSATION_CREATED,
        Kind.MESSAGE_ADDED);
    assertThat(poll.events()).allSatisfy(e -> {
      assertThat(e.conversationId()).isEqualTo("9672");
      assertThat(e.occurredAt()).isEqualTo(time.parse("2026-12-04 14:00:05"));
    });
    assertThat(poll.events().get(1).message()).as("the customer's: a stub the engine has handled after the creation")
        .hasValueSatisfying(m -> {
          assertThat(m.id()).isEqualTo("activities_a1");
          assertThat(m.role()).isEqualTo(io.deskbridge.core.conversation.AuthorRole.CUSTOMER);
          assertThat(m.text()).isEmpty();
        });
    assertThat(poll.cursor()).isEqualTo("2026-12-04 14:00:05");
  }

  @Test
  void eachTicketStateAndActivityBecomesItsKind() {
    changes.ticket(1, BOT, "OPEN", "2026-12-04 10:00:00", "2026-12-04 14:00:01");
    changes.ticket(2, "alice", "WAIT", "2026-12-04 10:00:00", "2026-12-04 14:00:02");
    changes.ticket(3, "alice", "CLOSE", "2026-12-04 10:00:00", "2026-12-04 14:00:03");
    changes.activity("activities_b0", 2, "COMMENT", BOT, "2026-12-04 14:00:04");
    changes.activity("activities_b1", 2, "EMAIL", "alice", "2026-12-04 14:00:04");
    var poll = poll("2026-12-04 14:00:00");
    assertThat(ids(poll)).containsExactly("ticket:1@2026-12-04 14:00:01/released_to_bot",
        "ticket:2@2026-12-04 14:00:02/updated", "ticket:3@2026-12-04 14:00:03/solved", "activity:activities_b0",
        "activity:activities_b1");
    assertThat(poll.events()).extracting(InboundEvent::kind).containsExactly(Kind.RELEASED_TO_BOT, Kind.UPDATED,
        Kind.SOLVED, Kind.MESSAGE_ADDED, Kind.MESSAGE_ADDED);
    assertThat(poll.events().get(0).snapshot().orElseThrow().owner()).isEqualTo(Owner.BOT);
    assertThat(poll.events().get(3).message()).as("the bot's own comment coming back").hasValueSatisfying(m -> {
      assertThat(m.id()).isEqualTo("activities_b0");
      assertThat(m.role()).isEqualTo(AuthorRole.BOT);
      assertThat(m.authorId()).isEqualTo(BOT);
    });
    assertThat(poll.events().get(4).message()).isEmpty();
    assertThat(poll.events().get(4).actorId()).isEqualTo("alice");
    assertThat(poll.events()).as("no ticket was created since the poll's start")
        .noneMatch(e -> e.kind() == Kind.CONVERSATION_CREATED);
  }

  @Test
  void withinOneSecondCreationsComeFirstThenActivitiesThenUpdates() {
    changes.activity("activities_c2", 7, "EMAIL", null, "2026-12-04 14:00:03");
    changes.ticket(7, "alice", "OPEN", "2026-12-04 14:00:03", "2026-12-04 14:00:03");
    changes.ticket(12, null, "OPEN", "2026-12-04 14:00:01", "2026-12-04 14:00:02");
    changes.activity("activities_c1", 12, "EMAIL", null, "2026-12-04 14:00:01");
    assertThat(ids(poll("2026-12-04 14:00:00"))).containsExactly("ticket:12:created", "activity:activities_c1",
        "ticket:7:created", "activity:activities_c2", "ticket:7@2026-12-04 14:00:03/updated");
  }

  @Test
  void theOverlapReadsTheSameChangesAgainWithTheSameIds() {
    changes.ticket(1, "alice", "OPEN", "2026-12-04 14:00:04", "2026-12-04 14:00:04");
    changes.activity("activities_d1", 1, "EMAIL", null, "2026-12-04 14:00:04");
    var first = poll("2026-12-04 14:00:00");
    var again = poll(first.cursor());
    assertThat(ids(again)).as("read again inside the overlap: core's inbox keeps each once")
        .containsExactlyElementsOf(ids(first)).hasSize(3);
    assertThat(again.cursor()).isEqualTo(first.cursor());
  }

  @Test
  void theCursorNeverGoesBack() {
    changes.ticket(1, "alice", "OPEN", "2026-12-04 13:59:00", "2026-12-04 13:59:59");
    var poll = poll("2026-12-04 14:00:00");
    assertThat(ids(poll)).as("inside the overlap").containsExactly("ticket:1@2026-12-04 13:59:59/updated");
    assertThat(poll.cursor()).isEqualTo("2026-12-04 14:00:00");
    assertThat(poll("2026-12-04 14:00:00").cursor()).as("nothing read").isEqualTo("2026-12-04 14:00:00");
  }

  @Test
  void aChangeWrittenInTheSecondAPollReadIsReadByTheNext() {
    changes.ticket(1, "alice", "OPEN", "2026-12-04 13:00:00", "2026-12-04 14:00:07");
    var first = poll("2026-12-04 14:00:00");
    assertThat(first.cursor()).isEqualTo("2026-12-04 14:00:07");
    // written after the first poll, in the same second as the newest change it read, then one a second later
    changes.activity("activities_e1", 1, "EMAIL", null, "2026-12-04 14:00:07");
    changes.ticket(2, "bob", "OPEN", "2026-12-04 14:00:08", "2026-12-04 14:00:08");
    var second = poll(first.cursor());
    assertThat(ids(second)).containsExactly("activity:activities_e1", "ticket:1@2026-12-04 14:00:07/updated",
        "ticket:2:created", "ticket:2@2026-12-04 14:00:08/updated");
    assertThat(second.cursor()).isEqualTo("2026-12-04 14:00:08");
  }

  @Test
  void aTicketEditedAgainInTheSameSecondIsReadWithItsNewState() {
    changes.ticket(1, "alice", "OPEN", "2026-12-04 13:00:00", "2026-12-04 14:00:07");
    var first = poll("2026-12-04 14:00:00");
    changes.ticket(1, BOT, "OPEN", "2026-12-04 13:00:00", "2026-12-04 14:00:07");
    var second = poll(first.cursor());
    assertThat(ids(first)).containsExactly("ticket:1@2026-12-04 14:00:07/updated");
    assertThat(ids(second)).as("released in the same second: another id")
        .containsExactly("ticket:1@2026-12-04 14:00:07/released_to_bot");
  }

  @Test
  void aChangeSeenByAWebhookAndByAPollHasOneId() {
    changes.ticket(9672, BOT, "OPEN", "2026-12-04 14:00:01", "2026-12-04 14:00:02");
    changes.activity("activities_g1", 9672, "EMAIL", "alice", "2026-12-04 14:00:03");
    var polled = ids(poll("2026-12-04 14:00:00"));
    var webhooks = new ArrayList<String>();
    for (String body : List.of("{\"event\":\"ticket_create\",\"ticket\":\"TK00009672\"}",
        "{\"event\":\"ticket_update\",\"ticket\":\"9672\",\"user\":\"deskbridge\",\"stage\":\"OPEN\","
            + "\"edited\":\"2026-12-04 14:00:02\"}",
        "{\"event\":\"activity_create\",\"ticket\":\"9672\",\"activity\":\"activities_g1\",\"user\":\"alice\"}")) {
      var trigger = DaktelaTrigger.parse("application/json", body.getBytes(StandardCharsets.UTF_8));
      DaktelaEvents.toEvents(trigger, BOT, Instant.EPOCH).forEach(e -> webhooks.add(e.id()));
    }
    assertThat(polled).containsExactlyElementsOf(webhooks).hasSize(3);
  }

  @Test
  void recordsThatCannotBeReadAreSkippedWithoutStoppingThePoll() {
    changes.ticket(1, "alice", "OPEN", "2026-12-04 13:00:00", "2026-12-04 14:00:01");
    changes.ticket(2, "alice", "OPEN", "2026-12-04 13:00:00", "2026-12-04 14:00:02").put("name", "not-a-number");
    changes.activity("activities_f1", 1, "CALL", "alice", "2026-12-04 14:00:03").putNull("ticket");
    changes.activity("activities_f2", 1, "EMAIL", null, "2026-12-04 14:00:04").put("name", "bad\nname");
    var poll = poll("2026-12-04 14:00:00");
    assertThat(ids(poll)).containsExactly("ticket:1@2026-12-04 14:00:01/updated");
    assertThat(poll.cursor()).as("they were read all the same").isEqualTo("2026-12-04 14:00:04");
  }

  @Test
  void aCursorThatIsNotADaktelaTimestampFailsNamingIt() {
    assertThatThrownBy(() -> poll("yesterday")).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stored poll cursor");
    changes.serverTime = "";
    assertThatThrownBy(() -> poller.poll(Optional.empty())).hasMessageContaining("instance's time");
  }

  @Test
  void settingsOutOfRangeAreRefusedNamingTheSetting() {
    assertThatThrownBy(() -> new DaktelaPoller(changes, time, Duration.ZERO, Duration.ZERO, () -> BOT))
        .hasMessageContaining("pollInterval");
    assertThatThrownBy(() -> new DaktelaPoller(changes, time, Duration.ofSeconds(1), Duration.ofSeconds(-1),
        () -> BOT)).hasMessageContaining("pollOverlap");
    assertThat(poller.interval()).isEqualTo(Duration.ofSeconds(5));
  }
}
