//! A speaker mention split into its parts: name, titles, roles, aliases and kind.
//!
//! Comma-separated parts («رئيسة الهيئة، سلمى قاسم», "Name, the commander of X") are read
//! apart; titles and role words come from the lexicon; a capitalised run (or, without
//! capitals, the words after a title or role phrase) is the name.
//!
//! What it leaves out: which actor the mention refers to ([`super::Registry::resolve`]).

use std::ops::Range;

use super::{is_acronym, key_word, Mention};
use crate::extract::lexicon::{Gender, HeadKind, Lexicon};
use crate::extract::scan::{Kind, Scan};
use crate::extract::{ActorKind, Span};
use crate::text::strip_arabic_proclitic;

/// Letters a one-word name in capitals needs to be an organisation's acronym ("NLF"); two
/// capitals are as often a person's initials or a country ("US").
const MIN_ORGANISATION_ACRONYM_LETTERS: usize = 3;
/// Words a name needs for an acronym in parentheses after it to be its alias.
const MIN_EXPANSION_WORDS: usize = 2;
/// Letters a role noun must keep without its possessive suffix («مديرها» → «مدير»).
const MIN_STEM_CHARS: usize = 3;
/// Words of a name run after a preposition from which its first word is the preposition's
/// complement (a place) rather than a first name; a two-word run is kept whole.
const MIN_RUN_WITH_PLACE: usize = 3;

