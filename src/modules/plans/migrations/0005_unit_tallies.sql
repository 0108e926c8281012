-- Per-unit tallies behind the coverage indicators, so that a subtree's figures are one row to read at any
-- scale (docs/decisions.md D13). Rows per unit and year; year 0 holds the figures that have no year (units
-- that must have a plan, cadres). unit_own_tallies counts the unit's own facts, unit_tallies the same over
-- its whole subtree (the unit included). Both are kept in the transaction of every change
-- (plans/storage/tallies.cpp); `ct05 tallies check` compares them with a recount from the rows.
CREATE TABLE unit_own_tallies (
  unit_id {{BIGINT}} NOT NULL REFERENCES units(id),
  year INTEGER NOT NULL,
  required {{BIGINT}} NOT NULL DEFAULT 0,
  plans {{BIGINT}} NOT NULL DEFAULT 0,
  cadres {{BIGINT}} NOT NULL DEFAULT 0,
  commitments {{BIGINT}} NOT NULL DEFAULT 0,
  issues {{BIGINT}} NOT NULL DEFAULT 0,
  resolved {{BIGINT}} NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, year)
);

CREATE TABLE unit_tallies (
  unit_id {{BIGINT}} NOT NULL REFERENCES units(id),
  year INTEGER NOT NULL,
  required {{BIGINT}} NOT NULL DEFAULT 0,
  plans {{BIGINT}} NOT NULL DEFAULT 0,
  cadres {{BIGINT}} NOT NULL DEFAULT 0,
  commitments {{BIGINT}} NOT NULL DEFAULT 0,
  issues {{BIGINT}} NOT NULL DEFAULT 0,
  resolved {{BIGINT}} NOT NULL DEFAULT 0,
  PRIMARY KEY (unit_id, year)
);
