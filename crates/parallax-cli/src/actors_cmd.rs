//! `parallax actors …` and `parallax compare`: the actor registry, the analyst's edits of
//! it, and statements aligned across sources.

use crate::output::escaped;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use parallax_core::actors::{ActorSummary, ComparisonGroup, GroupEditRequest, MentionSelector};
use parallax_core::dictionary;
use parallax_core::nlp::actors::ActorEdit;
use parallax_core::nlp::align::{Bilingual, DiffOp};
use parallax_core::nlp::extract::ActorKind;
use parallax_core::resources::{Installed, Missing};
use parallax_core::Project;
use serde::Serialize;

/// `parallax actors`: list the actors, or edit the registry with a subcommand.
#[derive(Args)]
#[command(
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true,
    after_help = "Mentions of one actor in every article and script are resolved into one entry\n\
        («بيرغلوند» = Berglund). Edits are stored as edits: they survive `parallax analyze` and\n\
        later imports, and `parallax actors undo` takes back the latest.\n\
        With --json, one object per line: key, name, kind, aliases, titles, roles, part_of,\n\
        statements, outlets, statements_by_outlet {outlet: count}, mentions [{id, article, name}].\n\n\
        Examples:\n  parallax actors study.parallax\n  parallax actors study.parallax --json | jq .name\n  \
        parallax actors merge study.parallax \"Tomas Berglund\" \"بيرغلوند\"\n  parallax actors undo study.parallax"
)]
pub struct ActorsArgs {
    /// The project file.
    #[arg(required = true)]
    project: Option<PathBuf>,
    /// One JSON object per actor and line.
    #[arg(long)]
    json: bool,
    /// With the sentence model, actors that make the same claims in different articles are
    /// one actor (a task force by its full name and by a translated description); the
    /// analyst's edits still win. `--no-model` lists actors by their names only.
    #[command(flatten)]
    model: crate::model_args::ModelArgs,
    #[command(subcommand)]
    edit: Option<EditCommand>,
}

/// An edit of the actor registry. ACTOR is a name, an alias or the key `--json` shows.
#[derive(Subcommand)]
enum EditCommand {
    /// Merge two actors into one (the first one's name is kept).
    #[command(
        after_help = "Example:\n  parallax actors merge study.parallax \"Tomas Berglund\" \"بيرغلوند\""
    )]
    Merge {
        project: PathBuf,
        a: String,
        b: String,
    },
    /// Move some of an actor's mentions out into a new actor.
    #[command(
        after_help = "Each --mention is an article id (all of the actor's mentions in that article)\n\
        or a mention id as `parallax actors PROJECT --json` lists them.\n\n\
        Examples:\n  parallax actors split study.parallax Berglund --mention 12 --name \"Anna Berglund\"\n  \
        parallax actors split study.parallax NBC --mention 3f2a9c0b1d4e5f60#nbc --name \"NBC spokesman\""
    )]
    Split {
        project: PathBuf,
        actor: String,
        /// Article ids or mention ids to move (repeatable).
        #[arg(long = "mention", required = true)]
        mentions: Vec<String>,
        /// The new actor's name.
        #[arg(long)]
        name: String,
    },
    /// Give an actor another display name.
    #[command(
        after_help = "Example:\n  parallax actors rename study.parallax \"CRTG-OST\" \"Combined River Task Group\""
    )]
    Rename {
        project: PathBuf,
        actor: String,
        name: String,
    },
    /// Add an alias to an actor (actors known by that alias are merged into it), or remove one.
    #[command(
        after_help = "Examples:\n  parallax actors alias study.parallax \"Northern Basin Council\" \"مجلس الحوض الشمالي\"\n  \
        parallax actors alias study.parallax \"Northern Basin Council\" NBC --remove"
    )]
    Alias {
        project: PathBuf,
        actor: String,
        alias: String,
        /// Remove the alias instead of adding it.
        #[arg(long)]
        remove: bool,
    },
    /// Set an actor's kind: person, organisation, state_body, media or unnamed.
    #[command(
        after_help = "Example:\n  parallax actors kind study.parallax \"Ministry of Water\" state_body"
    )]
    Kind {
        project: PathBuf,
        actor: String,
        #[arg(value_parser = parse_kind)]
        kind: ActorKind,
    },
    /// Take back the latest edit still in force.
    #[command(after_help = "Example:\n  parallax actors undo study.parallax")]
    Undo { project: PathBuf },
}

