//! Actor matching: transliteration on collected public name pairs and invented names, acronyms,
//! surnames, and analyst edits that survive re-resolution.

use parallax_nlp::actors::{
    is_acronym_of, name_key, person_names_compatible, resolve, same_name_word, ActorEdit,
    ActorMention, ActorRef, GlobalActor, MentionId,
};
use parallax_nlp::extract::ActorKind;

/// The people of `tests/data/name_pairs.txt`: each person's spellings, Latin and Arabic.
fn people() -> Vec<Vec<&'static str>> {
    include_str!("data/name_pairs.txt")
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            l.split(['|', ';'])
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .collect()
        })
        .collect()
}

/// Precision and recall of "same person" over every pair of spellings in the list (pairs on
/// one line are one person, pairs from two lines two people), by `same`.
fn pair_scores(
    people: &[Vec<&str>],
    spelling: impl Fn(&str) -> String,
    same: impl Fn(&str, &str) -> bool,
) -> (f32, f32, Vec<String>, Vec<String>) {
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let (mut missed, mut wrong) = (Vec::new(), Vec::new());
    for (i, a) in people.iter().enumerate() {
        for (j, b) in people.iter().enumerate().skip(i) {
            for (x, va) in a.iter().enumerate() {
                for (y, vb) in b.iter().enumerate() {
                    if i == j && y <= x {
                        continue;
                    }
                    let (sa, sb) = (spelling(va), spelling(vb));
                    if i != j && sa == sb {
                        continue; // one spelling, two people: nothing to tell apart
                    }
                    match (i == j, same(&sa, &sb)) {
                        (true, true) => tp += 1,
                        (true, false) => {
                            fn_ += 1;
                            missed.push(format!("{sa} ~ {sb}"));
                        }
                        (false, true) => {
                            fp += 1;
                            wrong.push(format!("{sa} ~ {sb}"));
                        }
                        (false, false) => {}
                    }
                }
            }
        }
    }
    let precision = tp as f32 / (tp + fp).max(1) as f32;
    let recall = tp as f32 / (tp + fn_).max(1) as f32;
    (precision, recall, missed, wrong)
}

/// Transliteration measured on public figures' names as Latin- and Arabic-script news spell
/// them (`tests/data/name_pairs.txt`, none from the evaluation corpus): full names across
/// and within scripts, and surnames alone (which the registry only attaches to a fuller
/// name of the same project, so they may be less precise).
#[test]
fn transliteration_precision_and_recall_on_collected_name_pairs() {
    let people = people();
    let (p, r, missed, wrong) = pair_scores(&people, str::to_owned, person_names_compatible);
    println!("full names: precision {p:.3} recall {r:.3}");
    println!("missed: {missed:#?}");
    assert!(
        p >= 0.995,
        "full names: precision {p:.3}; wrong: {wrong:#?}"
    );
    assert!(r >= 0.85, "full names: recall {r:.3}");
    let surname = |n: &str| n.split_whitespace().last().unwrap_or_default().to_owned();
    let (p, r, missed, wrong) = pair_scores(&people, surname, same_name_word);
    println!("surnames: precision {p:.3} recall {r:.3}");
    println!("missed: {missed:#?}\nwrong: {wrong:#?}");
    assert!(p >= 0.75, "surnames: precision {p:.3}");
    assert!(r >= 0.9, "surnames: recall {r:.3}");
}

/// Spelling variants on each side and compound names written as one word or two.
#[test]
fn spelling_variants_and_compound_names_match() {
    for (a, b) in [
        // «غ» and «ج» both write a hard g
        ("رافائيل غروسي", "رافائيل جروسي"),
        ("Rafael Grossi", "رافائيل جروسي"),
        // «عبد الله» / "Abdullah", a compound surname written as one
        ("Abdullah Karimov", "عبد الله كريموف"),
        ("Hassan Nasrallah", "حسن نصر الله"),
        ("حسن نصر الله", "حسن نصرالله"),
        // "sch", "tch", "zh", a doubled letter before "th", a final "-eh"
        ("Otto Schaller", "أوتو شالر"),
        ("Yevgeny Zhukin", "يفغيني جوكين"),
        ("Matthew Linden", "ماثيو ليندن"),
        ("Samir Fadeh", "سمير فاده"),
    ] {
        assert!(person_names_compatible(a, b), "{a} ~ {b}");
    }
    for (a, b) in [
        // one consonant more in a short name is another name
        ("John Kerrow", "John Kirbow"),
        ("Hassan Nasrallah", "Hassan Nasr"),
        ("Omar Haddad", "Omar Hamdan"),
    ] {
        assert!(!person_names_compatible(a, b), "{a} / {b}");
    }
}

