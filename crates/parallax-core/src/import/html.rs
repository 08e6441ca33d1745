//! Saved web pages: the article's main text, readability-style, and its metadata.
//!
//! Metadata comes from, in order of trust: OpenGraph and `article:` properties, the JSON-LD
//! `NewsArticle` (or `Article`, `BlogPosting`, ...), other `<meta>` names, and `<title>`.
//!
//! The text: page furniture is dropped (scripts, styles, navigation, headers, footers, asides,
//! form controls, and elements whose class, id or role says menu, share, comments, related,
//! "read also", advertising...), then every paragraph scores its parent by its length (less
//! its links) and its grandparent by half that, and the best-scoring element, with siblings
//! scoring close to it, is the article. Its blocks become lines of plain text; lines that
//! are "read also" teasers or mostly links are dropped. A page with no such paragraphs falls
//! back to the JSON-LD `articleBody`, then to all the page's remaining text.
//!
//! Nothing in the page is executed or fetched: this only reads the markup.

use std::collections::HashMap;
use std::sync::LazyLock;

use parallax_nlp::text::fold_for_match;
use parallax_nlp::Lang;
use scraper::{ElementRef, Html, Node, Selector};
use serde_json::Value;

use super::metadata::parse_date;
use super::{finish, Format, ImportError, ParsedArticle};

/// Paragraphs shorter than this (in characters) do not vote for a container.
const MIN_PARAGRAPH_CHARS: usize = 25;

/// A paragraph (`p`, `pre`, `blockquote`) inside more than this many others does not vote
/// on its own; its text still counts in theirs. Scoring a paragraph walks all it holds, so
/// quotations nested hundreds deep cost depth × size (a 32 MB page of blockquotes nested
/// 500 deep took three minutes); articles quote within a quote two or three deep at most.
const MAX_VOTING_PARAGRAPH_DEPTH: usize = 4;

/// Elements that are never article text.
const DROPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "button",
    "iframe", "svg", "select", "input", "textarea", "object", "embed", "canvas", "menu", "dialog",
    "head", "title", "meta", "link", "label", "option",
];

/// ARIA roles of page furniture.
const DROPPED_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "menu",
    "menubar",
    "search",
    "dialog",
    "alert",
    "toolbar",
];

/// Class or id words that always mark furniture.
const JUNK_WORDS: &[&str] = &[
    "share",
    "sharing",
    "social",
    "socials",
    "comment",
    "comments",
    "disqus",
    "related",
    "readmore",
    "readalso",
    "newsletter",
    "subscribe",
    "subscription",
    "advert",
    "advertisement",
    "adsense",
    "outbrain",
    "taboola",
    "cookie",
    "cookies",
    "consent",
    "breadcrumb",
    "breadcrumbs",
    "sponsored",
    "promo",
    "popup",
    "modal",
    "hidden",
];

/// Class or id words that mark furniture unless the element also says it is content.
const WEAK_JUNK_WORDS: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "footer",
    "header",
    "sidebar",
    "banner",
    "widget",
    "tags",
    "popular",
    "trending",
    "most",
    "ad",
    "ads",
    "toolbar",
    "pagination",
    "pager",
    "masthead",
    "byline",
    "author",
    "meta",
    "date",
    "caption",
];

/// Class or id words that say "this is the content".
const CONTENT_WORDS: &[&str] = &[
    "article", "body", "content", "main", "story", "post", "entry", "text", "news",
];

/// Lines starting with these (compared folded) are teasers for other articles or page
/// furniture, not part of the article.
const TEASER_PREFIXES: &[&str] = &[
    "read also",
    "read more",
    "also read",
    "see also",
    "related:",
    "related articles",
    "related news",
    "related stories",
    "more on this",
    "share this",
    "follow us",
    "advertisement",
    "اقرأ أيضاً",
    "إقرأ أيضاً",
    "اقرأ كذلك",
    "اقرأ المزيد",
    "شاهد أيضاً",
    "للمزيد",
    "مواضيع ذات صلة",
    "أخبار ذات صلة",
    "تابعونا",
    "شارك",
];

static TEASERS_FOLDED: LazyLock<Vec<String>> =
    LazyLock::new(|| TEASER_PREFIXES.iter().map(|p| fold_for_match(p)).collect());

macro_rules! selector {
    ($css:literal) => {{
        static SELECTOR: LazyLock<Selector> =
            LazyLock::new(|| Selector::parse($css).expect("a valid CSS selector"));
        &*SELECTOR
    }};
}

