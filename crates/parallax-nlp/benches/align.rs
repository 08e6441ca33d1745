//! Alignment cost at several corpus sizes: statements generated from the news corpus's gold
//! statements (10 per article), varied deterministically (actors shuffled over a pool, words
//! dropped, synonyms swapped, days spread), so that cost growth with size is visible.
//!
//! `cargo bench -p parallax-nlp --bench align`

use std::sync::OnceLock;

use std::io::Read;

use parallax_nlp::align::{align, align_with, AlignConfig, AlignItem, Bilingual};
use parallax_nlp::Lang;

fn main() {
    divan::main();
}

/// The corpus statements (content, language), or a few built-in ones when `shared/` is not
/// beside the repo.
fn seeds() -> Vec<(String, Lang)> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/corpus/news/gold.json");
    let Ok(text) = std::fs::read_to_string(path) else {
        return [
            (
                "Our support to the NBC will continue in the coming season",
                Lang::En,
            ),
            (
                "the NBC and the old river guard were never similar",
                Lang::En,
            ),
            (
                "لنكن صادقين، بعد إغلاق الجسر في الشتاء الماضي كان الناس خائفين",
                Lang::Ar,
            ),
            ("أهل الوادي يقفون إلى جانب صيادي الساحل", Lang::Ar),
        ]
        .into_iter()
        .map(|(t, l)| (t.to_owned(), l))
        .collect();
    };
    let gold: serde_json::Value = serde_json::from_str(&text).expect("gold.json");
    let mut out = Vec::new();
    for art in gold["articles"].as_array().into_iter().flatten() {
        let lang = art["lang"]
            .as_str()
            .unwrap_or("")
            .parse()
            .unwrap_or_default();
        for st in art["statements"].as_array().into_iter().flatten() {
            out.push((st["content"].as_str().unwrap_or("").to_owned(), lang));
        }
    }
    out
}

/// A small deterministic generator (SplitMix64).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const SYNONYMS: &[(&str, &str)] = &[
    ("will", "would"),
    ("support", "backing"),
    ("continue", "go on"),
    ("said", "stated"),
    ("US", "American"),
    ("قال", "أكد"),
    ("الأميركي", "الأمريكي"),
    ("سوريا", "سورية"),
];

/// `n` statements in `n / 10` articles, over `n / 50` actors.
fn generate(n: usize) -> Vec<AlignItem> {
    let seeds = seeds();
    let actors = (n / 50).max(1);
    let mut rng = Rng(42);
    (0..n)
        .map(|i| {
            let article = i / 10;
            let s = rng.below(seeds.len());
            let (text, lang) = &seeds[s];
            // half the time one of the seed's "home" actors (so each actor repeats its own
            // claims across outlets), else any actor (shuffled speakers); either way about
            // 50 statements per actor at every size
            let homes = (actors / seeds.len()).max(1);
            let actor = if rng.below(2) == 0 {
                rng.below(actors)
            } else {
                (s + seeds.len() * (article % homes)) % actors
            };
            let mut words: Vec<String> = Vec::new();
            for w in text.split_whitespace() {
                let (dropped, swapped) = (rng.below(10) == 0, rng.below(2) == 0);
                if dropped {
                    continue;
                }
                match SYNONYMS.iter().find(|(a, _)| *a == w) {
                    Some((_, b)) if swapped => words.push((*b).to_owned()),
                    _ => words.push(w.to_owned()),
                }
            }
            AlignItem {
                id: i as u64,
                actor: format!("actor-{actor}"),
                article: format!("article-{article}"),
                outlet: format!("outlet-{}", article % 40),
                lang: *lang,
                day: Some((article % 365) as i32),
                text: words.join(" "),
            }
        })
        .collect()
}

fn items(n: usize) -> &'static [AlignItem] {
    static SMALL: OnceLock<Vec<AlignItem>> = OnceLock::new();
    static LARGE: OnceLock<Vec<AlignItem>> = OnceLock::new();
    let cell = if n <= 10_000 { &SMALL } else { &LARGE };
    cell.get_or_init(|| generate(n))
}

#[divan::bench(args = [10_000, 100_000], sample_count = 3, sample_size = 1)]
fn align_statements(bencher: divan::Bencher<'_, '_>, n: usize) {
    let items = items(n);
    let cfg = AlignConfig::default();
    bencher.bench(|| align(divan::black_box(items), &cfg));
}

