//! Writing a report or an export to a file in the format asked for: the part the CLI and
//! the desktop app share, so that both make the same files.
//!
//! Nothing here looks at the environment: the faces pass the browser's path (found with
//! [`find_browser`] on the `PATH` they read) and the font's bytes.

use std::ffi::OsStr;
use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::pdf::{PdfError, PdfOptions};
use super::{csv, docx, html, json, markdown, pdf, qdpx, xlsx, Report};
use crate::{Project, ProjectError};

/// Browsers looked for on the `PATH`, in order.
pub const BROWSERS: &[&str] = &[
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];

/// The formats of the comparison report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReportFormat {
    Html,
    Pdf,
    Docx,
    #[serde(rename = "md")]
    Markdown,
}

/// The formats of the data exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    /// A folder of three CSV files.
    Csv,
    Xlsx,
    Json,
    Qdpx,
}

impl ReportFormat {
    /// The format a file name's extension stands for.
    pub fn from_path(path: &Path) -> Option<ReportFormat> {
        match extension(path).as_str() {
            "html" | "htm" => Some(ReportFormat::Html),
            "pdf" => Some(ReportFormat::Pdf),
            "docx" => Some(ReportFormat::Docx),
            "md" | "markdown" => Some(ReportFormat::Markdown),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ReportFormat::Html => "html",
            ReportFormat::Pdf => "pdf",
            ReportFormat::Docx => "docx",
            ReportFormat::Markdown => "md",
        }
    }

    /// Whether the format embeds the Arabic font.
    pub fn embeds_font(self) -> bool {
        matches!(self, ReportFormat::Html | ReportFormat::Pdf)
    }
}

impl ExportFormat {
    /// The format a path's extension stands for; a path without one is a CSV folder.
    pub fn from_path(path: &Path) -> Option<ExportFormat> {
        match extension(path).as_str() {
            "" | "csv" => Some(ExportFormat::Csv),
            "xlsx" => Some(ExportFormat::Xlsx),
            "json" => Some(ExportFormat::Json),
            "qdpx" => Some(ExportFormat::Qdpx),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Csv => "",
            ExportFormat::Xlsx => "xlsx",
            ExportFormat::Json => "json",
            ExportFormat::Qdpx => "qdpx",
        }
    }
}

/// A report or a data export: the one list of formats the app's Export dialog offers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Output {
    Report(ReportFormat),
    Export(ExportFormat),
}

impl Output {
    /// The format by the name the CLI's `--format` takes (`html`, `md`, `csv`, `qdpx`, ...).
    pub fn from_name(name: &str) -> Option<Output> {
        Some(match name {
            "html" => Output::Report(ReportFormat::Html),
            "pdf" => Output::Report(ReportFormat::Pdf),
            "docx" => Output::Report(ReportFormat::Docx),
            "md" => Output::Report(ReportFormat::Markdown),
            "csv" => Output::Export(ExportFormat::Csv),
            "xlsx" => Output::Export(ExportFormat::Xlsx),
            "json" => Output::Export(ExportFormat::Json),
            "qdpx" => Output::Export(ExportFormat::Qdpx),
            _ => return None,
        })
    }

    /// The extension of the file written; empty for the CSV folder.
    pub fn extension(self) -> &'static str {
        match self {
            Output::Report(f) => f.extension(),
            Output::Export(f) => f.extension(),
        }
    }

    /// Where to write when the user chose `path`: with the format's extension added when the
    /// name has none ("study" → "study.html"), so that the file opens in the right program.
    pub fn path_for(self, path: &Path) -> PathBuf {
        if self.extension().is_empty() || path.extension().is_some() {
            path.to_owned()
        } else {
            path.with_extension(self.extension())
        }
    }

    /// The files that writing to `path` makes: the three CSV files inside the folder `path`,
    /// else `path` itself.
    pub fn files_at(self, path: &Path) -> Vec<PathBuf> {
        match self {
            Output::Export(ExportFormat::Csv) => {
                super::csv::FILES.iter().map(|f| path.join(f)).collect()
            }
            _ => vec![path.to_owned()],
        }
    }
}

fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// What a report needs besides the model.
#[derive(Debug, Clone, Default)]
pub struct ReportOptions<'a> {
    /// A font with Arabic glyphs for HTML and PDF (see [`html::BUNDLED_ARABIC_FONT`]).
    pub arabic_font: Option<&'a [u8]>,
    /// How to print a PDF; required for [`ReportFormat::Pdf`].
    pub pdf: Option<PdfOptions>,
}

#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(transparent)]
    Pdf(#[from] PdfError),
    #[error(
        "PDF reports are printed by Chromium, and none was found ({}): install it \
         (Debian/Ubuntu: apt install chromium), or make the HTML report and print it from \
         any browser", BROWSERS.join(", ")
    )]
    NoBrowser,
    #[error(transparent)]
    Project(#[from] ProjectError),
}

