//! The whole analysis of a selection as one JSON document: the [`Report`] serialised as it
//! is. Its schema is documented in `docs/report-json.md` and versioned by
//! [`super::SCHEMA`] in the `schema` field.

use std::io::{self, Write};

use super::Report;

/// The report as one JSON object, followed by a newline.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut out = io::BufWriter::with_capacity(1 << 16, out);
    serde_json::to_writer_pretty(&mut out, report)?;
    out.write_all(b"\n")?;
    out.flush()
}