/// Splits the speaker mention in tokens `range` into name, titles and roles.
pub(crate) fn parse_mention(
    scan: &Scan<'_>,
    lex: &Lexicon,
    range: Range<usize>,
    gender: Gender,
) -> Mention {
    let toks = &scan.toks;
    let span = Span {
        start: toks[range.start].start,
        end: toks[range.end - 1].end,
    };
    // Comma-separated parts: "Name, the commander of X," / «رئيسة الهيئة، سلمى قاسم».
    let mut parts: Vec<Vec<usize>> = vec![Vec::new()];
    let mut depth = 0usize;
    let mut parens: Vec<usize> = Vec::new();
    for i in range.clone() {
        match toks[i].kind {
            Kind::Comma if depth == 0 => parts.push(Vec::new()),
            Kind::OpenParen => depth += 1,
            Kind::CloseParen => depth = depth.saturating_sub(1),
            Kind::Word if depth > 0 => parens.push(i),
            Kind::Word => parts.last_mut().expect("one part").push(i),
            _ => {}
        }
    }
    parts.retain(|p| !p.is_empty());
    let word = |i: usize| &scan.text[toks[i].start..toks[i].end];
    let join = |ids: &[usize]| ids.iter().map(|&i| word(i)).collect::<Vec<_>>().join(" ");
    let folded = |i: usize| toks[i].norm.as_ref();

    let mut name: Vec<usize> = Vec::new();
    let mut name_part = usize::MAX;
    let mut titles: Vec<String> = Vec::new();
    let mut roles: Vec<String> = Vec::new();
    let mut role_words: Vec<String> = Vec::new();
    let mut role_key: Vec<Vec<String>> = Vec::new();
    let mut g = gender;

    // The name a mention is headed by. A name after a preposition is only the complement of
    // a description ("The senior officer of allied fleets in the North Sea"): a name in
    // apposition to it wins ("…, Gen. Ruth Halloway,").
    let runs: Vec<Vec<usize>> = parts.iter().map(|p| name_run(scan, lex, p)).collect();
    let complement = |pi: usize| {
        let part = &parts[pi];
        let n = runs[pi].len();
        lex.capitalised_names
            && n > 0
            && part[..part.len() - n]
                .iter()
                .rev()
                .find(|&&i| !lex.determiners.contains(folded(i)))
                .is_some_and(|&i| lex.np_prepositions.contains(folded(i)))
    };
    let chosen = (0..parts.len())
        .find(|&pi| !runs[pi].is_empty() && !complement(pi))
        .or_else(|| (0..parts.len()).find(|&pi| !runs[pi].is_empty()));
    // "The leader of the Northern Liberation Front": a role of an organisation describes the
    // person holding it, not the organisation.
    let role_of_organisation = chosen.is_some_and(|pi| {
        let part = &parts[pi];
        let run = &runs[pi];
        let org = run.last().is_some_and(|&i| {
            lex.heads.contains_key(folded(i)) || is_acronym(word(i)) && run.len() == 1
        });
        let role_before = part[..part.len() - run.len()]
            .iter()
            .any(|&i| lex.roles.contains(folded(i)) || lex.titles.contains_key(folded(i)));
        complement(pi) && org && role_before
    });
    if let (Some(pi), false) = (chosen, role_of_organisation) {
        name = runs[pi].clone();
        name_part = pi;
    } else if !lex.capitalised_names {
        if let Some(first) = parts.first() {
            name = leading_name(scan, lex, first);
            if name.is_empty() {
                name = name_after_role_phrase(scan, lex, first);
            }
            if !name.is_empty() {
                name_part = 0;
            }
        }
    }
    for (pi, part) in parts.iter().enumerate() {
        let leading = pi == name_part && part.first() == name.first() && name.len() < part.len();
        let before: &[usize] = if leading {
            // «سامر يوسف قائد قوات الدفاع الشعبي»: the role follows the name.
            &part[name.len()..]
        } else if pi == name_part {
            &part[..part.len() - name.len()]
        } else {
            part
        };
        // Titles directly before the name; the rest is a role.
        let mut cut = before.len();
        if pi == name_part && !leading {
            while cut > 0 && lex.titles.contains_key(folded(before[cut - 1])) {
                cut -= 1;
            }
            for &t in &before[cut..] {
                titles.push(word(t).to_string());
                let canon = lex.titles.get(folded(t)).cloned().unwrap_or_default();
                role_words.push(lex.bare(&canon).to_string());
            }
        }
        let role = &before[..cut];
        let role: Vec<usize> = role
            .iter()
            .copied()
            .skip_while(|&i| lex.determiners.contains(folded(i)))
            .collect();
        if !role.is_empty() && (pi != name_part || !name.is_empty()) && !name.is_empty() {
            roles.push(join(&role));
            role_key.push(role.iter().map(|&i| key_word(folded(i))).collect());
        }
        for &i in part {
            let f = folded(i);
            let b = lex.bare(f);
            if lex.roles.contains(f) || lex.roles.contains(b) || lex.titles.contains_key(f) {
                let canon = lex.titles.get(f).map_or(b, |c| lex.bare(c));
                role_words.push(canon.to_string());
            }
            if let Some(&gw) = lex.gendered.get(f) {
                if g == Gender::Unknown {
                    g = gw;
                }
            }
        }
    }
    // Arabic role nouns mark the feminine: رئيسة، نائبة، المسؤولة.
    if g == Gender::Unknown {
        if let (Some(fs), Some(&first)) = (
            lex.feminine_noun_suffix,
            parts.first().and_then(|p| p.first()),
        ) {
            let b = lex.bare(folded(first));
            if b.ends_with(fs) && (lex.roles.contains(b) || lex.titles.contains_key(folded(first)))
            {
                g = Gender::Feminine;
            }
        }
    }

    let all: Vec<usize> = parts.iter().flatten().copied().collect();
    let head_kind = all.iter().find_map(|&i| {
        lex.heads
            .get(folded(i))
            .or_else(|| lex.heads.get(lex.bare(folded(i))))
            .copied()
    });
    let named = !name.is_empty();
    let (name_ids, kind) = if named {
        // The last head word decides: "The Valley Courier" is a medium.
        let name_heads = name
            .iter()
            .rev()
            .find_map(|&i| lex.heads.get(folded(i)).copied());
        let acronym = name.len() == 1 && is_acronym(word(name[0])) && {
            let w = word(name[0]);
            w.chars().filter(|c| c.is_alphabetic()).count() >= MIN_ORGANISATION_ACRONYM_LETTERS
        };
        // "The Courier said": a person's name takes no definite article, so a name the
        // lexicon does not know, right after "the", names an organisation.
        let after_the =
            lex.capitalised_names && name[0] > range.start && folded(name[0] - 1) == "the";
        let kind = match name_heads {
            Some(k) => head_actor_kind(k),
            None if acronym || after_the => ActorKind::Organisation,
            None => ActorKind::Person,
        };
        (name.clone(), kind)
    } else {
        // A description: the first part, without a leading determiner.
        let first: Vec<usize> = parts
            .first()
            .map(|p| {
                p.iter()
                    .copied()
                    .skip_while(|&i| lex.determiners.contains(folded(i)))
                    .collect()
            })
            .unwrap_or_default();
        let unnamed = first.iter().any(|&i| lex.in_set(&lex.unnamed, folded(i)))
            && !first
                .iter()
                .any(|&i| toks[i].cap && !lex.in_set(&lex.unnamed, folded(i)));
        let kind = if unnamed {
            ActorKind::Unnamed
        } else if role_of_organisation {
            ActorKind::Person
        } else if let Some(k) = head_kind {
            head_actor_kind(k)
        } else if first.iter().any(|&i| lex.in_set(&lex.roles, folded(i))) {
            ActorKind::Person
        } else {
            ActorKind::Organisation
        };
        (first, kind)
    };
    let indefinite = !named
        && parts
            .first()
            .and_then(|p| p.first())
            .is_some_and(|&i| lex.indefinites.contains(folded(i)));
    let mut key: Vec<String> = name_ids.iter().map(|&i| key_word(folded(i))).collect();
    if !named {
        key.retain(|w| !lex.determiners.contains(w));
    }
    // Arabic descriptions keep a parenthesised name: «تنظيم (نور)».
    let mut display = join(&name_ids);
    // A possessive mention ("Mr. Orwin's show", "the senators' letter") names the possessor.
    for suffix in ["'s", "’s", "'", "’"] {
        if let Some(bare) = display.strip_suffix(suffix) {
            display = bare.to_string();
            break;
        }
    }
    if !named && !lex.capitalised_names && !parens.is_empty() {
        display = join(
            &range
                .clone()
                .filter(|&i| toks[i].kind == Kind::Word)
                .collect::<Vec<_>>(),
        );
        key = range
            .clone()
            .filter(|&i| toks[i].kind == Kind::Word)
            .map(|i| key_word(folded(i)))
            .collect();
    }
    let mut aliases = Vec::new();
    for &p in &parens {
        let acro = key_word(folded(p));
        if named && !name.is_empty() && name.len() >= MIN_EXPANSION_WORDS {
            let exp: Vec<String> = name.iter().map(|&i| key_word(folded(i))).collect();
            if key_starts(&acro, &exp, lex) {
                aliases.push(word(p).to_string());
            }
        }
    }
    let head = if named {
        None
    } else if lex.capitalised_names {
        name_ids.iter().rev().find_map(|&i| {
            let f = folded(i);
            (lex.roles.contains(f) || lex.titles.contains_key(f))
                .then(|| lex.titles.get(f).map_or(f, |c| c.as_str()).to_string())
        })
    } else {
        name_ids
            .first()
            .map(|&i| without_possessive_suffix(lex, lex.bare(folded(i))).to_string())
    };
    let role_class = if named || indefinite || parts.len() != 1 || !parens.is_empty() {
        None
    } else {
        generic_role(scan, lex, &name_ids)
    };
    Mention {
        name: display,
        key,
        named,
        indefinite,
        kind,
        gender: g,
        titles,
        roles,
        role_words,
        head,
        role_key,
        aliases,
        role_class,
        span,
    }
}

