//! Comparison reports and data exports: one [`Report`] model built from the public
//! [`Project`] API (articles, statements, actors, compare), and one renderer per format.
//!
//! The model is the whole analysis of a selection (actors, outlets, a date range): the
//! sources, the actors with their aliases, the actors × outlets coverage matrix, each actor's
//! claim groups with the word-level differences, omissions and stance of every outlet, and
//! every statement linked to its article. Renderers only lay it out; none of them queries the
//! project, so the desktop app and the CLI produce the same files from the same model.
//!
//! Text from articles (titles, statements, names, outlets, URLs) is untrusted: every
//! renderer escapes it for its format, and the spreadsheet formats neutralise cells that a
//! spreadsheet would read as a formula ([`neutralise_formula`]).
//!
//! The analyst's note and tags of each statement ([`crate::notes`]) are fields of
//! [`ReportStatement`], which the CSV and XLSX statement tables show. Left out, deliberately:
//! notes and tags of articles, actors and groups (their tags select, through
//! [`Selection::tags`], but are not shown), and their place in the other renderers (REFI-QDA: notes as `Note` memos, tags as codes). The report
//! is not paginated or streamed: a 10,000-article project fits in memory comfortably.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use parallax_nlp::align::DiffOp;
use parallax_nlp::extract::{ActorKind, Span, Stance, StatementKind};
use parallax_nlp::text::fold_for_match;
use parallax_nlp::Lang;
use serde::{Deserialize, Serialize};

use crate::actors::{ActorError, UNKNOWN_OUTLET};
use crate::model::ArticleId;
use crate::notes::Target;
use crate::Project;

pub mod csv;
pub mod docx;
pub mod html;
pub mod json;
pub mod markdown;
pub mod output;
pub mod pdf;
pub mod qdpx;
pub mod xlsx;
mod xml;

/// The version of the JSON schema ([`json`]); bumped when a field changes meaning or goes.
pub const SCHEMA: &str = "parallax-report/1";

/// Which part of the project a report covers. Empty lists select everything.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Selection {
    /// Actors whose name or aliases contain one of these (folded: diacritics, hamza forms
    /// and case do not matter).
    pub actors: Vec<String>,
    /// Outlets whose name contains one of these (folded).
    pub outlets: Vec<String>,
    /// Articles published on or after this day (articles without a date are then left out).
    pub from: Option<NaiveDate>,
    /// Articles published on or before this day.
    pub to: Option<NaiveDate>,
    /// Statements that carry one of these tags, or whose article, actor or claim group does
    /// (compared folded). Absent from reports made before tags could select.
    #[serde(default)]
    pub tags: Vec<String>,
}

impl Selection {
    pub fn is_everything(&self) -> bool {
        self == &Selection::default()
    }

    fn wants_outlet(&self, outlet: &str) -> bool {
        self.outlets.is_empty() || {
            let folded = fold_for_match(outlet);
            self.outlets
                .iter()
                .any(|o| folded.contains(&fold_for_match(o)))
        }
    }

    fn wants_date(&self, date: Option<NaiveDate>) -> bool {
        match (self.from, self.to, date) {
            (None, None, _) => true,
            (_, _, None) => false,
            (from, to, Some(d)) => from.is_none_or(|f| d >= f) && to.is_none_or(|t| d <= t),
        }
    }

    fn wants_article(&self, a: &ArticleRef) -> bool {
        self.wants_outlet(&a.outlet) && self.wants_date(a.published_at)
    }
}

/// The whole analysis of a selection; see the module documentation and `docs/report-json.md`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// [`SCHEMA`].
    pub schema: String,
    /// The project's file name without its extension.
    pub project: String,
    pub generated_at: DateTime<Utc>,
    pub selection: Selection,
    pub summary: Summary,
    /// The articles of the selection, by id.
    pub articles: Vec<ArticleRef>,
    /// The actors of the selection, those with the most statements first.
    pub actors: Vec<ReportActor>,
    pub coverage: CoverageMatrix,
    /// Every statement of the selection, in article order, with its group.
    pub statements: Vec<ReportStatement>,
}

/// Counts for the report's first section.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub articles: usize,
    pub statements: usize,
    pub actors: usize,
    pub claim_groups: usize,
    /// Earliest and latest publication date among the articles that have one.
    pub first_date: Option<NaiveDate>,
    pub last_date: Option<NaiveDate>,
    pub outlets: Vec<OutletSummary>,
    /// Articles per language code (`ar`, `en`, `other`).
    pub languages: BTreeMap<String, usize>,
}

