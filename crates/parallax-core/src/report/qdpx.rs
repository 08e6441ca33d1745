//! A REFI-QDA project (`.qdpx`): a zip with `project.qde` (XML in the namespace
//! `urn:QDA-XML:project:1.0`, valid against the REFI-QDA `Project.xsd` of March 2019) and
//! each article's text as `sources/<guid>.txt`, so that MAXQDA, ATLAS.ti, NVivo, QualCoder
//! and QDA Miner users can take a Parallax analysis into their tool.
//!
//! Mapping: each article is a `TextSource` (its title as the name, outlet, date and URL in
//! the description); each statement is a `PlainTextSelection` of its article, positions in
//! Unicode code points from 0 (specification §10.2; the end is exclusive, as QualCoder
//! reads it), coded with its actor's `Code`. Codes sit under two uncodable folders,
//! "Actors" and "Claims": each claim group is a code too, so the tools can retrieve one
//! claim across outlets. GUIDs are derived from the project name and the ids, so the same
//! report exports the same file.
//!
//! Left out until they exist: the analyst's notes (they become `Notes` memos with
//! `NoteRef`s from the selections) and tags (codes under a "Tags" folder).

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{self, Seek, Write};

use sha2::{Digest, Sha256};

use super::xml::{escape, xml_safe, Archive};
use super::{date_label, kind_label, stance_label, Report};
use crate::model::ArticleId;

/// Writes the `.qdpx` archive. `texts` holds the verbatim text of the report's articles
/// (statement spans are byte offsets into it); an article without one is left out.
pub fn write<W: Write + Seek>(
    report: &Report,
    texts: &HashMap<ArticleId, String>,
    out: W,
) -> io::Result<W> {
    let guid = |kind: &str, id: &str| guid(&report.project, kind, id);
    let user = guid("user", "parallax");
    let created = report.generated_at.format("%Y-%m-%dT%H:%M:%SZ").to_string();
    let mut archive = Archive::new(out);
    let mut x = String::with_capacity(1 << 16);
    x.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        x,
        "<Project xmlns=\"urn:QDA-XML:project:1.0\" name=\"{}\" origin=\"Parallax {}\" \
         creatingUserGUID=\"{user}\" creationDateTime=\"{created}\">",
        escape(&report.project),
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(
        x,
        "<Users><User guid=\"{user}\" name=\"Parallax\"/></Users>"
    );

    x.push_str("<CodeBook><Codes>\n");
    let _ = writeln!(
        x,
        "<Code guid=\"{}\" name=\"Actors\" isCodable=\"false\">",
        guid("folder", "actors")
    );
    for a in &report.actors {
        let _ = writeln!(
            x,
            "<Code guid=\"{}\" name=\"{}\" isCodable=\"true\" color=\"#2266aa\"><Description>{}</Description></Code>",
            guid("actor", &a.key),
            escape(&a.name),
            escape(&if a.aliases.is_empty() {
                format!("{} statements", a.statements)
            } else {
                format!("{} statements; also called {}", a.statements, a.aliases.join(", "))
            })
        );
    }
    x.push_str("</Code>\n");
    let groups: Vec<_> = report
        .actors
        .iter()
        .flat_map(|a| a.groups.iter().map(move |g| (a, g)))
        .collect();
    if !groups.is_empty() {
        let _ = writeln!(
            x,
            "<Code guid=\"{}\" name=\"Claims\" isCodable=\"false\">",
            guid("folder", "claims")
        );
        for (a, g) in &groups {
            let _ = writeln!(
                x,
                "<Code guid=\"{}\" name=\"{}\" isCodable=\"true\" color=\"#22aa66\"><Description>{}</Description></Code>",
                guid("group", &g.id.to_string()),
                escape(&format!("{}: {}", a.name, g.claim)),
                escape(&if g.missing_from.is_empty() {
                    format!("claim {} of {}", g.id, a.name)
                } else {
                    format!("claim {} of {}; not reported by {}", g.id, a.name, g.missing_from.join(", "))
                })
            );
        }
        x.push_str("</Code>\n");
    }
    x.push_str("</Codes></CodeBook>\n");

    let mut by_article: HashMap<ArticleId, Vec<&super::ReportStatement>> = HashMap::new();
    for s in &report.statements {
        by_article.entry(s.article).or_default().push(s);
    }
    let actor_keys: std::collections::HashSet<&str> =
        report.actors.iter().map(|a| a.key.as_str()).collect();
    let sources: Vec<_> = report
        .articles
        .iter()
        .filter_map(|a| texts.get(&a.id).map(|t| (a, t)))
        .collect();
    if !sources.is_empty() {
        x.push_str("<Sources>\n");
    }
    for (a, text) in &sources {
        let source = guid("article", &a.id.to_string());
        let plain = xml_safe(text);
        archive.add(&format!("sources/{source}.txt"), plain.as_bytes())?;
        let _ = writeln!(
            x,
            "<TextSource guid=\"{source}\" name=\"{}\" plainTextPath=\"internal://{source}.txt\" creatingUser=\"{user}\" creationDateTime=\"{created}\">",
            escape(&a.title)
        );
        let mut description = format!("{}; {}", a.outlet, a.lang.code());
        if let Some(d) = a.published_at {
            let _ = write!(description, "; {d}");
        }
        if let Some(url) = &a.url {
            let _ = write!(description, "; {url}");
        }
        let _ = writeln!(x, "<Description>{}</Description>", escape(&description));
        let mut offsets = CharOffsets::new(text);
        let mut statements = by_article.remove(&a.id).unwrap_or_default();
        statements.sort_by_key(|s| (s.span.start, s.span.end));
        for s in statements {
            let (Some(start), Some(end)) = (offsets.at(s.span.start), offsets.at(s.span.end))
            else {
                continue;
            };
            let _ = writeln!(
                x,
                "<PlainTextSelection guid=\"{}\" name=\"{}\" startPosition=\"{start}\" endPosition=\"{end}\" creatingUser=\"{user}\" creationDateTime=\"{created}\">",
                guid("statement", &s.id.to_string()),
                escape(&format!("{}: {}", s.actor, truncate(&s.text, 60)))
            );
            let _ = writeln!(
                x,
                "<Description>{}</Description>",
                escape(&format!(
                    "{} statement, cue “{}”, stance {}; {} {}",
                    kind_label(s.kind),
                    s.cue,
                    stance_label(s.stance),
                    s.outlet,
                    date_label(s.published_at)
                ))
            );
            if actor_keys.contains(s.actor_key.as_str()) {
                coding(
                    &mut x,
                    &guid("coding", &format!("{}/actor", s.id)),
                    &guid("actor", &s.actor_key),
                    &user,
                    &created,
                );
            }
            if let Some(g) = s.group {
                coding(
                    &mut x,
                    &guid("coding", &format!("{}/group", s.id)),
                    &guid("group", &g.to_string()),
                    &user,
                    &created,
                );
            }
            x.push_str("</PlainTextSelection>\n");
        }
        x.push_str("</TextSource>\n");
    }
    if !sources.is_empty() {
        x.push_str("</Sources>\n");
    }
    let _ = writeln!(
        x,
        "<Description>{}</Description>\n</Project>",
        escape(&format!(
            "Exported from Parallax: {} articles, {} statements, {} actors.",
            report.summary.articles, report.summary.statements, report.summary.actors
        ))
    );
    archive.add("project.qde", x.as_bytes())?;
    archive.finish()
}

