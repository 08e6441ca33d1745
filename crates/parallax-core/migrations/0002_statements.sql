-- What the extractor found in each article: the actors as the article names them, and
-- their statements. Rewritten as a whole for an article when it is (re-)analysed.
CREATE TABLE article_actors (
    id          INTEGER PRIMARY KEY,
    article_id  INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    ordinal     INTEGER NOT NULL,          -- index in the article's analysis
    name        TEXT NOT NULL,
    kind        TEXT NOT NULL,             -- person | organisation | state_body | media | unnamed
    titles      TEXT NOT NULL DEFAULT '[]', -- JSON arrays of strings
    roles       TEXT NOT NULL DEFAULT '[]',
    aliases     TEXT NOT NULL DEFAULT '[]',
    mentions    TEXT NOT NULL DEFAULT '[]', -- JSON array of [start, end] byte offsets
    UNIQUE (article_id, ordinal)
);

CREATE TABLE statements (
    id               INTEGER PRIMARY KEY,
    article_id       INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    article_actor_id INTEGER NOT NULL REFERENCES article_actors(id) ON DELETE CASCADE,
    speaker          TEXT NOT NULL,
    kind             TEXT NOT NULL,        -- direct | indirect | mixed
    cue              TEXT NOT NULL,
    stance           TEXT NOT NULL,
    content          TEXT NOT NULL,        -- = articles.body[start..end]
    start            INTEGER NOT NULL,
    end              INTEGER NOT NULL
);
CREATE INDEX statements_article ON statements(article_id);
CREATE INDEX statements_actor ON statements(article_actor_id);
CREATE INDEX article_actors_article ON article_actors(article_id);
