//! Fuzzes statement extraction: any UTF-8 text, in every language mode, must be analysed
//! without panicking, and every offset must fall on a character boundary and hold its text.
//!
//! Run from the repository root: `cargo +nightly fuzz run analyze -- -max_total_time=300`.

#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_nlp::extract::analyze;
use parallax_nlp::Lang;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for lang in [Lang::Ar, Lang::En, Lang::Other] {
        let a = analyze(text, lang);
        for s in &a.statements {
            assert!(text.is_char_boundary(s.span.start) && text.is_char_boundary(s.span.end));
            assert_eq!(&text[s.span.start..s.span.end], s.text);
            assert!(s.actor < a.actors.len());
        }
    }
});
