//! Names collected from the whole article before any speaker is resolved.
//!
//! Full names ("General Ruth Halloway"), people named in a role ("NLF leader Tomas
//! Brenner"), titled names written without capitals (Arabic), and acronyms introduced in
//! parentheses: later mentions (a surname alone, a role description, an acronym) resolve to
//! them.
//!
//! What it leaves out: names that appear only in a later article; the registry is per article.

use std::ops::Range;

use super::{is_acronym, key_word, Registry, RoleHolder, MIN_ACRONYM_LETTERS};
use crate::extract::lexicon::{HeadKind, Lexicon};
use crate::extract::scan::{Kind, Scan};
use crate::text::strip_arabic_proclitic;

/// The longest personal name collected, in words (initials aside); longer capitalised runs are
/// organisations or headlines.
const MAX_NAME_WORDS: usize = 3;
/// Words a full name needs (a given name and a surname); a single capitalised word is as
/// often a place or an organisation. Also the fewest words an acronym can stand for.
const MIN_FULL_NAME_WORDS: usize = 2;
/// Tokens after a name within which an organisation word or acronym tells that a role noun
/// there is a role in it ("Brenner, the commander of the NLF").
const ROLE_GROUP_TOKENS: usize = 8;
/// Letters a word needs to be part of an Arabic name after a title; one letter is a particle.
const MIN_NAME_WORD_CHARS: usize = 2;
/// Letters of an adjective of origin («الفرنسي») between a title and a name; shorter words
/// ending in «ي» are not adjectives of origin.
const MIN_NISBA_CHARS: usize = 5;
/// Adjectives of origin that may sit between a title and a name.
const MAX_NISBAS: usize = 2;
/// Letters of the longest acronym introduced in parentheses; longer words in capitals are
/// shouted words, not acronyms.
const MAX_ACRONYM_LETTERS: usize = 10;

