-- Imports of units, people and households waiting for their commit. An upload is read and validated into a
-- preview: the file is kept (base64, so both engines store it as text), every problem found is a row of
-- import_issues (line, column, Vietnamese message), and nothing is written to units, persons or households until
-- the uploader commits, which re-reads the kept file against the database as it is then.
CREATE TABLE imports (
  id {{ID_PK}},
  kind TEXT NOT NULL,
  unit_id {{BIGINT}} NOT NULL REFERENCES units(id),
  unit_path TEXT {{C_COLLATE}} NOT NULL,
  owner_user_id {{BIGINT}} NOT NULL,
  owner_name TEXT NOT NULL DEFAULT '',
  file_name TEXT NOT NULL DEFAULT '',
  format TEXT NOT NULL DEFAULT '',
  file_sha256 TEXT NOT NULL,
  file_base64 TEXT NOT NULL,
  status TEXT NOT NULL,
  data_rows INTEGER NOT NULL DEFAULT 0,
  valid_rows INTEGER NOT NULL DEFAULT 0,
  invalid_rows INTEGER NOT NULL DEFAULT 0,
  issue_count INTEGER NOT NULL DEFAULT 0,
  file_error INTEGER NOT NULL DEFAULT 0,
  ignored_columns TEXT NOT NULL DEFAULT '',
  mode TEXT NOT NULL DEFAULT '',
  imported INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  committed_at TEXT
);
CREATE INDEX imports_owner ON imports (owner_user_id, id);

CREATE TABLE import_issues (
  id {{ID_PK}},
  import_id {{BIGINT}} NOT NULL REFERENCES imports(id),
  line INTEGER NOT NULL,
  column_name TEXT NOT NULL DEFAULT '',
  message TEXT NOT NULL
);
CREATE INDEX import_issues_import ON import_issues (import_id, id);

-- People have no code: an import finds a person already there by ID number or party card number.
CREATE INDEX persons_id_number ON persons (id_number);
CREATE INDEX persons_party_card ON persons (party_card_no);
