//! Cues: where a statement may start.
//!
//! A cue is a reporting verb, participle or attribution phrase from the lexicon, looked up
//! once per sentence. A capitalised or determined cue word inside an English sentence is a
//! name or a noun ("the Post", "his statement"), not a cue. Two finders need no reporting
//! verb: a quotation signed with a dash, and a transcript turn ("NAME: words").
//!
//! What it leaves out: the speaker and the content, which the language's candidate rules
//! read around the cue.

use std::ops::Range;

use super::{content_end, Cand, Content, CueHit, Extractor, Who};
use crate::extract::lexicon::{Cue, Gender};
use crate::extract::scan::Kind;

/// Bytes a word glued to a one-letter preposition must have beyond it (one Arabic letter is
/// two bytes): «لـوزارة» is glued, a short word that merely starts with the letter is not.
const GLUED_REST_MIN_BYTES: usize = 2;
/// Letters from which a word must be capitalised for a sentence to read as a title-case
/// headline; shorter words ("of", "the") stay lowercase in titles.
const TITLE_CASE_MIN_LETTERS: usize = 4;
/// Longer words a title-case headline needs; with fewer, a sentence of names looks like one.
const TITLE_CASE_MIN_WORDS: usize = 4;
/// Words of a transcript label in capitals before its colon ("NAME:"); longer capitals are
/// a shouted sentence.
const MAX_TURN_LABEL_WORDS: usize = 3;
/// Letters each word of a transcript label needs (one letter is an initial or a list mark).
const MIN_TURN_LABEL_LETTERS: usize = 2;
/// Words a transcript turn needs after its label; shorter ones are labels such as "UPDATE:".
const MIN_TURN_WORDS: usize = 4;

impl<'s, 't> Extractor<'s, 't> {
    /// The cue starting at token `i`, and the index of its last token.
    pub(super) fn cue_at(&self, i: usize, end: usize) -> Option<CueHit> {
        // Cues of the current sentence are looked up once; the rules ask again and again.
        {
            let cache = self.cue_cache.borrow();
            if let Some(hit) = i.checked_sub(cache.0).and_then(|k| cache.1.get(k)) {
                return hit.filter(|h| h.1 < end);
            }
        }
        self.find_cue(i, end)
    }

    /// Looks up the cues of a sentence once, and whether it is a title-case headline.
    pub(super) fn fill_cue_cache(&self, sent: &Range<usize>) {
        self.title_case
            .set(!self.arabic && self.is_title_case(sent));
        let found: Vec<_> = sent.clone().map(|i| self.find_cue(i, sent.end)).collect();
        *self.cue_cache.borrow_mut() = (sent.start, found);
    }

    /// A cue word or phrase at token `i` (a capitalised or determined English cue word is a noun).
    pub(super) fn find_cue(&self, i: usize, end: usize) -> Option<CueHit> {
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
                        && got.len() > want.len() + GLUED_REST_MIN_BYTES
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
    pub(super) fn is_title_case(&self, sent: &Range<usize>) -> bool {
        let mut words = 0;
        for i in sent.clone() {
            let t = &self.toks()[i];
            if t.kind != Kind::Word || t.quote != 0 {
                continue;
            }
            let text = &self.scan.text[t.start..t.end];
            if text.chars().filter(|c| c.is_alphabetic()).count() < TITLE_CASE_MIN_LETTERS {
                continue;
            }
            if !t.cap {
                return false;
            }
            words += 1;
        }
        words >= TITLE_CASE_MIN_WORDS
    }

    /// “…” ― Name: a quotation signed with a dash, as in letters and vox pops.
    pub(super) fn dash_attributions(&self, sent: &Range<usize>) -> Vec<Cand> {
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

    /// A transcript turn: a paragraph opening with a speaker's name in capitals and a colon
    /// ("HALLOWAY: Well, look…"). The name must also be written elsewhere in the article, which
    /// keeps labels such as "UPDATE:" out.
    pub(super) fn speaker_turn(&mut self, mut start: usize, end: usize, para: u32) -> bool {
        let toks = self.toks();
        // A turn may be quoted as a whole: "\"HALLOWAY: Well, look…".
        let quoted = matches!(self.kind(start), Kind::QuoteOpen | Kind::Other) && start + 1 < end;
        if quoted {
            start += 1;
        }
        let mut i = start;
        while i < end && i < start + MAX_TURN_LABEL_WORDS && self.kind(i) == Kind::Word {
            let text = &self.scan.text[toks[i].start..toks[i].end];
            let letters = text.chars().filter(|c| c.is_alphabetic()).count();
            if letters < MIN_TURN_LABEL_LETTERS
                || text.chars().any(char::is_lowercase)
                || !text.is_ascii()
            {
                return false;
            }
            i += 1;
        }
        if i == start || self.kind(i) != Kind::Colon || self.words_in(i + 1..end) < MIN_TURN_WORDS {
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
}
