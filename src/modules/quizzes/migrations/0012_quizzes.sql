-- "Hái hoa dân chủ": question banks (one per unit; the root's is the shared bank), live draws in meetings,
-- online rounds with one attempt per person and the server's clock, and their results.
CREATE TABLE quiz_questions (
  id {{ID_PK}},
  unit_id {{BIGINT}} NOT NULL REFERENCES units(id),
  kind TEXT NOT NULL,
  category TEXT NOT NULL,
  difficulty INTEGER NOT NULL,
  question TEXT NOT NULL,
  options TEXT NOT NULL,
  answer TEXT NOT NULL,
  explanation TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT '',
  active INTEGER NOT NULL DEFAULT 1,
  search_text TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
);
CREATE INDEX quiz_questions_unit ON quiz_questions (unit_id, category);

-- A live draw ("tree of flowers") hosted for a unit, usually in one of its meetings.
CREATE TABLE draw_sessions (
  id {{ID_PK}},
  unit_id {{BIGINT}} NOT NULL REFERENCES units(id),
  meeting_id {{BIGINT}} REFERENCES meetings(id),
  title TEXT NOT NULL,
  categories TEXT NOT NULL,
  flowers INTEGER NOT NULL,
  status TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL,
  closed_at TEXT
);
-- Each flower picked: the question it hid (never twice in a session) and the host's judgement.
CREATE TABLE draw_picks (
  id {{ID_PK}},
  session_id {{BIGINT}} NOT NULL REFERENCES draw_sessions(id),
  position INTEGER NOT NULL,
  question_id {{BIGINT}} NOT NULL REFERENCES quiz_questions(id),
  participant TEXT NOT NULL DEFAULT '',
  team TEXT NOT NULL DEFAULT '',
  correct INTEGER,
  points INTEGER NOT NULL DEFAULT 0,
  picked_at TEXT NOT NULL,
  judged_at TEXT,
  UNIQUE (session_id, position),
  UNIQUE (session_id, question_id)
);

-- An online round open to a subtree between two instants (UTC), questions drawn per person.
CREATE TABLE quiz_rounds (
  id {{ID_PK}},
  unit_id {{BIGINT}} NOT NULL REFERENCES units(id),
  title TEXT NOT NULL,
  categories TEXT NOT NULL,
  questions_per_person INTEGER NOT NULL,
  time_limit_seconds INTEGER NOT NULL,
  opens_at TEXT NOT NULL,
  closes_at TEXT NOT NULL,
  public INTEGER NOT NULL DEFAULT 0,
  created_by TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX quiz_rounds_unit ON quiz_rounds (unit_id, opens_at);

-- One attempt per person per round (citizens: per token); unit_id is the person's unit when they started.
CREATE TABLE quiz_attempts (
  id {{ID_PK}},
  round_id {{BIGINT}} NOT NULL REFERENCES quiz_rounds(id),
  person_id {{BIGINT}} REFERENCES persons(id),
  unit_id {{BIGINT}} REFERENCES units(id),
  token TEXT NOT NULL UNIQUE,
  citizen_name TEXT NOT NULL DEFAULT '',
  citizen_commune TEXT NOT NULL DEFAULT '',
  ip TEXT NOT NULL DEFAULT '',
  started_at TEXT NOT NULL,
  deadline_at TEXT NOT NULL,
  submitted_at TEXT,
  score INTEGER,
  max_score INTEGER NOT NULL
);
CREATE UNIQUE INDEX quiz_attempts_person ON quiz_attempts (round_id, person_id) WHERE person_id IS NOT NULL;
CREATE INDEX quiz_attempts_round ON quiz_attempts (round_id, unit_id);
CREATE INDEX quiz_attempts_ip ON quiz_attempts (ip, started_at);

CREATE TABLE quiz_attempt_questions (
  id {{ID_PK}},
  attempt_id {{BIGINT}} NOT NULL REFERENCES quiz_attempts(id),
  position INTEGER NOT NULL,
  question_id {{BIGINT}} NOT NULL REFERENCES quiz_questions(id),
  answer TEXT,
  answered_at TEXT,
  correct INTEGER,
  UNIQUE (attempt_id, position)
);