/// The kind of role of a description made only of a role noun and a generic possessor or
/// none: "the group's chief", "the militia's spokesman", "its leader" (the determiners are
/// already dropped). A capitalised possessor names one organisation ("the NLF's chief"): the
/// project's registry matches those across articles, so they are left alone here.
fn generic_role(scan: &Scan<'_>, lex: &Lexicon, words: &[usize]) -> Option<String> {
    let toks = &scan.toks;
    if !lex.capitalised_names {
        return None;
    }
    let (&last, before) = words.split_last()?;
    let class = lex.role_classes.get(toks[last].norm.as_ref())?;
    let generic_possessor = |i: usize| {
        let t = &toks[i];
        let f = t.norm.as_ref();
        let stem = f.strip_suffix("'s").or_else(|| f.strip_suffix('\''));
        !t.cap && stem.is_some_and(|w| lex.heads.contains_key(w))
    };
    match before {
        [] => Some(class.clone()),
        [p] if generic_possessor(*p) => Some(class.clone()),
        _ => None,
    }
}

/// An Arabic name followed by its role without a comma: «سامر يوسف قائد قوات الدفاع
/// الشعبي». The role word is not part of the name.
fn leading_name(scan: &Scan<'_>, lex: &Lexicon, part: &[usize]) -> Vec<usize> {
    let toks = &scan.toks;
    let article = lex.definite_article.as_deref().unwrap_or("\u{0}");
    let folded = |i: usize| toks[i].norm.as_ref();
    let Some(role) = part
        .iter()
        .position(|&i| lex.in_set(&lex.roles, folded(i)) || lex.titles.contains_key(folded(i)))
    else {
        return Vec::new();
    };
    let name = &part[..role];
    let plain = name.iter().all(|&i| {
        let f = folded(i);
        !(strip_arabic_proclitic(f).starts_with(article)
            || f.starts_with(article)
            || lex.heads.contains_key(f)
            || lex.heads.contains_key(lex.bare(f))
            || lex.speaker_stops.contains(f)
            || lex.time_words.contains(f)
            || lex.unnamed.contains(f)
            || lex.determiners.contains(f))
    });
    if plain && (1..=4).contains(&name.len()) && role + 1 < part.len() {
        name.to_vec()
    } else {
        Vec::new()
    }
}

