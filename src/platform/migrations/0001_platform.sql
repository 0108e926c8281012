-- Platform tables: accounts, sessions, API tokens, login throttling, audit log, search index.
-- Dialect tokens ({{ID_PK}}, {{BIGINT}}) and engine blocks are explained in platform/db/migrate.cpp.
CREATE TABLE users (
  id {{ID_PK}},
  login TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  display_name TEXT NOT NULL,
  person_id {{BIGINT}},
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id {{BIGINT}} NOT NULL REFERENCES users(id),
  csrf TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX sessions_expiry ON sessions (expires_at);

CREATE TABLE api_tokens (
  token_hash TEXT PRIMARY KEY,
  user_id {{BIGINT}} NOT NULL REFERENCES users(id),
  label TEXT NOT NULL,
  created_at TEXT NOT NULL,
  revoked_at TEXT
);

CREATE TABLE login_attempts (
  id {{ID_PK}},
  login TEXT NOT NULL,
  ip TEXT NOT NULL,
  ok INTEGER NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX login_attempts_login ON login_attempts (login, at);
CREATE INDEX login_attempts_ip ON login_attempts (ip, at);

CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY,
  seq {{BIGINT}} NOT NULL,
  last_hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, last_hash) VALUES (1, 0, '');

CREATE TABLE audit_log (
  id {{BIGINT}} PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id {{BIGINT}} NOT NULL,
  unit_path TEXT {{C_COLLATE}} NOT NULL,
  before_json TEXT NOT NULL,
  after_json TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_unit ON audit_log (unit_path, id);

CREATE TABLE search_items (
  id {{ID_PK}},
  kind TEXT NOT NULL,
  ref_id {{BIGINT}} NOT NULL,
  unit_path TEXT {{C_COLLATE}} NOT NULL,
  title TEXT NOT NULL,
  title_folded TEXT NOT NULL,
  folded TEXT NOT NULL,
  UNIQUE (kind, ref_id)
);

-- sqlite:begin
CREATE VIRTUAL TABLE search_fts USING fts5(folded, content='search_items', content_rowid='id',
  tokenize='unicode61 remove_diacritics 2');
CREATE TRIGGER search_items_ai AFTER INSERT ON search_items BEGIN
  INSERT INTO search_fts (rowid, folded) VALUES (new.id, new.folded);
END;
CREATE TRIGGER search_items_ad AFTER DELETE ON search_items BEGIN
  INSERT INTO search_fts (search_fts, rowid, folded) VALUES ('delete', old.id, old.folded);
END;
CREATE TRIGGER search_items_au AFTER UPDATE ON search_items BEGIN
  INSERT INTO search_fts (search_fts, rowid, folded) VALUES ('delete', old.id, old.folded);
  INSERT INTO search_fts (rowid, folded) VALUES (new.id, new.folded);
END;
-- sqlite:end
-- postgres:begin
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE INDEX search_items_trgm ON search_items USING gin (folded gin_trgm_ops);
-- postgres:end
CREATE INDEX search_items_scope ON search_items (unit_path);
