-- Indicators at scale: with thousands of locations a service has about one daily_rollups row
-- per answer, so by-month and service-wide questions would still scan them all. These two
-- tables are written in the same transaction as daily_rollups (stats/Rollups), from the same
-- deltas, and are never purged (retention deletes raw ratings only).

-- One row per service x location x UTC month. month_start is the epoch day of the month's
-- first day; first_day and last_day are the month's first and last day that has a daily row.
CREATE TABLE monthly_rollups (
  service              VARCHAR(64) NOT NULL,
  location             VARCHAR(64) NOT NULL,
  month_start          INTEGER     NOT NULL,
  first_day            INTEGER     NOT NULL,
  last_day             INTEGER     NOT NULL,
  answers              BIGINT      NOT NULL,
  good                 BIGINT      NOT NULL,
  average              BIGINT      NOT NULL,
  bad                  BIGINT      NOT NULL,
  clarity_answers      BIGINT      NOT NULL,
  clarity_points       BIGINT      NOT NULL,
  help_answers         BIGINT      NOT NULL,
  help_none            BIGINT      NOT NULL,
  reached_answers      BIGINT      NOT NULL,
  reached_yes          BIGINT      NOT NULL,
  quality_answers      BIGINT      NOT NULL,
  quality_points       BIGINT      NOT NULL,
  PRIMARY KEY (service, location, month_start)
);

-- One row per service x UTC day, every location together (the service-wide trend, location=*).
CREATE TABLE service_daily_rollups (
  service              VARCHAR(64) NOT NULL,
  epoch_day            INTEGER     NOT NULL,
  answers              BIGINT      NOT NULL,
  good                 BIGINT      NOT NULL,
  average              BIGINT      NOT NULL,
  bad                  BIGINT      NOT NULL,
  clarity_answers      BIGINT      NOT NULL,
  clarity_points       BIGINT      NOT NULL,
  help_answers         BIGINT      NOT NULL,
  help_none            BIGINT      NOT NULL,
  reached_answers      BIGINT      NOT NULL,
  reached_yes          BIGINT      NOT NULL,
  quality_answers      BIGINT      NOT NULL,
  quality_points       BIGINT      NOT NULL,
  PRIMARY KEY (service, epoch_day)
);

-- Backfill from the daily rows already there. The months are filled by V8_1 (Java): the month
-- of an epoch day has no portable SQL spelling across H2, SQLite and PostgreSQL.
INSERT INTO service_daily_rollups (service, epoch_day, answers, good, average, bad, clarity_answers, clarity_points, help_answers, help_none, reached_answers, reached_yes, quality_answers, quality_points)
SELECT service, epoch_day, SUM(answers), SUM(good), SUM(average), SUM(bad), SUM(clarity_answers), SUM(clarity_points),
       SUM(help_answers), SUM(help_none), SUM(reached_answers), SUM(reached_yes), SUM(quality_answers), SUM(quality_points)
FROM daily_rollups
GROUP BY service, epoch_day;
