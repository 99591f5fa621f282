-- Polling (issue #12, item 2): for an installation whose vendor is polled instead of sending webhooks, where the
-- next poll starts (the poller's opaque cursor, NULL before the first poll) and which process may poll (a lease
-- with a fencing token, as on conversation: lease_token grows with every take, and the cursor is saved only
-- under the lease that holds it). purpose is 'poll'; other kinds of pulled feeds may get their own rows.
CREATE TABLE poll_cursor (
  installation VARCHAR(255) NOT NULL,
  purpose      VARCHAR(64)  NOT NULL,
  cursor_value VARCHAR(512),
  saved_at     TIMESTAMP WITH TIME ZONE,
  lease_owner  VARCHAR(255),
  lease_token  BIGINT       NOT NULL DEFAULT 0,
  lease_until  TIMESTAMP WITH TIME ZONE,
  CONSTRAINT poll_cursor_pk PRIMARY KEY (installation, purpose)
);
