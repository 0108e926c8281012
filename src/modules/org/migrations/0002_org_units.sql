-- The org tree. `path` is the materialized path of ids ("/1/4/9/") that every subtree check and
-- rollup uses; valid_from/valid_to keep history so restructuring never rewrites it.
CREATE TABLE units (
  id {{ID_PK}},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  sort_name TEXT NOT NULL,
  kind TEXT NOT NULL,
  parent_id {{BIGINT}} REFERENCES units(id),
  path TEXT {{C_COLLATE}} NOT NULL,
  depth INTEGER NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  territory_id {{BIGINT}} REFERENCES units(id),
  active INTEGER NOT NULL DEFAULT 1,
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX units_parent ON units (parent_id, sort_name);
CREATE INDEX units_path ON units (path);

-- Groups that cut across the tree ("thí điểm Sổ ghi danh": the 3 pilot committees).
CREATE TABLE unit_groups (
  id {{ID_PK}},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE unit_group_members (
  group_id {{BIGINT}} NOT NULL REFERENCES unit_groups(id),
  unit_id {{BIGINT}} NOT NULL REFERENCES units(id),
  PRIMARY KEY (group_id, unit_id)
);

-- A role granted to an account on a unit holds for the unit's whole subtree.
CREATE TABLE grants (
  id {{ID_PK}},
  user_id {{BIGINT}} NOT NULL REFERENCES users(id),
  role TEXT NOT NULL,
  unit_id {{BIGINT}} NOT NULL REFERENCES units(id),
  created_at TEXT NOT NULL,
  UNIQUE (user_id, role, unit_id)
);
