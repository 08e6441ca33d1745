//! Actor resolution cost at several project sizes: the actors of generated articles (invented
//! names in both scripts, some people named in many articles, surnames alone, organisations
//! with short forms, descriptions and unnamed sources), resolved into the project registry.
//!
//! `cargo bench -p parallax-nlp --bench actors`

use parallax_nlp::actors::{resolve, ActorMention, MentionId};
use parallax_nlp::extract::ActorKind;

fn main() {
    divan::main();
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
    /// Skewed towards small indexes: a few people are named in many articles.
    fn skewed(&mut self, n: usize) -> usize {
        let x = self.below(n);
        x * self.below(n) / n
    }
}

/// Syllables written in both scripts.
const SYLLABLES: &[(&str, &str)] = &[
    ("ka", "كا"),
    ("ri", "ري"),
    ("mo", "مو"),
    ("sa", "سا"),
    ("lu", "لو"),
    ("den", "دن"),
    ("tar", "تار"),
    ("nel", "نيل"),
    ("bu", "بو"),
    ("fi", "في"),
    ("gor", "غور"),
    ("han", "هان"),
    ("zi", "زي"),
    ("wel", "ويل"),
    ("mer", "مير"),
    ("ko", "كو"),
];

/// A word of `n` syllables, in Latin script (capitalised) and in Arabic script.
fn word(rng: &mut Rng, n: usize) -> (String, String) {
    let (mut latin, mut arabic) = (String::new(), String::new());
    for _ in 0..n {
        let (l, a) = SYLLABLES[rng.below(SYLLABLES.len())];
        latin.push_str(l);
        arabic.push_str(a);
    }
    let mut chars = latin.chars();
    let first = chars.next().map(|c| c.to_ascii_uppercase()).unwrap_or('X');
    (std::iter::once(first).chain(chars).collect(), arabic)
}

struct Person {
    given: (String, String),
    surname: (String, String),
}

fn mention(article: &str, name: &str, kind: ActorKind) -> ActorMention {
    ActorMention {
        id: MentionId::new(article, name),
        article: article.to_owned(),
        name: name.to_owned(),
        kind,
        titles: vec![],
        roles: vec![],
        aliases: vec![],
    }
}

/// The actor mentions of `articles` generated articles: about six per article.
fn project(articles: usize) -> Vec<ActorMention> {
    let mut rng = Rng(7);
    let people: Vec<Person> = (0..articles / 5 + 10)
        .map(|_| Person {
            given: word(&mut rng, 2),
            surname: word(&mut rng, 3),
        })
        .collect();
    let orgs: Vec<(String, String)> = (0..articles / 20 + 5).map(|_| word(&mut rng, 3)).collect();
    let mut out = Vec::with_capacity(articles * 6);
    for a in 0..articles {
        let article = format!("a{a}");
        let arabic = rng.below(2) == 0;
        for _ in 0..3 {
            let p = &people[rng.skewed(people.len())];
            let (given, surname) = if arabic {
                (&p.given.1, &p.surname.1)
            } else {
                (&p.given.0, &p.surname.0)
            };
            let mut m = mention(&article, &format!("{given} {surname}"), ActorKind::Person);
            m.aliases.push(surname.clone());
            out.push(m);
            if rng.below(3) == 0 {
                out.push(mention(&article, surname, ActorKind::Person));
            }
        }
        let (latin, ar) = &orgs[rng.skewed(orgs.len())];
        if arabic {
            out.push(mention(
                &article,
                &format!("اتحاد {ar}"),
                ActorKind::Organisation,
            ));
            out.push(mention(&article, "الاتحاد", ActorKind::Organisation));
            out.push(mention(&article, "الجنرال الكندي", ActorKind::Organisation));
        } else {
            out.push(mention(
                &article,
                &format!("{latin} Union"),
                ActorKind::Organisation,
            ));
            out.push(mention(&article, "the union", ActorKind::Organisation));
            out.push(mention(&article, "the union's chief", ActorKind::Person));
        }
        out.push(mention(&article, "officials", ActorKind::Unnamed));
    }
    out
}

#[divan::bench(args = [1_000, 10_000], sample_count = 5)]
fn resolve_project(bencher: divan::Bencher<'_, '_>, articles: usize) {
    let mentions = project(articles);
    bencher.bench(|| resolve(divan::black_box(&mentions), &[]).len());
}
