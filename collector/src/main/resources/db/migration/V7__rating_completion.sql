-- Completion (answers saved step by step): a rating may be completed once, within an hour,
-- by a second POST of its id adding the optional answers it lacked. The instant of that
-- completion is kept so that a second one is told apart from a replay.
ALTER TABLE ratings ADD COLUMN completed_at BIGINT;
