-- Schema version 1: users, clients and their records, and the append-only audit log.
-- Portable SQL for SQLite and PostgreSQL. SqlDialect expands the few tokens that differ:
--   {{id}}        an auto-numbered 64-bit primary key
--   {{key_text}}  text compared byte by byte (prefix searches use ranges on it)
--   {{append_only TABLE}}  (a whole statement) triggers that refuse UPDATE and DELETE on TABLE
-- Statements end with a semicolon at the end of a line; no semicolons inside statements.
-- Times are UTC text "YYYY-MM-DDTHH:MM:SS.mmmZ", dates "YYYY-MM-DD", flags 0/1, JSON is stored as text.

CREATE TABLE users (
    id {{id}},
    username TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'therapist', 'viewer')),
    password_hash TEXT NOT NULL,
    failed_attempts BIGINT NOT NULL DEFAULT 0,
    locked_until TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE clients (
    id {{id}},
    family_name TEXT NOT NULL,
    given_name TEXT NOT NULL,
    family_key {{key_text}} NOT NULL,
    given_key {{key_text}} NOT NULL,
    birth_date {{key_text}} NOT NULL,
    contact TEXT NOT NULL,
    notes TEXT NOT NULL,
    archived BIGINT NOT NULL DEFAULT 0,
    version BIGINT NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users (id),
    updated_at TEXT NOT NULL,
    updated_by BIGINT NOT NULL REFERENCES users (id)
);
-- Name searches walk these in order and stop at the page size (see ClientRepository::searchByNamePrefix).
CREATE INDEX clients_family_name ON clients (family_key, given_key, id);
CREATE INDEX clients_given_name ON clients (given_key, family_key, id);
CREATE INDEX clients_birth_date ON clients (birth_date);

CREATE TABLE visits (
    id {{id}},
    client_id BIGINT NOT NULL REFERENCES clients (id),
    visit_date {{key_text}} NOT NULL,
    kind TEXT NOT NULL,
    notes TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users (id)
);
CREATE INDEX visits_client_date ON visits (client_id, visit_date);

CREATE TABLE questionnaire_responses (
    id {{id}},
    visit_id BIGINT NOT NULL REFERENCES visits (id),
    questionnaire_canonical TEXT NOT NULL,
    questionnaire_version TEXT NOT NULL,
    response_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users (id)
);
CREATE INDEX questionnaire_responses_visit ON questionnaire_responses (visit_id);

CREATE TABLE screening_results (
    id {{id}},
    visit_id BIGINT NOT NULL REFERENCES visits (id),
    triage TEXT NOT NULL,
    program_blocked BIGINT NOT NULL,
    ruleset_versions TEXT NOT NULL,
    result_json TEXT NOT NULL,
    answers_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users (id)
);
CREATE INDEX screening_results_visit ON screening_results (visit_id);
CREATE INDEX screening_results_triage ON screening_results (triage);

CREATE TABLE overrides (
    id {{id}},
    screening_result_id BIGINT NOT NULL REFERENCES screening_results (id),
    rule_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    reason_code TEXT NOT NULL,
    reason_text TEXT NOT NULL,
    input_snapshot_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users (id)
);
CREATE INDEX overrides_screening_result ON overrides (screening_result_id);

CREATE TABLE home_programs (
    id {{id}},
    client_id BIGINT NOT NULL REFERENCES clients (id),
    current_version BIGINT NOT NULL,
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users (id)
);
CREATE INDEX home_programs_client ON home_programs (client_id);

CREATE TABLE home_program_versions (
    id {{id}},
    program_id BIGINT NOT NULL REFERENCES home_programs (id),
    version BIGINT NOT NULL,
    visit_id BIGINT REFERENCES visits (id),
    content_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users (id),
    UNIQUE (program_id, version)
);

CREATE TABLE outcome_scores (
    id {{id}},
    visit_id BIGINT NOT NULL REFERENCES visits (id),
    instrument_id TEXT NOT NULL,
    instrument_version TEXT NOT NULL,
    score_json TEXT NOT NULL,
    response_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by BIGINT NOT NULL REFERENCES users (id)
);
CREATE INDEX outcome_scores_visit ON outcome_scores (visit_id);

-- Who read or changed which record, when. Rows are never updated or deleted: the triggers below refuse
-- it, and no code path issues such a statement. user_id is not a foreign key so the log outlives accounts.
CREATE TABLE audit_log (
    id {{id}},
    at TEXT NOT NULL,
    user_id BIGINT,
    username TEXT NOT NULL,
    action TEXT NOT NULL,
    record_type TEXT NOT NULL,
    record_id BIGINT,
    client_id BIGINT,
    detail TEXT NOT NULL
);
CREATE INDEX audit_log_client ON audit_log (client_id);
CREATE INDEX audit_log_at ON audit_log (at);

{{append_only audit_log}};
