-- lightly-server schema, version 4: web sessions signed out before their expiry. A session cookie
-- is an HMAC the server does not store; signing out records the MAC until the cookie would have
-- expired, so a copy of the cookie is refused afterwards.
CREATE TABLE ended_sessions (
    mac VARCHAR(64) PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
