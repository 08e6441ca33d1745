//! Inputs built to garble, hang or abort an import (issue 14): each is refused as that
//! file's error with its true reason, or decoded exactly, and the batch goes on. Every input
//! is generated here; sizes are the smallest at which the old failure showed.

use std::io::Write;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use chrono::{TimeZone, Utc};
use parallax_core::import::{parse_bytes, ImportError};
use parallax_core::model::{FileStatus, ImportSummary};
use parallax_core::Project;

fn error_of(file_name: &str, bytes: &[u8]) -> ImportError {
    let started = Instant::now();
    let result = parse_bytes(file_name, bytes);
    eprintln!(
        "{file_name} ({} KB): {:.2?}",
        bytes.len() / 1024,
        started.elapsed()
    );
    match result {
        Ok(articles) => panic!(
            "{file_name} should be refused, but gave {} article(s)",
            articles.len()
        ),
        Err(e) => e,
    }
}

fn text_of(file_name: &str, bytes: &[u8]) -> String {
    let mut articles =
        parse_bytes(file_name, bytes).unwrap_or_else(|e| panic!("{file_name} imports: {e}"));
    articles.remove(0).text
}

const ENGLISH: &str = "\u{201C}The bridge will reopen in spring,\u{201D} the mayor said on \
    Tuesday, adding that \u{201C}every lane will be repaired\u{201D}.\n";
const ARABIC: &str = "قال الوزير إن الجسر سيفتح في الربيع، مضيفاً أن العمل مستمر.\n";

#[test]
fn mostly_valid_utf8_is_refused_with_the_offset_of_the_first_bad_byte() {
    // One stray 0xA0 in an English article with curly quotes: was decoded as a legacy
    // encoding (mojibake) or refused as "binary data".
    let mut english = ENGLISH.repeat(20).into_bytes();
    let at = english.len() / 2;
    english.insert(at, 0xA0);
    let error = error_of("stray.txt", &english);
    assert!(
        matches!(error, ImportError::InvalidUtf8 { offset, byte: 0xA0 } if offset == at),
        "the stray byte and where it is: {error}"
    );
    assert!(
        error.to_string().contains(&format!("offset {at}")),
        "{error}"
    );

    // An overlong encoding of '/' in an Arabic article.
    let mut arabic = ARABIC.repeat(20).into_bytes();
    let at = ARABIC.len() * 3;
    arabic.splice(at..at, [0xC0, 0xAF]);
    assert!(matches!(
        error_of("overlong.txt", &arabic),
        ImportError::InvalidUtf8 { offset, byte: 0xC0 } if offset == at
    ));

    // Cut in the middle of a two-byte Arabic letter.
    let whole = ARABIC.repeat(20);
    let cut = &whole.as_bytes()[..whole.len() - 2];
    let cut = &cut[..cut.len() - 1];
    let error = error_of("cut.txt", cut);
    assert!(
        matches!(error, ImportError::TruncatedUtf8 { .. }),
        "a file cut mid-character says so: {error}"
    );

    // The same bad byte after a UTF-8 byte-order mark.
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), &english].concat();
    assert!(matches!(
        error_of("bom.txt", &with_bom),
        ImportError::InvalidUtf8 { byte: 0xA0, .. }
    ));
}

#[test]
fn valid_utf8_stays_utf8_and_plain_legacy_bytes_still_decode() {
    let text = text_of("en.txt", ENGLISH.repeat(5).as_bytes());
    assert!(text.contains('\u{201C}'), "curly quotes kept: {text}");
    // ASCII with one windows-1252 no-break space is not UTF-8-like: it is legacy text.
    let legacy = b"The minister said on Tuesday\xA0that the bridge would reopen.\n".repeat(3);
    let text = text_of("legacy.txt", &legacy);
    assert!(text.contains("Tuesday\u{A0}that"), "{text}");
}

