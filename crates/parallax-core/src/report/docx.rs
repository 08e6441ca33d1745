//! The comparison report as a Word document (`.docx`, WordprocessingML written by hand:
//! a few XML parts in a zip), for colleagues who edit reports in Word or LibreOffice.
//!
//! Paragraphs whose text is Arabic are right-to-left (`w:bidi`, runs `w:rtl`, an Arabic
//! complex-script font and language), the others left-to-right. Added words are
//! underlined on green, left-out words struck through on red, as in the HTML report.
//! Headings use Word's built-in style names, so Word builds a table of contents from them
//! (References › Table of contents); a TOC field is not written because only Word can fill
//! its page numbers. All text is XML-escaped; nothing in it becomes a field or a link.

use std::fmt::Write as _;
use std::io::{self, Seek, Write};

use parallax_nlp::align::DiffOp;
use parallax_nlp::Lang;

use super::xml::{escape, Archive};
use super::{
    actor_kind_label, date_label, is_rtl, kind_label, stance_label, Report, ReportStatement,
};

const ARABIC_FONT: &str = "Noto Naskh Arabic";

/// Writes the document.
pub fn write<W: Write + Seek>(report: &Report, out: W) -> io::Result<W> {
    let mut archive = Archive::new(out);
    archive.add("[Content_Types].xml", CONTENT_TYPES.as_bytes())?;
    archive.add("_rels/.rels", ROOT_RELS.as_bytes())?;
    archive.add("word/_rels/document.xml.rels", DOCUMENT_RELS.as_bytes())?;
    archive.add("word/styles.xml", STYLES.as_bytes())?;
    archive.add("docProps/core.xml", core_properties(report).as_bytes())?;
    archive.add("word/document.xml", document(report).as_bytes())?;
    archive.finish()
}

#[derive(Clone, Copy, Default)]
struct Run {
    bold: bool,
    added: bool,
    removed: bool,
}

struct Doc {
    xml: String,
}

impl Doc {
    /// One paragraph of one run; its direction from its text.
    fn para(&mut self, style: Option<&str>, text: &str) {
        self.open(style, is_rtl(text));
        self.run(text, Run::default(), is_rtl(text));
        self.close();
    }

    fn open(&mut self, style: Option<&str>, rtl: bool) {
        self.xml.push_str("<w:p><w:pPr>");
        if let Some(s) = style {
            let _ = write!(self.xml, "<w:pStyle w:val=\"{s}\"/>");
        }
        if rtl {
            self.xml.push_str("<w:bidi/><w:jc w:val=\"right\"/>");
        }
        self.xml.push_str("</w:pPr>");
    }

    fn run(&mut self, text: &str, run: Run, rtl: bool) {
        self.xml.push_str("<w:r><w:rPr>");
        if rtl {
            let _ = write!(
                self.xml,
                "<w:rFonts w:ascii=\"{ARABIC_FONT}\" w:hAnsi=\"{ARABIC_FONT}\" w:cs=\"{ARABIC_FONT}\"/>"
            );
        }
        if run.bold {
            self.xml.push_str("<w:b/><w:bCs/>");
        }
        if run.removed {
            self.xml.push_str("<w:strike/>");
        }
        if run.added {
            self.xml.push_str("<w:u w:val=\"single\"/>");
        }
        if run.added {
            self.xml
                .push_str("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"D7F5DD\"/>");
        } else if run.removed {
            self.xml
                .push_str("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"FBDCDC\"/>");
        }
        if rtl {
            self.xml.push_str("<w:rtl/><w:lang w:bidi=\"ar-SA\"/>");
        }
        let _ = write!(
            self.xml,
            "</w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>",
            escape(text)
        );
    }

    fn close(&mut self) {
        self.xml.push_str("</w:p>");
    }

    fn table(&mut self, header: &[String], rows: &[Vec<String>]) {
        self.xml.push_str("<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders>");
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
            let _ = write!(
                self.xml,
                "<w:{side} w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\"/>"
            );
        }
        self.xml.push_str("</w:tblBorders></w:tblPr>");
        for (i, row) in std::iter::once(header)
            .chain(rows.iter().map(Vec::as_slice))
            .enumerate()
        {
            self.xml.push_str("<w:tr>");
            for cell in row {
                self.xml.push_str("<w:tc>");
                let rtl = is_rtl(cell);
                self.open(None, rtl);
                self.run(
                    cell,
                    Run {
                        bold: i == 0,
                        ..Run::default()
                    },
                    rtl,
                );
                self.close();
                self.xml.push_str("</w:tc>");
            }
            self.xml.push_str("</w:tr>");
        }
        self.xml.push_str("</w:tbl>");
        self.para(None, "");
    }

    fn statement(&mut self, s: &ReportStatement) {
        let rtl = s.lang == Lang::Ar || is_rtl(&s.text);
        self.open(Some("Quote"), rtl);
        if s.diff.is_empty() {
            self.run(&s.text, Run::default(), rtl);
        } else {
            for (i, op) in s.diff.iter().enumerate() {
                let (text, run) = match op {
                    DiffOp::Equal(t) => (t, Run::default()),
                    DiffOp::Added(t) => (
                        t,
                        Run {
                            added: true,
                            ..Run::default()
                        },
                    ),
                    DiffOp::Removed(t) => (
                        t,
                        Run {
                            removed: true,
                            ..Run::default()
                        },
                    ),
                };
                let text = if i > 0 {
                    format!(" {text}")
                } else {
                    text.clone()
                };
                self.run(&text, run, rtl);
            }
        }
        self.close();
    }
}

