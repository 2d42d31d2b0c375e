-- Hardening (issue 7). One row the collector rewrites, durably, to learn that the database takes
-- writes again after an outage or a full disk: a read (SELECT 1) succeeds on a full disk.
CREATE TABLE health_probe (
  id          INTEGER NOT NULL PRIMARY KEY,
  checked_at  BIGINT  NOT NULL                    -- epoch milliseconds (UTC) of the last probe
);
INSERT INTO health_probe (id, checked_at) VALUES (1, 0);
