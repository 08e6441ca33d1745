//! Finding statements: reporting cues, their speakers and their content, sentence by sentence.
//!
//! Each sentence is read once. Every cue outside quotation marks (a reporting verb, a
//! participle or an attribution phrase from the lexicon) proposes a candidate: who spoke
//! (a noun phrase before or after the cue, a pronoun, or nobody, for a subject-less verb) and
//! what was said (the quotation next to it, or the clause after a complementiser, or the
//! clause before a trailing "…, X said"). Candidates nested in an earlier one's content
//! without a clause boundary are dropped, and a later candidate ends the earlier one's
//! content. A quotation standing alone right after a statement continues its speaker.
//!
//! Word order is the main difference between the languages: Arabic reports verb-first
//! («وقال التحالف إن…») and marks gender on the verb, English puts the speaker first or after
//! a quote ("…,” the office added"). Both paths share the scanning and content rules.

use std::ops::Range;

use super::lexicon::{Cue, CueForm, Gender, Lexicon, WordSet};
use super::local::Registry;
use super::scan::{Kind, Scan, Tok};
use super::Statement;

mod candidate_ar;
mod candidate_en;
mod content;
mod cues;
mod headlines;
mod resolve;
mod speaker_ar;
mod speaker_en;
mod validity;

#[cfg(test)]
mod tests;

/// Longest speaker noun phrase considered, in words.
const MAX_NP: usize = 16;
/// How many words of adjuncts may sit between a cue and its content.
const MAX_GAP: usize = 12;
/// Paragraphs at the top of an article where a headline may give a "Name: claim"; further
/// down, short paragraphs are subheadings and captions, whose colons rarely name a speaker.
const HEADLINE_PARAS: u32 = 3;
/// A paragraph of fewer words that does not end like a sentence is a headline, byline or
/// navigation; a higher limit takes a body paragraph that lost its full stop for a headline.
const MAX_HEADLINE_WORDS: usize = 25;
/// Content words a headline must share with a body statement to repeat it: one shared word is
/// chance (a name, a place), requiring more misses paraphrased headlines.
const MIN_SHARED_WORDS: usize = 2;
/// Words below which reported content is a fragment (an object, a name) rather than a
/// statement; a higher limit loses short claims ("it will pass").
const MIN_CONTENT_WORDS: usize = 3;
/// Words after a complementiser for the clause to be content ("said that it would"); fewer
/// is a truncated sentence.
const MIN_COMPLEMENT_WORDS: usize = 2;
/// Words a quotation needs to be a statement on its own rather than a quoted term or title.
const MIN_QUOTE_WORDS: usize = 3;
/// Letters a word in capitals needs to be an acronym ("US"); one capital is an initial.
const MIN_ACRONYM_LETTERS: usize = 2;

/// A cue found at a token: what it is, its last token, and the bytes of a preposition glued
/// to the word after it.
type CueHit = (Cue, usize, usize);

#[derive(Debug, Clone, PartialEq)]
enum Who {
    /// A speaker named in the text; `skip` bytes of the first token are a glued preposition.
    Mention(Range<usize>, usize),
    /// A pronoun subject: "he said".
    Pronoun(Gender),
    /// A verb or participle without a subject: «وأضافت», ", adding".
    Implicit(Gender),
}

#[derive(Debug, Clone, PartialEq)]
enum Content {
    /// A whole quotation (index into `Scan::quotes`).
    Quote(usize),
    /// A quotation interrupted by its reporting clause: “…,” she said, “…”.
    Quotes(usize, usize),
    /// Reported content following the cue; its end may be cut by a later candidate.
    Forward(Range<usize>),
    /// Reported content before a trailing attribution: "X will go, she said."
    Backward(Range<usize>),
    /// The part of a quotation (index into `Scan::quotes`) before an attribution inside it:
    /// «قال: "…عليهم وحسب صحيفة المساء فان…"».
    QuotePart(usize, Range<usize>),
}

#[derive(Debug, Clone)]
struct Cand {
    cue: Range<usize>,
    info: Cue,
    who: Who,
    /// The first token of the attribution clause; an earlier forward content ends before it.
    clause_start: usize,
    content: Content,
    /// The verb's grammatical gender, noted on the actor it resolves to.
    gender: Gender,
}

