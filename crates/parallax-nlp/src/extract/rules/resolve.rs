//! Speaker resolution: from a candidate to a statement with an actor.
//!
//! A mention is checked for validity (a document gives way to its owner or author; a noun
//! that cannot speak to the paragraph's speaker or to no one), parsed, and resolved to an
//! actor of the article's registry; a pronoun or a subject-less verb takes the most recent
//! actor that agrees with it. Quotations standing alone continue the last speaker, and a
//! delegation speaks through the person heading it.
//!
//! What it leaves out: cross-article identity ([`crate::actors`]) and the registry's own
//! matching of names ([`crate::extract::local`]).

use std::ops::Range;

use super::validity::Validity;
use super::{Cand, Content, Extractor, Who, MIN_QUOTE_WORDS};
use crate::extract::lexicon::Gender;
use crate::extract::local::parse_mention;
use crate::extract::scan::Kind;
use crate::extract::{Span, Stance, Statement, StatementKind};

/// Paragraphs after the last statement within which a bare document noun ("read the
/// message") is that speaker's; further on it starts a new actor.
const DOCUMENT_SPEAKER_PARAS: u32 = 2;
/// Words that may follow a standalone quotation for it still to continue the last speaker.
const MAX_WORDS_AFTER_STANDALONE_QUOTE: usize = 2;
/// Delegations checked per article, each reading the whole text: a few keep the pass linear.
const MAX_DELEGATION_CHECKS: usize = 4;
/// Words of the organisation a delegation comes from that are matched elsewhere in the text.
const DELEGATION_ORG_WORDS: usize = 2;
/// Tokens after the organisation's name within which the article names the person heading it.
const DELEGATION_HEAD_TOKENS: usize = 12;

