-- The year-end review of a unit ("kiểm điểm, đánh giá cuối năm"): once held, the unit's plan, its members'
-- commitments and every rating of that year are locked. The unit above may reopen the year with a reason;
-- the unit then reviews (locks) it again. One row per unit and year keeps the current state; each lock and
-- reopening is also in the audit log with who and when.
CREATE TABLE year_reviews (
  id {{ID_PK}},
  unit_id {{BIGINT}} NOT NULL REFERENCES units(id),
  year INTEGER NOT NULL,
  locked INTEGER NOT NULL,
  meeting_id {{BIGINT}},
  locked_at TEXT NOT NULL,
  locked_by TEXT NOT NULL,
  reopened_at TEXT,
  reopened_by TEXT NOT NULL DEFAULT '',
  reopen_reason TEXT NOT NULL DEFAULT '',
  UNIQUE (unit_id, year)
);
