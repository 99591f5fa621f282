-- Customer satisfaction (CSAT) for the admin dashboard (issue #16, item 4), polled from the helpdesks that provide it
-- (Zendesk's satisfaction ratings). satisfaction_rating: each conversation's latest rating (a later rating of the same
-- conversation replaces the earlier), score GOOD or BAD (a survey offered but not answered is no rating), the
-- customer's comment (NULL when none) and when the customer gave it; the retention purge (privacy.retention) deletes
-- ratings older than its cutoff, comments with them. satisfaction_cursor: per installation, the newest rating time
-- read so far; the next poll starts a little before it.
CREATE TABLE satisfaction_rating (
  installation    VARCHAR(255) NOT NULL,
  conversation_id VARCHAR(512) NOT NULL,
  score           VARCHAR(8)   NOT NULL,
  rating_comment  TEXT,
  rated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  stored_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT satisfaction_rating_pk PRIMARY KEY (installation, conversation_id),
  CONSTRAINT satisfaction_rating_score CHECK (score IN ('GOOD', 'BAD'))
);
-- the dashboard reads a period's ratings; the purge deletes old ones
CREATE INDEX satisfaction_rating_rated ON satisfaction_rating (rated_at);

CREATE TABLE satisfaction_cursor (
  installation VARCHAR(255) NOT NULL,
  rated_until  TIMESTAMP WITH TIME ZONE NOT NULL,
  polled_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT satisfaction_cursor_pk PRIMARY KEY (installation)
);
