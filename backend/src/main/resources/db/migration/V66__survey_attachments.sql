-- Issue 20, point 2: where a survey is attached. An event's feedback survey replaces the fixed 1-5 feedback form (the
-- post-event e-mail links to it); a challenge asks its participants a survey before (while it runs) and after (for 30
-- days from its end), possibly the same survey both times. Deleting a survey (only possible without responses)
-- detaches it.
ALTER TABLE event ADD COLUMN feedback_survey_id BIGINT REFERENCES survey (id) ON DELETE SET NULL;
ALTER TABLE challenge
    ADD COLUMN pre_survey_id  BIGINT REFERENCES survey (id) ON DELETE SET NULL,
    ADD COLUMN post_survey_id BIGINT REFERENCES survey (id) ON DELETE SET NULL;
CREATE INDEX event_feedback_survey ON event (feedback_survey_id) WHERE feedback_survey_id IS NOT NULL;
CREATE INDEX challenge_pre_survey ON challenge (pre_survey_id) WHERE pre_survey_id IS NOT NULL;
CREATE INDEX challenge_post_survey ON challenge (post_survey_id) WHERE post_survey_id IS NOT NULL;

-- When the participant was sent the notice with the after-challenge survey's link: claimed by an UPDATE ... RETURNING
-- before the notice is written, so each participant gets it once whatever the number of instances.
ALTER TABLE participant ADD COLUMN post_survey_noticed_at TIMESTAMPTZ;
CREATE INDEX participant_post_survey_due ON participant (challenge_id) WHERE post_survey_noticed_at IS NULL;
