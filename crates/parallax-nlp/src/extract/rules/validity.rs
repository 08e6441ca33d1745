//! Who can be a speaker.
//!
//! A speaker is a person, an organisation, a state body, a role description, or a pronoun
//! resolved to one of these. A mention headed by a noun that cannot speak is never the
//! speaker: a document ("the statement", «البيان») gives way to the owner it names ("the
//! ministry's statement", "a statement by the ministry", «بيان الوزارة») or, failing that,
//! to the author of the last document the article mentioned, or to the last speaker, or (with
//! neither) to no one, and the statement is dropped; a depiction ("photos"), a
//! quantity ("200 basis points") or an abstraction ("rising prices") gives way to the
//! paragraph's speaker or to no one, and the statement is then dropped; so does a time ("the
//! past two weeks"), and a time adjunct after a speaker ("the council on Friday") is cut off.
//! The classes of nouns are lexicon data (`documents`, `depictions`, `quantities`,
//! `abstractions`, `time_words`).
//!
//! What it leaves out: possessive pronouns as owners ("its statement" takes the last
//! document's author, not the pronoun's antecedent), and documents whose issuer is only
//! named in a later sentence.

use std::ops::Range;

use super::{Cand, Extractor};
use crate::extract::scan::Kind;

/// What a speaker mention can be.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Validity {
    /// A person, organisation, state body, role description or pronoun.
    Agent,
    /// A document naming its owner: the owner's tokens and the bytes of a preposition glued
    /// to its first word.
    Owner(Range<usize>, usize),
    /// A document naming no owner: "the statement".
    Document,
    /// A depiction, a quantity or an abstraction: it cannot speak.
    NonSpeaker,
}

/// How many paragraphs after a document's author spoke "the statement" still means that
/// author's document; further back, a bare document is read as before (the last speaker's).
const DOCUMENT_AUTHOR_PARAS: u32 = 6;
/// Words after a cue within which a document noun tells how the speaker spoke ("said in a
/// written statement"); further on, the noun belongs to the content.
const DOCUMENT_NEAR_CUE: usize = 5;
/// The longest adjunct naming a document or channel between a subject and its verb ("X in a
/// post on the social media platform Y on Tuesday said"); longer runs are clauses.
pub(super) const MAX_CHANNEL_ADJUNCT: usize = 12;
/// Words after a channel preposition within which its noun comes ("in a written statement");
/// further on, the preposition opens some other adjunct.
const CHANNEL_NOUN_WORDS: usize = 3;

impl<'s, 't> Extractor<'s, 't> {
    /// Whether the mention `r` (with `skip` bytes of a glued preposition) can speak, and if
    /// not, who speaks for it.
    pub(super) fn speaker_validity(&self, r: Range<usize>, skip: usize) -> Validity {
        let Some(head) = self.mention_head(r.clone()) else {
            return Validity::Agent;
        };
        let lex = self.lex;
        let toks = self.toks();
        let t = &toks[head];
        let mut w: &str = t.norm.as_ref();
        if head == r.start && skip > 0 {
            w = w.get(skip..).unwrap_or(w);
        }
        // A capitalised head inside a sentence is a name ("Statement Holdings").
        if !self.arabic && t.cap && !self.sentence_initial(head) {
            return Validity::Agent;
        }
        let is = |set: &super::WordSet| lex.in_set(set, w) || lex.in_set(set, lex.bare(w));
        let document = is(&lex.documents);
        let depiction = is(&lex.depictions);
        let quantity = is(&lex.quantities) || w.starts_with(|c: char| c.is_ascii_digit());
        let abstraction = is(&lex.abstractions);
        if document || depiction {
            if let Some((owner, skip)) = self.owner_of(r.clone(), head) {
                return Validity::Owner(owner, skip);
            }
            return if document {
                Validity::Document
            } else {
                Validity::NonSpeaker
            };
        }
        if quantity || abstraction || self.time_head(r.clone(), head) {
            return Validity::NonSpeaker;
        }
        Validity::Agent
    }

    /// Whether an English mention is headed by a time noun ("the past two weeks", "this
    /// month"): a time cannot speak.
    fn time_head(&self, r: Range<usize>, head: usize) -> bool {
        let Some(w) = self.word(head) else {
            return false;
        };
        let time = self.is_word(head, &self.lex.time_words)
            || w.strip_suffix('s')
                .is_some_and(|one| self.lex.in_set(&self.lex.time_words, one));
        !self.arabic && time && r.start < head && !self.lex.determiners.contains(w)
    }

