//! The comparison report as Markdown (CommonMark with GitHub's tables).
//!
//! Text from the project is escaped twice over: HTML's `<`, `>` and `&` become entities
//! (Markdown passes raw HTML through, so `<script>` in an article would otherwise reach a
//! renderer), and Markdown's own punctuation is backslash-escaped so that an article cannot
//! make links, emphasis or table cells. Each statement is a paragraph of its own, which
//! renderers that guess direction per paragraph (GitHub, most editors) show right to left
//! when it is Arabic. Added words are **bold**, left-out words ~~struck through~~.

use std::fmt::Write as _;
use std::io::{self, Write};

use parallax_nlp::align::DiffOp;

use super::{actor_kind_label, date_label, kind_label, stance_label, Report};

/// Writes the report.
pub fn write(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    out.write_all(render(report).as_bytes())?;
    out.flush()
}

/// Text safe in Markdown: HTML-significant characters as entities, Markdown punctuation
/// backslash-escaped, line breaks as spaces (a cell or a heading is one line).
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '.'
            | '!' | '|' | '~' | '"' | '=' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// The report as a string.
pub fn render(report: &Report) -> String {
    let mut m = String::with_capacity(2048 + report.statements.len() * 500);
    let articles = report.article_index();
    let statements = report.statement_index();
    let s = &report.summary;
    let _ = writeln!(m, "# Comparison report: {}\n", escape(&report.project));
    let _ = writeln!(
        m,
        "Made by Parallax on {} (UTC).\n",
        report.generated_at.format("%Y-%m-%d %H:%M")
    );
    m.push_str("## Summary\n\n");
    m.push_str(&s.sentence());
    m.push_str(".\n\n| Outlet | Articles | Statements |\n| --- | ---: | ---: |\n");
    for o in &s.outlets {
        let _ = writeln!(
            m,
            "| {} | {} | {} |",
            escape(&o.outlet),
            o.articles,
            o.statements
        );
    }
    m.push_str("\n## Coverage: actors × outlets\n\n| Actor |");
    for o in &report.coverage.outlets {
        let _ = write!(m, " {} |", escape(o));
    }
    m.push_str("\n| --- |");
    for _ in &report.coverage.outlets {
        m.push_str(" ---: |");
    }
    m.push('\n');
    for row in &report.coverage.rows {
        let _ = write!(m, "| {} |", escape(&row.actor));
        for n in &row.counts {
            let _ = write!(m, " {n} |");
        }
        m.push('\n');
    }
    m.push_str("\n## Claims by actor\n");
    for a in &report.actors {
        let _ = writeln!(m, "\n### {}\n", escape(&a.name));
        let _ = write!(
            m,
            "{}; {} statements in {} outlets",
            actor_kind_label(a.kind),
            a.statements,
            a.outlets.len()
        );
        if !a.aliases.is_empty() {
            let aliases: Vec<String> = a.aliases.iter().map(|x| escape(x)).collect();
            let _ = write!(m, "; also called {}", aliases.join(", "));
        }
        m.push_str(".\n");
        for g in &a.groups {
            let _ = writeln!(m, "\n#### Claim {}: {}\n", g.id, escape(&g.claim));
            if !g.missing_from.is_empty() {
                let missing: Vec<String> = g.missing_from.iter().map(|x| escape(x)).collect();
                let _ = writeln!(m, "Not reported by: {}.\n", missing.join(", "));
            }
            for id in &g.statements {
                let Some(st) = statements.get(id) else {
                    continue;
                };
                let _ = write!(
                    m,
                    "- **{}**{} · {} · {}{}",
                    escape(&st.outlet),
                    st.published_at
                        .map(|d| format!(" · {d}"))
                        .unwrap_or_default(),
                    stance_label(st.stance),
                    kind_label(st.kind),
                    if *id == g.base {
                        " · compared with"
                    } else {
                        ""
                    }
                );
                match articles.get(&st.article) {
                    Some(art) => {
                        let _ =
                            writeln!(m, " · in “{}” (article {})\n", escape(&art.title), art.id);
                    }
                    None => m.push_str("\n\n"),
                }
                m.push_str("  ");
                if st.diff.is_empty() {
                    m.push_str(&escape(&st.text));
                } else {
                    let words: Vec<String> = st
                        .diff
                        .iter()
                        .map(|op| match op {
                            DiffOp::Equal(t) => escape(t),
                            DiffOp::Added(t) => format!("**{}**", escape(t)),
                            DiffOp::Removed(t) => format!("~~{}~~", escape(t)),
                        })
                        .collect();
                    m.push_str(&words.join(" "));
                }
                m.push_str("\n\n");
            }
        }
    }
    m.push_str(
        "\n## Sources\n\n| # | Outlet | Date | Title | URL |\n| ---: | --- | --- | --- | --- |\n",
    );
    for a in &report.articles {
        let _ = writeln!(
            m,
            "| {} | {} | {} | {} | {} |",
            a.id,
            escape(&a.outlet),
            date_label(a.published_at),
            escape(&a.title),
            a.url.as_deref().map(escape).unwrap_or_default()
        );
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_markdown_punctuation_are_escaped() {
        assert_eq!(
            escape("<script>[x](javascript:y) | *a*"),
            "&lt;script&gt;\\[x\\]\\(javascript:y\\) \\| \\*a\\*"
        );
    }
}