#[test]
fn deeply_nested_html_is_refused_quickly() {
    for (name, open, close, n) in [
        ("divs.html", "<div>", "</div>", 100_000),
        ("inline.html", "<b>", "</b>", 20_000),
        (
            "tables.html",
            "<table><tr><td>",
            "</td></tr></table>",
            5_000,
        ),
        ("quotes.html", "<blockquote>", "</blockquote>", 20_000),
        // stray end tags do not close anything
        ("stray.html", "<div></span>", "", 20_000),
    ] {
        let page = format!(
            "<html><body>{}Some words of an article that is nested.{}</body></html>",
            open.repeat(n),
            close.repeat(n)
        );
        let error = error_of(name, page.as_bytes());
        assert!(
            error.to_string().contains("nested more than"),
            "{name}: {error}"
        );
    }
    // A page nested like real ones still imports.
    let page = format!(
        "<html><body>{}<p>{}</p>{}</body></html>",
        "<div class=\"wrap\">".repeat(60),
        ENGLISH.trim(),
        "</div>".repeat(60)
    );
    assert!(text_of("ok.html", page.as_bytes()).contains("mayor said"));
}

/// A PDF skeleton with the given objects: enough for the bounds check and the reader to
/// start on it.
fn pdf_with(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut pdf = b"%PDF-1.7\n".to_vec();
    for (i, object) in objects.iter().enumerate() {
        pdf.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend(object);
        pdf.extend(b"\nendobj\n");
    }
    pdf.extend(b"trailer\n<< /Root 1 0 R >>\n%%EOF\n");
    pdf
}

fn flate_stream(content: impl Fn(&mut dyn Write)) -> Vec<u8> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    content(&mut encoder);
    let compressed = encoder.finish().unwrap();
    let mut object = format!(
        "<< /Length {} /Filter /FlateDecode >>\nstream\n",
        compressed.len()
    )
    .into_bytes();
    object.extend(compressed);
    object.extend(b"\nendstream");
    object
}

#[test]
fn deeply_nested_pdf_objects_are_refused_before_the_reader_recurses() {
    let nested = [b"[".repeat(1000), b"]".repeat(1000)].concat();
    let error = error_of("arrays.pdf", &pdf_with(&[nested]));
    assert!(error.to_string().contains("nested more than"), "{error}");

    let dictionaries = ["<< /A ".repeat(1000), ">>".repeat(1000)].concat();
    let error = error_of("dicts.pdf", &pdf_with(&[dictionaries.into_bytes()]));
    assert!(error.to_string().contains("nested more than"), "{error}");

    // Inside a compressed page content stream, where a scan of the raw file cannot see.
    let stream = flate_stream(|w| {
        w.write_all(&b"[".repeat(5000)).unwrap();
        w.write_all(&b"]".repeat(5000)).unwrap();
    });
    let error = error_of("content.pdf", &pdf_with(&[b"<< >>".to_vec(), stream]));
    assert!(error.to_string().contains("nested more than"), "{error}");

    // After an inline image whose data opens a string that never closes.
    let stream = flate_stream(|w| {
        w.write_all(b"q BI /W 1 /H 1 /BPC 8 /CS /G ID ( EI ")
            .unwrap();
        w.write_all(&b"[".repeat(5000)).unwrap();
    });
    let error = error_of("inline.pdf", &pdf_with(&[b"<< >>".to_vec(), stream]));
    assert!(error.to_string().contains("nested more than"), "{error}");

    // Brackets inside strings and comments are not nesting.
    let strings = format!("[ ({}) ]\n% {}\n", "[".repeat(2000), "[".repeat(2000));
    let error = error_of("strings.pdf", &pdf_with(&[strings.into_bytes()]));
    assert!(!error.to_string().contains("nested"), "{error}");
}

#[test]
fn a_pdf_decompression_bomb_is_refused() {
    // 80 MB of zeros in one Flate stream: about 80 KB on disk.
    let stream = flate_stream(|w| {
        let zeros = vec![0u8; 1024 * 1024];
        for _ in 0..80 {
            w.write_all(&zeros).unwrap();
        }
    });
    assert!(stream.len() < 200 * 1024, "the bomb is small");
    let error = error_of("bomb.pdf", &pdf_with(&[b"<< >>".to_vec(), stream]));
    assert!(error.to_string().starts_with("PDF bomb"), "{error}");
}