pub(crate) struct Extractor<'s, 't> {
    scan: &'s Scan<'t>,
    lex: &'static Lexicon,
    arabic: bool,
    reg: Registry,
    statements: Vec<(Statement, usize)>,
    /// Folded words written capitalised (not in capitals) somewhere in the article.
    written_names:
        std::cell::OnceCell<std::collections::HashSet<&'s str, super::lexicon::FastHash>>,
    /// Folded words written capitalised after a preposition of place ("in Lakeholm").
    place_names: std::cell::OnceCell<std::collections::HashSet<String, super::lexicon::FastHash>>,
    /// The cues of the sentence being read: (first token, cue at each token).
    cue_cache: std::cell::RefCell<(usize, Vec<Option<CueHit>>)>,
    /// Whether the sentence being read is a headline in title case.
    title_case: std::cell::Cell<bool>,
    /// The author of the last document the article mentioned ("X said in a statement") and
    /// the paragraph: a later bare "the statement" is theirs.
    doc_author: std::cell::Cell<Option<(usize, u32)>>,
    /// The rules fired for the candidate or statement being built (for `--explain`).
    notes: std::cell::RefCell<Vec<&'static str>>,
    /// The rules that built each accepted candidate, by its cue's first token.
    cand_notes: std::cell::RefCell<Vec<(usize, Vec<&'static str>)>>,
    /// The rules behind each statement, by the byte where its content starts.
    traces: Vec<(usize, Vec<&'static str>)>,
}

/// The rules that fired for each statement, in the order of the statements.
pub(crate) type Trace = Vec<Vec<&'static str>>;

impl<'s, 't> Extractor<'s, 't> {
    /// An extractor over one scanned article.
    pub(crate) fn new(scan: &'s Scan<'t>, lex: &'static Lexicon, arabic: bool) -> Self {
        let reg = Registry::new(scan, lex);
        Extractor {
            scan,
            lex,
            arabic,
            reg,
            statements: Vec::new(),
            written_names: std::cell::OnceCell::new(),
            place_names: std::cell::OnceCell::new(),
            cue_cache: Default::default(),
            title_case: Default::default(),
            doc_author: Default::default(),
            notes: Default::default(),
            cand_notes: Default::default(),
            traces: Vec::new(),
        }
    }

    /// Notes that a rule fired, for the trace `--explain` prints.
    fn fired(&self, rule: &'static str) {
        self.notes.borrow_mut().push(rule);
    }

    /// Records a statement with the rules noted since the candidate was accepted.
    fn record(&mut self, statement: Statement, actor: usize, mut rules: Vec<&'static str>) {
        rules.extend(self.notes.borrow_mut().drain(..));
        self.traces.push((statement.span.start, rules));
        self.statements.push((statement, actor));
    }

    /// Reads the article paragraph by paragraph, then its headlines; returns the statements, the
    /// actors and the trace.
    pub(crate) fn run(mut self) -> (Vec<(Statement, usize)>, Registry, Trace) {
        let headline = self.headline_paragraphs();
        let sentences = &self.scan.sentences;
        let paras = &self.scan.sentence_para;
        let mut turn_para = None;
        // Headline claims are read after the body, whose speakers they summarise.
        let mut headlines: Vec<(Cand, u32)> = Vec::new();
        // The first paragraph, when it is a headline without a speaker.
        let mut title: Option<Range<usize>> = None;
        for s in 0..sentences.len() {
            let para = paras[s];
            if turn_para == Some(para) {
                continue;
            }
            if headline.get(para as usize).copied().unwrap_or(false) {
                // "Name: claim" headlines near the top of the article.
                if para < HEADLINE_PARAS && (s == 0 || paras[s - 1] != para) {
                    let mut last = s;
                    while last + 1 < sentences.len() && paras[last + 1] == para {
                        last += 1;
                    }
                    let end = content_end(self.toks(), &sentences[last]);
                    if let Some(c) = self.headline_claim(sentences[s].start, end) {
                        headlines.push((c, para));
                        turn_para = Some(para);
                    } else if para == 0 {
                        title = Some(sentences[s].start..end);
                    }
                }
                continue;
            }
            if para == 0 && s == 0 {
                let mut last = s;
                while last + 1 < sentences.len() && paras[last + 1] == para {
                    last += 1;
                }
                let end = content_end(self.toks(), &sentences[last]);
                if self.words_in(sentences[s].start..end) < MAX_HEADLINE_WORDS {
                    if let Some(c) = self.headline_claim(sentences[s].start, end) {
                        headlines.push((c, para));
                        turn_para = Some(para);
                        continue;
                    }
                    title = Some(sentences[s].start..end);
                }
            }
            if s == 0 || paras[s - 1] != para {
                // The paragraph's last sentence ends the speaker's turn.
                let mut last = s;
                while last + 1 < sentences.len() && paras[last + 1] == para {
                    last += 1;
                }
                if self.speaker_turn(
                    sentences[s].start,
                    content_end(self.toks(), &sentences[last]),
                    para,
                ) {
                    turn_para = Some(para);
                    continue;
                }
            }
            self.sentence(sentences[s].clone(), para);
        }
        let body = self.statements.len();
        self.delegations_speak_through_their_heads();
        for (c, para) in headlines {
            self.attribute_headline(c, para, body);
        }
        if let Some(title) = title {
            let spoken = self.statements[..body]
                .iter()
                .any(|(st, _)| st.span.start < self.toks()[title.end - 1].end);
            if !spoken {
                self.title_quote(title, body);
            }
        }
        // Headlines come first, in text order.
        let n = self.statements.len() - body;
        self.statements.rotate_right(n);
        let by_start: std::collections::HashMap<usize, &Vec<&'static str>> =
            self.traces.iter().map(|(s, r)| (*s, r)).collect();
        let trace = self
            .statements
            .iter()
            .map(|(st, _)| {
                by_start
                    .get(&st.span.start)
                    .map_or_else(Vec::new, |r| (*r).clone())
            })
            .collect();
        (self.statements, self.reg, trace)
    }

    /// The article's tokens.
    fn toks(&self) -> &'s [Tok<'t>] {
        &self.scan.toks
    }

    /// The folded word at token `i`, unless it is inside a quotation or not a word.
    fn word(&self, i: usize) -> Option<&'s str> {
        let t = self.toks().get(i)?;
        (t.kind == Kind::Word && t.quote == 0).then_some(t.norm.as_ref())
    }

