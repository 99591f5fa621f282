-- Fair claims (issue #9, item 19): due_retries is how many failed attempts the conversation's next work (the
-- same write or event due_at comes from) has had. The claim takes work that has not failed yet before work
-- being retried, so a backlog of failing conversations does not hold back fresh ones.
ALTER TABLE conversation ADD COLUMN due_retries INTEGER NOT NULL DEFAULT 0;
CREATE INDEX conversation_fair ON conversation (due_retries, due_at);

-- The store's health probe (issue #9, item 17): one row the probe rewrites, so that /health sees a disk
-- that no longer takes writes.
CREATE TABLE store_probe (
  id         INTEGER NOT NULL,
  checked_at TIMESTAMP WITH TIME ZONE,
  CONSTRAINT store_probe_pk PRIMARY KEY (id)
);
INSERT INTO store_probe (id, checked_at) VALUES (1, NULL);
