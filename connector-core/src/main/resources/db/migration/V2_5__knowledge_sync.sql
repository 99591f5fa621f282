-- Knowledge synced from the helpdesk's own knowledge base (issue #16, item 3). kb_article holds only what may answer
-- customers: the published, public articles of an installation's help center, one row per article and language,
-- the body already turned from HTML into text. An archived, deleted, unpublished or internal-only article has no row
-- (the sync deletes it). content_hash is the SHA-256 (hex) of what the bot reads, so an unchanged article costs
-- nothing. kb_sync: per installation, where the next incremental sync starts (the source's opaque cursor, NULL before
-- the first sync), the scope it was synced with (labels, sections, body fields: a change starts over) and a revision
-- that grows with every sync that changed something (a serving process rebuilds its bot when the sum changes).
CREATE TABLE kb_article (
  installation VARCHAR(255)  NOT NULL,
  source_id    VARCHAR(255)  NOT NULL,
  locale       VARCHAR(8)    NOT NULL,
  title        VARCHAR(2000) NOT NULL,
  body         TEXT          NOT NULL,
  url          VARCHAR(2000) NOT NULL,
  labels       TEXT          NOT NULL,
  content_hash VARCHAR(64)   NOT NULL,
  synced_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT kb_article_pk PRIMARY KEY (installation, source_id, locale)
);

CREATE TABLE kb_sync (
  installation VARCHAR(255)  NOT NULL,
  cursor_value VARCHAR(512),
  scope        TEXT,
  revision     BIGINT        NOT NULL DEFAULT 0,
  synced_at    TIMESTAMP WITH TIME ZONE,
  CONSTRAINT kb_sync_pk PRIMARY KEY (installation)
);
