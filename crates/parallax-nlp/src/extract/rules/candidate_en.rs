//! English candidates: the speaker and the content around one cue.
//!
//! English puts the speaker before the verb ("Lena Moss said…"), after it in an inversion
//! ("…,” said the minister"), in an apposition ("Moss, the board's chair, said"), or leaves it
//! to an earlier subject (a participle, a coordinated verb). The content is a quotation next
//! to the cue, the clause after a complementiser, the clause before a trailing "…, she said",
//! or the rest of the sentence.
//!
//! What it leaves out: reading the noun phrases themselves ([`super::speaker_en`]) and
//! resolving them to actors ([`super::resolve`]).

use std::ops::Range;

use super::{
    content_end, Cand, Content, Extractor, Who, MAX_GAP, MIN_COMPLEMENT_WORDS, MIN_CONTENT_WORDS,
};
use crate::extract::lexicon::{Cue, CueForm, Gender};
use crate::extract::scan::Kind;

/// Words a leading participle's clause needs before its comma ("Noting the delays, …").
const MIN_PARTICIPLE_CLAUSE_WORDS: usize = 2;
/// Bytes of a possessive before a noun of opinion ("Orwin's view"); shorter is "it's" or "'s".
const MIN_POSSESSIVE_BYTES: usize = 4;
/// Bytes a word ending in "-ly" needs to be skipped as an adverb between subject and verb;
/// shorter ones ("only", "ally") are not adverbs of manner.
const MIN_LY_ADVERB_BYTES: usize = 4;
/// Appositives between commas read back from the verb to the speaker's name ("Name, 59, of
/// Town, said"); more is a list, not an apposition.
const MAX_APPOSITIVES: usize = 4;
/// Tokens of one appositive segment; longer is a clause, not a description of the speaker.
const MAX_APPOSITIVE_TOKENS: usize = 24;
/// Tokens of an appositive relative clause ("Name, who watched…, said"), which may run longer.
const MAX_RELATIVE_APPOSITIVE_TOKENS: usize = 40;
/// Words that may follow a quotation opening the content for it still to be all of the
/// content ("said: “…” on Monday"); more is a clause of the writer's.
const MAX_WORDS_AFTER_QUOTE: usize = 3;
/// Words of a quoted title before the speaker ("on “Face the Issue,” X said"): shorter
/// quotations with words before them are titles, not the content.
const MAX_QUOTED_TITLE_WORDS: usize = 4;
/// Words after a trailing "…, X said" that may be adjuncts of the attribution ("in a
/// statement on Monday"); more is a clause of its own, and the content runs forward.
const MAX_TRAILING_ADJUNCT_WORDS: usize = 7;
/// Words a participle without a complementiser needs after it to report something.
const MIN_PARTICIPLE_TAIL_WORDS: usize = 3;
/// Words the rest of a sentence needs after a medial attribution ("X, he said, is Y") to be
/// the content's second half.
const MIN_MEDIAL_REST_WORDS: usize = 4;
/// Tokens after a clause's first word within which its auxiliary must come ("his plan will
/// work"); further, the words were not a subject.
const MAX_CLAUSE_SUBJECT_TOKENS: usize = 9;

/// One English cue being read: its sentence, first and last tokens, lexicon entry, and the
/// end of the sentence's content.
#[derive(Clone, Copy)]
struct At<'a> {
    sent: &'a Range<usize>,
    c: usize,
    last: usize,
    info: Cue,
    end: usize,
}

/// Who spoke, as read around an English verb: the speaker, the verb's subject slot `p`,
/// where the attribution clause starts, the token after the speaker (an inverted one ends
/// after the verb), and whether the verb is coordinated with the sentence's first.
struct Speaker {
    who: Who,
    p: usize,
    subj_start: usize,
    after: usize,
    coordinated: bool,
}

