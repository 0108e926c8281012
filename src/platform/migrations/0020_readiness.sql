-- The table /readyz writes one row into, in a transaction it rolls back: proof that the database accepts a write now
-- (a read-only file, replica or role refuses it), with nothing kept. It stays empty.
CREATE TABLE readiness (checked_at TEXT NOT NULL);
