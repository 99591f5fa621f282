package io.deskbridge.mock.salesforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SOQL subset's parser: what it understands, and that it refuses the rest with MALFORMED_QUERY. */
class SoqlTest {
  @Test
  void theLoadQueryParsesIntoFieldsRelationshipPathsAndOrderedSubqueries() {
    Soql.Query q = Soql.parse(SalesforceFakePartnerApiIT.LOAD + "5005g00000AbCdEAAV'");

    assertThat(q.object()).isEqualTo("Case");
    assertThat(q.items()).hasSize(17);
    Soql.SubQuery comments = (Soql.SubQuery) q.items().get(15);
    assertThat(comments.query().object()).isEqualTo("CaseComments");
    assertThat(comments.query().items()).contains(new Soql.FieldItem(List.of("CreatedBy", "UserType")));
    assertThat(comments.query().order()).isEqualTo(new Soql.Order(List.of("CreatedDate"), false));
    assertThat(q.where()).containsExactly(
        new Soql.Condition(List.of("Id"), Soql.Op.EQ, List.of("5005g00000AbCdEAAV")));
  }

  @Test
  void conditionsTakeStringsBooleansNullAndInListsJoinedByAnd() {
    Soql.Query q = Soql.parse("select Id from Group where Type = 'Queue' and IsActive = TRUE and Name != null "
        + "AND DeveloperName IN ('Tier1', 'it\\'s') order by Name desc limit 5");

    assertThat(q.where()).extracting(Soql.Condition::op).containsExactly(Soql.Op.EQ, Soql.Op.EQ, Soql.Op.NE,
        Soql.Op.IN);
    assertThat(q.where().get(1).values()).containsExactly(true);
    assertThat(q.where().get(2).values()).containsExactly((Object) null);
    assertThat(q.where().get(3).values()).containsExactly("Tier1", "it's");
    assertThat(q.order().descending()).isTrue();
    assertThat(q.limit()).isEqualTo(5);
  }

  @Test
  void aDatetimeFieldComparesWithGreaterOrEqualToADatetimeLiteral() {
    Soql.Query q = Soql.parse("SELECT Id FROM Case WHERE IsClosed = true AND LastModifiedDate >= "
        + "2026-11-01T08:00:00Z ORDER BY LastModifiedDate");

    assertThat(q.where().get(1)).isEqualTo(new Soql.Condition(List.of("LastModifiedDate"), Soql.Op.GE,
        List.of(java.time.Instant.parse("2026-11-01T08:00:00Z"))));
    assertThatThrownBy(() -> Soql.parse("SELECT Id FROM Case WHERE LastModifiedDate >= '2026-11-01'"))
        .isInstanceOfSatisfying(Soql.SoqlException.class, e -> assertThat(e.code).isEqualTo("MALFORMED_QUERY"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "SELECT FROM Case", "SELECT Id FROM Case WHERE Subject LIKE 'a%'",
      "SELECT Id FROM Case WHERE Status = 'New' OR Status = 'Closed'", "SELECT COUNT() FROM Case",
      "SELECT Id FROM Case GROUP BY Status", "SELECT Id FROM Case WHERE Id = :id", "SELECT Id FROM Case LIMIT x",
      "SELECT Id, FROM Case", "SELECT Id FROM Case WHERE Subject = 'open", "SELECT Id FROM Case ORDER BY"})
  void anythingElseIsMalformed(String soql) {
    assertThatThrownBy(() -> Soql.parse(soql)).isInstanceOfSatisfying(Soql.SoqlException.class,
        e -> assertThat(e.code).isEqualTo("MALFORMED_QUERY"));
  }
}
