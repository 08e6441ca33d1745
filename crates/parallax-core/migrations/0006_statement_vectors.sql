-- Sentence vectors of statements, computed once per (model, text) and kept across
-- re-analysis: a statement's vector depends only on its words and the model.
CREATE TABLE statement_vectors (
    model      TEXT NOT NULL,   -- the sentence model's id (parallax_nlp::embed::model_id)
    text_hash  TEXT NOT NULL,   -- hex SHA-256 prefix of the statement text
    vector     BLOB NOT NULL,   -- 8-bit: f32 scale + one i8 per component (embed::quantize)
    PRIMARY KEY (model, text_hash)
) WITHOUT ROWID;
