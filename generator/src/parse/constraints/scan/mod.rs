//! Scanning: the folded text view and the tokens and values read from it.

mod folded;
mod values;

pub(crate) use folded::*;
pub(crate) use values::*;