fn document(report: &Report) -> String {
    let mut d = Doc {
        xml: String::with_capacity(8192 + report.statements.len() * 1500),
    };
    d.xml.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>");
    let articles = report.article_index();
    let statements = report.statement_index();
    let s = &report.summary;
    d.para(
        Some("Title"),
        &format!("Comparison report: {}", report.project),
    );
    d.para(
        None,
        &format!(
            "Made by Parallax on {} (UTC).",
            report.generated_at.format("%Y-%m-%d %H:%M")
        ),
    );
    d.para(Some("Heading1"), "Summary");
    let mut line = s.sentence();
    line.push('.');
    d.para(None, &line);
    d.table(
        &["Outlet".into(), "Articles".into(), "Statements".into()],
        &s.outlets
            .iter()
            .map(|o| {
                vec![
                    o.outlet.clone(),
                    o.articles.to_string(),
                    o.statements.to_string(),
                ]
            })
            .collect::<Vec<_>>(),
    );
    d.para(Some("Heading1"), "Coverage: actors × outlets");
    let mut header = vec!["Actor".to_owned()];
    header.extend(report.coverage.outlets.iter().cloned());
    d.table(
        &header,
        &report
            .coverage
            .rows
            .iter()
            .map(|r| {
                std::iter::once(r.actor.clone())
                    .chain(r.counts.iter().map(u32::to_string))
                    .collect()
            })
            .collect::<Vec<_>>(),
    );
    d.para(Some("Heading1"), "Claims by actor");
    for a in &report.actors {
        d.para(Some("Heading2"), &a.name);
        let mut line = format!(
            "{}; {} statements in {} outlets",
            actor_kind_label(a.kind),
            a.statements,
            a.outlets.len()
        );
        if !a.aliases.is_empty() {
            let _ = write!(line, "; also called {}", a.aliases.join(", "));
        }
        line.push('.');
        d.para(None, &line);
        for g in &a.groups {
            d.para(Some("Heading3"), &format!("Claim {}: {}", g.id, g.claim));
            if !g.missing_from.is_empty() {
                d.para(
                    None,
                    &format!("Not reported by: {}.", g.missing_from.join(", ")),
                );
            }
            for id in &g.statements {
                let Some(st) = statements.get(id) else {
                    continue;
                };
                let mut meta = st.outlet.clone();
                if let Some(date) = st.published_at {
                    let _ = write!(meta, " · {date}");
                }
                let _ = write!(
                    meta,
                    " · {} · {}",
                    stance_label(st.stance),
                    kind_label(st.kind)
                );
                if *id == g.base {
                    meta.push_str(" · compared with");
                }
                if let Some(art) = articles.get(&st.article) {
                    let _ = write!(meta, " · in “{}” (article {})", art.title, art.id);
                }
                d.para(Some("Meta"), &meta);
                d.statement(st);
            }
        }
    }
    d.para(Some("Heading1"), "Sources");
    d.table(
        &[
            "#".into(),
            "Outlet".into(),
            "Date".into(),
            "Title".into(),
            "URL".into(),
        ],
        &report
            .articles
            .iter()
            .map(|a| {
                vec![
                    a.id.to_string(),
                    a.outlet.clone(),
                    date_label(a.published_at),
                    a.title.clone(),
                    a.url.clone().unwrap_or_default(),
                ]
            })
            .collect::<Vec<_>>(),
    );
    d.xml.push_str("<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>");
    d.xml
}

fn core_properties(report: &Report) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><dc:title>{}</dc:title><dc:creator>Parallax</dc:creator><dcterms:created xsi:type=\"dcterms:W3CDTF\">{}</dcterms:created></cp:coreProperties>",
        escape(&format!("Comparison report: {}", report.project)),
        report.generated_at.format("%Y-%m-%dT%H:%M:%SZ")
    )
}

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#;

const ROOT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#;

const DOCUMENT_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;

const STYLES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Noto Naskh Arabic"/><w:sz w:val="22"/><w:szCs w:val="24"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:rPr><w:b/><w:sz w:val="40"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="360"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="200"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Meta"><w:name w:val="Meta"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:after="0"/></w:pPr><w:rPr><w:color w:val="555555"/><w:sz w:val="18"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:left="284" w:right="284"/></w:pPr></w:style></w:styles>"#;