impl Summary {
    /// The counts in one sentence without its full stop, as every report format opens its
    /// summary ("12 articles from 5 outlets, … published 2024-01-02 to 2024-03-04").
    pub fn sentence(&self) -> String {
        let mut line = format!(
            "{} articles from {} outlets, {} statements by {} actors in {} claim groups",
            self.articles,
            self.outlets.len(),
            self.statements,
            self.actors,
            self.claim_groups
        );
        if let (Some(first), Some(last)) = (self.first_date, self.last_date) {
            line.push_str(&format!(", published {first} to {last}"));
        }
        line
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutletSummary {
    pub outlet: String,
    pub articles: usize,
    pub statements: usize,
}

/// Where a statement comes from: what a reader needs to find the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleRef {
    pub id: ArticleId,
    pub title: String,
    /// The outlet, or "unknown outlet".
    pub outlet: String,
    pub published_at: Option<NaiveDate>,
    pub url: Option<String>,
    pub lang: Lang,
    /// The imported file.
    pub source: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportActor {
    /// The registry's key (unique in the project).
    pub key: String,
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    /// Statements in the selection.
    pub statements: usize,
    /// Outlets that report it in the selection, sorted.
    pub outlets: Vec<String>,
    /// Its claim groups, largest first.
    pub groups: Vec<ClaimGroup>,
}

/// One claim of an actor as each outlet reported it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimGroup {
    /// The group's id in the project's alignment (as `parallax compare` shows it).
    pub id: usize,
    /// A short label of the claim.
    pub claim: String,
    /// Ids of the member statements (see [`Report::statements`]), in article order.
    pub statements: Vec<i64>,
    /// The id of the version the others are compared with.
    pub base: i64,
    /// Outlets of the selection that quote the actor elsewhere but not here.
    pub missing_from: Vec<String>,
    /// The stances the outlets' reporting verbs take, outlet by outlet.
    pub stance_by_outlet: Vec<OutletStance>,
    /// Ids of groups with the same actor's similar claim on another occasion.
    pub related: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutletStance {
    pub outlet: String,
    pub stances: Vec<Stance>,
}

/// One statement with everything a row of a table needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportStatement {
    /// The store's statement id.
    pub id: i64,
    pub article: ArticleId,
    pub outlet: String,
    pub published_at: Option<NaiveDate>,
    pub lang: Lang,
    /// The project-wide actor's key and name (the article's own name when the registry
    /// does not know the speaker).
    pub actor_key: String,
    pub actor: String,
    /// The speaker as the article names them.
    pub speaker: String,
    pub kind: StatementKind,
    pub cue: String,
    pub stance: Stance,
    pub text: String,
    /// Byte offsets into the article's text.
    pub span: Span,
    /// The claim group, when the statement was aligned.
    pub group: Option<usize>,
    /// The statement's words against the version it is compared with; empty for that
    /// version itself and for statements without a group.
    pub diff: Vec<DiffOp>,
    /// The id of the statement it is compared with (itself for the base version).
    pub compared_with: Option<i64>,
    /// The analyst's note on the statement (Markdown, verbatim).
    #[serde(default)]
    pub note: Option<String>,
    /// The analyst's tags of the statement, sorted.
    #[serde(default)]
    pub tags: Vec<String>,
}

/// Statement counts per actor × outlet.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CoverageMatrix {
    /// Column names, sorted.
    pub outlets: Vec<String>,
    /// One row per actor, in the order of [`Report::actors`].
    pub rows: Vec<CoverageRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CoverageRow {
    pub actor: String,
    /// One count per column of [`CoverageMatrix::outlets`].
    pub counts: Vec<u32>,
}

impl Report {
    /// The article a statement links to.
    pub fn article_index(&self) -> HashMap<ArticleId, &ArticleRef> {
        self.articles.iter().map(|a| (a.id, a)).collect()
    }

