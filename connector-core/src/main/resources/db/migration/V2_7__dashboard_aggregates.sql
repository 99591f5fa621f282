-- The admin dashboard's per-conversation aggregates (issue #16, item 4): one row per audited conversation, updated in
-- the transaction that writes the conversation's audit records (io.deskbridge.core.store.DashboardAggregates), so a
-- period's figures read these rows instead of the period's audit records. A conversation counts in the period its
-- first record falls in. tags: JSON object of the dashboard's tags and their counts (answered, reason:CODE,
-- confidence:I, article:ID, gap:KEY, draft:VERDICT, loop:REASON, ...); gaps: JSON object of each gap key's first text.
-- after_answer_at: the first customer record after the last answer (NULL when none). channel: the conversation's
-- channel (upper case) when its last record was folded. tags and gaps are bounded (DashboardAggregates.MAX_KEYS keys
-- per kind, texts cut to 200 characters), so they stay within their VARCHAR on both databases (H2 keeps TEXT as CLOBs,
-- which it reads slowly).
CREATE TABLE dashboard_conversation (
  installation     VARCHAR(255) NOT NULL,
  conversation_id  VARCHAR(512) NOT NULL,
  first_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  last_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  channel          VARCHAR(32),
  language         VARCHAR(16),
  bot_frt_ms       BIGINT,
  last_answer_at   TIMESTAMP WITH TIME ZONE,
  after_answer_at  TIMESTAMP WITH TIME ZONE,
  handover_at      TIMESTAMP WITH TIME ZONE,
  tags             VARCHAR(65536) NOT NULL,
  gaps             VARCHAR(65536) NOT NULL,
  CONSTRAINT dashboard_conversation_pk PRIMARY KEY (installation, conversation_id)
);
-- a period's rows are read in pages along first_at
CREATE INDEX dashboard_conversation_first ON dashboard_conversation (first_at);

-- Whether the aggregates were built from the audit written before this migration: the first start after it does so
-- once (state PENDING, then DONE).
CREATE TABLE dashboard_backfill (
  id    INTEGER     NOT NULL PRIMARY KEY,
  state VARCHAR(16) NOT NULL
);
INSERT INTO dashboard_backfill (id, state) VALUES (1, 'PENDING');
