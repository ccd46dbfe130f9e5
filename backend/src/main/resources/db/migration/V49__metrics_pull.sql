-- Issue 15, metrics pulled back: every few hours the pull job reads each recently published variant's figures from
-- its platform. A variant is claimed for a round by recording when it was pulled (INSERT ... ON CONFLICT DO UPDATE
-- ... RETURNING, with the variants another instance is claiming skipped), so that with several instances each variant
-- is pulled once per round. Kept apart from post_variant, whose rows the campaign feature maps whole.
CREATE TABLE variant_metrics_pull (
    variant_id BIGINT      PRIMARY KEY REFERENCES post_variant (id) ON DELETE CASCADE,
    pulled_at  TIMESTAMPTZ NOT NULL
);

-- The job's scan: variants published on a platform (they have the platform's id), by publication time.
CREATE INDEX post_variant_metrics_pull_idx ON post_variant (published_at) WHERE external_id IS NOT NULL;
