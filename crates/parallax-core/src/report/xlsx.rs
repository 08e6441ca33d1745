//! An Excel workbook (`.xlsx`, Office Open XML SpreadsheetML written by hand: a few XML
//! parts in a zip) with three sheets: Statements, Actors, Coverage (the same columns as the
//! CSV files).
//!
//! Cells holding Arabic (their first strong character is right-to-left) are right-aligned
//! with a right-to-left reading order. Text is stored as inline strings, which spreadsheets
//! never evaluate; cells that would read as a formula once edited (`=`, `+`, `-`, `@`) carry
//! the "quote prefix" style, Excel's own marking of text typed as `'=…`, so they stay text
//! and show exactly what the article says. Hand-written rather than a crate: the format needs
//! only these parts and no dependency is added to the build.

use std::fmt::Write as _;
use std::io::{self, Seek, Write};

use super::xml::{escape, Archive};
use super::{
    actor_kind_label, date_label, is_rtl, starts_like_formula, statement_fields, tags_cell, Field,
    Report, STATEMENT_COLUMNS,
};

/// Style indices of `styles.xml`'s `cellXfs`.
const PLAIN: u8 = 0;
const RTL: u8 = 1;
const QUOTED: u8 = 2;
const RTL_QUOTED: u8 = 3;
const HEADER: u8 = 4;

