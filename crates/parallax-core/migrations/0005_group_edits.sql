-- The analyst's corrections to the grouping of statements by claim (parallax_nlp::align::
-- GroupEdit as JSON), replayed in order after automatic alignment; like actor_edits.
CREATE TABLE group_edits (
    id          INTEGER PRIMARY KEY,
    created_at  TEXT NOT NULL,              -- RFC 3339, passed in by the caller
    edit        TEXT NOT NULL,              -- JSON of parallax_nlp::align::GroupEdit
    undone      INTEGER NOT NULL DEFAULT 0  -- 1 once undone; kept as history
);