    /// Statements by id.
    pub fn statement_index(&self) -> HashMap<i64, &ReportStatement> {
        self.statements.iter().map(|s| (s.id, s)).collect()
    }
}

/// The targets that carry a tag of [`Selection::tags`], by today's ids.
#[derive(Default)]
struct Tagged {
    articles: BTreeSet<ArticleId>,
    statements: BTreeSet<i64>,
    actors: BTreeSet<String>,
    groups: BTreeSet<usize>,
}

impl From<Vec<Target>> for Tagged {
    fn from(targets: Vec<Target>) -> Self {
        let mut tagged = Tagged::default();
        for t in targets {
            match t {
                Target::Article(id) => tagged.articles.insert(id),
                Target::Statement(id) => tagged.statements.insert(id),
                Target::Actor(key) => tagged.actors.insert(key),
                Target::Group(id) => tagged.groups.insert(id),
            };
        }
        tagged
    }
}

impl Tagged {
    /// Whether a statement, its article, its actor or its group carries a wanted tag.
    fn selects(
        &self,
        statement: i64,
        article: ArticleId,
        actor: &str,
        group: Option<usize>,
    ) -> bool {
        self.statements.contains(&statement)
            || self.articles.contains(&article)
            || self.actors.contains(actor)
            || group.is_some_and(|g| self.groups.contains(&g))
    }
}

impl Project {
    /// The report of a selection of the project; `now` is the time it says it was made.
    pub fn report(&self, selection: &Selection, now: DateTime<Utc>) -> Result<Report, ActorError> {
        let all_articles: Vec<ArticleRef> = self
            .articles()?
            .into_iter()
            .map(|a| ArticleRef {
                id: a.id,
                title: a.title,
                outlet: a.outlet.unwrap_or_else(|| UNKNOWN_OUTLET.to_owned()),
                published_at: a.published_at,
                url: a.url,
                lang: a.lang,
                source: a.source,
            })
            .collect();
        let wanted_article: HashMap<ArticleId, bool> = all_articles
            .iter()
            .map(|a| (a.id, selection.wants_article(a)))
            .collect();
        // resolved once for the actor list and the comparison: resolving is most of the cost
        let resolved = self.registry_joined()?;
        let registry = self.actors_in(&resolved)?;
        let wanted_actor: Option<BTreeSet<&str>> = if selection.actors.is_empty() {
            None
        } else {
            let filters: Vec<String> = selection.actors.iter().map(|a| fold_for_match(a)).collect();
            Some(
                registry
                    .iter()
                    .filter(|a| {
                        std::iter::once(&a.name)
                            .chain(&a.aliases)
                            .map(|n| fold_for_match(n))
                            .any(|n| filters.iter().any(|f| n.contains(f.as_str())))
                    })
                    .map(|a| a.key.as_str())
                    .collect(),
            )
        };
        // the statements are read once, after the registry, for the comparison and the rows
        let rows = self.statements(None)?;
        let mut groups = self.compare_over(&resolved, &rows, None)?;
        let tagged = if selection.tags.is_empty() {
            None
        } else {
            Some(Tagged::from(self.targets_tagged(&selection.tags)?))
        };

        // Every aligned statement's group, actor and diff.
        struct Aligned {
            group: usize,
            actor_key: String,
            actor: String,
            diff: Vec<DiffOp>,
            compared_with: i64,
        }
        let mut aligned: HashMap<i64, Aligned> = HashMap::new();
        for g in &mut groups {
            let ids: Vec<i64> = g.statements.iter().map(|s| s.id).collect();
            for s in &mut g.statements {
                let against = ids.get(s.compared_with).copied().unwrap_or(s.id);
                // the diffs move into the report's statements; the groups keep the rest
                let diff = if against == s.id {
                    Vec::new()
                } else {
                    std::mem::take(&mut s.diff)
                };
                aligned.insert(
                    s.id,
                    Aligned {
                        group: g.id,
                        actor_key: g.actor_key.clone(),
                        actor: g.actor.clone(),
                        diff,
                        compared_with: against,
                    },
                );
            }
        }

        let mut annotations = self.statement_annotations()?;
        let mut statements: Vec<ReportStatement> = Vec::new();
        for row in rows {
            if !wanted_article.get(&row.article).copied().unwrap_or(false) {
                continue;
            }
            let a = aligned.remove(&row.id);
            let actor_key = a.as_ref().map_or(&row.actor, |a| &a.actor_key);
            if let Some(w) = &wanted_actor {
                if !w.contains(actor_key.as_str()) {
                    continue;
                }
            }
            if let Some(t) = &tagged {
                if !t.selects(row.id, row.article, actor_key, a.as_ref().map(|a| a.group)) {
                    continue;
                }
            }
            statements.push(ReportStatement {
                id: row.id,
                article: row.article,
                outlet: row.outlet.unwrap_or_else(|| UNKNOWN_OUTLET.to_owned()),
                published_at: row.published_at,
                lang: row.lang,
                actor_key: actor_key.clone(),
                actor: a
                    .as_ref()
                    .map_or_else(|| row.actor.clone(), |a| a.actor.clone()),
                speaker: row.speaker,
                kind: row.kind,
                cue: row.cue,
                stance: row.stance,
                text: row.text,
                span: row.span,
                group: a.as_ref().map(|a| a.group),
                diff: a.as_ref().map(|a| a.diff.clone()).unwrap_or_default(),
                compared_with: a.as_ref().map(|a| a.compared_with),
                note: annotations
                    .get_mut(&row.id)
                    .and_then(|n| n.note.take())
                    .map(|n| n.text),
                tags: annotations
                    .remove(&row.id)
                    .map(|n| n.tags)
                    .unwrap_or_default(),
            });
        }
        let selected: HashMap<i64, &ReportStatement> =
            statements.iter().map(|s| (s.id, s)).collect();

        // Outlets of the selection that report each actor, for omissions.
        let mut actor_outlets: HashMap<&str, BTreeSet<&str>> = HashMap::new();
        for s in &statements {
            actor_outlets
                .entry(s.actor_key.as_str())
                .or_default()
                .insert(s.outlet.as_str());
        }

        let mut groups_of: HashMap<&str, Vec<ClaimGroup>> = HashMap::new();
        for g in &groups {
            let members: Vec<&ReportStatement> = g
                .statements
                .iter()
                .filter_map(|s| selected.get(&s.id).copied())
                .collect();
            if members.is_empty() {
                continue;
            }
            let present: BTreeSet<&str> = members.iter().map(|s| s.outlet.as_str()).collect();
            let missing_from = actor_outlets
                .get(g.actor_key.as_str())
                .map(|all| all.difference(&present).map(|o| (*o).to_owned()).collect())
                .unwrap_or_default();
            let mut by_outlet: BTreeMap<&str, Vec<Stance>> = BTreeMap::new();
            for s in &members {
                let list = by_outlet.entry(s.outlet.as_str()).or_default();
                if !list.contains(&s.stance) {
                    list.push(s.stance);
                }
            }
            let base_id = g.statements.get(g.base).map_or(members[0].id, |b| b.id);
            groups_of
                .entry(g.actor_key.as_str())
                .or_default()
                .push(ClaimGroup {
                    id: g.id,
                    claim: g.claim.clone(),
                    statements: members.iter().map(|s| s.id).collect(),
                    base: base_id,
                    missing_from,
                    stance_by_outlet: by_outlet
                        .into_iter()
                        .map(|(outlet, stances)| OutletStance {
                            outlet: outlet.to_owned(),
                            stances,
                        })
                        .collect(),
                    related: g.related.clone(),
                });
        }

        let mut statements_of: HashMap<&str, usize> = HashMap::new();
        for s in &statements {
            *statements_of.entry(s.actor_key.as_str()).or_default() += 1;
        }
        let mut actors: Vec<ReportActor> = registry
            .iter()
            .filter_map(|a| {
                let outlets = actor_outlets.get(a.key.as_str())?;
                let mut groups = groups_of.remove(a.key.as_str()).unwrap_or_default();
                groups.sort_by(|x, y| {
                    y.statements
                        .len()
                        .cmp(&x.statements.len())
                        .then(x.id.cmp(&y.id))
                });
                Some(ReportActor {
                    key: a.key.clone(),
                    name: a.name.clone(),
                    kind: a.kind,
                    aliases: a.aliases.clone(),
                    statements: statements_of.get(a.key.as_str()).copied().unwrap_or(0),
                    outlets: outlets.iter().map(|o| (*o).to_owned()).collect(),
                    groups,
                })
            })
            .collect();
        actors.sort_by(|a, b| {
            b.statements
                .cmp(&a.statements)
                .then_with(|| a.name.cmp(&b.name))
        });

        // The sources: every article of the selection, or with an actor or tag filter those
        // that report the selected statements (and, with a tag filter, the tagged articles).
        let cited: BTreeSet<ArticleId> = statements.iter().map(|s| s.article).collect();
        let articles: Vec<ArticleRef> = all_articles
            .into_iter()
            .filter(|a| {
                wanted_article[&a.id]
                    && ((wanted_actor.is_none() && tagged.is_none())
                        || cited.contains(&a.id)
                        || tagged.as_ref().is_some_and(|t| t.articles.contains(&a.id)))
            })
            .collect();

        let coverage = coverage_matrix(&actors, &statements);
        let summary = summarise(&articles, &statements, &actors);
        Ok(Report {
            schema: SCHEMA.to_owned(),
            project: project_name(self.path()),
            generated_at: now,
            selection: selection.clone(),
            summary,
            articles,
            actors,
            coverage,
            statements,
        })
    }
}

impl Project {
    /// The verbatim text of the report's articles, for the formats that carry the sources
    /// (REFI-QDA).
    pub fn report_texts(
        &self,
        report: &Report,
    ) -> Result<HashMap<ArticleId, String>, crate::ProjectError> {
        report
            .articles
            .iter()
            .map(|a| Ok((a.id, self.article(a.id)?.text)))
            .collect()
    }
}

fn project_name(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "project".to_owned())
}

