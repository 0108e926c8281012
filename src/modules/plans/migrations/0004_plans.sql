-- Years and their breakthrough theme; pressing issues; plans of units and commitments of persons.
-- A plan and a commitment share one shape (a list of items, the same review workflow), so they share
-- the tables: owner_kind 'unit' (person_id NULL) or 'person'.
CREATE TABLE years (
  year INTEGER PRIMARY KEY,
  theme TEXT NOT NULL DEFAULT '',
  study_topic TEXT NOT NULL DEFAULT '',
  updated_at TEXT NOT NULL
);

CREATE TABLE pressing_issues (
  id {{ID_PK}},
  unit_id {{BIGINT}} NOT NULL REFERENCES units(id),
  year INTEGER NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  resolved_on TEXT,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX pressing_issues_unit ON pressing_issues (unit_id, year);

CREATE TABLE plans (
  id {{ID_PK}},
  owner_kind TEXT NOT NULL,
  unit_id {{BIGINT}} NOT NULL REFERENCES units(id),
  person_id {{BIGINT}} REFERENCES persons(id),
  year INTEGER NOT NULL,
  status TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  submitted_at TEXT,
  reviewed_at TEXT,
  reviewed_by TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX plans_unit_year ON plans (unit_id, year) WHERE person_id IS NULL;
CREATE UNIQUE INDEX plans_person_year ON plans (person_id, year) WHERE person_id IS NOT NULL;
CREATE INDEX plans_year_status ON plans (year, owner_kind, status);

CREATE TABLE plan_items (
  id {{ID_PK}},
  plan_id {{BIGINT}} NOT NULL REFERENCES plans(id),
  position INTEGER NOT NULL,
  content TEXT NOT NULL,
  responsible TEXT NOT NULL DEFAULT '',
  due_date TEXT,
  evidence TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL
);
CREATE INDEX plan_items_plan ON plan_items (plan_id, position);

-- Every transition of a plan, with who, when and the comment (the review history).
CREATE TABLE plan_events (
  id {{ID_PK}},
  plan_id {{BIGINT}} NOT NULL REFERENCES plans(id),
  action TEXT NOT NULL,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  actor TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL
);
CREATE INDEX plan_events_plan ON plan_events (plan_id, id);
