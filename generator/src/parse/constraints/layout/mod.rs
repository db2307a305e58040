//! Layout: how a description cell is cut into paragraphs, sentences, bullets and lists.

mod blocks;
mod lists;

pub(crate) use blocks::*;
pub(crate) use lists::*;
