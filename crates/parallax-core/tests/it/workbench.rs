//! What the desktop workbench asks of the core: an actor edit by name or key, the actors ×
//! outlets coverage with keys, one actor's claim groups, one article's statements. On the
//! invented articles of the report tests.

use chrono::{TimeZone, Utc};
use parallax_core::actors::ActorEditRequest;
use parallax_core::model::ArticleId;
use parallax_core::Project;

use super::report::fixture_articles;

fn project(dir: &std::path::Path) -> Project {
    let articles = dir.join("articles");
    std::fs::create_dir_all(&articles).unwrap();
    let mut p = Project::open_or_create(&dir.join("wb.parallax")).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 12, 4, 10, 0, 0).unwrap();
    p.import(&fixture_articles(&articles), now, &mut |_| {});
    p
}

#[test]
fn coverage_rows_carry_keys_and_count_each_actors_statements_per_outlet() {
    let dir = tempfile::tempdir().unwrap();
    let p = project(dir.path());
    let coverage = p.actor_coverage().unwrap();
    let actors = p.actors().unwrap();
    assert!(!coverage.rows.is_empty());
    for row in &coverage.rows {
        let actor = actors
            .iter()
            .find(|a| a.key == row.key)
            .expect("a row per actor key");
        assert_eq!(row.name, actor.name);
        for (outlet, count) in coverage.outlets.iter().zip(&row.counts) {
            let listed = actor.statements_by_outlet.get(outlet).copied().unwrap_or(0);
            assert_eq!(*count as usize, listed, "{} in {outlet}", actor.name);
        }
    }
    let haddad = actors.iter().find(|a| a.name.contains("Haddad")).unwrap();
    let groups = p.groups_of_actor(&haddad.key).unwrap();
    assert!(!groups.is_empty() && groups.iter().all(|g| g.actor_key == haddad.key));
    let statements = p.statements_of_article(ArticleId(3)).unwrap();
    assert!(!statements.is_empty() && statements.iter().all(|s| s.article == ArticleId(3)));
}

#[test]
fn an_actor_edit_by_key_is_stored_and_undone() {
    let dir = tempfile::tempdir().unwrap();
    let mut p = project(dir.path());
    let now = Utc.with_ymd_and_hms(2026, 12, 4, 11, 0, 0).unwrap();
    let before = p.actors().unwrap();
    let (a, b) = (before[0].key.clone(), before[1].key.clone());
    p.edit_actor(&ActorEditRequest::Merge { a, b }, now)
        .unwrap();
    assert_eq!(
        p.actors().unwrap().len(),
        before.len() - 1,
        "two actors became one"
    );
    assert!(p.undo_actor_edit().unwrap().is_some());
    assert_eq!(
        p.actors().unwrap().len(),
        before.len(),
        "undo takes the merge back"
    );
    let err = p
        .edit_actor(
            &ActorEditRequest::Rename {
                actor: "Nobody Atall".into(),
                name: "X".into(),
            },
            now,
        )
        .unwrap_err();
    assert!(err.to_string().contains("no actor is called"), "{err}");
}

#[test]
fn metadata_edits_are_stored_searchable_and_keep_statements_and_notes() {
    use parallax_core::model::MetadataEdit;
    use parallax_core::notes::Target;
    let dir = tempfile::tempdir().unwrap();
    let mut p = project(dir.path());
    let now = Utc.with_ymd_and_hms(2026, 12, 4, 12, 0, 0).unwrap();
    let id = ArticleId(3);
    let statements = p.statements_of_article(id).unwrap();
    assert!(!statements.is_empty());
    p.add_note(
        &Target::Article(id),
        "checked against the council minutes",
        now,
    )
    .unwrap();
    let old_title = p.article(id).unwrap().meta.title;

    let before = p
        .edit_metadata(
            id,
            &MetadataEdit {
                title: "  مجلس الحوض الشمالي\u{1b}[31m يوقع الاتفاق  ".into(),
                outlet: Some("صحيفة الوادي".into()),
                author: Some("   ".into()),
                published_at: chrono::NaiveDate::from_ymd_opt(2024, 3, 9),
            },
        )
        .unwrap();
    assert_eq!(before.title, old_title, "the metadata as it was comes back");

    let after = p.article(id).unwrap().meta;
    assert_eq!(
        after.title, "مجلس الحوض الشمالي[31m يوقع الاتفاق",
        "cleaned as an import cleans: control characters out, spaces collapsed"
    );
    assert_eq!(after.outlet.as_deref(), Some("صحيفة الوادي"));
    assert_eq!(after.author, None, "a blank author clears it");
    assert_eq!(
        after.published_at,
        chrono::NaiveDate::from_ymd_opt(2024, 3, 9)
    );

    let found = |q: &str| -> Vec<ArticleId> {
        p.search(q, 10)
            .unwrap()
            .into_iter()
            .map(|h| h.article.id)
            .collect()
    };
    assert_eq!(found("يوقع الاتفاق"), vec![id], "the new title is searched");
    assert_eq!(
        p.statements_of_article(id).unwrap().len(),
        statements.len(),
        "the statements stay"
    );
    assert!(
        p.annotation(&Target::Article(id)).unwrap().note.is_some(),
        "the article's note stays"
    );
    let outlets = p.actor_coverage().unwrap().outlets;
    assert!(
        outlets.iter().any(|o| o == "صحيفة الوادي"),
        "the comparison groups by the corrected outlet: {outlets:?}"
    );

    // re-importing the file finds it a duplicate and keeps the correction
    let articles = dir.path().join("articles");
    p.import(&fixture_articles(&articles), now, &mut |_| {});
    assert_eq!(
        p.article(id).unwrap().meta.outlet.as_deref(),
        Some("صحيفة الوادي")
    );

    let missing = p.edit_metadata(ArticleId(999), &p.article(id).unwrap().meta.clone().into());
    assert!(matches!(
        missing,
        Err(parallax_core::ProjectError::NoSuchArticle(ArticleId(999)))
    ));
}