    /// The mention without a time adjunct that follows it: "the council on Friday" is the
    /// council. Only an English preposition followed by a time word ends it.
    pub(super) fn without_time_adjunct(&self, r: Range<usize>) -> Range<usize> {
        if self.arabic {
            return r;
        }
        let lex = self.lex;
        (r.start + 1..r.end)
            .find(|&k| {
                self.is_word(k, &lex.np_prepositions)
                    && !self.toks()[k].cap
                    && self.is_word(k + 1, &lex.time_words)
                    && k + 1 < r.end
            })
            .map_or(r.clone(), |k| {
                self.fired("time_adjunct_is_no_part_of_speaker");
                r.start..k
            })
    }

    /// The head word of a mention: the last word before a preposition in English ("the lack"
    /// of "the lack of rain"), the first word in Arabic («بيان» of «بيان المجلس»).
    fn mention_head(&self, r: Range<usize>) -> Option<usize> {
        let words = r.clone().filter(|&k| self.kind(k) == Kind::Word);
        if self.arabic {
            return words.into_iter().next();
        }
        let mut head = None;
        for k in words {
            let t = &self.toks()[k];
            if head.is_some() && !t.cap && self.lex.np_prepositions.contains(t.norm.as_ref()) {
                break;
            }
            head = Some(k);
        }
        head
    }

    /// Whether token `k` opens its sentence (where every word is capitalised).
    fn sentence_initial(&self, k: usize) -> bool {
        k == 0
            || matches!(
                self.kind(k - 1),
                Kind::End | Kind::Para | Kind::QuoteOpen | Kind::Colon
            )
            || (k >= 2
                && self
                    .word(k - 1)
                    .is_some_and(|w| self.lex.determiners.contains(w))
                && matches!(self.kind(k - 2), Kind::End | Kind::Para | Kind::QuoteOpen))
    }

    /// The owner a document or depiction names: a possessive before it ("the ministry's
    /// statement"), an issuer modifying it ("a ministry statement"), a complement after it
    /// ("a statement by the ministry", "the statement of the council"), or in Arabic the
    /// noun it is in construct with («بيان المجلس»).
    fn owner_of(&self, r: Range<usize>, head: usize) -> Option<(Range<usize>, usize)> {
        let lex = self.lex;
        let toks = self.toks();
        let _ = lex;
        if self.arabic {
            // «بيان المجلس»: the rest of the phrase owns the document.
            let next = (head + 1..r.end).find(|&k| self.kind(k) == Kind::Word)?;
            let w = self.word(next)?;
            let glued_l = w.starts_with('ل') && !w.starts_with("ال");
            let issued = lex.issued_words.contains(w);
            return (!glued_l && !issued && self.can_own(next..r.end)).then_some((next..r.end, 0));
        }
        // "the ministry's statement", "the ministries' statement".
        if let Some(k) = (r.start..head).rev().find(|&k| {
            self.word(k)
                .is_some_and(|w| w.ends_with("'s") || (w.ends_with("s'") && w.len() > 2))
        }) {
            let from = self.skip_determiners(r.start, k + 1);
            if from <= k && self.can_own(from..k + 1) {
                return Some((from..k + 1, 0));
            }
        }
        // "a ministry statement", "the Ruritanian Presidency statement".
        let from = self.skip_determiners(r.start, head);
        if from < head && self.can_own(from..head) {
            return Some((from..head, 0));
        }
        // "the statement of the council" inside the mention; "a statement by the presidency"
        // after it.
        let after = if head + 1 < r.end { head + 1 } else { r.end };
        if self
            .word(after)
            .is_some_and(|w| lex.owner_prepositions.contains(w))
        {
            let limit = (after + 1..toks.len())
                .find(|&k| {
                    !matches!(
                        self.kind(k),
                        Kind::Word | Kind::OpenParen | Kind::CloseParen
                    )
                })
                .unwrap_or(toks.len());
            let owner = self.np_after(after + 1, limit)?;
            let from = self.skip_determiners(owner.start, owner.end);
            // "by the council on Sunday": the time adjunct is not part of the owner.
            let end = (from + 1..owner.end)
                .find(|&k| {
                    let time = |j: usize| self.is_word(j, &lex.time_words);
                    time(k) || (self.is_word(k, &lex.np_prepositions) && time(k + 1))
                })
                .unwrap_or(owner.end);
            if from < end && self.can_own(from..end) {
                return Some((from..end, 0));
            }
        }
        None
    }

