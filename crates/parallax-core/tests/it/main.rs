//! The integration tests of parallax-core: one binary, one module per area.

mod import;
mod project;
