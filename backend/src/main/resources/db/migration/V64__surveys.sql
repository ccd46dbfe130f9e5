-- Issue 20, first slice: surveys staff build (a title and an introduction in Bahasa Indonesia and English, ordered
-- sections of ordered questions, kept as one JSONB document validated by the service) and the responses to them.
CREATE TABLE survey (
    id             BIGSERIAL     PRIMARY KEY,
    title_id       VARCHAR(500)  NOT NULL CHECK (btrim(title_id) <> ''),
    title_en       VARCHAR(500)  NOT NULL CHECK (btrim(title_en) <> ''),
    intro_id       VARCHAR(4000) NOT NULL CHECK (btrim(intro_id) <> ''),
    intro_en       VARCHAR(4000) NOT NULL CHECK (btrim(intro_en) <> ''),
    access         VARCHAR(12)   NOT NULL CHECK (access IN ('ANONYMOUS', 'MANAGE_LINK', 'ACCOUNT')),
    one_per_person BOOLEAN       NOT NULL,
    status         VARCHAR(10)   NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'PUBLISHED', 'CLOSED')),
    -- [{"title":{"id":..,"en":..}|null,"questions":[{"key":..,"text":{..},"type":..,"required":..,"options":[..],
    --   "min":..,"max":..,"condition":{"questionKey":..,"optionKey":..}|null}]}]
    sections       JSONB         NOT NULL CHECK (jsonb_typeof(sections) = 'array'),
    version        INT           NOT NULL DEFAULT 0,
    created_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX survey_by_update ON survey (updated_at DESC, id DESC);

-- A response: its answers by question key. An anonymous one holds no account, no address and no agent, and only the
-- day it came in. A survey with responses cannot be deleted (RESTRICT).
CREATE TABLE survey_response (
    id           BIGSERIAL   PRIMARY KEY,
    survey_id    BIGINT      NOT NULL REFERENCES survey (id) ON DELETE RESTRICT,
    account_id   BIGINT      REFERENCES app_user (id) ON DELETE CASCADE,
    -- Set when the survey allowed one response per person at the time: the unique index below then decides.
    once         BOOLEAN     NOT NULL DEFAULT false,
    answers      JSONB       NOT NULL CHECK (jsonb_typeof(answers) = 'object'),
    submitted_on DATE        NOT NULL DEFAULT current_date
);
CREATE INDEX survey_response_survey ON survey_response (survey_id);
CREATE UNIQUE INDEX survey_response_one_per_account ON survey_response (survey_id, account_id) WHERE once;
