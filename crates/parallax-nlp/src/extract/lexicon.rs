//! Per-language word lists, loaded from the TOML files beside this module.
//!
//! The files are compiled in with `include_str!` and parsed once, on first use. Every word is
//! stored in its matching form ([`fold_for_match`]) so that lookups compare folded tokens.
//! Arabic verb forms are derived from their masculine perfect by the file's `[morphology]`
//! rules; English lists its forms explicitly.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use serde::Deserialize;

use super::Stance;
use crate::text::fold_for_match;
use crate::Lang;

/// FNV-1a: lexicon keys are short words, for which it is much cheaper than SipHash, and
/// the lexicons are not built from untrusted input.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub(crate) type FastHash = BuildHasherDefault<Fnv>;
/// A set of folded words.
pub(crate) type WordSet = HashSet<String, FastHash>;
/// A map from folded words.
pub(crate) type WordMap<V> = HashMap<String, V, FastHash>;

/// Grammatical gender or number, as a verb form, pronoun or noun marks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(crate) enum Gender {
    #[default]
    Unknown,
    Masculine,
    Feminine,
    /// Not a person: "it".
    Neuter,
    Plural,
}

impl Gender {
    fn parse(code: &str) -> Gender {
        match code {
            "m" => Gender::Masculine,
            "f" => Gender::Feminine,
            "n" => Gender::Neuter,
            "p" => Gender::Plural,
            _ => Gender::Unknown,
        }
    }

    /// Whether a referent of gender `self` can be taken up by a word marked `other`.
    pub(crate) fn agrees(self, other: Gender) -> bool {
        self == Gender::Unknown || other == Gender::Unknown || self == other
    }
}

/// How a cue relates to its speaker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum CueForm {
    /// A finite reporting verb: its subject is the speaker.
    Verb,
    /// A participle or gerund continuing a clause («مشيرة إلى», ", adding"): the speaker is the
    /// clause's subject.
    Participle,
    /// An attribution phrase before the speaker («بحسب», "according to").
    Source,
}

/// What the lexicon knows about one surface form of a cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Cue {
    pub stance: Stance,
    pub gender: Gender,
    pub form: CueForm,
    /// Needs evidence of reported content (a quote or a complementiser) to count.
    pub weak: bool,
    /// Takes its addressee before the content ("told reporters that").
    pub addressee: bool,
    /// Reports an intention or plan by its "to" infinitive ("wants to leave").
    pub infinitive: bool,
    /// Reports a belief by a bare clause ("believes his plan will work").
    pub clause: bool,
    /// Index into [`Lexicon::preps`] of the preposition that may introduce its content.
    pub prep: Option<u16>,
}

impl Cue {
    /// A plain neutral reporting verb, for cues the rules infer from the sentence's shape
    /// rather than find in the lexicon (a transcript label, a headline colon, …).
    pub(crate) fn neutral_verb() -> Cue {
        Cue {
            stance: Stance::Neutral,
            gender: Gender::Unknown,
            form: CueForm::Verb,
            weak: false,
            addressee: false,
            infinitive: false,
            clause: false,
            prep: None,
        }
    }
}

/// A cue of several words ("according to", «وفقا ل»), keyed by its first word.
#[derive(Debug, Clone)]
pub(crate) struct Phrase {
    /// The folded words after the first.
    pub rest: Vec<String>,
    pub cue: Cue,
}

/// The kind of actor a head word names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HeadKind {
    Organisation,
    StateBody,
    Media,
}

