//! Arabic candidates: the speaker and the content around one cue.
//!
//! Arabic reports verb-first («وقالت الهيئة إن…»): the speaker follows the verb, or comes
//! before it (SVO), or is left to the verb's gender (a subject-less continuation). The
//! content opens at a colon, a quotation or a complementiser after the speaker, or is the
//! verb's object. A source phrase ("according to", «وفقا لما قاله») names its source after
//! it. A quotation that runs on past a new attribution inside it is split there.
//!
//! What it leaves out: reading the noun phrases themselves ([`super::speaker_ar`]) and
//! resolving them to actors ([`super::resolve`]).

use std::ops::Range;

use super::{
    content_end, Cand, Content, Extractor, Who, MAX_GAP, MIN_COMPLEMENT_WORDS, MIN_CONTENT_WORDS,
    MIN_QUOTE_WORDS,
};
use crate::extract::lexicon::{Cue, CueForm, Gender};
use crate::extract::scan::Kind;

/// Words a quotation must hold before an attribution inside it splits it; earlier, the
/// attribution is the quotation's opening.
const MIN_WORDS_BEFORE_EMBEDDED: usize = 3;
/// Words searched after an attribution inside a quotation for the source and its
/// complementiser; a longer run is not a source phrase.
const MAX_EMBEDDED_SOURCE_WORDS: usize = 6;
/// Words that may follow a quotation for it to be all of a verb's content («قال X “…” أمس»);
/// more is a clause of the writer's or of another speaker.
const MAX_WORDS_AFTER_QUOTE: usize = 4;
/// How many words of adjuncts may sit between an Arabic verb's subject and its content;
/// verb-first subjects with their titles and places run longer than English ones.
const MAX_AR_GAP: usize = MAX_GAP * 2;
/// Words a quotation needs when a comma or colon marks it as the content; unmarked ones need
/// [`MIN_QUOTE_WORDS`] (a short unmarked quotation is a quoted term).
const MIN_MARKED_QUOTE_WORDS: usize = 2;

