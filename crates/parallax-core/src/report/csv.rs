//! CSV exports: statements, actors with aliases, and the coverage matrix, one file each.
//!
//! RFC 4180 quoting, UTF-8 with a byte-order mark (without it Excel reads Arabic as
//! mojibake), CRLF line ends. Cells of article text that a spreadsheet would read as a
//! formula are neutralised with a leading apostrophe ([`super::neutralise_formula`]).
//! The statements file carries the analyst's note and tags of each statement (tags joined
//! by " | ").

use std::io::{self, Write};

use std::borrow::Cow;

use super::{
    actor_kind_label, date_label, neutralise_formula, statement_fields, tags_cell, Field, Report,
    STATEMENT_COLUMNS,
};

const BOM: &str = "\u{feff}";

/// The statements: one row each, with its article and group.
pub fn write_statements(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let articles = report.article_index();
    let mut w = CsvWriter::new(out)?;
    w.row(&STATEMENT_COLUMNS)?;
    for s in &report.statements {
        let date = date_label(s.published_at);
        let tags = tags_cell(s);
        let fields = statement_fields(s, articles.get(&s.article).copied(), &date, &tags);
        let cells: Vec<Cow<'_, str>> = fields
            .iter()
            .map(|field| match field {
                Field::Text(text) => Cow::Borrowed(*text),
                Field::Integer(n) => Cow::Owned(n.to_string()),
            })
            .collect();
        w.row(&cells.iter().map(AsRef::as_ref).collect::<Vec<&str>>())?;
    }
    w.finish()
}

/// The actors: key, name, kind, aliases (joined by ` | `), statements, outlets.
pub fn write_actors(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut w = CsvWriter::new(out)?;
    w.row(&["key", "name", "kind", "aliases", "statements", "outlets"])?;
    for a in &report.actors {
        w.row(&[
            &a.key,
            &a.name,
            actor_kind_label(a.kind),
            &a.aliases.join(" | "),
            &a.statements.to_string(),
            &a.outlets.join(" | "),
        ])?;
    }
    w.finish()
}

/// The coverage matrix: one row per actor, one column per outlet.
pub fn write_coverage(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    let mut w = CsvWriter::new(out)?;
    let mut header = vec!["actor"];
    header.extend(report.coverage.outlets.iter().map(String::as_str));
    w.row(&header)?;
    for row in &report.coverage.rows {
        let counts: Vec<String> = row.counts.iter().map(u32::to_string).collect();
        let mut cells = vec![row.actor.as_str()];
        cells.extend(counts.iter().map(String::as_str));
        w.row(&cells)?;
    }
    w.finish()
}

/// The files of a CSV export, in the order they are written.
pub const FILES: [&str; 3] = ["statements.csv", "actors.csv", "coverage.csv"];

/// The three files into a folder: [`FILES`].
pub fn write_folder(
    report: &Report,
    folder: &std::path::Path,
) -> io::Result<Vec<std::path::PathBuf>> {
    std::fs::create_dir_all(folder)?;
    type Writer = fn(&Report, &mut dyn Write) -> io::Result<()>;
    let writers: [Writer; 3] = [write_statements, write_actors, write_coverage];
    let files = FILES.into_iter().zip(writers);
    let mut written = Vec::new();
    for (name, write) in files {
        let path = folder.join(name);
        let mut file = io::BufWriter::new(std::fs::File::create(&path)?);
        write(report, &mut file)?;
        file.flush()?;
        written.push(path);
    }
    Ok(written)
}

struct CsvWriter<'a> {
    out: io::BufWriter<&'a mut dyn Write>,
}

impl<'a> CsvWriter<'a> {
    fn new(out: &'a mut dyn Write) -> io::Result<Self> {
        let mut out = io::BufWriter::with_capacity(1 << 16, out);
        out.write_all(BOM.as_bytes())?;
        Ok(CsvWriter { out })
    }

    fn row(&mut self, cells: &[&str]) -> io::Result<()> {
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                self.out.write_all(b",")?;
            }
            let cell = neutralise_formula(cell);
            if cell.contains([',', '"', '\n', '\r']) {
                self.out.write_all(b"\"")?;
                self.out.write_all(cell.replace('"', "\"\"").as_bytes())?;
                self.out.write_all(b"\"")?;
            } else {
                self.out.write_all(cell.as_bytes())?;
            }
        }
        self.out.write_all(b"\r\n")
    }

    fn finish(mut self) -> io::Result<()> {
        self.out.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_quoted_and_formulas_neutralised() {
        let mut buf = Vec::new();
        {
            let mut w = CsvWriter::new(&mut buf).unwrap();
            w.row(&["a,b", "say \"x\"", "=HYPERLINK(\"http://x\")", "قال"])
                .unwrap();
            w.finish().unwrap();
        }
        let text = String::from_utf8(buf).unwrap();
        assert_eq!(
            text,
            "\u{feff}\"a,b\",\"say \"\"x\"\"\",\"'=HYPERLINK(\"\"http://x\"\")\",قال\r\n"
        );
    }
}
