-- The analyst's notes (Markdown text, at most one per target) and tags on articles,
-- statements, actors and claim groups. A target is named by a stable key, never a row id,
-- so that notes and tags survive re-analysis and new imports: an article by its content
-- hash, a statement by its article key and folded text (align::StatementKey), an actor by
-- one of its mentions (actors::MentionId), a claim group by the key of its base statement.
-- `label` is what the target was called when it was last attached to (its title, text,
-- name or claim), shown when the target is no longer found.
CREATE TABLE notes (
    id           INTEGER PRIMARY KEY,
    target_kind  TEXT NOT NULL,              -- article | statement | actor | group
    target_key   TEXT NOT NULL,
    label        TEXT NOT NULL,
    body         TEXT NOT NULL,              -- verbatim, as the analyst wrote it
    created_at   TEXT NOT NULL,              -- RFC 3339, passed in by the caller
    updated_at   TEXT NOT NULL,
    UNIQUE (target_kind, target_key)
);
CREATE TABLE tags (
    target_kind  TEXT NOT NULL,
    target_key   TEXT NOT NULL,
    tag          TEXT NOT NULL,
    label        TEXT NOT NULL,
    created_at   TEXT NOT NULL,
    PRIMARY KEY (target_kind, target_key, tag)
) WITHOUT ROWID;
-- The notes' folded shadow (rowid = notes.id), as articles_fts holds the articles'.
CREATE VIRTUAL TABLE notes_fts USING fts5(
    body,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
