-- Issue 17 point 6: staff write to an event's registrants, and patrons are asked for feedback after the event.

-- One message staff sent to an audience of an event's registrants. Subject and body are staff's words, not personal
-- data of the patrons; who they went to is in event_message_recipient, by registration id only.
CREATE TABLE event_message (
    id               BIGSERIAL    PRIMARY KEY,
    event_id         BIGINT       NOT NULL REFERENCES event (id) ON DELETE CASCADE,
    audience         VARCHAR(16)  NOT NULL CHECK (audience IN ('ALL', 'CONFIRMED', 'WAITLISTED', 'ATTENDED')),
    subject          VARCHAR(200) NOT NULL,
    body             TEXT         NOT NULL,
    sent_by          BIGINT       REFERENCES app_user (id) ON DELETE SET NULL,
    recipient_count  INTEGER      NOT NULL CHECK (recipient_count >= 0),
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX event_message_event ON event_message (event_id, id);

-- The outbox of a message: one row per registration it goes to. A sender run claims PENDING rows (SKIP LOCKED),
-- sends them and marks them SENT, so with any number of instances each e-mail goes out at most once; a send the mail
-- server refused goes back to PENDING for a later run, up to 3 attempts (then FAILED).
CREATE TABLE event_message_recipient (
    message_id       BIGINT       NOT NULL REFERENCES event_message (id) ON DELETE CASCADE,
    registration_id  BIGINT       NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
    state            VARCHAR(8)   NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts         INTEGER      NOT NULL DEFAULT 0,
    claimed_at       TIMESTAMPTZ,
    sent_at          TIMESTAMPTZ,
    PRIMARY KEY (message_id, registration_id)
);
CREATE INDEX event_message_recipient_pending ON event_message_recipient (message_id) WHERE state <> 'SENT';

-- When the e-mail asking for feedback after the event was claimed for this registration: at most once each.
ALTER TABLE registration ADD COLUMN feedback_requested_at TIMESTAMPTZ;