#[test]
fn json_batches_refuse_nul_and_drop_control_characters_from_metadata() {
    let batch = r#"[{"text": "Words\u0000more words", "title": "t"}]"#;
    let error = error_of("nul.json", batch.as_bytes());
    assert!(
        matches!(error, ImportError::NulInBatch { item: 1 }),
        "{error}"
    );

    let batch = r#"{"text": "The mayor spoke.", "title": "Real\u001b]0;owned\u0007 title\u001b[2J",
        "outlet": "Daily\u0000 News\r\nfailed x.txt: forged"}"#;
    let article = parse_bytes("meta.json", batch.as_bytes())
        .expect("imports")
        .remove(0);
    assert_eq!(article.title.as_deref(), Some("Real]0;owned title[2J"));
    assert_eq!(
        article.outlet.as_deref(),
        Some("Daily News failed x.txt: forged"),
        "one line, no control characters"
    );

    let long = format!(
        r#"{{"text": "The mayor spoke.", "title": "{}"}}"#,
        "Bridge ".repeat(100_000)
    );
    let article = parse_bytes("long.json", long.as_bytes())
        .expect("imports")
        .remove(0);
    let title = article.title.unwrap_or_default();
    assert!(
        title.chars().count() <= 2_000 && title.starts_with("Bridge Bridge"),
        "a 700 KB title is cut to 2,000 characters: {} characters",
        title.chars().count()
    );
}

fn now() -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 12, 0, 0).unwrap()
}

/// Checks that of three files the first and last were imported and the middle one failed;
/// returns why it failed.
fn reason_the_middle_file_alone_failed(summary: &ImportSummary) -> &str {
    let statuses: Vec<_> = summary.files.iter().map(|f| f.status.clone()).collect();
    assert_eq!(
        statuses,
        [
            FileStatus::Imported,
            FileStatus::Failed,
            FileStatus::Imported
        ],
        "{:#?}",
        summary.files
    );
    summary.files[1].message.as_deref().unwrap_or_default()
}

#[cfg(unix)]
#[test]
fn a_fifo_in_a_folder_is_skipped_with_a_reason_and_the_import_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    std::fs::write(articles.join("a.txt"), ENGLISH).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(articles.join("b.txt"))
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    std::fs::write(articles.join("c.txt"), ARABIC).unwrap();

    let project = dir.path().join("p.parallax");
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut project = Project::open_or_create(&project).unwrap();
        let summary = project.import(&[articles], now(), &mut |_| {});
        let _ = send.send(summary);
    });
    let summary = receive
        .recv_timeout(Duration::from_secs(60))
        .expect("the import ends instead of waiting on the pipe");
    let why = reason_the_middle_file_alone_failed(&summary);
    assert!(why.contains("not a regular file (a named pipe)"), "{why}");
}

#[cfg(unix)]
#[test]
fn sockets_and_devices_are_skipped_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let socket = dir.path().join("s.txt");
    let _listener = std::os::unix::net::UnixListener::bind(&socket).unwrap();
    let good = dir.path().join("a.txt");
    std::fs::write(&good, ENGLISH).unwrap();
    let mut project = Project::in_memory().unwrap();
    let summary = project.import(
        &[socket, PathBuf::from("/dev/zero"), good],
        now(),
        &mut |_| {},
    );
    let reasons: Vec<_> = summary
        .files
        .iter()
        .map(|f| f.message.as_deref().unwrap_or("stored"))
        .collect();
    assert_eq!(
        reasons,
        [
            "not a regular file (a socket): skipped",
            "not a regular file (a device): skipped",
            "stored"
        ],
        "/dev/zero would never end if it were read"
    );
}

#[test]
fn a_project_opened_read_only_reads_and_refuses_writes_saying_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.parallax");
    let file = dir.path().join("a.txt");
    std::fs::write(&file, ENGLISH).unwrap();
    {
        let mut project = Project::open_or_create(&path).unwrap();
        project.import(std::slice::from_ref(&file), now(), &mut |_| {});
    }
    let mut project = Project::open_read_only(&path).expect("opens read-only");
    assert_eq!(project.articles().unwrap().len(), 1, "reading works");
    let error = project
        .analyze(&mut |_| {})
        .expect_err("writing is refused");
    assert!(error.to_string().contains("read-only"), "{error}");
    let other = dir.path().join("b.txt");
    std::fs::write(&other, ARABIC).unwrap();
    let summary = project.import(&[other], now(), &mut |_| {});
    let why = summary.files[0].message.as_deref().unwrap_or_default();
    assert!(why.contains("read-only"), "{why}");
}

