//! The analyst's corrections of statements: delete a false one, change its kind, its actor or
//! its span, add one the extractor missed. Each is stored in the `statement_edits` log under
//! stable keys (the article's content hash and the statement's folded words, as group edits
//! and notes are) and replayed, in order, on the extractor's output whenever the article is
//! analysed: when the correction is made, when it is undone, and by `parallax analyze` after
//! an engine upgrade. So `statements`, `actors`, `compare`, search and the reports all show
//! the corrected statements, and a correction survives re-analysis.
//!
//! A correction whose statement the extractor no longer finds is skipped (kept in the log: an
//! undo of a later correction may bring its statement back). Changing a statement's span
//! changes its words, so notes and group edits made on the old words stay with them.

use chrono::{DateTime, Utc};
use parallax_nlp::extract::{
    ActorKind, Analysis, LocalActor, Span, Stance, Statement, StatementKind,
};
use serde::{Deserialize, Serialize};

use crate::model::ArticleId;
use crate::store::edits::{self, Log};
use crate::store::{articles, statements};
use crate::{Project, ProjectError};

/// A correction as stored: keys, not ids, so it survives re-analysis.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "op")]
pub enum StatementCorrection {
    /// The statement is not one: it goes.
    Delete { article: String, statement: String },
    /// Direct, indirect or mixed.
    SetKind {
        article: String,
        statement: String,
        kind: StatementKind,
    },
    /// Another actor said it: one the article names, or a new one.
    SetActor {
        article: String,
        statement: String,
        actor: String,
        actor_kind: ActorKind,
    },
    /// The statement's words are `text[start..end]` (byte offsets into the article text).
    SetSpan {
        article: String,
        statement: String,
        start: usize,
        end: usize,
    },
    /// A statement the extractor missed.
    Add {
        article: String,
        start: usize,
        end: usize,
        actor: String,
        actor_kind: ActorKind,
        kind: StatementKind,
        cue: String,
    },
}

impl StatementCorrection {
    /// The content hash of the article it corrects.
    pub fn article(&self) -> &str {
        match self {
            StatementCorrection::Delete { article, .. }
            | StatementCorrection::SetKind { article, .. }
            | StatementCorrection::SetActor { article, .. }
            | StatementCorrection::SetSpan { article, .. }
            | StatementCorrection::Add { article, .. } => article,
        }
    }
}

/// A correction as the analyst asks for it: statements by the ids `statements` prints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CorrectionRequest {
    Delete {
        statement: i64,
    },
    SetKind {
        statement: i64,
        kind: StatementKind,
    },
    /// `actor_kind`: for a name no article uses yet (default: the kind the project already
    /// gives that name, else a person).
    SetActor {
        statement: i64,
        actor: String,
        actor_kind: Option<ActorKind>,
    },
    SetSpan {
        statement: i64,
        start: usize,
        end: usize,
    },
    Add {
        article: ArticleId,
        start: usize,
        end: usize,
        actor: String,
        actor_kind: Option<ActorKind>,
        kind: StatementKind,
        cue: String,
    },
}

#[derive(Debug, thiserror::Error)]
pub enum CorrectionError {
    #[error(transparent)]
    Project(#[from] ProjectError),
    #[error("no statement has id {0}: `parallax statements PROJECT` shows the ids")]
    NoSuchStatement(i64),
    #[error("no article has id {0}: `parallax articles PROJECT` lists them")]
    NoSuchArticle(i64),
    #[error(
        "the span {start}..{end} is not a stretch of words of the article (its text has {len} \
         bytes; both ends must fall between characters and the span must hold a word)"
    )]
    BadSpan {
        start: usize,
        end: usize,
        len: usize,
    },
    #[error("an actor's name must have a visible character")]
    EmptyName,
}

impl From<rusqlite::Error> for CorrectionError {
    fn from(e: rusqlite::Error) -> Self {
        CorrectionError::Project(e.into())
    }
}

/// The key a correction names a statement by: its words, folded as for matching.
pub fn statement_key(text: &str) -> String {
    parallax_nlp::text::match_tokens(text).join(" ")
}

