-- People and their membership of units over time. Sensitive columns (party card, ethnicity, phone,
-- ID number) are personal data under the Personal Data Protection Law 2025: shown only to those
-- entitled (platform/auth/principal.cpp) and every full read is written to the audit log.
CREATE TABLE persons (
  id {{ID_PK}},
  full_name TEXT NOT NULL,
  sort_name TEXT NOT NULL,
  gender TEXT NOT NULL DEFAULT '',
  birth_year INTEGER,
  ethnicity TEXT NOT NULL DEFAULT '',
  phone TEXT NOT NULL DEFAULT '',
  id_number TEXT NOT NULL DEFAULT '',
  is_party_member INTEGER NOT NULL DEFAULT 0,
  party_card_no TEXT NOT NULL DEFAULT '',
  party_join_date TEXT,
  cadre_status TEXT NOT NULL DEFAULT '',
  position TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

-- Where a person belongs, with dates: a transfer closes one row and opens another.
CREATE TABLE memberships (
  id {{ID_PK}},
  person_id {{BIGINT}} NOT NULL REFERENCES persons(id),
  unit_id {{BIGINT}} NOT NULL REFERENCES units(id),
  position TEXT NOT NULL DEFAULT '',
  valid_from TEXT NOT NULL,
  valid_to TEXT
);
CREATE INDEX memberships_unit ON memberships (unit_id, valid_to);
CREATE INDEX memberships_person ON memberships (person_id, valid_to);