impl Registry {
    /// Records the people the article names in a role of a [`Lexicon::role_classes`] kind:
    /// a name right after the role ("NLF leader Tomas Brenner", "the leader of the NLF,
    /// Tomas Brenner"), before it (", the commander of the NLF"), or the subject of a leading
    /// verb ("Brenner heads up the NLF"). Only languages that capitalise names are read.
    pub(super) fn collect_role_holders(&mut self, scan: &Scan<'_>, lex: &Lexicon) {
        if !lex.capitalised_names || lex.role_classes.is_empty() {
            return;
        }
        let toks = &scan.toks;
        let class_at = |k: usize| -> Option<&String> {
            toks.get(k)
                .filter(|t| t.kind == Kind::Word)
                .and_then(|t| lex.role_classes.get(t.norm.as_ref()))
        };
        let is_word = |k: usize| toks.get(k).is_some_and(|t| t.kind == Kind::Word);
        let is_comma = |k: usize| toks.get(k).is_some_and(|t| t.kind == Kind::Comma);
        for run in name_runs(scan, lex) {
            let words: Vec<&str> = run
                .clone()
                .map(|k| &scan.text[toks[k].start..toks[k].end])
                .collect();
            let n = words.iter().filter(|w| !w.ends_with('.')).count();
            if !(1..=MAX_NAME_WORDS).contains(&n) {
                continue;
            }
            // Titles and their dots between a role and the name: "NLF commander Gen. X"; a
            // title may itself be the role ("President Alma Ruiz").
            let mut b = run.start;
            while b > 0
                && class_at(b - 1).is_none()
                && (lex.titles.contains_key(toks[b - 1].norm.as_ref())
                    || scan.text[toks[b - 1].start..toks[b - 1].end] == *".")
            {
                b -= 1;
            }
            // "NLF leader Tomas Brenner", not "deputy leader Ines Varga".
            let right_after = b.checked_sub(1).and_then(|r| {
                let deputy =
                    r > 0 && is_word(r - 1) && lex.roles.contains(toks[r - 1].norm.as_ref());
                class_at(r).filter(|_| !deputy)
            });
            // "the leader of the Northern Liberation Front, Tomas Brenner".
            let after_of = || {
                if b == 0 || !is_comma(b - 1) {
                    return None;
                }
                let mut k = b - 1;
                let mut org = 0;
                while k > 0 && org < 8 {
                    k -= 1;
                    let t = &toks[k];
                    if t.kind != Kind::Word {
                        return None;
                    }
                    if lex.np_prepositions.contains(t.norm.as_ref()) && org > 0 {
                        return k.checked_sub(1).and_then(class_at);
                    }
                    if !(t.cap || lex.determiners.contains(t.norm.as_ref())) {
                        return None;
                    }
                    org += 1;
                }
                None
            };
            // "Tomas Brenner, the commander of the NLF" / "Tomas Brenner, NLF commander,".
            let before_role = || {
                if n < MIN_FULL_NAME_WORDS || !is_comma(run.end) {
                    return None;
                }
                let mut k = run.end + 1;
                if toks
                    .get(k)
                    .is_some_and(|t| lex.determiners.contains(t.norm.as_ref()))
                {
                    k += 1;
                }
                for _ in 0..3 {
                    if let Some(c) = class_at(k) {
                        return Some(c);
                    }
                    if !toks.get(k).is_some_and(|t| t.kind == Kind::Word && t.cap) {
                        return None;
                    }
                    k += 1;
                }
                None
            };
            // "Brenner heads up the rebel-led NLF militia network", not "Brenner heads to Oslo".
            let leads = || {
                let verb = toks.get(run.end).filter(|t| t.kind == Kind::Word)?;
                let class = lex.role_verbs.get(verb.norm.as_ref())?;
                let next = toks.get(run.end + 1)?;
                if next.kind != Kind::Word || lex.speaker_stops.contains(next.norm.as_ref()) {
                    return None;
                }
                let group = (run.end + 1..toks.len().min(run.end + ROLE_GROUP_TOKENS))
                    .take_while(|&k| toks[k].kind == Kind::Word)
                    .any(|k| {
                        let w = &scan.text[toks[k].start..toks[k].end];
                        is_acronym(w)
                            && w.chars().filter(|c| c.is_alphabetic()).count()
                                >= MIN_ACRONYM_LETTERS
                            || matches!(
                                lex.heads.get(toks[k].norm.as_ref()),
                                Some(HeadKind::Organisation | HeadKind::StateBody)
                            )
                    });
                group.then_some(class)
            };
            let Some(class) = right_after
                .or_else(after_of)
                .or_else(before_role)
                .or_else(leads)
            else {
                continue;
            };
            self.role_holders.push(RoleHolder {
                class: class.clone(),
                name: words.join(" "),
                words: n,
                surname: key_word(&toks[run.end - 1].norm),
            });
        }
    }

    /// Records the runs of two or three capitalised name words ("Ruth Halloway", "Tomas
    /// Brenner"): the full names the article writes, whether or not their bearer speaks.
    pub(super) fn collect_full_names(&mut self, scan: &Scan<'_>, lex: &Lexicon) {
        if !lex.capitalised_names {
            self.collect_titled_names_without_capitals(scan, lex);
            return;
        }
        let toks = &scan.toks;
        for run in name_runs(scan, lex) {
            let words: Vec<&str> = run
                .clone()
                .map(|k| &scan.text[toks[k].start..toks[k].end])
                .collect();
            if (MIN_FULL_NAME_WORDS..=MAX_NAME_WORDS)
                .contains(&words.iter().filter(|w| !w.ends_with('.')).count())
            {
                let full = words.join(" ");
                // "Gen. Ruth Halloway": a title before the run marks a person's name.
                let mut b = run.start;
                while b > 0
                    && toks[b - 1].kind != Kind::Word
                    && scan.text[toks[b - 1].start..toks[b - 1].end] == *"."
                {
                    b -= 1;
                }
                let titled = b > 0 && lex.titles.contains_key(toks[b - 1].norm.as_ref());
                self.add_full_name(key_word(&toks[run.end - 1].norm), full, titled);
            }
        }
    }

