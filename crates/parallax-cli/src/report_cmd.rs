//! `parallax report` and `parallax export`: the comparison report (HTML, PDF, DOCX,
//! Markdown) and the data exports (CSV, XLSX, JSON, REFI-QDA) of a project or a selection.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{bail, Context, Result};
use chrono::NaiveDate;
use clap::{Args, ValueEnum};
use parallax_core::report::{self, Report, Selection};
use parallax_core::Project;

use crate::actors_cmd::{open_with, DictionaryArgs};

/// Where Debian's fonts-noto-core puts the Arabic font the HTML and PDF reports embed.
const NOTO_NASKH: &str = "/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf";
/// Browsers tried, in order, on the PATH, when --browser is not given.
const BROWSERS: &[&str] = &["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"];

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

/// Which part of the project: every option narrows it; repeat --actor and --outlet for more.
#[derive(Args)]
pub struct SelectionArgs {
    /// Only actors whose name or aliases contain this (diacritics and case ignored); repeatable.
    #[arg(long, value_name = "NAME")]
    actor: Vec<String>,
    /// Only outlets whose name contains this; repeatable.
    #[arg(long, value_name = "OUTLET")]
    outlet: Vec<String>,
    /// Only articles published on or after this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    from: Option<NaiveDate>,
    /// Only articles published on or before this day (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    to: Option<NaiveDate>,
    #[command(flatten)]
    dictionaries: DictionaryArgs,
}

