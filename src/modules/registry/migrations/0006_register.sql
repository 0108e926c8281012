-- Sổ ghi danh người tốt, việc tốt: the register of good people and good deeds.
-- Categories are a catalogue the admin edits; the register is open for every unit or for the subtrees of
-- the units of chosen groups (the pilot committees first).
CREATE TABLE register_categories (
  id {{ID_PK}},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL
);

CREATE TABLE register_settings (
  id INTEGER PRIMARY KEY,
  everyone INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
);

CREATE TABLE register_groups (
  group_id {{BIGINT}} PRIMARY KEY REFERENCES unit_groups(id),
  enabled_at TEXT NOT NULL
);

-- An entry: a person or a collective, the deed, when and where, its category; who nominated it (a member's
-- account, or a citizen's name and contact through the public form); the subject's consent to publication with
-- who recorded it and when; the commendation; the workflow status. `code` is the short public link /r/{code}.
CREATE TABLE register_entries (
  id {{ID_PK}},
  code TEXT NOT NULL UNIQUE,
  unit_id {{BIGINT}} NOT NULL REFERENCES units(id),
  subject_kind TEXT NOT NULL,
  subject_name TEXT NOT NULL,
  deed TEXT NOT NULL,
  deed_date TEXT NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  category_id {{BIGINT}} NOT NULL REFERENCES register_categories(id),
  status TEXT NOT NULL,
  source TEXT NOT NULL,
  nominator_user_id {{BIGINT}} REFERENCES users(id),
  nominator_name TEXT NOT NULL,
  nominator_contact TEXT NOT NULL DEFAULT '',
  consent INTEGER NOT NULL DEFAULT 0,
  consent_by TEXT NOT NULL DEFAULT '',
  consent_at TEXT,
  commendation TEXT NOT NULL DEFAULT '',
  decision_no TEXT NOT NULL DEFAULT '',
  decision_date TEXT,
  reject_reason TEXT NOT NULL DEFAULT '',
  folded TEXT NOT NULL,
  published_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX register_entries_unit ON register_entries (unit_id, status);
CREATE INDEX register_entries_public ON register_entries (status, consent, deed_date);

CREATE TABLE register_events (
  id {{ID_PK}},
  entry_id {{BIGINT}} NOT NULL REFERENCES register_entries(id),
  action TEXT NOT NULL,
  from_status TEXT NOT NULL,
  to_status TEXT NOT NULL,
  actor TEXT NOT NULL,
  comment TEXT NOT NULL DEFAULT '',
  at TEXT NOT NULL
);
CREATE INDEX register_events_entry ON register_events (entry_id, id);

-- Evidence files live outside the database (platform/files); a row keeps where and the hash.
CREATE TABLE register_files (
  id {{ID_PK}},
  entry_id {{BIGINT}} NOT NULL REFERENCES register_entries(id),
  kind TEXT NOT NULL,
  mime TEXT NOT NULL,
  path TEXT NOT NULL,
  thumb_path TEXT NOT NULL DEFAULT '',
  sha256 TEXT NOT NULL,
  bytes {{BIGINT}} NOT NULL,
  width INTEGER NOT NULL DEFAULT 0,
  height INTEGER NOT NULL DEFAULT 0,
  original_name TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL
);
CREATE INDEX register_files_entry ON register_files (entry_id, id);

-- "Nhân rộng": another unit took the example up, and what it did.
CREATE TABLE register_replications (
  id {{ID_PK}},
  entry_id {{BIGINT}} NOT NULL REFERENCES register_entries(id),
  unit_id {{BIGINT}} NOT NULL REFERENCES units(id),
  what TEXT NOT NULL,
  on_date TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX register_replications_entry ON register_replications (entry_id);

-- Public nominations per address, for the rate limit.
CREATE TABLE register_public_attempts (
  ip TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX register_public_attempts_ip ON register_public_attempts (ip, at);

-- The starting catalogue of fields of good deeds; the admin renames, hides and adds to it.
INSERT INTO register_categories (code, name, position, active, created_at) VALUES
  ('giup_do_nguoi_ngheo', 'Giúp đỡ người nghèo, người có hoàn cảnh khó khăn', 1, 1, '2020-01-01T00:00:00Z'),
  ('phat_trien_kinh_te', 'Phát triển kinh tế, làm giàu chính đáng', 2, 1, '2020-01-01T00:00:00Z'),
  ('hien_dat_lam_duong', 'Hiến đất, góp công làm đường', 3, 1, '2020-01-01T00:00:00Z'),
  ('xay_dung_nong_thon_moi', 'Xây dựng nông thôn mới, đô thị văn minh', 4, 1, '2020-01-01T00:00:00Z'),
  ('bao_ve_moi_truong', 'Bảo vệ môi trường', 5, 1, '2020-01-01T00:00:00Z'),
  ('an_ninh_trat_tu', 'Giữ gìn an ninh, trật tự', 6, 1, '2020-01-01T00:00:00Z'),
  ('hoc_tap', 'Học tập, khuyến học', 7, 1, '2020-01-01T00:00:00Z'),
  ('nghia_cu_cao_dep', 'Nghĩa cử cao đẹp, cứu người, nhặt được của rơi trả lại', 8, 1, '2020-01-01T00:00:00Z'),
  ('van_hoa_xa_hoi', 'Văn hóa, xã hội, đền ơn đáp nghĩa', 9, 1, '2020-01-01T00:00:00Z');
INSERT INTO register_settings (id, everyone, updated_at) VALUES (1, 0, '2020-01-01T00:00:00Z');
