//! Reports and data exports of the project or a selection, as `parallax report` and
//! `parallax export` write them (the same core functions, so both faces make the same
//! files). Building a report resolves the registry and aligns every actor's claims, so both
//! commands run off the main thread.

use std::path::PathBuf;
use std::time::Duration;

use parallax_core::report::output::{self, ExportFormat, Output, ReportOptions};
use parallax_core::report::{csv, html, pdf};
use tauri::{AppHandle, Emitter};

use crate::ipc::{
    ExportPreview, ExportProgress, ExportRequest, ExportStage, ExportWritten, IpcError,
};

/// What the export of the selection holds and, for a report, the report as HTML.
#[tauri::command]
pub async fn export_preview(
    request: ExportRequest,
    app: AppHandle,
) -> Result<ExportPreview, IpcError> {
    let selection = request.selection()?;
    let format = Output::from(request.format);
    super::off_main_thread(app, move |p| {
        let report = p.report(&selection, chrono::Utc::now())?;
        let files = match format {
            Output::Export(ExportFormat::Csv) => csv::FILES.map(String::from).to_vec(),
            _ => vec![format!("{}.{}", report.project, format.extension())],
        };
        // the preview leaves the font out: the frame shows the system's Arabic font
        let preview = matches!(format, Output::Report(_))
            .then(|| html::render(&report, &html::HtmlOptions::default()));
        Ok(ExportPreview::new(&report, files, preview))
    })
    .await
}

/// Writes the report or export of the selection to `path` (the format's extension added when
/// the name has none; a folder for CSV); emits `export-progress` as it goes.
#[tauri::command]
pub async fn export_write(
    request: ExportRequest,
    path: PathBuf,
    app: AppHandle,
) -> Result<ExportWritten, IpcError> {
    if path.as_os_str().is_empty() {
        return Err(IpcError::new(
            "invalid_input",
            "choose where to save the export",
        ));
    }
    let selection = request.selection()?;
    let format = Output::from(request.format);
    let path = format.path_for(&path);
    // Find the browser before the work, so that a missing one is said at once.
    let pdf = match format {
        Output::Report(output::ReportFormat::Pdf) => Some(pdf::PdfOptions {
            browser: output::find_browser(&std::env::var_os("PATH").unwrap_or_default())
                .ok_or(output::OutputError::NoBrowser)?,
            no_sandbox: running_as_root(),
            timeout: Duration::from_secs(300),
        }),
        _ => None,
    };
    let progress = app.clone();
    let emit = move |stage: ExportStage, path: &std::path::Path| {
        let event = ExportProgress {
            stage,
            path: path.display().to_string(),
        };
        let _ = progress.emit("export-progress", event);
    };
    super::off_main_thread(app, move |p| {
        emit(ExportStage::Building, std::path::Path::new(""));
        let report = p.report(&selection, chrono::Utc::now())?;
        emit(ExportStage::Writing, &path);
        let options = ReportOptions {
            arabic_font: Some(html::BUNDLED_ARABIC_FONT),
            pdf,
        };
        let files = p.write_output(&report, format, &path, &options)?;
        Ok(ExportWritten {
            files: files.iter().map(|f| f.display().to_string()).collect(),
            summary: report.summary.sentence(),
        })
    })
    .await
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
