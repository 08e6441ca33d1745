//! Tokens, quotations and sentences of one article, in one linear pass each.
//!
//! Tokens keep byte offsets into the original text, which is never copied or altered; each
//! word also carries its folded matching form. Quotation marks are paired with a small stack
//! per paragraph; a quotation still open at a paragraph's end continues only when the next
//! paragraph opens with the same kind of mark (the convention for quotes that run over
//! paragraphs), and is otherwise dropped as unbalanced.

use std::borrow::Cow;
use std::ops::Range;

use super::lexicon::Lexicon;
use crate::text::{fold_char, fold_for_match, is_invisible_control};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Comma,
    Colon,
    /// Sentence-final punctuation: . ! ? ؟ …
    End,
    Semicolon,
    Dash,
    OpenParen,
    CloseParen,
    /// An opening quotation mark paired with a closing one.
    QuoteOpen,
    QuoteClose,
    /// A paragraph break (one or more line breaks).
    Para,
    Other,
}

#[derive(Debug, Clone)]
pub(crate) struct Tok<'t> {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// Folded form of a word (empty for punctuation); borrowed when folding changes nothing.
    pub norm: Cow<'t, str>,
    /// 1 + index of the top-level quotation this token lies inside; 0 outside quotations.
    pub quote: u32,
    /// For a quote mark: the index of the token it pairs with.
    pub pair: u32,
    /// Whether a word starts with an uppercase letter.
    pub cap: bool,
}

/// A top-level quotation: the token indices of its opening and closing marks.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Quote {
    pub open: usize,
    pub close: usize,
}

impl Quote {
    /// Token indices strictly inside the marks.
    pub(crate) fn inner(&self) -> Range<usize> {
        self.open + 1..self.close
    }
}

pub(crate) struct Scan<'t> {
    pub text: &'t str,
    pub toks: Vec<Tok<'t>>,
    pub quotes: Vec<Quote>,
    /// Token ranges of sentences (paragraph breaks excluded); quotations never split one.
    pub sentences: Vec<Range<usize>>,
    /// Paragraph number of each sentence.
    pub sentence_para: Vec<u32>,
    /// Number of words before each token, for counting words in a range in constant time.
    word_prefix: Vec<u32>,
}

/// Longest run of tokens read as one sentence. Text without punctuation is cut into pieces
/// of this length, which keeps every rule's scan bounded and the whole pass linear.
const MAX_SENTENCE: usize = 400;

const NONE: u32 = u32::MAX;
/// Capitals a transcript label after a closed quotation needs ("NAME:") for the quotation to
/// end there rather than run on.
const MIN_TURN_LABEL_CAPITALS: usize = 2;
/// Deepest nesting of quotation marks tracked; deeper marks are read as apostrophes or
/// stray marks, which keeps pairing linear on hostile text.
const MAX_QUOTE_DEPTH: usize = 8;

/// Families of quotation marks: a closing mark only closes an opening one of its family.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Guillemet,
    Straight,
    Single,
    StraightSingle,
    Corner,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}'
            | '\u{06D6}'..='\u{06ED}' | '\u{0640}')
        || (c.is_alphabetic())
}

fn quote_family(c: char) -> Option<Family> {
    Some(match c {
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => Family::Double,
        '\u{00AB}' | '\u{00BB}' | '\u{2039}' | '\u{203A}' => Family::Guillemet,
        '"' | '\u{FF02}' => Family::Straight,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' => Family::Single,
        '\'' => Family::StraightSingle,
        '\u{300C}' | '\u{300D}' | '\u{300E}' | '\u{300F}' => Family::Corner,
        _ => return None,
    })
}

/// Role of a quotation mark in context.
#[derive(PartialEq, Eq)]
enum Role {
    Open,
    Close,
    Neither,
}

fn mark_role(c: char, prev: Option<char>, next: Option<char>, open_top: Option<Family>) -> Role {
    let fam = quote_family(c).expect("a quotation mark");
    let prev_letter = prev.is_some_and(|p| p.is_alphanumeric());
    let next_letter = next.is_some_and(|n| n.is_alphanumeric());
    let next_space = next.is_none_or(|n| n.is_whitespace());
    let has_open = open_top == Some(fam);
    match c {
        '\u{201C}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{2039}' | '\u{300C}'
        | '\u{300E}' => {
            // „…“ closes with “; otherwise “ opens.
            if has_open && c == '\u{201C}' && !next_letter {
                Role::Close
            } else {
                Role::Open
            }
        }
        '\u{201D}' | '\u{00BB}' | '\u{203A}' | '\u{300D}' | '\u{300F}' | '\u{2033}' => {
            if has_open {
                Role::Close
            } else if !prev_letter && next_letter {
                // Some sites use ” (or ») for both marks.
                Role::Open
            } else {
                Role::Neither
            }
        }
        '"' | '\u{FF02}' => {
            if has_open && !(next_letter && !prev_letter && prev.is_some_and(char::is_whitespace)) {
                Role::Close
            } else if !next_space {
                Role::Open
            } else {
                Role::Neither
            }
        }
        '\u{2018}' | '\u{201A}' | '\u{201B}' => {
            if prev_letter {
                Role::Neither
            } else {
                Role::Open
            }
        }
        '\u{2019}' | '\'' => {
            if has_open && !next_letter {
                Role::Close
            } else if fam == Family::StraightSingle && !prev_letter && next_letter {
                Role::Open
            } else {
                Role::Neither
            }
        }
        _ => Role::Neither,
    }
}

