//! Text utilities shared by every stage: folding for matching, and script-based language hints.
//!
//! Folding is for matching only. Nothing folded here is ever shown to a user or stored in
//! place of the original text.

mod normalize;

pub use normalize::{
    fold_char, fold_for_match, for_each_normalized, is_arabic_letter, is_invisible_control,
    match_tokens, strip_arabic_proclitic, Normal,
};

use crate::Lang;

/// A cheap language guess from the letters' scripts: Arabic letters make Arabic, Latin
/// letters make English. Used when a caller has nothing better (the import layer uses a
/// statistical detector first).
pub fn guess_lang_by_script(text: &str) -> Lang {
    let (mut arabic, mut latin) = (0usize, 0usize);
    for c in text.chars().take(20_000) {
        if is_arabic_letter(c) {
            arabic += 1;
        } else if c.is_ascii_alphabetic() {
            latin += 1;
        }
    }
    if arabic == 0 && latin == 0 {
        Lang::Other
    } else if arabic >= latin {
        Lang::Ar
    } else {
        Lang::En
    }
}
