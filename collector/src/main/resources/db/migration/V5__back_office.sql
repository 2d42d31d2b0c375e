-- Back office: token roles, staff sessions, refused origins.

-- 'analyst' reads its services; 'owner' also edits their settings. Existing tokens stay analysts.
ALTER TABLE api_tokens ADD COLUMN role VARCHAR(16) DEFAULT 'analyst' NOT NULL;

-- A signed-in staff member. Only the SHA-256 of the session id (the jdma_session cookie) is kept,
-- so every collector sharing a PostgreSQL database knows every session, and a copy of the table
-- opens none. subject: 'token:<api_tokens.id>' or 'admin:<fingerprint of the admin token>'.
CREATE TABLE staff_sessions (
  id_hash      VARCHAR(64) NOT NULL PRIMARY KEY,
  subject      VARCHAR(80) NOT NULL,
  created_at   BIGINT      NOT NULL,
  last_seen_at BIGINT      NOT NULL
);

-- Origins whose ratings were refused with 403, per service: what a webmaster forgot to allow.
-- Nothing about the request is kept but the origin (a web site), a count and the last time.
CREATE TABLE refused_origins (
  service       VARCHAR(64)  NOT NULL,
  origin        VARCHAR(200) NOT NULL,
  refused_count BIGINT       NOT NULL,
  last_seen_at  BIGINT       NOT NULL,
  PRIMARY KEY (service, origin)
);