fn valid_span(text: &str, start: usize, end: usize) -> bool {
    start < end
        && end <= text.len()
        && text.is_char_boundary(start)
        && text.is_char_boundary(end)
        && text[start..end].chars().any(char::is_alphanumeric)
}

/// Where `needle` first occurs in `text`, as byte offsets, with any run of white space in
/// either matching any run in the other (a selection copied from a page joins paragraphs and
/// lines differently than the stored text). `None` when it does not occur or holds no word.
pub fn locate(text: &str, needle: &str) -> Option<(usize, usize)> {
    let words: Vec<&str> = needle.split_whitespace().collect();
    if words.is_empty() || !needle.chars().any(char::is_alphanumeric) {
        return None;
    }
    let mut from = 0;
    while let Some(i) = text[from..].find(words[0]) {
        let start = from + i;
        let mut at = start + words[0].len();
        let mut ok = true;
        for w in &words[1..] {
            let rest = &text[at..];
            let trimmed = rest.trim_start();
            if trimmed.len() == rest.len() || !trimmed.starts_with(w) {
                ok = false;
                break;
            }
            at += rest.len() - trimmed.len() + w.len();
        }
        if ok {
            return Some((start, at));
        }
        from = start + words[0].chars().next().map_or(1, char::len_utf8);
    }
    None
}

/// The index of the article's actor called `name` (compared folded), added when none is.
fn actor_index(analysis: &mut Analysis, name: &str, kind: ActorKind) -> usize {
    let folded = parallax_nlp::text::fold_for_match(name);
    if let Some(i) = analysis.actors.iter().position(|a| {
        parallax_nlp::text::fold_for_match(&a.name) == folded
            || a.aliases
                .iter()
                .any(|x| parallax_nlp::text::fold_for_match(x) == folded)
    }) {
        return i;
    }
    analysis.actors.push(LocalActor {
        name: name.trim().to_owned(),
        kind,
        titles: Vec::new(),
        roles: Vec::new(),
        aliases: Vec::new(),
        mentions: Vec::new(),
    });
    analysis.actors.len() - 1
}

/// Replays `corrections` (those of this article, in order) on the extractor's `analysis` of
/// `text`. Returns how many applied; one whose statement is not there, or whose span does not
/// fit the text, is skipped.
pub fn apply(text: &str, analysis: &mut Analysis, corrections: &[StatementCorrection]) -> usize {
    let mut applied = 0;
    for c in corrections {
        let matching = |analysis: &Analysis, key: &str| -> Vec<usize> {
            (0..analysis.statements.len())
                .filter(|&i| statement_key(&analysis.statements[i].text) == key)
                .collect()
        };
        let done = match c {
            StatementCorrection::Delete { statement, .. } => {
                let before = analysis.statements.len();
                analysis
                    .statements
                    .retain(|s| statement_key(&s.text) != *statement);
                analysis.statements.len() < before
            }
            StatementCorrection::SetKind {
                statement, kind, ..
            } => {
                let hits = matching(analysis, statement);
                for &i in &hits {
                    analysis.statements[i].kind = *kind;
                }
                !hits.is_empty()
            }
            StatementCorrection::SetActor {
                statement,
                actor,
                actor_kind,
                ..
            } => {
                let hits = matching(analysis, statement);
                if !hits.is_empty() {
                    let a = actor_index(analysis, actor, *actor_kind);
                    for &i in &hits {
                        let s = &mut analysis.statements[i];
                        s.actor = a;
                        s.speaker = actor.trim().to_owned();
                        s.speaker_span = None;
                    }
                }
                !hits.is_empty()
            }
            StatementCorrection::SetSpan {
                statement,
                start,
                end,
                ..
            } => {
                let hits = matching(analysis, statement);
                if valid_span(text, *start, *end) {
                    for &i in &hits {
                        let s = &mut analysis.statements[i];
                        s.span = Span {
                            start: *start,
                            end: *end,
                        };
                        s.text = text[*start..*end].to_owned();
                    }
                    !hits.is_empty()
                } else {
                    false
                }
            }
            StatementCorrection::Add {
                start,
                end,
                actor,
                actor_kind,
                kind,
                cue,
                ..
            } => {
                if valid_span(text, *start, *end) {
                    let a = actor_index(analysis, actor, *actor_kind);
                    analysis.statements.push(Statement {
                        actor: a,
                        speaker: actor.trim().to_owned(),
                        speaker_span: None,
                        kind: *kind,
                        cue: cue.trim().to_owned(),
                        stance: Stance::Neutral,
                        text: text[*start..*end].to_owned(),
                        span: Span {
                            start: *start,
                            end: *end,
                        },
                    });
                    true
                } else {
                    false
                }
            }
        };
        applied += usize::from(done);
    }
    analysis
        .statements
        .sort_by_key(|s| (s.span.start, s.span.end));
    applied
}

