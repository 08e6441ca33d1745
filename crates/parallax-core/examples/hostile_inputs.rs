//! The worst inputs for each importer that issue 14 lists, generated, each parsed once in a
//! process of its own: prints how long it took to import or refuse, why, and the peak
//! memory of that process while it parsed (the file's bytes included, as an import holds
//! them), or how the process died. The CPU time beside the time is the process's own (user
//! and system), which other work on the machine does not inflate.
//!
//! `cargo run --release -p parallax-core --example hostile_inputs [NAME]` (NAME runs only the
//! cases whose name contains it). Times are printed, not asserted: they depend on the
//! machine and its load.

use std::io::Write;
use std::process::Command;
use std::time::Instant;

use parallax_core::import::parse_bytes;

/// A case: its name, the file name it is imported as, and what makes its bytes.
type Case<'a> = (&'a str, &'a str, Box<dyn Fn() -> Vec<u8>>);

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let cases = cases();
    if let [_, flag, index] = args.as_slice() {
        if flag == "--case" {
            let (name, file_name, make) = &cases[index.parse::<usize>().expect("a case number")];
            run_case(name, file_name, make);
            return;
        }
    }
    let only = args.get(1).cloned().unwrap_or_default();
    let this = std::env::current_exe().expect("the example's own path");
    for (index, (name, ..)) in cases.iter().enumerate() {
        if !name.contains(only.as_str()) {
            continue;
        }
        let started = Instant::now();
        let out = Command::new(&this)
            .args(["--case", &index.to_string()])
            .output()
            .expect("the example runs itself");
        if out.status.success() {
            print!("{}", String::from_utf8_lossy(&out.stdout));
        } else {
            let stderr = String::from_utf8_lossy(&out.stderr);
            println!(
                "{name}: the process died after {:.1} s ({}): {}",
                started.elapsed().as_secs_f64(),
                out.status,
                stderr.lines().last().unwrap_or_default()
            );
        }
    }
}

/// Makes the case's bytes, then parses them with the peak memory counted from there.
fn run_case(name: &str, file_name: &str, make: &dyn Fn() -> Vec<u8>) {
    let bytes = make();
    // What making the input took is not the importer's: count the peak from here (Linux).
    let _ = std::fs::write("/proc/self/clear_refs", "5");
    let started = Instant::now();
    let cpu_before = cpu_seconds();
    let result = parse_bytes(file_name, &bytes);
    let elapsed = started.elapsed();
    let cpu = cpu_seconds() - cpu_before;
    let outcome = match result {
        Ok(articles) => format!("imported: {} article(s)", articles.len()),
        Err(e) => format!("refused: {e}"),
    };
    println!(
        "{name} ({:.1} MB): {:.2} s ({cpu:.2} s of CPU), peak memory {} MB, {outcome}",
        bytes.len() as f64 / 1_048_576.0,
        elapsed.as_secs_f64(),
        peak_memory_mb()
    );
}

fn cases() -> Vec<Case<'static>> {
    vec![
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
        (
            "pdf: one page of 60 MB of `q` (save the graphics state)",
            "a.pdf",
            Box::new(|| pdf_page_content(1, &b"q\n".repeat(30 << 20))),
        ),
        (
            "pdf: one page of 60 MB of path operators",
            "a.pdf",
            Box::new(|| pdf_page_content(1, &b"0 0 m\n".repeat(10 << 20))),
        ),
        (
            "pdf: one page of 2.9 million operators and operands (under the bound)",
            "a.pdf",
            Box::new(|| pdf_page_content(1, &b"0 0 m\n".repeat(2_900_000 / 3))),
        ),
        (
            "pdf: 4 pages of 60 MB of matrix operators each",
            "a.pdf",
            Box::new(|| pdf_page_content(4, &b"1 0 0 1 0 0 cm\n".repeat(4 << 20))),
        ),
        (
            "pdf: 60 million characters shown by one operator",
            "a.pdf",
            Box::new(|| {
                let text = [
                    b"BT /F1 1 Tf (".as_slice(),
                    &b"x".repeat(60 << 20),
                    b") Tj ET",
                ]
                .concat();
                pdf_page_content(1, &text)
            }),
        ),
        (
            "pdf: strings of a million characters shown until the 4 million bound",
            "a.pdf",
            Box::new(|| {
                let text = [
                    b"BT /F1 1 Tf (".as_slice(),
                    &b"x".repeat(1_000_000),
                    b") Tj ET\n",
                ]
                .concat();
                pdf_page_content(1, &text.repeat(5))
            }),
        ),
        (
            "pdf: a 60 MB string that is not shown",
            "a.pdf",
            Box::new(|| {
                let text = [b"(".as_slice(), &b"x".repeat(60 << 20), b") pop"].concat();
                pdf_page_content(1, &text)
            }),
        ),
        (
            "pdf: 3.9 million characters (under the bound)",
            "a.pdf",
            Box::new(|| {
                let line = [
                    b"BT /F1 1 Tf 0 -2 Td (".as_slice(),
                    &b"word ".repeat(20),
                    b") Tj ET\n",
                ]
                .concat();
                pdf_page_content(1, &line.repeat(3_900_000 / 100))
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
    ]
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

/// A PDF of `pages` pages that all draw one Flate-compressed content stream (`content`),
/// with Helvetica as the font `F1`.
fn pdf_page_content(pages: usize, content: &[u8]) -> Vec<u8> {
    use lopdf::{dictionary, Document, Object, Stream};
    let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    encoder.write_all(content).unwrap();
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let contents = doc.add_object(Stream::new(
        dictionary! { "Filter" => "FlateDecode" },
        encoder.finish().unwrap(),
    ));
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
    let kids: Vec<Object> = (0..pages)
        .map(|_| {
            doc.add_object(dictionary! {
                "Type" => "Page", "Parent" => pages_id, "Contents" => contents,
                "Resources" => resources,
                "MediaBox" => vec![0.into(), 0.into(), 612.into(), 792.into()],
            })
            .into()
        })
        .collect();
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => pages as i64 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
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

/// The process's user and system time so far (Linux), in seconds; 0 where unknown.
fn cpu_seconds() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // the fields after the command name, which is in parentheses and may hold spaces
    let fields: Vec<&str> = stat
        .rsplit_once(')')
        .map_or("", |(_, rest)| rest)
        .split_whitespace()
        .collect();
    // utime and stime are fields 14 and 15 of the line, in ticks of 1/100 s
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    (ticks(11) + ticks(12)) / 100.0
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
