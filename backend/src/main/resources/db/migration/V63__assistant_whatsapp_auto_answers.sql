-- Tanya Perpustakaan on WhatsApp (issue 19): staff's switch for automatic answers, the "a librarian will reply"
-- notice sent at most once per thread and day, and the inbox's mark on the messages the assistant sent.

-- One row: the switch, off by default, with the version staff send as If-Match.
CREATE TABLE assistant_setting (
    id                    smallint PRIMARY KEY CHECK (id = 1),
    whatsapp_auto_answer  boolean     NOT NULL DEFAULT false,
    version               integer     NOT NULL DEFAULT 0,
    updated_at            timestamptz NOT NULL DEFAULT now()
);
INSERT INTO assistant_setting (id) VALUES (1);

-- The days (in the library's time zone) on which a thread got the notice that a librarian will reply: the primary key
-- lets one of any number of concurrent messages claim it.
CREATE TABLE assistant_holding_notice (
    thread_id  bigint NOT NULL REFERENCES conversation_thread (id) ON DELETE CASCADE,
    day        date   NOT NULL,
    PRIMARY KEY (thread_id, day)
);

-- A reply the assistant sent on its own (no staff author).
ALTER TABLE conversation_message ADD COLUMN automatic boolean NOT NULL DEFAULT false;
