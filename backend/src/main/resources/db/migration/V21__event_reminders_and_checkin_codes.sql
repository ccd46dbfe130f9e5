-- A second reminder an hour before the start, claimed like the first so that one instance sends it once.
ALTER TABLE registration ADD COLUMN hour_reminder_sent_at TIMESTAMPTZ;
CREATE INDEX registration_hour_reminder_idx ON registration (event_id)
    WHERE status = 'CONFIRMED' AND hour_reminder_sent_at IS NULL;

-- The code in a confirmed patron's QR: staff scan it to check them in. Random per registration, unique per event.
ALTER TABLE registration ADD COLUMN checkin_code VARCHAR(16) NOT NULL
    DEFAULT substr(md5(random()::text || clock_timestamp()::text), 1, 12);
CREATE UNIQUE INDEX registration_checkin_code_key ON registration (event_id, checkin_code);
