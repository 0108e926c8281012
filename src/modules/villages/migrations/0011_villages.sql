-- Villages (thôn): households and their poverty status per year under the national multidimensional standard,
-- new-rural criteria sets, assessments of a village against a set, and recognition decisions.

-- The poverty standards as data: a period of years, the income lines (đồng per person per month) and the
-- indicators of deprivation; poor when at or under the line and lacking at least min_lacking indicators.
CREATE TABLE poverty_standards (
  id {{ID_PK}},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  from_year INTEGER NOT NULL,
  to_year INTEGER NOT NULL,
  rural_line {{BIGINT}} NOT NULL,
  urban_line {{BIGINT}} NOT NULL,
  min_lacking INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE poverty_indicators (
  id {{ID_PK}},
  standard_id {{BIGINT}} NOT NULL REFERENCES poverty_standards(id),
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  dimension TEXT NOT NULL,
  name TEXT NOT NULL,
  threshold TEXT NOT NULL DEFAULT '',
  UNIQUE (standard_id, code)
);

-- A household of a village. village_path copies the village's materialized path so that counting a subtree is
-- an index range on this table alone (units never change parent: D3; restructuring, issue 9, must update it).
-- A household counts in a year when it was registered by the year's end and had not ended by then.
CREATE TABLE households (
  id {{ID_PK}},
  village_id {{BIGINT}} NOT NULL REFERENCES units(id),
  village_path TEXT {{C_COLLATE}} NOT NULL,
  code TEXT NOT NULL,
  head_name TEXT NOT NULL,
  head_birth_year INTEGER,
  head_gender TEXT NOT NULL DEFAULT '',
  ethnicity TEXT NOT NULL DEFAULT '',
  address TEXT NOT NULL DEFAULT '',
  area TEXT NOT NULL,
  registered_on TEXT,
  ended_on TEXT,
  ended_reason TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  folded TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (village_id, code)
);
CREATE INDEX households_path ON households (village_path);

-- The other members of a household (the head is on the household).
CREATE TABLE household_members (
  id {{ID_PK}},
  household_id {{BIGINT}} NOT NULL REFERENCES households(id),
  position INTEGER NOT NULL,
  full_name TEXT NOT NULL,
  relation TEXT NOT NULL DEFAULT '',
  birth_year INTEGER,
  gender TEXT NOT NULL DEFAULT ''
);
CREATE INDEX household_members_household ON household_members (household_id, position);

-- A household's status in a year. Both ways are kept: the answers ct05 classified by the standard in force
-- (income, indicators lacking, the result) and the status the commune's review decided; `status` is the one in
-- force (the decided one when there is one) and is what every count reads.
CREATE TABLE household_statuses (
  id {{ID_PK}},
  household_id {{BIGINT}} NOT NULL REFERENCES households(id),
  year INTEGER NOT NULL,
  status TEXT NOT NULL,
  standard_id {{BIGINT}} REFERENCES poverty_standards(id),
  income {{BIGINT}},
  lacking TEXT NOT NULL DEFAULT '',
  computed_status TEXT,
  computed_reason TEXT NOT NULL DEFAULT '',
  classified_at TEXT,
  classified_by TEXT NOT NULL DEFAULT '',
  decided_status TEXT,
  decision_note TEXT NOT NULL DEFAULT '',
  decided_at TEXT,
  decided_by TEXT NOT NULL DEFAULT '',
  UNIQUE (household_id, year)
);

-- New-rural criteria sets ("bộ tiêu chí thôn nông thôn mới"), versioned: a set is never edited; a new version
-- (same code, next number) is made from it.
CREATE TABLE criteria_sets (
  id {{ID_PK}},
  code TEXT NOT NULL,
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  from_year INTEGER NOT NULL,
  to_year INTEGER,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (code, version)
);

-- figure_source names a figure ct05 knows and pre-fills ("poverty_rate", "near_poor_rate", "households").
CREATE TABLE criteria (
  id {{ID_PK}},
  set_id {{BIGINT}} NOT NULL REFERENCES criteria_sets(id),
  position INTEGER NOT NULL,
  group_name TEXT NOT NULL,
  number TEXT NOT NULL,
  name TEXT NOT NULL,
  requirement TEXT NOT NULL DEFAULT '',
  figure_label TEXT NOT NULL DEFAULT '',
  figure_source TEXT NOT NULL DEFAULT '',
  UNIQUE (set_id, position)
);

-- A village assessed against a set for a year, criterion by criterion (met NULL: not assessed yet).
CREATE TABLE village_assessments (
  id {{ID_PK}},
  village_id {{BIGINT}} NOT NULL REFERENCES units(id),
  village_path TEXT {{C_COLLATE}} NOT NULL,
  set_id {{BIGINT}} NOT NULL REFERENCES criteria_sets(id),
  year INTEGER NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  UNIQUE (village_id, set_id, year)
);
CREATE INDEX village_assessments_path ON village_assessments (village_path, year);

CREATE TABLE assessment_results (
  id {{ID_PK}},
  assessment_id {{BIGINT}} NOT NULL REFERENCES village_assessments(id),
  criterion_id {{BIGINT}} NOT NULL REFERENCES criteria(id),
  met INTEGER,
  figure TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  UNIQUE (assessment_id, criterion_id)
);

-- Evidence files of an assessment, stored outside the database (files::FileStore), by criterion.
CREATE TABLE assessment_files (
  id {{ID_PK}},
  assessment_id {{BIGINT}} NOT NULL REFERENCES village_assessments(id),
  criterion_id {{BIGINT}} NOT NULL REFERENCES criteria(id),
  kind TEXT NOT NULL,
  mime TEXT NOT NULL,
  path TEXT NOT NULL,
  thumb_path TEXT NOT NULL DEFAULT '',
  sha256 TEXT NOT NULL,
  bytes {{BIGINT}} NOT NULL,
  original_name TEXT NOT NULL,
  uploaded_at TEXT NOT NULL,
  uploaded_by TEXT NOT NULL
);
CREATE INDEX assessment_files_assessment ON assessment_files (assessment_id, criterion_id);

-- The decision that recognises a village as a new-rural village ("đạt chuẩn thôn nông thôn mới") for a year;
-- the village counts as recognised from decided_on. The decision's scan, if any, is stored outside the database.
CREATE TABLE village_recognitions (
  id {{ID_PK}},
  village_id {{BIGINT}} NOT NULL REFERENCES units(id),
  village_path TEXT {{C_COLLATE}} NOT NULL,
  year INTEGER NOT NULL,
  decision_no TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  issuer TEXT NOT NULL,
  assessment_id {{BIGINT}} REFERENCES village_assessments(id),
  note TEXT NOT NULL DEFAULT '',
  file_path TEXT NOT NULL DEFAULT '',
  file_mime TEXT NOT NULL DEFAULT '',
  file_name TEXT NOT NULL DEFAULT '',
  file_bytes {{BIGINT}} NOT NULL DEFAULT 0,
  file_sha256 TEXT NOT NULL DEFAULT '',
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  UNIQUE (village_id, year)
);
CREATE INDEX village_recognitions_path ON village_recognitions (village_path, decided_on);