/// The deepest nesting of elements a page may have; deeper pages are refused before they
/// are parsed. The HTML parser's cost grows with depth × elements (a 1 MB page of nested
/// `<div>`s took minutes) and the text walk recurses per level. Browsers stop nesting at 512
/// (Chromium); real articles stay below 100.
const MAX_NESTING: usize = 512;

pub(super) fn parse(decoded: &str) -> Result<ParsedArticle, ImportError> {
    let depth = nesting_depth(decoded, MAX_NESTING);
    if depth > MAX_NESTING {
        return Err(ImportError::Limit(format!(
            "elements nested more than {MAX_NESTING} deep (a page built to hang readers?)"
        )));
    }
    let document = Html::parse_document(decoded);
    let meta = PageMetadata::read(&document);
    let body = main_text(&document)
        .or_else(|| meta.article_body.clone())
        .or_else(|| {
            let mut blocks = Blocks::default();
            blocks.walk(document.root_element());
            blocks.finish()
        })
        .ok_or(ImportError::NoText)?;
    let article = ParsedArticle {
        title: meta.title,
        outlet: meta.outlet,
        author: meta.author,
        published_at: meta.published_at,
        url: meta.url,
        lang: Lang::Other,
        text: body,
        format: Format::Html,
    };
    finish(article, meta.lang)
}

/// What a page says about itself.
#[derive(Default)]
struct PageMetadata {
    title: Option<String>,
    outlet: Option<String>,
    author: Option<String>,
    published_at: Option<chrono::NaiveDate>,
    url: Option<String>,
    lang: Option<Lang>,
    article_body: Option<String>,
}

impl PageMetadata {
    fn read(document: &Html) -> Self {
        // <meta property|name|itemprop=... content=...>, first occurrence wins.
        let mut metas: HashMap<String, String> = HashMap::new();
        for element in document.select(selector!("meta[content]")) {
            let key = ["property", "name", "itemprop"]
                .iter()
                .find_map(|a| element.attr(a));
            if let (Some(key), Some(content)) = (key, element.attr("content")) {
                if !content.trim().is_empty() {
                    metas
                        .entry(key.to_ascii_lowercase())
                        .or_insert_with(|| content.trim().to_string());
                }
            }
        }
        let meta = |keys: &[&str]| keys.iter().find_map(|k| metas.get(*k).cloned());
        let ld = JsonLdArticle::find(document);

        let outlet = meta(&["og:site_name"])
            .or_else(|| ld.publisher.clone())
            .or_else(|| {
                meta(&["application-name", "twitter:site"])
                    .map(|s| s.trim_start_matches('@').to_string())
            });
        let page_title = document
            .select(selector!("title"))
            .next()
            .map(|t| t.text().collect::<String>())
            .map(|t| strip_site_suffix(&t, outlet.as_deref()));
        let first_h1 = document
            .select(selector!("h1"))
            .next()
            .map(|h| h.text().collect::<String>());
        let title = meta(&["og:title"])
            .or_else(|| ld.headline.clone())
            .or_else(|| meta(&["twitter:title", "headline", "dc.title"]))
            .or(first_h1)
            .or(page_title)
            .map(|t| strip_site_suffix(&t, outlet.as_deref()));
        let author = meta(&[
            "author",
            "article:author",
            "dc.creator",
            "byl",
            "parsely-author",
        ])
        .filter(|a| !a.starts_with("http"))
        .or_else(|| ld.author.clone())
        .map(|a| {
            a.trim_start_matches("By ")
                .trim_start_matches("by ")
                .to_string()
        });
        let published_at = meta(&["article:published_time", "og:published_time"])
            .or_else(|| ld.date_published.clone())
            .or_else(|| {
                meta(&[
                    "datepublished",
                    "pubdate",
                    "publishdate",
                    "publish-date",
                    "date",
                    "dc.date.issued",
                    "dc.date",
                    "sailthru.date",
                    "parsely-pub-date",
                ])
            })
            .or_else(|| {
                document
                    .select(selector!("time[datetime]"))
                    .next()
                    .and_then(|t| t.attr("datetime"))
                    .map(str::to_string)
            })
            .as_deref()
            .and_then(parse_date);
        let url = document
            .select(selector!("link[rel=canonical][href]"))
            .next()
            .and_then(|l| l.attr("href"))
            .map(str::to_string)
            .or_else(|| meta(&["og:url"]))
            .or_else(|| ld.url.clone())
            .filter(|u| u.starts_with("http://") || u.starts_with("https://"));
        let lang = document
            .root_element()
            .attr("lang")
            .map(str::to_string)
            .or_else(|| meta(&["og:locale", "language", "content-language"]))
            .or_else(|| ld.in_language.clone())
            .and_then(|code| {
                code.split(['-', '_'])
                    .next()
                    .and_then(|c| c.parse::<Lang>().ok())
            });
        PageMetadata {
            title,
            outlet,
            author,
            published_at,
            url,
            lang,
            article_body: ld.article_body,
        }
    }
}

