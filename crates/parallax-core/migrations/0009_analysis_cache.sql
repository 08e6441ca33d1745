-- The resolved actor registry and the claim groups, kept so that exports and `compare` read
-- them instead of recomputing them (see crates/parallax-core/src/analysis_cache.rs).
--
-- `analysis_generation.n` counts the changes to what they are computed from: every row
-- written to or removed from articles, the analyst's edit logs and the sentence vectors
-- bumps it, by the triggers below, whichever code writes. An article's actors and
-- statements are written only by `store::statements::replace`, which bumps it once per
-- article instead (row triggers on those two tables, about 25 rows an article, made an
-- import of 10,000 articles half as slow again).
--
-- A cached value is used only when its generation is the current one and it was computed
-- with the same settings (engine build, dictionary, sentence model, pair model); anything
-- else is recomputed. Notes and tags are not inputs: they are read fresh every time.
CREATE TABLE analysis_generation (
    id  INTEGER PRIMARY KEY CHECK (id = 1),
    n   INTEGER NOT NULL
);
INSERT INTO analysis_generation (id, n) VALUES (1, 0);

CREATE TABLE analysis_cache (
    name        TEXT NOT NULL,     -- what is cached: registry_by_name | registry | alignment
    settings    TEXT NOT NULL,     -- the settings it was computed with
    generation  INTEGER NOT NULL,  -- analysis_generation.n when its inputs were read
    value       TEXT NOT NULL,     -- JSON
    PRIMARY KEY (name, settings)
) WITHOUT ROWID;

CREATE TRIGGER articles_ins_gen AFTER INSERT ON articles
BEGIN UPDATE analysis_generation SET n = n + 1; END;
CREATE TRIGGER articles_upd_gen AFTER UPDATE ON articles
BEGIN UPDATE analysis_generation SET n = n + 1; END;
CREATE TRIGGER articles_del_gen AFTER DELETE ON articles
BEGIN UPDATE analysis_generation SET n = n + 1; END;


CREATE TRIGGER actor_edits_ins_gen AFTER INSERT ON actor_edits
BEGIN UPDATE analysis_generation SET n = n + 1; END;
CREATE TRIGGER actor_edits_upd_gen AFTER UPDATE ON actor_edits
BEGIN UPDATE analysis_generation SET n = n + 1; END;
CREATE TRIGGER actor_edits_del_gen AFTER DELETE ON actor_edits
BEGIN UPDATE analysis_generation SET n = n + 1; END;

CREATE TRIGGER group_edits_ins_gen AFTER INSERT ON group_edits
BEGIN UPDATE analysis_generation SET n = n + 1; END;
CREATE TRIGGER group_edits_upd_gen AFTER UPDATE ON group_edits
BEGIN UPDATE analysis_generation SET n = n + 1; END;
CREATE TRIGGER group_edits_del_gen AFTER DELETE ON group_edits
BEGIN UPDATE analysis_generation SET n = n + 1; END;

CREATE TRIGGER statement_vectors_ins_gen AFTER INSERT ON statement_vectors
BEGIN UPDATE analysis_generation SET n = n + 1; END;
CREATE TRIGGER statement_vectors_upd_gen AFTER UPDATE ON statement_vectors
BEGIN UPDATE analysis_generation SET n = n + 1; END;
CREATE TRIGGER statement_vectors_del_gen AFTER DELETE ON statement_vectors
BEGIN UPDATE analysis_generation SET n = n + 1; END;
