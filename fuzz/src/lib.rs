//! What every import fuzz target checks of one input.

use parallax_core::import::{parse_bytes, ImportError};

/// Parses `data` as a file called `file_name` and checks what comes out: a parser panic is
/// a crash; every article has text, and metadata fields hold no control characters.
pub fn check_import(file_name: &str, data: &[u8]) {
    match parse_bytes(file_name, data) {
        Err(ImportError::Panicked(message)) => panic!("a parser panicked: {message}"),
        Err(_) => {}
        Ok(articles) => {
            for a in articles {
                assert!(!a.text.trim().is_empty(), "an article without text");
                assert!(!a.text.contains('\0'), "NUL in the text");
                for field in [&a.title, &a.outlet, &a.author, &a.url].into_iter().flatten() {
                    assert!(
                        !field.chars().any(|c| c.is_control()),
                        "control character in a field: {field:?}"
                    );
                }
            }
        }
    }
}