/// Drops a trailing " - Outlet" or " | Outlet" from a page title.
fn strip_site_suffix(title: &str, outlet: Option<&str>) -> String {
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(outlet) = outlet {
        for sep in [" | ", " - ", " – ", " — ", " :: ", " « "] {
            if let Some(stripped) = title.strip_suffix(outlet).and_then(|t| t.strip_suffix(sep)) {
                if !stripped.trim().is_empty() {
                    return stripped.trim().to_string();
                }
            }
        }
    }
    title
}

/// The fields of a JSON-LD article object that Parallax uses.
#[derive(Default)]
struct JsonLdArticle {
    headline: Option<String>,
    author: Option<String>,
    date_published: Option<String>,
    publisher: Option<String>,
    url: Option<String>,
    in_language: Option<String>,
    article_body: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "ReportageNews",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "BlogPosting",
    "Report",
    "ScholarlyArticle",
];

impl JsonLdArticle {
    fn find(document: &Html) -> Self {
        for script in document.select(selector!(r#"script[type="application/ld+json"]"#)) {
            let raw: String = script.text().collect();
            let raw = raw
                .trim()
                .trim_start_matches("<![CDATA[")
                .trim_end_matches("]]>");
            let Ok(value) = serde_json::from_str::<Value>(raw) else {
                continue;
            };
            if let Some(article) = find_article_object(&value) {
                return Self::from_object(article);
            }
        }
        Self::default()
    }

    fn from_object(object: &Value) -> Self {
        let string = |key: &str| object.get(key).and_then(name_of);
        JsonLdArticle {
            headline: string("headline").or_else(|| string("name")),
            author: object.get("author").and_then(|a| match a {
                Value::Array(authors) => {
                    let names: Vec<String> = authors.iter().filter_map(name_of).collect();
                    (!names.is_empty()).then(|| names.join(", "))
                }
                other => name_of(other),
            }),
            date_published: string("datePublished").or_else(|| string("dateCreated")),
            publisher: string("publisher").or_else(|| string("sourceOrganization")),
            url: string("url").or_else(|| {
                object.get("mainEntityOfPage").and_then(|m| match m {
                    Value::Object(page) => {
                        page.get("@id").and_then(Value::as_str).map(str::to_string)
                    }
                    other => name_of(other),
                })
            }),
            in_language: string("inLanguage"),
            article_body: string("articleBody")
                .map(|body| body.replace("\r\n", "\n"))
                .filter(|body| !body.trim().is_empty()),
        }
    }
}

/// A string value, or the `name` of an object (`{"@type": "Person", "name": "..."}`).
fn name_of(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        Value::Object(object) => object.get("name").and_then(name_of),
        _ => None,
    }
}

/// The first object of an article type in a JSON-LD value (arrays and `@graph` searched).
fn find_article_object(value: &Value) -> Option<&Value> {
    match value {
        Value::Array(items) => items.iter().find_map(find_article_object),
        Value::Object(object) => {
            let is_article = match object.get("@type") {
                Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.as_str()),
                Some(Value::Array(types)) => types
                    .iter()
                    .filter_map(Value::as_str)
                    .any(|t| ARTICLE_TYPES.contains(&t)),
                _ => false,
            };
            if is_article {
                Some(value)
            } else {
                object.get("@graph").and_then(find_article_object)
            }
        }
        _ => None,
    }
}

