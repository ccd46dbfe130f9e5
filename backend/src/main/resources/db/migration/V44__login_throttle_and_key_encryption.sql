-- The login throttle counts failures per account and address together, and across the whole site in the last
-- minute (account/LoginThrottle): both need their own index.
CREATE INDEX login_failure_email_ip_idx ON login_failure (lower(email), ip, failed_at);
CREATE INDEX login_failure_failed_at_idx ON login_failure (failed_at);

-- signing_key.private_pem now holds the private key encrypted with SERAMBI_JWT_KEY_ENCRYPTION_KEY
-- ("serambi-aes256gcm-v1:" + base64 of IV and ciphertext, account/SigningKeys); a plaintext PEM left by an
-- earlier version is encrypted in place at the first start with a key.
COMMENT ON COLUMN signing_key.private_pem IS 'AES-256-GCM encrypted private key (serambi-aes256gcm-v1:...)';
