package io.deskbridge.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link DashboardRows#aggregates} reads each conversation of a period once, also across pages of equal times. */
class H2DashboardRowsTest {
  private static final TestDatabases.Source DATABASES = TestDatabases.h2("dashboardrows");
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");
  private StoreConfig database;
  private JdbcStore store;

  @BeforeEach
  void open() {
    database = DATABASES.create();
    store = JdbcStore.open(database);
  }

  @AfterEach
  void close() {
    store.close();
    DATABASES.drop(database);
  }

  @Test
  void pagesEndingInsideAGroupOfEqualTimesLoseAndRepeatNothing() {
    var expected = new ArrayList<String>();
    // times: one before the period, groups of 1, 4 and 7 equal first records, one at the period's end
    int n = 0;
    for (int[] group : new int[][] {{-1, 1}, {0, 1}, {5, 4}, {9, 7}, {10, 2}, {20, 1}}) {
      for (int i = 0; i < group[1]; i++) {
        String id = "c" + n++;
        Instant at = T0.plusSeconds(group[0]);
        append(id, at);
        if (group[0] >= 0 && group[0] < 20) {
          expected.add(id);
        }
      }
    }
    for (int pageSize : List.of(1, 2, 3, 4, 5, 100)) {
      var read = new ArrayList<String>();
      store.dashboard().aggregates(T0, T0.plusSeconds(20), r -> read.add(r.conversationId()), pageSize);
      assertThat(read).as("page size %d", pageSize).containsExactlyInAnyOrderElementsOf(expected);
    }
  }

  private void append(String conversation, Instant at) {
    store.append(new AuditRecord(at, "web", conversation, conversation + "-e", "auto", "reply", List.of("confident"),
        0.9, "a", Map.of(), "hello", List.of(), "applied", 1, Map.of("language", "en")));
  }
}