impl<'t> Scan<'t> {
    pub(crate) fn new(text: &'t str, lex: &Lexicon) -> Scan<'t> {
        let toks = tokenize(text, lex);
        let mut word_prefix = Vec::with_capacity(toks.len() + 1);
        let mut words = 0u32;
        for t in &toks {
            word_prefix.push(words);
            words += u32::from(t.kind == Kind::Word);
        }
        word_prefix.push(words);
        let mut scan = Scan {
            text,
            toks,
            quotes: Vec::new(),
            sentences: Vec::new(),
            sentence_para: Vec::new(),
            word_prefix,
        };
        scan.mark_quotes();
        scan.split_sentences();
        scan
    }

    /// Number of words among tokens `r` (clamped to the text).
    pub(crate) fn words_in(&self, r: Range<usize>) -> usize {
        let end = r.end.min(self.toks.len());
        let start = r.start.min(end);
        (self.word_prefix[end] - self.word_prefix[start]) as usize
    }

    /// Numbers top-level quotations and marks the tokens inside them.
    fn mark_quotes(&mut self) {
        let mut i = 0;
        while i < self.toks.len() {
            let t = &self.toks[i];
            if t.kind == Kind::QuoteOpen && t.pair != NONE {
                let close = t.pair as usize;
                let id = self.quotes.len() as u32 + 1;
                self.quotes.push(Quote { open: i, close });
                for tok in &mut self.toks[i + 1..close] {
                    tok.quote = id;
                }
                i = close + 1;
            } else {
                i += 1;
            }
        }
    }

    fn split_sentences(&mut self) {
        let mut start = 0;
        let mut para = 0u32;
        let n = self.toks.len();
        for i in 0..n {
            let t = &self.toks[i];
            if t.quote != 0 {
                continue;
            }
            let cut_before = match t.kind {
                Kind::Para => true,
                _ if i - start >= MAX_SENTENCE => true,
                // “…done.” “Next…” – a new quotation after one that ended a sentence.
                Kind::QuoteOpen => {
                    i > 0 && self.toks[i - 1].kind == Kind::QuoteClose && {
                        let prev_close = i - 1;
                        prev_close > 0 && self.toks[prev_close - 1].kind == Kind::End
                    }
                }
                _ => false,
            };
            if cut_before {
                if start < i {
                    self.sentences.push(start..i);
                    self.sentence_para.push(para);
                }
                start = if t.kind == Kind::Para { i + 1 } else { i };
                if t.kind == Kind::Para {
                    para += 1;
                }
            } else if t.kind == Kind::End
                || (t.kind == Kind::QuoteClose
                    && i > 0
                    && self.toks[i - 1].kind == Kind::End
                    && self.text[self.toks[i - 1].start..self.toks[i - 1].end] == *"."
                    && self
                        .toks
                        .get(i + 1)
                        .is_some_and(|n| n.kind == Kind::Word && n.cap))
            {
                // A quotation ending in a full stop, followed by a capitalised word, ends
                // its sentence: "…rules.'' The channel said…".
                self.sentences.push(start..i + 1);
                self.sentence_para.push(para);
                start = i + 1;
            }
        }
        if start < n {
            self.sentences.push(start..n);
            self.sentence_para.push(para);
        }
    }
}

fn tokenize<'t>(text: &'t str, lex: &Lexicon) -> Vec<Tok<'t>> {
    let mut toks: Vec<Tok<'t>> = Vec::with_capacity(text.len() / 5);
    // Open quotation marks of the current paragraph: (family, token index).
    let mut stack: Vec<(Family, usize)> = Vec::new();
    let bytes_len = text.len();
    let mut pos = 0;
    let mut prev_char: Option<char> = None;
    let push = |toks: &mut Vec<Tok<'t>>, start: usize, end: usize, kind: Kind| {
        toks.push(Tok {
            start,
            end,
            kind,
            norm: Cow::Borrowed(""),
            quote: 0,
            pair: NONE,
            cap: false,
        });
    };
    while pos < bytes_len {
        let c = text[pos..]
            .chars()
            .next()
            .expect("pos is on a char boundary");
        let clen = c.len_utf8();
        if c == '\n' || c == '\u{2029}' {
            let start = pos;
            let mut end = pos + clen;
            while let Some(n) = text[end..].chars().next() {
                if n.is_whitespace() || is_invisible_control(n) {
                    end += n.len_utf8();
                } else {
                    break;
                }
            }
            // A quotation open at the paragraph's end continues only if the next paragraph
            // opens with the same family of mark; otherwise it was unbalanced.
            if !stack.is_empty() {
                let next = text[end..].chars().next();
                let nlen = next.map_or(0, char::len_utf8);
                // A transcript's next turn ("\"HALLOWAY: Well…") starts a paragraph of its own.
                let turn_label = {
                    let rest = &text[end + nlen..];
                    let label = rest
                        .char_indices()
                        .find(|&(_, c)| !(c.is_uppercase() || c == ' ' || c == '.'))
                        .map_or(rest.len(), |(i, _)| i);
                    rest[..label].chars().filter(|c| c.is_uppercase()).count()
                        >= MIN_TURN_LABEL_CAPITALS
                        && rest[label..].starts_with(':')
                };
                let continues = next.and_then(quote_family) == Some(stack[0].0) && !turn_label;
                if continues {
                    // Skip the repeated opening mark: it is not a new quotation.
                    pos = end + nlen;
                    prev_char = next;
                    push(&mut toks, start, end, Kind::Para);
                    continue;
                }
                stack.clear();
            }
            if toks.last().is_none_or(|t| t.kind != Kind::Para) {
                push(&mut toks, start, end, Kind::Para);
            }
            pos = end;
            prev_char = Some('\n');
            continue;
        }
        if c.is_whitespace() || is_invisible_control(c) {
            pos += clen;
            prev_char = Some(c);
            continue;
        }
        if is_word_char(c) || ((c == '#' || c == '@') && next_is_word(text, pos + clen)) {
            let start = pos;
            let mut end = pos + clen;
            let mut has_dot = false;
            while let Some(n) = text[end..].chars().next() {
                if is_word_char(n) || matches!(n, '\u{200C}' | '\u{200D}') {
                    end += n.len_utf8();
                    continue;
                }
                // Joiners inside words: U.S., Let's, Nordic-led, 8,000.
                let after = text[end + n.len_utf8()..].chars().next();
                let joins = match n {
                    // «الرئاسة.ونشرت»: Arabic has no dotted abbreviations; a full stop
                    // between two Arabic letters is a sentence end with its space missing.
                    '.' => {
                        after.is_some_and(char::is_alphanumeric)
                            && !(after.is_some_and(crate::text::is_arabic_letter)
                                && text[start..end]
                                    .chars()
                                    .last()
                                    .is_some_and(crate::text::is_arabic_letter))
                    }
                    '\'' | '\u{2019}' | '-' | '\u{2010}' | '\u{2011}' | '&' => {
                        after.is_some_and(char::is_alphabetic)
                            && text[start..end]
                                .chars()
                                .last()
                                .is_some_and(char::is_alphabetic)
                    }
                    ',' | '/' | ':' => {
                        after.is_some_and(|a| a.is_ascii_digit())
                            && text[start..end]
                                .chars()
                                .last()
                                .is_some_and(|l| l.is_ascii_digit())
                    }
                    _ => false,
                };
                if joins {
                    has_dot |= n == '.';
                    end += n.len_utf8() + after.map_or(0, char::len_utf8);
                } else {
                    break;
                }
            }
            let word = &text[start..end];
            // An abbreviation keeps its final dot: Gen. U.S. F.
            if text[end..].starts_with('.') {
                let lower = word.to_lowercase();
                let single_cap = word.chars().count() == 1 && c.is_uppercase();
                let closes = text[end + 1..].starts_with([')', ']']);
                if has_dot || single_cap || closes || lex.abbreviations.contains(&lower) {
                    end += 1;
                }
            }
            let word = &text[start..end];
            let norm: Cow<'t, str> = if word.is_ascii() {
                if word.bytes().any(|b| b.is_ascii_uppercase()) {
                    Cow::Owned(word.to_ascii_lowercase())
                } else {
                    Cow::Borrowed(word)
                }
            } else if word
                .chars()
                .all(|c| c.is_ascii() || ('\u{0600}'..='\u{06FF}').contains(&c))
            {
                // Base Arabic needs no compatibility normalisation: fold letter by letter
                // (a decomposed hamza is a mark that folding drops anyway).
                if word.chars().all(|c| fold_char(c) == Some(c)) {
                    Cow::Borrowed(word)
                } else {
                    Cow::Owned(word.chars().filter_map(fold_char).collect())
                }
            } else {
                Cow::Owned(fold_for_match(word))
            };
            toks.push(Tok {
                start,
                end,
                kind: Kind::Word,
                norm,
                quote: 0,
                pair: NONE,
                cap: c.is_uppercase(),
            });
            prev_char = text[..end].chars().next_back();
            pos = end;
            continue;
        }
        // '' and `` stand for a double quotation mark in some newsroom text.
        let doubled = (c == '\'' || c == '`') && text[pos + 1..].starts_with(c);
        if doubled || quote_family(c).is_some() {
            let (c, clen) = if doubled { ('"', 2) } else { (c, clen) };
            let next = text[pos + clen..].chars().next();
            let top = stack.last().map(|s| s.0);
            // A closing mark may also close a quotation further down the stack.
            let fam = quote_family(c).expect("checked");
            let open_in_stack = stack.iter().any(|s| s.0 == fam);
            let role = mark_role(
                c,
                prev_char,
                next,
                if open_in_stack { Some(fam) } else { top },
            );
            match role {
                Role::Close => {
                    let at = stack
                        .iter()
                        .rposition(|s| s.0 == fam)
                        .expect("open in stack");
                    let open = stack[at].1;
                    stack.truncate(at);
                    let idx = toks.len();
                    push(&mut toks, pos, pos + clen, Kind::QuoteClose);
                    toks[idx].pair = open as u32;
                    toks[open].pair = idx as u32;
                }
                Role::Open if stack.len() < MAX_QUOTE_DEPTH => {
                    stack.push((fam, toks.len()));
                    push(&mut toks, pos, pos + clen, Kind::QuoteOpen);
                }
                _ => push(&mut toks, pos, pos + clen, Kind::Other),
            }
            prev_char = Some(c);
            pos += clen;
            continue;
        }
        let kind = match c {
            ',' | '،' | '\u{066B}' | '\u{FE50}' | '\u{FF0C}' => Kind::Comma,
            ':' | '\u{FF1A}' => Kind::Colon,
            '.' | '!' | '?' | '؟' | '…' | '\u{06D4}' | '\u{FF01}' | '\u{FF1F}' | '\u{3002}' => {
                Kind::End
            }
            ';' | '؛' => Kind::Semicolon,
            '-' | '–' | '—' | '\u{2015}' => Kind::Dash,
            '(' | '[' | '{' => Kind::OpenParen,
            ')' | ']' | '}' => Kind::CloseParen,
            _ => Kind::Other,
        };
        // A full stop before ")" or "," or a lowercase word ends an abbreviation, not a
        // sentence: "(R-Ga.)", "etc. and".
        let kind = if c == '.' && {
            let rest = &text[pos + 1..];
            let next_visible = rest.trim_start_matches([' ', '\t']).chars().next();
            rest.starts_with([')', ',', ']'])
                || next_visible.is_some_and(|n| n.is_ascii_lowercase())
        } {
            Kind::Other
        } else {
            kind
        };
        // Runs of sentence-final marks ("?!", "...") make one token.
        let mut end = pos + clen;
        if kind == Kind::End {
            while let Some(n) = text[end..].chars().next() {
                if matches!(n, '.' | '!' | '?' | '؟' | '…') {
                    end += n.len_utf8();
                } else {
                    break;
                }
            }
        }
        push(&mut toks, pos, end, kind);
        prev_char = Some(c);
        pos = end;
    }
    // Opening marks never closed are not quotations.
    for t in &mut toks {
        if t.kind == Kind::QuoteOpen && t.pair == NONE {
            t.kind = Kind::Other;
        }
    }
    toks
}