impl EditCommand {
    fn project(&self) -> &std::path::Path {
        match self {
            EditCommand::Merge { project, .. }
            | EditCommand::Split { project, .. }
            | EditCommand::Rename { project, .. }
            | EditCommand::Alias { project, .. }
            | EditCommand::Kind { project, .. }
            | EditCommand::Undo { project } => project,
        }
    }
}

fn parse_kind(s: &str) -> Result<ActorKind, String> {
    serde_json::from_value(serde_json::Value::String(s.to_owned()))
        .map_err(|_| "expected person, organisation, state_body, media or unnamed".to_owned())
}

/// `parallax compare`.
#[derive(Args)]
#[command(
    args_conflicts_with_subcommands = true,
    subcommand_negates_reqs = true,
    after_help = "Groups each actor's statements from different articles that report the same claim,\n\
    with a word diff of every version against the base (earliest, then fullest) and the\n\
    outlets that quote the actor but left the claim out. Each statement shows its id (#N),\n\
    which the group edits (move, merge, split, undo) take; edits are stored and survive\n\
    `parallax analyze` and later imports.\n\
    With --json, one group per line: actor, group, claim, statements [{id, source, outlet,\n\
    text, kind, stance, published_at, lang, diff, diff_against}], missing_from, related.\n\
    A translation is diffed against the base of its own language (diff_against: its position).\n\n\
    Examples:\n  parallax compare study.parallax --actor Berglund\n  parallax compare study.parallax --json > groups.jsonl\n  \
    parallax compare merge study.parallax 17 42\n  parallax compare undo study.parallax"
)]
pub struct CompareArgs {
    /// The project file.
    #[arg(required = true)]
    project: Option<PathBuf>,
    /// Only the groups of actors whose name or aliases contain this.
    #[arg(long)]
    actor: Option<String>,
    /// One JSON object per group and line.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    dictionaries: DictionaryArgs,
    #[command(flatten)]
    model: crate::model_args::ModelArgs,
    #[command(subcommand)]
    edit: Option<GroupCommand>,
}

/// Which bilingual dictionaries alignment and actor matching use.
#[derive(Args)]
pub struct DictionaryArgs {
    /// A bilingual dictionary in dictd format (path without .index/.dict.dz), for aligning
    /// statements and matching organisations' names across languages; repeatable. Default:
    /// FreeDict's English–Arabic dictionaries where Debian installs them (/usr/share/dictd),
    /// when present (`parallax actors` uses those too).
    #[arg(long, value_name = "PREFIX")]
    pub(crate) dictionary: Vec<PathBuf>,
    /// Align across languages with the built-in concept lexicon only.
    #[arg(long, conflicts_with = "dictionary")]
    pub(crate) no_dictionary: bool,
}

#[derive(Args)]
#[command(
    after_help = "Statement counts per actor and outlet (the actors x outlets matrix); with\n\
    --claims, per claim (the groups of `parallax compare`, by their ids) and outlet too.\n\
    With --json, one object: outlets, actors, by_actor[actor][outlet], and with --claims\n\
    claims [{id, actor, claim}] and by_claim[claim][outlet].\n\n\
    Examples:\n  parallax coverage study.parallax\n  parallax coverage study.parallax --claims --json > coverage.json"
)]
pub struct CoverageArgs {
    /// The project file.
    project: PathBuf,
    /// Also the claims x outlets matrix.
    #[arg(long)]
    claims: bool,
    /// One JSON object with the matrices.
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    dictionaries: DictionaryArgs,
    #[command(flatten)]
    model: crate::model_args::ModelArgs,
}

/// The bilingual dictionaries actor resolution and alignment use: those named, or the
/// standard ones that are installed (a standard one that cannot be read is skipped with a
/// warning; a named one is an error).
/// With `hint`, says on stderr when no standard dictionary is installed.
pub(crate) fn dictionaries(
    named: &[PathBuf],
    none: bool,
    hint: bool,
) -> Result<Option<Arc<Bilingual>>> {
    if none {
        return Ok(None);
    }
    if !named.is_empty() {
        let dict = dictionary::load_dictionaries(named).context("loading --dictionary")?;
        return Ok(Some(dict));
    }
    let found = Installed::find(None);
    for m in &found.missing {
        match m {
            Missing::Dictionary if hint => eprintln!("note: {m}, or pass --dictionary"),
            Missing::BadDictionary { .. } => eprintln!("warning: {m}"),
            _ => {}
        }
    }
    Ok(found.dictionary)
}