impl Project {
    /// The corrections in force, oldest first.
    pub fn statement_corrections(&self) -> Result<Vec<StatementCorrection>, CorrectionError> {
        Ok(edits::active(self.conn(), Log::Statements)?)
    }

    /// Records a correction and re-analyses its article, so every view shows it at once.
    pub fn correct_statement(
        &mut self,
        request: &CorrectionRequest,
        now: DateTime<Utc>,
    ) -> Result<StatementCorrection, CorrectionError> {
        let of_statement = |id: i64| -> Result<(ArticleId, String), CorrectionError> {
            statements::article_and_text(self.conn(), id)?
                .ok_or(CorrectionError::NoSuchStatement(id))
        };
        let hash_of = |id: ArticleId| -> Result<String, CorrectionError> {
            articles::content_hash(self.conn(), id)?.ok_or(CorrectionError::NoSuchArticle(id.0))
        };
        let check_span = |id: ArticleId, start: usize, end: usize| -> Result<(), CorrectionError> {
            let body = self.article(id)?.text;
            if valid_span(&body, start, end) {
                Ok(())
            } else {
                Err(CorrectionError::BadSpan {
                    start,
                    end,
                    len: body.len(),
                })
            }
        };
        let kind_for =
            |name: &str, kind: Option<ActorKind>| -> Result<ActorKind, CorrectionError> {
                if !name.chars().any(char::is_alphanumeric) {
                    return Err(CorrectionError::EmptyName);
                }
                Ok(match kind {
                    Some(k) => k,
                    None => statements::kind_of_actor_named(self.conn(), name.trim())?
                        .unwrap_or(ActorKind::Person),
                })
            };
        let (article_id, correction) = match request {
            CorrectionRequest::Delete { statement } => {
                let (a, text) = of_statement(*statement)?;
                let article = hash_of(a)?;
                let statement = statement_key(&text);
                (a, StatementCorrection::Delete { article, statement })
            }
            CorrectionRequest::SetKind { statement, kind } => {
                let (a, text) = of_statement(*statement)?;
                (
                    a,
                    StatementCorrection::SetKind {
                        article: hash_of(a)?,
                        statement: statement_key(&text),
                        kind: *kind,
                    },
                )
            }
            CorrectionRequest::SetActor {
                statement,
                actor,
                actor_kind,
            } => {
                let (a, text) = of_statement(*statement)?;
                (
                    a,
                    StatementCorrection::SetActor {
                        article: hash_of(a)?,
                        statement: statement_key(&text),
                        actor_kind: kind_for(actor, *actor_kind)?,
                        actor: actor.trim().to_owned(),
                    },
                )
            }
            CorrectionRequest::SetSpan {
                statement,
                start,
                end,
            } => {
                let (a, text) = of_statement(*statement)?;
                check_span(a, *start, *end)?;
                (
                    a,
                    StatementCorrection::SetSpan {
                        article: hash_of(a)?,
                        statement: statement_key(&text),
                        start: *start,
                        end: *end,
                    },
                )
            }
            CorrectionRequest::Add {
                article,
                start,
                end,
                actor,
                actor_kind,
                kind,
                cue,
            } => {
                let hash = hash_of(*article)?;
                check_span(*article, *start, *end)?;
                (
                    *article,
                    StatementCorrection::Add {
                        article: hash,
                        start: *start,
                        end: *end,
                        actor_kind: kind_for(actor, *actor_kind)?,
                        actor: actor.trim().to_owned(),
                        kind: *kind,
                        cue: cue.clone(),
                    },
                )
            }
        };
        let tx = self.conn_mut().transaction()?;
        edits::append(&tx, Log::Statements, &correction, now)?;
        tx.commit()?;
        self.reanalyze_article(article_id)?;
        Ok(correction)
    }

