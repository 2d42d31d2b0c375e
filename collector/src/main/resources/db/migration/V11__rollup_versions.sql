-- Indicators at scale (issue 10). One counter per service, raised in the same transaction as
-- every write to its rollups (stats/Rollups: new ratings and completions), so a collector may
-- keep indicators it computed and know with one key lookup whether they are still exact, even
-- when another collector sharing the database wrote since. Services never written have no row.
CREATE TABLE rollup_versions (
  service   VARCHAR(64) NOT NULL PRIMARY KEY,
  version   BIGINT      NOT NULL
);
