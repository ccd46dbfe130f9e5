-- Issue 19: Tanya Perpustakaan hands questions over to the inbox (channel WEB). The asker holds an unguessable
-- conversation token; the thread's key is 'web:' || the token's SHA-256 in hex, so the token itself is stored nowhere.

-- A question asked while signed in is linked to the account (exported, erased with it); a minor's is deleted after the
-- minors' retention (serambi.conversations.minor-retention). Anonymous questions keep no personal link (no address).
ALTER TABLE assistant_question
    ADD COLUMN account_id BIGINT REFERENCES app_user (id) ON DELETE CASCADE,
    ADD COLUMN minor      BOOLEAN NOT NULL DEFAULT false;
CREATE INDEX assistant_question_account ON assistant_question (account_id) WHERE account_id IS NOT NULL;
CREATE INDEX assistant_question_minor ON assistant_question (created_at) WHERE minor;

-- The web threads whose asker was signed in: the account the thread belongs to (exported and erased with it).
CREATE TABLE web_conversation (
    thread_id  BIGINT      PRIMARY KEY REFERENCES conversation_thread (id) ON DELETE CASCADE,
    account_id BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX web_conversation_account ON web_conversation (account_id);
