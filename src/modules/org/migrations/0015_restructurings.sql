-- Restructuring with history (docs/decisions.md D25). A unit keeps its id through a move or a rename; what it was
-- before (name, code, kind, parent and path) is kept in unit_history with the dates it held, and `state_from` on the
-- unit says since when its current state holds (NULL: since valid_from). Merges, splits and dissolutions close units
-- (valid_to, active 0) and open new ones; unit_lineage says which unit continues which. Nothing is ever rewritten:
-- rows of plans, meetings, register entries and households keep the unit they were written for.
ALTER TABLE units ADD COLUMN state_from TEXT;

CREATE TABLE restructurings (
  id {{ID_PK}},
  kind TEXT NOT NULL,
  effective_on TEXT NOT NULL,
  legal_basis TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  request_json TEXT NOT NULL,
  summary_json TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX restructurings_on ON restructurings (effective_on, id);

-- A state a unit held from valid_from to valid_to (both included), ended by a restructuring.
CREATE TABLE unit_history (
  id {{ID_PK}},
  unit_id {{BIGINT}} NOT NULL REFERENCES units(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  kind TEXT NOT NULL,
  parent_id {{BIGINT}} REFERENCES units(id),
  path TEXT {{C_COLLATE}} NOT NULL,
  depth INTEGER NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT NOT NULL,
  restructuring_id {{BIGINT}} NOT NULL REFERENCES restructurings(id)
);
CREATE INDEX unit_history_path ON unit_history (path);
CREATE INDEX unit_history_unit ON unit_history (unit_id, valid_from);

-- Which unit continues which (merge: every source → the target; split: the source → every successor).
CREATE TABLE unit_lineage (
  restructuring_id {{BIGINT}} NOT NULL REFERENCES restructurings(id),
  predecessor_id {{BIGINT}} NOT NULL REFERENCES units(id),
  successor_id {{BIGINT}} NOT NULL REFERENCES units(id),
  PRIMARY KEY (restructuring_id, predecessor_id, successor_id)
);
CREATE INDEX unit_lineage_successor ON unit_lineage (successor_id);
CREATE INDEX unit_lineage_predecessor ON unit_lineage (predecessor_id);

-- Every unit an event touched and how (source, target, created, moved, renamed, dissolved), for the unit pages.
CREATE TABLE restructuring_units (
  restructuring_id {{BIGINT}} NOT NULL REFERENCES restructurings(id),
  unit_id {{BIGINT}} NOT NULL REFERENCES units(id),
  role TEXT NOT NULL,
  PRIMARY KEY (restructuring_id, unit_id, role)
);
CREATE INDEX restructuring_units_unit ON restructuring_units (unit_id);

-- Every subtree a restructuring moved, with the root's path before and after (audit entries keep the path they were
-- written under, so a unit's old entries are found through this).
CREATE TABLE unit_moves (
  restructuring_id {{BIGINT}} NOT NULL REFERENCES restructurings(id),
  unit_id {{BIGINT}} NOT NULL REFERENCES units(id),
  old_path TEXT {{C_COLLATE}} NOT NULL,
  new_path TEXT {{C_COLLATE}} NOT NULL
);
CREATE INDEX unit_moves_new ON unit_moves (new_path);