/// Whether an element is page furniture rather than content.
fn is_furniture(element: &ElementRef<'_>) -> bool {
    let el = element.value();
    let tag = el.name();
    if DROPPED_TAGS.contains(&tag) {
        return true;
    }
    if el.attr("hidden").is_some() || el.attr("aria-hidden") == Some("true") {
        return true;
    }
    if el
        .attr("role")
        .is_some_and(|role| DROPPED_ROLES.contains(&role.trim().to_ascii_lowercase().as_str()))
    {
        return true;
    }
    if matches!(tag, "html" | "body" | "main" | "article") {
        return false;
    }
    let names = format!(
        "{} {}",
        el.attr("class").unwrap_or(""),
        el.attr("id").unwrap_or("")
    );
    if names.trim().is_empty() {
        return false;
    }
    let names = names.to_ascii_lowercase();
    let words: Vec<&str> = names
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let joined_pairs = words
        .windows(2)
        .map(|pair| format!("{}{}", pair[0], pair[1]));
    if words.iter().any(|w| JUNK_WORDS.contains(w))
        || joined_pairs
            .into_iter()
            .any(|p| JUNK_WORDS.contains(&p.as_str()))
    {
        return true;
    }
    words.iter().any(|w| WEAK_JUNK_WORDS.contains(w))
        && !words.iter().any(|w| CONTENT_WORDS.contains(w))
}

/// The text of the densest block of paragraphs, or `None` when the page has no paragraphs.
fn main_text(document: &Html) -> Option<String> {
    let mut scores = HashMap::new();
    let mut elements = HashMap::new();
    let mut furniture = HashMap::new();
    let mut paragraph_depths = HashMap::new();
    for paragraph in document.select(selector!("p, pre, blockquote")) {
        if inside_furniture(paragraph, &mut furniture)
            || paragraphs_around(paragraph, &mut paragraph_depths) > MAX_VOTING_PARAGRAPH_DEPTH
        {
            continue;
        }
        let mut blocks = Blocks::default();
        blocks.walk(paragraph);
        let Some(text) = blocks.finish() else {
            continue;
        };
        let length = text.chars().count();
        if length < MIN_PARAGRAPH_CHARS {
            continue;
        }
        let links: usize = paragraph
            .select(selector!("a"))
            .map(|a| {
                a.text()
                    .map(|t| t.chars().filter(|c| !c.is_whitespace()).count())
                    .sum::<usize>()
            })
            .sum();
        let letters = text.chars().filter(|c| !c.is_whitespace()).count().max(1);
        let score = length as f64 * (1.0 - (links as f64 / letters as f64).min(1.0));
        let mut ancestors = paragraph.ancestors().filter_map(ElementRef::wrap);
        for weight in [1.0, 0.5] {
            let Some(ancestor) = ancestors.next() else {
                break;
            };
            *scores.entry(ancestor.id()).or_insert(0.0) += score * weight;
            elements.insert(ancestor.id(), ancestor);
        }
    }
    let (&best_id, &best_score) = scores.iter().max_by(|a, b| a.1.total_cmp(b.1))?;
    let best = elements[&best_id];

    // Content is sometimes split over sibling containers (an advert between two halves):
    // keep siblings that score close to the best one, in document order.
    let mut blocks = Blocks::default();
    match best.parent().and_then(ElementRef::wrap) {
        Some(parent) => {
            for sibling in parent.child_elements() {
                let score = scores.get(&sibling.id()).copied().unwrap_or(0.0);
                if sibling.id() == best_id || score >= best_score * 0.3 {
                    blocks.walk(sibling);
                }
            }
        }
        None => blocks.walk(best),
    }
    blocks.finish()
}

/// Whether an element or one of its ancestors is furniture, remembered per element so that
/// many paragraphs in one deep container cost one walk up, not one each.
fn inside_furniture(element: ElementRef<'_>, known: &mut HashMap<ego_tree::NodeId, bool>) -> bool {
    if let Some(&answer) = known.get(&element.id()) {
        return answer;
    }
    let answer = is_furniture(&element)
        || element
            .parent()
            .and_then(ElementRef::wrap)
            .is_some_and(|parent| inside_furniture(parent, known));
    known.insert(element.id(), answer);
    answer
}

/// How many paragraphs (`p`, `pre`, `blockquote`) an element is inside, remembered per
/// element so that the walk up is made once per level.
fn paragraphs_around(
    element: ElementRef<'_>,
    known: &mut HashMap<ego_tree::NodeId, usize>,
) -> usize {
    if let Some(&depth) = known.get(&element.id()) {
        return depth;
    }
    let depth = element
        .parent()
        .and_then(ElementRef::wrap)
        .map_or(0, |parent| {
            let parent_is_paragraph = matches!(parent.value().name(), "p" | "pre" | "blockquote");
            paragraphs_around(parent, known) + usize::from(parent_is_paragraph)
        });
    known.insert(element.id(), depth);
    depth
}

