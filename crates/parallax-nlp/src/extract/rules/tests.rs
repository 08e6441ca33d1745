//! One test per rule of the extractor, in invented sentences: each asserts that the rule is
//! named in the statement's trace (`--explain`) and that the statement reads as a user would
//! see it (actor, cue, content). Rules that reject a candidate assert that nothing is found.

use crate::extract::{analyze_explained, ActorKind};
use crate::Lang;

/// The actor, cue and content of the statement whose trace names `rule`.
fn traced(lang: Lang, text: &str, rule: &str) -> (String, String, String) {
    let (analysis, trace) = analyze_explained(text, lang);
    let found = analysis
        .statements
        .iter()
        .zip(&trace)
        .find(|(_, rules)| rules.contains(&rule));
    let Some((s, _)) = found else {
        panic!("no statement traced to {rule} in {text:?}; traces: {trace:?}");
    };
    (
        analysis.actors[s.actor].name.clone(),
        s.cue.clone(),
        s.text.clone(),
    )
}

fn check(lang: Lang, text: &str, rule: &str, expect: (&str, &str, &str)) {
    let (actor, cue, content) = traced(lang, text, rule);
    assert_eq!(
        (actor.as_str(), cue.as_str(), content.as_str()),
        expect,
        "{rule} on {text:?}: (actor, cue, content)"
    );
}

fn nothing_found(lang: Lang, text: &str, why: &str) {
    let found = analyze_explained(text, lang).0.statements;
    assert!(found.is_empty(), "{why}: found {found:?}");
}

#[test]
fn english_cue_with_its_subject_before_the_verb() {
    let text = "Lena Moss said the dam would open in the first week of May.";
    let expect = (
        "Lena Moss",
        "said",
        "the dam would open in the first week of May",
    );
    check(Lang::En, text, "english_cue", expect);
    check(Lang::En, text, "subject_before_verb", expect);
}

#[test]
fn arabic_cue_with_its_subject_after_the_verb() {
    check(
        Lang::Ar,
        "وقالت سلمى قاسم إن السد سيفتح في الأسبوع الأول من أيار.",
        "arabic_cue",
        ("سلمى قاسم", "وقالت", "السد سيفتح في الأسبوع الأول من أيار"),
    );
}

#[test]
fn attribution_inside_a_quotation_ends_the_quotation() {
    let text = "قال سمير نصار: \"إن المياه لن تصل إلى القرى هذا الصيف وحسب صحيفة الوادي فإن المجلس سيجتمع غدا لبحث الأزمة\".";
    check(
        Lang::Ar,
        text,
        "attribution_inside_quotation",
        ("صحيفة الوادي", "وحسب", "المجلس سيجتمع غدا لبحث الأزمة"),
    );
    check(
        Lang::Ar,
        text,
        "arabic_cue",
        ("سمير نصار", "قال", "إن المياه لن تصل إلى القرى هذا الصيف"),
    );
}

#[test]
fn base_form_after_a_determined_singular_is_a_noun() {
    nothing_found(
        Lang::En,
        "His only public comment came on Monday after the vote on the canal.",
        "\"comment\" after \"his only public\" is a noun",
    );
}

#[test]
fn channel_adjunct_between_subject_and_verb_is_skipped() {
    check(
        Lang::En,
        "Rania Mansour in a statement on Sunday said the canal would close for repairs.",
        "channel_adjunct_before_verb_skipped",
        ("Rania Mansour", "said", "the canal would close for repairs"),
    );
}

#[test]
fn country_speaks_as_a_state_body() {
    let text = "Norway said the talks on the river would resume next week.";
    check(
        Lang::En,
        text,
        "country_is_state_body",
        (
            "Norway",
            "said",
            "the talks on the river would resume next week",
        ),
    );
    let actors = analyze_explained(text, Lang::En).0.actors;
    assert_eq!(
        actors[0].kind,
        ActorKind::StateBody,
        "a country is its government"
    );
}

#[test]
fn cue_word_after_a_possessive_is_a_noun() {
    nothing_found(
        Lang::En,
        "Mr. Berglund's comments came after the vote on the canal.",
        "\"comments\" after a possessive reports nothing",
    );
}

#[test]
fn bare_document_speaks_for_its_author() {
    check(
        Lang::En,
        "The Northern Basin Council said in a statement that the gates would open.\n\nThe statement added that farmers would be paid for their losses.",
        "document_speaks_for_its_author",
        ("Northern Basin Council", "added", "farmers would be paid for their losses"),
    );
}

#[test]
fn bare_message_speaks_for_the_last_speaker() {
    check(
        Lang::En,
        "Lena Moss said the dam was safe for the coming winter. The message said the gates would stay shut until spring.",
        "document_speaks_for_last_speaker",
        ("Lena Moss", "said", "the gates would stay shut until spring"),
    );
}

#[test]
fn arabic_glued_preposition_ends_the_speaker() {
    check(
        Lang::Ar,
        "وأكد الوزير بالقول إن السد آمن تماما هذا العام.",
        "glued_preposition_ends_speaker",
        ("الوزير", "وأكد", "السد آمن تماما هذا العام"),
    );
}

#[test]
fn english_he_or_she_is_a_person() {
    check(
        Lang::En,
        "Lena Moss said the dam was safe. She said the water was rising fast.",
        "he_or_she_is_a_person",
        ("Lena Moss", "said", "the water was rising fast"),
    );
}