    /// Arabic writes no capitals, so a name is known only by the title before it: two or three
    /// words after a title, inside quotation marks or not («الجنرال "سامر يوسف" قائد…»,
    /// «السفير مارك دالتون،»), none of them a word the lexicon knows, a place, or a word with
    /// the article. Unquoted, the name must be followed by what follows names (a role, a
    /// reporting verb, an apposition): a following word with the article may be the name's
    /// own («عبد الرحمن النجار»), and a verb after a title reads like a name («الوزير يلتقي
    /// نظيره»).
    pub(super) fn collect_titled_names_without_capitals(&mut self, scan: &Scan<'_>, lex: &Lexicon) {
        let Some(article) = lex.definite_article.as_deref() else {
            return;
        };
        let toks = &scan.toks;
        let word = |k: usize| toks.get(k).filter(|t| t.kind == Kind::Word);
        let title = |k: usize| {
            word(k).is_some_and(|t| {
                lex.titles
                    .contains_key(strip_arabic_proclitic(&t.norm).as_ref())
            })
        };
        let quote_mark = |k: usize| {
            toks.get(k).is_some_and(|t| {
                matches!(t.kind, Kind::QuoteOpen | Kind::QuoteClose | Kind::Other)
                    && scan.text[t.start..t.end]
                        .chars()
                        .all(|c| matches!(c, '"' | '“' | '”' | '«' | '»' | '\'' | '‘' | '’'))
            })
        };
        let listed = |f: &str| {
            lex.titles.contains_key(f)
                || lex.in_set(&lex.roles, f)
                || lex.heads.contains_key(f)
                || lex.heads.contains_key(lex.bare(f))
                || lex.cue(f).is_some()
                || lex.complementizers.contains(f)
        };
        let name_word = |k: usize| {
            word(k).is_some_and(|t| {
                let f = t.norm.as_ref();
                // «علي» (Ali) folds onto the preposition «على»; the spelling tells them apart.
                let ali = f == "علي" && scan.text[t.start..t.end].ends_with('ي');
                f.chars().count() >= MIN_NAME_WORD_CHARS
                    && f.chars().all(char::is_alphabetic)
                    && !f.starts_with(article)
                    && !strip_arabic_proclitic(f).starts_with(article)
                    && !listed(f)
                    && !lex.places.contains(f)
                    && (ali || !lex.speaker_stops.contains(f))
                    && !lex.time_words.contains(f)
                    && !lex.unnamed.contains(f)
                    && !lex.pronouns.contains_key(f)
                    && !lex.first_person.contains(f)
                    && !lex.leading_conjunctions.contains(f)
            })
        };
        // «الرئيس الفرنسي نبيل عازار»: an adjective of origin may sit between title and name.
        let nisba = |k: usize| {
            word(k).is_some_and(|t| {
                let f = t.norm.as_ref();
                f.starts_with(article)
                    && f.chars().count() >= MIN_NISBA_CHARS
                    && (f.ends_with('ي') || f.ends_with("يه"))
                    && !listed(f)
            })
        };
        // «…نبيل عازار للضغط على اليونان»: a preposition or conjunction glued before the
        // article ends a name.
        let glued_article = |f: &str| {
            let bare = strip_arabic_proclitic(f);
            bare.as_ref() != f && bare.starts_with(article)
        };
        for i in 0..toks.len() {
            if !title(i) {
                continue;
            }
            let mut after = i + 1;
            while after < i + 1 + MAX_NISBAS && nisba(after) {
                after += 1;
            }
            let quoted = quote_mark(after);
            let start = after + usize::from(quoted);
            let mut end = start;
            while end <= start + MAX_NAME_WORDS && name_word(end) {
                end += 1;
            }
            if !(MIN_FULL_NAME_WORDS..=MAX_NAME_WORDS).contains(&(end - start)) {
                continue;
            }
            let ends = if quoted {
                quote_mark(end)
            } else {
                // What follows a name: a role, a reporting verb, «إن», a word with a glued
                // preposition before the article, or a comma and an apposition («الجنرال
                // سامر يوسف، قائد…»). Other punctuation may as well end a verb and its
                // object («الوزير يلتقي نظيره.»), and a quotation may follow a verbal noun
                // («الرئيس نبيل عازار إدراج “الحركة”»).
                let follows =
                    |k: usize| word(k).is_some_and(|t| listed(&t.norm) || glued_article(&t.norm));
                let apposition = toks.get(end).is_some_and(|t| t.kind == Kind::Comma)
                    && word(end + 1).is_some_and(|t| {
                        let f = t.norm.as_ref();
                        lex.titles.contains_key(f)
                            || lex.in_set(&lex.roles, f)
                            || (f.starts_with(article) && lex.cue(f).is_none())
                    });
                follows(end) || apposition
            };
            if !ends {
                continue;
            }
            let full = (start..end)
                .map(|k| &scan.text[toks[k].start..toks[k].end])
                .collect::<Vec<_>>()
                .join(" ");
            self.add_full_name(key_word(&toks[end - 1].norm), full, true);
        }
    }

