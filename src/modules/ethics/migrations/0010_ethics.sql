-- Ethics standards ("chuẩn mực đạo đức công vụ"): each unit publishes versioned text; a version is never edited,
-- a new one is published with the next number, and the highest is the one in force. Members of the unit's subtree
-- acknowledge the version in force; one row per person and version.
CREATE TABLE ethics_standards (
  id {{ID_PK}},
  unit_id {{BIGINT}} NOT NULL REFERENCES units(id),
  version INTEGER NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  published_at TEXT NOT NULL,
  published_by TEXT NOT NULL,
  UNIQUE (unit_id, version)
);

CREATE TABLE ethics_acknowledgements (
  id {{ID_PK}},
  standard_id {{BIGINT}} NOT NULL REFERENCES ethics_standards(id),
  person_id {{BIGINT}} NOT NULL REFERENCES persons(id),
  acknowledged_at TEXT NOT NULL,
  UNIQUE (standard_id, person_id)
);
-- A person's acknowledgements (the standards still waiting for them).
CREATE INDEX ethics_acknowledgements_person ON ethics_acknowledgements (person_id);