/// FreeDict's English–Arabic dictionaries where Debian installs them (`make deps` does).
fn dictionary() -> &'static Bilingual {
    static DICT: OnceLock<Bilingual> = OnceLock::new();
    DICT.get_or_init(|| {
        let mut dict = Bilingual::new();
        for prefix in [
            "/usr/share/dictd/freedict-eng-ara",
            "/usr/share/dictd/freedict-ara-eng",
        ] {
            let index = std::fs::read_to_string(format!("{prefix}.index")).unwrap_or_else(|e| {
                panic!(
                    "{prefix}.index: {e} (install dict-freedict-eng-ara and dict-freedict-ara-eng)"
                )
            });
            let file = std::fs::File::open(format!("{prefix}.dict.dz")).expect("the .dict.dz");
            let mut body = String::new();
            flate2::read::MultiGzDecoder::new(file)
                .read_to_string(&mut body)
                .expect("a gzipped dictionary");
            dict.add_dictd(&index, &body);
        }
        dict
    })
}

/// The same, with the FreeDict dictionaries for word-by-word matching across languages
/// (loading them is not timed).
#[divan::bench(args = [10_000, 100_000], sample_count = 3, sample_size = 1)]
fn align_statements_with_dictionary(bencher: divan::Bencher<'_, '_>, n: usize) {
    let items = items(n);
    let dict = dictionary();
    let cfg = AlignConfig::default();
    bencher.bench(|| align_with(divan::black_box(items), &cfg, &[], Some(dict)));
}

/// A wire story republished by `articles` outlets: each article carries the same 20
/// statements of 4 actors, most verbatim, some with a word dropped or swapped (an outlet's
/// edit), all within three days. Every statement of an actor is a near-duplicate of
/// hundreds of others, the case that blocking alone turns quadratic.
fn wire_copies(articles: usize) -> Vec<AlignItem> {
    let seeds = seeds();
    let mut rng = Rng(7);
    let story: Vec<usize> = (0..20).map(|_| rng.below(seeds.len())).collect();
    let mut out = Vec::with_capacity(articles * story.len());
    for article in 0..articles {
        for (k, &s) in story.iter().enumerate() {
            let (text, lang) = &seeds[s];
            let edited = rng.below(4) == 0;
            let mut words: Vec<&str> = Vec::new();
            for w in text.split_whitespace() {
                if edited && rng.below(8) == 0 {
                    continue;
                }
                match SYNONYMS.iter().find(|(a, _)| *a == w) {
                    Some((_, b)) if edited && rng.below(2) == 0 => words.push(b),
                    _ => words.push(w),
                }
            }
            out.push(AlignItem {
                id: out.len() as u64,
                actor: format!("actor-{}", k % 4),
                article: format!("article-{article}"),
                outlet: format!("outlet-{article}"),
                lang: *lang,
                day: Some((article % 3) as i32),
                text: words.join(" "),
            });
        }
    }
    out
}

/// 2,000 copies of one wire story (40,000 statements).
#[divan::bench(sample_count = 3, sample_size = 1)]
fn align_wire_copies(bencher: divan::Bencher<'_, '_>) {
    static WIRE: OnceLock<Vec<AlignItem>> = OnceLock::new();
    let items = WIRE.get_or_init(|| wire_copies(2_000));
    let cfg = AlignConfig::default();
    bencher.bench(|| align(divan::black_box(items), &cfg));
}

/// Claims as evidence for joining actors (`shared_claims`) at its largest size: 5,000
/// statements (the `EvidenceConfig::max_statements` limit) of 100 actors, with random unit
/// vectors of the encoder's width (few pairs pass the vector bound, as in a real project
/// where most pairs are different claims) and the shipped pair model.
#[divan::bench(sample_count = 3, sample_size = 1)]
fn shared_claims_5000(bencher: divan::Bencher<'_, '_>) {
    use parallax_nlp::align::{shared_claims, EvidenceConfig, PairModel, Semantic};
    let items = &items(10_000)[..5_000];
    let mut rng = Rng(11);
    let vectors: Vec<Option<Vec<f32>>> = items
        .iter()
        .map(|_| {
            let v: Vec<f32> = (0..parallax_nlp::embed::DIM)
                .map(|_| (rng.below(2001) as f32 - 1000.0) / 1000.0)
                .collect();
            let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt();
            Some(v.into_iter().map(|x| x / norm).collect())
        })
        .collect();
    let semantic = Semantic {
        vectors: &vectors,
        model: PairModel::shipped(),
    };
    let cfg = EvidenceConfig::default();
    let joinable = |_: &str, _: &str| true;
    bencher.bench(|| {
        shared_claims(
            divan::black_box(items),
            Some(dictionary()),
            &semantic,
            &cfg,
            &joinable,
        )
    });
}
