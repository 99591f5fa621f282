package io.deskbridge.mock.daktela;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class QueryTest {
  private static final List<ObjectNode> TICKETS = new ArrayList<>();

  static {
    TICKETS.add(ticket(1001, "Hours", "OPEN", null, "2026-12-04 10:00:00", "statuses_open"));
    TICKETS.add(ticket(1002, "Invoice wrong", "CLOSE", "alice", "2026-12-04 11:00:00"));
    TICKETS.add(ticket(1003, "Login fails", "OPEN", "bob", "2026-12-04 12:30:00", "statuses_done"));
    TICKETS.add(ticket(1004, "Refund 100%", "WAIT", "alice", "2026-12-05 08:00:00"));
  }

  private static ObjectNode ticket(int name, String title, String stage, String user, String edited,
      String... statuses) {
    ObjectNode t = Json.obj().put("name", name).put("title", title).put("stage", stage).put("edited", edited);
    t.putObject("_sys").put("model", "tickets");
    if (user == null) {
      t.putNull("user");
    } else {
      t.putObject("user").put("name", user).put("title", user + " Agent");
    }
    var s = t.putArray("statuses");
    for (String st : statuses) {
      s.addObject().put("name", st);
    }
    return t;
  }

  private static List<Integer> names(String query) {
    return Query.of(Brackets.parse(query)).apply(TICKETS).data().stream().map(t -> t.get("name").asInt()).toList();
  }

  @Test
  void groupedFiltersNestAndTotalCountsAllMatchesNotThePage() {
    String q = "filter[logic]=and&filter[filters][0][field]=stage&filter[filters][0][operator]=neq"
        + "&filter[filters][0][value]=CLOSE&filter[filters][1][logic]=or"
        + "&filter[filters][1][filters][0][field]=user&filter[filters][1][filters][0][operator]=eq"
        + "&filter[filters][1][filters][0][value]=alice"
        + "&filter[filters][1][filters][1][field]=user&filter[filters][1][filters][1][operator]=isnull";
    assertThat(names(q)).containsExactly(1001, 1004);
    Query.Page page = Query.of(Brackets.parse(q + "&take=1&skip=1")).apply(TICKETS);
    assertThat(page.total()).isEqualTo(2);
    assertThat(page.data()).extracting(t -> t.get("name").asInt()).containsExactly(1004);
  }

  @Test
  void shorthandAndFlatListFiltersWork() {
    assertThat(names("filter[field]=stage&filter[operator]=eq&filter[value]=open")).containsExactly(1001, 1003);
    assertThat(names("filter[field]=stage&filter[value]=WAIT")).as("eq by default").containsExactly(1004);
    assertThat(names("filter[0][field]=stage&filter[0][operator]=eq&filter[0][value]=OPEN"
        + "&filter[1][field]=user&filter[1][operator]=isnotnull")).containsExactly(1003);
  }

  @Test
  void comparisonOperatorsAreNumericForNumbersAndTextualForTimes() {
    assertThat(names("filter[field]=name&filter[operator]=gt&filter[value]=1002")).containsExactly(1003, 1004);
    assertThat(names("filter[field]=name&filter[operator]=lte&filter[value]=999")).isEmpty();
    assertThat(names("filter[field]=edited&filter[operator]=gte&filter[value]=2026-12-04 11:00:00"))
        .containsExactly(1002, 1003, 1004);
    assertThat(names("filter[field]=edited&filter[operator]=lt&filter[value]=2026-12-05")).containsExactly(1001,
        1002, 1003);
    assertThat(names("filter[field]=name&filter[operator]=in&filter[value][0]=1001&filter[value][1]=1004"))
        .containsExactly(1001, 1004);
    assertThat(names("filter[field]=name&filter[operator]=notin&filter[value]=1001,1004"))
        .containsExactly(1002, 1003);
  }

  @Test
  void textOperatorsIgnoreCaseAndLikeTakesSqlWildcards() {
    assertThat(names("filter[field]=title&filter[operator]=contains&filter[value]=IN")).containsExactly(1002, 1003);
    assertThat(names("filter[field]=title&filter[operator]=like&filter[value]=%25fail_")).containsExactly(1003);
    assertThat(names("filter[field]=title&filter[operator]=like&filter[value]=refund 100%25"))
        .containsExactly(1004);
    assertThat(names("filter[field]=title&filter[operator]=startswith&filter[value]=inv")).containsExactly(1002);
    assertThat(names("filter[field]=title&filter[operator]=doesnotcontain&filter[value]=in"))
        .containsExactly(1001, 1004);
    assertThat(names("q=ALICE")).as("full text reaches expanded references").containsExactly(1002, 1004);
    assertThat(names("q=tickets")).as("not the record's metadata").isEmpty();
  }

  @Test
  void referencesCompareByNameAndListsMatchAnyItem() {
    assertThat(names("filter[field]=user.name&filter[value]=bob")).containsExactly(1003);
    assertThat(names("filter[field]=statuses&filter[value]=statuses_done")).containsExactly(1003);
    assertThat(names("filter[field]=statuses&filter[operator]=isnull")).containsExactly(1002, 1004);
  }

  @Test
  void sortsByFieldsInOrderAndProjectsFields() {
    assertThat(names("sort[0][field]=user&sort[0][dir]=desc&sort[1][field]=name&sort[1][dir]=desc"))
        .containsExactly(1003, 1004, 1002, 1001);
    assertThat(names("sort[0][field]=edited")).containsExactly(1001, 1002, 1003, 1004);
    ObjectNode first = Query.of(Brackets.parse("fields[0]=name&fields[1]=stage")).apply(TICKETS).data().get(0);
    assertThat(first.fieldNames()).toIterable().containsExactly("name", "stage", "_sys");
  }

  @Test
  void takeDefaultsTo100AndRejectsMoreThan1000() {
    assertThat(Query.of(Brackets.parse("")).take()).isEqualTo(100);
    assertThat(Query.of(Brackets.parse("take=1000")).take()).isEqualTo(1000);
    assertThatThrownBy(() -> Query.of(Brackets.parse("take=1001"))).isInstanceOf(Query.Invalid.class)
        .hasMessage("Max defined take is 1000");
    assertThatThrownBy(() -> Query.of(Brackets.parse("skip=-1"))).isInstanceOf(Query.Invalid.class);
  }

  @Test
  void badFiltersAreRejected() {
    assertThatThrownBy(() -> Query.of(Brackets.parse("filter[field]=stage&filter[operator]=near")))
        .isInstanceOf(Query.Invalid.class).hasMessageContaining("near");
    assertThatThrownBy(() -> names("filter[field]=colour&filter[value]=red")).isInstanceOf(Query.Invalid.class)
        .hasMessageContaining("colour");
    assertThatThrownBy(() -> Query.of(Brackets.parse("filter[logic]=xor"))).isInstanceOf(Query.Invalid.class);
    assertThatThrownBy(() -> Query.of(Brackets.parse("sort[0][dir]=up"))).isInstanceOf(Query.Invalid.class);
  }
}
