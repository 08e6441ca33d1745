//! `parallax`: the command-line face of Parallax. Each subcommand parses its arguments,
//! calls one function of `parallax-core`, and prints the result.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use parallax_core::model::{ArticleId, FileStatus};
use parallax_core::Project;

mod actors_cmd;
mod correct_cmd;
mod model_args;
mod notes_cmd;
mod output;
mod report_cmd;

#[derive(Parser)]
#[command(
    name = "parallax",
    version,
    about = "Comparative media analysis: who said what, and how each outlet reported it.",
    after_help = "Examples:\n  parallax import study.parallax articles/\n  parallax articles study.parallax\n  parallax search study.parallax \"Berglund\""
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import article files and folders (HTML, PDF, DOCX, text, JSON batches) into a project.
    #[command(
        after_help = "Creates the project if it does not exist. Folders are read recursively.\n\
        Exit status: 0 when at least one file was imported or every file was a duplicate,\n\
        1 when every file failed, 2 on usage errors or an unusable project.\n\n\
        Examples:\n  parallax import study.parallax ~/articles\n  parallax import study.parallax a.html b.pdf c.docx"
    )]
    Import {
        /// The project file (created if missing).
        project: PathBuf,
        /// Files or folders to import.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print the per-file results as JSON lines.
        #[arg(long)]
        json: bool,
        #[command(flatten)]
        model: model_args::ModelArgs,
    },
    /// Compute the sentence vectors that alignment uses, for the statements that have none.
    #[command(
        after_help = "`import` does this after storing the articles; run it after an interrupted
        import or after actor edits join actors. Each batch is stored as it is done.

        Examples:
  parallax embed study.parallax
  parallax embed study.parallax --model ~/models/e5-small-q4.bin"
    )]
    Embed {
        /// The project file.
        project: PathBuf,
        #[command(flatten)]
        model: model_args::ModelArgs,
    },
    /// List the articles of a project.
    #[command(
        after_help = "Examples:\n  parallax articles study.parallax\n  parallax articles study.parallax --json | jq .title"
    )]
    Articles {
        project: PathBuf,
        /// One JSON object per line: id, title, outlet, lang, published_at, source.
        #[arg(long)]
        json: bool,
    },
    /// Show one article: its metadata and full text.
    #[command(after_help = "Example:\n  parallax show study.parallax 12")]
    Show {
        project: PathBuf,
        id: i64,
        #[arg(long)]
        json: bool,
    },
    /// Full-text search of articles and the analyst's notes; Arabic matches regardless of
    /// diacritics, hamza forms, alef maqsura, taa marbuta and tatweel.
    #[command(
        after_help = "Articles first, then articles that name the actor the query names in the other\n\
        script (\"names «بيرغلوند»\": the actor registry knows the names are one actor), then notes\n\
        (\"note on statement:42 …\"). With --json, one object per line, `type` \"article\" or\n\
        \"note\"; an article found through an actor's name has `via`.\n\n\
        Examples:\n  parallax search study.parallax Berglund\n  parallax search study.parallax \"مجلس الحوض الشمالي\" --json"
    )]
    Search {
        project: PathBuf,
        query: String,
        #[arg(long)]
        json: bool,
        /// At most this many articles, and this many notes.
        #[arg(long, default_value_t = 50)]
        limit: usize,
        #[command(flatten)]
        model: model_args::ModelArgs,
    },
    /// Find the statements in article files and who made them, without a project.
    #[command(
        after_help = "With --json, one object per line: source, actor, speaker, kind (direct|indirect|mixed),\n\
        cue, stance, text, start, end (byte offsets into the imported text); --explain adds rules.\n\n\
        Examples:\n  parallax extract article.html\n  parallax extract articles/*.txt --json > statements.jsonl\n  parallax extract article.txt --explain"
    )]
    Extract {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        #[arg(long)]
        json: bool,
        /// Also print, for each statement, the rules that found it and its speaker.
        #[arg(long)]
        explain: bool,
    },
    /// List the statements stored in a project.
    #[command(
        after_help = "Each statement starts with its id (#42), which `note` and `tag` take as statement:42.\n\n\
        Examples:\n  parallax statements study.parallax\n  parallax statements study.parallax --actor Berglund --json"
    )]
    Statements {
        project: PathBuf,
        /// Only statements by actors whose name or aliases contain this.
        #[arg(long)]
        actor: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Re-run the statement analysis of every article (after upgrading Parallax).
    #[command(
        after_help = "Each article is re-analysed in its own transaction.\n\nExample:\n  parallax analyze study.parallax"
    )]
    Analyze { project: PathBuf },
    /// List the project's actors across articles and scripts, or merge, split, rename,
    /// alias, set the kind of, or undo an edit of them.
    Actors(actors_cmd::ActorsArgs),
    /// Statements of each actor grouped by claim across outlets, with word diffs.
    Compare(actors_cmd::CompareArgs),
    /// Coverage: statement counts per actor and outlet, and per claim and outlet.
    Coverage(actors_cmd::CoverageArgs),
    /// A comparison report of the project or a selection: HTML, PDF, DOCX or Markdown.
    Report(report_cmd::ReportArgs),
    /// The project's analysis as data: CSV, XLSX, JSON or a REFI-QDA project (.qdpx).
    Export(report_cmd::ExportArgs),
    /// List the analyst's notes and tags.
    Notes(notes_cmd::NotesArgs),
    /// Add, edit or remove the note of an article, statement, actor or claim group.
    Note(notes_cmd::NoteArgs),
    /// Add or remove a tag of an article, statement, actor or claim group.
    Tag(notes_cmd::TagArgs),
    /// Correct the statements: delete a false one, change its actor, kind or span, add one
    /// the extractor missed, undo, list (kept across `analyze`).
    Correct(correct_cmd::CorrectArgs),
}