fn coverage_matrix(actors: &[ReportActor], statements: &[ReportStatement]) -> CoverageMatrix {
    let outlets: Vec<String> = statements
        .iter()
        .map(|s| s.outlet.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let column: HashMap<&str, usize> = outlets
        .iter()
        .enumerate()
        .map(|(i, o)| (o.as_str(), i))
        .collect();
    let row_of: HashMap<&str, usize> = actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.key.as_str(), i))
        .collect();
    let mut rows: Vec<CoverageRow> = actors
        .iter()
        .map(|a| CoverageRow {
            actor: a.name.clone(),
            counts: vec![0; outlets.len()],
        })
        .collect();
    for s in statements {
        if let Some(&r) = row_of.get(s.actor_key.as_str()) {
            rows[r].counts[column[s.outlet.as_str()]] += 1;
        }
    }
    CoverageMatrix { outlets, rows }
}

fn summarise(
    articles: &[ArticleRef],
    statements: &[ReportStatement],
    actors: &[ReportActor],
) -> Summary {
    let mut outlets: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut languages = BTreeMap::new();
    for a in articles {
        outlets.entry(a.outlet.as_str()).or_default().0 += 1;
        *languages.entry(a.lang.code().to_owned()).or_insert(0) += 1;
    }
    for s in statements {
        outlets.entry(s.outlet.as_str()).or_default().1 += 1;
    }
    let dates = articles.iter().filter_map(|a| a.published_at);
    Summary {
        articles: articles.len(),
        statements: statements.len(),
        actors: actors.len(),
        claim_groups: actors.iter().map(|a| a.groups.len()).sum(),
        first_date: dates.clone().min(),
        last_date: dates.max(),
        outlets: outlets
            .into_iter()
            .map(|(outlet, (articles, statements))| OutletSummary {
                outlet: outlet.to_owned(),
                articles,
                statements,
            })
            .collect(),
        languages,
    }
}

