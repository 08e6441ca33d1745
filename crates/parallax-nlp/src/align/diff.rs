//! Word-level diff between two renderings of one statement.

use crate::text::fold_for_match;
use serde::{Deserialize, Serialize};

/// A run of words: shared by both versions, only in the other one, or only in the base.
/// The words are the original ones (of `other` for `Equal` and `Added`, of `base` for
/// `Removed`), joined by single spaces.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "op", content = "text")]
pub enum DiffOp {
    Equal(String),
    Added(String),
    Removed(String),
}

/// The matching key of a word: folded, without surrounding punctuation, so that «الأميركية»
/// and «الاميركيه», or `U.S.,` and `U.S.` are equal.
fn word_key(word: &str) -> String {
    fold_for_match(word)
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_owned()
}

/// The word-level diff of `other` against `base` (Myers' algorithm over folded words, after
/// trimming the common prefix and suffix). Memory is O((n + m) · d) for d differing words;
/// past 2,000 differences the middle is reported as removed-then-added.
pub fn word_diff(base: &str, other: &str) -> Vec<DiffOp> {
    if base == other {
        // a version against itself (every group's base, every statement alone in its
        // group): its words, all equal, without folding them
        let words: Vec<&str> = other.split_whitespace().collect();
        return if words.is_empty() {
            Vec::new()
        } else {
            vec![DiffOp::Equal(words.join(" "))]
        };
    }
    let a: Vec<&str> = base.split_whitespace().collect();
    let b: Vec<&str> = other.split_whitespace().collect();
    let ka: Vec<String> = a.iter().map(|w| word_key(w)).collect();
    let kb: Vec<String> = b.iter().map(|w| word_key(w)).collect();
    let prefix = ka.iter().zip(&kb).take_while(|(x, y)| x == y).count();
    let suffix = ka[prefix..]
        .iter()
        .rev()
        .zip(kb[prefix..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a_mid, b_mid) = (prefix..a.len() - suffix, prefix..b.len() - suffix);
    let mut ops: Vec<(u8, &str)> = Vec::with_capacity(a.len() + b.len());
    ops.extend(b[..prefix].iter().map(|w| (b'=', *w)));
    let script = myers(&ka[a_mid.clone()], &kb[b_mid.clone()], 2000);
    let (mut i, mut j) = (a_mid.start, b_mid.start);
    for step in script {
        match step {
            b'=' => {
                ops.push((b'=', b[j]));
                i += 1;
                j += 1;
            }
            b'-' => {
                ops.push((b'-', a[i]));
                i += 1;
            }
            _ => {
                ops.push((b'+', b[j]));
                j += 1;
            }
        }
    }
    ops.extend(b[b.len() - suffix..].iter().map(|w| (b'=', *w)));
    // join runs of one kind
    let mut out: Vec<DiffOp> = Vec::new();
    for (kind, word) in ops {
        let same_kind = matches!(
            (out.last(), kind),
            (Some(DiffOp::Equal(_)), b'=')
                | (Some(DiffOp::Added(_)), b'+')
                | (Some(DiffOp::Removed(_)), b'-')
        );
        if same_kind {
            if let Some(DiffOp::Equal(s) | DiffOp::Added(s) | DiffOp::Removed(s)) = out.last_mut() {
                s.push(' ');
                s.push_str(word);
            }
        } else {
            let w = word.to_owned();
            out.push(match kind {
                b'=' => DiffOp::Equal(w),
                b'+' => DiffOp::Added(w),
                _ => DiffOp::Removed(w),
            });
        }
    }
    out
}

/// Myers' shortest edit script as a list of `=`, `-` (from `a`) and `+` (from `b`).
fn myers(a: &[String], b: &[String], max_d: usize) -> Vec<u8> {
    let (n, m) = (a.len() as isize, b.len() as isize);
    let max = (n + m) as usize;
    if max == 0 {
        return Vec::new();
    }
    let offset = max as isize;
    let mut v = vec![0isize; 2 * max + 2];
    let mut trace: Vec<Vec<isize>> = Vec::new();
    let mut found = false;
    'outer: for d in 0..=(max.min(max_d) as isize) {
        trace.push(v.clone());
        let mut k = -d;
        while k <= d {
            let idx = (k + offset) as usize;
            let mut x = if k == -d || (k != d && v[idx - 1] < v[idx + 1]) {
                v[idx + 1]
            } else {
                v[idx - 1] + 1
            };
            let mut y = x - k;
            while x < n && y < m && a[x as usize] == b[y as usize] {
                x += 1;
                y += 1;
            }
            v[idx] = x;
            if x >= n && y >= m {
                found = true;
                break 'outer;
            }
            k += 2;
        }
    }
    if !found {
        let mut s = vec![b'-'; a.len()];
        s.extend(std::iter::repeat_n(b'+', b.len()));
        return s;
    }
    // walk the trace back from the end: trace[d] is V as it was before step d
    let mut script = Vec::new();
    let (mut x, mut y) = (n, m);
    for (d, v) in trace.iter().enumerate().rev() {
        let d = d as isize;
        let k = x - y;
        let at = |k: isize| v[(k + offset) as usize];
        let prev_k = if k == -d || (k != d && at(k - 1) < at(k + 1)) {
            k + 1
        } else {
            k - 1
        };
        let prev_x = at(prev_k);
        let prev_y = prev_x - prev_k;
        while x > prev_x && y > prev_y {
            script.push(b'=');
            x -= 1;
            y -= 1;
        }
        if d > 0 {
            script.push(if x == prev_x { b'+' } else { b'-' });
        }
        x = prev_x;
        y = prev_y;
    }
    script.reverse();
    script
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_diffs() {
        use DiffOp::*;
        assert_eq!(word_diff("a b c", "a b c"), vec![Equal("a b c".into())]);
        assert_eq!(
            word_diff("a b c", "a c"),
            vec![Equal("a".into()), Removed("b".into()), Equal("c".into())]
        );
        assert_eq!(
            word_diff("a c", "a b c d"),
            vec![
                Equal("a".into()),
                Added("b".into()),
                Equal("c".into()),
                Added("d".into())
            ]
        );
        assert_eq!(
            word_diff("x y", "p q"),
            vec![Removed("x y".into()), Added("p q".into())]
        );
        assert_eq!(word_diff("", "p"), vec![Added("p".into())]);
    }

    /// A version against itself reads as it would against a copy that differs only in
    /// spacing and folding (the same text skips the word-by-word comparison).
    #[test]
    fn a_version_against_itself_is_all_equal() {
        use DiffOp::*;
        let text = "  قال  سمير نصار\tإن مجلس الحوض الشمالي   سيجتمع ";
        let copy = "قال سمير نصار إن مجلس الحوض الشمالي سيجتمع";
        assert_eq!(word_diff(text, text), word_diff(copy, text));
        assert_eq!(word_diff(text, text), vec![Equal(copy.into())]);
        assert_eq!(word_diff(" \n ", " \n "), word_diff("", " \n "));
        assert_eq!(word_diff("", ""), Vec::<DiffOp>::new());
    }
}
