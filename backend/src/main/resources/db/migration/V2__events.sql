-- Virtual events: events (optionally in a series), registrations with their manage tokens, and feedback.
-- The invariants live here so that they hold with any number of backend replicas.

CREATE TABLE event_series (
    id          BIGSERIAL PRIMARY KEY,
    title       VARCHAR(200) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE event (
    id                     BIGSERIAL PRIMARY KEY,
    series_id              BIGINT        REFERENCES event_series (id),
    title                  VARCHAR(200)  NOT NULL,
    description            TEXT          NOT NULL,
    type                   VARCHAR(24)   NOT NULL CHECK (type IN ('BOOK_DISCUSSION', 'SEMINAR', 'ONLINE_LECTURE',
                                                                  'LIVE_QA', 'WORKSHOP', 'BOOK_CLUB')),
    audience               VARCHAR(16)   NOT NULL CHECK (audience IN ('ALL', 'CHILDREN', 'TEENS', 'ADULTS')),
    language               VARCHAR(16)   NOT NULL,
    starts_at              TIMESTAMPTZ   NOT NULL,
    ends_at                TIMESTAMPTZ   NOT NULL,
    platform               VARCHAR(24)   NOT NULL CHECK (platform IN ('ZOOM', 'GOOGLE_MEET', 'YOUTUBE_LIVE',
                                                                      'FACEBOOK_LIVE', 'INSTAGRAM_LIVE', 'OTHER')),
    join_url               VARCHAR(2000) NOT NULL CHECK (join_url ~* '^https?://'),
    -- NULL means unlimited. confirmed_count counts CONFIRMED and ATTENDED registrations; only conditional
    -- UPDATEs change it, and the CHECK below makes overbooking impossible whatever the application does.
    capacity               INTEGER       CHECK (capacity IS NULL OR capacity >= 1),
    confirmed_count        INTEGER       NOT NULL DEFAULT 0 CHECK (confirmed_count >= 0),
    registration_opens_at  TIMESTAMPTZ,
    registration_closes_at TIMESTAMPTZ,
    status                 VARCHAR(16)   NOT NULL DEFAULT 'DRAFT'
                           CHECK (status IN ('DRAFT', 'PUBLISHED', 'CANCELLED', 'COMPLETED')),
    published_at           TIMESTAMPTZ,
    cancelled_at           TIMESTAMPTZ,
    created_at             TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version                INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT event_ends_after_start CHECK (ends_at > starts_at),
    CONSTRAINT event_within_capacity CHECK (capacity IS NULL OR confirmed_count <= capacity),
    CONSTRAINT event_window_sane CHECK (registration_opens_at IS NULL OR registration_closes_at IS NULL
                                        OR registration_opens_at < registration_closes_at)
);
CREATE INDEX event_catalogue_idx ON event (status, starts_at, id);
CREATE INDEX event_series_idx ON event (series_id);

CREATE TABLE registration (
    id               BIGSERIAL PRIMARY KEY,  -- also the arrival order of the waitlist
    event_id         BIGINT       NOT NULL REFERENCES event (id),
    name             VARCHAR(120) NOT NULL,
    email            VARCHAR(254) NOT NULL,
    whatsapp         VARCHAR(16)  CHECK (whatsapp ~ '^\+[1-9][0-9]{7,14}$'),
    age_group        VARCHAR(16)  CHECK (age_group IN ('CHILD', 'TEEN', 'ADULT', 'SENIOR')),
    status           VARCHAR(16)  NOT NULL CHECK (status IN ('CONFIRMED', 'WAITLISTED', 'CANCELLED', 'ATTENDED')),
    created_at       TIMESTAMPTZ  NOT NULL DEFAULT now(),
    confirmed_at     TIMESTAMPTZ,
    cancelled_at     TIMESTAMPTZ,
    attended_at      TIMESTAMPTZ,
    reminder_sent_at TIMESTAMPTZ
);
-- One active registration per event and e-mail, in any letter case.
CREATE UNIQUE INDEX registration_active_email_key ON registration (event_id, lower(email)) WHERE status <> 'CANCELLED';
CREATE INDEX registration_event_idx ON registration (event_id, id);
CREATE INDEX registration_waitlist_idx ON registration (event_id, id) WHERE status = 'WAITLISTED';
CREATE INDEX registration_reminder_idx ON registration (event_id) WHERE status = 'CONFIRMED' AND reminder_sent_at IS NULL;

-- Manage tokens: only the SHA-256 of each token is kept. A registration may have several (registering again with
-- the same e-mail, or being promoted from the waitlist, mails a new one; the older ones keep working).
CREATE TABLE registration_token (
    token_hash      CHAR(64)    PRIMARY KEY,
    registration_id BIGINT      NOT NULL REFERENCES registration (id) ON DELETE CASCADE,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX registration_token_registration_idx ON registration_token (registration_id);

-- Post-event feedback: at most one per registration.
CREATE TABLE event_feedback (
    registration_id BIGINT        PRIMARY KEY REFERENCES registration (id),
    event_id        BIGINT        NOT NULL REFERENCES event (id),
    rating          SMALLINT      NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment         VARCHAR(2000),
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX event_feedback_event_idx ON event_feedback (event_id);

-- Live Q&A: registrants ask, staff moderate and answer, the audience upvotes (one vote per registration).
CREATE TABLE event_question (
    id              BIGSERIAL PRIMARY KEY,
    event_id        BIGINT        NOT NULL REFERENCES event (id),
    registration_id BIGINT        NOT NULL REFERENCES registration (id),
    display_name    VARCHAR(40),
    text            VARCHAR(500)  NOT NULL,
    status          VARCHAR(16)   NOT NULL DEFAULT 'PENDING'
                    CHECK (status IN ('PENDING', 'APPROVED', 'HIDDEN', 'ANSWERED')),
    answer          VARCHAR(1500),
    upvotes         INTEGER       NOT NULL DEFAULT 0 CHECK (upvotes >= 0),
    created_at      TIMESTAMPTZ   NOT NULL DEFAULT now(),
    moderated_at    TIMESTAMPTZ,
    answered_at     TIMESTAMPTZ
);
CREATE INDEX event_question_event_idx ON event_question (event_id, status);
CREATE INDEX event_question_registration_idx ON event_question (registration_id);

CREATE TABLE event_question_vote (
    question_id     BIGINT      NOT NULL REFERENCES event_question (id) ON DELETE CASCADE,
    registration_id BIGINT      NOT NULL REFERENCES registration (id),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (question_id, registration_id)
);
