-- Issue 18 part 2: staff's messages to registrants ("Kirim pesan ke pendaftar") go to WhatsApp too.

-- Whether staff chose "WhatsApp bila pendaftar setuju" for this message (else e-mail only).
ALTER TABLE event_message ADD COLUMN whatsapp BOOLEAN NOT NULL DEFAULT false;

-- How each recipient was reached: EMAIL through this outbox, or WHATSAPP (handed to whatsapp_message; the row is then
-- SENT and never claimed here). A WhatsApp send that failed comes back here as EMAIL/PENDING with fell_back_at set.
ALTER TABLE event_message_recipient
    ADD COLUMN channel VARCHAR(8) NOT NULL DEFAULT 'EMAIL' CHECK (channel IN ('EMAIL', 'WHATSAPP')),
    ADD COLUMN fell_back_at TIMESTAMPTZ;

-- A WhatsApp message that carries staff's message: which one (its e-mail fallback goes through that message's outbox),
-- and, inside the 24-hour window, the free text sent instead of the template (cleared once settled, like the number).
ALTER TABLE whatsapp_message
    ADD COLUMN event_message_id BIGINT REFERENCES event_message (id) ON DELETE CASCADE,
    ADD COLUMN body TEXT;
CREATE INDEX whatsapp_message_event_message ON whatsapp_message (event_message_id) WHERE event_message_id IS NOT NULL;