#[test]
fn a_query_of_one_word_repeated_is_answered_at_once() {
    let mut project = Project::in_memory().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.txt");
    std::fs::write(&file, ENGLISH).unwrap();
    project.import(&[file], now(), &mut |_| {});
    let query = "bridge ".repeat(7_000); // 48 KB
    let started = Instant::now();
    let hits = project.search(&query, 10).unwrap();
    eprintln!("48 KB repeated-word query: {:.2?}", started.elapsed());
    assert_eq!(hits.len(), 1);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "took minutes before the words were collapsed"
    );

    // Thousands of distinct words: only the first 64 are searched for.
    let query: String = (0..7_000).map(|n| format!("w{n} ")).collect();
    let started = Instant::now();
    let hits = project.search(&query, 10).unwrap();
    eprintln!(
        "{} KB query of distinct words: {:.2?}",
        query.len() / 1024,
        started.elapsed()
    );
    assert!(hits.is_empty(), "no article holds those words");
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[test]
fn many_import_files_fail_alone_whatever_they_hold() {
    // One batch holding every kind of bad file next to good ones: each bad file is its own
    // error, the good ones are stored.
    let dir = tempfile::tempdir().unwrap();
    let mut paths: Vec<PathBuf> = Vec::new();
    let mut add = |name: &str, bytes: &[u8]| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        paths.push(path);
    };
    add("1-good.txt", ENGLISH.as_bytes());
    add(
        "2-nested.html",
        format!("<html><body>{}x</body></html>", "<div>".repeat(5_000)).as_bytes(),
    );
    add(
        "3-nested.pdf",
        &pdf_with(&[[b"[".repeat(1000), b"]".repeat(1000)].concat()]),
    );
    add("4-stray.txt", &[ENGLISH.as_bytes(), b"\xA0"].concat());
    add("5-good.txt", ARABIC.as_bytes());
    let mut project = Project::in_memory().unwrap();
    let summary = project.import(&paths, now(), &mut |_| {});
    let statuses: Vec<_> = summary.files.iter().map(|f| f.status.clone()).collect();
    assert_eq!(
        statuses,
        [
            FileStatus::Imported,
            FileStatus::Failed,
            FileStatus::Failed,
            FileStatus::Failed,
            FileStatus::Imported
        ],
        "{:#?}",
        summary.files
    );
}

/// A one-page PDF whose page draws `Fm1`, a form or image made of `form`, with `content`.
fn pdf_drawing(form: lopdf::Dictionary, content: Vec<u8>) -> Vec<u8> {
    pdf_drawing_with(form, content, b"/Fm1 Do".to_vec())
}

/// A one-page PDF with the given page content, whose resources name `Fm1`, a form or image
/// made of `form`, with `content`.
fn pdf_drawing_with(form: lopdf::Dictionary, content: Vec<u8>, page: Vec<u8>) -> Vec<u8> {
    use lopdf::{dictionary, Stream};
    one_page_pdf(|doc| {
        let form_id = doc.add_object(Stream::new(form, content));
        (
            Stream::new(dictionary! {}, page),
            dictionary! { "XObject" => dictionary! { "Fm1" => form_id } },
        )
    })
}