#[derive(Args)]
#[command(after_help = "The report: a summary of sources and actors, the actors x outlets coverage\n\
    matrix, and per actor each claim as every outlet reported it, with word differences,\n\
    omissions and stance, every statement linked to its article. HTML is one self-contained\n\
    file (Arabic font embedded when fonts-noto-core is installed, no scripts); PDF is that\n\
    page printed by a headless Chromium (needed at run time: apt install chromium).\n\
    The format defaults to the output file's extension.\n\n\
    Examples:\n  parallax report study.parallax -o report.html\n  \
    parallax report study.parallax --format pdf -o report.pdf --actor McKenzie\n  \
    parallax report study.parallax -o report.md --outlet reuters --from 2022-01-01 --to 2022-12-31")]
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
    /// A TrueType font with Arabic glyphs to embed in HTML and PDF (default: Noto Naskh
    /// Arabic from fonts-noto-core, when installed).
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
#[command(after_help = "csv writes a folder (created if missing) with statements.csv, actors.csv and\n\
    coverage.csv (UTF-8 with a byte-order mark); xlsx one workbook with those three sheets;\n\
    json the whole analysis (schema: docs/report-json.md); qdpx a REFI-QDA project for\n\
    MAXQDA, ATLAS.ti, NVivo or QualCoder (articles as sources, statements as segments\n\
    coded by actor and claim). Cells a spreadsheet would run as a formula are neutralised.\n\
    The format defaults to the output's extension (a path without one is a csv folder).\n\n\
    Examples:\n  parallax export study.parallax --format csv -o study-csv/\n  \
    parallax export study.parallax -o study.xlsx\n  parallax export study.parallax -o study.qdpx --actor McKenzie")]
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
    NaiveDate::parse_from_str(s, "%Y-%m-%d").map_err(|e| format!("{s:?} is not a date YYYY-MM-DD ({e})"))
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// The project and its report for the selection.
fn build(project: &Path, args: &SelectionArgs) -> Result<(Project, Report)> {
    let project = open_with(
        project,
        &args.dictionaries.dictionary,
        args.dictionaries.no_dictionary,
    )?;
    let selection = Selection {
        actors: args.actor.clone(),
        outlets: args.outlet.clone(),
        from: args.from,
        to: args.to,
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
    let format = match args.format {
        Some(f) => f,
        None => match extension(&args.output).as_str() {
            "html" | "htm" => ReportFormat::Html,
            "pdf" => ReportFormat::Pdf,
            "docx" => ReportFormat::Docx,
            "md" | "markdown" => ReportFormat::Md,
            _ => bail!(
                "cannot tell the format from {}: pass --format html, pdf, docx or md",
                args.output.display()
            ),
        },
    };
    // Find the browser before the work, so that a missing one is said at once.
    let browser = match format {
        ReportFormat::Pdf => Some(find_browser(args.browser.as_deref())?),
        _ => None,
    };
    let (_project, report) = build(&args.project, &args.selection)?;
    let font = if args.no_font || !matches!(format, ReportFormat::Html | ReportFormat::Pdf) {
        None
    } else {
        match &args.font {
            Some(path) => Some(std::fs::read(path).with_context(|| format!("reading --font {}", path.display()))?),
            None => std::fs::read(NOTO_NASKH).ok(),
        }
    };
    let html_options = report::html::HtmlOptions {
        arabic_font: font.as_deref(),
    };
    let out = &args.output;
    match format {
        ReportFormat::Html => write_file(out, |w| report::html::write(&report, &html_options, w))?,
        ReportFormat::Md => write_file(out, |w| report::markdown::write(&report, w))?,
        ReportFormat::Docx => {
            let file = create(out)?;
            report::docx::write(&report, BufWriter::new(file))
                .and_then(|mut w| w.flush())
                .with_context(|| format!("writing {}", out.display()))?;
        }
        ReportFormat::Pdf => {
            let html = report::html::render(&report, &html_options);
            let options = report::pdf::PdfOptions {
                browser: browser.expect("found above for PDF"),
                no_sandbox: running_as_root(),
                timeout: Duration::from_secs(300),
            };
            report::pdf::print(&html, out, &options)?;
        }
    }
    eprintln!(
        "wrote {}: {} articles, {} statements, {} actors",
        out.display(),
        report.summary.articles,
        report.summary.statements,
        report.summary.actors
    );
    Ok(ExitCode::SUCCESS)
}

pub fn export(args: ExportArgs) -> Result<ExitCode> {
    let format = match args.format {
        Some(f) => f,
        None => match extension(&args.output).as_str() {
            "xlsx" => ExportFormat::Xlsx,
            "json" => ExportFormat::Json,
            "qdpx" => ExportFormat::Qdpx,
            "" | "csv" => ExportFormat::Csv,
            other => bail!("cannot tell the format from the extension .{other}: pass --format csv, xlsx, json or qdpx"),
        },
    };
    let (project, report) = build(&args.project, &args.selection)?;
    let out = &args.output;
    match format {
        ExportFormat::Csv => {
            let files = report::csv::write_folder(&report, out)
                .with_context(|| format!("writing the CSV files into {}", out.display()))?;
            for f in files {
                eprintln!("wrote {}", f.display());
            }
        }
        ExportFormat::Json => write_file(out, |w| report::json::write(&report, w))?,
        ExportFormat::Xlsx => {
            let file = create(out)?;
            report::xlsx::write(&report, BufWriter::new(file))
                .and_then(|mut w| w.flush())
                .with_context(|| format!("writing {}", out.display()))?;
        }
        ExportFormat::Qdpx => {
            let texts = project.report_texts(&report)?;
            let file = create(out)?;
            report::qdpx::write(&report, &texts, BufWriter::new(file))
                .and_then(|mut w| w.flush())
                .with_context(|| format!("writing {}", out.display()))?;
        }
    }
    if format != ExportFormat::Csv {
        eprintln!(
            "wrote {}: {} articles, {} statements, {} actors",
            out.display(),
            report.summary.articles,
            report.summary.statements,
            report.summary.actors
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn create(path: &Path) -> Result<File> {
    File::create(path).with_context(|| format!("cannot create {}", path.display()))
}

fn write_file(path: &Path, write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> Result<()> {
    let mut w = BufWriter::new(create(path)?);
    write(&mut w)
        .and_then(|()| w.flush())
        .with_context(|| format!("writing {}", path.display()))
}

/// The browser named, or the first of [`BROWSERS`] on the PATH.
fn find_browser(named: Option<&Path>) -> Result<PathBuf> {
    if let Some(path) = named {
        return Ok(path.to_owned());
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for name in BROWSERS {
        for dir in std::env::split_paths(&path) {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Ok(candidate);
            }
        }
    }
    bail!(
        "PDF reports are printed by Chromium, and none was found on the PATH ({}): install it \
         (Debian/Ubuntu: apt install chromium), name one with --browser, or make the HTML \
         report and print it from any browser",
        BROWSERS.join(", ")
    )
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