    /// Whether token `i` is a word of `set` (allowing a glued article or conjunction).
    fn is_word(&self, i: usize, set: &WordSet) -> bool {
        self.word(i).is_some_and(|w| self.lex.in_set(set, w))
    }

    /// Whether token `i` is a relative pronoun that may open a reporting clause (a word as
    /// written: «التي قالت», "which officials said").
    fn is_relative_pronoun(&self, i: usize) -> bool {
        self.word(i)
            .is_some_and(|w| self.lex.relative_pronouns.contains(w))
    }

    /// The kind of token `i`; past the end, a paragraph break.
    fn kind(&self, i: usize) -> Kind {
        self.toks().get(i).map_or(Kind::Para, |t| t.kind)
    }

    /// The quotation opened at token `open`, if it is an outer one.
    fn quote_of_open(&self, open: usize) -> Option<usize> {
        let t = self.toks().get(open)?;
        if t.kind != Kind::QuoteOpen || t.quote != 0 {
            return None;
        }
        self.scan
            .quotes
            .binary_search_by_key(&open, |q| q.open)
            .ok()
    }

    /// The quotation closed at token `close`, if it is an outer one.
    fn quote_of_close(&self, close: usize) -> Option<usize> {
        let t = self.toks().get(close)?;
        if t.kind != Kind::QuoteClose || t.quote != 0 {
            return None;
        }
        self.quote_of_open(t.pair as usize)
    }

    /// Words inside quotation `q`.
    fn quote_words(&self, q: usize) -> usize {
        self.words_in(self.scan.quotes[q].inner())
    }

    /// Whether an English word is written in capitals ("US", "IT"), which makes it a name
    /// even when its lowercase form is a function word.
    fn is_acronym(&self, i: usize) -> bool {
        let t = &self.toks()[i];
        let text = &self.scan.text[t.start..t.end];
        !self.arabic
            && text.chars().filter(|c| c.is_alphabetic()).count() >= MIN_ACRONYM_LETTERS
            && !text.chars().any(char::is_lowercase)
    }

