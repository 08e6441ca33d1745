//! Statements and their speakers in one article.
//!
//! [`analyze`] finds every statement an actor made as the article reports it (direct quotes,
//! reported speech, mixed forms, subject-less continuations) and resolves each speaker
//! mention to an actor local to the article. Cross-article actor identity is not decided
//! here; see [`crate::actors`].

use serde::{Deserialize, Serialize};

use crate::Lang;

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
    /// The fullest name the article uses, without titles («كينيث ماكينزي»).
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
pub fn analyze(_text: &str, _lang: Lang) -> Analysis {
    Analysis::default()
}