/// A correction of the grouping. STATEMENT is a statement id as `compare` shows it.
#[derive(Subcommand)]
enum GroupCommand {
    /// Move a statement into the group of another statement, or into a group of its own.
    #[command(
        after_help = "Examples:\n  parallax compare move study.parallax 17 --to 42\n  \
        parallax compare move study.parallax 17"
    )]
    Move {
        project: PathBuf,
        statement: i64,
        /// A statement of the group to join (none: a group of its own).
        #[arg(long)]
        to: Option<i64>,
    },
    /// Merge the groups of two statements of one actor.
    #[command(after_help = "Example:\n  parallax compare merge study.parallax 17 42")]
    Merge { project: PathBuf, a: i64, b: i64 },
    /// Move statements out of their groups into one new group.
    #[command(after_help = "Example:\n  parallax compare split study.parallax 17 18")]
    Split {
        project: PathBuf,
        #[arg(required = true)]
        statements: Vec<i64>,
    },
    /// Take back the latest group edit still in force.
    #[command(after_help = "Example:\n  parallax compare undo study.parallax")]
    Undo { project: PathBuf },
}

fn group_edit(edit: GroupCommand) -> Result<ExitCode> {
    let (path, request) = match edit {
        GroupCommand::Undo { project } => {
            let mut project = open(&project)?;
            match project.undo_group_edit()? {
                Some(undone) => println!("undone: {}", serde_json::to_string(&undone)?),
                None => eprintln!("nothing to undo"),
            }
            return Ok(ExitCode::SUCCESS);
        }
        GroupCommand::Move {
            project,
            statement,
            to,
        } => (project, GroupEditRequest::Move { statement, to }),
        GroupCommand::Merge { project, a, b } => (project, GroupEditRequest::Merge { a, b }),
        GroupCommand::Split {
            project,
            statements,
        } => (project, GroupEditRequest::Split { statements }),
    };
    let mut project = open(&path)?;
    let edit = project.record_group_edit(&request, chrono::Utc::now())?;
    println!("recorded: {}", serde_json::to_string(&edit)?);
    Ok(ExitCode::SUCCESS)
}

/// Opens a project with the standard dictionaries (see [`dictionaries`]), so that `actors`,
/// `compare` and their edits resolve actors alike.
fn open(path: &std::path::Path) -> Result<Project> {
    let mut project =
        Project::open(path).with_context(|| format!("cannot open project {}", path.display()))?;
    project.set_dictionary(dictionaries(&[], false, false)?);
    Ok(project)
}

/// Opens a project for aligning, with the dictionaries asked for (see [`dictionaries`]).
pub(crate) fn open_with(path: &std::path::Path, named: &[PathBuf], none: bool) -> Result<Project> {
    let mut project =
        Project::open(path).with_context(|| format!("cannot open project {}", path.display()))?;
    project.set_dictionary(dictionaries(named, none, true)?);
    Ok(project)
}

pub fn actors(args: ActorsArgs) -> Result<ExitCode> {
    let Some(edit) = args.edit else {
        let project = args
            .project
            .expect("clap requires PROJECT without a subcommand");
        let mut project = open(&project)?;
        crate::model_args::apply(&mut project, &args.model, false)?;
        return list(&project, args.json);
    };
    let mut project = open(edit.project())?;
    // the names the analyst sees in the list: with the same joins by shared claims
    crate::model_args::apply(&mut project, &args.model, false)?;
    let edit = match edit {
        EditCommand::Undo { .. } => {
            match project.undo_actor_edit()? {
                Some(undone) => println!("undone: {}", serde_json::to_string(&undone)?),
                None => eprintln!("nothing to undo"),
            }
            return Ok(ExitCode::SUCCESS);
        }
        EditCommand::Merge { a, b, .. } => ActorEdit::Merge {
            a: project.actor_ref(&a)?,
            b: project.actor_ref(&b)?,
        },
        EditCommand::Split {
            actor,
            mentions,
            name,
            ..
        } => {
            let selectors: Vec<MentionSelector> = mentions
                .iter()
                .map(|m| m.parse().expect("parsing a selector cannot fail"))
                .collect();
            ActorEdit::Split {
                mentions: project.actor_mentions(&actor, &selectors)?,
                name,
            }
        }
        EditCommand::Rename { actor, name, .. } => ActorEdit::Rename {
            actor: project.actor_ref(&actor)?,
            name,
        },
        EditCommand::Alias {
            actor,
            alias,
            remove,
            ..
        } => {
            let actor = project.actor_ref(&actor)?;
            if remove {
                ActorEdit::RemoveAlias { actor, alias }
            } else {
                ActorEdit::AddAlias { actor, alias }
            }
        }
        EditCommand::Kind { actor, kind, .. } => ActorEdit::SetKind {
            actor: project.actor_ref(&actor)?,
            kind,
        },
    };
    project.record_actor_edit(&edit, chrono::Utc::now())?;
    println!("recorded: {}", serde_json::to_string(&edit)?);
    Ok(ExitCode::SUCCESS)
}

