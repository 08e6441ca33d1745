//! Content spans: where what was said starts and ends.
//!
//! Forward content runs to the end of the sentence, unless the writer's context resumes
//! after a closed quotation or (in English) after a semicolon; backward content starts after
//! a dateline or a leading conjunction. Spans are trimmed of punctuation and of an outer
//! pair of quotation marks.
//!
//! What it leaves out: where content starts relative to its cue, which the language's
//! candidate rules decide.

use std::ops::Range;

use super::{content_end, Content, Extractor, MIN_CONTENT_WORDS};
use crate::extract::scan::Kind;
use crate::extract::Span;

/// Tokens searched after content starts for the end of a quotation or a semicolon; bounded
/// so that a run-on text dense with cues stays linear, at the cost of running longer content
/// to the sentence's end.
const CONTENT_SCAN_TOKENS: usize = 200;
/// Tokens a semicolon must follow the content's start by to end it; an earlier one belongs
/// to a list the content opens with.
const MIN_TOKENS_BEFORE_SEMICOLON: usize = 2;
/// Tokens from a sentence's start within which a dash may close a dateline ("TOWN, Country
/// (Agency) –"); a later dash is a parenthesis of the content.
const MAX_DATELINE_TOKENS: usize = 12;

impl<'s, 't> Extractor<'s, 't> {
    /// Forward content from `from`, ended early where the writer's context resumes.
    pub(super) fn forward(&self, from: usize, end: usize) -> Content {
        // A quotation closed, a comma, and the writer's context ("“…”, after clashes…"): the
        // content ends with the quotation.
        let end = (from + 1..end.min(from + CONTENT_SCAN_TOKENS))
            .find(|&k| {
                self.kind(k) == Kind::Comma
                    && self.toks()[k].quote == 0
                    && self.kind(k - 1) == Kind::QuoteClose
                    && self.opens_context(k + 1)
            })
            .unwrap_or(end);
        // Reported content ends at a semicolon: what follows is the writer's again.
        let end = if self.arabic {
            end
        } else {
            // Bounded, so that a cue-dense run-on text stays linear.
            (from..end.min(from + CONTENT_SCAN_TOKENS))
                .find(|&k| {
                    let t = &self.toks()[k];
                    t.kind == Kind::Semicolon
                        && t.quote == 0
                        && k > from + MIN_TOKENS_BEFORE_SEMICOLON
                })
                .unwrap_or(end)
        };
        Content::Forward(from..end)
    }

    /// Whether the words at `k` open the writer's context ([`Lexicon::context_openers`]; an
    /// entry of two words matches the two words).
    pub(super) fn opens_context(&self, k: usize) -> bool {
        let Some(w) = self.word(k) else {
            return false;
        };
        if self.lex.in_set(&self.lex.context_openers, w) {
            return true;
        }
        self.word(k + 1).is_some_and(|n| {
            self.lex
                .in_set(&self.lex.context_openers, &format!("{w} {n}"))
        })
    }

    /// Skips a leading conjunction ("But", «و») at the start of backward content.
    pub(super) fn lead(&self, start: usize, end: usize) -> usize {
        let mut s = start;
        // A dateline: "LAKEVILLE, Ruritania (Valley Radio) –", "Oslo, Norway –".
        if let Some(dash) =
            (start..end.min(start + MAX_DATELINE_TOKENS)).find(|&k| self.kind(k) == Kind::Dash)
        {
            let dateline = (start..dash).all(|k| match self.kind(k) {
                Kind::Word => self.toks()[k].cap || self.arabic,
                Kind::Comma | Kind::OpenParen | Kind::CloseParen => true,
                _ => false,
            });
            if dateline && dash > start {
                s = dash + 1;
            }
        }
        while s < end
            && (self.is_word(s, &self.lex.leading_conjunctions)
                || matches!(self.kind(s), Kind::Comma | Kind::Dash | Kind::Other))
        {
            s += 1;
        }
        s
    }

    /// The tokens of the paragraph after the one ending at `end`, if it follows at once.
    pub(super) fn next_paragraph(&self, end: usize) -> Option<Range<usize>> {
        let sentences = &self.scan.sentences;
        let paras = &self.scan.sentence_para;
        let first = sentences.partition_point(|r| r.start < end);
        let para = *paras.get(first)?;
        if first == 0 || paras[first - 1] + 1 != para {
            return None;
        }
        let mut last = first;
        while last + 1 < sentences.len() && paras[last + 1] == para {
            last += 1;
        }
        let r = sentences[first].start..content_end(self.toks(), &sentences[last]);
        (self.words_in(r.clone()) >= MIN_CONTENT_WORDS).then_some(r)
    }

    /// The text inside a quotation, without trailing commas or spaces («“…,” she said»).
    pub(super) fn inner_span(&self, q: usize) -> Span {
        let quote = self.scan.quotes[q];
        let toks = self.toks();
        let start = toks[quote.open].end;
        let inner = &self.scan.text[start..toks[quote.close].start];
        let trimmed = inner.trim_end_matches(|c: char| c == ',' || c == '،' || c.is_whitespace());
        let lead = inner.len() - inner.trim_start().len();
        Span {
            start: start + lead.min(trimmed.len()),
            end: start + trimmed.len(),
        }
    }

    /// The byte span of content tokens, trimmed of punctuation at both ends and of an outer
    /// pair of quotation marks.
    pub(super) fn content_span(&self, r: Range<usize>) -> Option<Span> {
        let toks = self.toks();
        let mut s = r.start;
        let mut e = r.end.min(toks.len());
        while s < e && !matches!(toks[s].kind, Kind::Word | Kind::QuoteOpen | Kind::OpenParen) {
            s += 1;
        }
        while e > s
            && !matches!(
                toks[e - 1].kind,
                Kind::Word | Kind::QuoteClose | Kind::CloseParen
            )
        {
            e -= 1;
        }
        if s >= e {
            return None;
        }
        if toks[s].kind == Kind::QuoteOpen && toks[s].pair as usize == e - 1 {
            s += 1;
            e -= 1;
            if s >= e {
                return None;
            }
            return Some(Span {
                start: toks[s - 1].end,
                end: toks[e].start,
            });
        }
        Some(Span {
            start: toks[s].start,
            end: toks[e - 1].end,
        })
    }
}
