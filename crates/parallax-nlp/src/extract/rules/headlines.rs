//! Headlines: claims in an article's title lines and who made them.
//!
//! Short paragraphs that do not end like sentences are headlines, bylines or navigation.
//! A headline may name its speaker ("Name: claim", "claim, Name"), or quote someone
//! without naming them, in which case it is credited to the body speaker whose statement it
//! repeats.
//!
//! What it leaves out: headlines further down the article than the first few paragraphs.

use std::ops::Range;

use super::{
    ends_sentence, Cand, Content, Extractor, Who, MAX_HEADLINE_WORDS, MIN_CONTENT_WORDS,
    MIN_QUOTE_WORDS, MIN_SHARED_WORDS,
};
use crate::extract::lexicon::{Cue, FastHash, Gender};
use crate::extract::scan::{Kind, Tok};
use crate::extract::{Span, Stance, Statement, StatementKind};

/// Tokens from a headline's start within which its colon may end a speaker's name ("Name:
/// claim"); a colon further in is part of the claim.
const MAX_HEADLINE_SPEAKER_TOKENS: usize = 12;
/// Words a headline claim needs, before or after its speaker; shorter ones are labels
/// ("Live: updates").
const MIN_HEADLINE_CLAIM_WORDS: usize = 4;
/// The longest speaker signing a headline after its last comma ("claim, Name"); longer tails
/// are clauses.
const MAX_SIGNATURE_WORDS: usize = 4;
/// Capitalised words read as an English headline's speaker before a colon or an event verb.
const MAX_HEADLINE_NAME_WORDS: usize = 4;
/// Last words of an Arabic headline speaker searched for «من»/«في» opening the place it spoke
/// from.
const PLACE_LOOKBACK_WORDS: usize = 3;
/// The longest Arabic headline speaker, in words; longer is a clause.
const MAX_AR_HEADLINE_SPEAKER_WORDS: usize = 8;
/// Words an Arabic headline speaker needs when it is recognised only by being written again
/// in the body; one repeated word is often a common noun.
const MIN_REPEATED_SPEAKER_WORDS: usize = 2;
/// First-person words outside quotations in the body that make the article the writer's own
/// (an opinion piece), whose headline is then no quotation.
const FIRST_PERSON_NARRATION: usize = 3;
/// Letters of a content word compared between a headline and the body; shorter words are
/// particles.
const MIN_CONTENT_WORD_CHARS: usize = 3;

impl<'s, 't> Extractor<'s, 't> {
    /// Paragraphs that read as headlines, bylines or navigation: short, and not ending like
    /// a sentence.
    pub(super) fn headline_paragraphs(&self) -> Vec<bool> {
        let mut out = Vec::new();
        let mut words = 0usize;
        let mut last = Kind::Para;
        for t in self.toks() {
            if t.kind == Kind::Para && t.quote == 0 {
                out.push(words > 0 && words < MAX_HEADLINE_WORDS && !ends_sentence(last));
                words = 0;
                last = Kind::Para;
                continue;
            }
            if t.kind == Kind::Word {
                words += 1;
            }
            last = t.kind;
        }
        out.push(words > 0 && words < MAX_HEADLINE_WORDS && !ends_sentence(last));
        out
    }