/// A spreadsheet cell's text that no spreadsheet will run: text starting with `=`, `+`,
/// `-`, `@`, a tab or a carriage return gets a leading apostrophe, which Excel, LibreOffice
/// and Google Sheets read as "this is text" (OWASP's advice for CSV injection).
pub fn neutralise_formula(text: &str) -> std::borrow::Cow<'_, str> {
    if starts_like_formula(text) {
        format!("'{text}").into()
    } else {
        text.into()
    }
}

/// Whether a spreadsheet would read a cell starting so as a formula.
pub fn starts_like_formula(text: &str) -> bool {
    text.starts_with(['=', '+', '-', '@', '\t', '\r'])
}

/// Whether a text is mostly right-to-left (its first strong character is Arabic or Hebrew):
/// the direction a paragraph of it takes.
pub fn is_rtl(text: &str) -> bool {
    text.chars()
        .find_map(|c| match unicode_bidi::bidi_class(c) {
            unicode_bidi::BidiClass::R | unicode_bidi::BidiClass::AL => Some(true),
            unicode_bidi::BidiClass::L => Some(false),
            _ => None,
        })
        .unwrap_or(false)
}

/// The columns of the statements table, as the CSV and XLSX exports write it.
pub(crate) const STATEMENT_COLUMNS: [&str; 16] = [
    "statement_id",
    "article_id",
    "title",
    "outlet",
    "date",
    "url",
    "lang",
    "actor",
    "speaker",
    "kind",
    "cue",
    "stance",
    "text",
    "group",
    "notes",
    "tags",
];

