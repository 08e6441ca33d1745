//! The `article_actors` and `statements` tables: one article's analysis.

use rusqlite::{params, Connection};
use serde::de::DeserializeOwned;

use crate::model::{ArticleId, StatementRow};
use parallax_nlp::extract::{ActorKind, Analysis, Span, Stance, StatementKind};

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|_| "[]".into())
}

fn from_json<T: DeserializeOwned + Default>(s: &str) -> T {
    serde_json::from_str(s).unwrap_or_default()
}

fn enum_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn enum_from<T: DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

/// Replaces an article's analysis with a new one. The only writer of `article_actors` and
/// `statements`: it counts the change for the kept analysis ([`super::cache::bump`]).
pub fn replace(tx: &Connection, article: ArticleId, analysis: &Analysis) -> rusqlite::Result<()> {
    super::cache::bump(tx)?;
    tx.execute("DELETE FROM statements WHERE article_id = ?1", [article.0])?;
    tx.execute(
        "DELETE FROM article_actors WHERE article_id = ?1",
        [article.0],
    )?;
    let mut actor_ids = Vec::with_capacity(analysis.actors.len());
    {
        let mut insert_actor = tx.prepare_cached(
            "INSERT INTO article_actors (article_id, ordinal, name, kind, titles, roles, aliases, mentions)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )?;
        for (i, a) in analysis.actors.iter().enumerate() {
            let mentions: Vec<[usize; 2]> = a.mentions.iter().map(|s| [s.start, s.end]).collect();
            insert_actor.execute(params![
                article.0,
                i as i64,
                a.name,
                enum_name(&a.kind),
                json(&a.titles),
                json(&a.roles),
                json(&a.aliases),
                json(&mentions),
            ])?;
            actor_ids.push(tx.last_insert_rowid());
        }
    }
    let mut insert = tx.prepare_cached(
        "INSERT INTO statements (article_id, article_actor_id, speaker, kind, cue, stance, content, start, end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for s in &analysis.statements {
        let Some(&actor_id) = actor_ids.get(s.actor) else {
            continue;
        };
        insert.execute(params![
            article.0,
            actor_id,
            s.speaker,
            enum_name(&s.kind),
            s.cue,
            enum_name(&s.stance),
            s.text,
            s.span.start as i64,
            s.span.end as i64,
        ])?;
    }
    Ok(())
}

/// Every statement of the project with its article-local actor, in article order, optionally
/// only those whose actor's name or aliases contain `actor_filter` (folded).
pub fn list(conn: &Connection) -> rusqlite::Result<Vec<StatementRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT s.id, s.article_id, a.source_path, a.outlet, a.published_at, a.lang,
                act.name, act.kind, act.aliases, s.speaker, s.kind, s.cue, s.stance, s.content,
                s.start, s.end
         FROM statements s
         JOIN articles a ON a.id = s.article_id
         JOIN article_actors act ON act.id = s.article_actor_id
         ORDER BY s.article_id, s.start",
    )?;
    let rows = stmt.query_map([], |r| {
        let published: Option<String> = r.get(4)?;
        let lang: String = r.get(5)?;
        let actor_kind: String = r.get(7)?;
        let aliases: String = r.get(8)?;
        let kind: String = r.get(10)?;
        let stance: String = r.get(12)?;
        Ok(StatementRow {
            id: r.get(0)?,
            article: ArticleId(r.get(1)?),
            source: r.get(2)?,
            outlet: r.get(3)?,
            published_at: published.and_then(|d| d.parse().ok()),
            lang: lang.parse().unwrap_or_default(),
            actor: r.get(6)?,
            actor_kind: enum_from(&actor_kind).unwrap_or(ActorKind::Person),
            actor_aliases: from_json(&aliases),
            speaker: r.get(9)?,
            kind: enum_from(&kind).unwrap_or(StatementKind::Indirect),
            cue: r.get(11)?,
            stance: enum_from(&stance).unwrap_or(Stance::Neutral),
            text: r.get(13)?,
            span: Span {
                start: r.get::<_, i64>(14)? as usize,
                end: r.get::<_, i64>(15)? as usize,
            },
        })
    })?;
    rows.collect()
}

/// One row of `article_actors`: an actor as one article names it, with the article's
/// content hash (a key that survives re-analysis, unlike the row id).
#[derive(Debug, Clone, PartialEq)]
pub struct StoredActor {
    /// The `article_actors` row id (changes on every re-analysis).
    pub id: i64,
    pub article: ArticleId,
    pub content_hash: String,
    pub outlet: Option<String>,
    pub actor: parallax_nlp::extract::LocalActor,
}

/// Every article's actors, in article order.
pub fn article_actors(conn: &Connection) -> rusqlite::Result<Vec<StoredActor>> {
    let mut stmt = conn.prepare_cached(
        "SELECT act.id, act.article_id, a.content_hash, a.outlet, act.name, act.kind, act.titles,
                act.roles, act.aliases
         FROM article_actors act
         JOIN articles a ON a.id = act.article_id
         ORDER BY act.article_id, act.ordinal",
    )?;
    let rows = stmt.query_map([], |r| {
        let kind: String = r.get(5)?;
        Ok(StoredActor {
            id: r.get(0)?,
            article: ArticleId(r.get(1)?),
            content_hash: r.get(2)?,
            outlet: r.get(3)?,
            actor: parallax_nlp::extract::LocalActor {
                name: r.get(4)?,
                kind: enum_from(&kind).unwrap_or(ActorKind::Person),
                titles: from_json(&r.get::<_, String>(6)?),
                roles: from_json(&r.get::<_, String>(7)?),
                aliases: from_json(&r.get::<_, String>(8)?),
                mentions: Vec::new(),
            },
        })
    })?;
    rows.collect()
}

/// `(statement id, article_actors id)` of every statement.
pub fn statement_actor_ids(conn: &Connection) -> rusqlite::Result<Vec<(i64, i64)>> {
    let mut stmt = conn.prepare_cached("SELECT id, article_actor_id FROM statements")?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    rows.collect()
}

/// The kind an article gives an actor of exactly this name, if any article names it so.
pub fn kind_of_actor_named(conn: &Connection, name: &str) -> rusqlite::Result<Option<ActorKind>> {
    use rusqlite::OptionalExtension;
    let kind: Option<String> = conn
        .query_row(
            "SELECT kind FROM article_actors WHERE name = ?1 LIMIT 1",
            [name],
            |r| r.get(0),
        )
        .optional()?;
    Ok(kind.and_then(|k| enum_from(&k)))
}

/// A statement's article and words, or `None` when there is no such statement.
pub fn article_and_text(
    conn: &Connection,
    id: i64,
) -> rusqlite::Result<Option<(ArticleId, String)>> {
    use rusqlite::OptionalExtension;
    conn.query_row(
        "SELECT article_id, content FROM statements WHERE id = ?1",
        [id],
        |r| Ok((ArticleId(r.get(0)?), r.get(1)?)),
    )
    .optional()
}
