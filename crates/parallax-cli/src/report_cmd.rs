//! `parallax report` and `parallax export`: the comparison report (HTML, PDF, DOCX,
//! Markdown) and the data exports (CSV, XLSX, JSON, REFI-QDA) of a project or a selection.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use parallax_core::report::{self, output, Report, Selection};
use parallax_core::Project;

use crate::actors_cmd::{open_with, DictionaryArgs};

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Html,
    Pdf,
    Docx,
    Md,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    Csv,
    Xlsx,
    Json,
    Qdpx,
}

impl From<ReportFormat> for output::ReportFormat {
    fn from(f: ReportFormat) -> Self {
        match f {
            ReportFormat::Html => output::ReportFormat::Html,
            ReportFormat::Pdf => output::ReportFormat::Pdf,
            ReportFormat::Docx => output::ReportFormat::Docx,
            ReportFormat::Md => output::ReportFormat::Markdown,
        }
    }
}

impl From<ExportFormat> for output::ExportFormat {
    fn from(f: ExportFormat) -> Self {
        match f {
            ExportFormat::Csv => output::ExportFormat::Csv,
            ExportFormat::Xlsx => output::ExportFormat::Xlsx,
            ExportFormat::Json => output::ExportFormat::Json,
            ExportFormat::Qdpx => output::ExportFormat::Qdpx,
        }
    }
}

/// Which part of the project: every option narrows it; repeat --actor and --outlet for more.
#[derive(Args)]
pub struct SelectionArgs {
    /// Only actors whose name or aliases contain this (diacritics and case ignored); repeatable.
    #[arg(long, value_name = "NAME")]
    actor: Vec<String>,
    /// Only outlets whose name contains this; repeatable.
    #[arg(long, value_name = "OUTLET")]
    outlet: Vec<String>,
    /// Only statements tagged so, or whose article, actor or claim group is; repeatable.
    #[arg(long, value_name = "TAG")]
    tag: Vec<String>,
    /// Only articles published on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    from: Option<NaiveDate>,
    /// Only articles published on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    to: Option<NaiveDate>,
    #[command(flatten)]
    dictionaries: DictionaryArgs,
    #[command(flatten)]
    model: crate::model_args::ModelArgs,
}

#[derive(Args)]
#[command(
    after_help = "The report: a summary of sources and actors, the actors x outlets coverage\n\
    matrix, and per actor each claim as every outlet reported it, with word differences,\n\
    omissions and stance, every statement linked to its article. HTML is one self-contained\n\
    file (the bundled Noto Naskh Arabic font embedded, no scripts); PDF is that\n\
    page printed by a headless Chromium (needed at run time: apt install chromium).\n\
    The format defaults to the output file's extension.\n\n\
    Examples:\n  parallax report study.parallax -o report.html\n  \
    parallax report study.parallax --format pdf -o report.pdf --actor Haddad\n  \
    parallax report study.parallax -o report.md --outlet riverpost --from 2022-01-01 --to 2022-12-31\n  \
    parallax report study.parallax -o deadline.html --tag deadline"
)]
pub struct ReportArgs {
    /// The project file.
    project: PathBuf,
    /// html, pdf, docx or md.
    #[arg(long, value_enum)]
    format: Option<ReportFormat>,
    /// The file to write.
    #[arg(short, long)]
    output: PathBuf,
    #[command(flatten)]
    selection: SelectionArgs,
    /// A TrueType font with Arabic glyphs to embed in HTML and PDF instead of the bundled
    /// Noto Naskh Arabic.
    #[arg(long, value_name = "TTF")]
    font: Option<PathBuf>,
    /// Embed no font (a smaller HTML file that relies on the reader's fonts).
    #[arg(long, conflicts_with = "font")]
    no_font: bool,
    /// The Chromium or Chrome executable that prints the PDF (default: found on the PATH).
    #[arg(long, value_name = "PATH")]
    browser: Option<PathBuf>,
}

