//! The Export dialog: a preview of what a selection holds, and writing a report (HTML, PDF,
//! DOCX, Markdown) or an export (CSV, XLSX, JSON, REFI-QDA) with progress events. The same
//! core functions as `parallax report` and `parallax export`.

use std::path::PathBuf;
use std::time::Duration;

use parallax_core::report::{self, output, pdf::PdfOptions};
use tauri::{AppHandle, Emitter, Manager};

use crate::ipc::{ExportPreview, ExportProgressDto, ExportRequest, ExportResult, IpcError, SelectionDto};
use crate::state::AppState;

/// What the selection holds: counts, outlets and actors, for the dialog's preview.
#[tauri::command]
pub async fn preview_export(
    selection: SelectionDto,
    app: AppHandle,
) -> Result<ExportPreview, IpcError> {
    let selection = selection.into_core()?;
    tauri::async_runtime::spawn_blocking(move || {
        let state = app.state::<AppState>();
        state.with_project(|p| Ok(p.report(&selection, chrono::Utc::now())?.into()))
    })
    .await
    .map_err(|e| IpcError::new("internal", format!("preview stopped: {e}")))?
}

/// Writes the report or export the request names; emits `export-progress` at each step.
#[tauri::command]
pub async fn export_project(
    request: ExportRequest,
    app: AppHandle,
) -> Result<ExportResult, IpcError> {
    let selection = request.selection.clone().into_core()?;
    let path = PathBuf::from(&request.path);
    let target = Target::parse(&request.format)?;
    // Find the browser first, so that a missing one is said before any work.
    let pdf = match target {
        Target::Report(output::ReportFormat::Pdf) => Some(PdfOptions {
            browser: output::find_browser(&std::env::var_os("PATH").unwrap_or_default())
                .ok_or_else(|| IpcError::from(output::OutputError::NoBrowser))?,
            no_sandbox: running_as_root(),
            timeout: Duration::from_secs(300),
        }),
        _ => None,
    };
    tauri::async_runtime::spawn_blocking(move || {
        let progress = |step: u32, message: String| {
            let _ = app.emit(
                "export-progress",
                ExportProgressDto {
                    step,
                    steps: 3,
                    message,
                },
            );
        };
        let state = app.state::<AppState>();
        state.with_project(|p| {
            progress(1, "building the report".into());
            let report = p.report(&selection, chrono::Utc::now())?;
            progress(2, format!("writing {}", path.display()));
            let files = match target {
                Target::Report(format) => {
                    let options = output::ReportOptions {
                        arabic_font: Some(report::html::BUNDLED_ARABIC_FONT),
                        pdf,
                    };
                    output::write_report(&report, format, &path, &options)?;
                    vec![path.clone()]
                }
                Target::Export(format) => p.write_export(&report, format, &path)?,
            };
            progress(3, "done".into());
            Ok(ExportResult {
                files: files.iter().map(|f| f.display().to_string()).collect(),
                articles: report.summary.articles,
                statements: report.summary.statements,
                actors: report.summary.actors,
            })
        })
    })
    .await
    .map_err(|e| IpcError::new("internal", format!("export stopped: {e}")))?
}

#[derive(Clone, Copy)]
enum Target {
    Report(output::ReportFormat),
    Export(output::ExportFormat),
}

impl Target {
    fn parse(format: &str) -> Result<Target, IpcError> {
        use output::{ExportFormat as E, ReportFormat as R};
        Ok(match format {
            "html" => Target::Report(R::Html),
            "pdf" => Target::Report(R::Pdf),
            "docx" => Target::Report(R::Docx),
            "md" => Target::Report(R::Markdown),
            "csv" => Target::Export(E::Csv),
            "xlsx" => Target::Export(E::Xlsx),
            "json" => Target::Export(E::Json),
            "qdpx" => Target::Export(E::Qdpx),
            other => {
                return Err(IpcError::new(
                    "invalid_input",
                    format!("unknown format {other:?}: html, pdf, docx, md, csv, xlsx, json or qdpx"),
                ))
            }
        })
    }
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
