-- Issue 15, metrics pulled back: every few hours the pull job reads each recently published variant's figures from
-- its platform. A variant is claimed for a round by setting metrics_pulled_at (UPDATE ... RETURNING, rows locked by
-- one instance are skipped by the others), so that with several instances each variant is pulled once per round.
ALTER TABLE post_variant ADD COLUMN metrics_pulled_at TIMESTAMPTZ;

-- The job's scan: variants published on a platform (they have the platform's id), newest first.
CREATE INDEX post_variant_metrics_pull_idx ON post_variant (published_at) WHERE external_id IS NOT NULL;
