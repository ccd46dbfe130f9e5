-- Accounts, roles, login throttling and the JWT signing key.

CREATE TABLE app_user (
    id            BIGSERIAL PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    password_hash VARCHAR(100) NOT NULL,
    display_name  VARCHAR(80)  NOT NULL,
    birth_year    INTEGER      NOT NULL CHECK (birth_year BETWEEN 1900 AND 2100),
    role          VARCHAR(16)  NOT NULL DEFAULT 'MEMBER'
                  CHECK (role IN ('ADMIN', 'STAFF', 'REVIEWER', 'MEMBER')),
    created_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    updated_at    TIMESTAMPTZ  NOT NULL DEFAULT now(),
    version       INTEGER      NOT NULL DEFAULT 0
);
-- One account per e-mail, case-insensitively: enforced here, not only in Java.
CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email));
CREATE INDEX app_user_role_idx ON app_user (role);

-- Failed logins, kept for the throttling window; shared by every backend instance.
CREATE TABLE login_failure (
    id         BIGSERIAL PRIMARY KEY,
    email      VARCHAR(254) NOT NULL,
    ip         VARCHAR(64)  NOT NULL,
    failed_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX login_failure_email_idx ON login_failure (lower(email), failed_at);
CREATE INDEX login_failure_ip_idx ON login_failure (ip, failed_at);

-- The RS256 key pair generated when none is configured, so that restarts and replicas agree.
CREATE TABLE signing_key (
    id          VARCHAR(32) PRIMARY KEY,
    public_pem  TEXT        NOT NULL,
    private_pem TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