    /// The article of a statement, by the id `statements` shows.
    pub fn article_of_statement(&self, statement: i64) -> Result<ArticleId, CorrectionError> {
        Ok(statements::article_and_text(self.conn(), statement)?
            .ok_or(CorrectionError::NoSuchStatement(statement))?
            .0)
    }

    /// Records a correction in its stored form again (the window's redo, after an undo) and
    /// re-analyses its article.
    pub fn record_statement_correction(
        &mut self,
        correction: &StatementCorrection,
        now: DateTime<Utc>,
    ) -> Result<(), CorrectionError> {
        let tx = self.conn_mut().transaction()?;
        edits::append(&tx, Log::Statements, correction, now)?;
        tx.commit()?;
        if let Some(id) = articles::id_by_hash(self.conn(), correction.article())? {
            self.reanalyze_article(id)?;
        }
        Ok(())
    }

    /// Takes back the latest correction in force and re-analyses its article; `None` when
    /// there was none.
    pub fn undo_statement_correction(
        &mut self,
    ) -> Result<Option<StatementCorrection>, CorrectionError> {
        let tx = self.conn_mut().transaction()?;
        let undone: Option<StatementCorrection> = edits::undo_last(&tx, Log::Statements)?;
        tx.commit()?;
        if let Some(c) = &undone {
            if let Some(id) = articles::id_by_hash(self.conn(), c.article())? {
                self.reanalyze_article(id)?;
            }
        }
        Ok(undone)
    }

    /// The extractor's analysis of an article with the analyst's corrections replayed.
    pub(crate) fn corrected_analysis(
        &self,
        hash: &str,
        text: &str,
        lang: parallax_nlp::Lang,
        corrections: &[StatementCorrection],
    ) -> Analysis {
        let mut analysis = parallax_nlp::extract::analyze(text, lang);
        let mine: Vec<StatementCorrection> = corrections
            .iter()
            .filter(|c| c.article() == hash)
            .cloned()
            .collect();
        if !mine.is_empty() {
            apply(text, &mut analysis, &mine);
        }
        analysis
    }

