-- The analyst's corrections of statements (crate::corrections::StatementCorrection as JSON:
-- delete, change kind, actor or span, add a missed one), keyed by the article's content hash
-- and the statement's folded words, replayed in order on the extractor's output whenever an
-- article is analysed, so they survive re-analysis; like actor_edits.
CREATE TABLE statement_edits (
    id          INTEGER PRIMARY KEY,
    created_at  TEXT NOT NULL,              -- RFC 3339, passed in by the caller
    edit        TEXT NOT NULL,              -- JSON of crate::corrections::StatementCorrection
    undone      INTEGER NOT NULL DEFAULT 0  -- 1 once undone; kept as history
);