impl<'s, 't> Extractor<'s, 't> {
    /// "Noting the delays, the minister said…": a sentence that opens with a reporting
    /// participle and its clause, then a named speaker's own statement. The clause up to the
    /// comma is a statement of that speaker too, with the participle as its cue.
    pub(super) fn leading_participle(&self, sent: &Range<usize>, cands: &[Cand]) -> Option<Cand> {
        let (info, last, _) = self.cue_at(sent.start, sent.end)?;
        if info.form != CueForm::Participle {
            return None;
        }
        let comma = (last + 1..sent.end).find(|&k| self.kind(k) == Kind::Comma)?;
        if self.words_in(last + 1..comma) < MIN_PARTICIPLE_CLAUSE_WORDS
            || !self.quotes_in(last + 1..comma).is_empty()
        {
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

    /// A possessed noun of opinion: "Orwin's view that…", "in Ms. Ruiz's view, …".
    pub(super) fn nominal_cand(&self, sent: &Range<usize>, i: usize) -> Option<Cand> {
        let lex = self.lex;
        if self.arabic || i == sent.start {
            return None;
        }
        // The possessive first: it is rarer than the noun.
        let prev = self.word(i - 1)?;
        if !(prev.ends_with("'s") || prev.ends_with("s'")) || prev.len() < MIN_POSSESSIVE_BYTES {
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
        if self.words_in(from..end) < MIN_CONTENT_WORDS {
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

    /// The candidate for an English cue: a source phrase ("according to X"), an impersonal
    /// passive, a relative clause about a named antecedent, or a speaker (before the verb,
    /// inverted after it, in apposition, or an earlier subject) with the content around the cue.
    pub(super) fn english_cand(
        &self,
        sent: &Range<usize>,
        c: usize,
        last: usize,
        info: Cue,
        prior: &[Cand],
    ) -> Option<Cand> {
        let end = content_end(self.toks(), sent);
        let at = At {
            sent,
            c,
            last,
            info,
            end,
        };
        if info.form == CueForm::Source {
            return self.source_phrase(at);
        }
        let p = self.subject_slot(at);
        if self.is_passive(at, p) {
            return self.impersonal_passive(at, p);
        }
        if self.opens_relative_clause(at, p) {
            return self.relative_clause_of_antecedent(at, p);
        }
        let speaker = self.english_speaker(at, p, prior)?;
        self.english_content(at, prior, speaker)
    }

    /// "…, according to X", "According to X, …", "“…,” according to X": a source phrase and
    /// the content before or after it.
    fn source_phrase(&self, at: At<'_>) -> Option<Cand> {
        let At {
            sent,
            c,
            last,
            info,
            end,
        } = at;
        let lex = self.lex;
        let np = self.np_after(last + 1, end)?;
        let who = Who::Mention(np.clone(), 0);
        // "…, according to X." or "According to X, …".
        if c > sent.start && self.kind(c - 1) == Kind::Comma {
            let from = self.lead(sent.start, c - 1);
            if self.words_in(from..c - 1) >= MIN_CONTENT_WORDS {
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
                .filter(|w| lex.owner_prepositions.contains(*w))
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
        if self.words_in(k..end) < MIN_CONTENT_WORDS {
            return None;
        }
        // "…would be repeated and according to The Evening Courier the council…": the
        // conjunction opens the new source's clause.
        let conj = c > sent.start && self.is_word(c - 1, &lex.coordinators);
        Some(Cand {
            cue: c..last + 1,
            info,
            who,
            clause_start: if conj { c - 1 } else { c },
            content: self.forward(k, end),
            gender: Gender::Unknown,
        })
    }

    /// Where the subject ends before verb `c`: auxiliaries, "-ly" adverbs, negations, a time
    /// adjunct ("on Tuesday") and a channel adjunct ("in a statement") are skipped.
    fn subject_slot(&self, at: At<'_>) -> usize {
        let At { sent, c, .. } = at;
        let lex = self.lex;
        // The subject: skip auxiliaries and adverbs back from the verb.
        let mut p = c;
        loop {
            if p > sent.start
                && self.word(p - 1).is_some_and(|w| {
                    lex.auxiliaries.contains(w)
                        || (w.ends_with("ly") && w.len() > MIN_LY_ADVERB_BYTES)
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
        // "X in a statement on Sunday said": the adjunct names the channel, X speaks.
        if let Some(k) = self.channel_adjunct_before(sent.start, p) {
            self.fired("channel_adjunct_before_verb_skipped");
            p = k;
        }
        p
    }

    /// Whether the cue is passive ("was criticized", "acknowledged by"): its subject is not
    /// the speaker.
    fn is_passive(&self, at: At<'_>, p: usize) -> bool {
        let At { c, last, .. } = at;
        let lex = self.lex;
        let after_cue = last + 1;
        // "was criticized", "acknowledged by": the subject of a passive is not the speaker.
        let cue_word = self.word(last).unwrap_or("");
        let be_before = (p..c).any(|k| self.word(k).is_some_and(|w| lex.be_forms.contains(w)));
        let passive =
            (be_before && !cue_word.ends_with("ing")) || self.word(after_cue) == Some("by");
        passive
    }

    /// "It was stressed that…": an impersonal passive continues the last speaker.
    fn impersonal_passive(&self, at: At<'_>, p: usize) -> Option<Cand> {
        let At {
            sent,
            c,
            last,
            info,
            end,
        } = at;
        let lex = self.lex;
        let after_cue = last + 1;
        // "It was also stressed that…", "It was stressed at the hearing that…": an
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
        Some(Cand {
            cue: c..last + 1,
            info,
            who: Who::Implicit(Gender::Unknown),
            clause_start: p - 1,
            content: self.forward(t + 1, end),
            gender: Gender::Unknown,
        })
    }

    /// Whether verb `c` opens a non-restrictive relative clause after a comma ("Orwin, who
    /// said…").
    fn opens_relative_clause(&self, at: At<'_>, p: usize) -> bool {
        let At { sent, info, .. } = at;
        info.form == CueForm::Verb
            && p > sent.start + 2
            && self.word(p - 1) == Some("who")
            && self.kind(p - 2) == Kind::Comma
    }

    /// "Orwin, who said the count was wrong, lost…": a non-restrictive relative clause reports
    /// its antecedent's words, up to the clause's closing comma.
    fn relative_clause_of_antecedent(&self, at: At<'_>, p: usize) -> Option<Cand> {
        let At {
            sent,
            c,
            last,
            info,
            end,
        } = at;
        let lex = self.lex;
        let toks = self.toks();
        let after_cue = last + 1;
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
        if self.words_in(from..stop) < MIN_CONTENT_WORDS || self.kind(from) != Kind::Word {
            return None;
        }
        Some(Cand {
            cue: c..last + 1,
            info,
            who: Who::Mention(np, 0),
            clause_start: p - 1,
            content: self.forward(from, stop),
            gender: Gender::Unknown,
        })
    }

    /// The speaker of an English verb at `c` whose subject slot ends at `p`: inverted after
    /// the verb, the subject of a coordinated first verb, the noun phrase before the verb, a
    /// name before appositives, or a participle's earlier subject.
    fn english_speaker(&self, at: At<'_>, mut p: usize, prior: &[Cand]) -> Option<Speaker> {
        let At {
            sent,
            c,
            last,
            info,
            ..
        } = at;
        let lex = self.lex;
        let after_cue = last + 1;
        let cue_word = self.word(last).unwrap_or("");
        // "a post that read:", "officials who said": the relative pronoun's antecedent.
        if p > sent.start + 1
            && self.word(p - 1).is_some_and(|w| {
                lex.relative_pronouns.contains(w) || lex.complementizers.contains(w)
            })
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
            if let Some(np) = self.inverted_speaker(at, p) {
                after = np.end;
                who = Some(self.who_of(np));
            }
        }
        // "Orwin backed the union and said he did not support the mayor": a verb coordinated
        // with the sentence's first takes its subject.
        // Only a finite form: "to accuse X and encourage Y" coordinates infinitives.
        let finite = cue_word.ends_with("ed")
            || cue_word.ends_with('s')
            || lex.irregular_finite_cues.contains(cue_word);
        let coordinated = who.is_none()
            && p > sent.start + 1
            && info.form == CueForm::Verb
            && finite
            && self.is_word(p - 1, &lex.coordinators);
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
                    if let Some(mention) = self.name_before_appositives(at, p)? {
                        subj_start = mention.start;
                        who = Some(Who::Mention(mention, 0));
                    } else if info.form == CueForm::Participle {
                        who = Some(self.participle_subject(sent, prior));
                    } else {
                        return None;
                    }
                }
                _ => {}
            }
        }
        Some(Speaker {
            who: who?,
            p,
            subj_start,
            after,
            coordinated,
        })
    }

    /// "Name, the commander of X, said": the name before one or more appositives between
    /// commas, as a mention (`None` inside when no capitalised name opens them; `None`
    /// outside when the phrase before them is no noun phrase, and the cue has no speaker).
    fn name_before_appositives(&self, at: At<'_>, p: usize) -> Option<Option<Range<usize>>> {
        let sent = at.sent;
        let lex = self.lex;
        let toks = self.toks();
        // "Name, the commander of X, said": an appositive between commas, or
        // several ("Name, 61, of Brightwater, Ore., who watched…, said").
        let a_end = p - 1;
        let mut seg_end = a_end;
        let mut named = None;
        let mut relative = false;
        for _ in 0..MAX_APPOSITIVES {
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
            let opens_relative = self.is_word(a, &lex.relative_openers);
            let longest = if opens_relative {
                MAX_RELATIVE_APPOSITIVE_TOKENS
            } else {
                MAX_APPOSITIVE_TOKENS
            };
            if !(a > sent.start + 1 && self.kind(a - 1) == Kind::Comma && seg_end - a <= longest) {
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
        Some(named.map(|name| {
            // The mention stops before a relative clause: it describes, not names.
            let mention_end = if relative { name.end } else { a_end };
            name.start..mention_end
        }))
    }

    /// An inverted speaker after the verb ("…,” said the board's chair Lena Moss."): a
    /// phrase ending the sentence, or naming someone before a comma or colon.
    fn inverted_speaker(&self, at: At<'_>, p: usize) -> Option<Range<usize>> {
        let At {
            sent, last, end, ..
        } = at;
        let toks = self.toks();
        let after_cue = last + 1;
        // "…,” said NWRB Chair Lena Moss."
        let np = self.np_after(after_cue, end)?;
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
        // name someone: "Okafor, 61, of Brightwater, said the fair brought back memories."
        let after_quote = p == sent.start || self.kind(p - 1) == Kind::QuoteClose;
        let speaks = (at_end && (names || after_quote))
            || (matches!(self.kind(np.end), Kind::Comma | Kind::Colon) && names);
        speaks.then_some(np)
    }

    /// What the speaker said: a quotation before or after the cue, the clause after a
    /// complementiser, the clause before a trailing attribution ("X will go, she said"), the
    /// next paragraph after a colon, or the rest of the sentence.
    fn english_content(&self, at: At<'_>, prior: &[Cand], speaker: Speaker) -> Option<Cand> {
        let At {
            sent,
            c,
            last,
            info,
            end,
        } = at;
        let lex = self.lex;
        let after_cue = last + 1;
        let Speaker {
            who,
            p,
            subj_start,
            after,
            coordinated,
        } = speaker;
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
        let (quote_after, that) = self.content_markers(at, j);
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
        // "In an interview on Valley Radio's “Morning Table,” X said the…": a short title in quotation
        // marks, then reported content after the cue.
        if quote_before.is_some_and(|qb| {
            let open = self.scan.quotes[qb].open;
            self.quote_words(qb) <= MAX_QUOTED_TITLE_WORDS
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
            if self.words_in(t + 1..end) >= MIN_COMPLEMENT_WORDS {
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
        let tail = self.trailing_adjunct_words(at, after);
        let before_start =
            if subj_start == p && matches!(who, Who::Mention(..)) && after > after_cue {
                p
            } else {
                subj_start
            };
        if tail <= MAX_TRAILING_ADJUNCT_WORDS
            && !coordinated
            && before_start > sent.start + 2
            && self.kind(before_start - 1) == Kind::Comma
        {
            let from = self.lead(sent.start, before_start - 1);
            if self.words_in(from..before_start - 1) >= MIN_CONTENT_WORDS {
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
        // "The harbour master added:" closing its paragraph: the next paragraph is what was said.
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
            || info.form == CueForm::Participle
                && that.is_none()
                && tail < MIN_PARTICIPLE_TAIL_WORDS
        {
            return None;
        }
        let mut from = j;
        if let Some(prep) = info.prep {
            if self.word(from) == Some(lex.preps[prep as usize].as_str()) {
                from += 1;
            }
        }
        from = self.past_time_adjunct(from, end);
        if self.words_in(from..end) < MIN_CONTENT_WORDS
            || !matches!(self.kind(from), Kind::Word | Kind::QuoteOpen)
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

    /// The first token after a time adjunct opening content: "revealed Tuesday the test
    /// was…", "said this week the plan…" (but not "said this is…": a determiner is only part
    /// of the adjunct before a time word).
    fn past_time_adjunct(&self, from: usize, end: usize) -> usize {
        let lex = self.lex;
        let mut k = from;
        while k + 1 < end
            && self.is_word(k, &lex.time_words)
            && (!self.is_word(k, &lex.determiners) || self.is_word(k + 1, &lex.time_words))
        {
            k += 1;
        }
        if k > from {
            self.fired("time_adjunct_opens_no_content");
        }
        k
    }

    /// Where content opens after the cue (from token `j`, past adjuncts): a quotation running
    /// to (nearly) the end of the sentence, or a complementiser ("said that…"); neither when
    /// a comma closes a parenthetical attribution, another cue or a finite clause comes first.
    fn content_markers(&self, at: At<'_>, j: usize) -> (Option<usize>, Option<usize>) {
        let end = at.end;
        let lex = self.lex;
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
                        self.words_in(after..end) <= MAX_WORDS_AFTER_QUOTE
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
                    // "said inspectors are in possession of records that show…": the clause has
                    // begun, so a later "that" is not the complementiser.
                    if gap > 0 && lex.finite_auxiliaries.contains(w) {
                        break;
                    }
                    gap += 1;
                }
                _ => break,
            }
            k += 1;
        }
        (quote_after, that)
    }

    /// Words after the speaker (from `after`) up to the next comma, dash or semicolon: the
    /// adjuncts of a trailing attribution ("…, she said in a statement"); `usize::MAX` when
    /// they are a clause, an object, a quotation or an infinitive instead.
    fn trailing_adjunct_words(&self, at: At<'_>, after: usize) -> usize {
        let At { info, end, .. } = at;
        let lex = self.lex;
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
                    !lex.finite_auxiliaries.contains(w)
                        && w != "to"
                        && !lex.complementizers.contains(w)
                })
            });
        // A tail opening with a pronoun or determiner is a clause or an object, not an adjunct.
        let clause_tail = !addressed
            && self.word(after).is_some_and(|w| {
                (lex.pronouns.contains_key(w)
                    || lex.determiners.contains(w)
                    || lex.personal_subjects.contains(w))
                    && !self.is_acronym(after)
            });
        // A quotation after the verb is its content: "X, Ruiz called them “reckless.”"
        let quoted_tail = (after..tail_end).any(|k| self.quote_of_open(k).is_some());
        // "…, the ministry urged residents to stay calm": an addressee and an infinitive
        // after the verb are what was urged, not an adjunct of a trailing attribution.
        let infinitive_tail = info.addressee
            && (after + 1..tail_end)
                .any(|k| self.word(k) == Some("to") && self.kind(k - 1) == Kind::Word);
        if clause_tail || quoted_tail || infinitive_tail {
            usize::MAX
        } else {
            self.words_in(after..tail_end)
        }
    }

    /// Whether the attribution ending at `after` sits inside the reported sentence, which runs
    /// on after its comma: "Though the transition was smooth, he said, replacing her would be
    /// acrimonious." The part after must be a clause or a predicate (not an adjunct such as
    /// "in an interview").
    pub(super) fn medial_attribution(&self, after: usize, end: usize) -> bool {
        if self.kind(after) != Kind::Comma || after + 1 >= end {
            return false;
        }
        let rest = after + 1;
        // The rest is a clause, or the predicate of one whose subject came first: "Acts of
        // protest, he said, are acts of patriotism."
        let predicate = self.is_word(rest, &self.lex.finite_auxiliaries);
        if self.words_in(rest..end) < MIN_MEDIAL_REST_WORDS
            || !(predicate || self.bare_clause(rest, end))
        {
            return false;
        }
        self.quote_of_open(rest).is_none()
    }

    /// Whether a finite clause starts at `j`: a subject of a few words (no verb yet) and then
    /// an auxiliary or modal ("his plan will work", "the economy is weak").
    pub(super) fn bare_clause(&self, j: usize, end: usize) -> bool {
        let lex = self.lex;
        let Some(first) = self.word(j) else {
            return false;
        };
        // "doubted whether…", "asked why…": an embedded question.
        if lex.question_words.contains(first) {
            return self.words_in(j + 1..end) >= MIN_CONTENT_WORDS;
        }
        let opens_np = lex.determiners.contains(first)
            || lex.pronouns.contains_key(first)
            || lex.personal_subjects.contains(first)
            || self.toks()[j].cap;
        if !opens_np || lex.complementizers.contains(first) {
            return false;
        }
        for k in j + 1..end.min(j + MAX_CLAUSE_SUBJECT_TOKENS) {
            let Some(w) = self.word(k) else {
                return false;
            };
            if lex.finite_auxiliaries.contains(w) {
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
    pub(super) fn participle_subject(&self, sent: &Range<usize>, prior: &[Cand]) -> Who {
        if let Some(p) = prior.last() {
            return p.who.clone();
        }
        // "However, the council met…": a sentence adverb is not the subject.
        let start = self.lead(sent.start, sent.end);
        if let Some(np) = self.np_after(start, sent.end) {
            let mut end = np.end;
            // Take in an appositive: "The fleet's senior officer…, Gen. Ruth Halloway,".
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
    pub(super) fn cue_is_a_noun(&self, p: usize, c: usize, last: usize) -> bool {
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
    pub(super) fn base_form_after_singular(&self, np: Range<usize>, last: usize) -> bool {
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
            || lex.plural_subjects.contains(subject_last)
            || np.clone().any(|k| self.word(k) == Some("and"))
            || self.is_acronym(np.end - 1);
        !plural
    }
}
