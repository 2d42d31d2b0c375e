-- Moderation (issue 9). A comment is marked reviewed once a moderator has read it; every
-- moderator action (reviewed, redact) leaves an audit row naming who did what, when, to which
-- rating. The audit holds no comment text: a redaction must not survive in its own trail.
ALTER TABLE ratings ADD COLUMN reviewed_at BIGINT;

CREATE TABLE moderation_audit (
  id          VARCHAR(36)  NOT NULL PRIMARY KEY,
  acted_at    BIGINT       NOT NULL,              -- epoch milliseconds (UTC)
  actor       VARCHAR(200) NOT NULL,              -- the token's name, or "administrator"
  action      VARCHAR(16)  NOT NULL,              -- reviewed | redact
  rating_id   VARCHAR(36)  NOT NULL,
  service     VARCHAR(64)  NOT NULL
);
CREATE INDEX moderation_audit_by_service_time ON moderation_audit (service, acted_at);