/// A role noun without a possessive pronoun suffix: «زعيمها» → «زعيم», so that the
/// description meets the person the article named in that role. Other words are unchanged.
fn without_possessive_suffix<'w>(lex: &Lexicon, w: &'w str) -> &'w str {
    lex.possessive_suffixes
        .iter()
        .filter_map(|s| w.strip_suffix(s.as_str()))
        .find(|stem| stem.chars().count() >= MIN_STEM_CHARS && lex.in_set(&lex.roles, stem))
        .unwrap_or(w)
}

/// An Arabic name after a role phrase, «ال» words included: «المتحدث باسم الوزارة عبد الله
/// الحسيني» → «عبد الله الحسيني». The name starts at the first plain word (no article, not
/// listed) that follows a word with the article (the last such), and runs to the end.
fn name_after_role_phrase(scan: &Scan<'_>, lex: &Lexicon, part: &[usize]) -> Vec<usize> {
    /// The longest name taken this way, in words; longer tails are clauses.
    const MAX_NAME_WORDS: usize = 4;
    let toks = &scan.toks;
    let article = lex.definite_article.as_deref().unwrap_or("\u{0}");
    let folded = |i: usize| toks[i].norm.as_ref();
    let definite =
        |f: &str| strip_arabic_proclitic(f).starts_with(article) || f.starts_with(article);
    let listed = |f: &str| {
        let b = lex.bare(f);
        lex.titles.contains_key(f)
            || lex.in_set(&lex.roles, f)
            || lex.heads.contains_key(f)
            || lex.heads.contains_key(b)
            || lex.places.contains(f)
            || lex.speaker_stops.contains(f)
            || lex.time_words.contains(f)
            || lex.unnamed.contains(f)
    };
    let Some(&first) = part.first() else {
        return Vec::new();
    };
    if !(lex.in_set(&lex.roles, folded(first)) || lex.titles.contains_key(folded(first))) {
        return Vec::new();
    }
    let start = (1..part.len()).rev().find(|&k| {
        let f = folded(part[k]);
        !definite(f) && !listed(f) && definite(folded(part[k - 1]))
    });
    let plain_tail = |k: usize| part[k..].iter().all(|&i| !listed(folded(i)));
    match start {
        Some(k) if (2..=MAX_NAME_WORDS).contains(&(part.len() - k)) && plain_tail(k) => {
            part[k..].to_vec()
        }
        _ => Vec::new(),
    }
}