    /// The first token from `from` that is not a determiner.
    fn skip_determiners(&self, mut from: usize, end: usize) -> usize {
        while from < end
            && (self.kind(from) != Kind::Word
                || self
                    .word(from)
                    .is_some_and(|w| self.lex.determiners.contains(w)))
        {
            from += 1;
        }
        from
    }

    /// Whether a phrase can own a document: it names someone (a capitalised name, an
    /// organisation or state body word, a person noun), and is no document itself.
    fn can_own(&self, r: Range<usize>) -> bool {
        let lex = self.lex;
        let mut any = false;
        for k in r {
            let Some(w) = self.word(k) else { continue };
            let w = w
                .strip_suffix("'s")
                .or_else(|| w.strip_suffix('\''))
                .unwrap_or(w);
            let b = lex.bare(w);
            if lex.in_set(&lex.documents, w) || lex.in_set(&lex.depictions, w) {
                return false;
            }
            let head_kind = lex.heads.get(w).or_else(|| lex.heads.get(b));
            any |= (!self.arabic && self.toks()[k].cap)
                || head_kind.is_some_and(|k| *k != crate::extract::lexicon::HeadKind::Media)
                || lex.in_set(&lex.roles, w)
                || lex.in_set(&lex.unnamed, w)
                || (self.arabic && !lex.in_set(&lex.speaker_stops, w));
        }
        any
    }

    /// The author of the last document the article mentioned ("X said in a statement"), if
    /// recent enough for a bare "the statement" to be theirs; else the last speaker.
    pub(super) fn document_author(&self, para: u32) -> Option<usize> {
        if let Some((a, p)) = self.doc_author.get() {
            if para <= p + DOCUMENT_AUTHOR_PARAS {
                return Some(a);
            }
        }
        None
    }

    /// Whether a document noun sits in the attribution clause of `c` (outside its speaker
    /// mention `who` and its content): "said in a statement", "X, in a statement, said",
    /// «وقالت الوزارة في بيان».
    pub(super) fn channel_document_near(&self, c: &Cand, who: Range<usize>) -> bool {
        let toks = self.toks();
        let from = c.clause_start.min(c.cue.start);
        let to = (c.cue.end + DOCUMENT_NEAR_CUE).min(toks.len());
        (from..to)
            .filter(|k| !who.contains(k) && toks[*k].quote == 0)
            .take_while(|&k| k < c.cue.end || !matches!(self.kind(k), Kind::End | Kind::Para))
            .any(|k| {
                self.word(k).is_some_and(|w| {
                    let lex = self.lex;
                    lex.in_set(&lex.documents, w) || lex.in_set(&lex.documents, lex.bare(w))
                })
            })
    }

    /// The start of an adjunct naming the document or channel a speaker used, ending at `p`
    /// (the verb or its auxiliaries): "in a statement on Sunday" of "X in a statement on
    /// Sunday said". The subject is before it.
    pub(super) fn channel_adjunct_before(&self, floor: usize, p: usize) -> Option<usize> {
        let lex = self.lex;
        // "in an interview with the paper he said": a pronoun right before the verb is its
        // subject, and the adjunct belongs to the clause before it.
        if p > floor
            && self
                .word(p - 1)
                .is_some_and(|w| lex.pronouns.contains_key(w))
        {
            return None;
        }
        let mut found = None;
        let mut k = p;
        let mut words = 0;
        while k > floor && words < MAX_CHANNEL_ADJUNCT {
            k -= 1;
            if !matches!(self.kind(k), Kind::Word) || self.toks()[k].quote != 0 {
                break;
            }
            words += 1;
            if !self.is_word(k, &lex.channel_prepositions) {
                continue;
            }
            // The adjunct's noun: within two words after the preposition and its determiner.
            let names_channel = (k + 1..p.min(k + 1 + CHANNEL_NOUN_WORDS)).any(|j| {
                self.word(j).is_some_and(|w| {
                    lex.documents.contains(w)
                        || lex.depictions.contains(w)
                        || lex.heads.get(w) == Some(&crate::extract::lexicon::HeadKind::Media)
                })
            });
            if names_channel && k > floor && self.kind(k - 1) == Kind::Word {
                found = Some(k);
            }
        }
        found
    }
}
