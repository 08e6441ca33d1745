//! How the CLI prints things: readable tables for people, JSON lines for programs.
//!
//! Everything printed for people that comes from data (file names, titles, outlets, article
//! text, error messages naming files) goes through [`escaped`] or [`escaped_text`], so that a
//! crafted file name or title cannot move the cursor, rewrite earlier lines, set the
//! terminal's title or reverse the display of a line. JSON output is escaped by `serde_json`.

use std::borrow::Cow;
use std::io::{self, Write};

use parallax_core::model::{
    Article, ArticleMeta, FileStatus, ImportSummary, SearchHit, StatementRow,
};
use parallax_core::nlp::extract::{Analysis, Statement};
use serde::Serialize;

/// One line of `parallax articles --json`.
#[derive(Serialize)]
pub struct ArticleLine<'a> {
    id: i64,
    title: &'a str,
    outlet: Option<&'a str>,
    lang: &'a str,
    published_at: Option<String>,
    source: &'a str,
}

impl<'a> From<&'a ArticleMeta> for ArticleLine<'a> {
    fn from(a: &'a ArticleMeta) -> Self {
        ArticleLine {
            id: a.id.0,
            title: &a.title,
            outlet: a.outlet.as_deref(),
            lang: a.lang.code(),
            published_at: a.published_at.map(|d| d.to_string()),
            source: &a.source,
        }
    }
}

/// One line of `parallax search --json`.
#[derive(Serialize)]
pub struct SearchLine<'a> {
    /// "article" (the notes a search finds are "note").
    r#type: &'static str,
    #[serde(flatten)]
    article: ArticleLine<'a>,
    snippet: &'a str,
    /// The actor's name in the other script, for an article found through the registry.
    #[serde(skip_serializing_if = "Option::is_none")]
    via: Option<&'a str>,
}

impl<'a> From<&'a SearchHit> for SearchLine<'a> {
    fn from(h: &'a SearchHit) -> Self {
        SearchLine {
            r#type: "article",
            article: ArticleLine::from(&h.article),
            snippet: &h.snippet,
            via: h.via.as_deref(),
        }
    }
}

fn cut(s: &str, n: usize) -> String {
    escaped(&parallax_core::snippet::head(s, n)).into_owned()
}

/// Whether a character must not reach a terminal raw: control characters (escape
/// sequences start with one) and the bidirectional overrides and isolates, which reorder
/// what follows them on the line.
fn is_unsafe_for_terminal(c: char, keep_line_breaks: bool) -> bool {
    (c.is_control() && !(keep_line_breaks && matches!(c, '\n' | '\t')))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A one-line field for the terminal: control and bidi-override characters shown as
/// `\u{…}` escapes (line breaks too, so that a name cannot forge another line).
pub fn escaped(s: &str) -> Cow<'_, str> {
    escape(s, false)
}

