//! `parallax notes`, `parallax note add|edit|rm` and `parallax tag add|rm`: the analyst's
//! notes and tags on articles, statements, actors and claim groups.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Args, Subcommand};
use parallax_core::notes::{Annotation, NoteHit, Target};
use parallax_core::Project;
use serde::Serialize;

use crate::model_args::ModelArgs;
use crate::output::{escaped, escaped_text};

const TARGET_HELP: &str =
    "TARGET is article:ID, statement:ID, actor:KEY or group:ID, with the ids that\n\
    `parallax articles`, `statements`, `actors --json` (key; a name works too) and `compare`\n\
    print. Notes and tags stay on their target across `parallax analyze`, imports and edits.";

/// `parallax notes PROJECT`: every note and tag.
#[derive(Args)]
#[command(
    after_help = "With --json, one object per line: target (null when it is no longer \
    in the project), kind, key, label, note, tags, created_at, updated_at.\n\n\
    Examples:\n  parallax notes study.parallax\n  parallax notes study.parallax --json | jq .note"
)]
pub struct NotesArgs {
    project: PathBuf,
    #[arg(long)]
    json: bool,
    #[command(flatten)]
    model: ModelArgs,
}

#[derive(Args)]
pub struct NoteArgs {
    #[command(subcommand)]
    command: NoteCommand,
}

/// A note (Markdown text, one per target).
#[derive(Subcommand)]
enum NoteCommand {
    /// Attach a note to a target that has none.
    #[command(after_help = format!("{TARGET_HELP}\n\nExamples:\n  parallax note add study.parallax statement:42 \"Only this outlet says *next week*.\"\n  parallax note add study.parallax actor:haddad \"وزيرة منذ الربيع\""))]
    Add {
        project: PathBuf,
        target: String,
        text: String,
        #[command(flatten)]
        model: ModelArgs,
    },
    /// Replace the text of a target's note.
    #[command(after_help = format!("{TARGET_HELP}\n\nExample:\n  parallax note edit study.parallax article:12 \"Checked with the agency copy.\""))]
    Edit {
        project: PathBuf,
        target: String,
        text: String,
        #[command(flatten)]
        model: ModelArgs,
    },
    /// Remove a target's note.
    #[command(after_help = format!("{TARGET_HELP}\n\nExample:\n  parallax note rm study.parallax group:7"))]
    Rm {
        project: PathBuf,
        target: String,
        #[command(flatten)]
        model: ModelArgs,
    },
}

#[derive(Args)]
pub struct TagArgs {
    #[command(subcommand)]
    command: TagCommand,
}

/// A tag (a word or short phrase; a target has any number).
#[derive(Subcommand)]
enum TagCommand {
    /// Tag a target.
    #[command(after_help = format!("{TARGET_HELP}\n\nExample:\n  parallax tag add study.parallax statement:42 omission"))]
    Add {
        project: PathBuf,
        target: String,
        tag: String,
        #[command(flatten)]
        model: ModelArgs,
    },
    /// Remove a tag from a target.
    #[command(after_help = format!("{TARGET_HELP}\n\nExample:\n  parallax tag rm study.parallax statement:42 omission"))]
    Rm {
        project: PathBuf,
        target: String,
        tag: String,
        #[command(flatten)]
        model: ModelArgs,
    },
}

/// Opens a project as `actors` and `compare` do (the standard dictionaries, the sentence
/// model), so that actor keys and group ids mean what those commands print.
fn open(path: &Path, model: &ModelArgs) -> Result<Project> {
    let mut project =
        Project::open(path).with_context(|| format!("cannot open project {}", path.display()))?;
    project.set_dictionary(crate::actors_cmd::dictionaries(&[], false, false)?);
    crate::model_args::apply(&mut project, model, false)?;
    Ok(project)
}

pub fn notes(args: NotesArgs) -> Result<ExitCode> {
    let project = open(&args.project, &args.model)?;
    let list = project.annotations()?;
    let mut out = std::io::stdout().lock();
    for a in &list {
        if args.json {
            writeln!(out, "{}", serde_json::to_string(&AnnotationLine::from(a))?)?;
        } else {
            annotation(&mut out, a)?;
        }
    }
    if list.is_empty() && !args.json {
        eprintln!("no notes or tags yet (`parallax note add` and `parallax tag add` make them)");
    }
    Ok(ExitCode::SUCCESS)
}

