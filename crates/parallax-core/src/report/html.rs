//! The comparison report as one self-contained HTML file: styles (and, when the caller
//! hands one over, an Arabic font) inlined, no scripts, nothing fetched. A Content Security
//! Policy forbids scripts and remote loads, so that even a mistake in escaping could not run
//! anything; every text from the project is escaped ([`escape`]) all the same.
//!
//! Direction: the report's own words are English (left to right); every statement is a
//! paragraph with its language and `dir="rtl"` or `dir="ltr"`, and names, titles and
//! outlets are `<bdi>` (or `dir="auto"` cells) so that Arabic and mixed text never reorders
//! its neighbours. Printing: A4 pages numbered in the margin, groups kept on one page when
//! they fit, link targets of sources printed.
//!
//! Left out: scripts of any kind (no sorting or filtering in the page); notes and tags
//! have their place in each group once they exist.

use std::fmt::Write as _;
use std::io::{self, Write};

use parallax_nlp::align::DiffOp;
use parallax_nlp::Lang;

use super::{
    actor_kind_label, date_label, is_rtl, kind_label, stance_label, ArticleRef, ClaimGroup, Report,
    ReportActor, ReportStatement,
};

/// Noto Naskh Arabic Regular (SIL Open Font Licence 1.1, `fonts/OFL.txt`), bundled so that
/// every HTML and PDF report shapes Arabic with the same font wherever it is made or read.
pub const BUNDLED_ARABIC_FONT: &[u8] = include_bytes!("../../fonts/NotoNaskhArabic-Regular.ttf");

/// What the caller may add to the page.
#[derive(Debug, Clone, Copy, Default)]
pub struct HtmlOptions<'a> {
    /// A TrueType/OpenType font with Arabic glyphs (usually [`BUNDLED_ARABIC_FONT`]),
    /// embedded so that the file reads the same on a machine without one; none makes a
    /// smaller file that relies on the reader's fonts.
    pub arabic_font: Option<&'a [u8]>,
}

/// Writes the report.
pub fn write(report: &Report, options: &HtmlOptions<'_>, out: &mut dyn Write) -> io::Result<()> {
    let page = render(report, options);
    out.write_all(page.as_bytes())?;
    out.flush()
}

/// The report as a string.
pub fn render(report: &Report, options: &HtmlOptions<'_>) -> String {
    let mut h = String::with_capacity(4096 + report.statements.len() * 900);
    head(&mut h, report, options);
    contents(&mut h, report);
    summary(&mut h, report);
    coverage(&mut h, report);
    actors(&mut h, report);
    unaligned(&mut h, report);
    sources(&mut h, report);
    h.push_str("</main>\n</body>\n</html>\n");
    h
}

/// `&`, `<`, `>`, `"` and `'` as entities: safe in element content and quoted attributes.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    escape_into(&mut out, text);
    out
}

