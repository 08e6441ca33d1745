//! Import of every supported format, on the invented articles of `tests/fixtures` (at the
//! repository's root), and every kind of bad input the issue lists. HTML, DOCX and PDF files
//! are made from those articles by the helpers below (an Arabic and an English PDF printed by
//! Chromium are committed fixtures, made by `tests/fixtures/make_pdfs.py`).

use std::io::Write;
use std::path::{Path, PathBuf};

use parallax_core::import::{
    collect_files, parse_bytes, read_file, Format, ImportError, ParsedArticle,
};
use parallax_nlp::Lang;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");

/// Arabic, no metadata line: its first line is a sentence; curly quotes and a shadda.
const ORCHARDS: &str = "extra/ar-wadinews-orchards.txt";
/// English with a `URL | title` first line and curly quotes.
const HERALD: &str = "story/en-coastalherald-dam.txt";
/// English whose first line is a heading, no metadata line.
const OPINION: &str = "extra/en-valley-gazette-opinion.txt";

fn fixture_text(relative: &str) -> String {
    let path = Path::new(FIXTURES).join(relative);
    std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("fixture {} is readable: {e}", path.display()))
}

/// A fixture article's body: without the `URL | title` line, as paragraphs.
fn fixture_paragraphs(relative: &str) -> Vec<String> {
    let text = fixture_text(relative);
    let mut lines: Vec<&str> = text.lines().collect();
    if lines
        .first()
        .is_some_and(|l| l.starts_with("http") && l.contains(" | "))
    {
        lines.remove(0);
    }
    lines
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

fn parse_one(file_name: &str, bytes: &[u8]) -> ParsedArticle {
    let mut articles =
        parse_bytes(file_name, bytes).unwrap_or_else(|e| panic!("{file_name} imports, but: {e}"));
    assert_eq!(articles.len(), 1, "{file_name} is one article");
    articles.remove(0)
}

fn error_of(file_name: &str, bytes: &[u8]) -> ImportError {
    match parse_bytes(file_name, bytes) {
        Ok(articles) => panic!(
            "{file_name} should be refused, but gave {} article(s)",
            articles.len()
        ),
        Err(e) => e,
    }
}

/// Asserts that each needle occurs in `text`, in the given order.
fn assert_in_order(text: &str, needles: &[&str], what: &str) {
    let mut from = 0;
    for needle in needles {
        match text[from..].find(needle) {
            Some(at) => from += at + needle.len(),
            None => panic!("{what}: expected {needle:?} (in order) in:\n{text}"),
        }
    }
}

fn assert_absent(text: &str, junk: &[&str], what: &str) {
    for j in junk {
        assert!(
            !text.contains(j),
            "{what}: page furniture {j:?} should have been dropped from:\n{text}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Plain text

#[test]
fn every_fixture_article_imports_with_its_language() {
    let folders: Vec<PathBuf> = ["story", "extra"]
        .iter()
        .map(|s| Path::new(FIXTURES).join(s))
        .collect();
    let files = collect_files(&folders);
    assert_eq!(files.len(), 7, "the fixtures have 7 text articles");
    for file in files {
        let articles =
            read_file(&file).unwrap_or_else(|e| panic!("{} imports, but: {e}", file.display()));
        assert_eq!(articles.len(), 1);
        let article = &articles[0];
        assert_eq!(article.format, Format::Text);
        assert!(
            article.text.len() > 200,
            "{}: the whole text is kept",
            file.display()
        );
        assert_eq!(article.text, article.text.trim(), "text is trimmed");
        // the file name starts with the article's language
        let name = file.file_name().unwrap().to_string_lossy().into_owned();
        let lang = name.split('-').next().unwrap();
        assert_eq!(article.lang.code(), lang, "{}: language", file.display());
    }
}

#[test]
fn source_line_gives_url_title_and_outlet_and_is_not_text() {
    let article = parse_one("herald.txt", fixture_text(HERALD).as_bytes());
    assert_eq!(
        article.url.as_deref(),
        Some("https://coastalherald.example/2025/06/zerin-dam-gates")
    );
    assert_eq!(
        article.title.as_deref(),
        Some("Zerin dam gates to open within ten days, minister says")
    );
    assert_eq!(article.outlet.as_deref(), Some("coastalherald.example"));
    assert_eq!(article.lang, Lang::En);
    assert!(
        article
            .text
            .starts_with("Zerin dam gates to open within ten days"),
        "text starts after the source line"
    );
    assert!(
        !article.text.contains("https://"),
        "the source line is metadata, not text"
    );

    let arabic = read_file(&Path::new(FIXTURES).join("story/ar-alsahil-dam.txt"))
        .unwrap()
        .remove(0);
    assert_eq!(arabic.outlet.as_deref(), Some("alsahil.example"));
    assert_eq!(
        arabic.title.as_deref(),
        Some("وزير المياه: بوابات سد الزيرين تفتح خلال عشرة أيام")
    );
    assert_eq!(arabic.lang, Lang::Ar);
}

#[test]
fn heading_first_line_is_the_title_and_stays_in_the_text() {
    let source = fixture_text(OPINION);
    let article = parse_one("opinion.txt", source.as_bytes());
    let first_line = source.lines().next().unwrap();
    assert_eq!(article.title.as_deref(), Some(first_line));
    assert_eq!(
        article.text,
        source.trim(),
        "a plain file's text is the file's text, verbatim"
    );
    assert_eq!(article.outlet, None);
}

#[test]
fn sentence_first_line_is_not_a_title() {
    let source = fixture_text(ORCHARDS);
    let article = parse_one("seed.txt", source.as_bytes());
    assert_eq!(
        article.title, None,
        "the first line is the article's first sentence"
    );
    assert_eq!(article.lang, Lang::Ar);
    assert_eq!(article.text, source.trim());
}

#[test]
fn markdown_heading_is_the_title() {
    let article = parse_one(
        "note.md",
        "# Coalition statement\n\nThe coalition said it would stay.\n".as_bytes(),
    );
    assert_eq!(article.title.as_deref(), Some("Coalition statement"));
    assert_eq!(
        article.text,
        "# Coalition statement\n\nThe coalition said it would stay."
    );
}

#[test]
fn legacy_and_utf16_encodings_decode_to_the_same_text() {
    let source = fixture_text(ORCHARDS);
    let expected = parse_one("seed.txt", source.as_bytes()).text;

    let (windows_1256, _, unmappable) = encoding_rs::WINDOWS_1256.encode(&source);
    assert!(!unmappable);
    assert_eq!(
        parse_one("seed-1256.txt", &windows_1256).text,
        expected,
        "windows-1256"
    );

    // ISO-8859-6 has no curly quotes: the copy uses straight ones.
    let plain_quotes = source.replace(['“', '”'], "\"");
    let iso_8859_6: Vec<u8> = plain_quotes
        .chars()
        .map(|c| {
            let mut utf8 = [0; 4];
            let (bytes, _, unmappable) = encoding_rs::ISO_8859_6.encode(c.encode_utf8(&mut utf8));
            assert!(!unmappable, "{c:?} is in ISO-8859-6");
            bytes[0]
        })
        .collect();
    let decoded = parse_one("seed-8859-6.txt", &iso_8859_6);
    assert_eq!(decoded.text, plain_quotes.trim(), "ISO-8859-6");
    assert_eq!(decoded.lang, Lang::Ar);

    for (name, big_endian) in [("utf-16le", false), ("utf-16be", true)] {
        let mut bytes = if big_endian {
            vec![0xFE, 0xFF]
        } else {
            vec![0xFF, 0xFE]
        };
        for unit in source.encode_utf16() {
            bytes.extend(if big_endian {
                unit.to_be_bytes()
            } else {
                unit.to_le_bytes()
            });
        }
        assert_eq!(
            parse_one("seed.txt", &bytes).text,
            expected,
            "{name} with BOM"
        );
    }
    let with_bom = [b"\xEF\xBB\xBF".as_slice(), source.as_bytes()].concat();
    assert_eq!(
        parse_one("seed.txt", &with_bom).text,
        expected,
        "UTF-8 with BOM"
    );

    let english = fixture_text(HERALD);
    let (windows_1252, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&english);
    assert!(!unmappable);
    assert_ne!(
        windows_1252.as_ref(),
        english.as_bytes(),
        "the article has curly quotes, encoded differently"
    );
    assert_eq!(
        parse_one("herald.txt", &windows_1252).text,
        parse_one("herald.txt", english.as_bytes()).text,
        "windows-1252"
    );
}

#[test]
fn windows_line_endings_become_newlines() {
    let source = fixture_text(OPINION);
    let crlf = source.replace('\n', "\r\n");
    assert_eq!(parse_one("b.txt", crlf.as_bytes()).text, source.trim());
}

// ---------------------------------------------------------------------------------------
// HTML

/// A news page around an article, with the furniture real pages have.
fn news_page(
    lang: &str,
    title: &str,
    paragraphs: &[String],
    with_metadata: bool,
    teaser: &str,
) -> String {
    let escape = |s: &str| {
        s.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let mut body = String::new();
    for (i, p) in paragraphs.iter().enumerate() {
        body.push_str(&format!("<p>{}</p>\n", escape(p)));
        if i == 1 {
            body.push_str(&format!(
                "<p><strong>{teaser}</strong> <a href=\"/other\">Another story entirely about something else</a></p>\n\
                 <div class=\"ad-slot advert\">Advertisement: buy now</div>\n"
            ));
        }
    }
    let metadata = if with_metadata {
        format!(
            r#"<meta property="og:title" content="{t}">
<meta property="og:site_name" content="Coastal Herald">
<meta property="og:url" content="https://coastalherald.example/2025/06/zerin-dam-gates">
<meta property="article:published_time" content="2021-09-15T10:34:00+03:00">
<meta name="author" content="Lena Okafor">
<script type="application/ld+json">{{"@context":"https://schema.org","@graph":[{{"@type":"WebSite","name":"Coastal Herald"}},
 {{"@type":"NewsArticle","headline":"{t}","datePublished":"2021-09-15","author":{{"@type":"Person","name":"Lena Okafor"}},
 "publisher":{{"@type":"Organization","name":"Coastal Herald"}}}}]}}</script>"#,
            t = escape(title)
        )
    } else {
        String::new()
    };
    format!(
        r##"<!DOCTYPE html>
<html lang="{lang}">
<head><meta charset="utf-8"><title>{title} - Coastal Herald</title>
{metadata}
<style>body {{ font-family: sans-serif }} .junk-style {{ color: red }}</style>
<script>var trackingJunk = "window.dataLayer"; function junkScript() {{ return 1; }}</script>
</head>
<body>
<header class="site-header"><a href="/">Coastal Herald home</a><ul class="menu"><li><a href="/en/news">News menu item</a></li><li><a href="/en/politics">Politics menu item</a></li></ul></header>
<nav><a href="/">Navigation junk link</a></nav>
<div class="breadcrumb"><a href="/">Home</a> &gt; <a href="/en">World breadcrumb</a></div>
<main>
<article>
<h1>{title_html}</h1>
<div class="share-buttons"><a href="#">Share on Facebook</a><a href="#">Share on Twitter</a></div>
<div class="article-body">
{body}
</div>
<section class="related-articles"><h3>Related stories</h3><ul>
<li><a href="/a">Related headline number one that is long enough to vote</a></li>
<li><a href="/b">Related headline number two that is long enough to vote</a></li></ul></section>
<div id="comments"><p>Comment by reader: this comment is junk and should not be part of the article.</p></div>
</article>
</main>
<aside class="sidebar"><p>Most read sidebar paragraph that is long enough to look like text.</p></aside>
<form action="/subscribe"><input type="email" placeholder="Newsletter junk"><button>Subscribe button</button></form>
<footer><p>Copyright 2021 Coastal Herald footer junk, all rights reserved by the owners.</p></footer>
<script>document.write("late script junk")</script>
</body></html>"##,
        title = escape(title),
        title_html = escape(title),
    )
}

const PAGE_JUNK: &[&str] = &[
    "trackingJunk",
    "junkScript",
    "junk-style",
    "menu item",
    "Navigation junk",
    "breadcrumb",
    "Share on",
    "Related headline",
    "Related stories",
    "Comment by reader",
    "sidebar paragraph",
    "Newsletter junk",
    "Subscribe button",
    "footer junk",
    "late script junk",
    "Advertisement",
    "Another story entirely",
    "<p>",
    "&amp;",
];

#[test]
fn html_page_yields_article_text_and_metadata_without_furniture() {
    let paragraphs = fixture_paragraphs(HERALD);
    let title = "Zerin dam gates to open within ten days, minister says";
    let page = news_page("en", title, &paragraphs, true, "Read also:");
    let article = parse_one("page.html", page.as_bytes());
    assert_eq!(article.format, Format::Html);
    assert_eq!(article.title.as_deref(), Some(title));
    assert_eq!(article.outlet.as_deref(), Some("Coastal Herald"));
    assert_eq!(article.author.as_deref(), Some("Lena Okafor"));
    assert_eq!(
        article.published_at,
        chrono::NaiveDate::from_ymd_opt(2021, 9, 15)
    );
    assert_eq!(
        article.url.as_deref(),
        Some("https://coastalherald.example/2025/06/zerin-dam-gates")
    );
    assert_eq!(article.lang, Lang::En);
    let needles: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
    assert_in_order(&article.text, &needles, "English page");
    assert_absent(&article.text, PAGE_JUNK, "English page");
}

#[test]
fn arabic_html_page_drops_read_also_and_detects_language() {
    let paragraphs = fixture_paragraphs(ORCHARDS);
    // No lang attribute and no metadata: the language is detected, the title is <title>'s.
    let page = news_page(
        "",
        "المزارعون يواصلون الضغط على الحكومة",
        &paragraphs,
        false,
        "اقرأ أيضاً:",
    )
    .replace(r#"<html lang="">"#, "<html>");
    let article = parse_one("page.htm", page.as_bytes());
    assert_eq!(article.lang, Lang::Ar);
    assert_eq!(
        article.title.as_deref(),
        Some("المزارعون يواصلون الضغط على الحكومة")
    );
    assert_eq!(article.outlet, None, "no site name and no URL: no outlet");
    let needles: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
    assert_in_order(&article.text, &needles, "Arabic page");
    assert_absent(&article.text, PAGE_JUNK, "Arabic page");
    assert!(
        !article.text.contains("اقرأ أيضاً"),
        "the read-also teaser is dropped:\n{}",
        article.text
    );
}

#[test]
fn html_in_a_legacy_encoding_uses_its_meta_charset() {
    let paragraphs = fixture_paragraphs(ORCHARDS);
    let page = news_page("ar", "اتحاد المزارعين", &paragraphs, false, "اقرأ أيضاً:")
        .replace("charset=\"utf-8\"", "charset=\"windows-1256\"")
        .replace(
            "<meta charset=\"utf-8\">",
            "<meta charset=\"windows-1256\">",
        );
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1256.encode(&page);
    assert!(!unmappable);
    let article = parse_one("page.html", &bytes);
    assert_in_order(
        &article.text,
        &[paragraphs[0].as_str(), paragraphs[2].as_str()],
        "windows-1256 page",
    );
}

#[test]
fn html_paragraph_markup_becomes_plain_text() {
    let page = "<html><body><div id=\"story\"><p>The commander said: &ldquo;We <b>will</b> stay&rdquo; &amp; <i>support</i> the farmers.<br>Second line of the same paragraph here.</p>\
                <p>Another paragraph with enough words to count as article text.</p></div></body></html>";
    let article = parse_one("p.html", page.as_bytes());
    assert_eq!(
        article.text,
        "The commander said: “We will stay” & support the farmers.\nSecond line of the same paragraph here.\nAnother paragraph with enough words to count as article text."
    );
}

// ---------------------------------------------------------------------------------------
// DOCX

fn docx(paragraphs_xml: &str, core_xml: Option<&str>) -> Vec<u8> {
    let mut buffer = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buffer);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("[Content_Types].xml", options).unwrap();
        zip.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#).unwrap();
        zip.start_file("word/document.xml", options).unwrap();
        write!(
            zip,
            r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{paragraphs_xml}<w:sectPr/></w:body></w:document>"#
        )
        .unwrap();
        if let Some(core) = core_xml {
            zip.start_file("docProps/core.xml", options).unwrap();
            zip.write_all(core.as_bytes()).unwrap();
        }
        zip.finish().unwrap();
    }
    buffer.into_inner()
}

fn xml_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Each paragraph as Word writes it: split into runs mid-word, with properties.
fn word_paragraphs(paragraphs: &[String]) -> String {
    paragraphs
        .iter()
        .map(|p| {
            let split = p.char_indices().nth(p.chars().count() / 2).map_or(p.len(), |(i, _)| i);
            format!(
                r#"<w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:t xml:space="preserve">{}</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>{}</w:t></w:r></w:p>"#,
                xml_escape(&p[..split]),
                xml_escape(&p[split..])
            )
        })
        .collect()
}

const CORE_XML: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<dc:title>TITLE</dc:title><dc:creator>Lena Okafor</dc:creator><cp:lastModifiedBy>Someone Else</cp:lastModifiedBy>
<dcterms:created xsi:type="dcterms:W3CDTF">2021-09-15T08:00:00Z</dcterms:created></cp:coreProperties>"#;

#[test]
fn docx_paragraphs_in_order_with_core_properties() {
    for (article_path, lang, title) in [
        (HERALD, Lang::En, "Dam & valley"),
        (ORCHARDS, Lang::Ar, "اتحاد المزارعين"),
    ] {
        let paragraphs = fixture_paragraphs(article_path);
        let core = CORE_XML.replace("TITLE", &xml_escape(title));
        let article = parse_one(
            "article.docx",
            &docx(&word_paragraphs(&paragraphs), Some(&core)),
        );
        assert_eq!(article.format, Format::Docx);
        assert_eq!(
            article.text,
            paragraphs.join("\n"),
            "{article_path}: paragraphs verbatim, in order"
        );
        assert_eq!(article.title.as_deref(), Some(title));
        assert_eq!(article.author.as_deref(), Some("Lena Okafor"));
        assert_eq!(
            article.published_at,
            chrono::NaiveDate::from_ymd_opt(2021, 9, 15)
        );
        assert_eq!(article.lang, lang);
    }
}

#[test]
fn docx_tabs_breaks_tables_and_deleted_text() {
    let body = r#"<w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr><w:r><w:t>Nassar meets Mansour</w:t></w:r></w:p>
<w:p><w:r><w:t>Name</w:t></w:r><w:r><w:tab/><w:t>Samir Nassar</w:t></w:r><w:r><w:br/><w:t>Water minister &amp; engineer</w:t></w:r></w:p>
<w:p><w:r><w:delText>deleted revision text</w:delText></w:r><w:r><w:instrText>HYPERLINK "x"</w:instrText></w:r><w:r><w:t>Kept text.</w:t></w:r></w:p>
<w:p></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Cell text</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#;
    let article = parse_one("t.docx", &docx(body, None));
    assert_eq!(
        article.text,
        "Nassar meets Mansour\nName\tSamir Nassar\nWater minister & engineer\nKept text.\nCell text"
    );
    assert_eq!(
        article.title.as_deref(),
        Some("Nassar meets Mansour"),
        "no core title: the heading line"
    );
}

#[test]
fn docx_zip_bomb_is_refused() {
    // ~60 MB of paragraphs that deflate to a few hundred kilobytes.
    let paragraph =
        "<w:p><w:r><w:t>aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</w:t></w:r></w:p>";
    let bomb = docx(&paragraph.repeat(60 * 1024 * 1024 / paragraph.len()), None);
    assert!(
        bomb.len() < 2 * 1024 * 1024,
        "the bomb is small on disk: {} bytes",
        bomb.len()
    );
    let error = error_of("bomb.docx", &bomb);
    assert!(matches!(error, ImportError::ZipBomb { .. }), "{error}");
    assert_eq!(
        error.to_string(),
        "zip bomb: document.xml expands beyond 50 MB"
    );

    // The same bomb with headers that lie about the expanded size is caught while reading.
    let mut lying = bomb.clone();
    let name = b"word/document.xml";
    for (signature, size_at, name_len_at, name_at) in
        [(b"PK\x03\x04", 22, 26, 30), (b"PK\x01\x02", 24, 28, 46)]
    {
        let mut at = 0;
        while let Some(found) = lying[at..].windows(4).position(|w| w == signature) {
            let start = at + found;
            let name_len =
                u16::from_le_bytes([lying[start + name_len_at], lying[start + name_len_at + 1]])
                    as usize;
            if lying.get(start + name_at..start + name_at + name_len) == Some(name.as_slice()) {
                lying[start + size_at..start + size_at + 4].copy_from_slice(&1000u32.to_le_bytes());
            }
            at = start + 4;
        }
    }
    let error = error_of("lying.docx", &lying);
    assert!(
        matches!(error, ImportError::ZipBomb { .. }),
        "a lying header is no way round the limit: {error}"
    );
}

#[test]
fn docx_without_document_or_with_too_many_entries_is_refused() {
    let mut buffer = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buffer);
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Stored);
        for i in 0..10_001 {
            zip.start_file(format!("f{i}"), options).unwrap();
        }
        zip.finish().unwrap();
    }
    let error = error_of("many.docx", buffer.get_ref());
    assert!(error.to_string().contains("entries"), "{error}");

    let mut buffer = std::io::Cursor::new(Vec::new());
    {
        let mut zip = zip::ZipWriter::new(&mut buffer);
        zip.start_file("hello.txt", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(b"not a word document").unwrap();
        zip.finish().unwrap();
    }
    assert_eq!(
        error_of("plain.zip", buffer.get_ref()).to_string(),
        "not a DOCX document: a zip archive without word/document.xml"
    );
}

// ---------------------------------------------------------------------------------------
// PDF

/// A PDF in the standard Helvetica font (WinAnsi encoding), one line per `Tj`, paragraphs
/// wrapped at about 90 characters and separated by a blank line, as simple producers write it.
fn simple_pdf(paragraphs: &[String], info: Option<(&str, &str, &str)>) -> Vec<u8> {
    use lopdf::content::{Content, Operation};
    use lopdf::{dictionary, Document, Object, Stream};

    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let mut lines: Vec<Option<String>> = Vec::new();
    for paragraph in paragraphs {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            if !line.is_empty() && line.len() + word.len() > 90 {
                lines.push(Some(std::mem::take(&mut line)));
            }
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
        lines.push(Some(line));
        lines.push(None);
    }
    let mut page_ids = Vec::new();
    for page_lines in lines.chunks(44) {
        let mut operations = vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 10.into()]),
            Operation::new("TL", vec![15.into()]),
            Operation::new("Td", vec![50.into(), 760.into()]),
        ];
        for line in page_lines {
            if let Some(line) = line {
                let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(line);
                operations.push(Operation::new(
                    "Tj",
                    vec![Object::String(
                        bytes.into_owned(),
                        lopdf::StringFormat::Literal,
                    )],
                ));
            }
            operations.push(Operation::new("T*", vec![]));
        }
        operations.push(Operation::new("ET", vec![]));
        let content = Content { operations };
        let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
        page_ids.push(doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => pages_id, "Contents" => content_id, "Resources" => resources_id,
            "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
        }));
    }
    let count = page_ids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages", "Kids" => page_ids.into_iter().map(Object::from).collect::<Vec<_>>(), "Count" => count,
        }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    if let Some((title, author, created)) = info {
        let info_id = doc.add_object(dictionary! {
            "Title" => lopdf::text_string(title), "Author" => lopdf::text_string(author),
            "CreationDate" => Object::string_literal(created),
        });
        doc.trailer.set("Info", info_id);
    }
    doc.trailer.set(
        "ID",
        vec![
            Object::string_literal("0123456789abcdef"),
            Object::string_literal("0123456789abcdef"),
        ],
    );
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