#[test]
fn acronyms_match_their_expansions() {
    for (short, long, expect) in [
        ("محش", "مجلس الحوض الشمالي", true),
        ("NBC", "Northern Basin Council", true),
        (
            "CRTG-OST",
            "Combined River Task Group – Operation Steady Tide",
            true,
        ),
        (
            "NRCCH",
            "Northern Regional Commission on Cultural Heritage",
            true,
        ),
        ("NBC", "Northern Basin Ministry", false),
        ("محش", "مجلس الشباب الحر", false),
    ] {
        assert_eq!(is_acronym_of(short, long), expect, "{short} / {long}");
    }
    assert_eq!(name_key("CRTG-OST"), name_key("The CRTGOST"));
}

fn mention(
    article: &str,
    name: &str,
    kind: ActorKind,
    aliases: &[&str],
    roles: &[&str],
) -> ActorMention {
    ActorMention {
        id: MentionId::new(article, name),
        article: article.to_owned(),
        name: name.to_owned(),
        kind,
        titles: vec![],
        roles: roles.iter().map(|s| s.to_string()).collect(),
        aliases: aliases.iter().map(|s| s.to_string()).collect(),
    }
}

/// Mentions shaped like what the extractor reports for news articles, with invented actors.
fn news_mentions() -> Vec<ActorMention> {
    use ActorKind::*;
    vec![
        mention(
            "a01",
            "Combined River Task Group – Operation Steady Tide",
            Organisation,
            &["CRTG-OST"],
            &[],
        ),
        mention("a02", "CRTGOST", Organisation, &[], &[]),
        mention("a03", "Northern Basin Council", Organisation, &["NBC"], &[]),
        mention(
            "a04",
            "Ross McKellan",
            Person,
            &["McKellan"],
            &["commander of the Allied Northern Command"],
        ),
        mention("a05", "McKellan", Person, &[], &[]),
        mention("a06", "Gordon Mackellan", Person, &[], &[]),
        mention(
            "a07",
            "رزان حسو",
            Person,
            &["حسو"],
            &["القائد العام لمجلس الحوض الشمالي"],
        ),
        mention("a07", "مجلس الحوض الشمالي", Organisation, &["محش"], &[]),
        mention("a08", "محش", Organisation, &[], &[]),
        mention(
            "a09",
            "Rezan Tilmane Hasso",
            Person,
            &["Rezan"],
            &["the NBC's top commander"],
        ),
        mention("a10", "Hasso", Person, &[], &[]),
        mention("a11", "غوردون ماكيلان", Person, &["ماكيلان"], &[]),
        mention("a12", "Gordon R. McKellan", Person, &[], &[]),
        mention("a13", "كورين دالينزا", Person, &["دالينزا"], &[]),
        mention("a14", "Corinne Dalenza", Person, &["Dalenza"], &[]),
        mention("a15", "كورين دلينزة", Person, &["دلينزة"], &[]),
        mention("a16", "officials", Unnamed, &[], &[]),
        mention("a17", "officials", Unnamed, &[], &[]),
        mention("a18", "Pieter Halvorsen", Person, &[], &[]),
        mention("a19", "Margit Halvorsen", Person, &["Halvorsen"], &[]),
    ]
}