fn coding(x: &mut String, guid: &str, code: &str, user: &str, created: &str) {
    let _ = writeln!(
        x,
        "<Coding guid=\"{guid}\" creatingUser=\"{user}\" creationDateTime=\"{created}\"><CodeRef targetGUID=\"{code}\"/></Coding>"
    );
}

fn truncate(text: &str, chars: usize) -> String {
    match text.char_indices().nth(chars) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_owned(),
    }
}

/// A GUID (8-4-4-4-12 hex digits) derived from the project, a kind of thing and its id.
fn guid(project: &str, kind: &str, id: &str) -> String {
    let digest = Sha256::digest(format!("parallax\u{0}{project}\u{0}{kind}\u{0}{id}").as_bytes());
    let h = hex::encode(&digest[..16]);
    format!(
        "{}-{}-{}-{}-{}",
        &h[..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// Byte offsets of a text to code-point offsets of its XML-safe form, for offsets asked in
/// increasing order.
struct CharOffsets<'a> {
    text: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharOffsets<'a> {
    fn new(text: &'a str) -> Self {
        CharOffsets {
            text,
            byte: 0,
            chars: 0,
        }
    }

    fn at(&mut self, byte: usize) -> Option<usize> {
        if byte < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        let between = self.text.get(self.byte..byte)?;
        self.chars += xml_safe(between).chars().count();
        self.byte = byte;
        Some(self.chars)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guids_are_stable_and_well_formed() {
        let g = guid("p", "article", "1");
        assert_eq!(g, guid("p", "article", "1"));
        assert_ne!(g, guid("p", "article", "2"));
        let parts: Vec<usize> = g.split('-').map(str::len).collect();
        assert_eq!(parts, [8, 4, 4, 4, 12]);
    }

    #[test]
    fn offsets_count_code_points_of_the_xml_safe_text() {
        let text = "قال\u{1} x";
        let mut o = CharOffsets::new(text);
        assert_eq!(o.at(0), Some(0));
        assert_eq!(o.at("قال".len()), Some(3));
        assert_eq!(
            o.at(text.len()),
            Some(5),
            "the control character is not in the file"
        );
        assert_eq!(o.at(1), None, "inside a character");
    }
}