    /// Notes a full name under the key of its surname, and whether a title came with it.
    pub(super) fn add_full_name(&mut self, surname: String, full: String, titled: bool) {
        let names = self.full_names.entry(surname).or_default();
        match names.iter_mut().find(|(n, _)| *n == full) {
            Some((_, t)) => *t |= titled,
            None => names.push((full, titled)),
        }
    }

    /// Records "Full Name (ACRONYM)" pairs the article introduces.
    pub(super) fn collect_acronyms(&mut self, scan: &Scan<'_>, lex: &Lexicon) {
        let toks = &scan.toks;
        for i in 1..toks.len().saturating_sub(2) {
            if toks[i].kind != Kind::OpenParen
                || toks[i + 1].kind != Kind::Word
                || toks[i + 2].kind != Kind::CloseParen
            {
                continue;
            }
            let acro_text = &scan.text[toks[i + 1].start..toks[i + 1].end];
            let letters: Vec<char> = toks[i + 1]
                .norm
                .chars()
                .filter(|c| c.is_alphabetic())
                .collect();
            if letters.len() < MIN_ACRONYM_LETTERS || letters.len() > MAX_ACRONYM_LETTERS {
                continue;
            }
            let latin = acro_text.is_ascii();
            if latin
                && !acro_text
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(|c| c.is_uppercase())
            {
                continue;
            }
            // The words before the parenthesis, nearest first, while they can be part of a name.
            let mut words: Vec<&str> = Vec::new();
            let mut j = i;
            while j > 0 && words.len() < 10 {
                j -= 1;
                let t = &toks[j];
                if t.kind != Kind::Word {
                    break;
                }
                if latin && !t.cap && !lex.np_prepositions.contains(&*t.norm) {
                    break;
                }
                words.push(&*t.norm);
            }
            words.reverse();
            // Trim from the left until the first word starts like the acronym.
            let first = letters[0];
            let initial = |w: &str| lex.bare(w).chars().next();
            let Some(from) = words.iter().position(|w| initial(w) == Some(first)) else {
                continue;
            };
            let expansion: Vec<String> = words[from..].iter().map(|w| key_word(w)).collect();
            if expansion.len() < MIN_FULL_NAME_WORDS {
                continue;
            }
            let acro = key_word(&toks[i + 1].norm);
            self.expansions
                .entry(expansion.clone())
                .or_insert_with(|| acro.clone());
            self.acronyms.entry(acro).or_insert(expansion);
        }
    }
}

/// The maximal runs of capitalised name words in the article, as token ranges: "Ruth
/// Halloway", "Ruth K. Halloway" (a middle initial inside a name keeps its dot).
fn name_runs(scan: &Scan<'_>, lex: &Lexicon) -> Vec<Range<usize>> {
    let toks = &scan.toks;
    let name_word = |i: usize| {
        toks.get(i).is_some_and(|t| {
            let f = t.norm.as_ref();
            t.kind == Kind::Word
                && t.cap
                && f.chars().count() > 1
                && f.chars().all(char::is_alphabetic)
                && !lex.titles.contains_key(f)
                && !lex.roles.contains(f)
                && !lex.heads.contains_key(f)
                && !lex.determiners.contains(f)
                && !lex.speaker_stops.contains(f)
                && !lex.time_words.contains(f)
                && !lex.pronouns.contains_key(f)
        })
    };
    // (the scanner keeps an initial's dot: one token "F.")
    let initial = |i: usize| {
        toks.get(i).is_some_and(|t| {
            let mut w = scan.text[t.start..t.end].chars();
            t.kind == Kind::Word
                && w.next().is_some_and(char::is_uppercase)
                && w.next() == Some('.')
                && w.next().is_none()
        }) && name_word(i + 1)
    };
    let mut runs = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !name_word(i) {
            i += 1;
            continue;
        }
        let start = i;
        while name_word(i) || (i > start && initial(i)) {
            i += 1;
        }
        runs.push(start..i);
    }
    runs
}