fn main() -> ExitCode {
    quiet_on_closed_pipe();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    match run(cli.command) {
        Ok(code) => code,
        // The reader of our output has gone (`parallax compare … | head`): nothing to say.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("parallax: {}", output::escaped(&format!("{e:#}")));
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Makes `println!` on a closed pipe end the process quietly with status 0, as the
/// `writeln!` paths do through [`is_broken_pipe`]: Rust ignores SIGPIPE, so such a write
/// panics ("failed printing to stdout") instead of ending the process as other tools do.
fn quiet_on_closed_pipe() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let message = info
            .payload()
            .downcast_ref::<String>()
            .map(String::as_str)
            .or_else(|| info.payload().downcast_ref::<&str>().copied())
            .unwrap_or("");
        if message.contains("failed printing to std") && message.contains("Broken pipe") {
            std::process::exit(0);
        }
        previous(info);
    }));
}

fn run(command: Command) -> Result<ExitCode> {
    match command {
        Command::Import {
            project,
            paths,
            json,
            model,
        } => import(&project, &paths, json, &model),
        Command::Embed { project, model } => {
            let mut project = Project::open(&project)
                .with_context(|| format!("cannot open project {}", project.display()))?;
            project.set_dictionary(actors_cmd::dictionaries(&[], false, false)?);
            model_args::apply(&mut project, &model, true)?;
            let status = project.embedding_status()?;
            let done = model_args::embed(&mut project)?;
            println!(
                "{done} statements embedded; {} of {} statements that can align have a vector ({} statements in all)",
                status.embedded + done,
                status.needed,
                status.statements
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Articles { project, json } => {
            let project = open(&project)?;
            let list = project.articles()?;
            let mut out = std::io::stdout().lock();
            if json {
                for a in &list {
                    writeln!(
                        out,
                        "{}",
                        serde_json::to_string(&output::ArticleLine::from(a))?
                    )?;
                }
            } else {
                output::article_table(&mut out, &list)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Show { project, id, json } => {
            let project = open(&project)?;
            let article = project.article(ArticleId(id))?;
            let mut out = std::io::stdout().lock();
            if json {
                writeln!(out, "{}", serde_json::to_string(&article)?)?;
            } else {
                output::article_full(&mut out, &article)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Search {
            project,
            query,
            json,
            limit,
            model,
        } => {
            let mut project = open(&project)?;
            // notes on actors and groups are named by the ids `actors` and `compare` print
            project.set_dictionary(actors_cmd::dictionaries(&[], false, false)?);
            model_args::apply(&mut project, &model, false)?;
            let mut hits = project.search(&query, limit)?;
            // then the articles naming the actor the query names, in the other script
            let found = hits.iter().map(|h| h.article.id).collect();
            let room = limit.saturating_sub(hits.len());
            if room > 0 {
                hits.extend(project.search_other_scripts(&query, &found, room)?);
            }
            let notes = project.search_notes(&query, limit)?;
            let mut out = std::io::stdout().lock();
            for hit in &hits {
                if json {
                    writeln!(
                        out,
                        "{}",
                        serde_json::to_string(&output::SearchLine::from(hit))?
                    )?;
                } else {
                    output::search_hit(&mut out, hit)?;
                }
            }
            notes_cmd::search_hits(&mut out, &notes, json)?;
            if hits.is_empty() && notes.is_empty() && !json {
                eprintln!("no article or note matches {query:?}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Extract {
            files,
            json,
            explain,
        } => extract(&files, json, explain),
        Command::Statements {
            project,
            actor,
            json,
        } => {
            let project = open(&project)?;
            let mut out = std::io::stdout().lock();
            for s in project.statements(actor.as_deref())? {
                let line = output::StatementLine::from(&s);
                if json {
                    writeln!(out, "{}", serde_json::to_string(&line)?)?;
                } else {
                    output::statement(&mut out, &line)?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Analyze { project } => {
            let mut project = open(&project)?;
            let bar = progress_bar();
            let n = project.analyze(&mut |p| {
                bar.set_length(p.total as u64);
                bar.set_position(p.done as u64);
            })?;
            bar.finish_and_clear();
            let statements = project.statements(None)?.len();
            println!("analysed {n} articles: {statements} statements");
            Ok(ExitCode::SUCCESS)
        }
        Command::Actors(args) => actors_cmd::actors(args),
        Command::Compare(args) => actors_cmd::compare(args),
        Command::Coverage(args) => actors_cmd::coverage(args),
        Command::Report(args) => report_cmd::report(args),
        Command::Export(args) => report_cmd::export(args),
        Command::Notes(args) => notes_cmd::notes(args),
        Command::Note(args) => notes_cmd::note(args),
        Command::Tag(args) => notes_cmd::tag(args),
        Command::Correct(args) => correct_cmd::correct(args),
    }
}

fn extract(files: &[PathBuf], json: bool, explain: bool) -> Result<ExitCode> {
    let mut out = std::io::stdout().lock();
    let mut failed = 0;
    for file in files {
        let source = file.display().to_string();
        match parallax_core::extract_file(file) {
            Ok(articles) => {
                for a in &articles {
                    for (i, s) in a.analysis.statements.iter().enumerate() {
                        let line = output::StatementLine::new(&source, &a.analysis, s);
                        let rules = a.rules.get(i).map_or(&[][..], |r| r.as_slice());
                        if json {
                            let mut value = serde_json::to_value(&line)?;
                            if explain {
                                value["rules"] = serde_json::json!(rules);
                            }
                            writeln!(out, "{value}")?;
                        } else {
                            output::statement(&mut out, &line)?;
                            if explain {
                                writeln!(out, "    rules: {}", rules.join(", "))?;
                            }
                        }
                    }
                }
            }
            Err(e) => {
                failed += 1;
                eprintln!("parallax: {}", output::escaped(&format!("{source}: {e}")));
            }
        }
    }
    Ok(if failed == files.len() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn progress_bar() -> ProgressBar {
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(0);
    bar.set_style(
        ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
            .expect("static template")
            .progress_chars("█▉▊▋▌▍▎▏ "),
    );
    bar
}

fn open(path: &std::path::Path) -> Result<Project> {
    Project::open(path).with_context(|| format!("cannot open project {}", path.display()))
}

fn import(
    project: &std::path::Path,
    paths: &[PathBuf],
    json: bool,
    model: &model_args::ModelArgs,
) -> Result<ExitCode> {
    let mut project = Project::open_or_create(project)
        .with_context(|| format!("cannot open project {}", project.display()))?;
    let bar = progress_bar();
    let summary = project.import(paths, chrono::Utc::now(), &mut |p| {
        bar.set_length(p.total as u64);
        bar.set_position(p.done as u64);
        bar.set_message(output::escaped(&p.current).into_owned());
    });
    bar.finish_and_clear();
    // the statements' sentence vectors, after the articles are safely stored
    project.set_dictionary(actors_cmd::dictionaries(&[], false, false)?);
    model_args::apply(&mut project, model, true)?;
    model_args::embed(&mut project)?;

    let mut out = std::io::stdout().lock();
    if json {
        for f in &summary.files {
            writeln!(out, "{}", serde_json::to_string(f)?)?;
        }
    } else {
        output::import_summary(&mut out, &summary)?;
    }
    let imported = summary.count(FileStatus::Imported);
    let duplicates = summary.count(FileStatus::Duplicate);
    Ok(
        if imported > 0 || (duplicates > 0 && duplicates == summary.files.len()) {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        },
    )
}