impl<'s, 't> Extractor<'s, 't> {
    /// Resolves a candidate's speaker and records the statement.
    pub(super) fn emit(&mut self, c: Cand, para: u32) {
        let said_gender = c.gender;
        let scan = self.scan;
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
                let Some(resolved) = self.resolve_mention(&c, r.clone(), *skip, para) else {
                    return;
                };
                resolved
            }
            Who::Pronoun(g) | Who::Implicit(g) => {
                let Some(resolved) = self.resolve_pronoun(&c, *g) else {
                    return;
                };
                resolved
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

    /// The actor a named speaker mention resolves to, with the mention as written: a document
    /// gives way to its owner or author, a noun that cannot speak to the paragraph's speaker
    /// (`None`: to no one, and the candidate is dropped); a country is a state body.
    fn resolve_mention(
        &mut self,
        c: &Cand,
        r: Range<usize>,
        skip: usize,
        para: u32,
    ) -> Option<(usize, String, Option<Span>)> {
        let (r, skip) = (&r, &skip);
        let scan = self.scan;
        let lex = self.lex;
        // A speaker must be able to speak: a document gives way to its owner or
        // author, a depiction, quantity or abstraction to the paragraph's speaker.
        let mut fixed_actor = None;
        let r = &self.without_time_adjunct(r.clone());
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
                } else if self
                    .reg
                    .last()
                    .is_none_or(|(_, p)| para > p + DOCUMENT_SPEAKER_PARAS)
                {
                    // No author and no recent speaker: the document is nobody's we know.
                    self.fired("document_without_author_dropped");
                    return None;
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
                    return None;
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
        // A message stands for its author: "read the post".
        let document = !m.named && m.key.last().is_some_and(|h| lex.documents.contains(h));
        if m.named && (lex.in_set(&lex.places, &m.key.join(" ")) || self.written_as_place(&m)) {
            // A country stands for its government.
            self.fired("country_is_state_body");
            m.kind = crate::extract::ActorKind::StateBody;
        }
        let actor = match (fixed_actor, self.reg.last()) {
            (Some(a), _) => a,
            (None, Some((a, p))) if document && para <= p + DOCUMENT_SPEAKER_PARAS => {
                self.fired("document_speaks_for_last_speaker");
                a
            }
            _ => self.reg.resolve(m, para, lex),
        };
        if self.channel_document_near(c, r.clone()) {
            self.fired("speaker_used_a_document");
            self.doc_author.set(Some((self.reg.root(actor), para)));
        }
        Some((
            actor,
            scan.text[span.start..span.end].to_string(),
            Some(span),
        ))
    }

    /// Whether a one-word name is written elsewhere in the article as a place, after a
    /// preposition of place ("talks in Lakeholm"): a place that speaks is its government.
    fn written_as_place(&self, m: &crate::extract::local::Mention) -> bool {
        let lex = self.lex;
        let [key] = m.key.as_slice() else {
            return false;
        };
        if m.kind != crate::extract::ActorKind::Person || !m.titles.is_empty() {
            return false;
        }
        let places = self.place_names.get_or_init(|| {
            let toks = self.toks();
            (1..toks.len())
                .filter(|&k| {
                    toks[k].cap && self.is_word(k - 1, &lex.place_prepositions) && !toks[k - 1].cap
                })
                .filter_map(|k| self.word(k).map(crate::extract::local::key_word))
                .collect()
        });
        let found = places.contains(key);
        if found {
            self.fired("name_written_as_a_place");
        }
        found
    }

    /// The actor a pronoun or a subject-less verb of gender `g` takes up: the most recent one
    /// that agrees ("he" and "she" only people), with the pronoun as written.
    fn resolve_pronoun(&mut self, c: &Cand, g: Gender) -> Option<(usize, String, Option<Span>)> {
        let g = &g;
        // English "he" and "she" are people; Arabic verbs agree with any noun.
        let person = !self.arabic
            && matches!(c.who, Who::Pronoun(_))
            && matches!(g, Gender::Masculine | Gender::Feminine);
        if person {
            self.fired("he_or_she_is_a_person");
        }
        let a = self.reg.recent(*g, person)?;
        if !matches!(g, Gender::Neuter | Gender::Plural) {
            self.reg.note_gender(a, *g);
        }
        let speaker = match &c.who {
            Who::Pronoun(_) => self.pronoun_text(c),
            _ => (String::new(), None),
        };
        Some((a, speaker.0, speaker.1))
    }

    /// The pronoun subject of a candidate as written, before the cue (past auxiliaries).
    pub(super) fn pronoun_text(&self, c: &Cand) -> (String, Option<Span>) {
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

    /// Quotations opening a sentence without a cue, right after a statement: they continue
    /// its speaker ("“…,” she said. “And more.”").
    pub(super) fn standalone_quotes(&mut self, sent: &Range<usize>, para: u32, used: &[usize]) {
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
        if used.contains(&q) || self.quote_words(q) < MIN_QUOTE_WORDS {
            return;
        }
        let close = self.scan.quotes[q].close;
        // The quotation must be (nearly) the whole sentence.
        if self.words_in(close + 1..sent.end) > MAX_WORDS_AFTER_STANDALONE_QUOTE {
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

    /// A delegation speaks through the person leading it: «أبدى وفد الهيئة الوطنية لحقوق
    /// المياه…» is the article's main speaker's when the article names that person with the
    /// organisation («…لنائبة رئيس الهيئة الوطنية لحقوق المياه سلمى قاسم»).
    pub(super) fn delegations_speak_through_their_heads(&mut self) {
        let Some(main) = self.reg.main_speaker() else {
            return;
        };
        let lex = self.lex;
        let toks = self.toks();
        let key = |k: usize| crate::extract::local::key_word(&toks[k].norm);
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
                .take(DELEGATION_ORG_WORDS)
                .collect();
            let org = if after.is_empty() {
                mention[d.saturating_sub(DELEGATION_ORG_WORDS)..d].to_vec()
            } else {
                after
            };
            if org.is_empty() || checks == MAX_DELEGATION_CHECKS {
                continue;
            }
            checks += 1;
            let org: Vec<String> = org.iter().map(|&k| key(k)).collect();
            let names_head = (0..toks.len().saturating_sub(org.len())).any(|p| {
                !(from..to).contains(&p)
                    && org.iter().enumerate().all(|(j, w)| key(p + j) == *w)
                    && (p + org.len()..toks.len().min(p + org.len() + DELEGATION_HEAD_TOKENS))
                        .any(|k| toks[k].kind == Kind::Word && self.reg.person_named(main, &key(k)))
            });
            if names_head {
                self.reg.merge_into(a, main);
            }
        }
    }
}
