-- The admin dashboard (issue #16, item 4): its figures are read per installation, channel and language over a period.
-- channel: the conversation's channel as last loaded (EMAIL, WEB_FORM, CHAT, VOICE_TRANSCRIPT), NULL until a state with
-- a transcript was saved. language: the language of a record's reply, draft, clarification or handover (from its
-- detail), NULL for other records and for rows written before this migration.
ALTER TABLE conversation ADD COLUMN channel VARCHAR(32);
ALTER TABLE audit ADD COLUMN language VARCHAR(16);
-- the dashboard reads a period's records in id order
CREATE INDEX audit_recorded ON audit (recorded_at, id);
