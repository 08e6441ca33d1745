//! Batches of articles exported by other tools: a JSON array of objects, an object with an
//! `articles` array, a single article object, or JSON Lines (one object per line).
//!
//! Each article needs a non-empty string `text`; `title`, `outlet`, `author`, `url`,
//! `published_at` (or `date`) and `lang` are read when present. A JSON file that is some other
//! kind of document (an annotation file, a configuration) is refused as a whole rather than
//! imported in part, since a half-imported batch is harder to fix than a clear error.

use parallax_nlp::Lang;
use serde_json::{Map, Value};

use super::metadata::parse_date;
use super::{finish, Format, ImportError, ParsedArticle};

pub(super) fn parse(decoded: &str) -> Result<Vec<ParsedArticle>, ImportError> {
    let decoded = decoded.trim_start_matches('\u{FEFF}');
    let items: Vec<Value> = match serde_json::from_str::<Value>(decoded) {
        Ok(Value::Array(items)) => items,
        Ok(Value::Object(mut object)) => match object.remove("articles") {
            Some(Value::Array(items)) if !object.contains_key("text") => items,
            Some(other) => {
                object.insert("articles".into(), other);
                vec![Value::Object(object)]
            }
            None => vec![Value::Object(object)],
        },
        Ok(_) => return Err(not_a_batch(None)),
        Err(whole_error) => json_lines(decoded).map_err(|line_error| {
            // A single-line document fails the same way both ways: report the plain error.
            if decoded.trim().lines().count() <= 1 {
                ImportError::InvalidJson {
                    line: None,
                    message: whole_error.to_string(),
                }
            } else {
                line_error
            }
        })?,
    };
    if items.is_empty() {
        return Err(ImportError::Empty);
    }
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| match item {
            Value::Object(object) => article(i, object),
            _ => Err(not_a_batch(Some(format!(
                "item {} is not an object",
                i + 1
            )))),
        })
        .collect()
}

fn json_lines(decoded: &str) -> Result<Vec<Value>, ImportError> {
    decoded
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            serde_json::from_str(line).map_err(|e| ImportError::InvalidJson {
                line: Some(i + 1),
                message: e.to_string(),
            })
        })
        .collect()
}

fn not_a_batch(detail: Option<String>) -> ImportError {
    ImportError::NotABatch { detail }
}

fn article(index: usize, object: Map<String, Value>) -> Result<ParsedArticle, ImportError> {
    let field = |names: &[&str]| -> Option<String> {
        names.iter().find_map(|name| match object.get(*name)? {
            Value::String(s) => Some(s.clone()),
            Value::Number(n) => Some(n.to_string()),
            // `{"author": {"name": "..."}}`, as schema.org exports have it.
            Value::Object(inner) => inner.get("name")?.as_str().map(str::to_string),
            _ => None,
        })
    };
    let text = match object.get("text") {
        Some(Value::String(text)) if !text.trim().is_empty() => text.clone(),
        Some(Value::String(_)) => {
            return Err(not_a_batch(Some(format!(
                "item {} has an empty \"text\"",
                index + 1
            ))))
        }
        _ if index == 0 => return Err(not_a_batch(None)),
        _ => return Err(not_a_batch(Some(format!("item {} has none", index + 1)))),
    };
    if text.contains('\0') {
        return Err(ImportError::NulInBatch { item: index + 1 });
    }
    let declared_lang = field(&["lang", "language"]).and_then(|l| l.parse::<Lang>().ok());
    let parsed = ParsedArticle {
        title: field(&["title", "headline"]),
        outlet: field(&["outlet", "site_name", "publisher"]),
        author: field(&["author", "byline"]),
        published_at: field(&["published_at", "date", "published", "datePublished"])
            .as_deref()
            .and_then(parse_date),
        url: field(&["url", "link"]),
        lang: Lang::Other,
        text: text.replace("\r\n", "\n"),
        format: Format::Json,
    };
    finish(parsed, declared_lang)
}