/// Writes the workbook.
pub fn write<W: Write + Seek>(report: &Report, out: W) -> io::Result<W> {
    let mut archive = Archive::new(out);
    archive.add("[Content_Types].xml", CONTENT_TYPES.as_bytes())?;
    archive.add("_rels/.rels", ROOT_RELS.as_bytes())?;
    archive.add("xl/workbook.xml", WORKBOOK.as_bytes())?;
    archive.add("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes())?;
    archive.add("xl/styles.xml", STYLES.as_bytes())?;
    archive.add("xl/worksheets/sheet1.xml", statements(report).as_bytes())?;
    archive.add("xl/worksheets/sheet2.xml", actors(report).as_bytes())?;
    archive.add("xl/worksheets/sheet3.xml", coverage(report).as_bytes())?;
    archive.finish()
}

enum Cell<'a> {
    Text(&'a str),
    Number(f64),
}

struct Sheet {
    xml: String,
    row: usize,
}

impl Sheet {
    fn new(widths: &[f64]) -> Sheet {
        let mut xml = String::from(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
             <worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\
             <sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews><cols>",
        );
        for (i, w) in widths.iter().enumerate() {
            let _ = write!(
                xml,
                "<col min=\"{0}\" max=\"{0}\" width=\"{w}\" customWidth=\"1\"/>",
                i + 1
            );
        }
        xml.push_str("</cols><sheetData>");
        Sheet { xml, row: 0 }
    }

    fn header(&mut self, names: &[&str]) {
        self.row += 1;
        let _ = write!(self.xml, "<row r=\"{}\">", self.row);
        for (c, name) in names.iter().enumerate() {
            self.text(c, name, HEADER);
        }
        self.xml.push_str("</row>");
    }

    fn row(&mut self, cells: &[Cell<'_>]) {
        self.row += 1;
        let _ = write!(self.xml, "<row r=\"{}\">", self.row);
        for (c, cell) in cells.iter().enumerate() {
            match cell {
                Cell::Text("") => {}
                Cell::Text(t) => {
                    let style = match (is_rtl(t), starts_like_formula(t)) {
                        (false, false) => PLAIN,
                        (true, false) => RTL,
                        (false, true) => QUOTED,
                        (true, true) => RTL_QUOTED,
                    };
                    self.text(c, t, style);
                }
                Cell::Number(n) => {
                    let _ = write!(
                        self.xml,
                        "<c r=\"{}{}\"><v>{n}</v></c>",
                        column(c),
                        self.row
                    );
                }
            }
        }
        self.xml.push_str("</row>");
    }

    fn text(&mut self, c: usize, text: &str, style: u8) {
        let _ = write!(
            self.xml,
            "<c r=\"{}{}\" t=\"inlineStr\"{}><is><t xml:space=\"preserve\">{}</t></is></c>",
            column(c),
            self.row,
            if style == PLAIN {
                String::new()
            } else {
                format!(" s=\"{style}\"")
            },
            // Excel refuses cells over 32,767 characters.
            escape(truncate(text, 32_000)).as_str()
        );
    }

    fn finish(mut self) -> String {
        self.xml.push_str("</sheetData></worksheet>");
        self.xml
    }
}

fn truncate(text: &str, chars: usize) -> &str {
    text.char_indices()
        .nth(chars)
        .map_or(text, |(i, _)| &text[..i])
}

/// `A`, `B`, …, `Z`, `AA`, … for a 0-based column.
fn column(mut c: usize) -> String {
    let mut name = Vec::new();
    loop {
        name.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    name.reverse();
    String::from_utf8(name).expect("ASCII letters")
}

fn statements(report: &Report) -> String {
    let articles = report.article_index();
    let mut sheet = Sheet::new(&[
        8.0, 8.0, 40.0, 18.0, 11.0, 30.0, 5.0, 22.0, 22.0, 9.0, 12.0, 12.0, 80.0, 7.0, 30.0, 20.0,
    ]);
    sheet.header(&STATEMENT_COLUMNS);
    for s in &report.statements {
        let date = date_label(s.published_at);
        let tags = tags_cell(s);
        let fields = statement_fields(s, articles.get(&s.article).copied(), &date, &tags);
        sheet.row(&fields.map(|field| match field {
            Field::Text(text) => Cell::Text(text),
            Field::Integer(n) => Cell::Number(n as f64),
        }));
    }
    sheet.finish()
}

fn actors(report: &Report) -> String {
    let mut sheet = Sheet::new(&[24.0, 28.0, 14.0, 50.0, 10.0, 40.0]);
    sheet.header(&["key", "name", "kind", "aliases", "statements", "outlets"]);
    for a in &report.actors {
        let aliases = a.aliases.join(" | ");
        let outlets = a.outlets.join(" | ");
        sheet.row(&[
            Cell::Text(&a.key),
            Cell::Text(&a.name),
            Cell::Text(actor_kind_label(a.kind)),
            Cell::Text(&aliases),
            Cell::Number(a.statements as f64),
            Cell::Text(&outlets),
        ]);
    }
    sheet.finish()
}

fn coverage(report: &Report) -> String {
    let c = &report.coverage;
    let mut widths = vec![28.0];
    widths.extend(c.outlets.iter().map(|_| 14.0));
    let mut sheet = Sheet::new(&widths);
    let mut header = vec!["actor"];
    header.extend(c.outlets.iter().map(String::as_str));
    sheet.header(&header);
    for row in &c.rows {
        let mut cells = vec![Cell::Text(&row.actor)];
        cells.extend(row.counts.iter().map(|&n| Cell::Number(f64::from(n))));
        sheet.row(&cells);
    }
    sheet.finish()
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;

const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Statements" sheetId="1" r:id="rId1"/><sheet name="Actors" sheetId="2" r:id="rId2"/><sheet name="Coverage" sheetId="3" r:id="rId3"/></sheets></workbook>"#;

const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

/// cellXfs: 0 plain, 1 right-to-left, 2 quote prefix, 3 both, 4 bold header.
const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" applyAlignment="1"><alignment horizontal="right" readingOrder="2"/></xf><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0" quotePrefix="1" applyAlignment="1"><alignment horizontal="right" readingOrder="2"/></xf><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_like_a_spreadsheet() {
        assert_eq!(column(0), "A");
        assert_eq!(column(25), "Z");
        assert_eq!(column(26), "AA");
        assert_eq!(column(27), "AB");
        assert_eq!(column(701), "ZZ");
        assert_eq!(column(702), "AAA");
    }

    #[test]
    fn arabic_cells_read_right_to_left_and_formulas_stay_text() {
        let mut sheet = Sheet::new(&[10.0]);
        sheet.row(&[
            Cell::Text("قال الوزير"),
            Cell::Text("=HYPERLINK(\"x\")"),
            Cell::Text("plain"),
        ]);
        let xml = sheet.finish();
        assert!(
            xml.contains("<c r=\"A1\" t=\"inlineStr\" s=\"1\">"),
            "{xml}"
        );
        assert!(xml.contains("<c r=\"B1\" t=\"inlineStr\" s=\"2\"><is><t xml:space=\"preserve\">=HYPERLINK(&quot;x&quot;)</t>"), "{xml}");
        assert!(xml.contains("<c r=\"C1\" t=\"inlineStr\"><is>"), "{xml}");
        assert!(!xml.contains("<f>"), "no formula is ever written");
    }
}
