-- Indicators at scale (issue 10): per location over all time (the stats API's default, the results pages, the
-- start's warm-up) the collector summed about 13 monthly rows per location, 65,000 for 5,000 locations over a year:
-- about a second on the first call after a start. One row per service x location instead, written in the same
-- transaction as the other rollups (stats/Rollups), from the same deltas; first_day and last_day are the location's
-- first and last day that has a daily row. Never purged, like the monthly rows it sums.
CREATE TABLE location_rollups (
  service              VARCHAR(64) NOT NULL,
  location             VARCHAR(64) NOT NULL,
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
  PRIMARY KEY (service, location)
);

-- Backfill from the monthly rows already there (V8, V8_1).
INSERT INTO location_rollups (service, location, first_day, last_day, answers, good, average, bad, clarity_answers, clarity_points, help_answers, help_none, reached_answers, reached_yes, quality_answers, quality_points)
SELECT service, location, MIN(first_day), MAX(last_day), SUM(answers), SUM(good), SUM(average), SUM(bad),
       SUM(clarity_answers), SUM(clarity_points), SUM(help_answers), SUM(help_none), SUM(reached_answers),
       SUM(reached_yes), SUM(quality_answers), SUM(quality_points)
FROM monthly_rollups
GROUP BY service, location;
