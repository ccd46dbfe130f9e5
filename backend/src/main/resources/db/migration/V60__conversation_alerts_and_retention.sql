-- Issue 18: the inbox's unassigned-thread alert, its response-time report and the retention of minors' messages
-- (conversation.threads).

-- The report's figures live on the thread row, so that they outlive the messages (a minor's messages are deleted after
-- serambi.conversations.minor-retention): when the contact's first message was sent (the earliest inbound sent-at; an
-- out-of-order delivery moves it back) and who sent the first reply (with first_response_at, V56).
ALTER TABLE conversation_thread
    ADD COLUMN first_inbound_at   TIMESTAMPTZ,
    ADD COLUMN first_responder_id BIGINT REFERENCES app_user (id) ON DELETE SET NULL;
UPDATE conversation_thread t
   SET first_inbound_at = coalesce((SELECT min(m.sent_at) FROM conversation_message m
                                     WHERE m.thread_id = t.id AND m.direction = 'IN'), t.created_at),
       first_responder_id = (SELECT m.author_id FROM conversation_message m WHERE m.thread_id = t.id AND m.direction = 'OUT'
                              ORDER BY m.sent_at, m.id LIMIT 1);
ALTER TABLE conversation_thread ALTER COLUMN first_inbound_at SET NOT NULL, ALTER COLUMN first_inbound_at SET DEFAULT now();
CREATE INDEX conversation_thread_first_inbound_idx ON conversation_thread (first_inbound_at);
CREATE INDEX conversation_thread_resolved_idx ON conversation_thread (resolved_at) WHERE resolved_at IS NOT NULL;
CREATE INDEX conversation_thread_first_responder_idx ON conversation_thread (first_responder_id)
    WHERE first_responder_id IS NOT NULL;

-- The unassigned-thread alert (ThreadAlerts): since when the thread has had no assignee (NULL while it has one), and
-- when staff were told (NULL while they were not). One UPDATE ... RETURNING claims the alert, so with any number of
-- instances a thread is announced once. Assigning the thread clears both; unassigning it starts the clock again.
ALTER TABLE conversation_thread
    ADD COLUMN unassigned_since      TIMESTAMPTZ DEFAULT now(),
    ADD COLUMN unassigned_alerted_at TIMESTAMPTZ;
UPDATE conversation_thread SET unassigned_since = CASE WHEN assignee_id IS NULL THEN created_at END;
-- The threads already there were seen by staff before this alert existed: only new ones are announced.
UPDATE conversation_thread SET unassigned_alerted_at = now() WHERE assignee_id IS NULL;
CREATE INDEX conversation_thread_unassigned_idx ON conversation_thread (unassigned_since)
    WHERE unassigned_alerted_at IS NULL AND status <> 'DONE';

-- When the retention (MinorRetention) emptied a minor's thread: its messages and notes are gone, and so are the
-- contact's name and platform id; the row stays, for the report's figures.
ALTER TABLE conversation_thread ADD COLUMN content_purged_at TIMESTAMPTZ;
CREATE INDEX conversation_thread_minor_idx ON conversation_thread (last_message_at) WHERE minor AND content_purged_at IS NULL;

-- A WhatsApp thread links to its registrant's latest event (event.RegistrantEvents): registrations by number.
CREATE INDEX registration_whatsapp_idx ON registration (whatsapp) WHERE whatsapp IS NOT NULL;
