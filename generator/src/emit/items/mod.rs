//! Plan → tokens: the items of a generated API module, and of the crate's `lib.rs`. Each file
//! writes one kind of item from the plan ([`super::plan`]); none decides a shape or a name.

pub mod crate_root;
pub mod enums;
pub mod errors;
pub mod paging;
pub mod request;
pub mod request_trait;
pub mod response;
pub mod roa;
pub mod service;
pub mod validators;

use proc_macro2::Literal;

/// The path serde's derives name in generated code (`#[serde(crate = "…")]`): the runtime's
/// re-export, so generated crates need no serde dependency of their own.
fn serde_crate() -> Literal {
    Literal::string("::aliyun_runtime::__private::serde")
}