#[test]
fn pdf_text_in_reading_order_with_document_info() {
    let paragraphs = fixture_paragraphs(HERALD);
    let pdf = simple_pdf(
        &paragraphs,
        Some(("Dam gates to open", "Coastal Herald", "D:20210915103400Z")),
    );
    let article = parse_one("herald.pdf", &pdf);
    assert_eq!(article.format, Format::Pdf);
    assert_eq!(article.title.as_deref(), Some("Dam gates to open"));
    assert_eq!(article.author.as_deref(), Some("Coastal Herald"));
    assert_eq!(
        article.published_at,
        chrono::NaiveDate::from_ymd_opt(2021, 9, 15)
    );
    assert_eq!(article.lang, Lang::En);
    // Wrapped lines are joined back into the file's paragraphs.
    let lines: Vec<&str> = article.text.lines().collect();
    let expected: Vec<&str> = paragraphs.iter().map(String::as_str).collect();
    assert_eq!(lines, expected, "one line per paragraph, words intact");
}

#[test]
fn arabic_pdf_reads_in_logical_order() {
    let bytes =
        std::fs::read(Path::new(FIXTURES).join("formats/ar-wadinews-orchards.pdf")).unwrap();
    let article = parse_one("ar.pdf", &bytes);
    assert_eq!(article.lang, Lang::Ar);
    assert_eq!(
        article.title.as_deref(),
        Some("المزارعون يواصلون الضغط حتى تصل المياه")
    );
    let paragraphs = fixture_paragraphs(ORCHARDS);
    assert_in_order(
        &article.text,
        &[
            "تعهد اتحاد مزارعي الزيرين، أمس الأربعاء، بالاستمرار في الضغط على الحكومة",
            "وقال الاتحاد في بيان نشره مساء الأربعاء",
            "سنبقى في الحقول حتى تعود المياه",
            "ويصدر البيان قبل يومين",
        ],
        "Arabic PDF",
    );
    // Every paragraph, across its line breaks, reads exactly as the article has it.
    assert_eq!(
        article.text,
        paragraphs[..4].join("\n"),
        "the Arabic PDF's text is the article's"
    );
    assert!(
        !article.text.contains("ﻻ"),
        "presentation forms are mapped back to letters"
    );
}

