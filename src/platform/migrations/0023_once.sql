-- What makes a retried request harmless (issue 16, D32).
-- idempotency_keys: the first answer to a POST sent with an Idempotency-Key header (API) or a form's one-time
-- "_once" field, per account, kept 24 hours. state: pending (the first request is running), committed (its write
-- committed, in the same transaction; the answer is being stored), done (status, headers and body stored).
CREATE TABLE idempotency_keys (
  scope TEXT NOT NULL,
  idem_key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  state TEXT NOT NULL,
  status INTEGER,
  headers TEXT,
  body TEXT,
  created_at {{BIGINT}} NOT NULL,
  PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_keys_created ON idempotency_keys (created_at);
-- Single-use values (the public form's challenges): a nonce is spent when it is inserted; kept until it expires.
CREATE TABLE used_nonces (
  nonce TEXT PRIMARY KEY,
  expires_at {{BIGINT}} NOT NULL
);