/// Article text for the terminal: like [`escaped`], but line breaks and tabs are kept.
pub fn escaped_text(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

fn escape(s: &str, keep_line_breaks: bool) -> Cow<'_, str> {
    if !s
        .chars()
        .any(|c| is_unsafe_for_terminal(c, keep_line_breaks))
    {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if is_unsafe_for_terminal(c, keep_line_breaks) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

pub fn article_table(out: &mut impl Write, list: &[ArticleMeta]) -> io::Result<()> {
    writeln!(
        out,
        "{:>5}  {:<4} {:<10}  {:<24}  TITLE",
        "ID", "LANG", "DATE", "OUTLET"
    )?;
    for a in list {
        writeln!(
            out,
            "{:>5}  {:<4} {:<10}  {:<24}  {}",
            a.id.0,
            a.lang.code(),
            a.published_at.map(|d| d.to_string()).unwrap_or_default(),
            cut(a.outlet.as_deref().unwrap_or("-"), 24),
            cut(&a.title, 90)
        )?;
    }
    writeln!(out, "{} articles", list.len())
}

pub fn article_full(out: &mut impl Write, a: &Article) -> io::Result<()> {
    let m = &a.meta;
    writeln!(out, "{}", escaped(&m.title))?;
    for (label, value) in [
        ("outlet", m.outlet.clone()),
        ("author", m.author.clone()),
        ("date", m.published_at.map(|d| d.to_string())),
        ("url", m.url.clone()),
        ("language", Some(m.lang.code().to_string())),
        (
            "source",
            Some(format!("{} ({})", m.source, m.format.as_str())),
        ),
    ] {
        if let Some(v) = value {
            writeln!(out, "{label:>9}: {}", escaped(&v))?;
        }
    }
    writeln!(out)?;
    writeln!(out, "{}", escaped_text(&a.text))
}

pub fn search_hit(out: &mut impl Write, h: &SearchHit) -> io::Result<()> {
    let a = &h.article;
    writeln!(
        out,
        "[{}] {} — {}",
        a.id.0,
        escaped(&a.title),
        escaped(a.outlet.as_deref().unwrap_or("unknown outlet"))
    )?;
    if let Some(name) = &h.via {
        writeln!(
            out,
            "    names «{}» (the same actor in the other script)",
            escaped(name)
        )?;
    }
    writeln!(out, "    {}", escaped(&h.snippet))
}

pub fn import_summary(out: &mut impl Write, s: &ImportSummary) -> io::Result<()> {
    for f in s.files.iter().filter(|f| f.status == FileStatus::Failed) {
        writeln!(
            out,
            "failed     {}: {}",
            escaped(&f.path),
            escaped(f.message.as_deref().unwrap_or("unknown error"))
        )?;
    }
    writeln!(
        out,
        "{} imported, {} {}, {} failed ({} {})",
        s.count(FileStatus::Imported),
        s.count(FileStatus::Duplicate),
        if s.count(FileStatus::Duplicate) == 1 {
            "duplicate"
        } else {
            "duplicates"
        },
        s.count(FileStatus::Failed),
        s.files.len(),
        if s.files.len() == 1 { "file" } else { "files" }
    )
}

/// One statement as `extract --json` and `statements --json` print it.
#[derive(Serialize)]
pub struct StatementLine<'a> {
    /// The store's id (`statements` only; `extract` stores nothing).
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<i64>,
    source: &'a str,
    actor: &'a str,
    speaker: &'a str,
    kind: parallax_core::nlp::extract::StatementKind,
    cue: &'a str,
    stance: parallax_core::nlp::extract::Stance,
    text: &'a str,
    start: usize,
    end: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    outlet: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    published_at: Option<String>,
}

impl<'a> StatementLine<'a> {
    pub fn new(source: &'a str, analysis: &'a Analysis, s: &'a Statement) -> Self {
        StatementLine {
            id: None,
            source,
            actor: analysis.actors.get(s.actor).map_or("", |a| a.name.as_str()),
            speaker: &s.speaker,
            kind: s.kind,
            cue: &s.cue,
            stance: s.stance,
            text: &s.text,
            start: s.span.start,
            end: s.span.end,
            outlet: None,
            published_at: None,
        }
    }
}

impl<'a> From<&'a StatementRow> for StatementLine<'a> {
    fn from(s: &'a StatementRow) -> Self {
        StatementLine {
            id: Some(s.id),
            source: &s.source,
            actor: &s.actor,
            speaker: &s.speaker,
            kind: s.kind,
            cue: &s.cue,
            stance: s.stance,
            text: &s.text,
            start: s.span.start,
            end: s.span.end,
            outlet: s.outlet.as_deref(),
            published_at: s.published_at.map(|d| d.to_string()),
        }
    }
}

pub fn statement(out: &mut impl Write, s: &StatementLine<'_>) -> io::Result<()> {
    let kind = serde_json::to_value(s.kind).ok();
    let stance = serde_json::to_value(s.stance).ok();
    let name = |v: &Option<serde_json::Value>| {
        v.as_ref()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    };
    let id = s.id.map(|id| format!("#{id} ")).unwrap_or_default();
    writeln!(
        out,
        "{id}{}  [{} · {} · {}] {}\n    {}",
        escaped(s.source),
        name(&kind),
        escaped(s.cue),
        name(&stance),
        escaped(s.actor),
        cut(s.text, 300)
    )
}
