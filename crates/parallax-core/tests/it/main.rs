//! The integration tests of parallax-core: one binary, one module per area.

mod cache;
mod corrections;
mod dictionary;
mod hostile;
mod import;
mod notes;
mod project;
mod report;
mod semantic;
mod workbench;
