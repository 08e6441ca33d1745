//! Bilingual dictionaries (dictd files, as FreeDict ships them): reading them, refusing bad
//! ones with the file named, and the alignment they give across languages.

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{TimeZone, Utc};
use parallax_core::dictionary::{load_dictionaries, DictionaryError};
use parallax_core::model::FileStatus;
use parallax_core::Project;

/// dictd's base64 numbers.
fn b64(mut n: usize) -> String {
    const DIGITS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut s = Vec::new();
    loop {
        s.push(DIGITS[n % 64]);
        n /= 64;
        if n == 0 {
            break;
        }
    }
    s.reverse();
    String::from_utf8(s).unwrap()
}

/// Writes `PREFIX.index` and a gzipped `PREFIX.dict.dz` with one entry per pair.
fn write_dictd(prefix: &Path, entries: &[(&str, &str)]) {
    let (mut body, mut index) = (String::new(), String::new());
    for (head, translations) in entries {
        let start = body.len();
        body.push_str(&format!("{head} /x/\n{translations}\n"));
        index.push_str(&format!(
            "{head}\t{}\t{}\n",
            b64(start),
            b64(body.len() - start)
        ));
    }
    std::fs::write(prefix.with_extension("index"), index).unwrap();
    let file = std::fs::File::create(prefix.with_extension("dict.dz")).unwrap();
    let mut gz = flate2::write::GzEncoder::new(file, flate2::Compression::default());
    gz.write_all(body.as_bytes()).unwrap();
    gz.finish().unwrap();
}

fn prefix(dir: &Path) -> PathBuf {
    dir.join("eng-ara")
}

#[test]
fn a_dictionary_aligns_a_translation_that_shares_no_listed_word() {
    let dir = tempfile::tempdir().unwrap();
    let en = dir.path().join("farmers-en.txt");
    let ar = dir.path().join("farmers-ar.txt");
    std::fs::write(
        &en,
        "https://example.org/farmers | Farmers\n\nCorinne Dalenza said that the farmers lost their wheat harvest to the drought.\n",
    )
    .unwrap();
    std::fs::write(
        &ar,
        "https://example.net/farmers | المزارعون\n\nوقالت كورين دالينزا إن المزارعين خسروا محصول القمح بسبب الجفاف.\n",
    )
    .unwrap();
    let mut project = Project::open_or_create(&dir.path().join("p.parallax")).unwrap();
    let now = Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap();
    let summary = project.import(&[en, ar], now, &mut |_| {});
    assert_eq!(summary.count(FileStatus::Imported), 2, "{summary:?}");
    let sizes = |project: &Project| -> Vec<usize> {
        let mut s: Vec<usize> = project
            .compare(None)
            .unwrap()
            .iter()
            .map(|g| g.statements.len())
            .collect();
        s.sort();
        s
    };
    assert_eq!(sizes(&project), vec![1, 1], "apart without a dictionary");

    write_dictd(
        &prefix(dir.path()),
        &[
            ("farmers", "المزارعون"),
            ("lost", "خسر"),
            ("wheat", "1. القمح\n2. حنطة"),
            ("harvest", "محصول، حصاد"),
            ("drought", "الجفاف - قلة المطر"),
        ],
    );
    let dict = load_dictionaries(&[prefix(dir.path())]).expect("reading the dictionary");
    assert_eq!(dict.len(), 7, "one pair per translation");
    project.set_dictionary(Some(dict));
    assert_eq!(sizes(&project), vec![2], "one claim with the dictionary");
}

#[test]
fn bad_dictionaries_are_refused_with_the_file_named() {
    let dir = tempfile::tempdir().unwrap();
    let p = prefix(dir.path());
    let err = load_dictionaries(std::slice::from_ref(&p)).unwrap_err();
    assert!(matches!(err, DictionaryError::Missing { .. }), "{err}");
    assert!(err.to_string().contains("eng-ara.index"), "{err}");

    // an index that points nowhere: nothing read, said so
    std::fs::write(p.with_extension("index"), "farmers\tZZZZ\tA\n").unwrap();
    std::fs::write(p.with_extension("dict.dz"), b"not gzip at all").unwrap();
    let err = load_dictionaries(std::slice::from_ref(&p)).unwrap_err();
    assert!(err.to_string().contains("eng-ara.dict.dz"), "{err}");

    write_dictd(&p, &[("farmers", "fermiers")]);
    let err = load_dictionaries(std::slice::from_ref(&p)).unwrap_err();
    assert!(matches!(err, DictionaryError::Empty { .. }), "{err}");
}