#[test]
fn english_pdf_printed_by_a_browser_reads_in_order() {
    let bytes =
        std::fs::read(Path::new(FIXTURES).join("formats/en-valleycourier-dam.pdf")).unwrap();
    let article = parse_one("en.pdf", &bytes);
    assert_eq!(article.lang, Lang::En);
    let paragraphs = fixture_paragraphs("story/en-valleycourier-dam.txt");
    assert_eq!(
        article.title.as_deref(),
        Some("Minister promises water for the valley as drought bites")
    );
    assert_eq!(
        article.text,
        paragraphs[..4].join("\n"),
        "the English PDF's text is the article's"
    );
}

#[test]
fn pdf_without_text_layer_is_a_scanned_document() {
    use lopdf::content::{Content, Operation};
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    // A filled rectangle standing in for a scanned image: marks on the page, no text.
    let content = Content {
        operations: vec![
            Operation::new("re", vec![50.into(), 50.into(), 500.into(), 700.into()]),
            Operation::new("f", vec![]),
        ],
    };
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().unwrap()));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id,
        "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 },
        ),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    assert_eq!(
        error_of("scan.pdf", &bytes).to_string(),
        "no text layer (scanned document?)"
    );
}

#[test]
fn truncated_encrypted_and_damaged_pdfs_are_refused() {
    let pdf = simple_pdf(&fixture_paragraphs(HERALD), None);
    let truncated = &pdf[..pdf.len() / 2];
    assert!(matches!(
        error_of("cut.pdf", truncated),
        ImportError::TruncatedPdf
    ));
    assert_eq!(
        error_of("cut.pdf", truncated).to_string(),
        "truncated PDF (the file ends before %%EOF)"
    );

    let mut doc = lopdf::Document::load_mem(&pdf).unwrap();
    let state = lopdf::EncryptionState::try_from(lopdf::EncryptionVersion::V2 {
        document: &doc,
        owner_password: "owner",
        user_password: "secret",
        key_length: 128,
        permissions: lopdf::Permissions::default(),
    })
    .unwrap();
    doc.encrypt(&state).unwrap();
    let mut encrypted = Vec::new();
    doc.save_to(&mut encrypted).unwrap();
    assert_eq!(
        error_of("locked.pdf", &encrypted).to_string(),
        "encrypted PDF"
    );

    let mut damaged = b"%PDF-1.5\n".to_vec();
    damaged.extend(std::iter::repeat_n(b"garbage \x01\x02 stream".as_slice(), 200).flatten());
    damaged.extend(b"\n%%EOF\n");
    assert!(
        matches!(
            error_of("damaged.pdf", &damaged),
            ImportError::DamagedPdf(_)
        ),
        "{}",
        error_of("damaged.pdf", &damaged)
    );
}

