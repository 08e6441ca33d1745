//! Parallax engine