pub fn note(args: NoteArgs) -> Result<ExitCode> {
    let now = chrono::Utc::now();
    match args.command {
        NoteCommand::Add {
            project,
            target,
            text,
            model,
        } => {
            let target: Target = target.parse()?;
            open(&project, &model)?.add_note(&target, &text, now)?;
            println!("note added to {target}");
        }
        NoteCommand::Edit {
            project,
            target,
            text,
            model,
        } => {
            let target: Target = target.parse()?;
            open(&project, &model)?.edit_note(&target, &text, now)?;
            println!("note of {target} changed");
        }
        NoteCommand::Rm {
            project,
            target,
            model,
        } => {
            let target: Target = target.parse()?;
            open(&project, &model)?.remove_note(&target)?;
            println!("note of {target} removed");
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn tag(args: TagArgs) -> Result<ExitCode> {
    match args.command {
        TagCommand::Add {
            project,
            target,
            tag,
            model,
        } => {
            let target: Target = target.parse()?;
            if open(&project, &model)?.add_tag(&target, &tag, chrono::Utc::now())? {
                println!("{target} tagged {:?}", tag.trim());
            } else {
                println!("{target} was already tagged {:?}", tag.trim());
            }
        }
        TagCommand::Rm {
            project,
            target,
            tag,
            model,
        } => {
            let target: Target = target.parse()?;
            open(&project, &model)?.remove_tag(&target, &tag)?;
            println!("tag {:?} removed from {target}", tag.trim());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Notes a search found, after the articles (`parallax search`).
pub fn search_hits(
    out: &mut impl Write,
    hits: &[NoteHit],
    json: bool,
) -> Result<(), std::io::Error> {
    for hit in hits {
        if json {
            let line = NoteSearchLine {
                r#type: "note",
                annotation: AnnotationLine::from(&hit.annotation),
                snippet: &hit.snippet,
            };
            writeln!(out, "{}", serde_json::to_string(&line)?)?;
        } else {
            writeln!(
                out,
                "note on {}  {}\n    {}",
                target_name(&hit.annotation),
                escaped(&parallax_core::snippet::head(&hit.annotation.label, 80)),
                escaped(&hit.snippet)
            )?;
        }
    }
    Ok(())
}

fn target_name(a: &Annotation) -> String {
    match &a.target {
        Some(t) => escaped(&t.to_string()).into_owned(),
        None => format!("{} (no longer in the project)", a.kind.as_str()),
    }
}

fn annotation(out: &mut impl Write, a: &Annotation) -> std::io::Result<()> {
    let tags = if a.tags.is_empty() {
        String::new()
    } else {
        format!(
            "  [{}]",
            a.tags
                .iter()
                .map(|t| escaped(t).into_owned())
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    writeln!(
        out,
        "{}{tags}  {}",
        target_name(a),
        escaped(&parallax_core::snippet::head(&a.label, 80))
    )?;
    if let Some(note) = &a.note {
        for line in escaped_text(&note.text).lines() {
            writeln!(out, "    {line}")?;
        }
    }
    Ok(())
}

/// One line of `parallax notes --json`.
#[derive(Serialize)]
struct AnnotationLine<'a> {
    target: Option<String>,
    kind: &'static str,
    key: &'a str,
    label: &'a str,
    note: Option<&'a str>,
    tags: &'a [String],
    created_at: Option<String>,
    updated_at: Option<String>,
}

impl<'a> From<&'a Annotation> for AnnotationLine<'a> {
    fn from(a: &'a Annotation) -> Self {
        AnnotationLine {
            target: a.target.as_ref().map(Target::to_string),
            kind: a.kind.as_str(),
            key: &a.key,
            label: &a.label,
            note: a.note.as_ref().map(|n| n.text.as_str()),
            tags: &a.tags,
            created_at: a.note.as_ref().map(|n| n.created_at.to_rfc3339()),
            updated_at: a.note.as_ref().map(|n| n.updated_at.to_rfc3339()),
        }
    }
}

/// A note in `parallax search --json`: `type` tells it from the article lines.
#[derive(Serialize)]
struct NoteSearchLine<'a> {
    r#type: &'static str,
    #[serde(flatten)]
    annotation: AnnotationLine<'a>,
    snippet: &'a str,
}
