-- Issue 15, notifications: an in-app notification centre, and an e-mail for each notification unless its person turned
-- that kind off. A notification is written in the transaction of what it is about; its e-mail waits in this table
-- (email_state PENDING, an outbox) until a sender on any instance claims it (UPDATE ... SKIP LOCKED) and sends it once.

CREATE TABLE notification (
    id            BIGSERIAL     PRIMARY KEY,
    account_id    BIGINT        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    kind          VARCHAR(40)   NOT NULL,
    title         VARCHAR(300)  NOT NULL,
    body          TEXT          NOT NULL,
    -- A path inside the SPA (/staf/konten/pos/12/ubah), or null.
    link          VARCHAR(500),
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    read_at       TIMESTAMPTZ,
    -- PENDING: the e-mail waits for a sender; SENDING: claimed (a crash here never sends it twice); SENT; OFF: the
    -- person turned this kind of e-mail off.
    email_state   VARCHAR(10)   NOT NULL CHECK (email_state IN ('PENDING', 'SENDING', 'SENT', 'OFF')),
    email_sent_at TIMESTAMPTZ
);
CREATE INDEX notification_account_idx ON notification (account_id, id DESC);
CREATE INDEX notification_unread_idx ON notification (account_id) WHERE read_at IS NULL;
CREATE INDEX notification_email_pending_idx ON notification (id) WHERE email_state = 'PENDING';

-- The kinds whose e-mail a person turned off (the in-app notification stays).
CREATE TABLE notification_email_off (
    account_id BIGINT      NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    kind       VARCHAR(40) NOT NULL,
    PRIMARY KEY (account_id, kind)
);