    /// Analyses one article again (with its corrections) and stores the result.
    fn reanalyze_article(&mut self, id: ArticleId) -> Result<(), CorrectionError> {
        let article = self.article(id)?;
        let hash =
            articles::content_hash(self.conn(), id)?.ok_or(CorrectionError::NoSuchArticle(id.0))?;
        let corrections = self.statement_corrections()?;
        let analysis =
            self.corrected_analysis(&hash, &article.text, article.meta.lang, &corrections);
        let tx = self.conn_mut().transaction()?;
        statements::replace(&tx, id, &analysis)?;
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax_nlp::Lang;

    const TEXT: &str =
        "The council met on Monday. \"The dam will open in June,\" said Rania Mansour, \
the council's spokeswoman. Farmers were told the water would come. Samir Nassar said the \
plan was a good start.";

    fn analysis() -> Analysis {
        parallax_nlp::extract::analyze(TEXT, Lang::En)
    }

    fn key_of(a: &Analysis, words: &str) -> String {
        let s = a
            .statements
            .iter()
            .find(|s| s.text.contains(words))
            .unwrap_or_else(|| panic!("a statement with {words:?} in {:#?}", a.statements));
        statement_key(&s.text)
    }

    #[test]
    fn a_deleted_statement_goes_and_the_others_stay() {
        let mut a = analysis();
        let n = a.statements.len();
        let key = key_of(&a, "dam will open");
        let c = StatementCorrection::Delete {
            article: "h".into(),
            statement: key,
        };
        assert_eq!(apply(TEXT, &mut a, &[c]), 1);
        assert_eq!(a.statements.len(), n - 1);
        assert!(!a
            .statements
            .iter()
            .any(|s| s.text.contains("dam will open")));
    }

    #[test]
    fn an_added_statement_gets_its_actor_and_text_order() {
        let mut a = analysis();
        let start = TEXT.find("the water would come").unwrap();
        let end = start + "the water would come".len();
        let c = StatementCorrection::Add {
            article: "h".into(),
            start,
            end,
            actor: "Northern Basin Council".into(),
            actor_kind: ActorKind::Organisation,
            kind: StatementKind::Indirect,
            cue: "told".into(),
        };
        assert_eq!(apply(TEXT, &mut a, &[c]), 1);
        let s = a
            .statements
            .iter()
            .find(|s| s.text == "the water would come")
            .expect("the added statement");
        assert_eq!(a.actors[s.actor].name, "Northern Basin Council");
        assert_eq!(a.actors[s.actor].kind, ActorKind::Organisation);
        assert!(a
            .statements
            .windows(2)
            .all(|w| w[0].span.start <= w[1].span.start));
    }

    #[test]
    fn actor_kind_and_span_changes_apply_in_order() {
        let mut a = analysis();
        let key = key_of(&a, "dam will open");
        let start = TEXT.find("The dam will open").unwrap();
        let end = start + "The dam will open".len();
        let cs = [
            StatementCorrection::SetActor {
                article: "h".into(),
                statement: key.clone(),
                actor: "Samir Nassar".into(),
                actor_kind: ActorKind::Person,
            },
            StatementCorrection::SetKind {
                article: "h".into(),
                statement: key.clone(),
                kind: StatementKind::Indirect,
            },
            StatementCorrection::SetSpan {
                article: "h".into(),
                statement: key,
                start,
                end,
            },
        ];
        assert_eq!(apply(TEXT, &mut a, &cs), 3);
        let s = a
            .statements
            .iter()
            .find(|s| s.text == "The dam will open")
            .expect("the shortened statement");
        assert_eq!(a.actors[s.actor].name, "Samir Nassar");
        assert_eq!(s.kind, StatementKind::Indirect);
        // the actor the article already names is reused, not added twice
        assert_eq!(
            a.actors.iter().filter(|x| x.name == "Samir Nassar").count(),
            1
        );
    }

    #[test]
    fn a_correction_of_a_statement_that_is_gone_or_a_span_that_does_not_fit_is_skipped() {
        let mut a = analysis();
        let before = a.clone();
        let cs = [
            StatementCorrection::Delete {
                article: "h".into(),
                statement: "words nobody said".into(),
            },
            StatementCorrection::Add {
                article: "h".into(),
                start: 5,
                end: TEXT.len() + 10,
                actor: "Rania Mansour".into(),
                actor_kind: ActorKind::Person,
                kind: StatementKind::Direct,
                cue: "said".into(),
            },
        ];
        assert_eq!(apply(TEXT, &mut a, &cs), 0);
        assert_eq!(a, before);
    }

    #[test]
    fn a_selection_is_found_whatever_its_line_breaks() {
        let text = "وقال سمير نصار إن الخطة\nجيدة.\n\nThe council  met on Monday.";
        let (s, e) = locate(text, "الخطة جيدة").unwrap();
        assert_eq!(&text[s..e], "الخطة\nجيدة");
        let (s, e) = locate(text, " council met\non ").unwrap();
        assert_eq!(&text[s..e], "council  met on");
        assert_eq!(locate(text, "council met in June"), None);
        assert_eq!(locate(text, " \n "), None);
        // the first occurrence that matches whole, not the first of its first word
        let (s, _) = locate("the plan is late; the plan is good", "the plan is good").unwrap();
        assert_eq!(s, 18);
    }

    #[test]
    fn spans_must_fall_between_characters_and_hold_a_word() {
        let text = "قال سمير نصار إن الخطة جيدة";
        assert!(valid_span(text, 0, text.len()));
        assert!(!valid_span(text, 1, 4), "inside a letter");
        assert!(!valid_span(text, 3, 4), "a space only");
        assert!(!valid_span(text, 4, 4));
    }
}
