//! End-to-end tests of the `redline` command live in `tests/`.