fn kind_name(kind: ActorKind) -> String {
    serde_json::to_value(kind)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn list(project: &Project, json: bool) -> Result<ExitCode> {
    let actors = project.actors()?;
    let mut out = std::io::stdout().lock();
    if json {
        for a in &actors {
            writeln!(out, "{}", serde_json::to_string(a)?)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    writeln!(
        out,
        "{:>5} {:>7}  {:<12}  {:<32}  ALIASES",
        "STMTS", "OUTLETS", "KIND", "NAME"
    )?;
    for a in &actors {
        let ActorSummary {
            name,
            kind,
            aliases,
            statements,
            outlets,
            ..
        } = a;
        writeln!(
            out,
            "{statements:>5} {:>7}  {:<12}  {:<32}  {}",
            outlets.len(),
            kind_name(*kind),
            escaped(&parallax_core::snippet::head(name, 32)),
            escaped(&parallax_core::snippet::head(&aliases.join(" · "), 100))
        )?;
    }
    writeln!(out, "{} actors", actors.len())?;
    Ok(ExitCode::SUCCESS)
}

/// One line of `parallax compare --json`.
#[derive(Serialize)]
struct GroupLine<'a> {
    actor: &'a str,
    group: usize,
    claim: &'a str,
    statements: Vec<StatementLine<'a>>,
    missing_from: &'a [String],
    related: &'a [usize],
}

#[derive(Serialize)]
struct StatementLine<'a> {
    id: i64,
    source: &'a str,
    outlet: &'a str,
    text: &'a str,
    kind: parallax_core::nlp::extract::StatementKind,
    stance: parallax_core::nlp::extract::Stance,
    published_at: Option<String>,
    lang: &'a str,
    diff: &'a [DiffOp],
    /// The statement (its position in the group) the diff is against.
    diff_against: usize,
}

impl<'a> From<&'a ComparisonGroup> for GroupLine<'a> {
    fn from(g: &'a ComparisonGroup) -> Self {
        GroupLine {
            actor: &g.actor,
            group: g.id,
            claim: &g.claim,
            statements: g
                .statements
                .iter()
                .map(|s| StatementLine {
                    id: s.id,
                    source: &s.source,
                    outlet: &s.outlet,
                    text: &s.text,
                    kind: s.kind,
                    stance: s.stance,
                    published_at: s.published_at.map(|d| d.to_string()),
                    lang: s.lang.code(),
                    diff: &s.diff,
                    diff_against: s.compared_with,
                })
                .collect(),
            missing_from: &g.missing_from,
            related: &g.related,
        }
    }
}

