//! Fuzzes the import of DOCX files (zip, XML, core properties): any bytes must give articles or an error
//! that names a reason, never a panic (the importer turns panics into errors, so the target
//! treats that error as a crash), a stack overflow or a hang.
//!
//! Run from the repository root: `cargo +nightly fuzz run import_docx -- -max_total_time=60`.

#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    parallax_fuzz_checks::check_import("article.docx", data);
});