impl<'s, 't> Extractor<'s, 't> {
    /// Quotations that run on past a new attribution: «قال: "…يتكرر ما جرى في الشتاء
    /// عليهم وحسب صحيفة المساء فان الحكومة…"». A source phrase or reporting verb with a
    /// glued «و» opening a clause inside the quotation, with a source noun phrase and a
    /// complementiser after it, ends the speaker's words; the rest is the source's statement.
    pub(super) fn split_embedded_attributions(&self, cands: Vec<Cand>) -> Vec<Cand> {
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
    pub(super) fn embedded_attribution(&self, q: usize) -> Option<Cand> {
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
            if self.words_in(inner.start..k) < MIN_WORDS_BEFORE_EMBEDDED {
                continue;
            }
            // The source: a few words naming a medium, an organisation or a person, then the
            // complementiser that opens what it reported.
            let np_start = last + 1;
            let mut from = np_start;
            let mut names_source = false;
            let mut complementiser = None;
            while from < inner.end && from < np_start + MAX_EMBEDDED_SOURCE_WORDS {
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
            if !names_source
                || that == np_start
                || self.words_in(that + 1..inner.end) < MIN_CONTENT_WORDS
            {
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

    /// After a source phrase ending at `last` (with `glued` bytes of a preposition glued to
    /// the next token), «ما» and a reporting verb ("according to *what* X *said*"): the
    /// position of the verb, where the speaker's phrase then starts. Otherwise unchanged.
    pub(super) fn what_was_said(&self, last: usize, glued: usize) -> (usize, usize) {
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

    /// The candidate for an Arabic cue: a source phrase, or a speaker after the verb (before
    /// it, or the verb's gender alone) and the content after a marker or the verb's object.
    pub(super) fn arabic_cand(
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
            return self.ar_source_phrase(sent, c, last, info, glued, end);
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
                if self.quote_words(q) >= MIN_QUOTE_WORDS
                    && self.words_in(np_end..end) <= MAX_WORDS_AFTER_QUOTE
                {
                    return Some(cand(Content::Quote(q)));
                }
            }
        }
        // Find where the content starts.
        if let Some(content) = self.ar_marked_content(np_end, end, info) {
            return content.map(cand);
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
        if self.words_in(s..end) < MIN_CONTENT_WORDS {
            return None;
        }
        Some(cand(self.forward(s, end)))
    }

    /// Where the content of an Arabic verb opens after its speaker (ending at `np_end`): a
    /// colon, a quotation, a complementiser or the verb's own preposition. `Some` decides
    /// the candidate (`Some(None)`: no statement); `None` when no marker comes before a
    /// later cue, a clause boundary or [`MAX_AR_GAP`] words, and the object rule applies.
    fn ar_marked_content(&self, np_end: usize, end: usize, info: Cue) -> Option<Option<Content>> {
        let lex = self.lex;
        let mut k = np_end;
        let mut gap = 0;
        while k < end && gap <= MAX_AR_GAP {
            match self.kind(k) {
                Kind::Colon => {
                    let s = k + 1;
                    return Some(self.ar_content(s, end));
                }
                Kind::QuoteOpen => {
                    let Some(q) = self.quote_of_open(k) else {
                        return Some(None);
                    };
                    let long = self.quote_words(q) >= MIN_QUOTE_WORDS;
                    let marked =
                        k == np_end || matches!(self.kind(k - 1), Kind::Comma | Kind::Colon);
                    if long || (marked && self.quote_words(q) >= MIN_MARKED_QUOTE_WORDS) {
                        return Some(self.ar_content(k, end));
                    }
                    k = self.toks()[k].pair as usize + 1;
                    gap += 1;
                    continue;
                }
                Kind::Word => {
                    let w = self.word(k).unwrap_or("");
                    if lex.in_set(&lex.complementizers, w) {
                        return Some(self.ar_content(k + 1, end));
                    }
                    if let Some(prep) = info.prep {
                        let prep = lex.preps[prep as usize].as_str();
                        let stripped = lex.strip_verb_proclitic(w).unwrap_or(w);
                        if (w == prep || stripped == prep)
                            && !self.is_word(k + 1, &lex.complementizers)
                        {
                            return Some(self.ar_content(k, end));
                        }
                    }
                    // «…بإدانة البلدية، التي قالت إنها…»: a later cue after a comma or a
                    // relative pronoun reports a clause of its own; this verb's content is
                    // its object before it.
                    if k > np_end
                        && self.cue_at(k, end).is_some()
                        && (self.kind(k - 1) == Kind::Comma || self.is_relative_pronoun(k - 1))
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
        None
    }

    /// An Arabic source phrase («بحسب», «وفقا لما قاله»): the source after it, and the
    /// content before it (after a comma) or after the source.
    fn ar_source_phrase(
        &self,
        sent: &Range<usize>,
        c: usize,
        last: usize,
        info: Cue,
        glued: usize,
        end: usize,
    ) -> Option<Cand> {
        let lex = self.lex;
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
        if c > sent.start + 2 && self.kind(c - 1) == Kind::Comma && self.words_in(np.end..end) == 0
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
        if self.words_in(k..end) < MIN_COMPLEMENT_WORDS {
            return None;
        }
        Some(Cand {
            cue: c..last + 1,
            info,
            who,
            clause_start: c,
            content: self.forward(k, end),
            gender: Gender::Unknown,
        })
    }

    /// Content starting at `s`: a whole quotation when the quotation is all of it.
    pub(super) fn ar_content(&self, s: usize, end: usize) -> Option<Content> {
        let mut s = s;
        // «إنها “…”»: a complementiser or pronoun word before the quotation.
        if self.kind(s) == Kind::Word && self.is_word(s, &self.lex.complementizers) {
            s += 1;
        }
        if let Some(q) = self.quote_of_open(s) {
            let close = self.scan.quotes[q].close;
            if self.words_in(close + 1..end) <= MAX_WORDS_AFTER_QUOTE
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
        (self.words_in(s..end) >= MIN_COMPLEMENT_WORDS).then(|| self.forward(s, end))
    }

    /// Whether a cue starts at token `i`, opening a clause of its own.
    pub(super) fn starts_cue_clause(&self, i: usize, end: usize) -> bool {
        self.cue_at(i, end).is_some()
    }
}
