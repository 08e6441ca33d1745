//! One test per rule of the extractor, in invented sentences. A rule named in the trace
//! (`--explain`) is asserted to be there and the statement to read as a user would see it
//! (actor, cue, content); rules that reject a candidate assert that nothing is found; the
//! steps that are not traced (content spans, speaker slots) assert the statement they build.

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

/// Asserts that the article has a statement with this actor, cue and content.
fn found(lang: Lang, text: &str, expect: (&str, &str, &str)) {
    let analysis = analyze_explained(text, lang).0;
    let seen: Vec<(&str, &str, &str)> = analysis
        .statements
        .iter()
        .map(|s| {
            (
                analysis.actors[s.actor].name.as_str(),
                s.cue.as_str(),
                s.text.as_str(),
            )
        })
        .collect();
    assert!(
        seen.contains(&expect),
        "{text:?}: expected (actor, cue, content) {expect:?} among {seen:?}"
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

#[test]
fn source_phrase_after_the_content() {
    found(
        Lang::En,
        "The canal will stay closed until June, according to the Northern Basin Council.",
        (
            "Northern Basin Council",
            "according to",
            "The canal will stay closed until June",
        ),
    );
}

#[test]
fn source_phrase_before_the_content() {
    found(
        Lang::En,
        "According to Rania Mansour, the canal will stay closed until the end of June.",
        (
            "Rania Mansour",
            "According to",
            "the canal will stay closed until the end of June",
        ),
    );
}

#[test]
fn impersonal_passive_continues_the_last_speaker() {
    found(
        Lang::En,
        "Lena Moss said the dam was safe. It was also stressed that the gates would stay open.",
        ("Lena Moss", "stressed", "the gates would stay open"),
    );
}

#[test]
fn relative_clause_reports_its_antecedents_words() {
    found(
        Lang::En,
        "Berglund, who said the count was wrong, lost the vote on Monday.",
        ("Berglund", "said", "the count was wrong"),
    );
}

#[test]
fn inverted_speaker_after_the_verb() {
    found(
        Lang::En,
        "“The gates will open on Monday,” said Lena Moss.",
        ("Lena Moss", "said", "The gates will open on Monday"),
    );
}

#[test]
fn name_before_an_appositive_is_the_speaker() {
    found(
        Lang::En,
        "Lena Moss, the chair of the basin council, said the gates would open on Monday.",
        ("Lena Moss", "said", "the gates would open on Monday"),
    );
}

#[test]
fn quotation_after_a_colon_is_the_content() {
    found(
        Lang::En,
        "Lena Moss said: “The gates will open on Monday.”",
        ("Lena Moss", "said", "The gates will open on Monday."),
    );
}

#[test]
fn trailing_attribution_reports_the_clause_before_it() {
    found(
        Lang::En,
        "The gates will open on Monday, Lena Moss said in a statement.",
        ("Lena Moss", "said", "The gates will open on Monday"),
    );
}

#[test]
fn cue_ending_its_paragraph_with_a_colon_reports_the_next() {
    found(
        Lang::En,
        "The harbour master added:\n\nThe ships will be inspected before they leave the port on Monday.",
        ("harbour master", "added", "The ships will be inspected before they leave the port on Monday"),
    );
}

#[test]
fn coordinated_verb_takes_the_first_verbs_subject() {
    found(
        Lang::En,
        "Berglund backed the union and said he did not support the new canal.",
        ("Berglund", "said", "he did not support the new canal"),
    );
}

#[test]
fn participle_continues_the_sentences_speaker() {
    found(
        Lang::En,
        "Lena Moss said the dam was safe, adding that the gates would open on Monday.",
        ("Lena Moss", "adding", "the gates would open on Monday"),
    );
}

#[test]
fn semicolon_ends_reported_content() {
    found(
        Lang::En,
        "Lena Moss said the gates would open on Monday; the farms were still dry.",
        ("Lena Moss", "said", "the gates would open on Monday"),
    );
}

#[test]
fn dateline_is_no_part_of_the_content() {
    found(
        Lang::En,
        "VALLEYTOWN, Ruritania (Valley Radio) – The gates will open on Monday, Lena Moss said.",
        ("Lena Moss", "said", "The gates will open on Monday"),
    );
}

#[test]
fn arabic_source_phrase_before_the_content() {
    found(
        Lang::Ar,
        "وبحسب المجلس، فإن المياه ستصل إلى القرى غدا.",
        ("المجلس", "وبحسب", "المياه ستصل إلى القرى غدا"),
    );
}

#[test]
fn arabic_according_to_what_the_speaker_said() {
    found(
        Lang::Ar,
        "وفقا لما قاله الوزير فإن السد آمن تماما هذا العام.",
        ("الوزير", "وفقا لما قاله", "السد آمن تماما هذا العام"),
    );
}

#[test]
fn arabic_quotation_after_a_colon() {
    found(
        Lang::Ar,
        "وقال سمير نصار: \"سنبقى في أرضنا مهما حدث هذا الصيف\".",
        ("سمير نصار", "وقال", "سنبقى في أرضنا مهما حدث هذا الصيف"),
    );
}

#[test]
fn arabic_subject_before_the_verb() {
    found(
        Lang::Ar,
        "سلمى قاسم كشفت أن المياه ستصل إلى القرى غدا.",
        ("سلمى قاسم", "كشفت", "المياه ستصل إلى القرى غدا"),
    );
}

#[test]
fn arabic_quotation_before_the_verb() {
    found(
        Lang::Ar,
        "\"سنبقى في أرضنا مهما حدث هذا الصيف\"، قال سمير نصار.",
        ("سمير نصار", "قال", "سنبقى في أرضنا مهما حدث هذا الصيف"),
    );
}

#[test]
fn arabic_participle_agrees_with_the_verb_before_it() {
    found(
        Lang::Ar,
        "وقالت سلمى قاسم إن السد آمن، مشيرة إلى أن المياه ستصل غدا.",
        ("سلمى قاسم", "مشيرة", "المياه ستصل غدا"),
    );
}

#[test]
fn arabic_name_in_apposition_to_a_role() {
    found(
        Lang::Ar,
        "وقالت رئيسة الهيئة، سلمى قاسم، إن السد آمن تماما.",
        ("سلمى قاسم", "وقالت", "السد آمن تماما"),
    );
}

#[test]
fn coordinated_report_opens_a_clause() {
    let text = "Rania Mansour said the budget was too small, and Tomas Berglund said the council \
                would vote on Friday.";
    found(
        Lang::En,
        text,
        ("Rania Mansour", "said", "the budget was too small"),
    );
    found(
        Lang::En,
        text,
        ("Tomas Berglund", "said", "the council would vote on Friday"),
    );
}

#[test]
fn time_adjunct_is_no_part_of_the_speaker() {
    check(
        Lang::En,
        "Dam Opening\n\nThe Northern Basin Council on Friday made a sharp complaint about the \
         plan and pledged to open the dam in the first week of May.",
        "time_adjunct_is_no_part_of_speaker",
        (
            "Northern Basin Council",
            "pledged",
            "to open the dam in the first week of May",
        ),
    );
}

#[test]
fn a_time_cannot_speak() {
    nothing_found(
        Lang::En,
        "River Levels\n\nThe past two weeks showed the river falling faster than in any year \
         before.",
        "a phrase headed by a time noun is no speaker",
    );
}

#[test]
fn document_without_an_author_is_dropped() {
    nothing_found(
        Lang::En,
        "Levee Repairs\n\nThe report said the levees on the eastern bank were too weak to hold.",
        "a bare document with no author and no recent speaker is nobody's statement",
    );
}

#[test]
fn name_written_as_a_place_speaks_as_a_state_body() {
    let text = "Talks Resume\n\nLakeholm said it would send a mediator to the talks in Lakeholm \
                next week.";
    check(
        Lang::En,
        text,
        "name_written_as_a_place",
        (
            "Lakeholm",
            "said",
            "it would send a mediator to the talks in Lakeholm next week",
        ),
    );
    let actors = analyze_explained(text, Lang::En).0.actors;
    assert_eq!(
        actors[0].kind,
        ActorKind::StateBody,
        "a place the lexicon does not know, written as a place, is its government"
    );
}

#[test]
fn name_after_the_definite_article_is_no_person() {
    let text = "Water Cuts\n\nThe Valley Courier reported that the reservoir was low. The \
                group's chief said the cuts would start in June.";
    let analysis = analyze_explained(text, Lang::En).0;
    let courier = analysis
        .actors
        .iter()
        .find(|a| a.name.contains("Courier"))
        .expect("the outlet speaks");
    assert_ne!(
        courier.kind,
        ActorKind::Person,
        "a person's name takes no definite article"
    );
    let chief = &analysis.statements[1];
    assert!(
        !analysis.actors[chief.actor].name.contains("Courier"),
        "the group's chief is not the outlet: {:?}",
        analysis.actors[chief.actor]
    );
}

#[test]
fn arabic_definite_organisation_after_a_definite_noun_is_the_object() {
    check(
        Lang::Ar,
        "أزمة المياه\n\nوطالبت الهيئة الحكومة بفتح السد قبل نهاية الشهر.",
        "definite_organisation_after_definite_noun_is_object",
        ("الهيئة", "وطالبت", "الحكومة بفتح السد قبل نهاية الشهر"),
    );
}

#[test]
fn arabic_place_inside_a_title_before_a_name() {
    // A first name opening with «ل» is no glued preposition once a place inside the title
    // has been read; the name may end at a comma or where the content opens.
    for name in ["ليلى منصور", "سلمى قاسم"] {
        for comma in ["،", ""] {
            let text = format!(
                "أزمة المياه\n\nوقالت نائبة رئيس الهيئة في كندا {name}{comma} إن السد سيفتح في أيار."
            );
            check(
                Lang::Ar,
                &text,
                "place_inside_title_before_name",
                (name, "وقالت", "السد سيفتح في أيار"),
            );
        }
    }
}

#[test]
fn document_by_or_of_an_owner_is_the_owners() {
    found(
        Lang::En,
        "Flood Response\n\nA statement by the presidency said the army would help with the \
         evacuation.",
        (
            "presidency",
            "said",
            "the army would help with the evacuation",
        ),
    );
    check(
        Lang::En,
        "Flood Response\n\nAccording to the presidency's statement, the shelters were full.",
        "owner_of_document_speaks",
        ("presidency", "According to", "the shelters were full"),
    );
}

#[test]
fn time_adjunct_opens_no_content() {
    check(
        Lang::En,
        "Water Tests\n\nThe Lakeholm water board revealed Tuesday the samples from the eastern \
         wells were clean.",
        "time_adjunct_opens_no_content",
        (
            "Lakeholm water board",
            "revealed",
            "the samples from the eastern wells were clean",
        ),
    );
    // A determiner opens no time adjunct unless a time word follows it.
    found(
        Lang::En,
        "Water Tests\n\nRania Mansour said this was the cleanest year on record.",
        (
            "Rania Mansour",
            "said",
            "this was the cleanest year on record",
        ),
    );
}