    /// A headline giving a speaker's claim: "Lena Moss: Farmers Worried About…", «سلمى
    /// قاسم: الحكومة طالبت…», "Danish General Halloway meets with Tomas Brenner: support to NLF
    /// will continue" (the event's subject speaks), "We warned…, NWRB".
    pub(super) fn headline_claim(&self, start: usize, end: usize) -> Option<Cand> {
        let colon = (start..end.min(start + MAX_HEADLINE_SPEAKER_TOKENS))
            .take_while(|&k| matches!(self.kind(k), Kind::Word | Kind::Colon))
            .find(|&k| self.kind(k) == Kind::Colon);
        let (who, content, cue) = match colon {
            Some(i) if self.words_in(i + 1..end) >= MIN_HEADLINE_CLAIM_WORDS => (
                self.headline_speaker(start, i)?,
                Content::Forward(i + 1..end),
                i,
            ),
            _ => {
                // "claim, Speaker": a short name after the headline's last comma.
                let c = (start..end).rev().find(|&k| self.kind(k) == Kind::Comma)?;
                let n = self.words_in(c + 1..end);
                if !(1..=MAX_SIGNATURE_WORDS).contains(&n)
                    || self.words_in(start..c) < MIN_HEADLINE_CLAIM_WORDS
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
    pub(super) fn headline_speaker(&self, start: usize, end: usize) -> Option<Range<usize>> {
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
            while i < end
                && i < start + MAX_HEADLINE_NAME_WORDS
                && self.kind(i) == Kind::Word
                && toks[i].cap
            {
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
            .take(PLACE_LOOKBACK_WORDS)
            .find(|&k| {
                self.word(k)
                    .is_some_and(|w| lex.place_prepositions.contains(w))
            })
        {
            stop = k;
        }
        let n = self.words_in(start..stop);
        if !(1..=MAX_AR_HEADLINE_SPEAKER_WORDS).contains(&n)
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
        let named = n >= MIN_REPEATED_SPEAKER_WORDS && (start..stop).all(|k| elsewhere(k, false));
        (described || named).then_some(start..stop)
    }

    /// A headline quoting someone without naming them: a quotation in it ("Farmers ‘not
    /// at risk of losing the river’"), or the whole headline in the first person
    /// ("Our allies will not forget us", «نخشى أن يتركنا الحلفاء…»). It is the
    /// speaker's whose body statement it repeats (sharing at least two content words with it);
    /// a quotation repeating none is the main speaker's.
    pub(super) fn title_quote(&mut self, title: Range<usize>, body: usize) {
        let lex = self.lex;
        let toks = self.toks();
        let quote = self
            .quotes_in(title.clone())
            .into_iter()
            .find(|&q| self.quote_words(q) >= MIN_QUOTE_WORDS);
        let (content, kind) = match quote {
            Some(q) => (self.scan.quotes[q].inner(), StatementKind::Direct),
            None => {
                let first_person = title
                    .clone()
                    .any(|k| self.is_word(k, &lex.first_person) && !self.is_acronym(k));
                if !first_person || self.words_in(title.clone()) < MIN_CONTENT_WORDS {
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
                    .take(FIRST_PERSON_NARRATION)
                    .count();
                if narrated >= FIRST_PERSON_NARRATION {
                    return;
                }
                (title, StatementKind::Indirect)
            }
        };
        let content_word = |k: usize| self.content_word(k);
        let words: std::collections::HashSet<&str, FastHash> =
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
            if seen.len() >= MIN_SHARED_WORDS && best.is_none_or(|(_, n)| seen.len() > n) {
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

    /// A token as a content word for comparing a headline with the body: a word of three
    /// letters or more that is no stop word, complementiser, determiner or first person.
    pub(super) fn content_word(&self, k: usize) -> Option<&'s str> {
        let lex = self.lex;
        let t: &'s Tok<'t> = &self.toks()[k];
        let w: &'s str = t.norm.as_ref();
        (t.kind == Kind::Word
            && w.chars().count() >= MIN_CONTENT_WORD_CHARS
            && !lex.speaker_stops.contains(w)
            && !lex.complementizers.contains(w)
            && !lex.determiners.contains(w)
            && !lex.first_person.contains(w))
        .then_some(w)
    }

    /// Records a headline's claim, read after the body (the first `body` statements): a
    /// repeat of an earlier headline is dropped, an organisation's claim is its official's
    /// when the body gives it to them, and a description met nowhere else is the article's
    /// main speaker.
    pub(super) fn attribute_headline(&mut self, c: Cand, para: u32, body: usize) {
        let before = self.statements.len();
        let main = self.reg.main_speaker();
        self.cand_notes.borrow_mut().clear();
        self.note_cand(&c, "headline_claim");
        self.emit(c, para);
        let Some((st, a)) = self.statements.get(before..).and_then(|n| n.first()) else {
            return;
        };
        let a = *a;
        // The same headline printed twice is one statement.
        let repeated = self.statements[body..before]
            .iter()
            .any(|(o, _)| o.text == st.text);
        if repeated {
            self.statements.truncate(before);
            return;
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
                    shared.len() >= MIN_SHARED_WORDS
                })
                .map(|(_, o)| self.reg.root(*o))
                .collect();
            by.sort_unstable();
            by.dedup();
            if let [official] = by.as_slice() {
                self.statements[before].1 = *official;
                return;
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
}
