-- Issue 18, the conversations inbox: the comments and direct messages people send the library on its platforms, in
-- threads staff answer from Serambi. A thread groups one platform's messages by the platform's own grouping key (the
-- root comment's id for comments, the sender's scoped id for direct messages, the wa_id for WhatsApp). Repeated
-- webhook deliveries add nothing: a message's external id is unique per channel.

CREATE TABLE conversation_thread (
    id                BIGSERIAL PRIMARY KEY,
    channel           VARCHAR(16)   NOT NULL CHECK (channel IN ('FACEBOOK', 'INSTAGRAM', 'X', 'WHATSAPP', 'WEB')),
    kind              VARCHAR(16)   NOT NULL CHECK (kind IN ('COMMENT', 'DIRECT', 'MENTION')),
    thread_key        VARCHAR(300)  NOT NULL CHECK (thread_key <> ''),
    -- The library's own account that received it (the Page id, the Instagram account id, the phone number id).
    account_id        VARCHAR(200)  NOT NULL,
    -- Who the library is talking to: their platform id and the name or handle the platform gave.
    contact_id        VARCHAR(200)  NOT NULL,
    contact_name      VARCHAR(300),
    -- The platform's id of the library's post the comments are about (a published variant's external_id), if any.
    post_external_id  VARCHAR(200),
    -- NEW (Baru), OPEN (Dibuka), WAITING (Menunggu: on the patron), DONE (Selesai).
    status            VARCHAR(16)   NOT NULL DEFAULT 'NEW' CHECK (status IN ('NEW', 'OPEN', 'WAITING', 'DONE')),
    assignee_id       BIGINT        REFERENCES app_user (id) ON DELETE SET NULL,
    -- Staff marked the contact as a minor: the thread's messages are minors' data.
    minor             BOOLEAN       NOT NULL DEFAULT false,
    created_at        TIMESTAMPTZ   NOT NULL DEFAULT now(),
    last_message_at   TIMESTAMPTZ   NOT NULL,
    -- The first reply staff sent, and when the thread was last set DONE (NULL while it is not).
    first_response_at TIMESTAMPTZ,
    resolved_at       TIMESTAMPTZ,
    version           INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT conversation_thread_key UNIQUE (channel, thread_key),
    -- Lets messages carry their thread's channel (for their own uniqueness) without being able to disagree with it.
    CONSTRAINT conversation_thread_id_channel UNIQUE (id, channel),
    CHECK ((status = 'DONE') = (resolved_at IS NOT NULL))
);
-- The inbox: newest conversation first, per status and per assignee.
CREATE INDEX conversation_thread_inbox_idx ON conversation_thread (last_message_at DESC, id DESC);
CREATE INDEX conversation_thread_status_idx ON conversation_thread (status, last_message_at DESC, id DESC);
CREATE INDEX conversation_thread_assignee_idx ON conversation_thread (assignee_id) WHERE assignee_id IS NOT NULL;

CREATE TABLE conversation_message (
    id             BIGSERIAL PRIMARY KEY,
    thread_id      BIGINT        NOT NULL,
    channel        VARCHAR(16)   NOT NULL,
    -- IN: from the contact; OUT: a reply staff sent from Serambi.
    direction      VARCHAR(3)    NOT NULL CHECK (direction IN ('IN', 'OUT')),
    -- The platform's id of the message (comment id, Messenger mid, WhatsApp wamid); NULL until an OUT reply is sent.
    external_id    VARCHAR(300),
    sender_id      VARCHAR(200),
    sender_name    VARCHAR(300),
    body           TEXT          NOT NULL CHECK (length(body) <= 10000),
    sent_at        TIMESTAMPTZ   NOT NULL,
    received_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    -- The staff member who wrote an OUT reply.
    author_id      BIGINT        REFERENCES app_user (id) ON DELETE SET NULL,
    -- OUT only: SENT (the platform took it), DELIVERED, READ, FAILED (delivery_error says why).
    delivery       VARCHAR(16)   CHECK (delivery IN ('SENT', 'DELIVERED', 'READ', 'FAILED')),
    delivery_error VARCHAR(2000),
    CONSTRAINT conversation_message_thread FOREIGN KEY (thread_id, channel)
        REFERENCES conversation_thread (id, channel) ON DELETE CASCADE,
    CHECK ((direction = 'OUT') = (delivery IS NOT NULL)),
    CHECK (direction = 'OUT' OR (external_id IS NOT NULL AND author_id IS NULL))
);
-- One platform message is stored once, however often the platform delivers it.
CREATE UNIQUE INDEX conversation_message_external_key ON conversation_message (channel, external_id)
    WHERE external_id IS NOT NULL;
CREATE INDEX conversation_message_thread_idx ON conversation_message (thread_id, sent_at, id);
CREATE INDEX conversation_message_author_idx ON conversation_message (author_id) WHERE author_id IS NOT NULL;

-- Staff's notes on a thread; the public never sees them.
CREATE TABLE conversation_note (
    id         BIGSERIAL PRIMARY KEY,
    thread_id  BIGINT        NOT NULL REFERENCES conversation_thread (id) ON DELETE CASCADE,
    author_id  BIGINT        REFERENCES app_user (id) ON DELETE SET NULL,
    body       VARCHAR(4000) NOT NULL CHECK (btrim(body) <> ''),
    created_at TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX conversation_note_thread_idx ON conversation_note (thread_id, id);
CREATE INDEX conversation_note_author_idx ON conversation_note (author_id) WHERE author_id IS NOT NULL;

-- Saved replies, in Bahasa Indonesia and English, with the placeholders {nama}, {acara} and {tautan}.
CREATE TABLE conversation_saved_reply (
    id         BIGSERIAL PRIMARY KEY,
    title      VARCHAR(200)  NOT NULL CHECK (btrim(title) <> ''),
    body_id    VARCHAR(4000) NOT NULL CHECK (btrim(body_id) <> ''),
    body_en    VARCHAR(4000) NOT NULL CHECK (btrim(body_en) <> ''),
    created_by BIGINT        REFERENCES app_user (id) ON DELETE SET NULL,
    created_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version    INTEGER       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX conversation_saved_reply_title_key ON conversation_saved_reply (lower(title));
CREATE INDEX conversation_saved_reply_created_by_idx ON conversation_saved_reply (created_by) WHERE created_by IS NOT NULL;
