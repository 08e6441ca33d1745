-- Articles and their full-text index.
CREATE TABLE articles (
    id            INTEGER PRIMARY KEY,
    title         TEXT NOT NULL,
    outlet        TEXT,
    author        TEXT,
    published_at  TEXT,              -- YYYY-MM-DD
    url           TEXT,
    lang          TEXT NOT NULL,     -- ar | en | und
    source_path   TEXT NOT NULL,     -- the imported file's path as given
    format        TEXT NOT NULL,     -- text | html | pdf | docx | json
    body          TEXT NOT NULL,     -- verbatim article text
    content_hash  TEXT NOT NULL UNIQUE,
    imported_at   TEXT NOT NULL      -- RFC 3339, UTC
);
CREATE INDEX articles_outlet ON articles(outlet);

-- Full-text index over a folded shadow of title and body (see text::fold_for_match): FTS5's
-- unicode61 tokenizer folds neither Arabic hamza forms, taa marbuta nor alef maqsura, so
-- both the index and the queries go through the same folding. Contentless: the original
-- text lives in `articles` only.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, body,
    content = '',
    contentless_delete = 1,
    tokenize = 'unicode61 remove_diacritics 2'
);