/// Block-level elements: each starts a new line of output.
fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "p" | "div"
            | "section"
            | "article"
            | "main"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "blockquote"
            | "pre"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "figure"
            | "figcaption"
            | "hr"
            | "address"
            | "body"
            | "center"
    )
}

/// Plain-text lines collected from a subtree, with whitespace collapsed as a browser would.
#[derive(Default)]
struct Blocks {
    lines: Vec<String>,
    current: String,
    current_link_chars: usize,
    link_depth: usize,
    pre_depth: usize,
}

impl Blocks {
    fn walk(&mut self, element: ElementRef<'_>) {
        if is_furniture(&element) {
            return;
        }
        let tag = element.value().name();
        if tag == "br" {
            self.end_line();
            return;
        }
        let block = is_block(tag);
        if block {
            self.end_line();
        }
        let is_link = tag == "a";
        let is_pre = tag == "pre";
        self.link_depth += usize::from(is_link);
        self.pre_depth += usize::from(is_pre);
        for child in element.children() {
            match child.value() {
                Node::Text(text) => self.push_text(text),
                Node::Element(_) => {
                    if let Some(child) = ElementRef::wrap(child) {
                        self.walk(child);
                    }
                }
                _ => {}
            }
        }
        self.link_depth -= usize::from(is_link);
        self.pre_depth -= usize::from(is_pre);
        if block {
            self.end_line();
        }
    }

    fn push_text(&mut self, text: &str) {
        if self.pre_depth > 0 {
            for (i, line) in text.split('\n').enumerate() {
                if i > 0 {
                    self.end_line();
                }
                self.push_words(line, false);
            }
        } else {
            self.push_words(text, true);
        }
    }

    fn push_words(&mut self, text: &str, collapse: bool) {
        let starts_with_space = text.starts_with(|c: char| c.is_ascii_whitespace());
        let ends_with_space = text.ends_with(|c: char| c.is_ascii_whitespace());
        let mut added = 0usize;
        if collapse {
            if starts_with_space && !self.current.is_empty() && !self.current.ends_with(' ') {
                self.current.push(' ');
            }
            for (i, word) in text.split_ascii_whitespace().enumerate() {
                if i > 0 {
                    self.current.push(' ');
                }
                self.current.push_str(word);
                added += word.chars().count();
            }
            if ends_with_space && added > 0 {
                self.current.push(' ');
            }
        } else {
            self.current.push_str(text);
            added = text.chars().filter(|c| !c.is_whitespace()).count();
        }
        if self.link_depth > 0 {
            self.current_link_chars += added;
        }
    }

    /// Ends the current line, dropping it when it is a teaser or a run of links.
    fn end_line(&mut self) {
        let line = std::mem::take(&mut self.current);
        let link_chars = std::mem::take(&mut self.current_link_chars);
        let line = line.trim_matches(|c: char| c.is_whitespace());
        if line.is_empty() {
            return;
        }
        let letters = line.chars().filter(|c| !c.is_whitespace()).count();
        let mostly_links = link_chars * 10 > letters * 6;
        if mostly_links || is_teaser(line) {
            return;
        }
        self.lines.push(line.to_string());
    }

    fn finish(mut self) -> Option<String> {
        self.end_line();
        (!self.lines.is_empty()).then(|| self.lines.join("\n"))
    }
}

/// Whether a line is a "read also" link, a share prompt or a similar teaser.
fn is_teaser(line: &str) -> bool {
    let head: String = line.chars().take(40).collect();
    let folded = fold_for_match(head.trim_start_matches(|c: char| !c.is_alphanumeric()));
    TEASERS_FOLDED
        .iter()
        .any(|teaser| folded.starts_with(teaser.as_str()))
}

/// Elements whose content is raw text: tags inside them are not tags.
const RAW_TEXT_TAGS: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "plaintext",
    "noscript",
];

/// Elements that never contain others (void), or whose end tag is implied by the next
/// sibling or by their parent's end (`<p>`, `<li>`, `<td>`, ...): they add no depth that a
/// container around them does not already count.
const FLAT_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "rt",
    "rp", "thead", "tbody", "tfoot", "colgroup", "caption", "html", "head", "body",
];

