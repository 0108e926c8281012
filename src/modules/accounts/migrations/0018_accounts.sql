-- Accounts managed from the browser: who granted each role, and one-time activation and reset codes (only their
-- hash is kept; the code is shown once to the officer who issued it).
ALTER TABLE grants ADD COLUMN granted_by TEXT NOT NULL DEFAULT '';
CREATE INDEX grants_unit ON grants (unit_id, role);
CREATE INDEX grants_user ON grants (user_id);

CREATE TABLE activation_codes (
  id {{ID_PK}},
  user_id {{BIGINT}} NOT NULL REFERENCES users(id),
  code_hash TEXT NOT NULL,
  purpose TEXT NOT NULL,
  issued_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  used_at TEXT,
  superseded_at TEXT
);
CREATE INDEX activation_codes_user ON activation_codes (user_id, id);
