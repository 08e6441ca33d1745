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
            item(1, "mckellan", "dawn", EN, Some(10), "U.N. crews will keep guarding the grain silos in the north valley so that they do not fall into the hands of smugglers"),
            item(2, "mckellan", "ledger", EN, Some(10), "UN crews will keep guarding the grain silos in the north valley so that they do not fall into the hands of smugglers"),
            item(3, "mckellan", "herald", EN, Some(11), "crews will keep guarding the grain silos in the north valley"),
            item(4, "mckellan", "dawn", EN, Some(10), "the river council has trained its volunteers thoroughly and is ready for any kind of flood"),
            item(5, "mckellan", "post", EN, Some(12), "The river council has trained its volunteers thoroughly and is ready for any flood, he said"),
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
                "hasso",
                "sahil",
                AR,
                None,
                "هذا ليس الوادي القديم وسياسة الوزارة هنا مختلفة تماماً",
            ),
            item(
                2,
                "ministry",
                "wadi",
                AR,
                None,
                "هذا ليس الوادي القديم وسياسة الوزارة هنا مختلفة تماماً",
            ),
            item(
                3,
                "hasso",
                "wadi",
                AR,
                None,
                "الوضع هنا ليس الوادي القديم وسياسة الوزارة هنا مختلفة",
            ),
        ],
        "1 3",
    );
}

#[test]
fn the_same_claim_on_another_occasion_is_related_not_grouped() {
    check(
        &[
            item(
                1,
                "dalenza",
                "rivernews",
                EN,
                Some(100),
                "We recommend the regional government recognise the fishing cooperatives formally",
            ),
            item(
                2,
                "dalenza",
                "hillpress",
                EN,
                Some(101),
                "we recommend that the regional government recognise the fishing cooperatives",
            ),
            item(
                3,
                "dalenza",
                "coastwire",
                EN,
                Some(900),
                "We recommend the regional government recognise the fishing cooperatives formally",
            ),
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
                "hasso",
                "a",
                EN,
                None,
                "People were afraid after the bridge closed last winter",
            ),
            item(
                2,
                "hasso",
                "b",
                EN,
                None,
                "The capital has reassured us that it will not forget the valley",
            ),
            item(
                3,
                "hasso",
                "c",
                EN,
                None,
                "The harvest festival starts on Friday",
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
                "halvorsen",
                "a",
                EN,
                None,
                "Moscow will withdraw 2000 troops from the border region and the coast",
            ),
            item(
                2,
                "halvorsen",
                "b",
                AR,
                None,
                "موسكو ستسحب 2000 جندي من منطقة الحدود والساحل",
            ),
            item(3, "halvorsen", "c", AR, None, "السحب سيكون سريعا"),
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
        ..item(id, "dalenza", outlet, EN, None, text)
    };
    check(
        &[
            // two reports of one press conference
            said(1, "rivernews", "We recommended that the ministry pressure the mill owners to set a timeline to stop dumping waste in the river"),
            said(2, "rivernews", "Chemical spills are poisoning the fish and sickening children in Tarvel"),
            said(3, "rivernews", "The ministry should recognise the fishing cooperatives as a local authority"),
            said(4, "hillpress", "The ministry was recommended to pressure the mill owners on a timeline to stop dumping waste in the river"),
            said(5, "hillpress", "chemical spills are poisoning the fish, sickening children in Tarvel"),
            said(6, "hillpress", "the ministry should recognise the fishing cooperatives as a local authority"),
            // another visit, a year before: the same talking point among other claims
            said(7, "valleyfm", "We recommended that the ministry pressure the mill owners to stop dumping waste in the river"),
            said(8, "valleyfm", "The people of the valley stand with the fishermen of the coast"),
            said(9, "valleyfm", "Clean water and fair wages for women and men are the values we support"),
        ],
        "1 4\n2 5\n3 6\nrelated 1 ~ 7",
    );
}

