-- The first human reply after a handover, for the admin dashboard's human first-response time (issue #16, item 4) on
-- helpdesk vendors (a Conversation API conversation's agent messages are in api_message already). One row per
-- installation and conversation, written by serve's poll (io.deskbridge.core.humanreply.HumanReplyPoll), which loads
-- each conversation handed over in the last days whose first human reply is not known yet. handover_at: the handover
-- the row answers (dashboard_conversation.handover_at when polled); replied_at: the first public agent message at or
-- after it, NULL while none was seen; polled_at: the last poll of the conversation (the least recently polled go
-- first); gone_at: when the helpdesk answered that it no longer has the conversation (not polled again for that
-- handover). The retention purge (privacy.retention) deletes rows whose handover is older than its cutoff.
CREATE TABLE human_reply (
  installation    VARCHAR(255) NOT NULL,
  conversation_id VARCHAR(512) NOT NULL,
  handover_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  replied_at      TIMESTAMP WITH TIME ZONE,
  polled_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  gone_at         TIMESTAMP WITH TIME ZONE,
  CONSTRAINT human_reply_pk PRIMARY KEY (installation, conversation_id)
);
-- the dashboard reads a period's replies
CREATE INDEX human_reply_replied ON human_reply (replied_at);
-- the retention purge deletes by handover
CREATE INDEX human_reply_handover ON human_reply (handover_at);
-- the poll reads an installation's recent handovers
CREATE INDEX dashboard_conversation_handover ON dashboard_conversation (installation, handover_at);