// ---------------------------------------------------------------------------------------
// JSON batches

#[test]
fn json_and_jsonl_batches_yield_each_article() {
    let seed = fixture_text(ORCHARDS);
    let herald = fixture_paragraphs(HERALD).join("\n");
    let batch = serde_json::json!([
        {"text": seed, "title": "المزارعون", "url": "https://wadinews.example/archives/1", "published_at": "2021-09-14", "lang": "ar"},
        {"text": herald, "title": "Dam gates", "outlet": "Coastal Herald", "author": {"name": "Lena Okafor"}, "date": "September 15, 2021"},
    ]);
    let articles = parse_bytes("batch.json", batch.to_string().as_bytes()).unwrap();
    assert_eq!(articles.len(), 2);
    assert_eq!(articles[0].text, seed.trim());
    assert_eq!(
        articles[0].outlet.as_deref(),
        Some("wadinews.example"),
        "outlet from the URL"
    );
    assert_eq!(articles[0].lang, Lang::Ar);
    assert_eq!(
        articles[0].published_at,
        chrono::NaiveDate::from_ymd_opt(2021, 9, 14)
    );
    assert_eq!(articles[1].outlet.as_deref(), Some("Coastal Herald"));
    assert_eq!(articles[1].author.as_deref(), Some("Lena Okafor"));
    assert_eq!(
        articles[1].lang,
        Lang::En,
        "language detected when not given"
    );
    assert_eq!(
        articles[1].published_at,
        chrono::NaiveDate::from_ymd_opt(2021, 9, 15)
    );
    assert!(articles.iter().all(|a| a.format == Format::Json));

    let lines: String = batch
        .as_array()
        .unwrap()
        .iter()
        .map(|a| format!("{a}\n"))
        .collect();
    assert_eq!(
        parse_bytes("batch.jsonl", lines.as_bytes()).unwrap(),
        articles,
        "JSON Lines gives the same"
    );
    let wrapped = serde_json::json!({"articles": batch}).to_string();
    assert_eq!(
        parse_bytes("export.json", wrapped.as_bytes()).unwrap(),
        articles,
        "an {{\"articles\": [...]}} export too"
    );
}

