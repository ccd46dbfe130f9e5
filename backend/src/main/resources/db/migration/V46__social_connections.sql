-- Issue 15, connected accounts: one connection per platform for the library (its Facebook Page, the Instagram
-- professional account linked to it, its X account). Tokens are stored encrypted (AES-256-GCM under
-- SERAMBI_JWT_KEY_ENCRYPTION_KEY, the row's platform and external id as associated data), never in plain text.
CREATE TABLE social_connection (
    id               BIGSERIAL PRIMARY KEY,
    platform         VARCHAR(16)   NOT NULL UNIQUE CHECK (platform IN ('FACEBOOK', 'INSTAGRAM', 'X')),
    -- The Page id, the Instagram user id, the X user id.
    external_id      VARCHAR(200)  NOT NULL,
    -- What staff recognise: the Page's name, the Instagram username, the X @handle.
    name             VARCHAR(300)  NOT NULL,
    -- OAUTH: Facebook Login or X's OAuth 2.0; SYSTEM_USER: a Meta Business Suite system-user token pasted by staff.
    method           VARCHAR(16)   NOT NULL CHECK (method IN ('OAUTH', 'SYSTEM_USER')),
    access_token     TEXT          NOT NULL,
    refresh_token    TEXT,
    -- When the access token stops working; NULL when the platform gives no end.
    expires_at       TIMESTAMPTZ,
    -- NEEDS_RECONNECT: the token expired or was revoked (status_reason: the platform's message).
    status           VARCHAR(16)   NOT NULL DEFAULT 'CONNECTED' CHECK (status IN ('CONNECTED', 'NEEDS_RECONNECT')),
    status_reason    VARCHAR(2000),
    connected_by     BIGINT        REFERENCES app_user (id) ON DELETE SET NULL,
    connected_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at       TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version          INTEGER       NOT NULL DEFAULT 0,
    -- The admins were told that the token expiring at expires_at is about to expire (once per expiry).
    expiry_warned_at TIMESTAMPTZ
);
CREATE INDEX social_connection_connected_by_idx ON social_connection (connected_by) WHERE connected_by IS NOT NULL;

-- An authorization under way: created when staff are sent to the platform, used once when they come back (within 10
-- minutes, by the same account). The state is stored as its SHA-256; the PKCE verifier encrypted. After Facebook Login
-- granted several Pages, the granted accounts wait here (encrypted) until staff choose one.
CREATE TABLE social_authorization (
    id            BIGSERIAL PRIMARY KEY,
    state_hash    VARCHAR(64)   NOT NULL UNIQUE,
    platform      VARCHAR(16)   NOT NULL CHECK (platform IN ('FACEBOOK', 'INSTAGRAM', 'X')),
    account_id    BIGINT        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    code_verifier TEXT          NOT NULL,
    redirect_uri  VARCHAR(2000) NOT NULL,
    created_at    TIMESTAMPTZ   NOT NULL DEFAULT now(),
    expires_at    TIMESTAMPTZ   NOT NULL,
    -- Set when the code was exchanged (the state cannot be used again).
    used_at       TIMESTAMPTZ,
    -- The accounts the code granted, while staff choose a Page (encrypted JSON).
    granted       TEXT
);
CREATE INDEX social_authorization_expires_idx ON social_authorization (expires_at);
