package io.deskbridge.core.store;

import static io.deskbridge.core.store.ConversationRows.requireText;
import static io.deskbridge.core.store.ConversationRows.ts;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link PollCursors} on the {@code poll_cursor} table: one row per polled installation (purpose {@value #PURPOSE})
 * with its cursor and its lease. A take is a conditional update of the row (a compare-and-set, as a conversation's
 * claim: of any number of takers exactly one changes it) that raises the token; renewals, saves and releases match
 * owner and token, so a poller whose lease was taken over changes nothing.
 */
final class JdbcPollCursors {
  static final String PURPOSE = "poll";

  private static final String INSERT = "INSERT INTO poll_cursor (installation, purpose, lease_token) "
      + "VALUES (?, ?, 0) ON CONFLICT DO NOTHING";
  private static final String TAKE = "UPDATE poll_cursor "
      + "SET lease_owner = ?, lease_token = lease_token + 1, lease_until = ? "
      + "WHERE installation = ? AND purpose = ? AND (lease_until IS NULL OR lease_until < ?)";
  private static final String READ =
      "SELECT lease_token, cursor_value FROM poll_cursor WHERE installation = ? AND purpose = ?";
  private static final String RENEW = "UPDATE poll_cursor SET lease_until = ? "
      + "WHERE installation = ? AND purpose = ? AND lease_owner = ? AND lease_token = ?";
  private static final String SAVE = "UPDATE poll_cursor SET cursor_value = ?, saved_at = ? "
      + "WHERE installation = ? AND purpose = ? AND lease_owner = ? AND lease_token = ?";
  private static final String RELEASE = "UPDATE poll_cursor SET lease_owner = NULL, lease_until = NULL "
      + "WHERE installation = ? AND purpose = ? AND lease_owner = ? AND lease_token = ?";
  private static final String CURSOR =
      "SELECT cursor_value FROM poll_cursor WHERE installation = ? AND purpose = ?";

  private final Database db;

  JdbcPollCursors(Database db) {
    this.db = db;
  }

  Optional<PollLease> claim(String installationId, String owner, Instant now, Duration leaseFor) {
    requireText(installationId, "installationId");
    requireText(owner, "owner");
    Objects.requireNonNull(now, "now");
    requirePositive(leaseFor);
    OffsetDateTime at = ts(now);
    OffsetDateTime until = ts(now.plus(leaseFor));
    return db.tx("claimPoll", c -> {
      try (var insert = c.prepareStatement(INSERT); var take = c.prepareStatement(TAKE);
          var read = c.prepareStatement(READ)) {
        insert.setString(1, installationId);
        insert.setString(2, PURPOSE);
        insert.executeUpdate();
        take.setString(1, owner);
        take.setObject(2, until);
        take.setString(3, installationId);
        take.setString(4, PURPOSE);
        take.setObject(5, at);
        if (take.executeUpdate() != 1) {
          return Optional.<PollLease>empty();
        }
        read.setString(1, installationId);
        read.setString(2, PURPOSE);
        try (var rs = read.executeQuery()) {
          rs.next();
          return Optional.of(new PollLease(installationId, owner, rs.getLong(1), until.toInstant(),
              Optional.ofNullable(rs.getString(2))));
        }
      }
    });
  }

  PollLease renew(PollLease lease, Instant now, Duration leaseFor) {
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(now, "now");
    requirePositive(leaseFor);
    OffsetDateTime until = ts(now.plus(leaseFor));
    return db.tx("renewPoll", c -> {
      try (var renew = c.prepareStatement(RENEW)) {
        renew.setObject(1, until);
        bind(renew, 2, lease);
        if (renew.executeUpdate() != 1) {
          throw new LeaseLostException(lease);
        }
      }
      return lease.until(until.toInstant());
    });
  }

  PollLease save(PollLease lease, String cursor, Instant now) {
    Objects.requireNonNull(lease, "lease");
    Objects.requireNonNull(cursor, "cursor");
    Objects.requireNonNull(now, "now");
    if (cursor.length() > 512) {
      throw new IllegalArgumentException("cursor longer than 512 characters");
    }
    return db.tx("savePollCursor", c -> {
      try (var save = c.prepareStatement(SAVE)) {
        save.setString(1, cursor);
        save.setObject(2, ts(now));
        bind(save, 3, lease);
        if (save.executeUpdate() != 1) {
          throw new LeaseLostException(lease);
        }
      }
      return lease.withCursor(cursor);
    });
  }

  void release(PollLease lease) {
    Objects.requireNonNull(lease, "lease");
    db.tx("releasePoll", c -> {
      try (var release = c.prepareStatement(RELEASE)) {
        bind(release, 1, lease);
        release.executeUpdate();
      }
      return null;
    });
  }

  Optional<String> cursor(String installationId) {
    requireText(installationId, "installationId");
    return db.tx("pollCursor", c -> {
      try (var select = c.prepareStatement(CURSOR)) {
        select.setString(1, installationId);
        select.setString(2, PURPOSE);
        try (var rs = select.executeQuery()) {
          return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.<String>empty();
        }
      }
    });
  }

  private static void bind(PreparedStatement ps, int first, PollLease lease) throws SQLException {
    ps.setString(first, lease.installation());
    ps.setString(first + 1, PURPOSE);
    ps.setString(first + 2, lease.owner());
    ps.setLong(first + 3, lease.token());
  }

  private static void requirePositive(Duration leaseFor) {
    Objects.requireNonNull(leaseFor, "leaseFor");
    if (leaseFor.isNegative() || leaseFor.isZero()) {
      throw new IllegalArgumentException("leaseFor must be positive");
    }
  }
}
