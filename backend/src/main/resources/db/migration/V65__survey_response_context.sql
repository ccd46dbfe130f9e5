-- Issue 20, answering: where a response was given (after an event; in a challenge, before or after it), whom it is
-- linked to when the survey asks by manage link or by account (never when it is ANONYMOUS: then only the event or
-- challenge and the day are kept), the respondent's age group for the results' audience filter, and whether it is a
-- minor's (deleted after the minors' retention, in the export and erasure like the account's other data).
ALTER TABLE survey_response
    ADD COLUMN event_id        BIGINT      REFERENCES event (id) ON DELETE SET NULL,
    ADD COLUMN challenge_id    BIGINT      REFERENCES challenge (id) ON DELETE SET NULL,
    ADD COLUMN phase           VARCHAR(4)  CHECK (phase IN ('PRE', 'POST')),
    ADD COLUMN registration_id BIGINT      REFERENCES registration (id) ON DELETE CASCADE,
    ADD COLUMN age_group       VARCHAR(16) CHECK (age_group IN ('CHILD', 'TEEN', 'ADULT', 'SENIOR')),
    ADD COLUMN minor           BOOLEAN     NOT NULL DEFAULT false,
    -- The context one-per-person is counted in, fixed when the response is stored: '' standalone, 'event:12',
    -- 'challenge:3:PRE'. The same survey after two events, or before and after one challenge, is answered once in each.
    ADD COLUMN context_key     VARCHAR(40) NOT NULL DEFAULT '';

DROP INDEX survey_response_one_per_account;
CREATE UNIQUE INDEX survey_response_one_per_account ON survey_response (survey_id, account_id, context_key)
    WHERE once AND account_id IS NOT NULL;
CREATE UNIQUE INDEX survey_response_one_per_registration ON survey_response (survey_id, registration_id)
    WHERE once AND registration_id IS NOT NULL;
CREATE INDEX survey_response_event ON survey_response (event_id) WHERE event_id IS NOT NULL;
CREATE INDEX survey_response_challenge ON survey_response (challenge_id, phase) WHERE challenge_id IS NOT NULL;
CREATE INDEX survey_response_account ON survey_response (account_id) WHERE account_id IS NOT NULL;
CREATE INDEX survey_response_minor ON survey_response (submitted_on) WHERE minor;
