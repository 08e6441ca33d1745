//! Arabic speaker noun phrases: where a speaker mention after (or before) a verb ends.
//!
//! The phrase runs through a construct chain («رئيس مجلس الحوض») and a name in apposition,
//! and stops at the verb's object (an indefinite word after a definite subject, a word with
//! a possessive suffix), an adjunct (a glued preposition), a complementiser or a quotation.
//!
//! What it leaves out: which actor the mention is ([`super::resolve`]), and whether its head
//! can speak ([`super::validity`]).

use std::ops::Range;

use super::{Extractor, MAX_NP};
use crate::extract::lexicon::Lexicon;
use crate::extract::scan::Kind;

/// Letters a word starting with «ل» needs to be a noun with a glued preposition («لصحيفة»);
/// shorter ones are particles and pronouns («لها»).
const MIN_GLUED_L_CHARS: usize = 3;
/// Letters a word starting with «بال»/«كال» needs to be a definite noun with a glued
/// preposition; shorter ones are stems that start with those letters.
const MIN_GLUED_PREP_CHARS: usize = 4;
/// Letters a word ending in «ها»/«هم» needs (one more with the article) to be a noun with a
/// possessive suffix, the verb's object; shorter ones are names and particles.
const MIN_SUFFIXED_OBJECT_CHARS: usize = 4;
/// Letters a word ending in a written «ـه» needs to be a noun with the pronoun suffix.
const MIN_PRONOUN_OBJECT_CHARS: usize = 4;
/// The longest name in quotation marks read as a speaker («قال “سامر يوسف” قائد…»); longer
/// quotations are content.
const MAX_QUOTED_NAME_WORDS: usize = 3;
/// The longest name in apposition after a role and a comma («رئيسة الهيئة، سلمى قاسم،»).
const MAX_APPOSITION_NAME_WORDS: usize = 4;
/// Words searched for a proper name closing a title that holds a place phrase.
const NAME_FOLLOWS_WORDS: usize = 5;
/// The longest subject before an Arabic verb, in tokens; longer is a clause of the writer's.
const MAX_AR_SUBJECT_TOKENS: usize = 8;
/// Letters a stem must keep when a possessive suffix is taken off («مديرها» → «مدير»).
const MIN_STEM_CHARS: usize = 3;

