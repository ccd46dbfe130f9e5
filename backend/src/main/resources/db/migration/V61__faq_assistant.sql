-- Issue 19: "Tanya Perpustakaan". The knowledge base staff maintain (each entry's question, alternative phrasings,
-- answers in Bahasa Indonesia and English, links and tags; only active entries answer) and every question asked of
-- the assistant, with the entry that answered it or whether it was handed over to a librarian.
CREATE TABLE faq_entry (
    id           BIGSERIAL     PRIMARY KEY,
    key          VARCHAR(80)   NOT NULL UNIQUE CHECK (key ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
    question_id  VARCHAR(500)  NOT NULL CHECK (btrim(question_id) <> ''),
    question_en  VARCHAR(500)  NOT NULL CHECK (btrim(question_en) <> ''),
    alternatives TEXT[]        NOT NULL DEFAULT '{}',
    answer_id    VARCHAR(4000) NOT NULL CHECK (btrim(answer_id) <> ''),
    answer_en    VARCHAR(4000) NOT NULL CHECK (btrim(answer_en) <> ''),
    -- [{"label":{"id":"...","en":"..."},"url":"https://..."}]
    links        JSONB         NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(links) = 'array'),
    tags         TEXT[]        NOT NULL DEFAULT '{}',
    -- Serambi's own data an answer adds: the library's hours or address, the next events, the open challenges.
    live         VARCHAR(16)   CHECK (live IN ('HOURS', 'ADDRESS', 'EVENTS', 'CHALLENGES')),
    active       BOOLEAN       NOT NULL DEFAULT true,
    version      INT           NOT NULL DEFAULT 0,
    created_at   TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at   TIMESTAMPTZ   NOT NULL DEFAULT now()
);

-- The asker's words are personal data: they are shown to staff only (the unanswered list), never to other askers.
CREATE TABLE assistant_question (
    id          BIGSERIAL     PRIMARY KEY,
    question    VARCHAR(500)  NOT NULL CHECK (btrim(question) <> ''),
    language    VARCHAR(2)    NOT NULL CHECK (language IN ('id', 'en')),
    entry_id    BIGINT        REFERENCES faq_entry (id) ON DELETE SET NULL,
    confidence  NUMERIC(4, 3) NOT NULL CHECK (confidence BETWEEN 0 AND 1),
    handed_over BOOLEAN       NOT NULL,
    created_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX assistant_question_handed_over ON assistant_question (created_at DESC) WHERE handed_over;
