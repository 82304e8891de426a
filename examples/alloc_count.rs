//! Counts the heap allocations of one parse of the default session (the lexicons are loaded by a
//! first parse, which is not counted). Allocation was a sixth of the parse's time in the profile:
//! `cargo run --release --example alloc_count`.
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Counting;
static ALLOCS: AtomicUsize = AtomicUsize::new(0);
static REALLOCS: AtomicUsize = AtomicUsize::new(0);

// SAFETY: every call is passed on to the system allocator unchanged; only counters are added.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        ALLOCS.fetch_add(1, Relaxed);
        // SAFETY: the caller's guarantees are the system allocator's.
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        REALLOCS.fetch_add(1, Relaxed);
        // SAFETY: as above.
        unsafe { System.realloc(p, l, n) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn main() {
    let s = include_str!("../sessions/cfm-44-political-ar.txt");
    drop(qarar::parse(s));
    let (a, r) = (ALLOCS.load(Relaxed), REALLOCS.load(Relaxed));
    drop(qarar::parse(s));
    println!(
        "one parse: {} allocations, {} reallocations",
        ALLOCS.load(Relaxed) - a,
        REALLOCS.load(Relaxed) - r
    );
}