#[test]
fn json_that_is_not_an_article_batch_is_refused() {
    // An annotation file beside the articles: JSON, but no article has a text.
    let gold = serde_json::json!({
        "actors": {"nassar": {"name": "Samir Nassar", "kind": "person"}},
        "articles": [{"file": "articles/ar-wadinews-dam.txt", "lang": "ar", "statements": []}],
    })
    .to_string();
    let error = error_of("gold.json", gold.as_bytes());
    assert_eq!(
        error.to_string(),
        "not an article batch: expected objects with a \"text\" field"
    );

    let error = error_of(
        "b.jsonl",
        b"{\"text\": \"fine article text here\"}\n{\"text\": broken\n",
    );
    assert!(
        error.to_string().starts_with("invalid JSON at line 2"),
        "{error}"
    );
    let error = error_of(
        "b.json",
        b"[{\"text\": \"an article\"}, {\"title\": \"no text\"}]",
    );
    assert_eq!(
        error.to_string(),
        "not an article batch: expected objects with a \"text\" field (item 2 has none)"
    );
}

// ---------------------------------------------------------------------------------------
// Recognition by content

#[test]
fn format_is_recognised_by_content_not_just_extension() {
    let pdf = simple_pdf(&fixture_paragraphs(HERALD), None);
    assert_eq!(
        parse_one("misnamed.txt", &pdf).format,
        Format::Pdf,
        "a PDF named .txt is a PDF"
    );
    let page = news_page(
        "en",
        "Title",
        &fixture_paragraphs(HERALD),
        false,
        "Read also:",
    );
    assert_eq!(
        parse_one("saved-page.txt", page.as_bytes()).format,
        Format::Html
    );
    let docx = docx(&word_paragraphs(&fixture_paragraphs(HERALD)), None);
    assert_eq!(parse_one("download", &docx).format, Format::Docx);
    let batch =
        serde_json::json!([{"text": "An article exported as JSON, named as text."}]).to_string();
    assert_eq!(
        parse_one("export.txt", batch.as_bytes()).format,
        Format::Json
    );
    let bracketed =
        "[Updated] The coalition said it would stay.\nMore text of the article follows here.";
    assert_eq!(
        parse_one("note.txt", bracketed.as_bytes()).format,
        Format::Text,
        "text that starts with a bracket is text"
    );
}

