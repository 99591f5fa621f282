package io.deskbridge.core.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The right to poll one installation's vendor, held by one poller until {@code until}, with the cursor the last
 * poll saved. Like a conversation's {@link Lease}, every cursor saved under it is fenced by its token: once another
 * poller has taken it over (after it expired), saving with the old token fails with {@link LeaseLostException}.
 *
 * @param installation the installation polled
 * @param owner        who holds it, e.g. {@code 1234@host/poll-zd-1a2b}
 * @param token        increases with every take of the installation's poll lease
 * @param until        when it expires unless renewed
 * @param cursor       where the next poll starts, as the last poll under any lease saved it; empty before the first
 */
public record PollLease(String installation, String owner, long token, Instant until, Optional<String> cursor) {
  public PollLease {
    Objects.requireNonNull(installation, "installation");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(cursor, "cursor");
  }

  /** The same lease with another expiry. */
  PollLease until(Instant newUntil) {
    return new PollLease(installation, owner, token, newUntil, cursor);
  }

  /** The same lease after saving {@code newCursor}. */
  PollLease withCursor(String newCursor) {
    return new PollLease(installation, owner, token, until, Optional.of(newCursor));
  }
}
