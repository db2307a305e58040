//! `unique`: idempotency tokens.

use crate::parse::constraints::*;

/// `must be unique among different requests`, `要保证在不同请求间唯一`: an idempotency token.
pub(crate) fn is_uniqueness(r: &Rich) -> bool {
    let unique = r.has_any(&UNIQUE_WORDS);
    // Unique across requests, or a client-generated value that must be unique: a token.
    let across_requests = r.has_any(&REQUEST_WORDS);
    let client_generated = r.has_any(&CLIENT_WORDS);
    // `用于保证请求的幂等性` / `ensure the idempotence of the request` says the same.
    let idempotence = r.has_any(&IDEMPOTENCE_WORDS);
    (unique && (across_requests || client_generated)) || idempotence
}
