//! Statements and their speakers in one article.
//!
//! [`analyze`] finds every statement an actor made as the article reports it (direct quotes,
//! reported speech, mixed forms, subject-less continuations) and resolves each speaker
//! mention to an actor local to the article. Cross-article actor identity is not decided
//! here; see [`crate::actors`].
//!
//! The engine is rule-based and linear in the text's length: [`scan`] tokenises and pairs
//! quotation marks, [`rules`] reads each sentence for reporting cues from the per-language
//! lexicons (`lexicon/ar.toml`, `lexicon/en.toml`), and [`local`] resolves speaker mentions to
//! the article's actors.
//!
//! What it deliberately leaves out: beliefs and perceptions without a reporting verb ("he
//! thinks" counts, "the idea that" does not), statements nested inside a quotation (only the
//! outer speaker is reported), pronoun speakers beyond the last few statements, and
//! grammatical parsing: clause boundaries are found from punctuation, complementisers and the
//! lexicon, never from a syntactic parser. Languages without a lexicon are read with the
//! English one, so only quotations with Latin-script cues are found in them.

use serde::{Deserialize, Serialize};

use crate::Lang;

pub(crate) mod lexicon;
mod local;
mod rules;
mod scan;

/// A byte range in the article text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    Person,
    Organisation,
    StateBody,
    Media,
    Unnamed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatementKind {
    Direct,
    Indirect,
    Mixed,
}

/// What the reporting verb says about the reporter's stance toward the statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Neutral,
    Assertive,
    Distancing,
    Denial,
    Directive,
    Warning,
    Concession,
    Announcement,
}

/// An actor as one article names it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocalActor {
    /// The fullest name the article uses, without titles («سليم ناصيف»).
    pub name: String,
    pub kind: ActorKind,
    pub titles: Vec<String>,
    pub roles: Vec<String>,
    /// Other names the article uses for it: surname alone, an acronym given in parentheses.
    pub aliases: Vec<String>,
    /// Every place the article names it.
    pub mentions: Vec<Span>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Index into [`Analysis::actors`].
    pub actor: usize,
    /// The speaker mention as written (empty for a subject-less continuation).
    pub speaker: String,
    pub speaker_span: Option<Span>,
    pub kind: StatementKind,
    /// The reporting verb or phrase as written («قالت», "according to").
    pub cue: String,
    pub stance: Stance,
    /// The statement's content without its outer quotation marks; equals `text[span]`.
    pub text: String,
    pub span: Span,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub actors: Vec<LocalActor>,
    pub statements: Vec<Statement>,
}

/// Finds the statements in one article's text.
///
/// `text` is the article as imported (no title line); offsets in the result are byte offsets
/// into it, always on character boundaries. Never panics, whatever the input.
pub fn analyze(text: &str, lang: Lang) -> Analysis {
    analyze_explained(text, lang).0
}

/// [`analyze`], with the names of the rules that found each statement and its speaker, in
/// the order of [`Analysis::statements`] (what `parallax extract --explain` prints).
pub fn analyze_explained(text: &str, lang: Lang) -> (Analysis, Vec<Vec<&'static str>>) {
    let lex = lexicon::Lexicon::get(lang);
    let scan = scan::Scan::new(text, lex);
    let (found, registry, trace) = rules::Extractor::new(&scan, lex, lang == Lang::Ar).run();
    let (actors, map) = registry.finish();
    let statements = found
        .into_iter()
        .map(|(mut s, id)| {
            s.actor = map[id];
            s
        })
        .collect();
    (Analysis { actors, statements }, trace)
}
