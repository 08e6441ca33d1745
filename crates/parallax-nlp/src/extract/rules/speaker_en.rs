//! English speaker noun phrases: where a speaker mention starts and ends.
//!
//! A speaker is read back from the verb ("the board's new chair said") or forward from an
//! inverted verb or a source phrase ("said the chair", "according to the board"), up to a
//! clause boundary, a stop word or another cue. Whether the phrase can name a speaker at all
//! is decided here from capitals and the lexicon's person, organisation and role nouns.
//!
//! What it leaves out: which actor the mention is ([`super::resolve`]), and whether its head
//! can speak ([`super::validity`]).

use std::ops::Range;

use super::{Extractor, Who, MAX_NP};
use crate::extract::lexicon::HeadKind;
use crate::extract::scan::Kind;

/// Prepositional complements a subject may be read back through to the phrase that names
/// someone ("experts on the river and its pollution said"); further back is another clause.
const MAX_COMPLEMENT_LINKS: usize = 3;
/// The longest addressee after "told" ("told reporters on Monday"); longer is content.
const MAX_ADDRESSEE_WORDS: usize = 6;

impl<'s, 't> Extractor<'s, 't> {
    /// A pronoun phrase as a pronoun speaker, any other phrase as a mention.
    pub(super) fn who_of(&self, np: Range<usize>) -> Who {
        if np.len() == 1 && !self.is_acronym(np.start) {
            if let Some(g) = self.word(np.start).and_then(|w| self.lex.pronouns.get(w)) {
                return Who::Pronoun(*g);
            }
        }
        Who::Mention(np, 0)
    }

    /// Whether an English noun phrase can name a speaker: a name, a pronoun, a determined
    /// phrase or a person or organisation noun ("harsh words" cannot).
    pub(super) fn plausible_speaker(&self, np: Range<usize>) -> bool {
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
                    // The plural of a person noun: "senior farm lawmakers", "economists".
                    || w.strip_suffix('s').is_some_and(|one| lex.roles.contains(one))
            })
    }

    /// Whether a noun phrase (a speaker after an inverted verb) starts at `i`.
    pub(super) fn starts_np(&self, i: usize) -> bool {
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
    pub(super) fn np_before(&self, end: usize, floor: usize) -> Option<Range<usize>> {
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
                            == Some(&HeadKind::Organisation);
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
                            == Some(&HeadKind::Organisation) =>
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
    pub(super) fn subject_before(&self, end: usize, floor: usize) -> Option<Range<usize>> {
        let np = self.np_before(end, floor)?;
        let mut joined = np.clone();
        // A complement names no one; the phrase it completes must, by more than a determiner.
        for _ in 0..MAX_COMPLEMENT_LINKS {
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
                    self.lex.np_prepositions.contains(w)
                        || self.lex.complement_prepositions.contains(w)
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
                .is_some_and(|w| self.lex.person_complement_prepositions.contains(w))
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
    pub(super) fn names_someone(&self, np: Range<usize>) -> bool {
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
    pub(super) fn np_after(&self, start: usize, end: usize) -> Option<Range<usize>> {
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

    /// Whether a lowercase word belongs in a name phrase: a preposition, role, head, title or
    /// document noun.
    pub(super) fn np_word(&self, w: &str) -> bool {
        let lex = self.lex;
        lex.np_prepositions.contains(w)
            || lex.roles.contains(w)
            || lex.heads.contains_key(w)
            || lex.unnamed.contains(w)
            || lex.titles.contains_key(w)
            || lex.documents.contains(w)
    }

    /// Skips an addressee after "told": "told reporters on Monday", "telling him".
    pub(super) fn skip_addressee(&self, j: usize, end: usize) -> usize {
        let mut k = j;
        let mut n = 0;
        while k < end && n < MAX_ADDRESSEE_WORDS {
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
}
