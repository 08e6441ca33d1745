//! Tauri commands, one file per area. Each unpacks its arguments, calls one function of
//! `parallax-core` and maps the error.

pub mod articles;
pub mod import;
pub mod project;
