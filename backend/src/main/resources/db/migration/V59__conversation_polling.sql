-- Issue 18: the inbox polls what webhooks do not bring (X mentions) or may have missed (Meta's comments and
-- conversations). One row per connected account: where its last poll got to, how long the platform asked Serambi to
-- wait, and a short lease, so that with several instances one of them polls an account at a time.
CREATE TABLE conversation_poll (
    platform      VARCHAR(16)   NOT NULL CHECK (platform IN ('FACEBOOK', 'INSTAGRAM', 'X')),
    -- The connected account's platform id (the Page, Instagram or X user id): a new account starts afresh.
    account_id    VARCHAR(200)  NOT NULL CHECK (account_id <> ''),
    -- X: the newest mention's id read so far (the next poll asks since_id).
    since_id      VARCHAR(100),
    -- When the last complete poll started (Meta's polls read since then, with an overlap).
    polled_at     TIMESTAMPTZ,
    -- A rate limit: no call to the platform for this account before then.
    wait_until    TIMESTAMPTZ,
    -- The lease of the instance polling now (claim), until claimed_until; a crashed instance's lease runs out.
    claim         UUID,
    claimed_until TIMESTAMPTZ,
    last_error    VARCHAR(2000),
    updated_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (platform, account_id),
    CHECK ((claim IS NULL) = (claimed_until IS NULL))
);