/// A value of the statements table: text, or a whole number (a spreadsheet's number cell).
pub(crate) enum Field<'r> {
    Text(&'r str),
    Integer(i64),
}

/// A statement's row of the statements table, one value per [`STATEMENT_COLUMNS`]; `date`
/// is its [`date_label`], which the caller keeps.
pub(crate) fn statement_fields<'r>(
    s: &'r ReportStatement,
    article: Option<&'r ArticleRef>,
    date: &'r str,
    tags: &'r str,
) -> [Field<'r>; 16] {
    [
        Field::Integer(s.id),
        Field::Integer(s.article.0),
        Field::Text(article.map_or("", |a| a.title.as_str())),
        Field::Text(&s.outlet),
        Field::Text(date),
        Field::Text(article.and_then(|a| a.url.as_deref()).unwrap_or("")),
        Field::Text(s.lang.code()),
        Field::Text(&s.actor),
        Field::Text(&s.speaker),
        Field::Text(kind_label(s.kind)),
        Field::Text(&s.cue),
        Field::Text(stance_label(s.stance)),
        Field::Text(&s.text),
        s.group
            .map_or(Field::Text(""), |g| Field::Integer(g as i64)),
        // the analyst's note and tags (`tags`: joined by the caller, see `tags_cell`)
        Field::Text(s.note.as_deref().unwrap_or("")),
        Field::Text(tags),
    ]
}

/// A statement's tags in one cell.
pub(crate) fn tags_cell(s: &ReportStatement) -> String {
    s.tags.join(" | ")
}

/// A stance's name, as in the JSON.
pub fn stance_label(stance: Stance) -> &'static str {
    match stance {
        Stance::Neutral => "neutral",
        Stance::Assertive => "assertive",
        Stance::Distancing => "distancing",
        Stance::Denial => "denial",
        Stance::Directive => "directive",
        Stance::Warning => "warning",
        Stance::Concession => "concession",
        Stance::Announcement => "announcement",
    }
}

/// A statement kind's name, as in the JSON.
pub fn kind_label(kind: StatementKind) -> &'static str {
    match kind {
        StatementKind::Direct => "direct",
        StatementKind::Indirect => "indirect",
        StatementKind::Mixed => "mixed",
    }
}

/// An actor kind's name, as in the JSON.
pub fn actor_kind_label(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "person",
        ActorKind::Organisation => "organisation",
        ActorKind::StateBody => "state_body",
        ActorKind::Media => "media",
        ActorKind::Unnamed => "unnamed",
    }
}

/// A date as `YYYY-MM-DD`, or empty.
pub fn date_label(date: Option<NaiveDate>) -> String {
    date.map(|d| d.to_string()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_are_the_json_names() {
        for s in [Stance::Neutral, Stance::Denial, Stance::Announcement] {
            assert_eq!(serde_json::to_value(s).unwrap(), stance_label(s));
        }
        for k in [StatementKind::Direct, StatementKind::Mixed] {
            assert_eq!(serde_json::to_value(k).unwrap(), kind_label(k));
        }
        for k in [ActorKind::StateBody, ActorKind::Unnamed] {
            assert_eq!(serde_json::to_value(k).unwrap(), actor_kind_label(k));
        }
    }

    #[test]
    fn formulas_are_neutralised_and_other_text_is_not() {
        assert_eq!(
            neutralise_formula("=HYPERLINK(\"x\")"),
            "'=HYPERLINK(\"x\")"
        );
        assert_eq!(neutralise_formula("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(neutralise_formula("-1+2"), "'-1+2");
        assert_eq!(neutralise_formula("قال إن"), "قال إن");
    }

    #[test]
    fn direction_follows_the_first_strong_character() {
        assert!(is_rtl("«قال» the minister"));
        assert!(!is_rtl("2024: the minister «قال»"));
        assert!(!is_rtl("123"));
    }
}