#[derive(Args)]
#[command(
    after_help = "csv writes a folder (created if missing) with statements.csv, actors.csv and\n\
    coverage.csv (UTF-8 with a byte-order mark); xlsx one workbook with those three sheets;\n\
    json the whole analysis (schema: docs/report-json.md); qdpx a REFI-QDA project for\n\
    MAXQDA, ATLAS.ti, NVivo or QualCoder (articles as sources, statements as segments\n\
    coded by actor and claim). Cells a spreadsheet would run as a formula are neutralised.\n\
    The format defaults to the output's extension (a path without one is a csv folder).\n\n\
    Examples:\n  parallax export study.parallax --format csv -o study-csv/\n  \
    parallax export study.parallax -o study.xlsx\n  parallax export study.parallax -o study.qdpx --actor Haddad"
)]
pub struct ExportArgs {
    /// The project file.
    project: PathBuf,
    /// csv, xlsx, json or qdpx.
    #[arg(long, value_enum)]
    format: Option<ExportFormat>,
    /// The file (the folder for csv) to write.
    #[arg(short, long)]
    output: PathBuf,
    #[command(flatten)]
    selection: SelectionArgs,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| format!("{s:?} is not a date YYYY-MM-DD ({e})"))
}

/// The project and its report for the selection.
fn build(project: &Path, args: &SelectionArgs) -> Result<(Project, Report)> {
    let mut project = open_with(
        project,
        &args.dictionaries.dictionary,
        args.dictionaries.no_dictionary,
    )?;
    crate::model_args::apply(&mut project, &args.model, true)?;
    crate::model_args::report_pending(&project)?;
    let selection = Selection {
        actors: args.actor.clone(),
        outlets: args.outlet.clone(),
        from: args.from,
        to: args.to,
        tags: args.tag.clone(),
    };
    let report = project
        .report(&selection, chrono::Utc::now())
        .context("building the report")?;
    if report.statements.is_empty() && !selection.is_everything() {
        eprintln!("note: the selection has no statements; the report is empty");
    }
    Ok((project, report))
}

pub fn report(args: ReportArgs) -> Result<ExitCode> {
    let Some(format) = args
        .format
        .map(ReportFormat::into)
        .or_else(|| output::ReportFormat::from_path(&args.output))
    else {
        bail!(
            "cannot tell the format from {}: pass --format html, pdf, docx or md",
            args.output.display()
        )
    };
    // Find the browser before the work, so that a missing one is said at once.
    let pdf = match format {
        output::ReportFormat::Pdf => Some(report::pdf::PdfOptions {
            browser: match &args.browser {
                Some(path) => path.clone(),
                None => output::find_browser(&std::env::var_os("PATH").unwrap_or_default())
                    .ok_or(output::OutputError::NoBrowser)?,
            },
            no_sandbox: running_as_root(),
            timeout: Duration::from_secs(300),
        }),
        _ => None,
    };
    let font = if args.no_font || !format.embeds_font() {
        None
    } else {
        match &args.font {
            Some(path) => Some(
                std::fs::read(path)
                    .with_context(|| format!("reading --font {}", path.display()))?,
            ),
            None => Some(report::html::BUNDLED_ARABIC_FONT.to_vec()),
        }
    };
    let (_project, report) = build(&args.project, &args.selection)?;
    let options = output::ReportOptions {
        arabic_font: font.as_deref(),
        pdf,
    };
    output::write_report(&report, format, &args.output, &options)?;
    eprintln!(
        "wrote {}: {} articles, {} statements, {} actors",
        args.output.display(),
        report.summary.articles,
        report.summary.statements,
        report.summary.actors
    );
    Ok(ExitCode::SUCCESS)
}

pub fn export(args: ExportArgs) -> Result<ExitCode> {
    let Some(format) = args
        .format
        .map(ExportFormat::into)
        .or_else(|| output::ExportFormat::from_path(&args.output))
    else {
        bail!(
            "cannot tell the format from {}: pass --format csv, xlsx, json or qdpx",
            args.output.display()
        )
    };
    let (project, report) = build(&args.project, &args.selection)?;
    for file in project.write_export(&report, format, &args.output)? {
        eprintln!("wrote {}", file.display());
    }
    eprintln!(
        "{} articles, {} statements, {} actors",
        report.summary.articles, report.summary.statements, report.summary.actors
    );
    Ok(ExitCode::SUCCESS)
}

/// Chromium refuses its sandbox as root (containers, CI).
fn running_as_root() -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0)
    }
    #[cfg(not(unix))]
    {
        false
    }
}
