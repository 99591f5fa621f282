-- Episodes (issue #10, item 4): the bot episode an audit record belongs to; 0 for records outside one (a refused
-- webhook) and for records written before episodes existed.
ALTER TABLE audit ADD COLUMN episode INTEGER NOT NULL DEFAULT 0;
