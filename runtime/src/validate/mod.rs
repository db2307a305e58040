//! Validation of requests before anything is sent.
//!
//! Each generated request states its documented rules as static data (a table of [`Param`]s,
//! one per parameter, each with its [`Check`]s) and presents its field values through
//! [`Validate`] as a slice of [`Value`]s; [`Level::check`] interprets the table. `validate()` on
//! a request and `build()` on its builder run the same table, so every check is written once,
//! here. All violations are collected (not just the first) into a [`ValidationError`]; each
//! names the parameter by its wire name, or by its path inside a list (`Tag.2.Key`).

mod checks;
mod report;
pub mod rules;
mod table;
mod time;

pub use report::{Path, UnknownValue, ValidationError, Violation, Violations};
pub use rules::{Bounds, CharClass, Check, Cond, Format, Param, Rel};
pub use table::{run, run_required, AsValue, Level, List, Validate, Value};
pub use time::Instant;
