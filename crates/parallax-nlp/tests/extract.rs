//! Statement extraction: one `check` per phenomenon and robustness on hostile input. The
//! scores on the shared evaluation corpus are `make eval`'s (tools/eval.py), not a unit test's.
//!
//! Expectations are snapshots: run with `UPDATE_EXPECT=1` to rewrite them after a deliberate
//! change, then review the diff.

use std::fmt::Write as _;
use std::time::{Duration, Instant};

use expect_test::{expect, Expect};
use parallax_nlp::extract::{analyze, ActorKind, Analysis};
use parallax_nlp::Lang;

/// Renders every statement as `actor | kind | cue | stance | text`, checking on the way that
/// each span holds its text.
fn render(input: &str, a: &Analysis) -> String {
    let mut out = String::new();
    for s in &a.statements {
        assert_eq!(
            &input[s.span.start..s.span.end],
            s.text,
            "a statement's span holds its text"
        );
        if let Some(sp) = s.speaker_span {
            assert_eq!(
                &input[sp.start..sp.end],
                s.speaker,
                "a speaker span holds the mention"
            );
        }
        writeln!(
            out,
            "{} | {:?} | {} | {:?} | {}",
            a.actors[s.actor].name, s.kind, s.cue, s.stance, s.text
        )
        .unwrap();
    }
    out
}

#[track_caller]
fn check(lang: Lang, input: &str, expect: Expect) {
    let a = analyze(input, lang);
    expect.assert_eq(&render(input, &a));
}

// ---- Arabic -------------------------------------------------------------------------------

