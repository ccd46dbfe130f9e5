-- Reading challenges: challenges, badges, participants with denormalised totals, reading logs, secret codes,
-- and guardian consent for under-13 accounts.

ALTER TABLE app_user
    ADD COLUMN guardian_email        VARCHAR(254),
    ADD COLUMN guardian_consent_at   TIMESTAMPTZ,
    ADD COLUMN guardian_token_hash   VARCHAR(64);
CREATE UNIQUE INDEX app_user_guardian_token_key ON app_user (guardian_token_hash) WHERE guardian_token_hash IS NOT NULL;

CREATE TABLE challenge (
    id                   BIGSERIAL PRIMARY KEY,
    title                VARCHAR(200) NOT NULL,
    description          TEXT         NOT NULL DEFAULT '',
    audience             VARCHAR(16)  NOT NULL CHECK (audience IN ('ALL', 'CHILDREN', 'TEENS', 'ADULTS')),
    starts_on            DATE         NOT NULL,
    ends_on              DATE         NOT NULL,
    goal_type            VARCHAR(16)  NOT NULL CHECK (goal_type IN ('BOOKS', 'PAGES', 'MINUTES')),
    goal_value           INTEGER      NOT NULL CHECK (goal_value > 0),
    points_per_book      INTEGER      NOT NULL DEFAULT 0 CHECK (points_per_book >= 0),
    points_per_page      INTEGER      NOT NULL DEFAULT 0 CHECK (points_per_page >= 0),
    points_per_minute    INTEGER      NOT NULL DEFAULT 0 CHECK (points_per_minute >= 0),
    max_books_per_day    INTEGER      CHECK (max_books_per_day > 0),
    max_pages_per_day    INTEGER      CHECK (max_pages_per_day > 0),
    max_minutes_per_day  INTEGER      CHECK (max_minutes_per_day > 0 AND max_minutes_per_day <= 1440),
    flag_pages_per_day   INTEGER      NOT NULL DEFAULT 1000 CHECK (flag_pages_per_day > 0),
    flag_minutes_per_day INTEGER      NOT NULL DEFAULT 600 CHECK (flag_minutes_per_day > 0),
    schools              TEXT[]       NOT NULL DEFAULT '{}',
    status               VARCHAR(16)  NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'CLOSED')),
    created_by           BIGINT       REFERENCES app_user (id) ON DELETE SET NULL,
    created_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version              INTEGER      NOT NULL DEFAULT 0,
    CHECK (ends_on >= starts_on)
);
CREATE INDEX challenge_status_idx ON challenge (status, starts_on);

CREATE TABLE challenge_badge (
    id           BIGSERIAL PRIMARY KEY,
    challenge_id BIGINT       NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,
    name         VARCHAR(80)  NOT NULL,
    -- Points that earn the badge; NULL for a badge given only through a secret code.
    threshold    INTEGER      CHECK (threshold > 0)
);
CREATE UNIQUE INDEX challenge_badge_name_key ON challenge_badge (challenge_id, lower(name));

CREATE TABLE participant (
    id            BIGSERIAL PRIMARY KEY,
    challenge_id  BIGINT       NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,
    -- NULL once the account was erased: the totals stay so that the boards stay consistent.
    user_id       BIGINT       REFERENCES app_user (id) ON DELETE SET NULL,
    nickname      VARCHAR(30)  NOT NULL,
    school        VARCHAR(120),
    hidden        BOOLEAN      NOT NULL DEFAULT FALSE,
    points        INTEGER      NOT NULL DEFAULT 0,
    books         INTEGER      NOT NULL DEFAULT 0,
    pages         INTEGER      NOT NULL DEFAULT 0,
    minutes       INTEGER      NOT NULL DEFAULT 0,
    -- When the current points total was reached: ties on points go to whoever got there first.
    reached_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    -- Bumped by every change of the totals: live boards on every instance apply only newer revisions.
    revision      BIGINT       NOT NULL DEFAULT 0,
    joined_at     TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX participant_nickname_key ON participant (challenge_id, lower(nickname));
CREATE UNIQUE INDEX participant_user_key ON participant (challenge_id, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX participant_board_idx ON participant (challenge_id, points DESC, reached_at, id) WHERE NOT hidden;

CREATE TABLE reading_log (
    id             BIGSERIAL PRIMARY KEY,
    participant_id BIGINT       NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    challenge_id   BIGINT       NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,
    title          VARCHAR(200) NOT NULL,
    author         VARCHAR(200) NOT NULL,
    isbn           VARCHAR(17),
    pages          INTEGER      CHECK (pages > 0),
    minutes        INTEGER      CHECK (minutes > 0 AND minutes <= 1440),
    finished       BOOLEAN      NOT NULL DEFAULT TRUE,
    read_on        DATE         NOT NULL,
    review         VARCHAR(500),
    share_review   BOOLEAN      NOT NULL DEFAULT FALSE,
    points         INTEGER      NOT NULL CHECK (points >= 0),
    status         VARCHAR(16)  NOT NULL CHECK (status IN ('VALID', 'FLAGGED', 'VOIDED')),
    flag_reason    VARCHAR(200),
    counted_at     TIMESTAMPTZ,
    created_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK (pages IS NOT NULL OR minutes IS NOT NULL)
);
CREATE INDEX reading_log_participant_idx ON reading_log (participant_id, read_on);
CREATE INDEX reading_log_flagged_idx ON reading_log (challenge_id, created_at) WHERE status = 'FLAGGED';
CREATE INDEX reading_log_shared_review_idx ON reading_log (created_at) WHERE share_review AND review IS NOT NULL;

CREATE TABLE challenge_code (
    id              BIGSERIAL PRIMARY KEY,
    challenge_id    BIGINT       NOT NULL REFERENCES challenge (id) ON DELETE CASCADE,
    code            VARCHAR(40)  NOT NULL,
    description     VARCHAR(200),
    points          INTEGER      NOT NULL DEFAULT 0 CHECK (points >= 0),
    badge_id        BIGINT       REFERENCES challenge_badge (id) ON DELETE SET NULL,
    valid_until     TIMESTAMPTZ,
    created_at      TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CHECK (points > 0 OR badge_id IS NOT NULL)
);
CREATE UNIQUE INDEX challenge_code_key ON challenge_code (challenge_id, upper(code));

CREATE TABLE code_redemption (
    code_id        BIGINT      NOT NULL REFERENCES challenge_code (id) ON DELETE CASCADE,
    participant_id BIGINT      NOT NULL REFERENCES participant (id) ON DELETE CASCADE,
    points         INTEGER     NOT NULL,
    redeemed_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (code_id, participant_id)
);
CREATE INDEX code_redemption_participant_idx ON code_redemption (participant_id);