fn escape_into(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

const FONT_STACK: &str = "\"Noto Naskh Arabic\", \"Noto Sans Arabic\", \"Amiri\", \
    \"Scheherazade New\", \"Geeza Pro\", \"Segoe UI\", Tahoma, \"DejaVu Sans\", \
    \"Noto Sans\", Arial, sans-serif";

const STYLE: &str = r#"
:root { color-scheme: light; }
body { font-family: "Noto Sans", "Segoe UI", "DejaVu Sans", Arial, sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1.5rem; color: #1d1d1f; line-height: 1.45; }
[lang="ar"], .ar { font-family: FONT_STACK; font-size: 1.08em; line-height: 1.7; }
h1 { font-size: 1.7rem; margin-bottom: .2rem; }
h2 { border-bottom: 2px solid #444; padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { margin-top: 2rem; }
.muted { color: #555; font-size: .9rem; }
table { border-collapse: collapse; margin: .8rem 0; }
th, td { border: 1px solid #bbb; padding: .25rem .5rem; vertical-align: top; text-align: start; }
th { background: #f1f1f1; }
td.n { text-align: end; font-variant-numeric: tabular-nums; }
td.zero { color: #b00; background: #fff4f4; }
.group { border: 1px solid #ccc; border-radius: 6px; padding: .6rem .9rem; margin: 1rem 0; break-inside: avoid; }
.group h4 { margin: 0 0 .4rem 0; }
.versions { display: grid; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); gap: .6rem; }
.version { border-inline-start: 4px solid #999; padding: .2rem .6rem; background: #fafafa; }
.version.base { border-color: #2a6; }
.version p { margin: .3rem 0; }
.meta { font-size: .85rem; color: #444; }
.stance { display: inline-block; border-radius: 3px; padding: 0 .3rem; background: #e8e8e8; font-size: .8rem; }
.stance-denial, .stance-distancing, .stance-warning { background: #fde2e2; }
.stance-assertive, .stance-announcement { background: #e1f0ff; }
ins { background: #d7f5dd; text-decoration: none; }
del { background: #fbdcdc; color: #8a1f1f; }
.missing { color: #8a1f1f; font-size: .9rem; }
nav.toc ol { padding-inline-start: 1.4rem; }
a { color: #0645ad; }
@page { size: A4; margin: 16mm 14mm 18mm 14mm; @bottom-center { content: counter(page) " / " counter(pages); font-size: 9pt; color: #555; } }
@media print {
  body { margin: 0; max-width: none; padding: 0; font-size: 10.5pt; }
  h2 { break-after: avoid; } h3 { break-after: avoid; }
  .versions { display: block; } .version { margin-bottom: .4rem; }
  #sources a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 8pt; color: #555; word-break: break-all; }
}
"#;

fn head(h: &mut String, report: &Report, options: &HtmlOptions<'_>) {
    let title = format!("Comparison report: {}", report.project);
    h.push_str(
        "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n",
    );
    h.push_str(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; font-src data:; img-src data:\">\n",
    );
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str("<meta name=\"generator\" content=\"Parallax\">\n<title>");
    escape_into(h, &title);
    h.push_str("</title>\n<style>");
    if let Some(font) = options.arabic_font {
        h.push_str(
            "\n@font-face { font-family: \"Noto Naskh Arabic\"; src: url(data:font/ttf;base64,",
        );
        base64_into(h, font);
        h.push_str(") format(\"truetype\"); }");
    }
    h.push_str(&STYLE.replace("FONT_STACK", FONT_STACK));
    h.push_str("</style>\n</head>\n<body>\n<main>\n<header>\n<h1>Comparison report: <bdi>");
    escape_into(h, &report.project);
    h.push_str("</bdi></h1>\n<p class=\"muted\">");
    let _ = write!(
        h,
        "Made by Parallax on {} (UTC). Selection: ",
        report.generated_at.format("%Y-%m-%d %H:%M")
    );
    selection_line(h, report);
    h.push_str("</p>\n</header>\n");
}

fn selection_line(h: &mut String, report: &Report) {
    let s = &report.selection;
    if s.is_everything() {
        h.push_str("the whole project.");
        return;
    }
    let mut parts = Vec::new();
    if !s.actors.is_empty() {
        parts.push(format!("actors {}", bdi_list(&s.actors)));
    }
    if !s.outlets.is_empty() {
        parts.push(format!("outlets {}", bdi_list(&s.outlets)));
    }
    if s.from.is_some() || s.to.is_some() {
        parts.push(format!(
            "published {} to {}",
            s.from.map_or("the start".to_owned(), |d| d.to_string()),
            s.to.map_or("the end".to_owned(), |d| d.to_string())
        ));
    }
    h.push_str(&parts.join("; "));
    h.push('.');
}

fn bdi_list(names: &[String]) -> String {
    names
        .iter()
        .map(|n| format!("<bdi>{}</bdi>", escape(n)))
        .collect::<Vec<_>>()
        .join(", ")
}

fn contents(h: &mut String, report: &Report) {
    h.push_str("<nav class=\"toc\">\n<h2>Contents</h2>\n<ol>\n<li><a href=\"#summary\">Summary</a></li>\n<li><a href=\"#coverage\">Coverage: actors × outlets</a></li>\n<li><a href=\"#actors\">Claims by actor</a>\n<ol>\n");
    for (i, a) in report.actors.iter().enumerate() {
        let _ = write!(h, "<li><a href=\"#actor-{i}\"><bdi>");
        escape_into(h, &a.name);
        let _ = writeln!(h, "</bdi></a> ({} claims)</li>", a.groups.len());
    }
    h.push_str("</ol></li>\n");
    if report.statements.iter().any(|s| s.group.is_none()) {
        h.push_str("<li><a href=\"#unaligned\">Statements not aligned</a></li>\n");
    }
    h.push_str("<li><a href=\"#sources\">Sources</a></li>\n</ol>\n</nav>\n");
}

fn summary(h: &mut String, report: &Report) {
    let s = &report.summary;
    h.push_str("<section id=\"summary\">\n<h2>Summary</h2>\n<p>");
    // numbers and dates only: nothing to escape
    h.push_str(&s.sentence());
    h.push_str(". Languages: ");
    let langs: Vec<String> = s
        .languages
        .iter()
        .map(|(l, n)| format!("{} {n}", escape(l)))
        .collect();
    h.push_str(&langs.join(", "));
    h.push_str(".</p>\n<table>\n<thead><tr><th>Outlet</th><th>Articles</th><th>Statements</th></tr></thead>\n<tbody>\n");
    for o in &s.outlets {
        h.push_str("<tr><td dir=\"auto\">");
        escape_into(h, &o.outlet);
        let _ = writeln!(
            h,
            "</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            o.articles, o.statements
        );
    }
    h.push_str("</tbody>\n</table>\n");
    h.push_str("<table>\n<thead><tr><th>Actor</th><th>Kind</th><th>Also called</th><th>Statements</th><th>Outlets</th></tr></thead>\n<tbody>\n");
    for (i, a) in report.actors.iter().enumerate() {
        let _ = write!(h, "<tr><td dir=\"auto\"><a href=\"#actor-{i}\"><bdi>");
        escape_into(h, &a.name);
        let _ = write!(
            h,
            "</bdi></a></td><td>{}</td><td>",
            actor_kind_label(a.kind)
        );
        h.push_str(&bdi_list(&a.aliases));
        let _ = writeln!(
            h,
            "</td><td class=\"n\">{}</td><td class=\"n\">{}</td></tr>",
            a.statements,
            a.outlets.len()
        );
    }
    h.push_str("</tbody>\n</table>\n</section>\n");
}

fn coverage(h: &mut String, report: &Report) {
    let c = &report.coverage;
    h.push_str("<section id=\"coverage\">\n<h2>Coverage: actors × outlets</h2>\n<p class=\"muted\">Statements of each actor in each outlet; an empty red cell is an outlet that quotes nothing of that actor.</p>\n<table>\n<thead><tr><th>Actor</th>");
    for o in &c.outlets {
        h.push_str("<th dir=\"auto\">");
        escape_into(h, o);
        h.push_str("</th>");
    }
    h.push_str("</tr></thead>\n<tbody>\n");
    for row in &c.rows {
        h.push_str("<tr><th dir=\"auto\">");
        escape_into(h, &row.actor);
        h.push_str("</th>");
        for &n in &row.counts {
            if n == 0 {
                h.push_str("<td class=\"n zero\"></td>");
            } else {
                let _ = write!(h, "<td class=\"n\">{n}</td>");
            }
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</tbody>\n</table>\n</section>\n");
}

fn actors(h: &mut String, report: &Report) {
    let articles = report.article_index();
    let statements = report.statement_index();
    h.push_str("<section id=\"actors\">\n<h2>Claims by actor</h2>\n<p class=\"muted\">Each box is one claim as the outlets reported it. The green-edged version is the one the others are compared with: <ins>words it lacks</ins> are added by that outlet, <del>words it has</del> are left out.</p>\n");
    for (i, a) in report.actors.iter().enumerate() {
        actor(h, i, a, &articles, &statements);
    }
    h.push_str("</section>\n");
}

type ArticleIndex<'a> = std::collections::HashMap<crate::model::ArticleId, &'a ArticleRef>;
type StatementIndex<'a> = std::collections::HashMap<i64, &'a ReportStatement>;

fn actor(
    h: &mut String,
    i: usize,
    a: &ReportActor,
    articles: &ArticleIndex<'_>,
    statements: &StatementIndex<'_>,
) {
    let _ = write!(h, "<article id=\"actor-{i}\">\n<h3><bdi>");
    escape_into(h, &a.name);
    let _ = write!(
        h,
        "</bdi></h3>\n<p class=\"muted\">{}; {} statements in {} outlets",
        actor_kind_label(a.kind),
        a.statements,
        a.outlets.len()
    );
    if !a.aliases.is_empty() {
        h.push_str("; also called ");
        h.push_str(&bdi_list(&a.aliases));
    }
    h.push_str(".</p>\n");
    for g in &a.groups {
        group(h, g, articles, statements);
    }
    h.push_str("</article>\n");
}

fn group(
    h: &mut String,
    g: &ClaimGroup,
    articles: &ArticleIndex<'_>,
    statements: &StatementIndex<'_>,
) {
    let _ = write!(
        h,
        "<div class=\"group\" id=\"group-{}\">\n<h4>Claim {}: <bdi>",
        g.id, g.id
    );
    escape_into(h, &g.claim);
    let outlets: std::collections::BTreeSet<&str> = g
        .statements
        .iter()
        .filter_map(|id| statements.get(id))
        .map(|s| s.outlet.as_str())
        .collect();
    let _ = writeln!(
        h,
        "</bdi></h4>\n<p class=\"meta\">{} versions in {} outlets.",
        g.statements.len(),
        outlets.len()
    );
    if !g.related.is_empty() {
        h.push_str(" Similar claim on another occasion: ");
        let links: Vec<String> = g
            .related
            .iter()
            .map(|r| format!("<a href=\"#group-{r}\">claim {r}</a>"))
            .collect();
        h.push_str(&links.join(", "));
        h.push('.');
    }
    h.push_str("</p>\n");
    if !g.missing_from.is_empty() {
        h.push_str("<p class=\"missing\">Not reported by: ");
        h.push_str(&bdi_list(&g.missing_from));
        h.push_str(" (they quote this actor elsewhere).</p>\n");
    }
    h.push_str("<div class=\"versions\">\n");
    for id in &g.statements {
        if let Some(s) = statements.get(id) {
            version(h, s, *id == g.base, articles);
        }
    }
    h.push_str("</div>\n</div>\n");
}

fn version(h: &mut String, s: &ReportStatement, is_base: bool, articles: &ArticleIndex<'_>) {
    let _ = write!(
        h,
        "<div class=\"version{}\" id=\"statement-{}\">\n<div class=\"meta\"><b><bdi>",
        if is_base { " base" } else { "" },
        s.id
    );
    escape_into(h, &s.outlet);
    h.push_str("</bdi></b>");
    if let Some(d) = s.published_at {
        let _ = write!(h, " · {d}");
    }
    let stance = stance_label(s.stance);
    let _ = write!(
        h,
        " · <span class=\"stance stance-{stance}\">{stance}</span> · {} · cue <bdi>",
        kind_label(s.kind)
    );
    escape_into(h, &s.cue);
    h.push_str("</bdi>");
    if is_base {
        h.push_str(" · compared with");
    }
    h.push_str("</div>\n");
    statement_text(h, s);
    article_line(h, s, articles);
    h.push_str("</div>\n");
}

/// The statement's words with its differences marked, in a paragraph of its direction.
fn statement_text(h: &mut String, s: &ReportStatement) {
    let rtl = s.lang == Lang::Ar || is_rtl(&s.text);
    let _ = write!(
        h,
        "<p lang=\"{}\" dir=\"{}\">",
        s.lang.code(),
        if rtl { "rtl" } else { "ltr" }
    );
    if s.diff.is_empty() {
        escape_into(h, &s.text);
    } else {
        for (i, op) in s.diff.iter().enumerate() {
            if i > 0 {
                h.push(' ');
            }
            match op {
                DiffOp::Equal(t) => escape_into(h, t),
                DiffOp::Added(t) => {
                    h.push_str("<ins>");
                    escape_into(h, t);
                    h.push_str("</ins>");
                }
                DiffOp::Removed(t) => {
                    h.push_str("<del>");
                    escape_into(h, t);
                    h.push_str("</del>");
                }
            }
        }
    }
    h.push_str("</p>\n");
}

fn article_line(h: &mut String, s: &ReportStatement, articles: &ArticleIndex<'_>) {
    h.push_str("<div class=\"meta\">");
    if s.speaker != s.actor && !s.speaker.is_empty() {
        h.push_str("Speaker: <bdi>");
        escape_into(h, &s.speaker);
        h.push_str("</bdi>. ");
    }
    let _ = write!(h, "In <a href=\"#article-{}\"><bdi>", s.article);
    match articles.get(&s.article) {
        Some(a) => escape_into(h, &a.title),
        None => {
            let _ = write!(h, "article {}", s.article);
        }
    }
    h.push_str("</bdi></a></div>\n");
}

fn unaligned(h: &mut String, report: &Report) {
    let rest: Vec<&ReportStatement> = report
        .statements
        .iter()
        .filter(|s| s.group.is_none())
        .collect();
    if rest.is_empty() {
        return;
    }
    let articles = report.article_index();
    h.push_str("<section id=\"unaligned\">\n<h2>Statements not aligned</h2>\n<p class=\"muted\">Statements whose speaker the actor registry does not resolve.</p>\n");
    for s in rest {
        let _ = write!(
            h,
            "<div class=\"version\" id=\"statement-{}\">\n<div class=\"meta\"><b><bdi>",
            s.id
        );
        escape_into(h, &s.actor);
        h.push_str("</bdi></b> · <bdi>");
        escape_into(h, &s.outlet);
        h.push_str("</bdi></div>\n");
        statement_text(h, s);
        article_line(h, s, &articles);
        h.push_str("</div>\n");
    }
    h.push_str("</section>\n");
}

fn sources(h: &mut String, report: &Report) {
    h.push_str("<section id=\"sources\">\n<h2>Sources</h2>\n<table>\n<thead><tr><th>#</th><th>Outlet</th><th>Date</th><th>Title</th><th>Language</th></tr></thead>\n<tbody>\n");
    for a in &report.articles {
        let _ = write!(
            h,
            "<tr id=\"article-{}\"><td class=\"n\">{}</td><td dir=\"auto\">",
            a.id, a.id
        );
        escape_into(h, &a.outlet);
        let _ = write!(
            h,
            "</td><td>{}</td><td dir=\"auto\"{}>",
            date_label(a.published_at),
            if a.lang == Lang::Ar {
                " lang=\"ar\""
            } else {
                ""
            }
        );
        match a.url.as_deref().filter(|u| is_web_url(u)) {
            Some(url) => {
                h.push_str("<a rel=\"noopener noreferrer nofollow\" href=\"");
                escape_into(h, url);
                h.push_str("\">");
                escape_into(h, &a.title);
                h.push_str("</a>");
            }
            None => escape_into(h, &a.title),
        }
        let _ = writeln!(h, "</td><td>{}</td></tr>", a.lang.code());
    }
    h.push_str("</tbody>\n</table>\n</section>\n");
}

/// Only `http:` and `https:` addresses become links (never `javascript:` or `data:`).
fn is_web_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://"))
        && !url.contains(char::is_whitespace)
}

/// Standard base64 (RFC 4648, padded), for the embedded font.
fn base64_into(out: &mut String, bytes: &[u8]) {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    out.reserve(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for k in 0..4 {
            if k <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * k)) as usize & 63] as char);
            } else {
                out.push('=');
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_matches_rfc_4648_examples() {
        for (input, expect) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foobar", "Zm9vYmFy"),
        ] {
            let mut out = String::new();
            base64_into(&mut out, input.as_bytes());
            assert_eq!(out, expect, "{input:?}");
        }
    }

    #[test]
    fn only_web_addresses_become_links() {
        assert!(is_web_url("https://example.org/a?b=1"));
        assert!(!is_web_url("javascript:alert(1)"));
        assert!(!is_web_url("data:text/html,<script>"));
        assert!(!is_web_url("https://x.org/\" onmouseover=\"x"));
    }
}
