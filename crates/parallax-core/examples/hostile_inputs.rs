//! The worst inputs for each importer that issue 14 lists, generated, each parsed once: prints
//! how long it took to import or refuse, why, and the process's peak memory so far.
//!
//! `cargo run --release -p parallax-core --example hostile_inputs [NAME]` (NAME runs only the
//! cases whose name contains it, so that each case's peak memory can be read alone). Times
//! are printed, not asserted: they depend on the machine and its load.

use std::io::Write;
use std::time::Instant;

use parallax_core::import::parse_bytes;

/// A case: its name, the file name it is imported as, and what makes its bytes.
type Case<'a> = (&'a str, &'a str, Box<dyn Fn() -> Vec<u8>>);

fn main() {
    let only = std::env::args().nth(1).unwrap_or_default();
    let cases: Vec<Case<'_>> = vec![
        (
            "html: 100,000 nested divs",
            "a.html",
            Box::new(|| nested_html("<div>", 100_000)),
        ),
        (
            "html: 20,000 nested inline elements",
            "a.html",
            Box::new(|| nested_html("<b>", 20_000)),
        ),
        (
            "html: 5,000 nested tables",
            "a.html",
            Box::new(|| nested_html("<table><tr><td>", 5_000)),
        ),
        (
            "html: 500 nested blockquotes of text, repeated to 32 MB",
            "a.html",
            Box::new(deep_but_allowed_html),
        ),
        (
            "html: 60 MB of paragraphs",
            "a.html",
            Box::new(|| {
                let p =
                    "<p>The mayor said the bridge would reopen in spring, and crews agreed.</p>\n";
                format!(
                    "<html><body>{}</body></html>",
                    p.repeat(60 * 1024 * 1024 / p.len())
                )
                .into_bytes()
            }),
        ),
        (
            "pdf: 1,000 nested arrays",
            "a.pdf",
            Box::new(|| pdf(&[[b"[".repeat(1000), b"]".repeat(1000)].concat()])),
        ),
        (
            "pdf: 1 GB of zeros in one Flate stream",
            "a.pdf",
            Box::new(|| pdf(&[b"<< >>".to_vec(), flate(1024)])),
        ),
        (
            "pdf: 40 streams of 60 MB zeros each",
            "a.pdf",
            Box::new(|| {
                let mut objects = vec![b"<< >>".to_vec()];
                objects.extend((0..40).map(|_| flate(60)));
                pdf(&objects)
            }),
        ),
        ("docx: 1 GB document.xml", "a.docx", Box::new(docx_bomb)),
        (
            "json: 30 MB of nested arrays",
            "a.json",
            Box::new(|| [b"[".repeat(15 << 20), b"]".repeat(15 << 20)].concat()),
        ),
        (
            "json: 60 MB batch of 200,000 articles",
            "a.jsonl",
            Box::new(|| {
                let line = "{\"text\": \"The mayor said the bridge would reopen in spring, and crews agreed to start on Monday with two lanes.\", \"title\": \"Bridge\"}\n";
                line.repeat(200_000).into_bytes()
            }),
        ),
        (
            "text: 64 MB of UTF-8 with one stray byte at the end",
            "a.txt",
            Box::new(|| {
                let mut bytes = "قال الوزير إن الجسر سيفتح في الربيع.\n"
                    .repeat(64 * 1024 * 1024 / 70)
                    .into_bytes();
                bytes.push(0xA0);
                bytes
            }),
        ),
        (
            "text: 64 MB of one line without spaces",
            "a.txt",
            Box::new(|| b"x".repeat(64 * 1024 * 1024 - 1)),
        ),
    ];
    for (name, file_name, make) in cases {
        if !name.contains(&only) {
            continue;
        }
        let bytes = make();
        let started = Instant::now();
        let result = parse_bytes(file_name, &bytes);
        let elapsed = started.elapsed();
        let outcome = match result {
            Ok(articles) => format!("imported: {} article(s)", articles.len()),
            Err(e) => format!("refused: {e}"),
        };
        println!(
            "{name} ({:.1} MB): {:.2} s, peak memory {} MB, {outcome}",
            bytes.len() as f64 / 1_048_576.0,
            elapsed.as_secs_f64(),
            peak_memory_mb()
        );
    }
}

fn nested_html(open: &str, n: usize) -> Vec<u8> {
    format!(
        "<html><body>{}The words of an article, nested.</body></html>",
        open.repeat(n)
    )
    .into_bytes()
}

fn deep_but_allowed_html() -> Vec<u8> {
    let one = format!(
        "{}{}",
        "<blockquote>The mayor said the bridge would reopen in spring.".repeat(500),
        "</blockquote>".repeat(500)
    );
    format!(
        "<html><body>{}</body></html>",
        one.repeat(32 * 1024 * 1024 / one.len())
    )
    .into_bytes()
}

fn pdf(objects: &[Vec<u8>]) -> Vec<u8> {
    let mut pdf = b"%PDF-1.7\n".to_vec();
    for (i, object) in objects.iter().enumerate() {
        pdf.extend(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend(object);
        pdf.extend(b"\nendobj\n");
    }
    pdf.extend(b"trailer\n<< /Root 1 0 R >>\n%%EOF\n");
    pdf
}

/// A Flate stream object of `mb` megabytes of zeros.
fn flate(mb: usize) -> Vec<u8> {
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    let zeros = vec![0u8; 1024 * 1024];
    for _ in 0..mb {
        encoder.write_all(&zeros).unwrap();
    }
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

fn docx_bomb() -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file("word/document.xml", options).unwrap();
    let spaces = vec![b' '; 1024 * 1024];
    for _ in 0..1024 {
        zip.write_all(&spaces).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// The process's peak resident memory (Linux), in MB; 0 where unknown.
fn peak_memory_mb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<u64>().ok())
        })
        .map_or(0, |kb| kb / 1024)
}
