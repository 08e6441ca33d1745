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
use super::local::{parse_mention, Registry};
use super::scan::{Kind, Scan, Tok};
use super::{Span, Stance, Statement, StatementKind};

mod validity;
use validity::Validity;

/// Longest speaker noun phrase considered, in words.
const MAX_NP: usize = 16;
/// How many words of adjuncts may sit between a cue and its content.
const MAX_GAP: usize = 12;

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
    pub(crate) fn new(scan: &'s Scan<'t>, lex: &'static Lexicon, arabic: bool) -> Self {
        let reg = Registry::new(scan, lex);
        Extractor {
            scan,
            lex,
            arabic,
            reg,
            statements: Vec::new(),
            written_names: std::cell::OnceCell::new(),
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
                if para < 3 && (s == 0 || paras[s - 1] != para) {
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
                if self.words_in(sentences[s].start..end) < 25 {
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
            let before = self.statements.len();
            let main = self.reg.main_speaker();
            self.cand_notes.borrow_mut().clear();
            self.note_cand(&c, "headline_claim");
            self.emit(c, para);
            let Some((st, a)) = self.statements.get(before..).and_then(|n| n.first()) else {
                continue;
            };
            let a = *a;
            // The same headline printed twice is one statement.
            let repeated = self.statements[body..before]
                .iter()
                .any(|(o, _)| o.text == st.text);
            if repeated {
                self.statements.truncate(before);
                continue;
            }
            // A headline crediting an organisation ("We warned…, NWRB") whose claim
            // the body gives to one of its officials (the body's "…, Lena Moss, Chair
            // of the Northern Water Rights Board (NWRB), said") is that
            // official's.
            let officials = self.reg.officials_of(a);
            if !officials.is_empty() {
                let span = st.span;
                let words = |sp: Span| -> Vec<&str> {
                    let from = self.toks().partition_point(|t| t.start < sp.start);
                    let to = self.toks().partition_point(|t| t.start < sp.end);
                    (from..to).filter_map(|k| self.content_word(k)).collect()
                };
                let claim = words(span);
                let mut by: Vec<usize> = self.statements[..body]
                    .iter()
                    .filter(|(_, o)| officials.contains(&self.reg.root(*o)))
                    .filter(|(b, _)| {
                        let body_words = words(b.span);
                        let mut shared: Vec<&str> = claim
                            .iter()
                            .copied()
                            .filter(|w| body_words.contains(w))
                            .collect();
                        shared.dedup();
                        shared.len() >= 2
                    })
                    .map(|(_, o)| self.reg.root(*o))
                    .collect();
                by.sort_unstable();
                by.dedup();
                if let [official] = by.as_slice() {
                    self.statements[before].1 = *official;
                    continue;
                }
            }
            // A description met nowhere in the body ("Top US religious panel: …") stands for
            // the article's main speaker.
            if let Some(main) = main {
                if self.reg.only_mentioned_once(a) && !self.reg.is_named(a) {
                    self.reg.merge_into(a, main);
                }
            }
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

    /// A headline quoting someone without naming them: a quotation in it ("Farmers ‘not
    /// at risk of losing the river’"), or the whole headline in the first person
    /// ("Our allies will not forget us", «نخشى أن يتركنا الحلفاء…»). It is the
    /// speaker's whose body statement it repeats (sharing at least two content words with it);
    /// a quotation repeating none is the main speaker's.
    fn title_quote(&mut self, title: Range<usize>, body: usize) {
        let lex = self.lex;
        let toks = self.toks();
        let quote = self
            .quotes_in(title.clone())
            .into_iter()
            .find(|&q| self.quote_words(q) >= 3);
        let (content, kind) = match quote {
            Some(q) => (self.scan.quotes[q].inner(), StatementKind::Direct),
            None => {
                let first_person = title
                    .clone()
                    .any(|k| self.is_word(k, &lex.first_person) && !self.is_acronym(k));
                if !first_person || self.words_in(title.clone()) < 3 {
                    return;
                }
                // An article written in the first person (an opinion piece: "Mr. Mayor, I
                // have a plan for you.") owns its headline; first persons inside quotations
                // are the speakers', not the writer's.
                let mut quoted = vec![false; toks.len()];
                for q in &self.scan.quotes {
                    for k in q.inner() {
                        quoted[k] = true;
                    }
                }
                let narrated = (title.end..toks.len())
                    .filter(|&k| {
                        self.is_word(k, &lex.first_person) && !self.is_acronym(k) && !quoted[k]
                    })
                    .take(3)
                    .count();
                if narrated >= 3 {
                    return;
                }
                (title, StatementKind::Indirect)
            }
        };
        let content_word = |k: usize| self.content_word(k);
        let words: std::collections::HashSet<&str, super::lexicon::FastHash> =
            content.clone().filter_map(content_word).collect();
        let mut best: Option<(usize, usize)> = None;
        for (st, actor) in &self.statements[..body] {
            let from = toks.partition_point(|t| t.start < st.span.start);
            let to = toks.partition_point(|t| t.start < st.span.end);
            let mut seen: Vec<&str> = Vec::new();
            for w in (from..to).filter_map(content_word) {
                if words.contains(w) && !seen.contains(&w) {
                    seen.push(w);
                }
            }
            if seen.len() >= 2 && best.is_none_or(|(_, n)| seen.len() > n) {
                best = Some((*actor, seen.len()));
            }
        }
        let actor = match (best, kind) {
            (Some((a, _)), _) => a,
            (None, StatementKind::Direct) => match self.reg.main_speaker() {
                Some(a) => a,
                None => return,
            },
            (None, _) => return,
        };
        let Some(span) = self.content_span(content) else {
            return;
        };
        let statement = Statement {
            actor: self.reg.root(actor),
            speaker: String::new(),
            speaker_span: None,
            kind,
            cue: String::new(),
            stance: Stance::Neutral,
            text: self.scan.text[span.start..span.end].to_string(),
            span,
        };
        self.record(statement, actor, vec!["headline_quotes_body_speaker"]);
    }

    /// A delegation speaks through the person leading it: «أبدى وفد الهيئة الوطنية لحقوق
    /// المياه…» is the article's main speaker's when the article names that person with the
    /// organisation («…لنائبة رئيس الهيئة الوطنية لحقوق المياه سلمى قاسم»).
    fn delegations_speak_through_their_heads(&mut self) {
        let Some(main) = self.reg.main_speaker() else {
            return;
        };
        let lex = self.lex;
        let toks = self.toks();
        let key = |k: usize| super::local::key_word(&toks[k].norm);
        // Each check reads the whole text: a few per article keep the pass linear.
        let mut checks = 0;
        for n in 0..self.statements.len() {
            let (st, a) = &self.statements[n];
            let a = *a;
            let Some(sp) = st.speaker_span else { continue };
            if self.reg.is_named(a) || !self.reg.only_mentioned_once(a) {
                continue;
            }
            let from = toks.partition_point(|t| t.start < sp.start);
            let to = toks.partition_point(|t| t.start < sp.end);
            let mention: Vec<usize> = (from..to)
                .filter(|&k| {
                    toks[k].kind == Kind::Word && !lex.determiners.contains(&*toks[k].norm)
                })
                .collect();
            let Some(d) = mention
                .iter()
                .position(|&k| lex.delegations.contains(key(k).as_str()))
            else {
                continue;
            };
            // The organisation's first words: after the delegation word («وفد الهيئة
            // الوطنية», "delegation of the commission"), or before it ("the NWRB
            // delegation").
            let after: Vec<usize> = mention[d + 1..]
                .iter()
                .copied()
                .filter(|&k| !lex.np_prepositions.contains(&*toks[k].norm))
                .take(2)
                .collect();
            let org = if after.is_empty() {
                mention[d.saturating_sub(2)..d].to_vec()
            } else {
                after
            };
            if org.is_empty() || checks == 4 {
                continue;
            }
            checks += 1;
            let org: Vec<String> = org.iter().map(|&k| key(k)).collect();
            let names_head = (0..toks.len().saturating_sub(org.len())).any(|p| {
                !(from..to).contains(&p)
                    && org.iter().enumerate().all(|(j, w)| key(p + j) == *w)
                    && (p + org.len()..toks.len().min(p + org.len() + 12))
                        .any(|k| toks[k].kind == Kind::Word && self.reg.person_named(main, &key(k)))
            });
            if names_head {
                self.reg.merge_into(a, main);
            }
        }
    }

    /// A transcript turn: a paragraph opening with a speaker's name in capitals and a colon
    /// ("HALLOWAY: Well, look…"). The name must also be written elsewhere in the article, which
    /// keeps labels such as "UPDATE:" out.
    fn speaker_turn(&mut self, mut start: usize, end: usize, para: u32) -> bool {
        let toks = self.toks();
        // A turn may be quoted as a whole: "\"HALLOWAY: Well, look…".
        let quoted = matches!(self.kind(start), Kind::QuoteOpen | Kind::Other) && start + 1 < end;
        if quoted {
            start += 1;
        }
        let mut i = start;
        while i < end && i < start + 3 && self.kind(i) == Kind::Word {
            let text = &self.scan.text[toks[i].start..toks[i].end];
            let letters = text.chars().filter(|c| c.is_alphabetic()).count();
            if letters < 2 || text.chars().any(char::is_lowercase) || !text.is_ascii() {
                return false;
            }
            i += 1;
        }
        if i == start || self.kind(i) != Kind::Colon || self.words_in(i + 1..end) < 4 {
            return false;
        }
        let names = self.written_names.get_or_init(|| {
            let text = self.scan.text;
            toks.iter()
                .filter(|t| t.cap && text[t.start..t.end].chars().any(char::is_lowercase))
                .map(|t| t.norm.as_ref())
                .collect()
        });
        let named_elsewhere = (start..i).all(|k| names.contains(toks[k].norm.as_ref()));
        // In a transcript quoted turn by turn, a label that opens several turns is a speaker.
        let label = &self.scan.text[toks[start].start..toks[i].end];
        let repeated_turn = quoted && self.scan.text.matches(label).nth(1).is_some();
        if !(named_elsewhere || repeated_turn) {
            return false;
        }
        let cue = Cue::neutral_verb();
        let cand = Cand {
            cue: i..i + 1,
            info: cue,
            who: Who::Mention(start..i, 0),
            clause_start: start,
            content: Content::Forward(i + 1..end),
            gender: Gender::Unknown,
        };
        self.cand_notes.borrow_mut().clear();
        self.note_cand(&cand, "speaker_turn");
        self.emit(cand, para);
        true
    }

    /// A headline giving a speaker's claim: "Lena Moss: Farmers Worried About…", «سلمى
    /// قاسم: الحكومة طالبت…», "Danish General Halloway meets with Tomas Brenner: support to NLF
    /// will continue" (the event's subject speaks), "We warned…, NWRB".
    fn headline_claim(&self, start: usize, end: usize) -> Option<Cand> {
        let colon = (start..end.min(start + 12))
            .take_while(|&k| matches!(self.kind(k), Kind::Word | Kind::Colon))
            .find(|&k| self.kind(k) == Kind::Colon);
        let (who, content, cue) = match colon {
            Some(i) if self.words_in(i + 1..end) >= 4 => (
                self.headline_speaker(start, i)?,
                Content::Forward(i + 1..end),
                i,
            ),
            _ => {
                // "claim, Speaker": a short name after the headline's last comma.
                let c = (start..end).rev().find(|&k| self.kind(k) == Kind::Comma)?;
                let n = self.words_in(c + 1..end);
                if !(1..=4).contains(&n)
                    || self.words_in(start..c) < 4
                    || (c + 1..end).any(|k| self.kind(k) != Kind::Word)
                {
                    return None;
                }
                let who = self.headline_speaker(c + 1, end)?;
                if who != (c + 1..end) {
                    return None;
                }
                (who, Content::Backward(start..c), c)
            }
        };
        let info = Cue::neutral_verb();
        Some(Cand {
            cue: cue..cue + 1,
            info,
            who: Who::Mention(who, 0),
            clause_start: start,
            content,
            gender: Gender::Unknown,
        })
    }

    /// The speaker of a headline in tokens `start..end` (before its colon, or after its last
    /// comma): a name written again in the article outside the headline, a source noun from
    /// the lexicon ("Poll"), or a description with a role or organisation word; in English,
    /// the capitalised subject of an event ("X meets with Y").
    fn headline_speaker(&self, start: usize, end: usize) -> Option<Range<usize>> {
        let toks = self.toks();
        let lex = self.lex;
        let role_word = |k: usize| {
            self.word(k).is_some_and(|w| {
                let b = lex.bare(w);
                lex.in_set(&lex.roles, w)
                    || lex.titles.contains_key(w)
                    || lex.heads.contains_key(w)
                    || lex.heads.contains_key(b)
            })
        };
        // Written again outside the headline (a repeated headline does not count).
        let elsewhere = |k: usize, cap: bool| {
            toks.iter()
                .enumerate()
                .any(|(n, t)| (n < start || n >= end) && (t.cap || !cap) && t.norm == toks[k].norm)
        };
        if lex.capitalised_names {
            let mut i = start;
            while i < end && i < start + 4 && self.kind(i) == Kind::Word && toks[i].cap {
                i += 1;
            }
            if i == start {
                return None;
            }
            let source_noun = i == start + 1 && lex.heads.contains_key(toks[start].norm.as_ref());
            let named_elsewhere = (start..i).all(|k| {
                let w = toks[k].norm.as_ref();
                (!lex.speaker_stops.contains(w) || self.is_acronym(k))
                    && !lex.time_words.contains(w)
                    && !lex.determiners.contains(w)
                    && !lex.indefinites.contains(w)
                    && (role_word(k) || elsewhere(k, true))
            }) && (start..i).any(|k| !role_word(k));
            if !(named_elsewhere || source_noun) {
                return None;
            }
            // "Danish General Halloway meets with Tomas Brenner": the subject of the event.
            let event = i < end
                && self.word(i).is_some_and(|w| {
                    !lex.np_prepositions.contains(w) && !lex.determiners.contains(w)
                });
            return (i == end || event).then_some(start..i);
        }
        // Arabic: «أعلى هيئة زراعية كندية من المدينة» speaks without the place it spoke from.
        let mut stop = end;
        if let Some(k) = (start + 1..end)
            .rev()
            .take(3)
            .find(|&k| matches!(self.word(k), Some("من" | "في")))
        {
            stop = k;
        }
        let n = self.words_in(start..stop);
        if !(1..=8).contains(&n)
            || (start..stop).any(|k| {
                self.kind(k) != Kind::Word
                    || self.cue_at(k, stop).is_some()
                    || self.is_word(k, &lex.complementizers)
                    || lex.pronouns.contains_key(toks[k].norm.as_ref())
            })
        {
            return None;
        }
        let described = (start..stop).any(role_word);
        let named = n >= 2 && (start..stop).all(|k| elsewhere(k, false));
        (described || named).then_some(start..stop)
    }

    fn toks(&self) -> &'s [Tok<'t>] {
        &self.scan.toks
    }

    /// A token as a content word for comparing a headline with the body: a word of three
    /// letters or more that is no stop word, complementiser, determiner or first person.
    fn content_word(&self, k: usize) -> Option<&'s str> {
        let lex = self.lex;
        let t: &'s Tok<'t> = &self.toks()[k];
        let w: &'s str = t.norm.as_ref();
        (t.kind == Kind::Word
            && w.chars().count() >= 3
            && !lex.speaker_stops.contains(w)
            && !lex.complementizers.contains(w)
            && !lex.determiners.contains(w)
            && !lex.first_person.contains(w))
        .then_some(w)
    }

    /// Paragraphs that read as headlines, bylines or navigation: short, and not ending like
    /// a sentence.
    fn headline_paragraphs(&self) -> Vec<bool> {
        let mut out = Vec::new();
        let mut words = 0usize;
        let mut last = Kind::Para;
        for t in self.toks() {
            if t.kind == Kind::Para && t.quote == 0 {
                out.push(words > 0 && words < 25 && !ends_sentence(last));
                words = 0;
                last = Kind::Para;
                continue;
            }
            if t.kind == Kind::Word {
                words += 1;
            }
            last = t.kind;
        }
        out.push(words > 0 && words < 25 && !ends_sentence(last));
        out
    }

    fn word(&self, i: usize) -> Option<&'s str> {
        let t = self.toks().get(i)?;
        (t.kind == Kind::Word && t.quote == 0).then_some(t.norm.as_ref())
    }

    fn is_word(&self, i: usize, set: &WordSet) -> bool {
        self.word(i).is_some_and(|w| self.lex.in_set(set, w))
    }

    fn kind(&self, i: usize) -> Kind {
        self.toks().get(i).map_or(Kind::Para, |t| t.kind)
    }

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

    fn quote_of_close(&self, close: usize) -> Option<usize> {
        let t = self.toks().get(close)?;
        if t.kind != Kind::QuoteClose || t.quote != 0 {
            return None;
        }
        self.quote_of_open(t.pair as usize)
    }

    fn quote_words(&self, q: usize) -> usize {
        self.words_in(self.scan.quotes[q].inner())
    }

    /// The cue starting at token `i`, and the index of its last token.
    fn cue_at(&self, i: usize, end: usize) -> Option<CueHit> {
        // Cues of the current sentence are looked up once; the rules ask again and again.
        {
            let cache = self.cue_cache.borrow();
            if let Some(hit) = i.checked_sub(cache.0).and_then(|k| cache.1.get(k)) {
                return hit.filter(|h| h.1 < end);
            }
        }
        self.find_cue(i, end)
    }

    fn fill_cue_cache(&self, sent: &Range<usize>) {
        self.title_case
            .set(!self.arabic && self.is_title_case(sent));
        let found: Vec<_> = sent.clone().map(|i| self.find_cue(i, sent.end)).collect();
        *self.cue_cache.borrow_mut() = (sent.start, found);
    }

    fn find_cue(&self, i: usize, end: usize) -> Option<CueHit> {
        let w = self.word(i)?;
        let lex = self.lex;
        if let Some(list) = lex
            .phrases
            .get(w)
            .or_else(|| lex.strip_verb_proclitic(w).and_then(|r| lex.phrases.get(r)))
        {
            'phrases: for p in list {
                let mut j = i;
                let mut glued = 0;
                for (k, want) in p.rest.iter().enumerate() {
                    j += 1;
                    if j >= end {
                        continue 'phrases;
                    }
                    let Some(got) = self.word(j) else {
                        continue 'phrases;
                    };
                    if got == want {
                        continue;
                    }
                    // «وفقا لـوزارة»: a one-letter preposition glued to the next word.
                    let last = k + 1 == p.rest.len();
                    if last
                        && want.chars().count() == 1
                        && got.starts_with(want.as_str())
                        && got.len() > want.len() + 2
                    {
                        glued = want.len();
                        j -= 1;
                        // The speaker starts inside token j + 1.
                        return Some((p.cue, j, glued));
                    }
                    continue 'phrases;
                }
                return Some((p.cue, j, glued));
            }
        }
        let (cue, _) = lex.cue(w)?;
        if !self.arabic && i > 0 {
            let t = &self.toks()[i];
            let prev = &self.toks()[i - 1];
            // "the United States", "a tweet", "his statement": names and nouns, not verbs.
            let mid_sentence = !matches!(
                prev.kind,
                Kind::End | Kind::Para | Kind::QuoteClose | Kind::QuoteOpen | Kind::Colon
            );
            // In a headline written in title case ("Mayor Says Bridge Will Open…") a finite
            // verb is capitalised too; a noun there ("Post", "Report") is a name's head.
            let headline_verb = self.title_case.get()
                && (w.ends_with('s') || w == "said")
                && !lex.heads.contains_key(w)
                && !lex.heads.contains_key(w.trim_end_matches('s'));
            if (t.cap && mid_sentence && !headline_verb)
                || (prev.kind == Kind::Word && lex.determiners.contains(&*prev.norm))
            {
                return None;
            }
        }
        Some((cue, i, 0))
    }

    /// Whether a sentence is a headline in title case: every longer word capitalised.
    fn is_title_case(&self, sent: &Range<usize>) -> bool {
        let mut words = 0;
        for i in sent.clone() {
            let t = &self.toks()[i];
            if t.kind != Kind::Word || t.quote != 0 {
                continue;
            }
            let text = &self.scan.text[t.start..t.end];
            if text.chars().filter(|c| c.is_alphabetic()).count() < 4 {
                continue;
            }
            if !t.cap {
                return false;
            }
            words += 1;
        }
        words >= 4
    }

    /// Whether an English word is written in capitals ("US", "IT"), which makes it a name
    /// even when its lowercase form is a function word.
    fn is_acronym(&self, i: usize) -> bool {
        let t = &self.toks()[i];
        let text = &self.scan.text[t.start..t.end];
        !self.arabic
            && text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !text.chars().any(char::is_lowercase)
    }

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

    /// Quotations that run on past a new attribution: «قال: "…يتكرر ما جرى في الشتاء
    /// عليهم وحسب صحيفة المساء فان الحكومة…"». A source phrase or reporting verb with a
    /// glued «و» opening a clause inside the quotation, with a source noun phrase and a
    /// complementiser after it, ends the speaker's words; the rest is the source's statement.
    fn split_embedded_attributions(&self, cands: Vec<Cand>) -> Vec<Cand> {
        let mut out = Vec::with_capacity(cands.len());
        for mut c in cands {
            let Content::Quote(q) = c.content else {
                out.push(c);
                continue;
            };
            match self.embedded_attribution(q) {
                Some(tail) => {
                    self.note_cand(&tail, "attribution_inside_quotation");
                    let inner = self.scan.quotes[q].inner();
                    c.content = Content::QuotePart(q, inner.start..tail.clause_start);
                    out.push(c);
                    out.push(tail);
                }
                None => out.push(c),
            }
        }
        out
    }

    /// The first attribution inside quotation `q` that opens a clause of its own (see
    /// [`Self::split_embedded_attributions`]), as a candidate for the rest of the quotation.
    fn embedded_attribution(&self, q: usize) -> Option<Cand> {
        let lex = self.lex;
        let toks = self.toks();
        let inner = self.scan.quotes[q].inner();
        let word = |k: usize| {
            let t = toks.get(k)?;
            (t.kind == Kind::Word && k < inner.end).then_some(t.norm.as_ref())
        };
        for k in inner.clone() {
            let Some(w) = word(k) else { continue };
            // A clause of its own: the conjunction glued to the cue.
            let Some(rest) = lex.strip_verb_proclitic(w).filter(|_| w.starts_with('و')) else {
                continue;
            };
            // `glued`: the bytes of a preposition glued to the source's first word.
            let (info, last, glued) = if let Some(list) = lex.phrases.get(rest) {
                // «وحسب», «وبحسب», «ووفقا لـ…»: a source phrase.
                let Some(hit) = list.iter().find_map(|p| {
                    let mut j = k;
                    for want in &p.rest {
                        j += 1;
                        let got = word(j)?;
                        if got != want {
                            // «لصحيفة»: a one-letter preposition glued to the next word.
                            let glued = want.chars().count() == 1 && got.starts_with(want.as_str());
                            return glued.then_some((p.cue, j - 1, want.len()));
                        }
                    }
                    (p.cue.form == CueForm::Source).then_some((p.cue, j, 0))
                }) else {
                    continue;
                };
                hit
            } else if let Some((cue, true)) = lex.cue(w) {
                // «وذكرت صحيفة…», «ونقلت وكالة…»: a reporting verb.
                if cue.form != CueForm::Verb {
                    continue;
                }
                (cue, k, 0)
            } else {
                continue;
            };
            if self.words_in(inner.start..k) < 3 {
                continue;
            }
            // The source: a few words naming a medium, an organisation or a person, then the
            // complementiser that opens what it reported.
            let np_start = last + 1;
            let mut from = np_start;
            let mut names_source = false;
            let mut complementiser = None;
            while from < inner.end && from < np_start + 6 {
                let Some(n) = word(from) else { break };
                if lex.in_set(&lex.complementizers, n) {
                    complementiser = Some(from);
                    break;
                }
                let n = if from == np_start {
                    n.get(glued..).unwrap_or(n)
                } else {
                    n
                };
                if lex.speaker_stops.contains(n) || (from > np_start && lex.cue(n).is_some()) {
                    break;
                }
                let b = lex.bare(n);
                names_source |= lex.heads.contains_key(n)
                    || lex.heads.contains_key(b)
                    || lex.in_set(&lex.roles, n)
                    || lex.in_set(&lex.unnamed, n);
                from += 1;
            }
            let Some(that) = complementiser else { continue };
            if !names_source || that == np_start || self.words_in(that + 1..inner.end) < 3 {
                continue;
            }
            return Some(Cand {
                cue: k..last + 1,
                info,
                who: Who::Mention(np_start..that, glued),
                clause_start: k,
                content: Content::Forward(that + 1..inner.end),
                gender: info.gender,
            });
        }
        None
    }

    /// A possessed noun of opinion: "Orwin's view that…", "in Ms. Ruiz's view, …".
    fn nominal_cand(&self, sent: &Range<usize>, i: usize) -> Option<Cand> {
        let lex = self.lex;
        if self.arabic || i == sent.start {
            return None;
        }
        // The possessive first: it is rarer than the noun.
        let prev = self.word(i - 1)?;
        if !(prev.ends_with("'s") || prev.ends_with("s'")) || prev.len() < 4 {
            return None;
        }
        if !self.word(i).is_some_and(|w| lex.noun_cues.contains(w)) {
            return None;
        }
        let np = self.np_before(i, sent.start)?;
        if !np.clone().any(|k| self.toks()[k].cap) && !self.plausible_speaker(np.clone()) {
            return None;
        }
        let end = content_end(self.toks(), sent);
        let cue = Cue::neutral_verb();
        let in_view = np.start > sent.start
            && self.word(np.start - 1) == Some("in")
            && self.kind(i + 1) == Kind::Comma;
        let from = if self.is_word(i + 1, &lex.complementizers) || in_view {
            i + 2
        } else {
            return None;
        };
        if self.words_in(from..end) < 3 {
            return None;
        }
        Some(Cand {
            cue: i..i + 1,
            info: cue,
            who: Who::Mention(np.clone(), 0),
            clause_start: if in_view { np.start - 1 } else { np.start },
            content: self.forward(from, end),
            gender: Gender::Unknown,
        })
    }

    /// “…” ― Name: a quotation signed with a dash, as in letters and vox pops.
    fn dash_attributions(&self, sent: &Range<usize>) -> Vec<Cand> {
        let end = content_end(self.toks(), sent);
        let mut out = Vec::new();
        for q in self.quotes_in(sent.clone()) {
            let close = self.scan.quotes[q].close;
            if self.kind(close + 1) != Kind::Dash {
                continue;
            }
            let np = if self.arabic {
                self.ar_np_after(close + 2, end)
            } else {
                self.np_after(close + 2, end)
            };
            let Some(np) = np else { continue };
            if np.end < end || !(self.arabic || self.toks()[np.start].cap) {
                continue;
            }
            let cue = Cue::neutral_verb();
            out.push(Cand {
                cue: close + 1..close + 2,
                info: cue,
                who: Who::Mention(np, 0),
                clause_start: close + 1,
                content: Content::Quote(q),
                gender: Gender::Unknown,
            });
        }
        out
    }

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
                    if end > r.start && self.word(end - 1).is_some_and(is_relative_pronoun) {
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
        if self.word(s).is_some_and(|w| matches!(w, "and" | "but")) {
            return true;
        }
        let rel = self.word(s - 1).is_some_and(is_relative_pronoun);
        (self.arabic && glued_conj) || rel
    }

    // ---- English --------------------------------------------------------------------------

    /// "Noting the delays, the minister said…": a sentence that opens with a reporting
    /// participle and its clause, then a named speaker's own statement. The clause up to the
    /// comma is a statement of that speaker too, with the participle as its cue.
    fn leading_participle(&self, sent: &Range<usize>, cands: &[Cand]) -> Option<Cand> {
        let (info, last, _) = self.cue_at(sent.start, sent.end)?;
        if info.form != CueForm::Participle {
            return None;
        }
        let comma = (last + 1..sent.end).find(|&k| self.kind(k) == Kind::Comma)?;
        if self.words_in(last + 1..comma) < 2 || !self.quotes_in(last + 1..comma).is_empty() {
            return None;
        }
        let main = cands.iter().find(|c| {
            c.cue.start > comma
                && matches!(c.who, Who::Mention(..))
                && (c.clause_start == comma || c.clause_start == comma + 1)
                && !matches!(c.content, Content::Backward(_))
        })?;
        Some(Cand {
            cue: sent.start..last + 1,
            info,
            who: main.who.clone(),
            clause_start: sent.start,
            content: Content::Forward(last + 1..comma),
            gender: main.gender,
        })
    }

    fn english_cand(
        &self,
        sent: &Range<usize>,
        c: usize,
        last: usize,
        info: Cue,
        prior: &[Cand],
    ) -> Option<Cand> {
        let lex = self.lex;
        let toks = self.toks();
        let end = content_end(toks, sent);
        if info.form == CueForm::Source {
            let np = self.np_after(last + 1, end)?;
            let who = Who::Mention(np.clone(), 0);
            // "…, according to X." or "According to X, …".
            if c > sent.start && self.kind(c - 1) == Kind::Comma {
                let from = self.lead(sent.start, c - 1);
                if self.words_in(from..c - 1) >= 3 {
                    return Some(Cand {
                        cue: c..last + 1,
                        info,
                        who,
                        clause_start: c - 1,
                        content: Content::Backward(from..c - 1),
                        gender: Gender::Unknown,
                    });
                }
            }
            // "a statement by the ministry": the owner's complement belongs to the source.
            let mut k = np.end;
            if self.is_word(k, &lex.documents) || self.is_word(np.end - 1, &lex.documents) {
                if let Some(owner) = self
                    .word(k)
                    .filter(|w| matches!(*w, "by" | "from" | "of"))
                    .and_then(|_| self.np_after(k + 1, end))
                {
                    k = owner.end;
                }
            }
            // "“…,” according to X.": the quotation before the phrase is the content.
            if c > sent.start && self.words_in(k..end) == 0 {
                if let Some(q) = self.quote_of_close(c - 1) {
                    self.fired("quote_before_source_phrase");
                    return Some(Cand {
                        cue: c..last + 1,
                        info,
                        who,
                        clause_start: c,
                        content: Content::Quote(q),
                        gender: Gender::Unknown,
                    });
                }
            }
            if self.kind(k) == Kind::Comma {
                k += 1;
            }
            if self.words_in(k..end) < 3 {
                return None;
            }
            // "…would be repeated and according to The Evening Courier the council…": the
            // conjunction opens the new source's clause.
            let conj =
                c > sent.start && self.word(c - 1).is_some_and(|w| matches!(w, "and" | "but"));
            return Some(Cand {
                cue: c..last + 1,
                info,
                who,
                clause_start: if conj { c - 1 } else { c },
                content: self.forward(k, end),
                gender: Gender::Unknown,
            });
        }

        // The subject: skip auxiliaries and adverbs back from the verb.
        let mut p = c;
        loop {
            if p > sent.start
                && self.word(p - 1).is_some_and(|w| {
                    lex.auxiliaries.contains(w)
                        || (w.ends_with("ly") && w.len() > 4)
                        || w.ends_with("n't")
                        || w.ends_with("n’t")
                })
            {
                p -= 1;
            } else if p > sent.start + 2
                && self.word(p - 2) == Some("on")
                && self.is_word(p - 1, &lex.time_words)
            {
                // "Orwin on Tuesday said": a time adjunct between subject and verb.
                p -= 2;
            } else {
                break;
            }
        }
        // "X in a statement on Friday said": the adjunct names the channel, X speaks.
        if let Some(k) = self.channel_adjunct_before(sent.start, p) {
            self.fired("channel_adjunct_before_verb_skipped");
            p = k;
        }
        let after_cue = last + 1;
        // "was criticized", "acknowledged by": the subject of a passive is not the speaker.
        let cue_word = self.word(last).unwrap_or("");
        let be_before = (p..c).any(|k| {
            self.word(k).is_some_and(|w| {
                matches!(w, "was" | "were" | "is" | "are" | "be" | "been" | "being")
            })
        });
        let passive =
            (be_before && !cue_word.ends_with("ing")) || self.word(after_cue) == Some("by");
        if passive {
            // "It was also conveyed that…", "It was conveyed in the meeting that…": an
            // impersonal report continues the last speaker. A short adjunct may stand
            // between the verb and the complementiser, but no clause boundary.
            if p <= sent.start || self.word(p - 1) != Some("it") {
                return None;
            }
            let t = (after_cue..end)
                .take(MAX_GAP)
                .take_while(|&k| {
                    !matches!(
                        self.kind(k),
                        Kind::Comma | Kind::Semicolon | Kind::Colon | Kind::Dash
                    )
                })
                .find(|&k| {
                    self.word(k)
                        .is_some_and(|w| lex.complementizers.contains(w))
                })?;
            return Some(Cand {
                cue: c..last + 1,
                info,
                who: Who::Implicit(Gender::Unknown),
                clause_start: p - 1,
                content: self.forward(t + 1, end),
                gender: Gender::Unknown,
            });
        }
        // "Orwin, who said the count was wrong, lost…": a non-restrictive relative clause
        // reports its antecedent's words, up to the clause's closing comma.
        if info.form == CueForm::Verb
            && p > sent.start + 2
            && self.word(p - 1) == Some("who")
            && self.kind(p - 2) == Kind::Comma
        {
            let np = self.np_before(p - 2, sent.start)?;
            if !toks[np.start].cap || !self.plausible_speaker(np.clone()) {
                return None;
            }
            let mut from = after_cue;
            if info.addressee {
                from = self.skip_addressee(from, end);
            }
            let that = self.is_word(from, &lex.complementizers);
            if that {
                from += 1;
            }
            let infinitive = info.infinitive && self.word(from) == Some("to");
            let clause = info.clause && self.bare_clause(from, end);
            if info.weak && !that && !infinitive && !clause {
                return None;
            }
            let stop = (from..end)
                .find(|&k| self.kind(k) == Kind::Comma && toks[k].quote == 0)
                .unwrap_or(end);
            if self.words_in(from..stop) < 3 || self.kind(from) != Kind::Word {
                return None;
            }
            return Some(Cand {
                cue: c..last + 1,
                info,
                who: Who::Mention(np, 0),
                clause_start: p - 1,
                content: self.forward(from, stop),
                gender: Gender::Unknown,
            });
        }
        // "a tweet that read:", "officials who said": the relative pronoun's antecedent.
        if p > sent.start + 1
            && self
                .word(p - 1)
                .is_some_and(|w| matches!(w, "that" | "which" | "who"))
            && self.kind(p - 2) == Kind::Word
        {
            p -= 1;
        }
        let mut who: Option<Who> = None;
        let mut subj_start = p;
        let mut after = after_cue;
        let inverted_slot =
            p == sent.start || matches!(self.kind(p - 1), Kind::Comma | Kind::QuoteClose);
        if info.form == CueForm::Participle
            && p > sent.start
            && matches!(self.kind(p - 1), Kind::Comma | Kind::QuoteClose)
        {
            who = Some(self.participle_subject(sent, prior));
        } else if inverted_slot && self.starts_np(after_cue) {
            // "…,” said NWRB Chair Lena Moss."
            if let Some(np) = self.np_after(after_cue, end) {
                // Before a comma, the phrase must name someone: "said the event brought back
                // memories, and…" is a clause, not an inverted speaker.
                let names = np.clone().any(|k| {
                    let t = &toks[k];
                    t.cap
                        || self.lex.roles.contains(t.norm.as_ref())
                        || self.lex.unnamed.contains(t.norm.as_ref())
                        || self.lex.heads.contains_key(t.norm.as_ref())
                });
                let at_end = matches!(self.kind(np.end), Kind::End | Kind::Para) || np.end >= end;
                // After a plain comma (no quotation), even a phrase ending the sentence must
                // name someone: "Rawlings, 59, of Ashton, said the event brought back memories."
                let after_quote = p == sent.start || self.kind(p - 1) == Kind::QuoteClose;
                if (at_end && (names || after_quote))
                    || (matches!(self.kind(np.end), Kind::Comma | Kind::Colon) && names)
                {
                    after = np.end;
                    who = Some(self.who_of(np));
                }
            }
        }
        // "Orwin backed the union and said he did not support the mayor": a verb coordinated
        // with the sentence's first takes its subject.
        // Only a finite form: "to accuse X and encourage Y" coordinates infinitives.
        let finite = cue_word.ends_with("ed")
            || cue_word.ends_with('s')
            || matches!(cue_word, "said" | "told" | "wrote");
        let coordinated = who.is_none()
            && p > sent.start + 1
            && info.form == CueForm::Verb
            && finite
            && self.word(p - 1).is_some_and(|w| matches!(w, "and" | "but"));
        if coordinated {
            let subject = self.participle_subject(sent, prior);
            let named = match &subject {
                Who::Mention(np, _) => np.end < p - 1 && self.plausible_speaker(np.clone()),
                Who::Pronoun(_) => true,
                Who::Implicit(_) => false,
            };
            if !named {
                return None;
            }
            who = Some(subject);
            subj_start = p - 1;
        }
        if who.is_none() && p > sent.start {
            match self.kind(p - 1) {
                Kind::Word | Kind::CloseParen => {
                    if self.cue_is_a_noun(p, c, last) {
                        self.fired("cue_word_used_as_noun");
                        return None;
                    }
                    let np = self.subject_before(p, sent.start)?;
                    if p == c && self.base_form_after_singular(np.clone(), last) {
                        self.fired("base_form_after_singular_subject_is_a_noun");
                        return None;
                    }
                    self.fired("subject_before_verb");
                    subj_start = np.start;
                    who = Some(self.who_of(np));
                }
                Kind::Comma => {
                    // "Name, the commander of X, said": an appositive between commas, or
                    // several ("Name, 59, of Ashton, Md., who watched…, said").
                    let a_end = p - 1;
                    let mut seg_end = a_end;
                    let mut named = None;
                    let mut relative = false;
                    for _ in 0..4 {
                        let mut a = seg_end;
                        while a > sent.start
                            && !matches!(
                                self.kind(a - 1),
                                Kind::Comma
                                    | Kind::End
                                    | Kind::QuoteClose
                                    | Kind::QuoteOpen
                                    | Kind::Colon
                                    | Kind::Semicolon
                                    | Kind::Dash
                            )
                        {
                            a -= 1;
                        }
                        // A relative clause about the speaker may run longer.
                        let opens_relative = matches!(self.word(a), Some("who" | "whose"));
                        let longest = if opens_relative { 40 } else { 24 };
                        if !(a > sent.start + 1
                            && self.kind(a - 1) == Kind::Comma
                            && seg_end - a <= longest)
                        {
                            break;
                        }
                        relative |= opens_relative;
                        let name = self.np_before(a - 1, sent.start)?;
                        if toks[name.start].cap {
                            named = Some(name);
                            break;
                        }
                        seg_end = a - 1;
                    }
                    if let Some(name) = named {
                        subj_start = name.start;
                        // The mention stops before a relative clause: it describes, not names.
                        let mention_end = if relative { name.end } else { a_end };
                        who = Some(Who::Mention(name.start..mention_end, 0));
                    } else if info.form == CueForm::Participle {
                        who = Some(self.participle_subject(sent, prior));
                    } else {
                        return None;
                    }
                }
                _ => {}
            }
        }
        let who = who?;
        let clause_start = if subj_start > sent.start && self.kind(subj_start - 1) == Kind::Comma {
            subj_start - 1
        } else {
            subj_start
        };

        // Direct: a quotation right before the speaker, or right after the cue.
        let mut quote_before = None;
        // "“…,” adding that…": the quotation belongs to the earlier verb.
        let continues = info.form == CueForm::Participle && !prior.is_empty();
        if subj_start > sent.start && !continues {
            let b = subj_start - 1;
            quote_before = self.quote_of_close(b).or_else(|| {
                (self.kind(b) == Kind::Comma && b > sent.start)
                    .then(|| self.quote_of_close(b - 1))
                    .flatten()
            });
        }
        let mut j = after;
        if info.addressee {
            j = self.skip_addressee(j, end);
        }
        let mut quote_after = None;
        let mut that = None;
        let mut k = j;
        let mut gap = 0;
        while k < end && gap <= MAX_GAP {
            match self.kind(k) {
                Kind::QuoteOpen => {
                    // "said: “…”", "said “…”": a quotation opening the content, running to
                    // (nearly) the end of the sentence.
                    let q = self.quote_of_open(k);
                    let opens = k == j || matches!(self.kind(k - 1), Kind::Colon | Kind::Comma);
                    // "…,” adding that…": a participle after the quotation starts a statement
                    // of its own.
                    let to_end = q.is_some_and(|q| {
                        let after = self.scan.quotes[q].close + 1;
                        let next = if self.kind(after) == Kind::Comma {
                            after + 1
                        } else {
                            after
                        };
                        self.words_in(after..end) <= 3
                            || self
                                .cue_at(next, end)
                                .is_some_and(|(cue, _, _)| cue.form == CueForm::Participle)
                    });
                    if opens && to_end {
                        quote_after = q;
                    }
                    break;
                }
                // "…, Orwin said, since…": a comma right after the cue closes a parenthetical
                // attribution unless a quotation follows it.
                Kind::Comma
                    if k == j
                        && self.kind(k + 1) != Kind::QuoteOpen
                        && !self.is_word(k + 1, &lex.complementizers) =>
                {
                    break
                }
                Kind::Colon | Kind::Comma | Kind::Dash => {}
                Kind::Word => {
                    let w = self.word(k).unwrap_or("");
                    if lex.complementizers.contains(w) {
                        that = Some(k);
                        break;
                    }
                    if self.cue_at(k, end).is_some() {
                        break;
                    }
                    // "said officials are in possession of video that shows…": the clause has
                    // begun, so a later "that" is not the complementiser.
                    if gap > 0 && is_finite_aux(w) {
                        break;
                    }
                    gap += 1;
                }
                _ => break,
            }
            k += 1;
        }
        if let Some(qa) = quote_after {
            // Content before the quotation (no "that") would be adjuncts: "said in a statement:".
            let ok = quote_before.is_none() || self.scan.quotes[qa].close + 1 >= end;
            if ok && that.is_none() {
                let content = match quote_before {
                    Some(qb) => Content::Quotes(qb, qa),
                    None => Content::Quote(qa),
                };
                return Some(Cand {
                    cue: c..last + 1,
                    info,
                    who,
                    clause_start,
                    content,
                    gender: Gender::Unknown,
                });
            }
        }
        // "In an interview on CBS's “Face the Nation,” X said the…": a short title in quotation
        // marks, then reported content after the cue.
        if quote_before.is_some_and(|qb| {
            let open = self.scan.quotes[qb].open;
            self.quote_words(qb) <= 4
                && open > sent.start
                && self.kind(open - 1) == Kind::Word
                && (that.is_some()
                    || self.bare_clause(j, end)
                    || self.word(j).is_some_and(|w| lex.determiners.contains(w)))
        }) {
            quote_before = None;
        }
        if let Some(qb) = quote_before {
            // Words before the quotation make it a partial quote: mixed content.
            let open = self.scan.quotes[qb].open;
            let from = self.lead(sent.start, open);
            let content = if from < open
                && self.kind(open - 1) != Kind::Colon
                && self.words_in(from..open) > 0
            {
                Content::Backward(from..self.scan.quotes[qb].close + 1)
            } else {
                Content::Quote(qb)
            };
            return Some(Cand {
                cue: c..last + 1,
                info,
                who,
                clause_start,
                content,
                gender: Gender::Unknown,
            });
        }
        if let Some(t) = that {
            if self.words_in(t + 1..end) >= 2 {
                return Some(Cand {
                    cue: c..last + 1,
                    info,
                    who,
                    clause_start,
                    content: self.forward(t + 1, end),
                    gender: Gender::Unknown,
                });
            }
        }
        // "X will go, she said [in a statement]."
        let mut tail_end = after;
        while tail_end < end
            && !matches!(
                self.kind(tail_end),
                Kind::Comma | Kind::Dash | Kind::Semicolon
            )
        {
            tail_end += 1;
        }
        // "…, Orwin told The Valley Courier on Thursday.": a verb's addressee, with no
        // clause or infinitive after it, is part of the attribution.
        let addressed = info.addressee
            && (after..tail_end).all(|k| {
                self.word(k).is_none_or(|w| {
                    !is_finite_aux(w) && w != "to" && !lex.complementizers.contains(w)
                })
            });
        // A tail opening with a pronoun or determiner is a clause or an object, not an adjunct.
        let clause_tail = !addressed
            && self.word(after).is_some_and(|w| {
                (lex.pronouns.contains_key(w)
                    || lex.determiners.contains(w)
                    || matches!(w, "we" | "i" | "you"))
                    && !self.is_acronym(after)
            });
        // A quotation after the verb is its content: "X, Ruiz called them “reckless.”"
        let quoted_tail = (after..tail_end).any(|k| self.quote_of_open(k).is_some());
        // "…, the ministry urged residents to stay calm": an addressee and an infinitive
        // after the verb are what was urged, not an adjunct of a trailing attribution.
        let infinitive_tail = info.addressee
            && (after + 1..tail_end)
                .any(|k| self.word(k) == Some("to") && self.kind(k - 1) == Kind::Word);
        let tail = if clause_tail || quoted_tail || infinitive_tail {
            usize::MAX
        } else {
            self.words_in(after..tail_end)
        };
        let before_start =
            if subj_start == p && matches!(who, Who::Mention(..)) && after > after_cue {
                p
            } else {
                subj_start
            };
        if tail <= 7
            && !coordinated
            && before_start > sent.start + 2
            && self.kind(before_start - 1) == Kind::Comma
        {
            let from = self.lead(sent.start, before_start - 1);
            if self.words_in(from..before_start - 1) >= 3 {
                let to = if self.medial_attribution(after, end) {
                    end
                } else {
                    before_start - 1
                };
                return Some(Cand {
                    cue: c..last + 1,
                    info,
                    who,
                    clause_start: before_start - 1,
                    content: Content::Backward(from..to),
                    gender: Gender::Unknown,
                });
            }
        }
        let quoted = self
            .quotes_in(j..end)
            .into_iter()
            .any(|q| self.quote_words(q) >= 1);
        // "wants to leave", "believes his plan will work": an intention or a belief.
        let infinitive = info.infinitive && self.word(j) == Some("to");
        // "The governor added:" closing its paragraph: the next paragraph is what was said.
        if self.kind(j) == Kind::Colon && self.words_in(j..end) == 0 && that.is_none() {
            if let Some(block) = self.next_paragraph(end) {
                return Some(Cand {
                    cue: c..last + 1,
                    info,
                    who,
                    clause_start,
                    content: Content::Forward(block),
                    gender: Gender::Unknown,
                });
            }
            return None;
        }
        let clause = info.clause && self.bare_clause(j, end);
        if (info.weak && !quoted && !infinitive && !clause)
            || info.form == CueForm::Participle && that.is_none() && tail < 3
        {
            return None;
        }
        let mut from = j;
        if let Some(prep) = info.prep {
            if self.word(from) == Some(lex.preps[prep as usize].as_str()) {
                from += 1;
            }
        }
        if self.words_in(from..end) < 3 || !matches!(self.kind(from), Kind::Word | Kind::QuoteOpen)
        {
            return None;
        }
        Some(Cand {
            cue: c..last + 1,
            info,
            who,
            clause_start,
            content: self.forward(from, end),
            gender: Gender::Unknown,
        })
    }

    /// The tokens of the paragraph after the one ending at `end`, if it follows at once.
    fn next_paragraph(&self, end: usize) -> Option<Range<usize>> {
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
        (self.words_in(r.clone()) >= 3).then_some(r)
    }

    /// Whether the attribution ending at `after` sits inside the reported sentence, which runs
    /// on after its comma: "Though the transition was smooth, he said, replacing her would be
    /// acrimonious." The part after must be a clause or a predicate (not an adjunct such as
    /// "in an interview").
    fn medial_attribution(&self, after: usize, end: usize) -> bool {
        if self.kind(after) != Kind::Comma || after + 1 >= end {
            return false;
        }
        let rest = after + 1;
        // The rest is a clause, or the predicate of one whose subject came first: "Acts of
        // protest, he said, are acts of patriotism."
        let predicate = self.word(rest).is_some_and(is_finite_aux);
        if self.words_in(rest..end) < 4 || !(predicate || self.bare_clause(rest, end)) {
            return false;
        }
        self.quote_of_open(rest).is_none()
    }

    /// Whether a finite clause starts at `j`: a subject of a few words (no verb yet) and then
    /// an auxiliary or modal ("his plan will work", "the economy is weak").
    fn bare_clause(&self, j: usize, end: usize) -> bool {
        let lex = self.lex;
        let Some(first) = self.word(j) else {
            return false;
        };
        // "questioned whether…", "asked how…": an embedded question.
        if matches!(
            first,
            "whether" | "how" | "why" | "what" | "who" | "when" | "if"
        ) {
            return self.words_in(j + 1..end) >= 3;
        }
        let opens_np = lex.determiners.contains(first)
            || lex.pronouns.contains_key(first)
            || matches!(first, "we" | "i" | "you")
            || self.toks()[j].cap;
        if !opens_np || lex.complementizers.contains(first) {
            return false;
        }
        for k in j + 1..end.min(j + 9) {
            let Some(w) = self.word(k) else {
                return false;
            };
            if is_finite_aux(w) {
                return true;
            }
            if lex.speaker_stops.contains(w) && !lex.determiners.contains(w) {
                return false;
            }
        }
        false
    }

    /// The subject of a participle clause: the sentence's earlier speaker, or its opening noun
    /// phrase ("The commander, Gen. X, met Y on Monday, telling him that…").
    fn participle_subject(&self, sent: &Range<usize>, prior: &[Cand]) -> Who {
        if let Some(p) = prior.last() {
            return p.who.clone();
        }
        // "However, the council met…": a sentence adverb is not the subject.
        let start = self.lead(sent.start, sent.end);
        if let Some(np) = self.np_after(start, sent.end) {
            let mut end = np.end;
            // Take in an appositive: "The top commander…, Gen. Ruth Halloway,".
            if self.kind(end) == Kind::Comma {
                if let Some(np2) = self.np_after(end + 1, sent.end) {
                    if self.toks()[np2.start].cap && self.kind(np2.end) == Kind::Comma {
                        end = np2.end;
                    }
                }
            }
            return self.who_of(np.start..end);
        }
        Who::Implicit(Gender::Unknown)
    }

    /// Whether the cue word right after a possessive is a noun that reports nothing: "Mr.
    /// Lee's show aired", "the senator's comments came after…". Followed by a complementiser,
    /// a quotation or a colon, the possessor's words are reported ("Lee's claim that…").
    fn cue_is_a_noun(&self, p: usize, c: usize, last: usize) -> bool {
        let reports = self.is_word(last + 1, &self.lex.complementizers)
            || matches!(self.kind(last + 1), Kind::QuoteOpen | Kind::Colon);
        p == c
            && c == last
            && p > 0
            && !reports
            && self
                .word(p - 1)
                .is_some_and(|w| w.ends_with("'s") || (w.ends_with("s'") && w.len() > 2))
    }

    /// Whether a verb's base form ends a determined singular phrase with no auxiliary: it is
    /// then the phrase's noun ("his only public comment", "a central point"), since
    /// an English present verb after a singular subject takes -s. Names are left alone ("let
    /// Lee say", "and Kim say" coordinate or follow a causative).
    fn base_form_after_singular(&self, np: Range<usize>, last: usize) -> bool {
        let lex = self.lex;
        let Some(cue) = self.word(last) else {
            return false;
        };
        if !lex.base_forms.contains(cue) || np.is_empty() {
            return false;
        }
        let determined = self
            .word(np.start)
            .is_some_and(|w| lex.determiners.contains(w) || lex.indefinites.contains(w));
        if !determined {
            return false;
        }
        let subject_last = self.word(np.end - 1).unwrap_or("");
        let plural = subject_last.ends_with('s')
            || matches!(
                subject_last,
                "i" | "we" | "you" | "they" | "people" | "police"
            )
            || np.clone().any(|k| self.word(k) == Some("and"))
            || self.is_acronym(np.end - 1);
        !plural
    }

    fn who_of(&self, np: Range<usize>) -> Who {
        if np.len() == 1 && !self.is_acronym(np.start) {
            if let Some(g) = self.word(np.start).and_then(|w| self.lex.pronouns.get(w)) {
                return Who::Pronoun(*g);
            }
        }
        Who::Mention(np, 0)
    }

    /// Whether an English noun phrase can name a speaker: a name, a pronoun, a determined
    /// phrase or a person or organisation noun ("disparaging remarks" cannot).
    fn plausible_speaker(&self, np: Range<usize>) -> bool {
        let lex = self.lex;
        let toks = self.toks();
        let first: &str = &toks[np.start].norm;
        let only_determiners = np.clone().all(|i| {
            lex.determiners.contains(&*toks[i].norm) || lex.indefinites.contains(&*toks[i].norm)
        });
        if only_determiners {
            return false;
        }
        lex.determiners.contains(first)
            || lex.indefinites.contains(first)
            || first.starts_with(|c: char| c.is_ascii_digit())
            || np.clone().any(|i| {
                let t = &toks[i];
                let w = t.norm.as_ref();
                t.cap
                    || lex.pronouns.contains_key(w)
                    || lex.roles.contains(w)
                    || lex.unnamed.contains(w)
                    || lex.heads.contains_key(w)
                    || lex.documents.contains(w)
                    // The plural of a person noun: "top black lawmakers", "economists".
                    || w.strip_suffix('s').is_some_and(|one| lex.roles.contains(one))
            })
    }

    /// Whether a noun phrase (a speaker after an inverted verb) starts at `i`.
    fn starts_np(&self, i: usize) -> bool {
        let Some(t) = self.toks().get(i) else {
            return false;
        };
        if t.kind != Kind::Word || t.quote != 0 {
            return false;
        }
        (t.cap || self.lex.determiners.contains(&*t.norm) || self.lex.titles.contains_key(&*t.norm))
            && !self.lex.pronouns.contains_key(&*t.norm)
            && !self.lex.time_words.contains(&*t.norm)
            && !self.lex.speaker_stops.contains(&*t.norm)
    }

    /// A noun phrase ending just before `end`, scanning back no further than `floor`.
    fn np_before(&self, end: usize, floor: usize) -> Option<Range<usize>> {
        let lex = self.lex;
        let mut i = end;
        let mut words = 0;
        while i > floor {
            let k = i - 1;
            let t = &self.toks()[k];
            match t.kind {
                Kind::Word if t.quote == 0 => {
                    let w = t.norm.as_ref();
                    let acronym = self.is_acronym(k);
                    // "Board on Water Rights", "Alliance against Piracy": a preposition
                    // inside an organisation's name.
                    let in_name = words > 0
                        && lex.name_prepositions.contains(w)
                        && self.toks()[k + 1].cap
                        && k > floor
                        && self.toks()[k - 1].cap
                        && lex.heads.get(self.toks()[k - 1].norm.as_ref())
                            == Some(&super::lexicon::HeadKind::Organisation);
                    let kept = acronym || in_name;
                    if !kept
                        && lex.speaker_stops.contains(w)
                        && !(words == 0 && lex.pronouns.contains_key(w))
                        || self.cue_at(k, end).is_some() && words > 0
                    {
                        break;
                    }
                    if lex.time_words.contains(w) && words == 0 {
                        return None;
                    }
                    words += 1;
                    i = k;
                    if words == 1 && lex.pronouns.contains_key(w) && !acronym {
                        break;
                    }
                    // A determiner opens the phrase unless a preposition or "and" precedes it.
                    if lex.determiners.contains(w) {
                        let before = k.checked_sub(1).and_then(|b| self.word(b));
                        if !before.is_some_and(|b| lex.np_prepositions.contains(b)) {
                            break;
                        }
                    }
                }
                Kind::OpenParen | Kind::CloseParen => i = k,
                // "Joint Task Force - North": an organisation's name runs on past a dash to
                // the branch it names.
                Kind::Dash
                    if words > 0
                        && self.toks()[i].cap
                        && k > floor
                        && self.toks()[k - 1].cap
                        && lex.heads.get(self.toks()[k - 1].norm.as_ref())
                            == Some(&super::lexicon::HeadKind::Organisation) =>
                {
                    self.fired("organisation_name_runs_past_dash");
                    i = k;
                }
                _ => break,
            }
            if words > MAX_NP {
                return None;
            }
        }
        while i < end && !matches!(self.kind(i), Kind::Word) {
            i += 1;
        }
        // Drop leading prepositions: "of the coalition" is not a subject.
        while i < end
            && self
                .word(i)
                .is_some_and(|w| lex.np_prepositions.contains(w))
        {
            i += 1;
        }
        // "on Saturday the task force said": a time word opening the phrase is an adjunct.
        while i + 1 < end && self.is_word(i, &lex.time_words) && self.kind(i + 1) == Kind::Word {
            self.fired("leading_time_word_is_no_part_of_speaker");
            i += 1;
        }
        (words > 0 && i < end).then_some(i..end)
    }

    /// The subject ending at `end`: a noun phrase that can name a speaker. When the phrase
    /// right before the verb cannot ("river pollution"), it may be the complement of
    /// one that can: "Experts on the Arctic and river pollution said",
    /// "elected officials from all three towns say".
    fn subject_before(&self, end: usize, floor: usize) -> Option<Range<usize>> {
        let np = self.np_before(end, floor)?;
        let mut joined = np.clone();
        // A complement names no one; the phrase it completes must, by more than a determiner.
        for _ in 0..3 {
            if joined != np
                && self.plausible_speaker(joined.clone())
                && self.names_someone(joined.start..np.start)
            {
                break;
            }
            if joined == np && self.plausible_speaker(np.clone()) {
                break;
            }
            let linked = joined.start > floor + 1
                && self.word(joined.start - 1).is_some_and(|w| {
                    self.lex.np_prepositions.contains(w) || matches!(w, "from" | "with")
                });
            if !linked {
                return None;
            }
            let head = self.np_before(joined.start - 1, floor)?;
            joined = head.start..np.end;
        }
        let found = if joined == np {
            self.plausible_speaker(np.clone())
        } else {
            self.plausible_speaker(joined.clone()) && self.names_someone(joined.start..np.start)
        };
        if !found {
            return None;
        }
        // "Experts on the Arctic said": a person noun before a preposition heads the phrase.
        if joined.start > floor + 1
            && self
                .word(joined.start - 1)
                .is_some_and(|w| matches!(w, "on" | "from" | "of" | "at" | "in" | "for"))
        {
            if let Some(head) = self.np_before(joined.start - 1, floor) {
                let person = self.word(head.end - 1).is_some_and(|w| {
                    self.lex.unnamed.contains(w)
                        || self.lex.roles.contains(w)
                        || w.strip_suffix('s')
                            .is_some_and(|one| self.lex.roles.contains(one))
                });
                if person {
                    return Some(head.start..joined.end);
                }
            }
        }
        Some(joined)
    }

    /// Whether a phrase holds a word that names someone: a name or a person noun.
    fn names_someone(&self, np: Range<usize>) -> bool {
        let lex = self.lex;
        np.clone().any(|i| {
            let t = &self.toks()[i];
            let w = t.norm.as_ref();
            (t.cap && t.kind == Kind::Word)
                || lex.roles.contains(w)
                || lex.unnamed.contains(w)
                || w.strip_suffix('s')
                    .is_some_and(|one| lex.roles.contains(one))
        })
    }

    /// A noun phrase starting at `start` (English), up to a clause boundary.
    fn np_after(&self, start: usize, end: usize) -> Option<Range<usize>> {
        let lex = self.lex;
        let mut i = start;
        let mut words = 0;
        while i < end {
            let t = &self.toks()[i];
            match t.kind {
                Kind::Word => {
                    let w = t.norm.as_ref();
                    let inner_prep = lex.np_prepositions.contains(w)
                        && words > 0
                        && self
                            .toks()
                            .get(i + 1)
                            .is_some_and(|n| n.cap || lex.determiners.contains(&*n.norm));
                    if (lex.speaker_stops.contains(w) && !inner_prep && !self.is_acronym(i))
                        || (words > 0 && (self.cue_at(i, end).is_some() || w.ends_with("n't")))
                    {
                        break;
                    }
                    // "according to The Evening Courier the council sent…": a determiner right
                    // after a name opens the next phrase.
                    if !self.arabic
                        && words > 0
                        && !t.cap
                        && self.toks()[i - 1].cap
                        && lex.determiners.contains(w)
                    {
                        break;
                    }
                    // "Alma Ruiz spoke…": a lowercase word after a name is its verb,
                    // unless it is a noun of the phrase or a name follows it.
                    if !self.arabic
                        && words > 0
                        && !t.cap
                        && self.toks()[i - 1].cap
                        && !self.np_word(w)
                    {
                        let next_np = self.toks().get(i + 1).is_some_and(|n| {
                            n.kind == Kind::Word && (n.cap || self.np_word(&n.norm))
                        });
                        if !next_np {
                            break;
                        }
                    }
                    words += 1;
                }
                Kind::OpenParen | Kind::CloseParen => {}
                _ => break,
            }
            if words > MAX_NP {
                return None;
            }
            i += 1;
        }
        while i > start && !matches!(self.kind(i - 1), Kind::Word | Kind::CloseParen) {
            i -= 1;
        }
        (words > 0).then_some(start..i)
    }

    fn np_word(&self, w: &str) -> bool {
        let lex = self.lex;
        lex.np_prepositions.contains(w)
            || lex.roles.contains(w)
            || lex.heads.contains_key(w)
            || lex.unnamed.contains(w)
            || lex.titles.contains_key(w)
            || lex.documents.contains(w)
    }

    /// Skips an addressee after "told": "told reporters on Monday", "telling him".
    fn skip_addressee(&self, j: usize, end: usize) -> usize {
        let mut k = j;
        let mut n = 0;
        while k < end && n < 6 {
            match self.word(k) {
                Some(w)
                    if !self.lex.complementizers.contains(w) && self.cue_at(k, end).is_none() =>
                {
                    n += 1;
                    k += 1;
                    if self.lex.addressees.contains(w) || self.lex.pronouns.contains_key(w) {
                        break;
                    }
                }
                _ => break,
            }
        }
        // Only a short name or a known addressee: otherwise the words were content.
        if self
            .word(k)
            .is_some_and(|w| self.lex.complementizers.contains(w))
            || matches!(
                self.kind(k),
                Kind::Comma | Kind::Colon | Kind::QuoteOpen | Kind::End
            )
            || k > j
                && self.word(k - 1).is_some_and(|w| {
                    self.lex.addressees.contains(w) || self.lex.pronouns.contains_key(w)
                })
        {
            k
        } else {
            j
        }
    }

    // ---- Arabic ---------------------------------------------------------------------------

    /// After a source phrase ending at `last` (with `glued` bytes of a preposition glued to
    /// the next token), «ما» and a reporting verb ("according to *what* X *said*"): the
    /// position of the verb, where the speaker's phrase then starts. Otherwise unchanged.
    fn what_was_said(&self, last: usize, glued: usize) -> (usize, usize) {
        let what = match self.word(last + 1) {
            // «لما»: the glued preposition and «ما»
            Some(w) if glued > 0 => w.get(glued..) == Some("ما"),
            Some(w) => w == "ما",
            None => false,
        };
        let verb_at = if what { last + 2 } else { last + 1 };
        let is_verb = self.word(verb_at).is_some_and(|w| {
            // «قاله», «أعلنته»: the verb with its object pronoun
            let stems = [
                w,
                w.strip_suffix('ه').unwrap_or(w),
                w.strip_suffix("ته").unwrap_or(w),
            ];
            stems.iter().any(|v| {
                self.lex
                    .cues
                    .get(*v)
                    .is_some_and(|c| c.form == CueForm::Verb)
            })
        });
        if is_verb && (what || glued == 0) {
            (verb_at, 0)
        } else {
            (last, glued)
        }
    }

    fn arabic_cand(
        &self,
        sent: &Range<usize>,
        c: usize,
        last: usize,
        info: Cue,
        glued: usize,
        prior: &[Cand],
    ) -> Option<Cand> {
        let lex = self.lex;
        let end = content_end(self.toks(), sent);
        let conj = self
            .word(c)
            .is_some_and(|w| !lex.cues.contains_key(w) && !lex.phrases.contains_key(w));
        if info.form == CueForm::Source {
            // «وفق ما أعلن الوزير…», «وفقا لما قاله…», «حسبما أفاد…»: "according to what X
            // said"; the speaker follows the verb.
            let (last, glued) = self.what_was_said(last, glued);
            // «وفقاً لـوكالة…»: the speaker starts inside the token after the phrase.
            let np = if glued > 0 {
                let rest = self.ar_np_after(last + 2, end).map_or(last + 2, |r| r.end);
                last + 1..rest
            } else {
                self.ar_np_after(last + 1, end)?
            };
            let glued = if glued > 0 {
                let t = &self.toks()[last + 1];
                let word = &self.scan.text[t.start..t.end];
                let after_l = &word[glued.min(word.len())..];
                glued + (after_l.len() - after_l.trim_start_matches('\u{0640}').len())
            } else {
                0
            };
            let who = Who::Mention(np.clone(), glued);
            if c > sent.start + 2
                && self.kind(c - 1) == Kind::Comma
                && self.words_in(np.end..end) == 0
            {
                let from = self.lead(sent.start, c - 1);
                return Some(Cand {
                    cue: c..last + 1,
                    info,
                    who,
                    clause_start: c - 1,
                    content: Content::Backward(from..c - 1),
                    gender: Gender::Unknown,
                });
            }
            let mut k = np.end;
            while matches!(self.kind(k), Kind::Comma) || self.is_word(k, &lex.complementizers) {
                k += 1;
            }
            if self.words_in(k..end) < 2 {
                return None;
            }
            return Some(Cand {
                cue: c..last + 1,
                info,
                who,
                clause_start: c,
                content: self.forward(k, end),
                gender: Gender::Unknown,
            });
        }

        let mut j = last + 1;
        while self.is_word(j, &lex.auxiliaries) {
            j += 1;
        }
        let mut clause_start = c;
        let (who, np_end) = if info.form == CueForm::Participle {
            let who = match prior.last() {
                Some(p) if p.gender.agrees(info.gender) => p.who.clone(),
                _ => Who::Implicit(info.gender),
            };
            (who, j)
        } else if let Some(np) = self.ar_np_after(j, end) {
            let e = np.end;
            (Who::Mention(np, 0), e)
        } else if let Some(np) = (!conj).then(|| self.ar_subject_before(sent, c)).flatten() {
            clause_start = np.start;
            (Who::Mention(np, 0), j)
        } else {
            (Who::Implicit(info.gender), j)
        };
        if clause_start > sent.start && matches!(self.kind(clause_start - 1), Kind::Comma) {
            clause_start -= 1;
        }
        let cand = |content| Cand {
            cue: c..last + 1,
            info,
            who: who.clone(),
            clause_start,
            content,
            gender: info.gender,
        };

        // A quotation right before the verb: «“…”، قال X».
        if c > sent.start {
            let b = if self.kind(c - 1) == Kind::Comma && c > sent.start + 1 {
                c - 2
            } else {
                c - 1
            };
            if let Some(q) = self.quote_of_close(b) {
                if self.quote_words(q) >= 3 && self.words_in(np_end..end) <= 4 {
                    return Some(cand(Content::Quote(q)));
                }
            }
        }
        // Find where the content starts.
        let mut k = np_end;
        let mut gap = 0;
        while k < end && gap <= MAX_GAP * 2 {
            match self.kind(k) {
                Kind::Colon => {
                    let s = k + 1;
                    return self.ar_content(s, end).map(cand);
                }
                Kind::QuoteOpen => {
                    let q = self.quote_of_open(k)?;
                    let long = self.quote_words(q) >= 3;
                    let marked =
                        k == np_end || matches!(self.kind(k - 1), Kind::Comma | Kind::Colon);
                    if long || (marked && self.quote_words(q) >= 2) {
                        return self.ar_content(k, end).map(cand);
                    }
                    k = self.toks()[k].pair as usize + 1;
                    gap += 1;
                    continue;
                }
                Kind::Word => {
                    let w = self.word(k).unwrap_or("");
                    if lex.in_set(&lex.complementizers, w) {
                        return self.ar_content(k + 1, end).map(cand);
                    }
                    if let Some(prep) = info.prep {
                        let prep = lex.preps[prep as usize].as_str();
                        let stripped = lex.strip_verb_proclitic(w).unwrap_or(w);
                        if (w == prep || stripped == prep)
                            && !self.is_word(k + 1, &lex.complementizers)
                        {
                            return self.ar_content(k, end).map(cand);
                        }
                    }
                    // «…بإدانة البلدية، التي قالت إنها…»: a later cue after a comma or a
                    // relative pronoun reports a clause of its own; this verb's content is
                    // its object before it.
                    if k > np_end
                        && self.cue_at(k, end).is_some()
                        && (self.kind(k - 1) == Kind::Comma
                            || self.word(k - 1).is_some_and(is_relative_pronoun))
                    {
                        break;
                    }
                    gap += 1;
                }
                Kind::Comma | Kind::OpenParen | Kind::CloseParen | Kind::Dash | Kind::Other => {}
                _ => break,
            }
            k += 1;
        }
        // No marker: a verb with an explicit subject takes the rest as its object («طلبت
        // الهيئة من الحكومة…», «دعت الوزيرة بلادها…»).
        if info.weak || matches!(who, Who::Implicit(_)) || info.form == CueForm::Participle {
            return None;
        }
        let mut s = np_end;
        while s < end && (matches!(self.kind(s), Kind::Comma) || self.is_word(s, &lex.time_words)) {
            s += 1;
        }
        if self.words_in(s..end) < 3 {
            return None;
        }
        Some(cand(self.forward(s, end)))
    }

    /// Content starting at `s`: a whole quotation when the quotation is all of it.
    fn ar_content(&self, s: usize, end: usize) -> Option<Content> {
        let mut s = s;
        // «إنها “…”»: a complementiser or pronoun word before the quotation.
        if self.kind(s) == Kind::Word && self.is_word(s, &self.lex.complementizers) {
            s += 1;
        }
        if let Some(q) = self.quote_of_open(s) {
            let close = self.scan.quotes[q].close;
            if self.words_in(close + 1..end) <= 4
                || matches!(self.kind(close + 1), Kind::Comma)
                    && self.starts_cue_clause(close + 2, end)
            {
                return Some(Content::Quote(q));
            }
        }
        if self.kind(s) == Kind::Word
            && self.kind(s + 1) == Kind::QuoteOpen
            && self.words_in(s..s + 1) == 1
        {
            if let Some(q) = self.quote_of_open(s + 1) {
                let close = self.scan.quotes[q].close;
                if self.words_in(close + 1..end) == 0 {
                    return Some(Content::Quote(q));
                }
            }
        }
        (self.words_in(s..end) >= 2).then(|| self.forward(s, end))
    }

    fn starts_cue_clause(&self, i: usize, end: usize) -> bool {
        self.cue_at(i, end).is_some()
    }

    /// The speaker noun phrase after an Arabic verb, up to an adjunct, a complementiser or a
    /// quotation.
    fn ar_np_after(&self, start: usize, end: usize) -> Option<Range<usize>> {
        let lex = self.lex;
        let toks = self.toks();
        let mut i = start;
        let mut words = 0;
        let mut opens_with_role = false;
        let mut opens_with_person = false;
        let mut last_definite = false;
        let article = lex.definite_article.as_deref().unwrap_or("\u{0}");
        while i < end {
            match self.kind(i) {
                Kind::Word => {
                    let w = self.word(i).unwrap_or("");
                    let bare = lex.bare(w);
                    let glued_l =
                        w.starts_with('ل') && !w.starts_with("ال") && w.chars().count() > 3;
                    // «بالقول», «بالاتفاق»: a preposition glued to a definite noun opens an
                    // adjunct or an object, never a speaker or a part of one.
                    let glued_prep =
                        (w.starts_with("بال") || w.starts_with("كال")) && w.chars().count() > 4;
                    if glued_prep {
                        self.fired("glued_preposition_ends_speaker");
                        break;
                    }
                    if lex.in_set(&lex.complementizers, w)
                        || (lex.speaker_stops.contains(w) && !self.name_spelling(i))
                        || (words > 0 && self.cue_at(i, end).is_some())
                    {
                        // «نائبة رئيس هيئة … في كندا سلمى قاسم»: a short place phrase inside
                        // a title, when a name follows before the clause ends.
                        if opens_with_role && w == "في" && self.name_follows(i + 1, end) {
                            i += 1;
                            words += 1;
                            continue;
                        }
                        break;
                    }
                    if words == 0 && (lex.time_words.contains(w) || lex.pronouns.contains_key(w)) {
                        break;
                    }
                    // A glued ل opens an adjunct («لصحيفة») unless it follows a noun in a
                    // construct («القائد العام لقوات»).
                    if glued_l && (words == 0 || !last_definite) {
                        break;
                    }
                    // «ونفت الحكومة وجود…»: an indefinite word after a definite subject is the
                    // object, unless a role or title opened the phrase and a name follows it.
                    let definite = w.starts_with(article) || strip_definite(w, article);
                    // «قوات لبنان الموحدة»: a country after an organisation word is its
                    // complement, not the verb's object.
                    let place_complement = words > 0
                        && lex.places.contains(w)
                        && self.word(i - 1).is_some_and(|p| {
                            lex.heads.contains_key(p) || lex.heads.contains_key(lex.bare(p))
                        });
                    if place_complement {
                        self.fired("place_completes_organisation_name");
                        words += 1;
                        last_definite = true;
                        i += 1;
                        continue;
                    }
                    // «المتحدث باسم الوزارة», «المتحدث باسمها»: "speaking for", inside a role.
                    if words > 0
                        && opens_with_role
                        && matches!(w, "باسم" | "باسمه" | "باسمها" | "باسمهم")
                    {
                        self.fired("spokesman_for_continues_role");
                        words += 1;
                        last_definite = true;
                        i += 1;
                        continue;
                    }
                    // «اتحاد مزارعي الوادي»: an organisation word without the article is in
                    // construct with the noun after it.
                    let construct = words > 0
                        && self
                            .word(i - 1)
                            .is_some_and(|p| !p.starts_with(article) && lex.heads.contains_key(p));
                    if words > 0
                        && last_definite
                        && !definite
                        && !glued_l
                        && !opens_with_person
                        && !construct
                    {
                        break;
                    }
                    // An object with a possessive pronoun («بلادها») ends the subject. The article
                    // never takes a possessive, so «التزامها» is one too (a stem in «ال…»).
                    if words > 0
                        && (w.ends_with("ها") || w.ends_with("هم"))
                        && w.chars().count() > if w.starts_with(article) { 5 } else { 4 }
                    {
                        break;
                    }
                    // «أبدى الوزير الأمريكي قلقه»: after a word with the article, a word ending
                    // in the pronoun «ـه» (written so, not a folded «ة») is the verb's object.
                    let written = &self.scan.text[toks[i].start..toks[i].end];
                    if words > 0
                        && last_definite
                        && written.ends_with('ه')
                        && w.chars().count() >= 4
                        && !w.starts_with(article)
                    {
                        self.fired("object_with_pronoun_suffix_ends_speaker");
                        break;
                    }
                    // «“سامر يوسف” قائد قوات…»: a role in apposition after a name.
                    if words > 0 && !last_definite && lex.in_set(&lex.roles, w) {
                        opens_with_person = true;
                    }
                    if words == 0 {
                        // «مديرها العام كريم…»: a role with a possessive ("its director")
                        let role = [w, strip_possessive(w)]
                            .iter()
                            .any(|r| lex.in_set(&lex.roles, r));
                        opens_with_person = role || lex.titles.contains_key(w);
                        opens_with_role = role
                            || lex.titles.contains_key(w)
                            || lex.heads.contains_key(bare)
                            || lex.heads.contains_key(w);
                    }
                    last_definite = w.starts_with(article)
                        || strip_definite(w, article)
                        || lex.in_set(&lex.roles, w)
                        || lex.heads.contains_key(w);
                    words += 1;
                }
                Kind::QuoteOpen => {
                    // A short quoted name: «قال “سامر يوسف” قائد…».
                    let q = self.quote_of_open(i)?;
                    let n = self.quote_words(q);
                    let close = self.scan.quotes[q].close;
                    let first_inner = self.scan.quotes[q].open + 1;
                    let inner_comp = toks
                        .get(first_inner)
                        .is_some_and(|t| lex.in_set(&lex.complementizers, &t.norm));
                    let starts_l = toks
                        .get(first_inner)
                        .is_some_and(|t| t.norm.starts_with('ل') && !t.norm.starts_with("ال"));
                    if words > 0 || n > 3 || n == 0 || inner_comp || starts_l {
                        break;
                    }
                    words += n;
                    i = close;
                    last_definite = false;
                }
                Kind::OpenParen | Kind::CloseParen => {}
                Kind::Comma => {
                    // «رئيسة الهيئة…، سلمى قاسم،»: a name in apposition to a role.
                    if words > 0 && opens_with_role {
                        let mut k = i + 1;
                        let mut n = 0;
                        while self.kind(k) == Kind::Word && n < 4 {
                            let w = self.word(k).unwrap_or("");
                            if lex.speaker_stops.contains(w)
                                || lex.in_set(&lex.complementizers, w)
                                || w.starts_with(article)
                                || self.cue_at(k, end).is_some()
                                || lex.time_words.contains(w)
                            {
                                break;
                            }
                            n += 1;
                            k += 1;
                        }
                        let not_a_date =
                            n > 1 || !lex.time_words.contains(self.word(i + 1).unwrap_or(""));
                        let ends_there = matches!(
                            self.kind(k),
                            Kind::Comma | Kind::End | Kind::Colon | Kind::QuoteOpen
                        );
                        let before_content = self.is_word(k, &lex.complementizers)
                            || self.is_word(k, &lex.speaker_stops);
                        if n > 0 && ((not_a_date && ends_there) || before_content) {
                            words += n;
                            i = k;
                            opens_with_role = false;
                            continue;
                        }
                    }
                    break;
                }
                _ => break,
            }
            if words > MAX_NP {
                return None;
            }
            i += 1;
        }
        while i > start
            && !matches!(
                self.kind(i - 1),
                Kind::Word | Kind::QuoteClose | Kind::CloseParen
            )
        {
            i -= 1;
        }
        (words > 0).then_some(start..i)
    }

    /// Whether a word that folds onto a stop word is spelled as a name: «علي» (Ali), not the
    /// preposition «على».
    fn name_spelling(&self, i: usize) -> bool {
        let t = &self.toks()[i];
        let text = &self.scan.text[t.start..t.end];
        t.norm == "علي" && text.ends_with('ي')
    }

    /// Whether a proper name (a word without the article) ends the phrase starting at `i`
    /// within a few words.
    fn name_follows(&self, i: usize, end: usize) -> bool {
        let article = self.lex.definite_article.as_deref().unwrap_or("\u{0}");
        let mut k = i;
        let mut saw_name = false;
        while k < end && k < i + 5 {
            match self.word(k) {
                Some(w)
                    if !self.lex.speaker_stops.contains(w)
                        && !self.lex.in_set(&self.lex.complementizers, w) =>
                {
                    saw_name = !w.starts_with(article);
                }
                _ => break,
            }
            k += 1;
        }
        saw_name && matches!(self.kind(k), Kind::Comma | Kind::Colon)
    }

    /// A subject before an Arabic verb (SVO): «سلمى قاسم كشفت…».
    fn ar_subject_before(&self, sent: &Range<usize>, c: usize) -> Option<Range<usize>> {
        let lex = self.lex;
        let mut s = sent.start;
        while s < c && !matches!(self.kind(s), Kind::Word | Kind::QuoteOpen) {
            s += 1;
        }
        if self.is_word(s, &lex.leading_conjunctions) {
            s += 1;
        }
        if s >= c || c - s > 8 {
            return None;
        }
        for k in s..c {
            match self.kind(k) {
                Kind::Word => {
                    let w = self.word(k)?;
                    if lex.speaker_stops.contains(w)
                        || lex.in_set(&lex.complementizers, w)
                        || self.cue_at(k, c).is_some()
                        || lex.pronouns.contains_key(w)
                    {
                        return None;
                    }
                }
                Kind::QuoteOpen | Kind::QuoteClose | Kind::OpenParen | Kind::CloseParen => {}
                _ => return None,
            }
        }
        Some(s..c)
    }

    // ---- shared -------------------------------------------------------------------------

    fn forward(&self, from: usize, end: usize) -> Content {
        // A quotation closed, a comma, and the writer's context ("“…”, after clashes…"): the
        // content ends with the quotation.
        let end = (from + 1..end.min(from + 200))
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
            (from..end.min(from + 200))
                .find(|&k| {
                    let t = &self.toks()[k];
                    t.kind == Kind::Semicolon && t.quote == 0 && k > from + 2
                })
                .unwrap_or(end)
        };
        Content::Forward(from..end)
    }

    /// Whether the words at `k` open the writer's context ([`Lexicon::context_openers`]; an
    /// entry of two words matches the two words).
    fn opens_context(&self, k: usize) -> bool {
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
    fn lead(&self, start: usize, end: usize) -> usize {
        let mut s = start;
        // A dateline: "LAKEVILLE, Ruritania (Valley Radio) –", "Oslo, Norway –".
        if let Some(dash) = (start..end.min(start + 12)).find(|&k| self.kind(k) == Kind::Dash) {
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

    fn words_in(&self, r: Range<usize>) -> usize {
        self.scan.words_in(r)
    }

    /// Quotations opening a sentence without a cue, right after a statement: they continue
    /// its speaker ("“…,” she said. “And more.”").
    fn standalone_quotes(&mut self, sent: &Range<usize>, para: u32, used: &[usize]) {
        let Some((actor, last_para)) = self.reg.last() else {
            return;
        };
        if para > last_para + 1 {
            return;
        }
        let mut s = sent.start;
        while s < sent.end && self.is_word(s, &self.lex.leading_conjunctions) {
            s += 1;
        }
        let Some(q) = self.quote_of_open(s) else {
            return;
        };
        if used.contains(&q) || self.quote_words(q) < 3 {
            return;
        }
        let close = self.scan.quotes[q].close;
        // The quotation must be (nearly) the whole sentence.
        if self.words_in(close + 1..sent.end) > 2 {
            return;
        }
        let span = self.inner_span(q);
        let statement = Statement {
            actor,
            speaker: String::new(),
            speaker_span: None,
            kind: StatementKind::Direct,
            cue: String::new(),
            stance: Stance::Neutral,
            text: self.scan.text[span.start..span.end].to_string(),
            span,
        };
        self.reg.spoke(actor, para, Gender::Unknown);
        self.record(statement, actor, vec!["standalone_quote_continues_speaker"]);
    }

    /// The text inside a quotation, without trailing commas or spaces («“…,” she said»).
    fn inner_span(&self, q: usize) -> Span {
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

    /// Resolves a candidate's speaker and records the statement.
    fn emit(&mut self, c: Cand, para: u32) {
        let said_gender = c.gender;
        let scan = self.scan;
        let lex = self.lex;
        let rules = {
            let all = self.cand_notes.borrow_mut();
            match all.iter().position(|(k, _)| *k == c.cue.start) {
                Some(i) => all[i].1.clone(),
                None => Vec::new(),
            }
        };
        self.notes.borrow_mut().clear();
        let (actor, speaker, speaker_span) = match &c.who {
            Who::Mention(r, skip) => {
                // A speaker must be able to speak: a document gives way to its owner or
                // author, a depiction, quantity or abstraction to the paragraph's speaker.
                let mut fixed_actor = None;
                let (r, skip) = match self.speaker_validity(r.clone(), *skip) {
                    Validity::Agent => (r.clone(), *skip),
                    Validity::Owner(owner, skip) => {
                        self.fired("owner_of_document_speaks");
                        (owner, skip)
                    }
                    Validity::Document => {
                        fixed_actor = self.document_author(para);
                        if fixed_actor.is_some() {
                            self.fired("document_speaks_for_its_author");
                        }
                        (r.clone(), *skip)
                    }
                    Validity::NonSpeaker => match self.reg.last() {
                        Some((a, p)) if p == para => {
                            self.fired("non_speaker_gives_way_to_paragraph_speaker");
                            fixed_actor = Some(a);
                            (r.clone(), *skip)
                        }
                        _ => {
                            self.fired("non_speaker_dropped");
                            return;
                        }
                    },
                };
                let (r, skip) = (&r, &skip);
                let mut m = parse_mention(scan, lex, r.clone(), c.gender);
                let mut span = m.span;
                if *skip > 0
                    && span.start + skip < span.end
                    && scan.text.is_char_boundary(span.start + skip)
                {
                    // A glued preposition is not part of the name: «لـوكالة» → «وكالة».
                    span.start += skip;
                    let cut = m
                        .name
                        .char_indices()
                        .find(|&(i, _)| i >= *skip)
                        .map_or(0, |(i, _)| i);
                    m.name = m.name[cut..].to_string();
                    if let Some(first) = m.key.first_mut() {
                        *first = first.chars().skip(1).collect();
                    }
                }
                // A message stands for its author: "read the tweet".
                let document = !m.named && m.key.last().is_some_and(|h| lex.documents.contains(h));
                if lex.in_set(&lex.places, &m.key.join(" ")) && m.named {
                    // A country stands for its government.
                    self.fired("country_is_state_body");
                    m.kind = super::ActorKind::StateBody;
                }
                let actor = match (fixed_actor, self.reg.last()) {
                    (Some(a), _) => a,
                    (None, Some((a, p))) if document && para <= p + 2 => {
                        self.fired("document_speaks_for_last_speaker");
                        a
                    }
                    _ => self.reg.resolve(m, para, lex),
                };
                if self.channel_document_near(&c, r.clone()) {
                    self.fired("speaker_used_a_document");
                    self.doc_author.set(Some((self.reg.root(actor), para)));
                }
                (
                    actor,
                    scan.text[span.start..span.end].to_string(),
                    Some(span),
                )
            }
            Who::Pronoun(g) | Who::Implicit(g) => {
                // English "he" and "she" are people; Arabic verbs agree with any noun.
                let person = !self.arabic
                    && matches!(c.who, Who::Pronoun(_))
                    && matches!(g, Gender::Masculine | Gender::Feminine);
                if person {
                    self.fired("he_or_she_is_a_person");
                }
                let Some(a) = self.reg.recent(*g, person) else {
                    return;
                };
                if !matches!(g, Gender::Neuter | Gender::Plural) {
                    self.reg.note_gender(a, *g);
                }
                let speaker = match &c.who {
                    Who::Pronoun(_) => self.pronoun_text(&c),
                    _ => (String::new(), None),
                };
                (a, speaker.0, speaker.1)
            }
        };
        if c.gender != Gender::Unknown {
            self.reg.note_gender(actor, c.gender);
        }
        if let Content::Quotes(first, second) = c.content {
            // Two statements by one speaker: resolve once, emit both.
            let mut head = c.clone();
            head.content = Content::Quote(first);
            let before = self.statements.len();
            self.emit(head, para);
            if let Some((s, actor)) = self.statements.get(before).cloned() {
                let span = self.inner_span(second);
                let text = self.scan.text[span.start..span.end].to_string();
                let rules = self.traces.last().map_or_else(Vec::new, |(_, r)| r.clone());
                self.traces.push((span.start, rules));
                self.statements.push((Statement { span, text, ..s }, actor));
            }
            return;
        }
        let (kind, span) = match &c.content {
            Content::Quote(q) => (StatementKind::Direct, self.inner_span(*q)),
            Content::Quotes(..) => unreachable!("split above"),
            Content::QuotePart(_, r) => {
                let Some(span) = self.content_span(r.clone()) else {
                    return;
                };
                (StatementKind::Direct, span)
            }
            Content::Forward(r) | Content::Backward(r) => {
                let Some(span) = self.content_span(r.clone()) else {
                    return;
                };
                let has_quote = r.clone().any(|i| self.quote_of_open(i).is_some());
                (
                    if has_quote {
                        StatementKind::Mixed
                    } else {
                        StatementKind::Indirect
                    },
                    span,
                )
            }
        };
        if span.end <= span.start {
            return;
        }
        let cue_span = self.toks()[c.cue.start].start..self.toks()[c.cue.end - 1].end;
        let statement = Statement {
            actor: self.reg.root(actor),
            speaker,
            speaker_span,
            kind,
            cue: scan.text[cue_span].to_string(),
            stance: c.info.stance,
            text: scan.text[span.start..span.end].to_string(),
            span,
        };
        self.reg.spoke(actor, para, said_gender);
        self.record(statement, actor, rules);
    }

    fn pronoun_text(&self, c: &Cand) -> (String, Option<Span>) {
        // The pronoun is the word just before the cue (after auxiliaries) or after it.
        let toks = self.toks();
        let mut i = c.cue.start;
        while i > 0 {
            i -= 1;
            if let Some(w) = self.word(i) {
                if self.lex.pronouns.contains_key(w) {
                    let t = &toks[i];
                    return (
                        self.scan.text[t.start..t.end].to_string(),
                        Some(Span {
                            start: t.start,
                            end: t.end,
                        }),
                    );
                }
                if !self.lex.auxiliaries.contains(w) {
                    break;
                }
            } else {
                break;
            }
        }
        (String::new(), None)
    }

    /// The byte span of content tokens, trimmed of punctuation at both ends and of an outer
    /// pair of quotation marks.
    fn content_span(&self, r: Range<usize>) -> Option<Span> {
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

/// A relative pronoun that may open a reporting clause: «التي قالت», "which officials said".
fn is_relative_pronoun(w: &str) -> bool {
    matches!(w, "التي" | "الذي" | "الذين" | "who" | "which")
}

/// An English auxiliary or modal: a clause's finite verb.
fn is_finite_aux(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "are"
            | "were"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "has"
            | "have"
            | "had"
            | "won't"
            | "isn't"
            | "wasn't"
            | "aren't"
            | "doesn't"
            | "didn't"
            | "does"
            | "did"
    )
}

fn strip_definite(w: &str, article: &str) -> bool {
    crate::text::strip_arabic_proclitic(w).starts_with(article)
}

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

/// An Arabic word without a possessive pronoun suffix («مديرها» → «مدير»); the word itself
/// when it has none or would be too short without it.
fn strip_possessive(w: &str) -> &str {
    ["هما", "هم", "ها", "ه"]
        .iter()
        .find_map(|p| w.strip_suffix(p).filter(|r| r.chars().count() >= 3))
        .unwrap_or(w)
}