pub fn compare(args: CompareArgs) -> Result<ExitCode> {
    if let Some(edit) = args.edit {
        return group_edit(edit);
    }
    let path = args
        .project
        .clone()
        .expect("clap requires PROJECT without a subcommand");
    let mut project = open_with(
        &path,
        &args.dictionaries.dictionary,
        args.dictionaries.no_dictionary,
    )?;
    crate::model_args::apply(&mut project, &args.model, true)?;
    crate::model_args::report_pending(&project)?;
    let groups = project.compare(args.actor.as_deref())?;
    let mut out = std::io::stdout().lock();
    for g in &groups {
        if args.json {
            writeln!(out, "{}", serde_json::to_string(&GroupLine::from(g))?)?;
        } else {
            readable_group(&mut out, g)?;
        }
    }
    if groups.is_empty() && !args.json {
        match &args.actor {
            Some(actor) => eprintln!("no statements by an actor matching {actor:?}"),
            None => eprintln!("no statements in the project"),
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// A group for people: the base version in full, the others as their differences from it
/// (`[-removed-]`, `{+added+}`), then the outlets that left the claim out.
fn readable_group(out: &mut impl Write, g: &ComparisonGroup) -> std::io::Result<()> {
    writeln!(
        out,
        "#{} {} — {}",
        g.id,
        escaped(&g.actor),
        escaped(&g.claim)
    )?;
    for (i, s) in g.statements.iter().enumerate() {
        let date = s
            .published_at
            .map(|d| d.to_string())
            .unwrap_or_else(|| "undated".into());
        let kind = serde_json::to_value(s.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let stance = serde_json::to_value(s.stance)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        // the group's base, and each other language's base its translations are
        // compared with
        let marker = if i == g.base || s.compared_with == i {
            "base"
        } else {
            "    "
        };
        writeln!(
            out,
            "  {marker} #{} {} · {} · {} · {kind} · {} · {stance}",
            s.id,
            escaped(&s.outlet),
            date,
            s.lang.code(),
            escaped(&s.cue)
        )?;
        if i == g.base {
            writeln!(out, "       {}", escaped(&s.text))?;
        } else {
            let words: Vec<String> = s
                .diff
                .iter()
                .map(|op| match op {
                    DiffOp::Equal(t) => t.clone(),
                    DiffOp::Added(t) => format!("{{+{t}+}}"),
                    DiffOp::Removed(t) => format!("[-{t}-]"),
                })
                .collect();
            writeln!(out, "       {}", escaped(&words.join(" ")))?;
        }
        writeln!(out, "       ({})", escaped(&s.source))?;
    }
    if !g.missing_from.is_empty() {
        writeln!(
            out,
            "  left out by: {}",
            escaped(&g.missing_from.join(", "))
        )?;
    }
    writeln!(out)
}

#[derive(Serialize)]
struct ClaimRow<'a> {
    id: usize,
    actor: &'a str,
    claim: &'a str,
}

#[derive(Serialize)]
struct CoverageJson<'a> {
    outlets: &'a [String],
    actors: &'a [String],
    by_actor: &'a [Vec<u32>],
    #[serde(skip_serializing_if = "Option::is_none")]
    claims: Option<Vec<ClaimRow<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    by_claim: Option<&'a [Vec<u32>]>,
}

/// One row of counts for people: the outlets with statements, most first.
fn counts_line(outlets: &[String], row: &[u32]) -> String {
    let mut cells: Vec<(u32, &str)> = row
        .iter()
        .zip(outlets)
        .filter(|(&n, _)| n > 0)
        .map(|(&n, o)| (n, o.as_str()))
        .collect();
    cells.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    cells
        .iter()
        .map(|(n, o)| format!("{} {n}", escaped(o)))
        .collect::<Vec<_>>()
        .join(" · ")
}

pub fn coverage(args: CoverageArgs) -> Result<ExitCode> {
    let mut project = open_with(
        &args.project,
        &args.dictionaries.dictionary,
        args.dictionaries.no_dictionary,
    )?;
    crate::model_args::apply(&mut project, &args.model, true)?;
    crate::model_args::report_pending(&project)?;
    let coverage = project.coverage()?;
    let groups = if args.claims {
        Some(project.compare(None)?)
    } else {
        None
    };
    let mut out = std::io::stdout().lock();
    if args.json {
        let claims = groups.as_ref().map(|gs| {
            gs.iter()
                .map(|g| ClaimRow {
                    id: g.id,
                    actor: &g.actor,
                    claim: &g.claim,
                })
                .collect()
        });
        let json = CoverageJson {
            outlets: &coverage.outlets,
            actors: &coverage.actors,
            by_actor: &coverage.by_actor,
            claims,
            by_claim: groups.as_ref().map(|_| coverage.by_claim.as_slice()),
        };
        writeln!(out, "{}", serde_json::to_string(&json)?)?;
        return Ok(ExitCode::SUCCESS);
    }
    if coverage.actors.is_empty() {
        eprintln!("no statements in the project");
        return Ok(ExitCode::SUCCESS);
    }
    let mut rows: Vec<(u32, &String, &Vec<u32>)> = coverage
        .actors
        .iter()
        .zip(&coverage.by_actor)
        .map(|(a, row)| (row.iter().sum(), a, row))
        .collect();
    rows.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
    writeln!(out, "actors x outlets ({} outlets)", coverage.outlets.len())?;
    for (total, actor, row) in rows {
        writeln!(
            out,
            "  {} ({total}): {}",
            escaped(actor),
            counts_line(&coverage.outlets, row)
        )?;
    }
    if let Some(groups) = &groups {
        writeln!(
            out,
            "claims x outlets (claims quoted in two outlets or more)"
        )?;
        for (g, row) in groups.iter().zip(&coverage.by_claim) {
            if row.iter().filter(|&&n| n > 0).count() < 2 {
                continue;
            }
            writeln!(
                out,
                "  #{} {} — {}: {}",
                g.id,
                escaped(&g.actor),
                escaped(&g.claim),
                counts_line(&coverage.outlets, row)
            )?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
