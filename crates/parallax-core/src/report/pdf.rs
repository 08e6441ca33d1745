//! The comparison report as PDF, printed from the HTML report by a headless Chromium.
//!
//! Why a browser: Arabic needs shaping (letters join by position, lam-alef ligatures) and
//! the bidirectional algorithm, then line breaking of mixed text; a browser does all of it
//! correctly and writes a PDF whose text layer is in logical order. The alternatives were
//! weighed: `typst` as a library adds about 13 minutes to a clean release build; a shaper
//! (`rustybuzz`) with a PDF writer would mean writing line breaking, bidi reordering,
//! tables and font subsetting by hand. The price is a run-time dependency: the caller
//! names the browser (the CLI looks for `chromium` and says what to install when it is
//! missing). The PDF has page numbers (CSS `@page` margin boxes), the table of contents
//! of the HTML with working links, and a document outline from the headings; the Arabic
//! font is the one embedded in the HTML, so the PDF embeds it too.
//!
//! Safety: the page has no scripts and a Content Security Policy that forbids scripts and
//! every remote load; the browser runs with a throw-away profile, no network use beyond
//! the file, and is killed after [`PdfOptions::timeout`]. (Turning scripts off with
//! `--blink-settings=scriptEnabled=false` is not an option: Chromium 156 then exits with
//! success and writes no PDF.)

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// How to run the browser.
#[derive(Debug, Clone)]
pub struct PdfOptions {
    /// A Chromium or Chrome executable.
    pub browser: PathBuf,
    /// Chromium's sandbox cannot start as root; set this to run it without (`--no-sandbox`).
    pub no_sandbox: bool,
    /// The browser is killed after this long.
    pub timeout: Duration,
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot run the browser {browser} to print the PDF ({source}); install Chromium (Debian: apt install chromium) or name one with --browser")]
    Browser {
        browser: PathBuf,
        source: std::io::Error,
    },
    #[error("the browser {browser} failed to print the PDF: {message}")]
    Failed { browser: PathBuf, message: String },
    #[error("the browser {browser} did not finish printing within {seconds} s")]
    Timeout { browser: PathBuf, seconds: u64 },
}

/// Prints `html` (a whole page, e.g. [`super::html::render`]) to the PDF file `out`.
/// A scratch copy of the page and a browser profile are kept beside `out` meanwhile and
/// removed afterwards.
pub fn print(html: &str, out: &Path, options: &PdfOptions) -> Result<(), PdfError> {
    let out = absolute(out);
    let scratch = out.with_extension("parallax-print");
    let io = |path: &Path| {
        let path = path.to_owned();
        move |source| PdfError::Io { path, source }
    };
    std::fs::create_dir_all(&scratch).map_err(io(&scratch))?;
    let page = scratch.join("report.html");
    let result = (|| {
        std::fs::write(&page, html).map_err(io(&page))?;
        let _ = std::fs::remove_file(&out);
        run_browser(&page, &scratch.join("profile"), &out, options)
    })();
    let _ = std::fs::remove_dir_all(&scratch);
    result
}

fn run_browser(
    page: &Path,
    profile: &Path,
    out: &Path,
    options: &PdfOptions,
) -> Result<(), PdfError> {
    let browser = options.browser.clone();
    let mut command = Command::new(&browser);
    command
        .arg("--headless")
        .arg("--disable-gpu")
        .arg("--no-first-run")
        .arg("--no-default-browser-check")
        .arg("--disable-extensions")
        .arg("--disable-sync")
        .arg("--disable-background-networking")
        .arg("--disable-dev-shm-usage")
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--no-pdf-header-footer")
        .arg("--generate-pdf-document-outline")
        .arg(format!("--print-to-pdf={}", out.display()));
    if options.no_sandbox {
        command.arg("--no-sandbox");
    }
    command
        .arg(file_url(page))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    let mut child = command.spawn().map_err(|source| PdfError::Browser {
        browser: browser.clone(),
        source,
    })?;
    let started = Instant::now();
    let status = loop {
        match child.try_wait() {
            Ok(Some(status)) => break status,
            Ok(None) if started.elapsed() > options.timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(PdfError::Timeout {
                    browser,
                    seconds: options.timeout.as_secs(),
                });
            }
            Ok(None) => std::thread::sleep(Duration::from_millis(50)),
            Err(source) => return Err(PdfError::Browser { browser, source }),
        }
    };
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr.take() {
        use std::io::Read;
        let _ = e.read_to_string(&mut stderr);
    }
    let written = std::fs::metadata(out).map(|m| m.len() > 0).unwrap_or(false);
    if !status.success() || !written {
        let last = stderr
            .lines()
            .rev()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("no PDF was written")
            .to_owned();
        return Err(PdfError::Failed {
            browser,
            message: format!("{status}: {last}"),
        });
    }
    Ok(())
}

fn absolute(path: &Path) -> PathBuf {
    if path.is_absolute() {
        path.to_owned()
    } else {
        std::path::absolute(path).unwrap_or_else(|_| path.to_owned())
    }
}

/// A `file://` URL with the characters URLs reserve percent-encoded.
fn file_url(path: &Path) -> String {
    let mut url = String::from("file://");
    for b in path.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            url.push(b as char);
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_are_percent_encoded() {
        assert_eq!(
            file_url(Path::new("/tmp/a b/تقرير.html")),
            "file:///tmp/a%20b/%D8%AA%D9%82%D8%B1%D9%8A%D8%B1.html"
        );
    }
}