/// One language's lexicon, every word folded.
#[derive(Debug, Default)]
pub(crate) struct Lexicon {
    pub cues: WordMap<Cue>,
    pub phrases: WordMap<Vec<Phrase>>,
    pub preps: Vec<String>,
    pub verb_proclitics: Vec<char>,
    /// Possessive pronoun suffixes on nouns («زعيمها» "its leader"), longest first; matched on
    /// folded words as written in the lexicon.
    pub possessive_suffixes: Vec<String>,
    pub feminine_noun_suffix: Option<char>,
    pub definite_article: Option<String>,
    /// Names are written with capitals (English), so a name is a run of capitalised words.
    pub capitalised_names: bool,
    pub titles: WordMap<String>,
    pub gendered: WordMap<Gender>,
    pub pronouns: WordMap<Gender>,
    pub roles: WordSet,
    pub generic_persons: WordSet,
    pub heads: WordMap<HeadKind>,
    pub unnamed: WordSet,
    pub indefinites: WordSet,
    pub determiners: WordSet,
    pub complementizers: WordSet,
    pub speaker_stops: WordSet,
    pub np_prepositions: WordSet,
    pub auxiliaries: WordSet,
    pub addressees: WordSet,
    pub time_words: WordSet,
    pub abbreviations: WordSet,
    pub documents: WordSet,
    /// Places written without the article («أمريكا», «تركيا»): never part of a person's
    /// name, though a name may follow them («سفير كندا مارك دالتون»).
    pub places: WordSet,
    /// First-person words ("us", «عنا»): in a headline they mark an unmarked quotation.
    pub first_person: WordSet,
    /// Groups sent by an organisation («وفد», "delegation"): they speak through the person
    /// leading them.
    pub delegations: WordSet,
    pub noun_cues: WordSet,
    pub leading_conjunctions: WordSet,
    /// Words opening the writer's context after a closed quotation and a comma ("“…”, after
    /// clashes killed…", «”، في الوقت الذي…»): the statement ends with the quotation.
    pub context_openers: WordSet,
    /// Role nouns by the kind of role they name ("chief" and "leader" lead, "spokesman"
    /// speaks for): a description made of one ("the group's chief") is the one person the
    /// article names in a role of that kind.
    pub role_classes: WordMap<String>,
    /// Verbs saying that their subject holds a role of a kind: "Brenner heads up the NLF".
    pub role_verbs: WordMap<String>,
    /// Nouns that show rather than say ("photos", "footage"): never a speaker.
    pub depictions: WordSet,
    /// Units and counts ("points", "percent"): a quantity is never a speaker.
    pub quantities: WordSet,
    /// Abstract nouns of events and states ("prices", "lack"): never a speaker.
    pub abstractions: WordSet,
    /// Prepositions that open an adjunct naming the document or channel a speaker used:
    /// "in a statement", "via a post".
    pub channel_prepositions: WordSet,
    /// Prepositions that may join a capitalised organisation head to the capitalised rest of
    /// its name: "Board on Water Rights", "Alliance against Piracy".
    pub name_prepositions: WordSet,
    /// The base form of each verb listed with its inflections ("say" of "say says said
    /// saying"): after a singular subject without an auxiliary it is a noun ("his first
    /// comment"), not the reporting verb.
    pub base_forms: WordSet,
    /// Conjunctions that coordinate a second reporting verb with the first ("…accused X and
    /// asserted that…") or open a new source's clause ("…and according to Y…").
    pub coordinators: WordSet,
    /// Relative pronouns that may open a reporting clause: "which officials said", «التي قالت».
    pub relative_pronouns: WordSet,
    /// Relative pronouns opening an appositive clause about a speaker ("Name, who watched…,
    /// said"), which may run longer than other appositives.
    pub relative_openers: WordSet,
    /// Forms of "be" before a participle that make a cue passive ("was criticized"): its subject
    /// is not the speaker.
    pub be_forms: WordSet,
    /// Auxiliaries and modals that show a finite clause has begun ("his plan will work").
    pub finite_auxiliaries: WordSet,
    /// Finite forms of reporting verbs that end in neither -ed nor -s, which coordinate with a
    /// sentence's first verb ("backed the union and said…").
    pub irregular_finite_cues: WordSet,
    /// First- and second-person subjects that open a clause ("said we will…"), not a speaker
    /// phrase or an adjunct.
    pub personal_subjects: WordSet,
    /// Words opening an embedded question after a cue ("asked how…"): a clause of content.
    pub question_words: WordSet,
    /// Subjects taking a verb's base form ("they say"), so that the base form after them is
    /// still a verb.
    pub plural_subjects: WordSet,
    /// Prepositions joining a document to its owner: "a statement by the ministry".
    pub owner_prepositions: WordSet,
    /// Prepositions besides [`Lexicon::np_prepositions`] through which a subject is read back to
    /// the phrase it completes ("officials from all three towns say").
    pub complement_prepositions: WordSet,
    /// Prepositions after a person noun whose complement belongs to the speaker phrase
    /// ("experts on the river said").
    pub person_complement_prepositions: WordSet,
    /// Prepositions opening a place («من المدينة», «في كندا»): the place a headline's speaker
    /// spoke from, or the complement before a name, is no part of the speaker.
    pub place_prepositions: WordSet,
    /// Words for "in the name of" that continue a role inside a speaker phrase («المتحدث باسم
    /// الوزارة»).
    pub on_behalf: WordSet,
    /// Words for "issued" after a document («بيان صادر عن…»): the owner is named after them, not
    /// by the word itself.
    pub issued_words: WordSet,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLexicon {
    #[serde(default)]
    morphology: RawMorphology,
    stance: BTreeMap<String, RawStance>,
    #[serde(default)]
    title_aliases: BTreeMap<String, String>,
    #[serde(default)]
    gendered: BTreeMap<String, String>,
    #[serde(default)]
    pronouns: BTreeMap<String, String>,
    #[serde(default)]
    role_classes: BTreeMap<String, Vec<String>>,
    #[serde(default)]
    role_verbs: BTreeMap<String, Vec<String>>,
    lists: RawLists,
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct RawMorphology {
    #[serde(default)]
    verb_proclitics: Vec<String>,
    verb_feminine_suffix: Option<String>,
    verb_plural_suffix: Option<String>,
    #[serde(default)]
    weak_finals: Vec<String>,
    feminine_noun_suffix: Option<String>,
    definite_article: Option<String>,
    #[serde(default)]
    capitalised_names: bool,
    #[serde(default)]
    possessive_suffixes: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawStance {
    #[serde(default)]
    verbs: Vec<String>,
    #[serde(default)]
    participles: Vec<String>,
    #[serde(default)]
    sources: Vec<String>,
    /// Verbs of several words: "called on", "called for".
    #[serde(default)]
    phrasal: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLists {
    weak_verbs: Vec<String>,
    #[serde(default)]
    infinitive_verbs: Vec<String>,
    #[serde(default)]
    clause_verbs: Vec<String>,
    addressee_verbs: Vec<String>,
    titles: Vec<String>,
    roles: Vec<String>,
    generic_persons: Vec<String>,
    organisations: Vec<String>,
    state_bodies: Vec<String>,
    media: Vec<String>,
    unnamed: Vec<String>,
    indefinites: Vec<String>,
    determiners: Vec<String>,
    complementizers: Vec<String>,
    speaker_stops: Vec<String>,
    np_prepositions: Vec<String>,
    auxiliaries: Vec<String>,
    addressees: Vec<String>,
    time_words: Vec<String>,
    abbreviations: Vec<String>,
    documents: Vec<String>,
    #[serde(default)]
    places: Vec<String>,
    #[serde(default)]
    first_person: Vec<String>,
    #[serde(default)]
    delegations: Vec<String>,
    #[serde(default)]
    noun_cues: Vec<String>,
    leading_conjunctions: Vec<String>,
    #[serde(default)]
    context_openers: Vec<String>,
    #[serde(default)]
    depictions: Vec<String>,
    #[serde(default)]
    quantities: Vec<String>,
    #[serde(default)]
    abstractions: Vec<String>,
    #[serde(default)]
    channel_prepositions: Vec<String>,
    #[serde(default)]
    name_prepositions: Vec<String>,
    #[serde(default)]
    coordinators: Vec<String>,
    #[serde(default)]
    relative_pronouns: Vec<String>,
    #[serde(default)]
    relative_openers: Vec<String>,
    #[serde(default)]
    be_forms: Vec<String>,
    #[serde(default)]
    finite_auxiliaries: Vec<String>,
    #[serde(default)]
    irregular_finite_cues: Vec<String>,
    #[serde(default)]
    personal_subjects: Vec<String>,
    #[serde(default)]
    question_words: Vec<String>,
    #[serde(default)]
    plural_subjects: Vec<String>,
    #[serde(default)]
    owner_prepositions: Vec<String>,
    #[serde(default)]
    complement_prepositions: Vec<String>,
    #[serde(default)]
    person_complement_prepositions: Vec<String>,
    #[serde(default)]
    place_prepositions: Vec<String>,
    #[serde(default)]
    on_behalf: Vec<String>,
    #[serde(default)]
    issued_words: Vec<String>,
}

fn stance_named(name: &str) -> Stance {
    match name {
        "assertive" => Stance::Assertive,
        "distancing" => Stance::Distancing,
        "denial" => Stance::Denial,
        "directive" => Stance::Directive,
        "warning" => Stance::Warning,
        "concession" => Stance::Concession,
        "announcement" => Stance::Announcement,
        "neutral" => Stance::Neutral,
        other => panic!("lexicon: unknown stance class {other:?}"),
    }
}

fn set(words: &[String]) -> WordSet {
    words.iter().map(|w| fold_for_match(w.trim())).collect()
}

impl Lexicon {
    /// The lexicon for `lang`; languages without one get English's, whose rules only fire on
    /// Latin-script words.
    pub(crate) fn get(lang: Lang) -> &'static Lexicon {
        static AR: OnceLock<Lexicon> = OnceLock::new();
        static EN: OnceLock<Lexicon> = OnceLock::new();
        match lang {
            Lang::Ar => AR.get_or_init(|| Lexicon::parse(include_str!("lexicon/ar.toml"))),
            Lang::En | Lang::Other => {
                EN.get_or_init(|| Lexicon::parse(include_str!("lexicon/en.toml")))
            }
        }
    }

    /// Parses a lexicon file. The files are compiled in and covered by tests, so a malformed
    /// one is a programming error.
    pub(crate) fn parse(source: &str) -> Lexicon {
        let raw: RawLexicon = toml::from_str(source).expect("lexicon file is valid TOML");
        let m = &raw.morphology;
        let fold_opt = |s: &Option<String>| s.as_deref().map(fold_for_match);
        let feminine_suffix = fold_opt(&m.verb_feminine_suffix);
        let plural_suffix = fold_opt(&m.verb_plural_suffix);
        let weak_finals: Vec<String> = m.weak_finals.iter().map(|s| fold_for_match(s)).collect();
        let lists = &raw.lists;
        let weak = set(&lists.weak_verbs);
        let addressee = set(&lists.addressee_verbs);
        let infinitive = set(&lists.infinitive_verbs);
        let clause = set(&lists.clause_verbs);
        let mut lex = Lexicon {
            verb_proclitics: m
                .verb_proclitics
                .iter()
                .filter_map(|s| s.chars().next())
                .collect(),
            feminine_noun_suffix: fold_opt(&m.feminine_noun_suffix).and_then(|s| s.chars().next()),
            definite_article: fold_opt(&m.definite_article),
            capitalised_names: m.capitalised_names,
            possessive_suffixes: m.possessive_suffixes.clone(),
            ..Lexicon::default()
        };

        for (name, entry) in &raw.stance {
            let stance = stance_named(name);
            for (list, form) in [
                (&entry.verbs, CueForm::Verb),
                (&entry.participles, CueForm::Participle),
            ] {
                for spec in list {
                    if form == CueForm::Verb && spec.split_whitespace().count() >= 3 {
                        if let Some(first) = spec.split_whitespace().next() {
                            lex.base_forms.insert(fold_for_match(split_form(first).0));
                        }
                    }
                    let mut words = spec.split_whitespace();
                    let Some(lemma) = words.next() else { continue };
                    let (lemma, lemma_gender, lemma_prep) = split_form(lemma);
                    let lemma = fold_for_match(lemma);
                    let prep = lemma_prep.map(|p| lex.prep_index(p));
                    let add = |lex: &mut Lexicon, surface: String, gender: Gender, prep| {
                        let cue = Cue {
                            stance,
                            gender,
                            form,
                            weak: weak.contains(&surface),
                            addressee: addressee.contains(&surface),
                            infinitive: infinitive.contains(&surface),
                            clause: clause.contains(&surface),
                            prep,
                        };
                        // A participle listing overrides the same form listed as a verb.
                        if form == CueForm::Participle {
                            lex.cues.insert(surface, cue);
                        } else {
                            lex.cues.entry(surface).or_insert(cue);
                        }
                    };
                    let base_gender = if lemma_gender != Gender::Unknown {
                        lemma_gender
                    } else if feminine_suffix.is_some() {
                        Gender::Masculine
                    } else {
                        Gender::Unknown
                    };
                    add(&mut lex, lemma.clone(), base_gender, prep);
                    // Derived forms of an Arabic verb, when the entry is a bare lemma.
                    if form == CueForm::Verb && lemma_gender == Gender::Unknown {
                        let stem = weak_finals
                            .iter()
                            .find_map(|w| lemma.strip_suffix(w.as_str()))
                            .unwrap_or(&lemma);
                        if let Some(fs) = &feminine_suffix {
                            add(&mut lex, format!("{stem}{fs}"), Gender::Feminine, prep);
                        }
                        if let Some(ps) = &plural_suffix {
                            add(&mut lex, format!("{stem}{ps}"), Gender::Plural, prep);
                        }
                    }
                    for word in words {
                        let (word, gender, word_prep) = split_form(word);
                        let prep = word_prep.map(|p| lex.prep_index(p)).or(prep);
                        add(&mut lex, fold_for_match(word), gender, prep);
                    }
                }
            }
            let sources = entry.sources.iter().map(|p| (p, CueForm::Source));
            let phrasal = entry.phrasal.iter().map(|p| (p, CueForm::Verb));
            for (phrase, form) in sources.chain(phrasal) {
                let mut words = phrase.split_whitespace().map(fold_for_match);
                let Some(first) = words.next() else { continue };
                let cue = Cue {
                    stance,
                    gender: Gender::Unknown,
                    form,
                    weak: false,
                    addressee: false,
                    infinitive: false,
                    clause: false,
                    prep: None,
                };
                lex.phrases.entry(first).or_default().push(Phrase {
                    rest: words.collect(),
                    cue,
                });
            }
        }
        // Longer phrases first, so "according to" wins over a shorter phrase sharing its head.
        for list in lex.phrases.values_mut() {
            list.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }

        for title in &lists.titles {
            let folded = fold_for_match(title);
            lex.titles.insert(folded.clone(), folded);
        }
        for (short, long) in &raw.title_aliases {
            lex.titles
                .insert(fold_for_match(short), fold_for_match(long));
        }
        lex.gendered = raw
            .gendered
            .iter()
            .map(|(w, g)| (fold_for_match(w), Gender::parse(g)))
            .collect();
        lex.pronouns = raw
            .pronouns
            .iter()
            .map(|(w, g)| (fold_for_match(w), Gender::parse(g)))
            .collect();
        lex.roles = set(&lists.roles);
        lex.generic_persons = set(&lists.generic_persons);
        for (words, kind) in [
            (&lists.organisations, HeadKind::Organisation),
            (&lists.state_bodies, HeadKind::StateBody),
            (&lists.media, HeadKind::Media),
        ] {
            for w in words {
                lex.heads.entry(fold_for_match(w)).or_insert(kind);
            }
        }
        lex.unnamed = set(&lists.unnamed);
        lex.indefinites = set(&lists.indefinites);
        lex.determiners = set(&lists.determiners);
        lex.complementizers = set(&lists.complementizers);
        lex.speaker_stops = set(&lists.speaker_stops);
        lex.np_prepositions = set(&lists.np_prepositions);
        lex.auxiliaries = set(&lists.auxiliaries);
        lex.addressees = set(&lists.addressees);
        lex.time_words = set(&lists.time_words);
        lex.abbreviations = set(&lists.abbreviations);
        lex.documents = set(&lists.documents);
        lex.places = set(&lists.places);
        lex.first_person = set(&lists.first_person);
        lex.delegations = set(&lists.delegations);
        lex.noun_cues = set(&lists.noun_cues);
        lex.leading_conjunctions = set(&lists.leading_conjunctions);
        lex.context_openers = set(&lists.context_openers);
        lex.depictions = set(&lists.depictions);
        lex.quantities = set(&lists.quantities);
        lex.abstractions = set(&lists.abstractions);
        lex.channel_prepositions = set(&lists.channel_prepositions);
        lex.name_prepositions = set(&lists.name_prepositions);
        lex.coordinators = set(&lists.coordinators);
        lex.relative_pronouns = set(&lists.relative_pronouns);
        lex.relative_openers = set(&lists.relative_openers);
        lex.be_forms = set(&lists.be_forms);
        lex.finite_auxiliaries = set(&lists.finite_auxiliaries);
        lex.irregular_finite_cues = set(&lists.irregular_finite_cues);
        lex.personal_subjects = set(&lists.personal_subjects);
        lex.question_words = set(&lists.question_words);
        lex.plural_subjects = set(&lists.plural_subjects);
        lex.owner_prepositions = set(&lists.owner_prepositions);
        lex.complement_prepositions = set(&lists.complement_prepositions);
        lex.person_complement_prepositions = set(&lists.person_complement_prepositions);
        lex.place_prepositions = set(&lists.place_prepositions);
        lex.on_behalf = set(&lists.on_behalf);
        lex.issued_words = set(&lists.issued_words);
        for (class, words) in &raw.role_classes {
            for w in words {
                lex.role_classes.insert(fold_for_match(w), class.clone());
            }
        }
        for (class, words) in &raw.role_verbs {
            for w in words {
                lex.role_verbs.insert(fold_for_match(w), class.clone());
            }
        }
        lex
    }

    fn prep_index(&mut self, prep: &str) -> u16 {
        let folded = fold_for_match(prep);
        if let Some(i) = self.preps.iter().position(|p| *p == folded) {
            return i as u16;
        }
        self.preps.push(folded);
        (self.preps.len() - 1) as u16
    }

    /// A folded word without a leading verb proclitic (و، ف), if it has one and more than two
    /// letters remain.
    pub(crate) fn strip_verb_proclitic<'w>(&self, word: &'w str) -> Option<&'w str> {
        let first = word.chars().next()?;
        if !self.verb_proclitics.contains(&first) {
            return None;
        }
        let rest = &word[first.len_utf8()..];
        (rest.chars().count() >= 2).then_some(rest)
    }

    /// The cue a folded word is, allowing a glued conjunction; the flag says one was stripped.
    pub(crate) fn cue(&self, word: &str) -> Option<(Cue, bool)> {
        if let Some(cue) = self.cues.get(word) {
            return Some((*cue, false));
        }
        let rest = self.strip_verb_proclitic(word)?;
        self.cues.get(rest).map(|c| (*c, true))
    }

    /// A folded word without the definite article (and a conjunction or preposition before
    /// it): «والمسؤولة» → «مسؤولة».
    pub(crate) fn bare<'w>(&self, word: &'w str) -> &'w str {
        let Some(article) = &self.definite_article else {
            return word;
        };
        let mut w = word;
        if let Some(rest) = self.strip_verb_proclitic(w) {
            if rest.starts_with(article.as_str()) {
                w = rest;
            }
        }
        match w.strip_prefix(article.as_str()) {
            Some(rest) if rest.chars().count() >= 2 => rest,
            _ => w,
        }
    }

    /// Whether a folded word is in a set, as written or without its article or conjunction.
    pub(crate) fn in_set(&self, set: &WordSet, word: &str) -> bool {
        set.contains(word) || set.contains(self.bare(word)) || {
            let stripped = self.strip_verb_proclitic(word);
            stripped.is_some_and(|w| set.contains(w))
        }
    }
}

/// Splits `form:prep/g` into its parts.
fn split_form(spec: &str) -> (&str, Gender, Option<&str>) {
    let (rest, gender) = match spec.rsplit_once('/') {
        Some((rest, g)) if g.len() == 1 => (rest, Gender::parse(g)),
        _ => (spec, Gender::Unknown),
    };
    match rest.split_once(':') {
        Some((word, prep)) => (word, gender, Some(prep)),
        None => (rest, gender, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_lexicons_parse() {
        let ar = Lexicon::get(Lang::Ar);
        let (cue, conj) = ar.cue("وقالت").expect("قالت is a cue");
        assert!(conj);
        assert_eq!(cue.gender, Gender::Feminine);
        assert_eq!(ar.cue("دعت").map(|c| c.0.stance), Some(Stance::Directive));
        assert_eq!(
            ar.cue(&fold_for_match("أشار")).map(|c| c.0.gender),
            Some(Gender::Masculine)
        );
        let en = Lexicon::get(Lang::En);
        assert_eq!(en.cue("warned").map(|c| c.0.stance), Some(Stance::Warning));
        assert!(en.phrases.contains_key("according"));
    }
}
