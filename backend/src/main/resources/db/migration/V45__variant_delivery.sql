-- Issue 15, publishing: each variant's delivery to its platform. The publishing job claims due variants by UPDATE
-- (exactly once across instances), records every attempt BEFORE it calls the platform, and never re-sends an attempt
-- that a crash left unfinished ("Perlu dicek").

ALTER TABLE post_variant
    -- Staff chose to post this variant by hand: at its time the author gets a reminder instead of a platform call.
    ADD COLUMN manual          BOOLEAN       NOT NULL DEFAULT false,
    -- NONE: not scheduled yet; SCHEDULED (Terjadwal); PUBLISHING (Sedang diterbitkan: an attempt is under way);
    -- RETRY_WAIT (a temporary failure, tried again at next_attempt_at); PUBLISHED (Terbit); FAILED (Gagal, for good);
    -- CHECK_NEEDED (Perlu dicek: an attempt was cut off); MANUAL_DUE (reminder sent, waiting to be marked published);
    -- MISSED (Terlewat: 30 minutes overdue with nothing out).
    ADD COLUMN delivery        VARCHAR(16)   NOT NULL DEFAULT 'NONE'
        CHECK (delivery IN ('NONE', 'SCHEDULED', 'PUBLISHING', 'RETRY_WAIT', 'PUBLISHED', 'FAILED', 'CHECK_NEEDED',
                            'MANUAL_DUE', 'MISSED')),
    -- The platform's own id of the published post (Graph post id, Instagram media id, tweet id).
    ADD COLUMN external_id     VARCHAR(200),
    ADD COLUMN attempts        INTEGER       NOT NULL DEFAULT 0,
    ADD COLUMN next_attempt_at TIMESTAMPTZ,
    -- The platform's message for the last failure, shown to staff.
    ADD COLUMN last_error      VARCHAR(2000);

-- The job's scan: variants whose delivery is due.
CREATE INDEX post_variant_delivery_due_idx ON post_variant (next_attempt_at)
    WHERE delivery IN ('SCHEDULED', 'RETRY_WAIT');
CREATE UNIQUE INDEX post_variant_external_id_key ON post_variant (platform, external_id) WHERE external_id IS NOT NULL;

-- Every call to a platform, recorded before it is made and finished after its answer.
CREATE TABLE publish_attempt (
    id          BIGSERIAL PRIMARY KEY,
    variant_id  BIGINT        NOT NULL REFERENCES post_variant (id) ON DELETE CASCADE,
    instance    VARCHAR(100)  NOT NULL,
    started_at  TIMESTAMPTZ   NOT NULL DEFAULT clock_timestamp(),
    finished_at TIMESTAMPTZ,
    -- NULL while under way; INTERRUPTED when found unfinished after a crash.
    outcome     VARCHAR(16)   CHECK (outcome IN ('PUBLISHED', 'TEMPORARY', 'PERMANENT', 'TOKEN_INVALID', 'NOT_CONNECTED',
                                                 'INTERRUPTED')),
    http_status INTEGER,
    message     VARCHAR(2000)
);
CREATE INDEX publish_attempt_variant_idx ON publish_attempt (variant_id, started_at DESC);
CREATE INDEX publish_attempt_unfinished_idx ON publish_attempt (started_at) WHERE finished_at IS NULL;