#[test]
fn headline_naming_its_speaker_before_a_colon() {
    check(
        Lang::En,
        "Lena Moss: Farmers Will Get Water This Summer\n\nLena Moss, the chair of the basin council, said farmers would get water this summer.",
        "headline_claim",
        ("Lena Moss", ":", "Farmers Will Get Water This Summer"),
    );
}

#[test]
fn headline_quotation_is_the_body_speakers() {
    check(
        Lang::En,
        "Farmers ‘not at risk of losing the river’\n\nLena Moss said farmers were not at risk of losing the river this year.",
        "headline_quotes_body_speaker",
        ("Lena Moss", "", "not at risk of losing the river"),
    );
}

#[test]
fn leading_participle_clause_is_the_speakers_too() {
    check(
        Lang::En,
        "Noting the long delays at the port, the minister said the ships would be inspected.",
        "leading_participle_clause",
        ("minister", "Noting", "the long delays at the port"),
    );
}

#[test]
fn leading_time_word_is_no_part_of_the_speaker() {
    check(
        Lang::En,
        "Later on Saturday Berglund said the talks had failed again.",
        "leading_time_word_is_no_part_of_speaker",
        ("Berglund", "said", "the talks had failed again"),
    );
}

#[test]
fn depiction_without_a_speaker_nearby_is_dropped() {
    nothing_found(
        Lang::En,
        "The photos showed that the dam had cracked near the top.",
        "photos cannot speak and no one spoke in the paragraph",
    );
}

#[test]
fn depiction_gives_way_to_the_paragraph_speaker() {
    check(
        Lang::En,
        "Lena Moss said the dam was safe. The photos showed that the wall had not cracked.",
        "non_speaker_gives_way_to_paragraph_speaker",
        ("Lena Moss", "showed", "the wall had not cracked"),
    );
}

#[test]
fn arabic_object_with_a_pronoun_suffix_ends_the_speaker() {
    check(
        Lang::Ar,
        "وأبدى الوزير الكندي ارتياحه من نتائج المحادثات، مؤكدا أن بلاده ستدعم الاتفاق.",
        "object_with_pronoun_suffix_ends_speaker",
        ("الوزير الكندي", "وأبدى", "ارتياحه من نتائج المحادثات"),
    );
}

#[test]
fn organisation_name_runs_past_a_dash() {
    check(
        Lang::En,
        "“We remain committed to the farmers,” the Joint Basin Task Force - North said on Sunday.",
        "organisation_name_runs_past_dash",
        (
            "Joint Basin Task Force North",
            "said",
            "We remain committed to the farmers",
        ),
    );
}

#[test]
fn owner_of_a_document_speaks() {
    check(
        Lang::En,
        "The Northern Basin Council's statement said the gates would open on Monday.",
        "owner_of_document_speaks",
        (
            "Northern Basin Council",
            "said",
            "the gates would open on Monday",
        ),
    );
}

#[test]
fn arabic_place_completes_an_organisation_name() {
    check(
        Lang::Ar,
        "وقالت قوات كندا الموحدة إن الدوريات ستستمر على طول النهر.",
        "place_completes_organisation_name",
        (
            "قوات كندا الموحدة",
            "وقالت",
            "الدوريات ستستمر على طول النهر",
        ),
    );
}

#[test]
fn possessed_noun_of_opinion_reports_its_possessor() {
    check(
        Lang::En,
        "It was Berglund's view that the canal should stay open all year.",
        "possessed_opinion_noun",
        ("Berglund", "view", "the canal should stay open all year"),
    );
}

#[test]
fn quotation_before_a_source_phrase_is_its_content() {
    check(
        Lang::En,
        "“The gates will open on Monday,” according to Rania Mansour.",
        "quote_before_source_phrase",
        (
            "Rania Mansour",
            "according to",
            "The gates will open on Monday",
        ),
    );
}

#[test]
fn quotation_signed_with_a_dash() {
    check(
        Lang::En,
        "Letters from the valley arrived all week.\n\n“We will not leave our farms this year, whatever the council decides about the canal, because our families have worked this land for four generations and more.” – Samir Nassar",
        "quote_signed_with_dash",
        (
            "Samir Nassar",
            "–",
            "We will not leave our farms this year, whatever the council decides about the canal, because our families have worked this land for four generations and more.",
        ),
    );
}

#[test]
fn transcript_turn_opens_with_the_speakers_name() {
    check(
        Lang::En,
        "Berglund spoke to the committee on Monday about the river and the dam.\n\nBERGLUND: Well, look, the river has never been this low in our lifetime.",
        "speaker_turn",
        (
            "BERGLUND",
            ":",
            "Well, look, the river has never been this low in our lifetime",
        ),
    );
}

#[test]
fn speaker_who_used_a_document_is_its_author() {
    check(
        Lang::En,
        "Rania Mansour said in a written statement that the canal would reopen soon.",
        "speaker_used_a_document",
        ("Rania Mansour", "said", "the canal would reopen soon"),
    );
}

#[test]
fn arabic_spokesman_for_continues_the_role() {
    check(
        Lang::Ar,
        "وقال المتحدث باسم المجلس إن المياه ستصل إلى القرى غدا.",
        "spokesman_for_continues_role",
        ("المتحدث باسم المجلس", "وقال", "المياه ستصل إلى القرى غدا"),
    );
}

#[test]
fn standalone_quotation_continues_the_speaker() {
    check(
        Lang::En,
        "“The river is low,” Lena Moss said. “We will ration the water for the whole summer.”",
        "standalone_quote_continues_speaker",
        (
            "Lena Moss",
            "",
            "We will ration the water for the whole summer.",
        ),
    );
}
