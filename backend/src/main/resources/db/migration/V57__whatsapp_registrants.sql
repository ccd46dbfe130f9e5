-- Issue 18 part 2: WhatsApp as a channel for registrants' messages (conversation.whatsapp).

-- A registrant's explicit opt-in (the checkbox on the registration form) to receive the messages about this
-- registration on WhatsApp, in their language. The number itself stays on the registration. Withdrawn from the
-- manage page: withdrawn_at is set, and nothing more goes out for this registration.
CREATE TABLE whatsapp_consent (
    registration_id  BIGINT      PRIMARY KEY REFERENCES registration (id) ON DELETE CASCADE,
    language         VARCHAR(2)  NOT NULL CHECK (language IN ('id', 'en')),
    opted_in_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    withdrawn_at     TIMESTAMPTZ
);

-- Numbers that replied BERHENTI or STOP: never messaged again, whatever registration names them, until the number
-- itself writes MULAI or START. A suppression list: it must outlive the registrations to be honoured.
CREATE TABLE whatsapp_opt_out (
    number        VARCHAR(16) PRIMARY KEY,
    opted_out_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- The outbox of template messages to registrants. A sender run claims PENDING rows that are due (FOR UPDATE SKIP
-- LOCKED) and marks them SENDING in one statement, so with any number of instances each message goes out at most
-- once. SENT carries the platform's message id (wamid); a rate limit puts the row back to PENDING with a later
-- next_attempt_at (FAILED after 5 attempts); a refusal (template error, invalid number, outside the window) is FAILED.
-- A FAILED row, or a 'failed' delivery status from the webhook, sends the e-mail instead, once: fell_back_at.
-- The number and parameters are personal data: they are cleared once the row is settled (SENT or FAILED).
-- delivery is the latest status the webhook reported (sent < delivered < read; failed), never moved backwards.
CREATE TABLE whatsapp_message (
    id               BIGSERIAL    PRIMARY KEY,
    registration_id  BIGINT       NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
    notice           VARCHAR(24)  NOT NULL,
    to_number        VARCHAR(16),
    template         VARCHAR(512) NOT NULL,
    language         VARCHAR(2)   NOT NULL,
    parameters       JSONB,
    state            VARCHAR(8)   NOT NULL DEFAULT 'PENDING' CHECK (state IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts         INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    claimed_at       TIMESTAMPTZ,
    sent_at          TIMESTAMPTZ,
    wamid            VARCHAR(256) UNIQUE,
    delivery         VARCHAR(10)  CHECK (delivery IN ('sent', 'delivered', 'read', 'failed')),
    delivery_at      TIMESTAMPTZ,
    error_code       INTEGER,
    error_title      VARCHAR(512),
    fell_back_at     TIMESTAMPTZ,
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX whatsapp_message_due ON whatsapp_message (next_attempt_at, id) WHERE state = 'PENDING';
CREATE INDEX whatsapp_message_registration ON whatsapp_message (registration_id);
