//! Parallax's language engine.
//!
//! Everything here is a pure function over text: no files, no clock, no database. The
//! storage and import layers live in `parallax-core`; keeping this crate small makes it fast
//! to build, to test against the evaluation corpus and to fuzz.
//!
//! - [`text`]: normalisation for matching (never for display) and language identification.
//! - [`extract`]: statements and their speakers in one article.
//! - [`actors`]: matching actor names across articles and scripts.
//! - [`align`]: grouping one actor's statements that report the same claim.

pub mod actors;
pub mod align;
pub mod embed;
pub mod extract;
pub mod text;

mod lang;
pub use lang::Lang;