/// Renders a registry as one line per actor: `name [kind] = aliases (mention count) < groups`.
fn render(actors: &[GlobalActor]) -> String {
    actors
        .iter()
        .map(|a| {
            let part_of: Vec<&str> = a.part_of.iter().map(|&g| actors[g].name.as_str()).collect();
            format!(
                "{} [{:?}] = {} ({}){}",
                a.name,
                a.kind,
                a.aliases.join(" | "),
                a.mentions.len(),
                if part_of.is_empty() {
                    String::new()
                } else {
                    format!(" < {}", part_of.join(", "))
                }
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[track_caller]
fn check(mentions: &[ActorMention], edits: &[ActorEdit], expect: &str) {
    let got = render(&resolve(mentions, edits));
    assert_eq!(got.trim(), expect.trim(), "registry differs; got:\n{got}");
}

#[test]
fn news_actors_resolve_across_scripts() {
    check(
        &news_mentions(),
        &[],
        "
Combined River Task Group – Operation Steady Tide [Organisation] = CRTG-OST (2)
Northern Basin Council [Organisation] = NBC (1)
Gordon R. McKellan [Person] = Ross McKellan | McKellan | Gordon Mackellan | غوردون ماكيلان | ماكيلان (5)
Rezan Tilmane Hasso [Person] = رزان حسو | حسو | Rezan | Hasso (3) < Northern Basin Council, مجلس الحوض الشمالي
مجلس الحوض الشمالي [Organisation] = محش (2)
Corinne Dalenza [Person] = كورين دالينزا | دالينزا | Dalenza | كورين دلينزة | دلينزة (3)
officials [Unnamed] =  (1)
officials [Unnamed] =  (1)
Pieter Halvorsen [Person] =  (1)
Margit Halvorsen [Person] = Halvorsen (1)
",
    );
}

#[test]
fn edits_survive_re_resolution_and_new_articles() {
    let edits = vec![
        // the analyst links the Arabic and English names of the council
        ActorEdit::Merge {
            a: ActorRef::Name("Northern Basin Council".into()),
            b: ActorRef::Name("محش".into()),
        },
        ActorEdit::Rename {
            actor: ActorRef::Name("NBC".into()),
            name: "NBC".into(),
        },
        // a mention the analyst judges to be another person named Hasso
        ActorEdit::Split {
            mentions: vec![MentionId::new("a10", "Hasso")],
            name: "Hasso (other)".into(),
        },
        ActorEdit::SetKind {
            actor: ActorRef::Name("officials".into()),
            kind: ActorKind::StateBody,
        },
        ActorEdit::PartOf {
            member: ActorRef::Name("CRTG-OST".into()),
            group: ActorRef::Name("River Basin Alliance".into()),
        },
    ];
    let mut mentions = news_mentions();
    mentions.push(mention(
        "a20",
        "River Basin Alliance",
        ActorKind::Organisation,
        &[],
        &[],
    ));
    let first = resolve(&mentions, &edits);
    // re-analysis gives the same mentions in another order, and a new article arrives
    mentions.reverse();
    mentions.push(mention(
        "a21",
        "مجلس الحوض الشمالي",
        ActorKind::Organisation,
        &[],
        &[],
    ));
    let second = resolve(&mentions, &edits);
    for actors in [&first, &second] {
        let nbc = actors
            .iter()
            .find(|a| a.name == "NBC")
            .expect("renamed NBC");
        assert!(
            nbc.aliases.iter().any(|a| a == "محش"),
            "merge kept: {:?}",
            nbc.aliases
        );
        let other = actors
            .iter()
            .find(|a| a.name == "Hasso (other)")
            .expect("split kept");
        assert_eq!(other.mentions, vec![MentionId::new("a10", "Hasso")]);
        let task_group = actors
            .iter()
            .find(|a| a.aliases.iter().any(|x| name_key(x) == "crtgost"))
            .unwrap();
        assert_eq!(
            task_group.part_of.len(),
            1,
            "membership recorded, not merged"
        );
        assert_eq!(actors[task_group.part_of[0]].name, "River Basin Alliance");
        assert!(actors
            .iter()
            .filter(|a| a.name == "officials")
            .all(|a| a.kind == ActorKind::StateBody));
    }
    let nbc = second.iter().find(|a| a.name == "NBC").unwrap();
    assert!(
        nbc.mentions
            .contains(&MentionId::new("a21", "مجلس الحوض الشمالي")),
        "new article joins the merged actor"
    );
}

#[test]
fn an_organisations_channels_and_descriptions_are_the_organisation() {
    use ActorKind::*;
    // an alliance as news names it: its accounts, a bare "alliance", a generic "international
    // alliance" and one fuller name; forces of several countries stay apart, and a bare
    // "forces" joins none of them
    check(
        &[
            mention("a01", "alliance", Organisation, &[], &[]),
            mention("a01", "official page of the alliance", Organisation, &[], &[]),
            mention("a02", "Nordic-led alliance", Organisation, &[], &[]),
            mention("a02", "alliance’s official feed", Unnamed, &[], &[]),
            mention("a03", "international alliance", Organisation, &[], &[]),
            mention("a04", "the account", Unnamed, &[], &[]),
            mention("a05", "Turkish forces", Organisation, &[], &[]),
            mention("a06", "Russian forces", Organisation, &[], &[]),
            mention("a07", "forces", Organisation, &[], &[]),
        ],
        &[],
        "
Nordic-led alliance [Organisation] = alliance | official page of the alliance | alliance’s official feed | international alliance (5)
the account [Unnamed] =  (1)
Turkish forces [Organisation] =  (1)
Russian forces [Organisation] =  (1)
forces [Organisation] =  (1)
",
    );
}

#[test]
fn a_role_description_is_the_one_named_person_who_leads_that_organisation() {
    use ActorKind::*;
    // "the leader of the Northern Basin Council" (an article that never names him) is the
    // person another article calls "the NBC's top commander"; "the head of the commission"
    // has two candidates and stays alone
    check(
        &[
            mention(
                "a01",
                "Rezan Tilmane Hasso",
                Person,
                &[],
                &["the NBC's top commander"],
            ),
            mention(
                "a02",
                "leader of the Northern Basin Council",
                Person,
                &[],
                &[],
            ),
            mention(
                "a03",
                "Corinne Dalenza",
                Person,
                &[],
                &["chair of the commission"],
            ),
            mention(
                "a04",
                "Ruth Ellery",
                Person,
                &[],
                &["chair of the commission"],
            ),
            mention("a05", "head of the commission", Person, &[], &[]),
        ],
        &[],
        "
Rezan Tilmane Hasso [Person] = leader of the Northern Basin Council (2)
Corinne Dalenza [Person] =  (1)
Ruth Ellery [Person] =  (1)
head of the commission [Person] =  (1)
",
    );
}

/// With a dictionary, an organisation's Arabic and English names that translate each other
/// word for word are one actor («مجلس الحوض الشمالي» ~ "Northern Basin Council", and
/// «التحالف الإقليمي لحماية الأنهار» by its head «التحالف الإقليمي»); names of one word, and names
/// that only share some words, stay apart.
#[test]
fn organisations_meet_across_scripts_through_a_dictionary() {
    use parallax_nlp::actors::resolve_with;
    use parallax_nlp::align::Bilingual;
    use ActorKind::*;
    let mentions = vec![
        mention("a1", "Northern Basin Council", Organisation, &["NBC"], &[]),
        mention("a2", "مجلس الحوض الشمالي", Organisation, &["محش"], &[]),
        mention("a3", "regional coalition", Organisation, &[], &[]),
        mention(
            "a4",
            "التحالف الإقليمي لحماية الأنهار",
            Organisation,
            &[],
            &[],
        ),
        mention("a5", "Turkish Defence Ministry", StateBody, &[], &[]),
        mention("a6", "وزارة الدفاع الروسية", StateBody, &[], &[]),
        mention("a7", "government", StateBody, &[], &[]),
        mention("a8", "الحكومة", StateBody, &[], &[]),
    ];
    let mut dict = Bilingual::new();
    for (en, ar) in [
        ("council", "مجلس"),
        ("basin", "الحوض"),
        ("northern", "الشمالي"),
        ("coalition", "التحالف"),
        ("regional", "الإقليمي"),
        ("defence", "الدفاع"),
        ("ministry", "وزارة"),
        ("government", "الحكومة"),
    ] {
        dict.add(en, ar);
    }
    let names = |actors: &[GlobalActor]| -> Vec<String> {
        let mut v: Vec<String> = actors
            .iter()
            .map(|a| {
                let mut all = vec![a.name.clone()];
                all.extend(a.aliases.iter().cloned());
                all.join(" = ")
            })
            .collect();
        v.sort();
        v
    };
    assert_eq!(
        resolve(&mentions, &[]).len(),
        8,
        "apart without a dictionary"
    );
    let got = names(&resolve_with(&mentions, &[], Some(&dict)));
    assert_eq!(got.len(), 6, "{got:#?}");
    assert!(
        got.iter()
            .any(|n| n.contains("Northern Basin Council") && n.contains("محش")),
        "{got:#?}"
    );
    assert!(
        got.iter()
            .any(|n| n.contains("regional coalition") && n.contains("التحالف الإقليمي")),
        "{got:#?}"
    );
}

/// "The account" is the one owner whose account its article names; with two owners named
/// in the article, or none, it stays apart.
#[test]
fn a_bare_channel_is_the_one_owner_its_article_names() {
    use ActorKind::*;
    let mentions = vec![
        mention(
            "a1",
            "official account of the alliance",
            Organisation,
            &[],
            &[],
        ),
        mention("a1", "account", Organisation, &[], &[]),
        mention("a2", "account", Organisation, &[], &[]),
        mention("a3", "the alliance's page", Organisation, &[], &[]),
        mention("a3", "the ministry's account", StateBody, &[], &[]),
        mention("a3", "page", Organisation, &[], &[]),
    ];
    let actors = resolve(&mentions, &[]);
    let of = |article: &str, name: &str| actor_of(&actors, article, name);
    assert_eq!(
        of("a1", "account"),
        of("a1", "official account of the alliance")
    );
    assert_ne!(
        of("a2", "account"),
        of("a1", "account"),
        "no owner named in a2"
    );
    assert_ne!(
        of("a3", "page"),
        of("a3", "the ministry's account"),
        "two owners in a3"
    );
    assert_ne!(
        of("a3", "page"),
        of("a3", "the alliance's page"),
        "two owners in a3"
    );
}

/// A two-word name that begins the one longer name of the project is that person (a given
/// name and a nom de guerre: "Rezan Tilmani", "Rezan Tilmane Hasso"); with two such longer
/// names, it stays apart.
#[test]
fn a_name_that_begins_one_fuller_name_is_that_person() {
    use ActorKind::*;
    let mentions = vec![
        mention("a1", "Rezan Tilmani", Person, &[], &[]),
        mention("a2", "Rezan Tilmane Hasso", Person, &[], &[]),
        mention("a3", "Ali Hassan", Person, &[], &[]),
        mention("a4", "Ali Hassan Majid", Person, &[], &[]),
        mention("a5", "Ali Hassan Nasser", Person, &[], &[]),
    ];
    let actors = resolve(&mentions, &[]);
    let of = |article: &str, name: &str| actor_of(&actors, article, name);
    assert_eq!(of("a1", "Rezan Tilmani"), of("a2", "Rezan Tilmane Hasso"));
    assert_ne!(
        of("a3", "Ali Hassan"),
        of("a4", "Ali Hassan Majid"),
        "two fuller names"
    );
    assert_ne!(
        of("a3", "Ali Hassan"),
        of("a5", "Ali Hassan Nasser"),
        "two fuller names"
    );
    assert_eq!(actors.len(), 4);
}

/// The position of the actor that holds the mention of `name` in `article`.
fn actor_of(actors: &[GlobalActor], article: &str, name: &str) -> usize {
    actors
        .iter()
        .position(|a| a.mentions.contains(&MentionId::new(article, name)))
        .unwrap_or_else(|| panic!("no actor holds {name} of {article}"))
}

/// An organisation named by some of the words of one fuller name of the same head is that
/// organisation (its own article's fuller name first); with two fuller names it stays apart.
/// A statement of an organisation ("the ministry's statement") speaks for it.
#[test]
fn part_of_one_fuller_name_and_a_statement_are_the_organisation() {
    use ActorKind::*;
    let mentions = vec![
        mention(
            "a1",
            "القوة البحرية المشتركة للعمليات الخاصة",
            Organisation,
            &[],
            &[],
        ),
        mention("a2", "القوة البحرية المشتركة", Organisation, &[], &[]),
        mention("a3", "Northern Coastal Guard", Organisation, &[], &[]),
        mention("a4", "Coastal Guard", Organisation, &[], &[]),
        mention("a5", "Eastern River Patrol", Organisation, &[], &[]),
        mention("a6", "Western River Patrol", Organisation, &[], &[]),
        mention("a7", "River Patrol", Organisation, &[], &[]),
        mention("a8", "Ministry of Coastal Affairs", StateBody, &[], &[]),
        mention("a9", "the ministry's statement", Media, &[], &[]),
    ];
    let actors = resolve(&mentions, &[]);
    let of = |article: &str, name: &str| actor_of(&actors, article, name);
    assert_eq!(
        of("a2", "القوة البحرية المشتركة"),
        of("a1", "القوة البحرية المشتركة للعمليات الخاصة")
    );
    assert_eq!(
        of("a4", "Coastal Guard"),
        of("a3", "Northern Coastal Guard")
    );
    assert_ne!(of("a7", "River Patrol"), of("a5", "Eastern River Patrol"));
    assert_ne!(of("a7", "River Patrol"), of("a6", "Western River Patrol"));
    assert_eq!(
        of("a9", "the ministry's statement"),
        of("a8", "Ministry of Coastal Affairs")
    );
}

/// A title or role with no name («الجنرال الأميركي», «قائد القوات البحرية الكندية», "the
/// Canadian admiral") describes a person, whom the extractor may have taken for an
/// organisation: it is the one person its article names whom the project knows by a full
/// name or from another article. A common noun taken for a one-word name (never named fully
/// anywhere) is no candidate; with two named people in the article it stays apart.
#[test]
fn a_description_is_the_one_known_person_its_article_names() {
    use ActorKind::*;
    let mentions = vec![
        mention("a1", "Darnell Okafor", Person, &[], &[]),
        mention("a2", "أوكافور", Person, &[], &[]),
        mention("a2", "الجنرال الكندي", Organisation, &[], &[]),
        mention("a2", "حديثه", Person, &[], &[]),
        mention("a3", "أوكافور", Person, &[], &[]),
        mention("a3", "قائد القوات البحرية الكندية", Organisation, &[], &[]),
        mention("a4", "Darnell Okafor", Person, &[], &[]),
        mention("a4", "Ilse Marković", Person, &[], &[]),
        mention("a4", "the Canadian admiral", Person, &[], &[]),
        mention("a5", "Ilse Marković", Person, &[], &[]),
    ];
    let actors = resolve(&mentions, &[]);
    println!("{}", render(&actors));
    let of = |article: &str, name: &str| actor_of(&actors, article, name);
    let okafor = of("a1", "Darnell Okafor");
    assert_eq!(of("a2", "الجنرال الكندي"), okafor);
    assert_eq!(of("a3", "قائد القوات البحرية الكندية"), okafor);
    assert_ne!(of("a2", "حديثه"), okafor, "a common noun is no name");
    assert_ne!(
        of("a4", "the Canadian admiral"),
        okafor,
        "two named people in a4"
    );
    assert_eq!(actors[okafor].kind, Person);
    assert_eq!(
        actors[okafor].name, "Darnell Okafor",
        "a name, not a description"
    );
}

/// A surname alone joins the one fuller name of the project that contains it, in either
/// script ("Varga" / «فارغا» for "Tomas Varga"); a title glued to a name is an attribute
/// ("Atlantic Fisheries Minister Tomas Varga" is "Tomas Varga"); with two fuller names of
/// that surname, a surname named in neither's article stays apart.
#[test]
fn a_short_form_joins_the_one_fuller_name() {
    use ActorKind::*;
    let mentions = vec![
        mention("a1", "Tomas Varga", Person, &[], &[]),
        mention("a2", "Varga", Person, &[], &[]),
        mention("a3", "فارغا", Person, &[], &[]),
        mention(
            "a4",
            "Atlantic Fisheries Minister Tomas Varga",
            StateBody,
            &[],
            &[],
        ),
        mention("a5", "وزير الصيد الأطلسي توماس فارغا", StateBody, &[], &[]),
        mention("a6", "Lena Brandt", Person, &[], &[]),
        mention("a7", "Oskar Brandt", Person, &[], &[]),
        mention("a8", "Brandt", Person, &[], &[]),
    ];
    let actors = resolve(&mentions, &[]);
    let of = |article: &str, name: &str| actor_of(&actors, article, name);
    let varga = of("a1", "Tomas Varga");
    assert_eq!(of("a2", "Varga"), varga);
    assert_eq!(of("a3", "فارغا"), varga);
    assert_eq!(of("a4", "Atlantic Fisheries Minister Tomas Varga"), varga);
    assert_eq!(of("a5", "وزير الصيد الأطلسي توماس فارغا"), varga);
    assert_eq!(actors[varga].name, "Tomas Varga");
    assert!(
        actors[varga]
            .roles
            .iter()
            .any(|r| r == "Atlantic Fisheries Minister"),
        "the role is an attribute: {:?}",
        actors[varga].roles
    );
    assert_ne!(of("a6", "Lena Brandt"), of("a7", "Oskar Brandt"));
    assert_ne!(of("a8", "Brandt"), of("a6", "Lena Brandt"), "two Brandts");
    assert_ne!(of("a8", "Brandt"), of("a7", "Oskar Brandt"), "two Brandts");
}

/// An Arabic mention that runs on into the sentence (the name, then an adverb or the verb's
/// object) is the name: «سالم الداه أمس» and «سالم الداه بالاتفاق» are «سالم الداه».
#[test]
fn a_run_on_arabic_mention_is_its_name() {
    use ActorKind::*;
    let mentions = vec![
        mention("a1", "سالم الداه", Person, &[], &[]),
        mention("a2", "سالم الداه أمس", Person, &[], &[]),
        mention("a3", "سالم الداه بالاتفاق", Person, &[], &[]),
    ];
    let actors = resolve(&mentions, &[]);
    assert_eq!(actors.len(), 1, "{}", render(&actors));
    assert_eq!(actors[0].name, "سالم الداه");
}

/// A short form that the article defines ("the fund", «الصندوق») is the organisation of that
/// head its own article names in full, even when other articles name other funds.
#[test]
fn a_short_form_the_article_defines_is_that_organisation() {
    use ActorKind::*;
    let mentions = vec![
        mention("a1", "Coastal Fisheries Fund", Organisation, &[], &[]),
        mention("a1", "the fund", Organisation, &[], &[]),
        mention("a2", "صندوق الثروة السمكية", Organisation, &[], &[]),
        mention("a2", "الصندوق", Organisation, &[], &[]),
        mention("a3", "Mountain Roads Fund", Organisation, &[], &[]),
        mention("a3", "the fund", Organisation, &[], &[]),
    ];
    let actors = resolve(&mentions, &[]);
    let of = |article: &str, name: &str| actor_of(&actors, article, name);
    assert_eq!(of("a1", "the fund"), of("a1", "Coastal Fisheries Fund"));
    assert_eq!(of("a2", "الصندوق"), of("a2", "صندوق الثروة السمكية"));
    assert_eq!(of("a3", "the fund"), of("a3", "Mountain Roads Fund"));
    assert_ne!(
        of("a1", "Coastal Fisheries Fund"),
        of("a3", "Mountain Roads Fund")
    );
}

/// With a dictionary, an acronym is the one Arabic organisation whose words translate to
/// its letters, the Arabic head noun giving the last ("CFF" ~ «صندوق الثروة السمكية»: fund,
/// wealth/fisheries…); the spelt-out English name is its acronym when the project writes it.
#[test]
fn acronyms_meet_across_scripts_through_a_dictionary() {
    use parallax_nlp::actors::resolve_with;
    use parallax_nlp::align::Bilingual;
    use ActorKind::*;
    let mentions = vec![
        mention("a1", "CFF", Organisation, &[], &[]),
        mention("a2", "صندوق الثروة السمكية", Organisation, &[], &[]),
        mention("a3", "Coastal Fisheries Fund", Organisation, &[], &[]),
        mention("a4", "هيئة الطرق الجبلية", Organisation, &[], &[]),
    ];
    let mut dict = Bilingual::new();
    for (en, ar) in [
        ("fund", "صندوق"),
        ("fisheries", "السمكية"),
        ("coastal", "الثروة"),
        ("authority", "هيئة"),
        ("roads", "الطرق"),
        ("mountain", "الجبلية"),
    ] {
        dict.add(en, ar);
    }
    let actors = resolve_with(&mentions, &[], Some(&dict));
    let of = |article: &str, name: &str| actor_of(&actors, article, name);
    assert_eq!(of("a1", "CFF"), of("a2", "صندوق الثروة السمكية"));
    assert_eq!(of("a1", "CFF"), of("a3", "Coastal Fisheries Fund"));
    assert_ne!(of("a1", "CFF"), of("a4", "هيئة الطرق الجبلية"));
}

#[test]
fn a_merge_keeps_the_first_actors_name_whatever_the_second_brings() {
    use ActorKind::Person;
    // the second actor is named in more articles, so by counts its name would win
    let mentions = vec![
        mention("p1", "Ilse Varga", Person, &[], &[]),
        mention("p2", "Tomas Ekwall", Person, &[], &[]),
        mention("p3", "Tomas Ekwall", Person, &[], &[]),
        mention("p4", "Tomas Ekwall", Person, &[], &[]),
    ];
    let merged = resolve(
        &mentions,
        &[ActorEdit::Merge {
            a: ActorRef::Name("Ilse Varga".into()),
            b: ActorRef::Name("Tomas Ekwall".into()),
        }],
    );
    assert_eq!(merged.len(), 1, "{merged:?}");
    assert_eq!(
        merged[0].name, "Ilse Varga",
        "the first actor's name is kept"
    );
    assert!(
        merged[0].aliases.iter().any(|a| a == "Tomas Ekwall"),
        "{merged:?}"
    );
}
