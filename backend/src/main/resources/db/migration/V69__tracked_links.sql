-- Issue 22 (attribution): tracked short links (/l/{code}) for published variants and for the library's partners,
-- their clicks counted without identifying anyone, and the link's code recorded by a registration or a joining.

-- Local partners: influencers, schools, communities, radio. The contact is for staff only (never in a public
-- response); a partner's links stay with it.
CREATE TABLE partner (
    id          BIGSERIAL    PRIMARY KEY,
    name        VARCHAR(120) NOT NULL,
    kind        VARCHAR(16)  NOT NULL CHECK (kind IN ('INFLUENCER', 'SCHOOL', 'COMMUNITY', 'RADIO', 'OTHER')),
    contact     VARCHAR(300),
    notes       VARCHAR(2000),
    version     INTEGER      NOT NULL DEFAULT 0,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX partner_name_key ON partner (lower(name));

-- A short link: its code (10 characters of an alphabet without look-alikes, ~49 bits from SecureRandom), where it
-- goes (an event, a challenge, a survey, or the home page), and whose it is: one published variant (one link per
-- variant and target) or one partner. campaign_id is the campaign staff chose for a partner's link (a variant's link
-- belongs to its post's campaign, read through the variant).
CREATE TABLE tracked_link (
    id           BIGSERIAL    PRIMARY KEY,
    code         VARCHAR(16)  NOT NULL UNIQUE,
    target_kind  VARCHAR(16)  NOT NULL CHECK (target_kind IN ('EVENT', 'CHALLENGE', 'SURVEY', 'HOME')),
    target_id    BIGINT,
    variant_id   BIGINT       REFERENCES post_variant (id) ON DELETE CASCADE,
    partner_id   BIGINT       REFERENCES partner (id) ON DELETE CASCADE,
    campaign_id  BIGINT       REFERENCES campaign (id) ON DELETE SET NULL,
    label        VARCHAR(120),
    created_at   TIMESTAMPTZ  NOT NULL DEFAULT now(),
    CONSTRAINT tracked_link_target CHECK ((target_kind = 'HOME') = (target_id IS NULL)),
    CONSTRAINT tracked_link_owner CHECK (variant_id IS NULL OR partner_id IS NULL)
);
CREATE UNIQUE INDEX tracked_link_variant_target_key ON tracked_link (variant_id, target_kind, target_id)
    WHERE variant_id IS NOT NULL;
CREATE INDEX tracked_link_partner_idx ON tracked_link (partner_id) WHERE partner_id IS NOT NULL;
CREATE INDEX tracked_link_campaign_idx ON tracked_link (campaign_id) WHERE campaign_id IS NOT NULL;
CREATE INDEX tracked_link_target_idx ON tracked_link (target_kind, target_id);

-- Clicks: a count per link, day (library zone), coarse device class and bot flag. No address, no user agent, no
-- cookie. Instances add their batched counts (INSERT ... ON CONFLICT DO UPDATE SET clicks = clicks + excluded.clicks).
CREATE TABLE link_click (
    link_id  BIGINT      NOT NULL REFERENCES tracked_link (id) ON DELETE CASCADE,
    day      DATE        NOT NULL,
    device   VARCHAR(8)  NOT NULL CHECK (device IN ('MOBILE', 'TABLET', 'DESKTOP', 'OTHER')),
    bot      BOOLEAN     NOT NULL,
    clicks   BIGINT      NOT NULL CHECK (clicks >= 0),
    PRIMARY KEY (link_id, day, device, bot)
);

-- What a registration or a joining keeps of the link that brought the person: its code only.
ALTER TABLE registration ADD COLUMN ref_code VARCHAR(16);
CREATE INDEX registration_ref_code_idx ON registration (ref_code) WHERE ref_code IS NOT NULL;
ALTER TABLE participant ADD COLUMN ref_code VARCHAR(16);
CREATE INDEX participant_ref_code_idx ON participant (ref_code) WHERE ref_code IS NOT NULL;