#[test]
fn arabic_according_to_what_was_said() {
    // «وفق ما أعلن X», «وفقا لما قاله X», «حسبما أفاد X»: "according to what X said" after
    // the clause names X as the source of the whole clause.
    check(
        Lang::Ar,
        "رحبت باريس بالقرار الجديد للمجلس البلدي، وفق ما أعلن وزير الخارجية الفرنسي جان دوبون.\n\nدعت الوزارة إلى وقف القتال فورا، وفقا لما قاله المتحدث باسمها سامي الخطيب.\n\nوأكدت الشركة التزامها بالعقد، حسبما أفاد مديرها العام كريم نصار.",
        expect![[r#"
            باريس | Indirect | رحبت | Assertive | بالقرار الجديد للمجلس البلدي
            جان دوبون | Indirect | وفق ما أعلن | Neutral | رحبت باريس بالقرار الجديد للمجلس البلدي
            الوزارة | Indirect | دعت | Directive | إلى وقف القتال فورا
            باسمها سامي الخطيب | Indirect | وفقا لما قاله | Neutral | دعت الوزارة إلى وقف القتال فورا
            الشركة | Indirect | وأكدت | Assertive | التزامها بالعقد
            مديرها العام كريم نصار | Indirect | حسبما أفاد | Neutral | وأكدت الشركة التزامها بالعقد
        "#]],
    );
}

#[test]
fn arabic_context_after_a_closed_quotation_is_the_writers() {
    check(
        Lang::Ar,
        "وأكد المجلس البلدي “التزامه الكامل بخطة الإعمار”، في الوقت الذي تتواصل فيه الاحتجاجات في الحي. وقالت النقابة إن “الأجور يجب أن ترتفع”، بعد أسبوع من الإضراب.",
        expect![[r#"
            المجلس البلدي | Mixed | وأكد | Assertive | التزامه الكامل بخطة الإعمار
            النقابة | Direct | وقالت | Neutral | الأجور يجب أن ترتفع
        "#]],
    );
}

#[test]
fn arabic_organisation_in_construct_keeps_its_complement() {
    check(
        Lang::Ar,
        "تعهد اتحاد مزارعي الوادي بمواصلة الإضراب حتى نهاية الشهر. ونفت الحكومة وجود أي اتفاق مع الاتحاد.",
        expect![[r#"
            اتحاد مزارعي الوادي | Indirect | تعهد | Assertive | بمواصلة الإضراب حتى نهاية الشهر
            الحكومة | Indirect | ونفت | Denial | وجود أي اتفاق مع الاتحاد
        "#]],
    );
}

#[test]
fn arabic_full_stop_without_a_space_ends_the_sentence() {
    check(
        Lang::Ar,
        "وقع الطرفان اتفاقا لتبادل الأسرى، وفق ما أعلنت الوزارة.ونشرت الوزارة بيانا قالت فيه إن التنفيذ يبدأ غدا.",
        expect![[r#"
            الوزارة | Indirect | وفق ما أعلنت | Neutral | وقع الطرفان اتفاقا لتبادل الأسرى
            الوزارة | Indirect | ونشرت | Neutral | التنفيذ يبدأ غدا
        "#]],
    );
}

#[test]
fn arabic_direct_quote_after_colon() {
    check(
        Lang::Ar,
        "وقال مجلس الحوض الشمالي في تغريدة على حسابه: “سنواصل دعم المزارعين في الوادي طوال الموسم”.",
        expect![[r#"
            مجلس الحوض الشمالي | Direct | وقال | Neutral | سنواصل دعم المزارعين في الوادي طوال الموسم
        "#]],
    );
}

#[test]
fn arabic_reported_speech_after_complementisers() {
    check(
        Lang::Ar,
        "قال وزير الخارجية إن المحادثات ستستأنف الأسبوع المقبل. وأشار المتحدث باسم الوزارة إلى أن الوفد وصل إلى جنيف. وأكدت الوزيرة بأن القرار نهائي.",
        expect![[r#"
            وزير الخارجية | Indirect | قال | Neutral | المحادثات ستستأنف الأسبوع المقبل
            المتحدث باسم الوزارة | Indirect | وأشار | Neutral | الوفد وصل إلى جنيف
            الوزيرة | Indirect | وأكدت | Assertive | القرار نهائي
        "#]],
    );
}

#[test]
fn arabic_object_content_and_stance() {
    check(
        Lang::Ar,
        "شدد مجلس الحوض الشمالي، أمس الاثنين، على نيته الاستمرار في دعم اتحاد مزارعي الوادي. ونفت الحكومة وجود أي اتفاق سري. وحذر الجيش من تصعيد خطير في المنطقة.",
        expect![[r#"
            مجلس الحوض الشمالي | Indirect | شدد | Assertive | على نيته الاستمرار في دعم اتحاد مزارعي الوادي
            الحكومة | Indirect | ونفت | Denial | وجود أي اتفاق سري
            الجيش | Indirect | وحذر | Warning | من تصعيد خطير في المنطقة
        "#]],
    );
}

#[test]
fn arabic_source_phrases() {
    check(
        Lang::Ar,
        "وبحسب مصادر محلية، فإن القوات انسحبت من القرية. ووفقاً لـوكالة الأنباء الرسمية، فإن الاجتماع عقد في جنيف.",
        expect![[r#"
            مصادر محلية | Indirect | وبحسب | Neutral | القوات انسحبت من القرية
            وكالة الأنباء الرسمية | Indirect | ووفقاً | Neutral | الاجتماع عقد في جنيف
        "#]],
    );
}

#[test]
fn arabic_continuations_follow_verb_gender() {
    // «وأضاف» takes up the man, «وأضافت» and «وقالت:» the woman, even after he spoke again.
    check(
        Lang::Ar,
        "وقال السفير جون سميث إن الحوار مستمر. وقالت الوزيرة نادية علي إن الحل سياسي. وأضاف أن بلاده تدعم الحوار. وأضافت أن “الوقت ينفد أمام الجميع”. وقالت: “لن نتراجع عن موقفنا”.",
        expect![[r#"
            جون سميث | Indirect | وقال | Neutral | الحوار مستمر
            نادية علي | Indirect | وقالت | Neutral | الحل سياسي
            جون سميث | Indirect | وأضاف | Neutral | بلاده تدعم الحوار
            نادية علي | Direct | وأضافت | Neutral | الوقت ينفد أمام الجميع
            نادية علي | Direct | وقالت | Neutral | لن نتراجع عن موقفنا
        "#]],
    );
}

#[test]
fn arabic_participle_continues_the_speaker() {
    check(
        Lang::Ar,
        "وقالت المتحدثة إن الوضع مستقر، مشيرة إلى أن “المساعدات وصلت إلى المخيمات”.",
        expect![[r#"
            المتحدثة | Indirect | وقالت | Neutral | الوضع مستقر
            المتحدثة | Direct | مشيرة | Neutral | المساعدات وصلت إلى المخيمات
        "#]],
    );
}

#[test]
fn arabic_subject_before_verb() {
    check(
        Lang::Ar,
        "سلمى قاسم كشفت خلال زيارتها، أنّ المجلس طلب جدولاً زمنياً لفتح السد.",
        expect![[r#"
            سلمى قاسم | Indirect | كشفت | Announcement | المجلس طلب جدولاً زمنياً لفتح السد
        "#]],
    );
}

#[test]
fn arabic_mixed_partial_quote() {
    check(
        Lang::Ar,
        "وقالت رئيسة المجلس، سلمى قاسم، إن الحكومة تكافئ “الاتحاد” على “الأداء الممتاز” في الوادي.",
        expect![[r#"
            سلمى قاسم | Mixed | وقالت | Neutral | الحكومة تكافئ “الاتحاد” على “الأداء الممتاز” في الوادي
        "#]],
    );
}

#[test]
fn arabic_actor_keeps_fullest_name_with_title_and_role_apart() {
    let text = "وأشار قائد قوات الحوض الشمالي الجنرال كريم حداد إلى أن القوات باقية. وقال حداد إن “المهمة لم تنته”.";
    let a = analyze(text, Lang::Ar);
    assert_eq!(a.statements.len(), 2, "{a:#?}");
    assert_eq!(
        a.statements[0].actor, a.statements[1].actor,
        "the surname resolves to the same actor"
    );
    let actor = &a.actors[a.statements[0].actor];
    assert_eq!(actor.name, "كريم حداد");
    assert_eq!(actor.titles, ["الجنرال"]);
    assert_eq!(actor.roles, ["قائد قوات الحوض الشمالي"]);
    assert_eq!(actor.kind, ActorKind::Person);
    assert_eq!(actor.mentions.len(), 2);
}

#[test]
fn arabic_acronym_in_parentheses_is_an_alias() {
    let text = "وقالت قوات الحوض الشمالي (قحش) إنها صدت الهجوم. وأضافت قحش أن الوضع مستقر الآن.";
    let a = analyze(text, Lang::Ar);
    assert_eq!(a.statements.len(), 2, "{a:#?}");
    assert_eq!(
        a.statements[0].actor, a.statements[1].actor,
        "the acronym names the same actor"
    );
    // The actor's kind is not asserted: an invented Arabic acronym makes it a person today
    // (only acronyms listed in the lexicon are organisations), a defect left for the
    // attribution work of issue 11.
}

#[test]
fn arabic_unnamed_sources() {
    let a = analyze(
        "وقالت مصادر مطلعة إن الاجتماع تأجل إلى الأسبوع المقبل.",
        Lang::Ar,
    );
    assert_eq!(a.statements.len(), 1);
    assert_eq!(a.actors[a.statements[0].actor].kind, ActorKind::Unnamed);
}

#[test]
fn arabic_narration_is_not_a_statement_but_a_speaker_headline_is() {
    // «قائد…: claim» headlines a statement of the article's speaker; narration is none.
    check(
        Lang::Ar,
        "قائد قوات الحوض الشمالي: الحلفاء لن يتخلوا عنا\nوتأتي هذه التصريحات بالتزامن مع تهديدات بعملية عسكرية في الوادي.\nوأرسلت الحكومة الجنرال إلى شمال الوادي.",
        expect![[r#"
            قائد قوات الحوض الشمالي | Indirect | : | Neutral | الحلفاء لن يتخلوا عنا
        "#]],
    );
}

#[test]
fn arabic_presentation_forms_and_invisible_marks_are_read() {
    // «قال» in presentation forms, with a zero-width joiner and a right-to-left mark.
    check(
        Lang::Ar,
        "\u{FED7}\u{FE8E}\u{FEDD} الوزير\u{200F} إن الخطة جاهزة للتنفيذ.\nو\u{200D}قال الوزير إن الخطة جاهزة.",
        expect![[r#"
            الوزير | Indirect | ﻗﺎﻝ | Neutral | الخطة جاهزة للتنفيذ
            الوزير | Indirect | و‍قال | Neutral | الخطة جاهزة
        "#]],
    );
}

// ---- English ------------------------------------------------------------------------------

#[test]
fn english_context_after_a_closed_quotation_is_the_writers() {
    check(
        Lang::En,
        "The harbour authority said “shipping must resume in the north”, after storms closed the port for a week. The mayor warned of “a long winter”, as fuel prices rose again.",
        expect![[r#"
            harbour authority | Mixed | said | Neutral | shipping must resume in the north
            mayor | Mixed | warned | Warning | a long winter
        "#]],
    );
}

#[test]
fn english_leading_participle_clause_is_the_speakers_too() {
    check(
        Lang::En,
        "Noting the recent floods in the valley, Mayor Ellen Varga said the council would send more aid. Stressing the cost of repairs, the ministry urged residents to stay calm.",
        expect![[r#"
            Ellen Varga | Indirect | Noting | Neutral | the recent floods in the valley
            Ellen Varga | Indirect | said | Neutral | the council would send more aid
        "#]],
    );
}

#[test]
fn english_quote_then_speaker() {
    check(
        Lang::En,
        "“We will keep the gates open for the farmers,” the official account of the basin council tweeted on Monday. “Thank you to the farmers for their patience,” said NWRB Chair Lena Moss.",
        expect![[r#"
            official account of the basin council | Direct | tweeted | Neutral | We will keep the gates open for the farmers
            Lena Moss | Direct | said | Neutral | Thank you to the farmers for their patience
        "#]],
    );
}

#[test]
fn english_speaker_then_quote_and_interrupted_quote() {
    check(
        Lang::En,
        "The minister said: “The talks will resume next week.”\n“We are ready,” she said, “and we will not wait any longer.”",
        expect![[r#"
            minister | Direct | said | Neutral | The talks will resume next week.
            minister | Direct | said | Neutral | We are ready
            minister | Direct | said | Neutral | and we will not wait any longer.
        "#]],
    );
}

#[test]
fn english_reported_speech() {
    check(
        Lang::En,
        "Halloway said that allied ships will continue to patrol the northern coast. The patrols will continue, Halloway told Brenner. Officials warned the border could close within days.",
        expect![[r#"
            Halloway | Indirect | said | Neutral | allied ships will continue to patrol the northern coast
            Halloway | Indirect | told | Neutral | The patrols will continue
        "#]],
    );
}

#[test]
fn english_according_to_either_side() {
    check(
        Lang::En,
        "According to the ministry, 40 people were injured in the flood. The convoy was delayed twice, according to a senior official who asked not to be named.",
        expect![[r#"
            ministry | Indirect | According to | Neutral | 40 people were injured in the flood
            senior official | Indirect | according to | Neutral | The convoy was delayed twice
        "#]],
    );
}

#[test]
fn english_pronouns_resolve_by_gender() {
    check(
        Lang::En,
        "Lena Moss said the report was ready. Mr. Tomas Brenner said the visit went well.\n“We certainly hope this will include the northern farms,” she added.\n“It was a long trip for all of us,” he noted.",
        expect![[r#"
            Lena Moss | Indirect | said | Neutral | the report was ready
            Tomas Brenner | Indirect | said | Neutral | the visit went well
            Lena Moss | Direct | added | Neutral | We certainly hope this will include the northern farms
            Tomas Brenner | Direct | noted | Neutral | It was a long trip for all of us
        "#]],
    );
}

#[test]
fn english_standalone_quote_continues_the_speaker() {
    check(
        Lang::En,
        "“For ten years, we have shared this river,” tweeted the council’s official account. “Keeping the river clean is our common goal.”",
        expect![[r#"
            council’s official account | Direct | tweeted | Neutral | For ten years, we have shared this river
            council’s official account | Direct |  | Neutral | Keeping the river clean is our common goal.
        "#]],
    );
}

#[test]
fn english_acronym_and_description_resolve_to_the_actor() {
    let text = "Gen. Ruth Halloway, the commander of Allied Northern Fleet, said the partnership is strong. The Danish general said the ships would stay. The Joint Basin Task Force (JBTF-N) said it would help. JBTF-N added that patrols continue.";
    let a = analyze(text, Lang::En);
    let names: Vec<&str> = a
        .statements
        .iter()
        .map(|s| a.actors[s.actor].name.as_str())
        .collect();
    assert_eq!(
        names,
        [
            "Ruth Halloway",
            "Ruth Halloway",
            "Joint Basin Task Force",
            "Joint Basin Task Force"
        ]
    );
    let halloway = &a.actors[a.statements[0].actor];
    assert_eq!(halloway.titles, ["Gen."]);
    assert_eq!(halloway.roles, ["commander of Allied Northern Fleet"]);
    assert!(a.actors[a.statements[2].actor]
        .aliases
        .contains(&"JBTF-N".to_string()));
}

#[test]
fn english_narration_passives_and_headlines_are_not_statements() {
    check(
        Lang::En,
        "Danish commander meets with NLF leader, vows continued support\nThe decision was sharply attacked as unfair to the farmers. The post included photos of workers greeting children.",
        expect![[r#""#]],
    );
}

#[test]
fn english_impersonal_passive_continues_the_last_speaker() {
    // "It was stressed [in the meeting] that…" reports the last speaker, like "he added".
    check(
        Lang::En,
        "The Danish General expressed his belief that the valley has its own needs. It was strongly stressed in the ‘closed’ meeting that the council is determined to stay. It was also plainly stated that the council will support the farmers.",
        expect![[r#"
            Danish General | Indirect | expressed | Neutral | the valley has its own needs
            Danish General | Indirect | stressed | Assertive | the council is determined to stay
            Danish General | Indirect | stated | Neutral | the council will support the farmers
        "#]],
    );
}

#[test]
fn english_unnamed_source_speaking_to_an_outlet_is_a_channel() {
    // The source passes Halloway's words on to the outlet: the statement stays hers.
    check(
        Lang::En,
        "The patrols of the fleet will continue, Halloway told Brenner, according to a source who spoke to Valley Radio on condition that they not be named. During the meeting, Halloway said that the NLF and the old militias were not alike at all, the sources told Valley Radio.",
        expect![[r#"
            Halloway | Indirect | told | Neutral | The patrols of the fleet will continue
            Halloway | Indirect | said | Neutral | the NLF and the old militias were not alike at all
        "#]],
    );
}

#[test]
fn english_titled_name_in_apposition_wins_over_a_place() {
    check(
        Lang::En,
        "The senior officer of allied fleets in the North Sea, Gen. Ruth Halloway, on May 4 met with Tomas Brenner, telling him that the fleet will keep supporting the NLF.",
        expect![[r#"
            Ruth Halloway | Indirect | telling | Neutral | the fleet will keep supporting the NLF
        "#]],
    );
}

#[test]
fn english_role_of_an_organisation_is_a_person() {
    let a = analyze(
        "The leader of the Northern Liberation Front has said Oslo has promised him that it will stand by the farmers.",
        Lang::En,
    );
    assert_eq!(a.statements.len(), 1, "{a:#?}");
    let actor = &a.actors[a.statements[0].actor];
    assert_eq!(
        actor.kind,
        ActorKind::Person,
        "the leader is a person, not the organisation: {actor:?}"
    );
}

#[test]
fn arabic_role_description_resolves_to_the_named_holder() {
    // A trailing role word is not part of the name; the earlier description is the same man.
    check(
        Lang::Ar,
        "قال قائد قوات الحوض الشمالي بان هذه القوات تخشى ان يتخلى الحلفاء عنها. وخلال تصريحات للصحيفة قال \"سامر يوسف\" قائد قوات الحوض الشمالي: \"ان اهالي الوادي قلقون على مزارعهم\".",
        expect![[r#"
            سامر يوسف | Indirect | قال | Neutral | هذه القوات تخشى ان يتخلى الحلفاء عنها
            سامر يوسف | Direct | قال | Neutral | ان اهالي الوادي قلقون على مزارعهم
        "#]],
    );
}

#[test]
fn headline_speaker_claims() {
    // "Event: claim" speaks for the event's subject; "claim, Speaker"; an Arabic description
    // met nowhere else stands for the article's main speaker.
    check(
        Lang::En,
        "Danish General Halloway meets with Tomas Brenner: support to NLF will continue\nDuring the meeting, Danish General Halloway stated that the support will go on.",
        expect![[r#"
            Halloway | Indirect | : | Neutral | support to NLF will continue
            Halloway | Indirect | stated | Neutral | the support will go on
        "#]],
    );
    check(
        Lang::En,
        "We warned the ministry to open the northern gates, NWRB\nThe board NWRB said on Sunday that it warned the ministry about the gates.",
        expect![[r#"
            NWRB | Indirect | , | Neutral | We warned the ministry to open the northern gates
            NWRB | Indirect | said | Neutral | it warned the ministry about the gates
        "#]],
    );
    check(
        Lang::Ar,
        "أعلى هيئة زراعية كندية من المدينة: ندعم مزارعي الوادي وما يزرعونه من قمح\nوقالت سلمى قاسم إن الشعب الكندي يقف مع مزارعي الوادي. وأضافت أن الهيئة قدمت مقترحات جريئة.",
        expect![[r#"
            سلمى قاسم | Indirect | : | Neutral | ندعم مزارعي الوادي وما يزرعونه من قمح
            سلمى قاسم | Indirect | وقالت | Neutral | الشعب الكندي يقف مع مزارعي الوادي
            سلمى قاسم | Indirect | وأضافت | Neutral | الهيئة قدمت مقترحات جريئة
        "#]],
    );
}

#[test]
fn headline_quoting_an_unnamed_speaker() {
    // A scare-quoted claim, or a headline in the first person, is the speaker's whose body
    // statement it repeats.
    check(
        Lang::En,
        "Valley farmers ‘not at risk of losing the river after the drought’\n\nThe Valley Times reported that Halloway met Brenner on Monday. Valley farmers are not facing the loss of the river after the long drought, according to the group’s chief.",
        expect![[r#"
            group’s chief | Direct |  | Neutral | not at risk of losing the river after the drought
            Valley Times | Indirect | reported | Neutral | Halloway met Brenner on Monday
            group’s chief | Indirect | according to | Neutral | Valley farmers are not facing the loss of the river after the long drought
        "#]],
    );
    check(
        Lang::En,
        "Oslo will not leave us behind\n\nThe leader of the Northern Liberation Front has said Oslo has promised him that it will stand by the farmers. He said locals were deeply rattled by the floods.",
        expect![[r#"
            leader of the Northern Liberation Front | Indirect | said | Neutral | Oslo has promised him that it will stand by the farmers
            leader of the Northern Liberation Front | Indirect | said | Neutral | locals were deeply rattled by the floods
        "#]],
    );
    check(
        Lang::Ar,
        "الخوف يسكننا من ترك الشركاء لنا مثلما جرى في الجنوب\nقال قائد قوات الحوض الشمالي بان هذه القوات تخشى ان يتركها الشركاء مثلما جرى في الجنوب.",
        expect![[r#"
            قائد قوات الحوض الشمالي | Indirect |  | Neutral | الخوف يسكننا من ترك الشركاء لنا مثلما جرى في الجنوب
            قائد قوات الحوض الشمالي | Indirect | قال | Neutral | هذه القوات تخشى ان يتركها الشركاء مثلما جرى في الجنوب
        "#]],
    );
    // "US" is not "us", and the first persons of a quotation are its speaker's: neither
    // makes the article an opinion piece that owns its headline.
    check(
        Lang::En,
        "Oslo will not leave us behind\n\nThe leader of the Northern Liberation Front has said Oslo has promised him that it will stand by the farmers. US troops stay. “To be honest, we were worried, our farmers were worried,” he told The Courier. US officials agree.",
        expect![[r#"
            leader of the Northern Liberation Front | Indirect | said | Neutral | Oslo has promised him that it will stand by the farmers
            leader of the Northern Liberation Front | Direct | told | Neutral | To be honest, we were worried, our farmers were worried
        "#]],
    );
    // A headline crediting an organisation is the official's whose body statement it
    // repeats; with no official repeating it, the organisation's.
    check(
        Lang::En,
        "We warned the ministry to open the northern gates, NWRB\n\nWe warned the ministry that it must open the northern gates before the spring floods, Lena Moss, Chair of the Northern Water Rights Board (NWRB), said on Sunday.",
        expect![[r#"
            Lena Moss | Indirect | , | Neutral | We warned the ministry to open the northern gates
            Lena Moss | Indirect | said | Neutral | We warned the ministry that it must open the northern gates before the spring floods
        "#]],
    );
    check(
        Lang::En,
        "Fishing quotas must be lifted now, NWRB\n\nWe warned the ministry that it should open the northern gates, Lena Moss, Chair of the Northern Water Rights Board (NWRB), said on Sunday.",
        expect![[r#"
            NWRB | Indirect | , | Neutral | Fishing quotas must be lifted now
            Lena Moss | Indirect | said | Neutral | We warned the ministry that it should open the northern gates
        "#]],
    );
    // An article written in the first person owns its headline; a headline repeating no
    // statement is nobody's.
    check(
        Lang::En,
        "Just give us a few figures on the returns\n\nMr. Mayor, I have a deal for you. I know your returns are audited, and I accept that. Voters said they want to see the figures on the returns.",
        expect![[r#"
            Voters | Indirect | said | Neutral | they want to see the figures on the returns
        "#]],
    );
    check(
        Lang::En,
        "We are the champions of the league\n\nThe minister said the budget would be cut.",
        expect![[r#"
            minister | Indirect | said | Neutral | the budget would be cut
        "#]],
    );
}

#[test]
fn english_generic_role_description_is_the_one_person_named_in_that_role() {
    // "the group's chief" is the one person the article names as a leader ("NLF leader
    // Tomas Brenner", "Brenner heads…"), under their full name; a speaker of that surname
    // takes it up.
    check(
        Lang::En,
        "Farmers are not facing a shortage, according to the group’s chief. The general met Northern Liberation Front leader Tomas Brenner on Monday. Brenner heads up the Nordic-led NLF militia network.",
        expect![[r#"
            Tomas Brenner | Indirect | according to | Neutral | Farmers are not facing a shortage
        "#]],
    );
    check(
        Lang::En,
        "The militia’s leader said that no deal was made. The leader of the Northern Liberation Front, Tomas Brenner, met the envoy. Brenner said the talks went well.",
        expect![[r#"
            Brenner | Indirect | said | Neutral | no deal was made
            Brenner | Indirect | said | Neutral | the talks went well
        "#]],
    );
    // Two leaders named: it stays a description.
    check(
        Lang::En,
        "Farmers are not facing a shortage, according to the group’s chief. The general met NLF leader Tomas Brenner and NVU commander Erik Sand.",
        expect![[r#"
            group’s chief | Indirect | according to | Neutral | Farmers are not facing a shortage
        "#]],
    );
    // A deputy leader is not the leader; an organisation named as the possessor is left to
    // the project's registry.
    check(
        Lang::En,
        "The group’s leader said that no deal was made. The envoy met deputy leader Anna Lind. The NLF’s chief said the talks went well, and NLF leader Tomas Brenner agreed.",
        expect![[r#"
            Tomas Brenner | Indirect | said | Neutral | no deal was made
            NLF’s chief | Indirect | said | Neutral | the talks went well, and NLF leader Tomas Brenner agreed
        "#]],
    );
}

#[test]
fn english_surname_speaker_knows_the_titled_full_name() {
    let a = analyze(
        "On 4 May, General Ruth Halloway, the commander of the Allied Northern Fleet, paid a visit. Halloway said that the patrols will continue.",
        Lang::En,
    );
    assert_eq!(a.statements.len(), 1, "{a:#?}");
    let actor = &a.actors[a.statements[0].actor];
    assert!(
        actor.aliases.contains(&"Ruth Halloway".to_string()),
        "the full name written elsewhere is an alias of the surname speaker: {actor:?}"
    );
}

#[test]
fn people_named_with_a_title_who_do_not_speak_are_actors_without_statements() {
    let a = analyze(
        "The ministry sent Gen. Ruth K. Halloway, who heads the Allied Northern Fleet, to the region. Officials said the talks went well.",
        Lang::En,
    );
    assert_eq!(a.statements.len(), 1, "{a:#?}");
    let silent: Vec<&str> = a
        .actors
        .iter()
        .enumerate()
        .filter(|(i, _)| !a.statements.iter().any(|s| s.actor == *i))
        .map(|(_, x)| x.name.as_str())
        .collect();
    assert_eq!(silent, vec!["Ruth K. Halloway"], "{a:#?}");
    let halloway = a
        .actors
        .iter()
        .find(|x| x.name == "Ruth K. Halloway")
        .unwrap();
    assert_eq!(halloway.kind, ActorKind::Person);
}

/// Renders every actor as `name | statements | aliases`.
#[track_caller]
fn check_actors(lang: Lang, input: &str, expect: Expect) {
    let a = analyze(input, lang);
    let mut out = String::new();
    for (i, actor) in a.actors.iter().enumerate() {
        let n = a.statements.iter().filter(|s| s.actor == i).count();
        write!(out, "{} | {n}", actor.name).unwrap();
        if !actor.aliases.is_empty() {
            write!(out, " | {}", actor.aliases.join(" · ")).unwrap();
        }
        out.push('\n');
    }
    expect.assert_eq(&out);
}

#[test]
fn arabic_people_named_with_a_title_who_do_not_speak_are_actors_without_statements() {
    // Two or three words after a title, quoted or followed by a role, a reporting verb or an
    // apposition, are a name; a speaker of that surname takes it as an alias.
    check_actors(
        Lang::Ar,
        "ارسلت الحكومة الجنرال \"كريم حداد\" قائد القوات الشمالية. وأكد الرئيس الكندي نبيل عازار أن الدعم مستمر. والتقى السفير مارك دالتون، المبعوث الخاص، بالوفد. وقال دالتون إن الحوار مستمر.",
        expect![[r#"
            نبيل عازار | 1
            دالتون | 1 | مارك دالتون
            كريم حداد | 0
        "#]],
    );
    // A common noun, a verb and its object, a word with the article that may be the name's
    // own, a verbal noun before a quotation, or a quotation that is not a name: no name.
    check_actors(
        Lang::Ar,
        "والتقى الرئيس المشترك للمجلس بالوفد. وكان الوزير يلتقي نظيره، وقال إن الحل قريب. والتقى السيد عبد الرحمن النجار بالوفد. وطلبت اللجنة من الرئيس نبيل عازار إدراج “الاتحاد” في المحادثات. ودعا المبعوث \"توماس برينر وقال إن الخلاف انتهى وإن الاتفاق قادم\" إلى الحوار.",
        expect![[r#"
            اللجنة | 1
            المبعوث | 1
        "#]],
    );
}

#[test]
fn arabic_new_attribution_ends_a_quotation_that_runs_on() {
    // A source phrase or verb with a glued «و», a source and a complementiser inside the
    // quotation: the speaker's words end there, the rest is the source's. A speaker's own
    // «وحسب تقديرنا» names no source and stays in the quotation.
    check(
        Lang::Ar,
        "وقال قائد الجيش: \"إن السكان قلقون من تكرار ما حدث في المدينة وحسب صحيفة الغد فإن الحكومة أرسلت وفدا إلى المنطقة\". وقال المتحدث: \"إن الوضع في المدينة هادئ ووفقا لوكالة الأنباء الرسمية فإن القوات انسحبت من القرية\". وأضاف المتحدث: \"إن الوضع هادئ تماما وحسب تقديرنا فإن القوات ستنسحب قريبا\".",
        expect![[r#"
            قائد الجيش | Direct | وقال | Neutral | إن السكان قلقون من تكرار ما حدث في المدينة
            صحيفة الغد | Indirect | وحسب | Neutral | الحكومة أرسلت وفدا إلى المنطقة
            المتحدث | Direct | وقال | Neutral | إن الوضع في المدينة هادئ
            وكالة الأنباء الرسمية | Indirect | ووفقا | Neutral | القوات انسحبت من القرية
            المتحدث | Direct | وأضاف | Neutral | إن الوضع هادئ تماما وحسب تقديرنا فإن القوات ستنسحب قريبا
        "#]],
    );
}

#[test]
fn arabic_place_before_a_name_is_not_part_of_it() {
    // A country after a preposition or in a construct ends the description, not the name.
    check(
        Lang::Ar,
        "أكدت نائبة رئيس هيئة حقوق المياه في كندا نادية منصور، إن الشعب يقف إلى جانبهم. قال وزير خارجية اليونان سامر يوسف إن بلاده لن تقبل بذلك. وقالت رئيسة اللجنة في كندا سلمى جون هادي، إن الوضع خطير.",
        expect![[r#"
            نادية منصور | Indirect | أكدت | Assertive | الشعب يقف إلى جانبهم
            سامر يوسف | Indirect | قال | Neutral | بلاده لن تقبل بذلك
            سلمى جون هادي | Indirect | وقالت | Neutral | الوضع خطير
        "#]],
    );
}

#[test]
fn english_organisation_name_keeps_its_inner_preposition() {
    // "Commission on …" is one name, and its acronym in parentheses an alias.
    check(
        Lang::En,
        "The Nordic Board on Water Rights, the NBWR, recommended that the ministry recognise the farmers' union. The Northern Board on Water Rights (NBWR) said it welcomes the decision. NBWR has called on the ministry to issue the permit.",
        expect![[r#"
            Nordic Board on Water Rights | Indirect | recommended | Directive | the ministry recognise the farmers' union
            Northern Board on Water Rights | Indirect | said | Neutral | it welcomes the decision
            Northern Board on Water Rights | Indirect | called on | Directive | the ministry to issue the permit
        "#]],
    );
}

#[test]
fn english_capital_standing_for_a_government_is_not_a_person() {
    // "Beijing" is a state body, so "the group’s chief" cannot take it up as a person.
    check(
        Lang::En,
        "Valley farmers backed by the ministry are not facing a cut in water, Beijing has assured, following the long drought, according to the group’s chief.",
        expect![[r#"
            Beijing | Indirect | assured | Assertive | Valley farmers backed by the ministry are not facing a cut in water
            group’s chief | Indirect | according to | Neutral | Valley farmers backed by the ministry are not facing a cut in water, Beijing has assured, following the long drought
        "#]],
    );
    let a = analyze("Beijing said the talks would go on.", Lang::En);
    assert_eq!(a.actors[0].kind, ActorKind::StateBody, "{a:#?}");
    let a = analyze(
        "The Beijing Post reported that the talks would go on.",
        Lang::En,
    );
    assert_eq!(
        a.actors[0].kind,
        ActorKind::Media,
        "the last head decides: {a:#?}"
    );
}

#[test]
fn delegation_speaks_through_the_person_the_article_names_with_its_organisation() {
    check(
        Lang::Ar,
        "أبدى وفد الهيئة الوطنية لحقوق المياه، الأربعاء، عن دعمه لمزارعي الوادي ومطالبهم. وجاء ذلك في لقاء مع الصحفيين لنائبة رئيس الهيئة الوطنية لحقوق المياه سلمى قاسم. وقالت قاسم إن الشعب الكندي يقف مع المزارعين. وأضافت أن الهيئة قدمت مقترحات جريئة.",
        expect![[r#"
            قاسم | Indirect | أبدى | Neutral | عن دعمه لمزارعي الوادي ومطالبهم
            قاسم | Indirect | وقالت | Neutral | الشعب الكندي يقف مع المزارعين
            قاسم | Indirect | وأضافت | Neutral | الهيئة قدمت مقترحات جريئة
        "#]],
    );
    // A delegation of another organisation stays its own speaker.
    check(
        Lang::Ar,
        "أبدى وفد الحكومة اليونانية، الأربعاء، عن دعمه للحوار. وقالت قاسم رئيسة الهيئة إن الشعب الكندي يقف مع المزارعين. وأضافت أن الهيئة قدمت مقترحات جريئة.",
        expect![[r#"
            وفد الحكومة اليونانية | Indirect | أبدى | Neutral | عن دعمه للحوار
            قاسم | Indirect | وقالت | Neutral | الشعب الكندي يقف مع المزارعين
            قاسم | Indirect | وأضافت | Neutral | الهيئة قدمت مقترحات جريئة
        "#]],
    );
}

#[test]
fn arabic_participle_before_a_colon_opens_a_new_statement() {
    // «مضيفة:» ends the reported speech before it; the quotation is the same speaker's.
    check(
        Lang::Ar,
        "وقالت الوزيرة سلمى حداد إن الحوار مستمر. وأكدت أنهم قدموا مقترحات للحكومة للحفاظ على المياه في الوادي مضيفة: \"في الربيع الماضي نظمنا لقاء مفتوحا مع المزارعين\".",
        expect![[r#"
            سلمى حداد | Indirect | وقالت | Neutral | الحوار مستمر
            سلمى حداد | Indirect | وأكدت | Assertive | قدموا مقترحات للحكومة للحفاظ على المياه في الوادي
            سلمى حداد | Direct | مضيفة | Neutral | في الربيع الماضي نظمنا لقاء مفتوحا مع المزارعين
        "#]],
    );
}

#[test]
fn arabic_cue_in_a_relative_clause_ends_the_object_content() {
    // «دعت X بإدانة Y، التي قالت إنها…»: the object is the call; the relative clause reports
    // a second statement.
    check(
        Lang::Ar,
        "ودعت الوزيرة بلادها والدول المجاورة، بمحاسبة الشركة، التي قالت إنها تلوث مياه النهر.",
        expect![[r#"
            الوزيرة | Indirect | ودعت | Directive | بلادها والدول المجاورة، بمحاسبة الشركة
            الوزيرة | Indirect | قالت | Neutral | تلوث مياه النهر
        "#]],
    );
}

#[test]
fn english_and_according_to_ends_the_reported_speech() {
    // "…and according to The Daily Star the government…": a new source's clause.
    check(
        Lang::En,
        "The army commander said residents were worried that the events would be repeated and according to The Daily Star the government sent a delegation to reassure them.",
        expect![[r#"
            army commander | Indirect | said | Neutral | residents were worried that the events would be repeated
            Daily Star | Indirect | according to | Neutral | the government sent a delegation to reassure them
        "#]],
    );
}

// ---- Robustness ---------------------------------------------------------------------------

/// A small xorshift generator: deterministic, dependency-free.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// Checks the invariants every analysis must keep, whatever the input.
#[track_caller]
fn assert_sound(text: &str, a: &Analysis) {
    for s in &a.statements {
        assert!(
            s.span.start <= s.span.end && s.span.end <= text.len(),
            "span in bounds"
        );
        assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
        assert_eq!(&text[s.span.start..s.span.end], s.text);
        assert!(s.actor < a.actors.len(), "statement actor exists");
        if let Some(sp) = s.speaker_span {
            assert!(text.is_char_boundary(sp.start) && text.is_char_boundary(sp.end));
        }
    }
    for actor in &a.actors {
        for m in &actor.mentions {
            assert!(
                m.end <= text.len()
                    && text.is_char_boundary(m.start)
                    && text.is_char_boundary(m.end)
            );
        }
    }
}

#[test]
fn random_hostile_text_never_panics() {
    let pieces = [
        "قال",
        "وقالت",
        "وأضاف",
        "إن",
        "أن",
        "بحسب",
        "وفقاً لـ",
        "الجنرال",
        "حداد",
        "التحالف",
        "said",
        "told",
        "he",
        "she",
        "according to",
        "Gen.",
        "Halloway",
        "the",
        "that",
        "(",
        ")",
        "“",
        "”",
        "«",
        "»",
        "\"",
        "'",
        "‘",
        "’",
        "„",
        "''",
        "``",
        ",",
        "،",
        ":",
        ".",
        "?",
        "؟",
        "—",
        "―",
        "\n",
        "\n\n",
        " ",
        "  ",
        "\u{200D}",
        "\u{200F}",
        "\u{202E}",
        "\u{2066}",
        "\u{FEFF}",
        "\u{FEE7}\u{FE8E}\u{FEDF}",
        "\u{0651}",
        "ـ",
        "e\u{0301}",
        "🙂",
        "U.S.",
        "(JBTF-N)",
        "\t",
        "a",
        "ب",
        "ل",
        "و",
        "\u{0}",
        "\r\n",
        "…",
        "!",
    ];
    let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
    let started = Instant::now();
    for round in 0..1000 {
        let len = (rng.next() % 80) as usize;
        let mut text = String::new();
        for _ in 0..len {
            text.push_str(rng.pick(&pieces));
            if rng.next().is_multiple_of(3) {
                text.push(' ');
            }
        }
        for lang in [Lang::Ar, Lang::En, Lang::Other] {
            let a = analyze(&text, lang);
            assert_sound(&text, &a);
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "round {round} too slow"
        );
    }
}

#[test]
fn pathological_inputs_finish_quickly() {
    let cases: Vec<(&str, String)> = vec![
        (
            "5 MB without punctuation",
            "the minister said that talks في المدينة قال الوزير إن الحوار مستمر "
                .repeat(5_000_000 / 93),
        ),
        (
            "unbalanced quotes",
            "“he said “ she said ” « » \" ' ‘ ".repeat(20_000),
        ),
        (
            "one endless quotation",
            format!("He said: “{}", "and more words ".repeat(50_000)),
        ),
        ("only commas", "، ,".repeat(100_000)),
        (
            "mixed scripts and controls",
            "قال\u{202E}John\u{200D}said\u{2066}«هو»\u{FEFF}".repeat(20_000),
        ),
        ("long words", "ب".repeat(1_000_000)),
    ];
    for (name, text) in cases {
        let started = Instant::now();
        for lang in [Lang::Ar, Lang::En] {
            let a = analyze(&text, lang);
            assert_sound(&text, &a);
        }
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "{name}: took {:?}",
            started.elapsed()
        );
    }
}

// ---- Speaker validity (issue 11): who can be a speaker --------------------------------------

#[test]
fn english_document_gives_way_to_its_owner() {
    check(
        Lang::En,
        "“We will reopen the ferry line next month,” the Harbor Authority's statement read.\n\n“Fares will stay frozen until the spring,” according to a statement by the Transit Council.\n\nA Roads Ministry statement said that the work was on schedule.",
        expect![[r#"
            Harbor Authority | Direct | read | Neutral | We will reopen the ferry line next month
            Transit Council | Direct | according to | Neutral | Fares will stay frozen until the spring
            Roads Ministry | Indirect | said | Neutral | the work was on schedule
        "#]],
    );
}

#[test]
fn english_bare_document_is_the_last_authors() {
    check(
        Lang::En,
        "The Lakeside Water Board in a statement on Monday said it would cut rates for farmers.\n\nThe statement added that new pipes would be laid in the autumn.",
        expect![[r#"
            Lakeside Water Board | Indirect | said | Neutral | it would cut rates for farmers
            Lakeside Water Board | Indirect | added | Neutral | new pipes would be laid in the autumn
        "#]],
    );
}

#[test]
fn english_depictions_quantities_and_abstractions_never_speak() {
    check(
        Lang::En,
        "Photos showed that the two mayors had shaken hands at the ceremony.\n\nRising prices showed that the currency was weak.\n\nLast year 200 points showed that the market was cooling.",
        expect![[r#""#]],
    );
}

#[test]
fn english_he_is_a_person_never_an_outlet() {
    check(
        Lang::En,
        "Mayor Dana Whitfield said the budget was balanced. The bridge will reopen in May, the Valley Gazette reported. He said the repairs had cost less than planned.",
        expect![[r#"
            Dana Whitfield | Indirect | said | Neutral | the budget was balanced
            Valley Gazette | Indirect | reported | Neutral | The bridge will reopen in May
            Dana Whitfield | Indirect | said | Neutral | the repairs had cost less than planned
        "#]],
    );
}

#[test]
fn english_country_is_a_state_body() {
    let a = analyze(
        "France welcomed the agreement, saying it was a step toward peace.",
        Lang::En,
    );
    assert_eq!(a.actors[0].kind, ActorKind::StateBody, "{a:#?}");
    let a = analyze("The United States said the talks would go on.", Lang::En);
    assert_eq!(a.actors[0].kind, ActorKind::StateBody, "{a:#?}");
}

#[test]
fn english_channel_adjunct_between_subject_and_verb_is_skipped() {
    check(
        Lang::En,
        "Party spokesman Omar Lindqvist in a post on the social media platform Chirp on Tuesday said that the vote would go ahead.",
        expect![[r#"
            Omar Lindqvist | Indirect | said | Neutral | the vote would go ahead
        "#]],
    );
}

#[test]
fn english_cue_words_used_as_nouns_are_not_cues() {
    check(
        Lang::En,
        "In his only public comment since the vote, Lindqvist said in a post that the result was fair.\n\nA central point remains the budget for the new schools.\n\nMr. Orwin's show aired on Friday and drew large crowds.",
        expect![[r#"
            Lindqvist | Indirect | said | Neutral | the result was fair
        "#]],
    );
}

#[test]
fn english_organisation_name_runs_past_a_dash_to_its_branch() {
    check(
        Lang::En,
        "“We remain committed to our partners,” the Joint Relief Task Force - North said on Sunday.",
        expect![[r#"
            Joint Relief Task Force North | Direct | said | Neutral | We remain committed to our partners
        "#]],
    );
}

#[test]
fn arabic_document_gives_way_to_its_owner_and_later_to_its_author() {
    check(
        Lang::Ar,
        "وأكد بيان الوزارة أن المحادثات ستستأنف الأسبوع المقبل.\n\nوشدد البيان على ضرورة وقف القتال فورا.",
        expect![[r#"
            الوزارة | Indirect | وأكد | Assertive | المحادثات ستستأنف الأسبوع المقبل
            الوزارة | Indirect | وشدد | Assertive | على ضرورة وقف القتال فورا
        "#]],
    );
}

#[test]
fn arabic_preposition_glued_to_a_definite_noun_is_no_speaker() {
    check(
        Lang::Ar,
        "وقال الوزير سامي قرداحي إن الاتفاق جاهز. ورحبت عمان بالاتفاق الموقع بين الطرفين. وأوضح بالقول: \"لا نعرف متى سينتهي هذا الأمر\".",
        expect![[r#"
            سامي قرداحي | Indirect | وقال | Neutral | الاتفاق جاهز
            عمان | Indirect | ورحبت | Assertive | بالاتفاق الموقع بين الطرفين
            سامي قرداحي | Direct | وأوضح | Neutral | لا نعرف متى سينتهي هذا الأمر
        "#]],
    );
}

#[test]
fn arabic_country_completes_an_organisation_name() {
    check(
        Lang::Ar,
        "وأعلنت قوات لبنان الموحدة أنها ستواصل العمليات ضد الخلايا النائمة.",
        expect![[r#"
            قوات لبنان الموحدة | Indirect | وأعلنت | Announcement | ستواصل العمليات ضد الخلايا النائمة
        "#]],
    );
}

#[test]
fn arabic_name_with_the_article_after_a_role_phrase_is_kept_whole() {
    check(
        Lang::Ar,
        "وقال المتحدث باسم الوزارة عبد الله الحسيني إن الوفد سيصل غدا.",
        expect![[r#"
            عبد الله الحسيني | Indirect | وقال | Neutral | الوفد سيصل غدا
        "#]],
    );
}

#[test]
fn arabic_role_noun_with_a_possessive_suffix_is_its_holder() {
    check(
        Lang::Ar,
        "قال زعيم حزب الأمل الجديد كريم الساعدي إن الحزب سيشارك في الانتخابات. وأضاف زعيمه أن القائمة جاهزة للتسجيل.",
        expect![[r#"
            كريم الساعدي | Indirect | قال | Neutral | الحزب سيشارك في الانتخابات
            كريم الساعدي | Indirect | وأضاف | Neutral | القائمة جاهزة للتسجيل
        "#]],
    );
}

#[test]
fn arabic_object_with_a_pronoun_suffix_ends_a_titled_speaker() {
    check(
        Lang::Ar,
        "وأبدى الوزير الكندي قلقه من جفاف النهر، مؤكدا أن بلاده ستراقب منسوب المياه.",
        expect![[r#"
            الوزير الكندي | Indirect | وأبدى | Neutral | قلقه من جفاف النهر
            الوزير الكندي | Indirect | مؤكدا | Assertive | بلاده ستراقب منسوب المياه
        "#]],
    );
}

#[test]
fn arabic_subjectless_verb_agrees_with_the_last_mention_not_the_first() {
    // The alliance is first spoken of with a masculine verb, then through a feminine noun
    // («القوة»); the next feminine verb without a subject is still the alliance's, not the
    // feminine organisation that spoke before it.
    check(
        Lang::Ar,
        "وأكد التحالف الشمالي أن الطريق آمن.\n\nوأعلنت قوات الدفاع الشعبي أنها انسحبت من القرية.\n\nوقالت القوة التابعة للتحالف الشمالي إنها تدعم الشركاء.\n\nوأضافت أنها ستبقى في المنطقة.",
        expect![[r#"
            التحالف الشمالي | Indirect | وأكد | Assertive | الطريق آمن
            قوات الدفاع الشعبي | Indirect | وأعلنت | Announcement | انسحبت من القرية
            التحالف الشمالي | Indirect | وقالت | Neutral | تدعم الشركاء
            التحالف الشمالي | Indirect | وأضافت | Neutral | ستبقى في المنطقة
        "#]],
    );
}

#[test]
fn english_preposition_inside_an_organisation_name_keeps_its_head() {
    check(
        Lang::En,
        "The Nordic-led Alliance against Piracy also stated that the strait was safe again.",
        expect![[r#"
            Nordic-led Alliance against Piracy | Indirect | stated | Neutral | the strait was safe again
        "#]],
    );
}

#[test]
fn english_pronoun_before_the_verb_is_the_subject_after_a_channel_adjunct() {
    check(
        Lang::En,
        "Mayor Dana Whitfield said the bridge was safe. A week later in a radio interview with the Valley Gazette she said the repairs had been worth it.",
        expect![[r#"
            Dana Whitfield | Indirect | said | Neutral | the bridge was safe
            Dana Whitfield | Indirect | said | Neutral | the repairs had been worth it
        "#]],
    );
}