fn io_at(path: &Path) -> impl FnOnce(std::io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_owned(),
        source,
    }
}

/// Writes the report to `path` in `format`.
pub fn write_report(
    report: &Report,
    format: ReportFormat,
    path: &Path,
    options: &ReportOptions<'_>,
) -> Result<(), OutputError> {
    let html_options = html::HtmlOptions {
        arabic_font: options.arabic_font,
    };
    match format {
        ReportFormat::Html => write_file(path, |w| html::write(report, &html_options, w)),
        ReportFormat::Markdown => write_file(path, |w| markdown::write(report, w)),
        ReportFormat::Docx => write_archive(path, |w| docx::write(report, w)),
        ReportFormat::Pdf => {
            let pdf = options.pdf.as_ref().ok_or(OutputError::NoBrowser)?;
            pdf::print(&html::render(report, &html_options), path, pdf)?;
            Ok(())
        }
    }
}

impl Project {
    /// Writes `report` (made from this project) to `path` as `output`; returns the files
    /// written.
    pub fn write_output(
        &self,
        report: &Report,
        output: Output,
        path: &Path,
        options: &ReportOptions<'_>,
    ) -> Result<Vec<PathBuf>, OutputError> {
        match output {
            Output::Report(format) => {
                write_report(report, format, path, options)?;
                Ok(vec![path.to_owned()])
            }
            Output::Export(format) => self.write_export(report, format, path),
        }
    }

    /// Writes the export of `report` (made from this project) to `path` in `format`;
    /// returns the files written (three for CSV, into the folder `path`).
    pub fn write_export(
        &self,
        report: &Report,
        format: ExportFormat,
        path: &Path,
    ) -> Result<Vec<PathBuf>, OutputError> {
        match format {
            ExportFormat::Csv => {
                return csv::write_folder(report, path).map_err(io_at(path));
            }
            ExportFormat::Json => write_file(path, |w| json::write(report, w))?,
            ExportFormat::Xlsx => write_archive(path, |w| xlsx::write(report, w))?,
            ExportFormat::Qdpx => {
                let texts = self.report_texts(report)?;
                write_archive(path, |w| qdpx::write(report, &texts, w))?;
            }
        }
        Ok(vec![path.to_owned()])
    }
}

fn write_file(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), OutputError> {
    let mut out = BufWriter::new(File::create(path).map_err(io_at(path))?);
    write(&mut out)
        .and_then(|()| out.flush())
        .map_err(io_at(path))
}

fn write_archive(
    path: &Path,
    write: impl FnOnce(BufWriter<File>) -> std::io::Result<BufWriter<File>>,
) -> Result<(), OutputError> {
    let out = BufWriter::new(File::create(path).map_err(io_at(path))?);
    write(out).and_then(|mut w| w.flush()).map_err(io_at(path))
}

/// The first of [`BROWSERS`] in the folders of `path_var` (the value of `PATH`).
pub fn find_browser(path_var: &OsStr) -> Option<PathBuf> {
    BROWSERS.iter().find_map(|name| {
        std::env::split_paths(path_var)
            .map(|dir| dir.join(name))
            .find(|candidate| candidate.is_file())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_come_from_extensions() {
        assert_eq!(
            ReportFormat::from_path(Path::new("r.HTML")),
            Some(ReportFormat::Html)
        );
        assert_eq!(ReportFormat::from_path(Path::new("r.odt")), None);
        assert_eq!(
            ExportFormat::from_path(Path::new("out/folder")),
            Some(ExportFormat::Csv)
        );
        assert_eq!(
            ExportFormat::from_path(Path::new("a.qdpx")),
            Some(ExportFormat::Qdpx)
        );
    }

    #[test]
    fn an_output_path_gets_the_format_extension_when_it_has_none() {
        let html = Output::from_name("html").unwrap();
        assert_eq!(
            html.path_for(Path::new("/t/study")),
            Path::new("/t/study.html")
        );
        assert_eq!(
            html.path_for(Path::new("/t/study.htm")),
            Path::new("/t/study.htm"),
            "an extension the user typed stays"
        );
        let csv = Output::from_name("csv").unwrap();
        assert_eq!(csv.path_for(Path::new("/t/study")), Path::new("/t/study"));
        assert_eq!(
            csv.files_at(Path::new("/t/study")),
            vec![
                Path::new("/t/study/statements.csv"),
                Path::new("/t/study/actors.csv"),
                Path::new("/t/study/coverage.csv")
            ]
        );
        assert_eq!(Output::from_name("odt"), None);
    }

    #[test]
    fn a_browser_is_found_in_the_path_folders_only() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(find_browser(dir.path().as_os_str()), None);
        std::fs::write(dir.path().join("chromium"), "").unwrap();
        let path = std::env::join_paths(["/nonexistent".as_ref(), dir.path()]).unwrap();
        assert_eq!(find_browser(&path), Some(dir.path().join("chromium")));
    }
}