// ---------------------------------------------------------------------------------------
// Bad input

#[test]
fn bad_inputs_each_give_one_clear_reason() {
    assert_eq!(error_of("empty.txt", b"").to_string(), "empty file");
    assert_eq!(
        error_of("blank.txt", b"  \n\r\n\t ").to_string(),
        "empty file"
    );

    // Deterministic pseudo-random bytes, as an image or executable would be.
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let junk: Vec<u8> = (0..4096)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect();
    let error = error_of("junk.txt", &junk);
    assert!(
        matches!(error, ImportError::Binary(_)),
        "binary junk: {error}"
    );
    assert!(
        error
            .to_string()
            .starts_with("binary data, not a text document"),
        "{error}"
    );
    assert_eq!(
        error_of("junk.pdf", &junk).to_string(),
        "damaged PDF: no %PDF header",
        "junk named .pdf"
    );

    let without_nul: Vec<u8> = junk.iter().map(|b| b.max(&1)).copied().collect();
    assert!(matches!(
        error_of("junk2.txt", &without_nul),
        ImportError::Binary(_) | ImportError::Undecodable
    ));

    let bad_utf8 = [
        b"\xEF\xBB\xBF".as_slice(),
        "قال الاتحاد ".as_bytes(),
        b"\xC3\x28\xFF",
    ]
    .concat();
    let offset = 3 + "قال الاتحاد ".len();
    assert_eq!(
        error_of("bad.txt", &bad_utf8).to_string(),
        format!(
            "not valid UTF-8: byte 0xC3 at offset {offset} (the rest reads as UTF-8; re-save \
             the file as UTF-8)"
        )
    );
    let lone_surrogate = [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x41, 0x00];
    assert_eq!(
        error_of("bad16.txt", &lone_surrogate).to_string(),
        "not valid UTF-8 or a known encoding"
    );

    let ole = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0];
    assert!(error_of("old.doc", &ole)
        .to_string()
        .starts_with("unsupported format"));
}