/// A one-page PDF whose content stream and resources `page` makes, adding what they refer
/// to to the document.
fn one_page_pdf(
    page: impl FnOnce(&mut lopdf::Document) -> (lopdf::Stream, lopdf::Dictionary),
) -> Vec<u8> {
    use lopdf::{dictionary, Document, Object};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let (content, resources) = page(&mut doc);
    let content = doc.add_object(content);
    let resources = doc.add_object(resources);
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content,
        "Resources" => resources, "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

#[test]
fn a_pdf_form_that_draws_itself_is_refused_instead_of_recursing_forever() {
    use lopdf::dictionary;
    // No resources of its own: it draws `Fm1` from the page's, which is itself.
    let form = dictionary! {
        "Type" => "XObject", "Subtype" => "Form",
        "BBox" => vec![0.into(), 0.into(), 100.into(), 100.into()],
    };
    let error = error_of("loop.pdf", &pdf_drawing(form, b"/Fm1 Do".to_vec()));
    assert!(error.to_string().contains("in a loop"), "{error}");
}

#[test]
fn an_image_of_bracket_bytes_is_refused_since_the_extractor_parses_it_as_content() {
    use lopdf::dictionary;
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(&b"[".repeat(1 << 20)).unwrap();
    let image = dictionary! {
        "Type" => "XObject", "Subtype" => "Image", "Width" => 1024, "Height" => 1024,
        "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8, "Filter" => "FlateDecode",
    };
    let error = error_of("gray.pdf", &pdf_drawing(image, encoder.finish().unwrap()));
    assert!(error.to_string().contains("nested more than"), "{error}");
}

#[test]
fn a_mostly_ascii_file_cut_in_a_character_says_so() {
    // Two curly quotes, then a euro sign cut after its second byte: too few multi-byte
    // characters to outweigh a bad byte, but a cut at the very end is a truncation.
    let mut bytes = "\u{201C}The fare rises to 3\u{201D}, the mayor said, \u{20AC}"
        .as_bytes()
        .to_vec();
    bytes.pop();
    let error = error_of("cut.txt", &bytes);
    assert!(
        matches!(error, ImportError::TruncatedUtf8 { .. }),
        "{error}"
    );
}

/// The Adler-32 checksum that ends a zlib stream, of `bytes` followed by `zeros` zeros.
fn adler32(bytes: &[u8], zeros: u64) -> u32 {
    const MOD: u64 = 65_521;
    let (mut a, mut b) = (1u64, 0u64);
    for &byte in bytes {
        a = (a + u64::from(byte)) % MOD;
        b = (b + a) % MOD;
    }
    // each zero adds nothing to `a` and `a` to `b`
    b = (b + zeros % MOD * a) % MOD;
    ((b << 16) | a) as u32
}

#[test]
fn a_pdf_bomb_hidden_behind_a_false_endstream_is_refused() {
    // A zlib stream whose first block is stored, holding the bytes `endstream`, and whose
    // second block expands to 80 MB of zeros: a scan that stops at the first `endstream`
    // sees nine bytes; the PDF reader, going by /Length, expands it all.
    let lure = b"endstream";
    let mut data = vec![0x78, 0x01, 0x00];
    data.extend((lure.len() as u16).to_le_bytes());
    data.extend((!(lure.len() as u16)).to_le_bytes());
    data.extend(lure);
    let mut zeros = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    let megabyte = vec![0u8; 1 << 20];
    for _ in 0..80 {
        zeros.write_all(&megabyte).unwrap();
    }
    data.extend(zeros.finish().unwrap());
    let checksum = adler32(lure, 80 << 20);
    data.extend(checksum.to_be_bytes());
    let mut object = format!(
        "<< /Length {} /Filter /FlateDecode >>\nstream\n",
        data.len()
    )
    .into_bytes();
    object.extend(data);
    object.extend(b"\nendstream");
    let error = error_of("lure.pdf", &pdf_with(&[b"<< >>".to_vec(), object]));
    assert!(error.to_string().starts_with("PDF bomb"), "{error}");
}

#[test]
fn a_pdf_that_draws_one_large_form_many_times_is_refused() {
    use lopdf::dictionary;
    // 2 MB of spaces, compressed to a few KB, drawn 200 times by one page: 400 MB for the
    // extractor to parse from a file of a few KB.
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(&b" ".repeat(2 << 20)).unwrap();
    let form = dictionary! {
        "Type" => "XObject", "Subtype" => "Form", "Filter" => "FlateDecode",
        "BBox" => vec![0.into(), 0.into(), 100.into(), 100.into()],
    };
    let page = b"q /Fm1 Do Q\n".repeat(200);
    let bytes = pdf_drawing_with(form.clone(), encoder.finish().unwrap(), page);
    assert!(
        bytes.len() < 64 * 1024,
        "a small file: {} bytes",
        bytes.len()
    );
    let error = error_of("drawn.pdf", &bytes);
    assert!(error.to_string().contains("draw more than"), "{error}");

    // An image that draws itself (the extractor reads an image's bytes as content too).
    let image = dictionary! {
        "Type" => "XObject", "Subtype" => "Image", "Width" => 1, "Height" => 1,
        "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
    };
    let error = error_of("image-loop.pdf", &pdf_drawing(image, b"/Fm1 Do".to_vec()));
    assert!(error.to_string().contains("in a loop"), "{error}");
}

/// A one-page PDF whose page content is `content`, Flate-compressed, with Helvetica as `F1`.
fn pdf_page(content: &[u8]) -> Vec<u8> {
    use lopdf::dictionary;
    pdf_page_in_font(
        content,
        dictionary! { "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica" },
    )
}

/// A one-page PDF whose page content is `content`, Flate-compressed, with `font` as `F1`.
fn pdf_page_in_font(content: &[u8], font: lopdf::Dictionary) -> Vec<u8> {
    use lopdf::{dictionary, Stream};
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(content).unwrap();
    let compressed = encoder.finish().unwrap();
    one_page_pdf(|doc| {
        let font = doc.add_object(font);
        (
            Stream::new(dictionary! { "Filter" => "FlateDecode" }, compressed),
            dictionary! { "Font" => dictionary! { "F1" => font } },
        )
    })
}

#[test]
fn pdf_content_that_would_exhaust_the_extractors_memory_is_refused() {
    // The extractor copies the graphics state at each `q`: 30 million of them took all
    // memory and the process was killed. Here 300 unrestored ones, over the bound.
    let error = error_of("saves.pdf", &pdf_page(&b"q\n".repeat(300)));
    assert!(
        error.to_string().contains("saves the graphics state"),
        "{error}"
    );

    // It holds every operation of a stream at once (60 MB of `0 0 m` took 6 GB): 3.3
    // million operators and operands here.
    let error = error_of("paths.pdf", &pdf_page(&b"0 0 m\n".repeat(1_100_000)));
    assert!(
        error.to_string().contains("operators and operands"),
        "{error}"
    );

    // It decodes a shown string whole before drawing it (60 MB took 3.5 GB).
    let shown = [
        b"BT /F1 12 Tf (".as_slice(),
        &b"x".repeat(1_100_000),
        b") Tj ET",
    ]
    .concat();
    let error = error_of("string.pdf", &pdf_page(&shown));
    assert!(error.to_string().contains("holds a string"), "{error}");

    // Saved and restored states, a short string: a page of text as producers write it.
    let page: String = (0..40)
        .map(|line| {
            format!(
                "q BT /F1 12 Tf 72 {} Td (The mayor said the bridge would reopen.) Tj ET Q\n",
                740 - 16 * line
            )
        })
        .collect();
    let text = text_of("page.pdf", &pdf_page(page.as_bytes()));
    assert!(text.contains("bridge would reopen"), "{text}");
}

#[test]
fn quotations_nested_hundreds_deep_import_in_linear_time() {
    // Scoring each quotation walked all those inside it: a 32 MB page of blockquotes nested
    // 500 deep took three minutes (release build). Here 500 deep, repeated to 2 MB.
    let one = format!(
        "{}{}",
        "<blockquote>The mayor said the bridge would reopen in spring.".repeat(500),
        "</blockquote>".repeat(500)
    );
    let page = format!(
        "<html><body>{}</body></html>",
        one.repeat(2 * 1024 * 1024 / one.len())
    );
    let started = Instant::now();
    let text = text_of("quotes.html", page.as_bytes());
    eprintln!(
        "2 MB of blockquotes nested 500 deep: {:.2?}",
        started.elapsed()
    );
    assert!(text.starts_with("The mayor said the bridge would reopen in spring."));
    assert!(
        started.elapsed() < Duration::from_secs(60),
        "took minutes when each quotation walked the ones inside it"
    );
}

#[test]
fn a_file_whose_parser_panics_fails_alone() {
    use lopdf::dictionary;
    // A font without /Subtype: the PDF text extractor panics on it.
    let pdf = pdf_page_in_font(
        b"BT /F1 12 Tf 72 700 Td (The mayor spoke.) Tj ET",
        dictionary! { "Type" => "Font", "BaseFont" => "Helvetica" },
    );

    let dir = tempfile::tempdir().unwrap();
    let files: Vec<PathBuf> = [
        ("a.txt", ENGLISH.as_bytes()),
        ("b.pdf", pdf.as_slice()),
        ("c.txt", ARABIC.as_bytes()),
    ]
    .iter()
    .map(|(name, bytes)| {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        path
    })
    .collect();
    let mut project = Project::in_memory().unwrap();
    let summary = project.import(&files, now(), &mut |_| {});
    let why = reason_the_middle_file_alone_failed(&summary);
    assert!(
        why.contains("damaged PDF: the PDF reader gave up on it"),
        "the panic is this file's error: {why}"
    );
}