/// A name spelt out is its acronym when the batch writes the acronym: "The Northern Basin
/// Council and the old river guard" trims "the NBC and the old river guard were never similar…".
#[test]
fn a_name_spelt_out_meets_its_acronym() {
    check(
        &[
            item(1, "mckellan", "dawn", EN, None, "the NBC and the old river guard were never similar as the NBC has trained its volunteers thoroughly and is ready for any kind of flood"),
            item(2, "mckellan", "herald", EN, None, "The Northern Basin Council and the old river guard are not similar at all"),
            item(3, "mckellan", "ledger", EN, None, "Our support to the NBC will continue in the coming season"),
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
            "dalenza",
            "a",
            EN,
            None,
            "The farmers lost their wheat harvest to the drought",
        ),
        item(
            2,
            "dalenza",
            "b",
            AR,
            None,
            "خسر المزارعون محصول القمح بسبب الجفاف",
        ),
        item(
            3,
            "dalenza",
            "c",
            AR,
            None,
            "الكنائس القديمة تحتاج إلى ترميم عاجل",
        ),
        item(
            4,
            "dalenza",
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
            "mckellan",
            "dawn",
            EN,
            None,
            "UN crews will keep guarding the grain silos in the north valley",
        ),
        item(
            2,
            "mckellan",
            "ledger",
            EN,
            None,
            "UN crews will keep guarding the grain silos in the north valley",
        ),
        item(
            3,
            "mckellan",
            "herald",
            EN,
            None,
            "The Northern Basin Council and the old river guard are not similar at all",
        ),
        item(
            4,
            "hasso",
            "tribune",
            EN,
            None,
            "The capital will not forget the valley",
        ),
    ];
    let a = align(&items, &AlignConfig::default());
    let silos = a
        .groups
        .iter()
        .find(|g| g.members.len() == 2)
        .expect("grain silos group");
    assert_eq!(
        silos.missing_from,
        vec!["herald".to_string()],
        "tribune never quotes McKellan"
    );
    assert!(
        silos.claim.starts_with("UN crews will keep guarding"),
        "claim label: {}",
        silos.claim
    );
    let cov = coverage(&items, &a);
    assert_eq!(cov.outlets, vec!["dawn", "herald", "ledger", "tribune"]);
    assert_eq!(cov.actors, vec!["hasso", "mckellan"]);
    assert_eq!(cov.by_actor, vec![vec![0, 0, 0, 1], vec![1, 1, 1, 0]]);
}

#[test]
fn word_diff_reports_omitted_added_and_changed_words() {
    use DiffOp::*;
    let check = |base: &str, other: &str, expect: Vec<DiffOp>| {
        assert_eq!(word_diff(base, other), expect, "{base:?} → {other:?}");
    };
    check(
        "The funding and backing of the U.N. for the NBC will go on",
        "The funding and backing of the UN for the NBC will go on in the coming season",
        vec![
            Equal("The funding and backing of the".into()),
            Removed("U.N.".into()),
            Added("UN".into()),
            Equal("for the NBC will go on".into()),
            Added("in the coming season".into()),
        ],
    );
    check(
        "الوزارة لن تتخلى عن شركائها الصيادين",
        "الوزارة لن تتخلى عن شركائها",
        vec![
            Equal("الوزارة لن تتخلى عن شركائها".into()),
            Removed("الصيادين".into()),
        ],
    );
    // folding: hamza and taa marbuta variants are the same word
    check(
        "الإدارة الإقليمية",
        "الادارة الاقليميه",
        vec![Equal("الادارة الاقليميه".into())],
    );
}

#[test]
fn analyst_group_edits_move_merge_and_split_and_never_cross_actors() {
    use parallax_nlp::align::{align_edited, GroupEdit, StatementKey};
    let items = [
        item(
            1,
            "mckellan",
            "dawn",
            EN,
            None,
            "UN crews will keep guarding the grain silos in the north valley",
        ),
        item(
            2,
            "mckellan",
            "ledger",
            EN,
            None,
            "UN crews will keep guarding the grain silos in the north valley",
        ),
        item(
            3,
            "mckellan",
            "herald",
            EN,
            None,
            "The NBC and the old river guard are not similar at all",
        ),
        item(
            4,
            "mckellan",
            "post",
            EN,
            None,
            "The ministry will pay for the new ferry landing",
        ),
        item(
            5,
            "hasso",
            "tribune",
            EN,
            None,
            "The capital has reassured us that it will not forget the valley",
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
            "halvorsen",
            "a",
            EN,
            Some(1),
            "Moscow will withdraw 2000 troops from the border region and the coast",
        ),
        item(
            2,
            "halvorsen",
            "b",
            AR,
            Some(2),
            "موسكو ستسحب 2000 جندي من منطقة الحدود والساحل",
        ),
        item(
            3,
            "halvorsen",
            "c",
            AR,
            Some(2),
            "موسكو ستسحب 2000 جندي من منطقة الحدود",
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
        vec![Equal(
            "موسكو ستسحب 2000 جندي من منطقة الحدود والساحل".into()
        )]
    );
    assert_eq!(
        diffs[2],
        vec![
            Equal("موسكو ستسحب 2000 جندي من منطقة الحدود".into()),
            Removed("والساحل".into()),
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