    /// Finds the candidates of one sentence, arbitrates between them and records their statements.
    fn sentence(&mut self, sent: Range<usize>, para: u32) {
        self.fill_cue_cache(&sent);
        self.cand_notes.borrow_mut().clear();
        self.notes.borrow_mut().clear();
        let mut cands: Vec<Cand> = self.dash_attributions(&sent);
        for c in &cands {
            self.note_cand(c, "quote_signed_with_dash");
        }
        let mut i = sent.start;
        while i < sent.end {
            let Some((info, last, glued)) = self.cue_at(i, sent.end) else {
                if let Some(c) = self.nominal_cand(&sent, i) {
                    self.note_cand(&c, "possessed_opinion_noun");
                    self.accept(&mut cands, c);
                }
                i += 1;
                continue;
            };
            self.notes.borrow_mut().clear();
            let cand = if self.arabic {
                self.arabic_cand(&sent, i, last, info, glued, &cands)
            } else {
                self.english_cand(&sent, i, last, info, &cands)
            };
            if let Some(c) = cand {
                self.note_cand(
                    &c,
                    if self.arabic {
                        "arabic_cue"
                    } else {
                        "english_cue"
                    },
                );
                self.accept(&mut cands, c);
            }
            i = last + 1;
        }
        if self.arabic {
            cands = self.split_embedded_attributions(cands);
        } else if let Some(c) = self.leading_participle(&sent, &cands) {
            self.note_cand(&c, "leading_participle_clause");
            cands.insert(0, c);
        }
        let used_quotes: Vec<usize> = cands
            .iter()
            .flat_map(|c| match &c.content {
                Content::Quote(q) | Content::QuotePart(q, _) => vec![*q],
                Content::Quotes(a, b) => vec![*a, *b],
                Content::Forward(r) | Content::Backward(r) => self.quotes_in(r.clone()),
            })
            .collect();
        let before = self.statements.len();
        for c in cands {
            self.emit(c, para);
        }
        // A quotation opening a sentence with no cue continues the last speaker.
        if self.statements.len() == before {
            self.standalone_quotes(&sent, para, &used_quotes);
        }
    }

    /// Keeps the rules noted while building candidate `c`, headed by the rule that found its
    /// cue.
    fn note_cand(&self, c: &Cand, finder: &'static str) {
        let mut rules = vec![finder];
        rules.extend(self.notes.borrow_mut().drain(..));
        self.cand_notes.borrow_mut().push((c.cue.start, rules));
    }

    /// The outer quotations opening in tokens `r`.
    fn quotes_in(&self, r: Range<usize>) -> Vec<usize> {
        r.filter_map(|i| self.quote_of_open(i)).collect()
    }

    /// Adds a candidate unless it is nested in the previous one's content; cuts the previous
    /// content where the new clause starts.
    fn accept(&self, cands: &mut Vec<Cand>, c: Cand) {
        if let Some(prev) = cands.last_mut() {
            // "…, X said, according to Y" keeps Y's attribution of the whole clause too.
            // "A called for B, sources said": the trailing speaker reports the whole clause,
            // the earlier cue's content ends before it.
            // A participle's clause ("…, telling him that B, X reported") is left whole.
            let closes_prev = prev.info.form == CueForm::Verb
                && matches!(&prev.content, Content::Forward(r) if r.contains(&c.cue.start));
            if matches!(c.content, Content::Backward(_))
                && c.info.form != CueForm::Source
                && !closes_prev
            {
                return;
            }
            let channel = self.unnamed_channel(&c, prev);
            if let Content::Forward(r) = &mut prev.content {
                if r.contains(&c.cue.start) {
                    if !self.clause_boundary(&c) {
                        return;
                    }
                    let mut end = c.clause_start.max(r.start);
                    // «…بإدانة البلدية، التي قالت إنها…»: the relative pronoun opens the new
                    // speaker's clause, not the earlier content.
                    if end > r.start && self.is_relative_pronoun(end - 1) {
                        end -= 1;
                    }
                    // "…, and Y said": the coordinator joins the reports, not the content.
                    if !self.arabic
                        && end > r.start
                        && self.is_word(end - 1, &self.lex.coordinators)
                    {
                        end -= 1;
                    }
                    while end > r.start
                        && !matches!(
                            self.kind(end - 1),
                            Kind::Word | Kind::QuoteClose | Kind::CloseParen
                        )
                    {
                        end -= 1;
                    }
                    r.end = end;
                }
            }
            if c.content == prev.content || channel {
                return;
            }
        }
        cands.push(c);
    }

