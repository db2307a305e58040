//! Order-preserving parallel map over independent items (docs to parse, APIs to emit).
//!
//! Plain `std::thread::scope` rather than rayon: the work is one flat loop per stage, so a
//! shared counter handing out indices balances it as well as work stealing would, without a
//! dependency in every build script that uses the generator. Results land in their input
//! position, so the output is the same bytes as a single-threaded run.

use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;

thread_local! {
    static OVERRIDE: Cell<Option<usize>> = const { Cell::new(None) };
}

/// Runs `f` with [`map`] limited to `threads` threads on this thread (1: single-threaded), for
/// tests and benchmarks that compare against a sequential run.
pub fn with_threads<R>(threads: usize, f: impl FnOnce() -> R) -> R {
    let before = OVERRIDE.with(|o| o.replace(Some(threads.max(1))));
    let result = f();
    OVERRIDE.with(|o| o.set(before));
    result
}

/// Threads to use: the [`with_threads`] override, else `ALIYUN_CODEGEN_THREADS` when set, else
/// the available parallelism.
pub fn threads() -> usize {
    OVERRIDE.with(Cell::get).unwrap_or_else(|| {
        std::env::var("ALIYUN_CODEGEN_THREADS")
            .ok()
            .and_then(|v| v.parse().ok())
            .filter(|n: &usize| *n > 0)
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()))
    })
}

/// `items.iter().map(f).collect()`, on up to [`threads`] threads.
pub fn map<T, R, F>(items: &[T], f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    map_heaviest_first(items, |_| 0, f)
}

/// [`map`], handing out the items of largest `weight` first (a cheap estimate of their cost):
/// every call ends in a join, and a big item started last would leave the other threads idle
/// while it finishes. Results still land in input order.
pub fn map_heaviest_first<T, R, F, W>(items: &[T], weight: W, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
    W: Fn(&T) -> usize,
{
    let workers = threads().min(items.len());
    if workers <= 1 {
        return items.iter().map(f).collect();
    }
    // Each weight once: sorting asks for a key many times, and a weight may cost a syscall.
    let weights: Vec<usize> = items.iter().map(weight).collect();
    let mut order: Vec<usize> = (0..items.len()).collect();
    // Stable: equal weights keep input order.
    order.sort_by_key(|&i| std::cmp::Reverse(weights[i]));
    let next = AtomicUsize::new(0);
    let slots: Vec<Mutex<Option<R>>> = items.iter().map(|_| Mutex::new(None)).collect();
    // A `map` nested inside `f` (crates side by side, each parsing its docs in parallel) keeps
    // the caller's `with_threads` limit.
    let inherited = OVERRIDE.with(Cell::get);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                OVERRIDE.with(|o| o.set(inherited));
                while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
                    let result = f(&items[i]);
                    if let Ok(mut slot) = slots[i].lock() {
                        *slot = Some(result);
                    }
                }
            });
        }
    });
    slots
        .into_iter()
        .map(|slot| {
            slot.into_inner()
                .ok()
                .flatten()
                .expect("every index was handed out once and filled")
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_input_order() {
        let items: Vec<u64> = (0..1000).collect();
        let out = with_threads(4, || {
            map(&items, |n| {
                // Uneven work so threads finish out of order.
                std::thread::sleep(std::time::Duration::from_micros(n % 7 * 50));
                n * 2
            })
        });
        let expected: Vec<u64> = (0..1000).map(|n| n * 2).collect();
        assert_eq!(out, expected);
        assert_eq!(with_threads(1, threads), 1);
        let weighted = with_threads(3, || {
            map_heaviest_first(&items, |n| (n % 10) as usize, |n| n * 2)
        });
        assert_eq!(weighted, expected);
    }

    #[test]
    fn nested_maps_keep_the_callers_thread_limit() {
        let outer: Vec<u32> = (0..4).collect();
        let seen = with_threads(2, || map(&outer, |_| map(&[0u8; 3], |_| threads())));
        assert_eq!(seen, vec![vec![2; 3]; 4]);
        let single = with_threads(1, || map(&outer, |_| map(&[0u8; 3], |_| threads())));
        assert_eq!(single, vec![vec![1; 3]; 4]);
    }
}