#[test]
fn oversize_file_is_refused_without_reading_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    // A sparse 300 MB file: it costs no disk, and reading it would cost 300 MB of memory.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(300 * 1024 * 1024)
        .unwrap();
    let started = std::time::Instant::now();
    let error = read_file(&path).unwrap_err();
    assert_eq!(
        error.to_string(),
        "file is 300.0 MB, larger than the 64 MB limit"
    );
    assert!(
        started.elapsed() < std::time::Duration::from_secs(1),
        "refused before reading"
    );

    let missing = read_file(&dir.path().join("missing.txt")).unwrap_err();
    assert!(
        missing.to_string().starts_with("cannot read file"),
        "{missing}"
    );
}

#[test]
fn collect_files_walks_folders_sorted_skipping_hidden_and_foreign_files() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    for file in [
        "b.txt",
        "a.html",
        "sub/c.pdf",
        "sub/deeper/d.docx",
        "e.jsonl",
        "image.png",
        ".hidden.txt",
        ".git/config.txt",
        "sub/F.TXT",
    ] {
        let path = root.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, "x").unwrap();
    }
    let explicit = root.join("image.png");
    let missing = root.join("missing.txt");
    let files = collect_files(&[root.to_path_buf(), explicit.clone(), missing.clone()]);
    let relative: Vec<String> = files
        .iter()
        .map(|f| {
            f.strip_prefix(root)
                .map(|p| p.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(
        relative,
        [
            "a.html",
            "b.txt",
            "e.jsonl",
            "sub/F.TXT",
            "sub/c.pdf",
            "sub/deeper/d.docx",
            "image.png",
            "missing.txt"
        ],
        "folders sorted and recursive, hidden and unknown files skipped, explicit paths kept"
    );
}