/// Whether an acronym starts with the first letter of its expansion's first word.
fn key_starts(acro: &str, expansion: &[String], lex: &Lexicon) -> bool {
    let first = acro.chars().next();
    expansion.first().and_then(|w| lex.bare(w).chars().next()) == first
}

/// The kind of actor a head word from the lexicon names.
fn head_actor_kind(k: HeadKind) -> ActorKind {
    match k {
        HeadKind::Organisation => ActorKind::Organisation,
        HeadKind::StateBody => ActorKind::StateBody,
        HeadKind::Media => ActorKind::Media,
    }
}

/// The proper name ending a part of a mention, as token ids (possibly empty).
fn name_run(scan: &Scan<'_>, lex: &Lexicon, part: &[usize]) -> Vec<usize> {
    let toks = &scan.toks;
    let folded = |i: usize| toks[i].norm.as_ref();
    let is_listed = |f: &str| {
        let b = lex.bare(f);
        lex.titles.contains_key(f)
            || lex.roles.contains(f)
            || lex.roles.contains(b)
            || lex.determiners.contains(f)
            || lex.time_words.contains(f)
            || lex.unnamed.contains(f)
    };
    if lex.capitalised_names {
        // English: the trailing run of capitalised words, with "of"/"for" inside it.
        let first = part
            .iter()
            .copied()
            .find(|&i| !lex.titles.contains_key(folded(i)));
        // A part opening with a lowercase word is a description, not a name.
        if first.is_some_and(|i| !toks[i].cap) {
            return Vec::new();
        }
        let mut run = Vec::new();
        for (k, &i) in part.iter().enumerate().rev() {
            let t = &toks[i];
            let f = folded(i);
            let capitalised = t.cap && !lex.titles.contains_key(f) && !lex.determiners.contains(f);
            let inner_preposition = lex.np_prepositions.contains(f)
                && !run.is_empty()
                && k > 0
                && toks[part[k - 1]].cap;
            if capitalised || inner_preposition {
                run.push(i);
            } else {
                break;
            }
        }
        while run.last().is_some_and(|&i| !toks[i].cap) {
            run.pop();
        }
        run.reverse();
        return run;
    }
    // Arabic: a description opening with an organisation word is named by all of it.
    let Some(&first) = part.first() else {
        return Vec::new();
    };
    let opens_with_head =
        lex.heads.contains_key(folded(first)) || lex.heads.contains_key(lex.bare(folded(first)));
    if opens_with_head {
        return Vec::new();
    }
    let article = lex.definite_article.as_deref().unwrap_or("\u{0}");
    let mut run = Vec::new();
    let mut after_preposition = false;
    for &i in part.iter().rev() {
        let f = folded(i);
        let definite = strip_arabic_proclitic(f).starts_with(article) || f.starts_with(article);
        // «علي» (Ali) folds onto the preposition «على»; the spelling tells them apart.
        let t = &toks[i];
        let ali = f == "علي" && scan.text[t.start..t.end].ends_with('ي');
        if definite
            || is_listed(f)
            || lex.heads.contains_key(f)
            || lex.places.contains(f)
            || (lex.speaker_stops.contains(f) && !ali)
        {
            after_preposition = lex.place_prepositions.contains(f);
            break;
        }
        run.push(i);
    }
    run.reverse();
    // «…في كندا سلمى قاسم»: the word after a preposition is its complement (a place),
    // not the first name.
    if after_preposition && run.len() >= MIN_RUN_WITH_PLACE {
        run.remove(0);
    }
    // Only the whole part, or what follows a role or title, is a person's name.
    let opens_with_role =
        lex.in_set(&lex.roles, folded(first)) || lex.titles.contains_key(folded(first));
    if run.len() == part.len() || opens_with_role {
        run
    } else {
        Vec::new()
    }
}