/// How deeply the page's elements nest, as a browser would build the tree, counted up to
/// `limit + 1` (the scan stops there). A lexical scan in one pass: comments, raw-text
/// elements and doctype are skipped; an end tag closes the innermost open element of its
/// name and those opened inside it, and is ignored when none is open (as the parser does);
/// `/>` closes an element only inside SVG or MathML, where it means that.
fn nesting_depth(html: &str, limit: usize) -> usize {
    let bytes = html.as_bytes();
    let mut open: Vec<String> = Vec::new();
    let mut open_by_name: HashMap<String, usize> = HashMap::new();
    let mut foreign = 0usize;
    let mut levels = 0usize;
    let mut deepest = 0usize;
    let mut i = 0;
    while let Some(offset) = memchr_lt(&bytes[i..]) {
        i += offset + 1;
        if bytes[i..].starts_with(b"!--") {
            i = find(bytes, i + 3, b"-->").map_or(bytes.len(), |end| end + 3);
            continue;
        }
        let closing = bytes.get(i) == Some(&b'/');
        let name_start = i + usize::from(closing);
        if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
            if matches!(bytes.get(i), Some(b'!' | b'?')) {
                i = find(bytes, i, b">").map_or(bytes.len(), |end| end + 1);
            }
            continue;
        }
        let name_end = (name_start..bytes.len())
            .find(|&j| !(bytes[j].is_ascii_alphanumeric() || matches!(bytes[j], b'-' | b':')))
            .unwrap_or(bytes.len());
        let name = html[name_start..name_end].to_ascii_lowercase();
        let (tag_end, self_closing) = tag_end(bytes, name_end);
        i = tag_end;
        if closing {
            if open_by_name.get(&name).is_some_and(|&n| n > 0) {
                while let Some(top) = open.pop() {
                    if let Some(n) = open_by_name.get_mut(&top) {
                        *n -= 1;
                    }
                    levels -= if top == "table" { 4 } else { 1 };
                    if matches!(top.as_str(), "svg" | "math") {
                        foreign = foreign.saturating_sub(1);
                    }
                    if top == name {
                        break;
                    }
                }
            }
            continue;
        }
        if RAW_TEXT_TAGS.contains(&name.as_str()) && !self_closing {
            let end_tag = format!("</{name}");
            i = find_ignoring_case(bytes, i, end_tag.as_bytes()).unwrap_or(bytes.len());
            continue;
        }
        if FLAT_TAGS.contains(&name.as_str()) || (self_closing && foreign > 0) {
            continue;
        }
        if matches!(name.as_str(), "svg" | "math") {
            foreign += 1;
        }
        // A table's rows and cells are uncounted (their end tags are implied) but are
        // levels of the tree all the same: a table weighs table, body, row and cell.
        levels += if name == "table" { 4 } else { 1 };
        *open_by_name.entry(name.clone()).or_insert(0) += 1;
        open.push(name);
        deepest = deepest.max(levels);
        if deepest > limit {
            break;
        }
    }
    deepest
}

fn memchr_lt(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'<')
}

fn find(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

fn find_ignoring_case(bytes: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    bytes
        .get(from..)?
        .windows(needle.len())
        .position(|w| w.eq_ignore_ascii_case(needle))
        .map(|p| from + p)
}

/// Where a tag that started before `from` ends (just after its `>`, quoted attribute values
/// skipped), and whether it ends with `/>`.
fn tag_end(bytes: &[u8], from: usize) -> (usize, bool) {
    let mut quote = None;
    let mut i = from;
    while i < bytes.len() {
        let b = bytes[i];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return (i + 1, i > from && bytes[i - 1] == b'/'),
            None => {}
        }
        i += 1;
    }
    (bytes.len(), false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nesting_depth_counts_containers_not_implied_or_void_elements() {
        let page = "<html><body><div><p>a<p>b<ul><li>c<li>d</ul><br><img src=x></div></body>";
        assert_eq!(nesting_depth(page, 100), 2, "div > ul");
    }

    #[test]
    fn nesting_depth_ignores_stray_end_tags_and_markup_in_comments_and_scripts() {
        let page = "<div></span><div><!-- <div><div> --><script>'<div><div>'</script></div>";
        assert_eq!(nesting_depth(page, 100), 2);
        let svg = "<svg><path d='a>b'/><path/></svg><div/><div>";
        assert_eq!(nesting_depth(svg, 100), 2, "/> closes in SVG only");
    }
}
