-- Campaigns and content: campaigns with KPI targets, posts with one variant per platform, the review workflow's
-- audit trail, and metric snapshots per variant (the latest snapshot wins for analytics).

CREATE TABLE campaign (
    id          BIGSERIAL PRIMARY KEY,
    title       VARCHAR(200) NOT NULL,
    goal        TEXT         NOT NULL DEFAULT '',
    theme       VARCHAR(24)  NOT NULL CHECK (theme IN ('LITERACY', 'DIGITAL_LITERACY', 'CYBER_SAFETY', 'PROMOTION',
                                                       'READING_CLUB', 'EVENTS', 'OTHER')),
    starts_on   DATE         NOT NULL,
    ends_on     DATE         NOT NULL,
    platforms   TEXT[]       NOT NULL DEFAULT '{}',
    created_by  BIGINT       REFERENCES app_user (id) ON DELETE SET NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version     INTEGER      NOT NULL DEFAULT 0,
    CHECK (ends_on >= starts_on),
    CHECK (platforms <@ ARRAY['FACEBOOK', 'INSTAGRAM', 'X']::TEXT[])
);
CREATE INDEX campaign_period_idx ON campaign (starts_on, ends_on);

CREATE TABLE campaign_kpi (
    id          BIGSERIAL PRIMARY KEY,
    campaign_id BIGINT         NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    metric      VARCHAR(24)    NOT NULL CHECK (metric IN ('IMPRESSIONS', 'REACH', 'ENGAGEMENTS', 'ENGAGEMENT_RATE',
                                                           'CLICKS', 'POSTS')),
    target      NUMERIC(16, 4) NOT NULL CHECK (target > 0),
    UNIQUE (campaign_id, metric)
);

CREATE TABLE post (
    id            BIGSERIAL PRIMARY KEY,
    campaign_id   BIGINT        REFERENCES campaign (id) ON DELETE SET NULL,
    event_id      BIGINT        REFERENCES event (id) ON DELETE SET NULL,
    challenge_id  BIGINT        REFERENCES challenge (id) ON DELETE SET NULL,
    content_type  VARCHAR(24)   NOT NULL CHECK (content_type IN ('BOOK_REVIEW', 'QUOTE', 'INFOGRAPHIC', 'SHORT_VIDEO',
                                                                 'EVENT_PROMO', 'CHALLENGE_UPDATE', 'EDUCATIONAL_TIP',
                                                                 'ANNOUNCEMENT')),
    body          TEXT          NOT NULL DEFAULT '',
    hashtags      TEXT[]        NOT NULL DEFAULT '{}',
    media_url     VARCHAR(2000) CHECK (media_url ~* '^https?://'),
    status        VARCHAR(16)   NOT NULL DEFAULT 'DRAFT'
                  CHECK (status IN ('DRAFT', 'IN_REVIEW', 'APPROVED', 'SCHEDULED', 'PUBLISHED')),
    author_id     BIGINT        REFERENCES app_user (id) ON DELETE SET NULL,
    reviewer_id   BIGINT        REFERENCES app_user (id) ON DELETE SET NULL,
    review_note   VARCHAR(2000),
    reviewed_at   TIMESTAMPTZ,
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    -- Optimistic version: every edit and transition bumps it; a PUT must send the current one (If-Match).
    version       INTEGER       NOT NULL DEFAULT 0
);
CREATE INDEX post_status_idx ON post (status, id);
CREATE INDEX post_campaign_idx ON post (campaign_id);

CREATE TABLE post_variant (
    id             BIGSERIAL PRIMARY KEY,
    post_id        BIGINT        NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    platform       VARCHAR(16)   NOT NULL CHECK (platform IN ('FACEBOOK', 'INSTAGRAM', 'X')),
    text           TEXT          NOT NULL,
    scheduled_at   TIMESTAMPTZ,
    published_url  VARCHAR(2000) CHECK (published_url ~* '^https?://'),
    published_at   TIMESTAMPTZ,
    UNIQUE (post_id, platform)
);
-- Metric imports find a variant by the URL where it went out.
CREATE UNIQUE INDEX post_variant_published_url_key ON post_variant (published_url) WHERE published_url IS NOT NULL;
CREATE INDEX post_variant_scheduled_idx ON post_variant (scheduled_at);
CREATE INDEX post_variant_published_idx ON post_variant (published_at);

-- The audit trail: every workflow transition, who made it and when.
CREATE TABLE post_transition (
    id          BIGSERIAL PRIMARY KEY,
    post_id     BIGINT        NOT NULL REFERENCES post (id) ON DELETE CASCADE,
    from_status VARCHAR(16),
    to_status   VARCHAR(16)   NOT NULL,
    actor_id    BIGINT        REFERENCES app_user (id) ON DELETE SET NULL,
    note        VARCHAR(2000),
    at          TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX post_transition_post_idx ON post_transition (post_id, at, id);

-- Metric snapshots: an import or an API call adds one; analytics read the latest per variant.
CREATE TABLE variant_metric (
    id           BIGSERIAL PRIMARY KEY,
    variant_id   BIGINT      NOT NULL REFERENCES post_variant (id) ON DELETE CASCADE,
    captured_at  TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    source       VARCHAR(16) NOT NULL CHECK (source IN ('CSV', 'API')),
    impressions  BIGINT      CHECK (impressions >= 0),
    reach        BIGINT      CHECK (reach >= 0),
    reactions    BIGINT      CHECK (reactions >= 0),
    comments     BIGINT      CHECK (comments >= 0),
    shares       BIGINT      CHECK (shares >= 0),
    saves        BIGINT      CHECK (saves >= 0),
    clicks       BIGINT      CHECK (clicks >= 0),
    video_views  BIGINT      CHECK (video_views >= 0)
);
CREATE INDEX variant_metric_latest_idx ON variant_metric (variant_id, captured_at DESC, id DESC);
