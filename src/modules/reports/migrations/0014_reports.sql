-- Report templates: text with placeholders per report kind, in versions that are never edited (a change is a new
-- version, so a report can say which text it followed).
CREATE TABLE report_templates (
  id {{ID_PK}},
  kind TEXT NOT NULL,
  version INTEGER NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  recipients TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL,
  UNIQUE (kind, version)
);
