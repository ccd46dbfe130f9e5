-- Issue 13: an account proves that it owns its e-mail address, and a guardian's consent, once required, stays
-- required whatever birth year the account claims later.

ALTER TABLE app_user
    -- When the owner followed the link sent to the address; null until then. Existing accounts start unverified.
    ADD COLUMN email_verified_at             TIMESTAMPTZ,
    -- The SHA-256 (hex) of the one open verification link's token, never the token itself; and when it stops working.
    ADD COLUMN email_verification_hash       VARCHAR(64),
    ADD COLUMN email_verification_expires_at TIMESTAMPTZ,
    -- When the last link was sent: a member may ask for a new one only so often.
    ADD COLUMN email_verification_sent_at    TIMESTAMPTZ,
    -- The latest birth year under 13 this account ever had. A guardian's consent is required until a child born
    -- that year turns 13 or the guardian consents; changing the birth year never lowers it.
    ADD COLUMN guardian_required_birth_year  INTEGER CHECK (guardian_required_birth_year BETWEEN 1900 AND 2100),
    ADD CONSTRAINT app_user_verification_complete
        CHECK ((email_verification_hash IS NULL) = (email_verification_expires_at IS NULL));

CREATE UNIQUE INDEX app_user_email_verification_key ON app_user (email_verification_hash)
    WHERE email_verification_hash IS NOT NULL;

-- Accounts under 13 today keep the requirement they have, whatever birth year they give later.
UPDATE app_user SET guardian_required_birth_year = birth_year
 WHERE birth_year > extract(YEAR FROM now() AT TIME ZONE 'Asia/Makassar')::int - 13;
