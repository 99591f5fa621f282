package io.deskbridge.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A connection of the store keeps the statements H2 parsed for it from one transaction to the next, durable ones
 * included: the store's work is some 30 statements, and parsing them again each time was a large share of its CPU
 * and garbage (docs/benchmarks.md, issue #14).
 */
class H2StatementCacheTest {
  private static final String SQL = "SELECT COUNT(*) FROM conversation WHERE due_at IS NOT NULL";

  /** H2's prepared command behind a statement prepared on the connection, as H2 cached or parsed it. */
  private static Object command(Connection c) throws SQLException {
    try (var ps = c.prepareStatement(SQL)) {
      var h2 = ps.unwrap(org.h2.jdbc.JdbcPreparedStatement.class);
      var field = org.h2.jdbc.JdbcPreparedStatement.class.getDeclaredField("command");
      field.setAccessible(true);
      return field.get(h2);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void aStatementIsParsedOncePerConnectionAcrossDurableTransactionsAndManyOtherStatements(@TempDir Path dir) {
    try (var db = Database.open(StoreConfig.h2File(dir).withMaxPoolSize(1))) {
      Object first = db.tx("first", true, H2StatementCacheTest::command);
      db.tx("thirty others", true, c -> {
        for (int i = 0; i < 30; i++) {
          try (var ps = c.prepareStatement("SELECT " + i + " FROM conversation WHERE due_at IS NULL")) {
            ps.executeQuery().close();
          }
        }
        return null;
      });
      Object again = db.tx("again", true, H2StatementCacheTest::command);

      assertThat(again).as("the same parsed command, not a new parse").isSameAs(first);
    }
  }
}
