//! Names the engine this build runs: a hash of the sources of `parallax-nlp` and
//! `parallax-core` (code and the data files beside it: lexicons, the pair model), as
//! `PARALLAX_ENGINE_FINGERPRINT`. The project's cached analysis is kept under it, so that a
//! build whose resolution or alignment may differ never reads what another build computed.

use std::path::{Path, PathBuf};

fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            files(&path, out);
        } else {
            out.push(path);
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let roots = [manifest.join("src"), manifest.join("../parallax-nlp/src")];
    // FNV-1a: stable across Rust versions, unlike the standard library's hasher
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            hash ^= u64::from(b);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    eat(std::env::var("CARGO_PKG_VERSION")
        .unwrap_or_default()
        .as_bytes());
    for root in &roots {
        println!("cargo:rerun-if-changed={}", root.display());
        let mut list = Vec::new();
        files(root, &mut list);
        list.sort();
        for file in list {
            let name = file.strip_prefix(root).unwrap_or(&file);
            eat(name.to_string_lossy().as_bytes());
            eat(&std::fs::read(&file).unwrap_or_default());
        }
    }
    println!("cargo:rustc-env=PARALLAX_ENGINE_FINGERPRINT={hash:016x}");
}
