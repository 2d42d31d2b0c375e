-- One script for H2, SQLite and PostgreSQL: portable types only. Instants are epoch
-- milliseconds (UTC) and days are epoch days, so no dialect's date type leaks into features.

CREATE TABLE services (
  id               VARCHAR(64)   NOT NULL PRIMARY KEY,
  name             VARCHAR(200)  NOT NULL,
  organisation     VARCHAR(200)  NOT NULL,
  allowed_origins  VARCHAR(8000) NOT NULL,  -- space-separated origins
  public_results   BOOLEAN       NOT NULL,
  hidden_questions VARCHAR(200)  NOT NULL,  -- space-separated question names
  enabled          BOOLEAN       NOT NULL,
  created_at       BIGINT        NOT NULL,
  updated_at       BIGINT        NOT NULL
);

CREATE TABLE ratings (
  id           VARCHAR(36)   NOT NULL PRIMARY KEY,  -- the client's idempotency key
  received_at  BIGINT        NOT NULL,
  service      VARCHAR(64)   NOT NULL,
  location     VARCHAR(64)   NOT NULL,
  source       VARCHAR(32)   NOT NULL,
  satisfaction VARCHAR(8)    NOT NULL,
  clarity      SMALLINT,
  help         VARCHAR(100),                        -- values joined with '|'
  help_reached BOOLEAN,
  help_quality SMALLINT,
  comment      VARCHAR(8000),
  flags        VARCHAR(200),                        -- values joined with '|'
  page         VARCHAR(2000),
  lang         VARCHAR(8)
);
CREATE INDEX ratings_by_service_time ON ratings (service, received_at);
CREATE INDEX ratings_by_time ON ratings (received_at);

-- Answer counts per service x location x UTC day, kept in the same transaction as the
-- ratings so the indicators never need to scan raw rows.
CREATE TABLE daily_rollups (
  service              VARCHAR(64) NOT NULL,
  location             VARCHAR(64) NOT NULL,
  epoch_day            INTEGER     NOT NULL,  -- days since 1970-01-01 (UTC)
  answers              BIGINT      NOT NULL,
  good                 BIGINT      NOT NULL,
  average              BIGINT      NOT NULL,
  bad                  BIGINT      NOT NULL,
  clarity_answers      BIGINT      NOT NULL,
  clarity_points       BIGINT      NOT NULL,  -- sum of (clarity - 1), 0..4 each
  help_answers         BIGINT      NOT NULL,  -- answered question 3
  help_none            BIGINT      NOT NULL,
  reached_answers      BIGINT      NOT NULL,  -- tried an administration channel and said yes or no
  reached_yes          BIGINT      NOT NULL,
  quality_answers      BIGINT      NOT NULL,
  quality_points       BIGINT      NOT NULL,  -- sum of (help_quality - 1), 0..4 each
  PRIMARY KEY (service, location, epoch_day)
);

CREATE TABLE api_tokens (
  id          VARCHAR(36)   NOT NULL PRIMARY KEY,
  name        VARCHAR(200)  NOT NULL,
  token_hash  VARCHAR(64)   NOT NULL UNIQUE,   -- SHA-256 hex; the token itself is never stored
  services    VARCHAR(8000) NOT NULL,          -- space-separated service ids, or '*'
  created_at  BIGINT        NOT NULL,
  revoked_at  BIGINT
);

CREATE TABLE settings (
  name   VARCHAR(64)  NOT NULL PRIMARY KEY,
  setting_value VARCHAR(400) NOT NULL
);
