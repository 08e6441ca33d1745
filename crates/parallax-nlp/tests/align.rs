//! Alignment: grouping on small generated cases, diffs and missing outlets. The scores on the
//! development gold (the shared corpus) are `make eval`'s (tools/eval.py), not a unit test's.

use parallax_nlp::align::{
    align, align_with, coverage, word_diff, AlignConfig, AlignItem, Bilingual, DiffOp,
};
use parallax_nlp::Lang;

fn item(id: u64, actor: &str, outlet: &str, lang: Lang, day: Option<i32>, text: &str) -> AlignItem {
    AlignItem {
        id,
        actor: actor.into(),
        article: format!("{outlet}-{id}"),
        outlet: outlet.into(),
        lang,
        day,
        text: text.into(),
    }
}

/// Renders an alignment as one line per group of two or more (`outlet:id` members), then
/// the related links.
fn render(items: &[AlignItem]) -> String {
    let a = align(items, &AlignConfig::default());
    let mut lines: Vec<String> = a
        .groups
        .iter()
        .filter(|g| g.members.len() > 1)
        .map(|g| {
            g.members
                .iter()
                .map(|&m| items[m].id.to_string())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    for (x, y) in &a.related {
        let first = |g: usize| items[a.groups[g].members[0]].id;
        lines.push(format!("related {} ~ {}", first(*x), first(*y)));
    }
    lines.join("\n")
}

#[track_caller]
fn check(items: &[AlignItem], expect: &str) {
    let got = render(items);
    assert_eq!(got.trim(), expect.trim(), "grouping differs; got:\n{got}");
}

const EN: Lang = Lang::En;
const AR: Lang = Lang::Ar;

#[test]
fn verbatim_trimmed_and_paraphrased_quotes_group() {
    check(
        &[
            item(1, "mckenzie", "duvar", EN, Some(10), "U.S. forces will continue to protect the oil fields in NE Syria so as they do not fall into the hands of ISIS"),
            item(2, "mckenzie", "kvoice", EN, Some(10), "US forces will continue to protect the oil fields in NE Syria so as they do not fall into the hands of ISIS"),
            item(3, "mckenzie", "isw", EN, Some(11), "forces will continue to protect the oil fields in NE Syria"),
            item(4, "mckenzie", "duvar", EN, Some(10), "the SDF has organised itself effectively and is able to resist any form of attack"),
            item(5, "mckenzie", "wapo", EN, Some(12), "The SDF has organized itself effectively and can resist any attack, he said"),
        ],
        "1 2 3\n4 5",
    );
}

#[test]
fn same_words_from_another_speaker_are_another_group() {
    check(
        &[
            item(
                1,
                "abdi",
                "elnashra",
                AR,
                None,
                "هذه ليست أفغانستان والسياسة الأميركية هنا مختلفة تماماً",
            ),
            item(
                2,
                "us-government",
                "kayhan",
                AR,
                None,
                "هذه ليست أفغانستان والسياسة الأميركية هنا مختلفة تماماً",
            ),
            item(
                3,
                "abdi",
                "kayhan",
                AR,
                None,
                "الوضع هنا ليس أفغانستان والسياسة الأميركية هنا مختلفة",
            ),
        ],
        "1 3",
    );
}

#[test]
fn the_same_claim_on_another_occasion_is_related_not_grouped() {
    check(
        &[
            item(1, "maenza", "npa", EN, Some(100), "We recommend the US government recognise the Autonomous Administration politically"),
            item(2, "maenza", "adar", EN, Some(101), "we recommend that the US government recognise the Autonomous Administration"),
            item(3, "maenza", "anha", EN, Some(900), "We recommend the US government recognise the Autonomous Administration politically"),
        ],
        "1 2\nrelated 1 ~ 3",
    );
}

#[test]
fn different_claims_of_one_actor_stay_apart() {
    check(
        &[
            item(
                1,
                "abdi",
                "a",
                EN,
                None,
                "People were afraid after the American withdrawal from Afghanistan",
            ),
            item(
                2,
                "abdi",
                "b",
                EN,
                None,
                "Washington has reassured us that it will not abandon us",
            ),
            item(
                3,
                "abdi",
                "c",
                EN,
                None,
                "The impact of that will last forever",
            ),
        ],
        "",
    );
}

#[test]
fn cross_language_pairs_need_shared_anchors() {
    check(
        &[
            item(
                1,
                "trump",
                "a",
                EN,
                None,
                "Washington will withdraw 2000 troops from Syria and Afghanistan",
            ),
            item(
                2,
                "trump",
                "b",
                AR,
                None,
                "واشنطن ستسحب 2000 جندي من سوريا وأفغانستان",
            ),
            item(3, "trump", "c", AR, None, "الانسحاب سيكون سريعا"),
        ],
        "1 2",
    );
}

/// Without dates, two articles are one occasion of an actor when they share enough of the
/// smaller one's claims: the same talking point in an article of another occasion (which
/// shares nothing else) is a related group, not the same one.
#[test]
fn undated_reports_of_another_occasion_are_related_not_grouped() {
    // one article per outlet here
    let said = |id, outlet: &str, text| AlignItem {
        article: outlet.to_owned(),
        ..item(id, "maenza", outlet, EN, None, text)
    };
    check(
        &[
            // two reports of one press conference
            said(1, "npa", "We recommended the United States pressure Turkey to set a timeline to withdraw from northeast Syria"),
            said(2, "npa", "Drone attacks are destabilizing the region and killing civilians in Kobani"),
            said(3, "npa", "The administration should recognise the autonomous administration as a local government"),
            said(4, "adar", "The United States was recommended to pressure Turkey on a timeline to withdraw from northeast Syria"),
            said(5, "adar", "drone attacks are destabilizing the region, killing civilians in Kobani"),
            said(6, "adar", "the administration should recognise the autonomous administration as a local government"),
            // another visit, a year before: the same talking point among other claims
            said(7, "selam", "We recommended that the United States pressure Turkey to withdraw from northeast Syria"),
            said(8, "selam", "The American people stand with the peoples of the region"),
            said(9, "selam", "Religious freedom and equality between women and men are the values we support"),
        ],
        "1 4\n2 5\n3 6\nrelated 1 ~ 7",
    );
}

/// A name spelt out is its acronym when the batch writes the acronym: "The Syrian Democratic
/// Forces and the Afghan army" trims "the SDF and the Afghan army were in no way alike…".
#[test]
fn a_name_spelt_out_meets_its_acronym() {
    check(
        &[
            item(1, "mckenzie", "duvar", EN, None, "the SDF and the Afghan army were in no way alike as the SDF has organised itself effectively and is able to resist any form of attack"),
            item(2, "mckenzie", "isw", EN, None, "The Syrian Democratic Forces and the Afghan army are not alike at all"),
            item(3, "mckenzie", "kvoice", EN, None, "US support to the SDF will continue in the upcoming period"),
        ],
        "1 2",
    );
}

/// A translation that shares no number, name or listed concept with its original is grouped
/// once a dictionary knows its words, and a statement on another subject still is not.
#[test]
fn a_dictionary_groups_translations_the_concepts_do_not_cover() {
    let items = [
        item(
            1,
            "maenza",
            "a",
            EN,
            None,
            "The farmers lost their wheat harvest to the drought",
        ),
        item(
            2,
            "maenza",
            "b",
            AR,
            None,
            "خسر المزارعون محصول القمح بسبب الجفاف",
        ),
        item(
            3,
            "maenza",
            "c",
            AR,
            None,
            "الكنائس القديمة تحتاج إلى ترميم عاجل",
        ),
        item(
            4,
            "maenza",
            "d",
            EN,
            None,
            "The old churches need urgent restoration",
        ),
    ];
    let grouped = |dict: Option<&Bilingual>| -> Vec<Vec<u64>> {
        let mut groups: Vec<Vec<u64>> = align_with(&items, &AlignConfig::default(), &[], dict)
            .groups
            .iter()
            .filter(|g| g.members.len() > 1)
            .map(|g| g.members.iter().map(|&m| items[m].id).collect())
            .collect();
        groups.sort();
        groups
    };
    assert_eq!(
        grouped(None),
        Vec::<Vec<u64>>::new(),
        "no shared anchors without a dictionary"
    );
    let mut dict = Bilingual::new();
    for (en, ar) in [
        ("farmer", "مزارع"),
        ("farmers", "المزارعون"),
        ("lose", "خسر"),
        ("wheat", "القمح"),
        ("harvest", "محصول"),
        ("drought", "الجفاف"),
        ("dry", "جاف"),
        ("church", "كنيسة"),
        ("churches", "الكنائس"),
        ("old", "القديمة"),
        ("restoration", "ترميم"),
        ("urgent", "عاجل"),
    ] {
        dict.add(en, ar);
    }
    assert_eq!(dict.len(), 12);
    assert_eq!(grouped(Some(&dict)), vec![vec![1, 2], vec![3, 4]]);
}

#[test]
fn missing_from_lists_outlets_that_quote_the_actor_elsewhere() {
    let items = [
        item(
            1,
            "mckenzie",
            "duvar",
            EN,
            None,
            "US forces will continue to protect the oil fields in NE Syria",
        ),
        item(
            2,
            "mckenzie",
            "kvoice",
            EN,
            None,
            "US forces will continue to protect the oil fields in NE Syria",
        ),
        item(
            3,
            "mckenzie",
            "isw",
            EN,
            None,
            "The Syrian Democratic Forces and the Afghan army are not alike at all",
        ),
        item(
            4,
            "abdi",
            "times",
            EN,
            None,
            "Washington will not abandon us",
        ),
    ];
    let a = align(&items, &AlignConfig::default());
    let oil = a
        .groups
        .iter()
        .find(|g| g.members.len() == 2)
        .expect("oil fields group");
    assert_eq!(
        oil.missing_from,
        vec!["isw".to_string()],
        "times never quotes McKenzie"
    );
    assert!(
        oil.claim.starts_with("US forces will continue"),
        "claim label: {}",
        oil.claim
    );
    let cov = coverage(&items, &a);
    assert_eq!(cov.outlets, vec!["duvar", "isw", "kvoice", "times"]);
    assert_eq!(cov.actors, vec!["abdi", "mckenzie"]);
    assert_eq!(cov.by_actor, vec![vec![0, 0, 0, 1], vec![1, 1, 1, 0]]);
}

#[test]
fn word_diff_reports_omitted_added_and_changed_words() {
    use DiffOp::*;
    let check = |base: &str, other: &str, expect: Vec<DiffOp>| {
        assert_eq!(word_diff(base, other), expect, "{base:?} → {other:?}");
    };
    check(
        "The cooperation and support of the U.S. with the SDF will continue",
        "The cooperation and support of the US with the SDF will continue in the upcoming period",
        vec![
            Equal("The cooperation and support of the".into()),
            Removed("U.S.".into()),
            Added("US".into()),
            Equal("with the SDF will continue".into()),
            Added("in the upcoming period".into()),
        ],
    );
    check(
        "الولايات المتحدة لن تتخلى عن حلفائها الأكراد",
        "الولايات المتحدة لن تتخلى عن حلفائها",
        vec![
            Equal("الولايات المتحدة لن تتخلى عن حلفائها".into()),
            Removed("الأكراد".into()),
        ],
    );
    // folding: hamza and taa marbuta variants are the same word
    check(
        "الإدارة الأميركية",
        "الادارة الاميركيه",
        vec![Equal("الادارة الاميركيه".into())],
    );
}

#[test]
fn analyst_group_edits_move_merge_and_split_and_never_cross_actors() {
    use parallax_nlp::align::{align_edited, GroupEdit, StatementKey};
    let items = [
        item(
            1,
            "mckenzie",
            "duvar",
            EN,
            None,
            "US forces will continue to protect the oil fields in NE Syria",
        ),
        item(
            2,
            "mckenzie",
            "kvoice",
            EN,
            None,
            "US forces will continue to protect the oil fields in NE Syria",
        ),
        item(
            3,
            "mckenzie",
            "isw",
            EN,
            None,
            "The SDF and the Afghan army are not alike at all",
        ),
        item(
            4,
            "mckenzie",
            "wapo",
            EN,
            None,
            "The United States will support reconstruction efforts",
        ),
        item(
            5,
            "abdi",
            "times",
            EN,
            None,
            "Washington has reassured us that it will not abandon us",
        ),
    ];
    let key = |id: usize| StatementKey::of(&items[id - 1]);
    let grouped = |edits: &[GroupEdit]| -> Vec<Vec<u64>> {
        let mut g: Vec<Vec<u64>> = align_edited(&items, &AlignConfig::default(), edits)
            .groups
            .iter()
            .map(|g| g.members.iter().map(|&m| items[m].id).collect())
            .collect();
        g.sort();
        g
    };
    assert_eq!(grouped(&[]), vec![vec![1, 2], vec![3], vec![4], vec![5]]);
    // merge two claims the aligner kept apart; moving 1 out makes it a group of its own
    let merge = GroupEdit::Merge {
        a: key(2),
        b: key(3),
    };
    assert_eq!(
        grouped(std::slice::from_ref(&merge)),
        vec![vec![1, 2, 3], vec![4], vec![5]]
    );
    let out = GroupEdit::Move {
        statement: key(1),
        to: None,
    };
    assert_eq!(
        grouped(&[merge.clone(), out]),
        vec![vec![1], vec![2, 3], vec![4], vec![5]]
    );
    // a move into another actor's group is skipped; a split makes one new group
    let across = GroupEdit::Move {
        statement: key(3),
        to: Some(key(5)),
    };
    let split = GroupEdit::Split {
        statements: vec![key(1), key(4)],
    };
    assert_eq!(
        grouped(&[across, split]),
        vec![vec![1, 4], vec![2], vec![3], vec![5]]
    );
}

/// Each member's wording is compared with a version in its own language: the group's base
/// when it shares the base's language, else the base among the members in its language.
#[test]
fn translations_are_diffed_against_their_own_language() {
    use parallax_nlp::align::DiffOp::*;
    let items = [
        item(
            1,
            "trump",
            "a",
            EN,
            Some(1),
            "Washington will withdraw 2000 troops from Syria and Afghanistan",
        ),
        item(
            2,
            "trump",
            "b",
            AR,
            Some(2),
            "واشنطن ستسحب 2000 جندي من سوريا وأفغانستان",
        ),
        item(
            3,
            "trump",
            "c",
            AR,
            Some(2),
            "واشنطن ستسحب 2000 جندي من سوريا",
        ),
    ];
    let a = align(&items, &AlignConfig::default());
    let g = a
        .groups
        .iter()
        .find(|g| g.members.len() == 3)
        .expect("one group of three");
    assert_eq!(items[g.base].id, 1, "the earliest is the base");
    assert_eq!(items[g.base_for(&items, 2)].id, 2, "the Arabic base");
    let diffs = g.diffs(&items);
    assert_eq!(
        diffs[1],
        vec![Equal("واشنطن ستسحب 2000 جندي من سوريا وأفغانستان".into())]
    );
    assert_eq!(
        diffs[2],
        vec![
            Equal("واشنطن ستسحب 2000 جندي من سوريا".into()),
            Removed("وأفغانستان".into()),
        ],
        "the shorter Arabic version against the Arabic base"
    );
}

/// Claims as evidence that two actors are one ([`shared_claims`]), with vectors made up for
/// the test: each claim is one direction, so two wordings of one claim have cosine 1 and
/// different claims cosine 0; the pair model turns cosine 1 into a high probability.
mod shared_claims {
    use std::collections::BTreeMap;

    use parallax_nlp::align::{shared_claims, AlignItem, EvidenceConfig, PairModel, Semantic};
    use parallax_nlp::Lang;

    const DIM: usize = 16;

    fn model() -> PairModel {
        PairModel {
            sentence_model: "test".into(),
            features: parallax_nlp::align::FEATURES
                .iter()
                .map(|s| s.to_string())
                .collect(),
            weights: vec![12.0, 0.0, 0.0, 0.0],
            bias: -6.0,
            cut: 0.5,
            link_cut: 0.4,
            means: BTreeMap::new(),
            provenance: BTreeMap::new(),
        }
    }

    /// A statement of `actor` in `article` making claim number `claim`.
    fn said(
        id: u64,
        actor: &str,
        article: &str,
        lang: Lang,
        claim: usize,
        text: &str,
    ) -> (AlignItem, Vec<f32>) {
        let mut v = vec![0.0; DIM];
        v[claim] = 1.0;
        let item = AlignItem {
            id,
            actor: actor.into(),
            article: article.into(),
            outlet: format!("outlet of {article}"),
            lang,
            day: None,
            text: text.into(),
        };
        (item, v)
    }

    fn joins(statements: Vec<(AlignItem, Vec<f32>)>, veto: &[&str]) -> Vec<(String, String)> {
        let (items, vectors): (Vec<AlignItem>, Vec<Option<Vec<f32>>>) =
            statements.into_iter().map(|(i, v)| (i, Some(v))).unzip();
        let model = model();
        let semantic = Semantic {
            vectors: &vectors,
            model: &model,
        };
        let joinable = |a: &str, b: &str| !veto.contains(&a) && !veto.contains(&b);
        shared_claims(
            &items,
            None,
            &semantic,
            &EvidenceConfig::default(),
            &joinable,
        )
        .joins
    }

    /// Background statements of other speakers on other claims, so that the language means
    /// are not made of the claims under test alone.
    fn others() -> Vec<(AlignItem, Vec<f32>)> {
        (10..DIM)
            .map(|c| {
                let text = format!("An unrelated remark number {c}.");
                said(
                    100 + c as u64,
                    &format!("bystander {c}"),
                    &format!("z{c}"),
                    Lang::En,
                    c,
                    &text,
                )
            })
            .collect()
    }

    #[test]
    fn an_authority_named_two_ways_that_makes_the_same_claims_is_one_actor() {
        let mut s = others();
        s.extend([
            said(
                1,
                "harbour board",
                "a1",
                Lang::En,
                1,
                "The harbour will reopen on Monday.",
            ),
            said(
                2,
                "harbour board",
                "a1",
                Lang::En,
                2,
                "Ferry fares will not rise this year.",
            ),
            said(
                3,
                "harbour board",
                "a1",
                Lang::En,
                3,
                "Repairs to the pier are finished.",
            ),
            said(
                4,
                "هيئة الميناء",
                "a2",
                Lang::Ar,
                1,
                "سيعاد فتح الميناء يوم الاثنين.",
            ),
            said(
                5,
                "هيئة الميناء",
                "a2",
                Lang::Ar,
                2,
                "لن ترتفع أجور العبارات هذا العام.",
            ),
        ]);
        assert_eq!(
            joins(s, &[]),
            vec![("harbour board".to_owned(), "هيئة الميناء".to_owned())],
            "two names of one board that make two of the same three claims in two articles \
             should be joined, the one with more statements keeping its name"
        );
    }

    #[test]
    fn one_shared_claim_is_agreement_not_identity() {
        let mut s = others();
        s.extend([
            said(
                1,
                "farmers union",
                "a1",
                Lang::En,
                1,
                "The dam must be finished before spring.",
            ),
            said(
                2,
                "farmers union",
                "a1",
                Lang::En,
                2,
                "Grain prices are too low.",
            ),
            said(
                3,
                "water company",
                "a2",
                Lang::En,
                1,
                "The dam should be completed before spring.",
            ),
            said(
                4,
                "water company",
                "a2",
                Lang::En,
                3,
                "Our bills reflect our costs.",
            ),
        ]);
        assert_eq!(joins(s, &[]), Vec::<(String, String)>::new());
    }

    #[test]
    fn two_actors_one_article_quotes_side_by_side_stay_two() {
        let mut s = others();
        s.extend([
            said(
                1,
                "rail agency",
                "a1",
                Lang::En,
                1,
                "Trains will run every ten minutes.",
            ),
            said(
                2,
                "rail agency",
                "a1",
                Lang::En,
                2,
                "The new line opens in May.",
            ),
            said(
                3,
                "transport ministry",
                "a2",
                Lang::En,
                1,
                "Trains are to run every ten minutes.",
            ),
            said(
                4,
                "transport ministry",
                "a2",
                Lang::En,
                2,
                "The line will open in May.",
            ),
            // a third article quotes both of them: they are two speakers
            said(
                5,
                "rail agency",
                "a3",
                Lang::En,
                3,
                "Tickets go on sale next week.",
            ),
            said(
                6,
                "transport ministry",
                "a3",
                Lang::En,
                4,
                "The budget is approved.",
            ),
        ]);
        assert_eq!(joins(s, &[]), Vec::<(String, String)>::new());
    }

    #[test]
    fn the_callers_veto_holds() {
        let mut s = others();
        s.extend([
            said(
                1,
                "Jane Roe",
                "a1",
                Lang::En,
                1,
                "The harbour will reopen on Monday.",
            ),
            said(
                2,
                "Jane Roe",
                "a1",
                Lang::En,
                2,
                "Ferry fares will not rise this year.",
            ),
            said(
                3,
                "harbour board",
                "a2",
                Lang::En,
                1,
                "The harbour reopens on Monday.",
            ),
            said(
                4,
                "harbour board",
                "a2",
                Lang::En,
                2,
                "Fares for ferries will not rise.",
            ),
        ]);
        assert_eq!(
            joins(s, &["Jane Roe"]),
            Vec::<(String, String)>::new(),
            "a person the caller excludes is not joined to the board whose claims she reads out"
        );
    }
}
