//! `parallax correct`: the analyst's corrections of statements — delete a false one, change
//! its actor, kind or span, add one the extractor missed, undo, list. Stored in the project
//! and replayed whenever an article is analysed, so `statements`, `actors`, `compare` and the
//! reports show the corrected result and `parallax analyze` keeps it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Subcommand, ValueEnum};
use parallax_core::corrections::{CorrectionRequest, StatementCorrection};
use parallax_core::model::ArticleId;
use parallax_core::nlp::extract::{ActorKind, StatementKind};
use parallax_core::Project;

use crate::output::escaped;

const IDS_HELP: &str = "STATEMENT is the id `parallax statements` prints (#42 → 42); offsets are \
byte offsets into the article's text as `parallax show` prints it. Corrections stay across \
`parallax analyze`; `parallax correct undo` takes the latest back.";

#[derive(Args)]
pub struct CorrectArgs {
    #[command(subcommand)]
    command: CorrectCommand,
}

#[derive(Clone, Copy, ValueEnum)]
enum Kind {
    Direct,
    Indirect,
    Mixed,
}

impl From<Kind> for StatementKind {
    fn from(k: Kind) -> Self {
        match k {
            Kind::Direct => StatementKind::Direct,
            Kind::Indirect => StatementKind::Indirect,
            Kind::Mixed => StatementKind::Mixed,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum ActorKindArg {
    Person,
    Organisation,
    StateBody,
    Media,
}

impl From<ActorKindArg> for ActorKind {
    fn from(k: ActorKindArg) -> Self {
        match k {
            ActorKindArg::Person => ActorKind::Person,
            ActorKindArg::Organisation => ActorKind::Organisation,
            ActorKindArg::StateBody => ActorKind::StateBody,
            ActorKindArg::Media => ActorKind::Media,
        }
    }
}

/// A correction of the statements.
#[derive(Subcommand)]
enum CorrectCommand {
    /// A false statement: remove it.
    #[command(after_help = format!("{IDS_HELP}\n\nExample:\n  parallax correct delete study.parallax 42"))]
    Delete { project: PathBuf, statement: i64 },
    /// Another actor made the statement (one the articles name, or a new one).
    #[command(after_help = format!("{IDS_HELP}\n\nExamples:\n  parallax correct actor study.parallax 42 \"Rania Mansour\"\n  parallax correct actor study.parallax 42 \"مجلس الحوض الشمالي\" --actor-kind organisation"))]
    Actor {
        project: PathBuf,
        statement: i64,
        actor: String,
        /// For a name no article uses yet (default: the kind the project gives the name,
        /// else person).
        #[arg(long, value_enum)]
        actor_kind: Option<ActorKindArg>,
    },
    /// Direct quotation, reported speech, or both.
    #[command(after_help = format!("{IDS_HELP}\n\nExample:\n  parallax correct kind study.parallax 42 indirect"))]
    Kind {
        project: PathBuf,
        statement: i64,
        #[arg(value_enum)]
        kind: Kind,
    },
    /// The statement's words are the article's text from START to END.
    #[command(after_help = format!("{IDS_HELP}\n\nExample:\n  parallax correct span study.parallax 42 1180 1264"))]
    Span {
        project: PathBuf,
        statement: i64,
        start: usize,
        end: usize,
    },
    /// A statement the extractor missed: the article's text from START to END, by ACTOR.
    #[command(after_help = format!("{IDS_HELP}\n\nExample:\n  parallax correct add study.parallax 12 1180 1264 \"Samir Nassar\" --kind direct --cue said"))]
    Add {
        project: PathBuf,
        /// The article's id, as `parallax articles` prints it.
        article: i64,
        start: usize,
        end: usize,
        actor: String,
        #[arg(long, value_enum)]
        actor_kind: Option<ActorKindArg>,
        #[arg(long, value_enum, default_value = "indirect")]
        kind: Kind,
        /// The reporting verb as written ("said", «قال»).
        #[arg(long, default_value = "")]
        cue: String,
    },
    /// Take back the latest correction.
    #[command(after_help = "Example:\n  parallax correct undo study.parallax")]
    Undo { project: PathBuf },
    /// The corrections in force, oldest first.
    #[command(after_help = "Example:\n  parallax correct list study.parallax --json")]
    List {
        project: PathBuf,
        /// One JSON object per line (the stored form: op, article hash, statement words…).
        #[arg(long)]
        json: bool,
    },
}

fn open(path: &Path) -> Result<Project> {
    Project::open(path).with_context(|| format!("cannot open project {}", path.display()))
}

fn describe(c: &StatementCorrection) -> String {
    let short = |h: &str| h.chars().take(12).collect::<String>();
    match c {
        StatementCorrection::Delete { article, statement } => {
            format!(
                "delete «{}» (article {})",
                escaped(statement),
                short(article)
            )
        }
        StatementCorrection::SetKind {
            article,
            statement,
            kind,
        } => format!(
            "kind {kind:?} for «{}» (article {})",
            escaped(statement),
            short(article)
        ),
        StatementCorrection::SetActor {
            article,
            statement,
            actor,
            ..
        } => format!(
            "actor {} for «{}» (article {})",
            escaped(actor),
            escaped(statement),
            short(article)
        ),
        StatementCorrection::SetSpan {
            article,
            statement,
            start,
            end,
        } => format!(
            "span {start}..{end} for «{}» (article {})",
            escaped(statement),
            short(article)
        ),
        StatementCorrection::Add {
            article,
            start,
            end,
            actor,
            ..
        } => format!(
            "add {start}..{end} by {} (article {})",
            escaped(actor),
            short(article)
        ),
    }
}

pub fn correct(args: CorrectArgs) -> Result<ExitCode> {
    let now = chrono::Utc::now();
    let (path, request) = match args.command {
        CorrectCommand::Delete { project, statement } => {
            (project, CorrectionRequest::Delete { statement })
        }
        CorrectCommand::Actor {
            project,
            statement,
            actor,
            actor_kind,
        } => (
            project,
            CorrectionRequest::SetActor {
                statement,
                actor,
                actor_kind: actor_kind.map(Into::into),
            },
        ),
        CorrectCommand::Kind {
            project,
            statement,
            kind,
        } => (
            project,
            CorrectionRequest::SetKind {
                statement,
                kind: kind.into(),
            },
        ),
        CorrectCommand::Span {
            project,
            statement,
            start,
            end,
        } => (
            project,
            CorrectionRequest::SetSpan {
                statement,
                start,
                end,
            },
        ),
        CorrectCommand::Add {
            project,
            article,
            start,
            end,
            actor,
            actor_kind,
            kind,
            cue,
        } => (
            project,
            CorrectionRequest::Add {
                article: ArticleId(article),
                start,
                end,
                actor,
                actor_kind: actor_kind.map(Into::into),
                kind: kind.into(),
                cue,
            },
        ),
        CorrectCommand::Undo { project } => {
            match open(&project)?.undo_statement_correction()? {
                Some(c) => println!("undone: {}", describe(&c)),
                None => println!("no correction to undo"),
            }
            return Ok(ExitCode::SUCCESS);
        }
        CorrectCommand::List { project, json } => {
            let list = open(&project)?.statement_corrections()?;
            let mut out = std::io::stdout().lock();
            for c in &list {
                if json {
                    writeln!(out, "{}", serde_json::to_string(c)?)?;
                } else {
                    writeln!(out, "{}", describe(c))?;
                }
            }
            if list.is_empty() && !json {
                eprintln!("no corrections yet");
            }
            return Ok(ExitCode::SUCCESS);
        }
    };
    let c = open(&path)?.correct_statement(&request, now)?;
    println!("corrected: {}", describe(&c));
    Ok(ExitCode::SUCCESS)
}