fn next_is_word(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_some_and(is_word_char)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lang;

    fn quotes(text: &str) -> Vec<&str> {
        let scan = Scan::new(text, Lexicon::get(Lang::En));
        let toks = &scan.toks;
        scan.quotes
            .iter()
            .map(|q| &text[toks[q.open].end..toks[q.close].start])
            .collect()
    }

    #[test]
    fn quotation_marks_pair_by_family() {
        assert_eq!(
            quotes("He said “it’s fine, ‘really’ fine” today."),
            ["it’s fine, ‘really’ fine"]
        );
        assert_eq!(quotes("«نعم» و\"لا\""), ["نعم", "لا"]);
        assert_eq!(quotes("the Kurds’ homes and Let's go"), Vec::<&str>::new());
        assert_eq!(quotes("„Ja“, sagte er."), ["Ja"]);
    }

    #[test]
    fn unbalanced_quotes_end_at_the_paragraph() {
        assert_eq!(quotes("“open\nnext “closed” here"), ["closed"]);
        assert_eq!(quotes("“one para\n“two para.”"), ["one para\n“two para."]);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        let scan = Scan::new(
            "Gen. Frank McKenzie of the U.S. said so. He left.",
            Lexicon::get(Lang::En),
        );
        assert_eq!(scan.sentences.len(), 2);
    }
}
