-- Models ("mô hình, cách làm sáng tạo"): a catalogue the admin keeps, each with the outcome figures it
-- counts; units register their adoption and record outcomes over time. A figure's current value for an
-- adoption is its latest record; a model's outcome over a subtree is the sum of those.
CREATE TABLE models (
  id {{ID_PK}},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);

CREATE TABLE model_metrics (
  id {{ID_PK}},
  model_id {{BIGINT}} NOT NULL REFERENCES models(id),
  position INTEGER NOT NULL,
  label TEXT NOT NULL,
  unit_label TEXT NOT NULL DEFAULT ''
);
CREATE INDEX model_metrics_model ON model_metrics (model_id, position);

CREATE TABLE model_adoptions (
  id {{ID_PK}},
  model_id {{BIGINT}} NOT NULL REFERENCES models(id),
  unit_id {{BIGINT}} NOT NULL REFERENCES units(id),
  since TEXT NOT NULL,
  lead TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  UNIQUE (model_id, unit_id)
);
CREATE INDEX model_adoptions_unit ON model_adoptions (unit_id);

CREATE TABLE model_outcomes (
  id {{ID_PK}},
  adoption_id {{BIGINT}} NOT NULL REFERENCES model_adoptions(id),
  metric_id {{BIGINT}} NOT NULL REFERENCES model_metrics(id),
  as_of TEXT NOT NULL,
  value {{BIGINT}} NOT NULL,
  recorded_by TEXT NOT NULL,
  recorded_at TEXT NOT NULL
);
CREATE INDEX model_outcomes_adoption ON model_outcomes (adoption_id, metric_id, as_of);