impl<'s, 't> Extractor<'s, 't> {
    /// The speaker noun phrase after an Arabic verb, up to an adjunct, a complementiser or a
    /// quotation.
    pub(super) fn ar_np_after(&self, start: usize, end: usize) -> Option<Range<usize>> {
        let lex = self.lex;
        let toks = self.toks();
        let mut i = start;
        let mut words = 0;
        let mut opens_with_role = false;
        let mut opens_with_person = false;
        let mut last_definite = false;
        // A place inside a title has been read and a name is known to follow.
        let mut place_before_name = false;
        let article = lex.definite_article.as_deref().unwrap_or("\u{0}");
        while i < end {
            match self.kind(i) {
                Kind::Word => {
                    let w = self.word(i).unwrap_or("");
                    let bare = lex.bare(w);
                    let glued_l = w.starts_with('ل')
                        && !w.starts_with("ال")
                        && w.chars().count() > MIN_GLUED_L_CHARS;
                    // «بالقول», «بالاتفاق»: a preposition glued to a definite noun opens an
                    // adjunct or an object, never a speaker or a part of one.
                    let glued_prep = (w.starts_with("بال") || w.starts_with("كال"))
                        && w.chars().count() > MIN_GLUED_PREP_CHARS;
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
                            self.fired("place_inside_title_before_name");
                            place_before_name = true;
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
                    // construct («الأمين العام لمجلس»).
                    // After a place inside a title, a name follows: «… في كندا ليلى منصور».
                    if glued_l && (words == 0 || !last_definite) && !place_before_name {
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
                    if words > 0 && opens_with_role && lex.on_behalf.contains(w) {
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
                    // «وطالبت الهيئة الحكومة بفتح…»: a noun with the article is never in
                    // construct with the one before it, so an organisation or state body noun
                    // after a noun with the article starts the verb's object.
                    let after_definite = self
                        .word(i - 1)
                        .is_some_and(|p| p.starts_with(article) || strip_definite(p, article));
                    if words > 0
                        && after_definite
                        && w.starts_with(article)
                        && (lex.heads.contains_key(w) || lex.heads.contains_key(bare))
                    {
                        self.fired("definite_organisation_after_definite_noun_is_object");
                        break;
                    }
                    // An object with a possessive pronoun («بلادها») ends the subject. The article
                    // never takes a possessive, so «التزامها» is one too (a stem in «ال…»).
                    if words > 0
                        && (w.ends_with("ها") || w.ends_with("هم"))
                        && w.chars().count()
                            > MIN_SUFFIXED_OBJECT_CHARS + usize::from(w.starts_with(article))
                    {
                        break;
                    }
                    // «أبدى الوزير الكندي ارتياحه»: after a word with the article, a word ending
                    // in the pronoun «ـه» (written so, not a folded «ة») is the verb's object.
                    let written = &self.scan.text[toks[i].start..toks[i].end];
                    if words > 0
                        && last_definite
                        && written.ends_with('ه')
                        && w.chars().count() >= MIN_PRONOUN_OBJECT_CHARS
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
                        let role = [w, strip_possessive(lex, w)]
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
                    if words > 0 || n > MAX_QUOTED_NAME_WORDS || n == 0 || inner_comp || starts_l {
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
                        while self.kind(k) == Kind::Word && n < MAX_APPOSITION_NAME_WORDS {
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
    pub(super) fn name_spelling(&self, i: usize) -> bool {
        let t = &self.toks()[i];
        let text = &self.scan.text[t.start..t.end];
        t.norm == "علي" && text.ends_with('ي')
    }

    /// Whether a proper name (a word without the article) ends the phrase starting at `i`
    /// within a few words.
    pub(super) fn name_follows(&self, i: usize, end: usize) -> bool {
        let article = self.lex.definite_article.as_deref().unwrap_or("\u{0}");
        let mut k = i;
        let mut saw_name = false;
        while k < end && k < i + NAME_FOLLOWS_WORDS {
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
        // The name ends the phrase at a comma or colon, or where the content opens («… سلمى
        // قاسم إن السد…»).
        saw_name
            && (matches!(self.kind(k), Kind::Comma | Kind::Colon)
                || self.is_word(k, &self.lex.complementizers))
    }

    /// A subject before an Arabic verb (SVO): «سلمى قاسم كشفت…».
    pub(super) fn ar_subject_before(&self, sent: &Range<usize>, c: usize) -> Option<Range<usize>> {
        let lex = self.lex;
        let mut s = sent.start;
        while s < c && !matches!(self.kind(s), Kind::Word | Kind::QuoteOpen) {
            s += 1;
        }
        if self.is_word(s, &lex.leading_conjunctions) {
            s += 1;
        }
        if s >= c || c - s > MAX_AR_SUBJECT_TOKENS {
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
}

/// Whether an Arabic word carries the article after a glued conjunction or preposition.
fn strip_definite(w: &str, article: &str) -> bool {
    crate::text::strip_arabic_proclitic(w).starts_with(article)
}

/// An Arabic word without a possessive pronoun suffix («مديرها» → «مدير»); the word itself
/// when it has none or would be too short without it.
fn strip_possessive<'w>(lex: &Lexicon, w: &'w str) -> &'w str {
    lex.possessive_suffixes
        .iter()
        .find_map(|p| {
            w.strip_suffix(p.as_str())
                .filter(|r| r.chars().count() >= MIN_STEM_CHARS)
        })
        .unwrap_or(w)
}
