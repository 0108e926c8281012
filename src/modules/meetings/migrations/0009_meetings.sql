-- Meetings of a unit ("sinh hoạt định kỳ, chuyên đề") with who attended, and the evaluation of each plan and
-- commitment: the member's self-assessment, then the unit's rating given in one of its meetings.
CREATE TABLE meetings (
  id {{ID_PK}},
  unit_id {{BIGINT}} NOT NULL REFERENCES units(id),
  held_on TEXT NOT NULL,
  kind TEXT NOT NULL,
  topic TEXT NOT NULL,
  minutes TEXT NOT NULL DEFAULT '',
  story_told INTEGER NOT NULL DEFAULT 0,
  story_title TEXT NOT NULL DEFAULT '',
  story_teller TEXT NOT NULL DEFAULT '',
  quiz_held INTEGER NOT NULL DEFAULT 0,
  quiz_note TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX meetings_unit ON meetings (unit_id, held_on);

-- One row per member of the unit on the meeting's date: present, or absent with the reason given.
CREATE TABLE meeting_attendance (
  id {{ID_PK}},
  meeting_id {{BIGINT}} NOT NULL REFERENCES meetings(id),
  person_id {{BIGINT}} NOT NULL REFERENCES persons(id),
  present INTEGER NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  UNIQUE (meeting_id, person_id)
);

-- One evaluation per plan or commitment (plans.id); unit_id and year repeat the plan's for the rollups and
-- the year lock.
CREATE TABLE evaluations (
  id {{ID_PK}},
  plan_id {{BIGINT}} NOT NULL UNIQUE REFERENCES plans(id),
  unit_id {{BIGINT}} NOT NULL REFERENCES units(id),
  year INTEGER NOT NULL,
  self_rating TEXT,
  self_comment TEXT NOT NULL DEFAULT '',
  self_by TEXT NOT NULL DEFAULT '',
  self_at TEXT,
  rating TEXT,
  comment TEXT NOT NULL DEFAULT '',
  meeting_id {{BIGINT}} REFERENCES meetings(id),
  rated_by TEXT NOT NULL DEFAULT '',
  rated_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX evaluations_unit_year ON evaluations (unit_id, year);
