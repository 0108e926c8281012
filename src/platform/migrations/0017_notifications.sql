-- Accounts in service: e-mail and its opt-out, last login, when and by whom disabled; where sessions and API
-- tokens were last used; in-app notifications and the mail queue they feed (platform/notify).
ALTER TABLE users ADD COLUMN email TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN email_notify INTEGER NOT NULL DEFAULT 1;
ALTER TABLE users ADD COLUMN last_login_at TEXT;
ALTER TABLE users ADD COLUMN disabled_at TEXT;
ALTER TABLE users ADD COLUMN folded TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN created_by TEXT NOT NULL DEFAULT '';
CREATE INDEX users_person ON users (person_id);

ALTER TABLE sessions ADD COLUMN ip TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN user_agent TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN last_seen_at TEXT;
CREATE INDEX sessions_user ON sessions (user_id);

ALTER TABLE api_tokens ADD COLUMN last_used_at TEXT;
ALTER TABLE api_tokens ADD COLUMN last_ip TEXT NOT NULL DEFAULT '';
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE notifications (
  id {{ID_PK}},
  user_id {{BIGINT}} NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL DEFAULT '',
  href TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  read_at TEXT
);
CREATE INDEX notifications_user ON notifications (user_id, id);
CREATE INDEX notifications_unread ON notifications (user_id, read_at);

-- Mails waiting to be sent; a request only inserts here, the sender (serve --smtp) sends with retries.
CREATE TABLE mail_queue (
  id {{ID_PK}},
  to_addr TEXT NOT NULL,
  subject TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at TEXT NOT NULL,
  next_at TEXT NOT NULL,
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT NOT NULL DEFAULT '',
  sent_at TEXT,
  given_up_at TEXT
);
CREATE INDEX mail_queue_due ON mail_queue (sent_at, given_up_at, next_at);
