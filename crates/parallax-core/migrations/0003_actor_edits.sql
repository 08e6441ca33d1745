-- The analyst's corrections to the actor registry (merge, split, rename, aliases, kind,
-- membership). The registry itself is never stored: it is resolved from the articles'
-- actors every time and these edits are replayed over it in order, so they survive
-- re-analysis and new imports. Append-only; undo marks the latest edit as undone.
CREATE TABLE actor_edits (
    id          INTEGER PRIMARY KEY,
    created_at  TEXT NOT NULL,              -- RFC 3339, passed in by the caller
    edit        TEXT NOT NULL,              -- JSON of parallax_nlp::actors::ActorEdit
    undone      INTEGER NOT NULL DEFAULT 0  -- 1 once undone; kept as history
);