    /// Whether `c` is an unnamed source passing on to a named outlet what a named speaker of
    /// `prev` said: "X told Y, according to a source who spoke to Valley Radio", "X said that…,
    /// the sources told Valley Radio". The source is only the channel; the statement stays X's.
    /// Without the outlet ("X had told police…, the source added") the source is the
    /// attribution, as PolNeAR annotates it.
    fn unnamed_channel(&self, c: &Cand, prev: &Cand) -> bool {
        let (Content::Backward(r), Who::Mention(np, _), Who::Mention(prev_np, _)) =
            (&c.content, &c.who, &prev.who)
        else {
            return false;
        };
        let lex = self.lex;
        let head = np
            .clone()
            .find(|&i| self.word(i).is_some_and(|w| !lex.determiners.contains(w)));
        let unnamed = head.is_some_and(|i| self.is_word(i, &lex.unnamed));
        let named_prev = prev_np.clone().any(|i| self.toks()[i].cap);
        let toks = self.toks();
        let outlet = (np.end.max(c.cue.end)..toks.len())
            .take_while(|&i| !ends_sentence(self.kind(i)))
            .take(MAX_GAP)
            .any(|i| self.word(i).is_some() && toks[i].cap);
        unnamed
            && named_prev
            && outlet
            && r.contains(&prev.cue.start)
            && prev.info.form != CueForm::Source
    }

    /// Whether a cue inside earlier content starts a clause of its own rather than being part
    /// of what was reported.
    fn clause_boundary(&self, c: &Cand) -> bool {
        let s = c.clause_start;
        if s == 0 {
            return true;
        }
        if matches!(self.kind(s), Kind::Comma | Kind::Semicolon | Kind::Dash) {
            return true;
        }
        let prev = self.kind(s - 1);
        if matches!(
            prev,
            Kind::Comma | Kind::Semicolon | Kind::Dash | Kind::Colon | Kind::QuoteClose
        ) {
            return true;
        }
        // «…في شمال البلاد مضيفة: “…”», "…, adding: “…”": a cue followed by a colon
        // introduces a statement of its own.
        if self.kind(c.cue.end) == Kind::Colon {
            return true;
        }
        // «…، وأكد أن»: a conjunction glued to the verb.
        let glued_conj = self.word(c.cue.start).is_some_and(|w| {
            self.lex.strip_verb_proclitic(w).is_some() && !self.lex.cues.contains_key(w)
        });
        // "…accused X of Y and asserted that…": a coordinated reporting verb.
        if self.is_word(s, &self.lex.coordinators) {
            return true;
        }
        // "X said …, and Y said …": a coordinator before the new subject joins two reports.
        if !self.arabic && self.is_word(s - 1, &self.lex.coordinators) {
            return true;
        }
        let rel = self.is_relative_pronoun(s - 1);
        (self.arabic && glued_conj) || rel
    }

    /// Words in tokens `r`.
    fn words_in(&self, r: Range<usize>) -> usize {
        self.scan.words_in(r)
    }
}

/// Whether a token kind ends a sentence or a paragraph's last clause.
fn ends_sentence(k: Kind) -> bool {
    matches!(
        k,
        Kind::End | Kind::QuoteClose | Kind::Colon | Kind::CloseParen
    )
}

/// The end of a sentence's content: before its final punctuation.
fn content_end(toks: &[Tok<'_>], sent: &Range<usize>) -> usize {
    let mut e = sent.end;
    while e > sent.start
        && matches!(toks[e - 1].kind, Kind::End | Kind::Para)
        && toks[e - 1].quote == 0
    {
        e -= 1;
    }
    e
}
