//! The heap a parse holds at its peak, against the input's size, stage by stage: the figure behind
//! the CLI's memory budget (peak ≤ 4× the input, BENCHMARKS.md). `cargo run --release --example
//! peak_memory -- FILE` (the default session ×121 is the 50 MB file of the budget).
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

struct Tracking;
static NOW: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

fn grew(by: usize) {
    let now = NOW.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(now, Relaxed);
}

// SAFETY: every call is passed on to the system allocator unchanged; only counters are added.
unsafe impl GlobalAlloc for Tracking {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        grew(l.size());
        // SAFETY: the caller's guarantees are the system allocator's.
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        NOW.fetch_sub(l.size(), Relaxed);
        // SAFETY: as above.
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        if n > l.size() {
            grew(n - l.size());
        } else {
            NOW.fetch_sub(l.size() - n, Relaxed);
        }
        // SAFETY: as above.
        unsafe { System.realloc(p, l, n) }
    }
}

#[global_allocator]
static GLOBAL: Tracking = Tracking;

fn mb(n: usize) -> f64 {
    n as f64 / 1048576.0
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "sessions/cfm-44-political-ar.txt".into());
    let bytes = std::fs::read(&path).expect("the file should be readable");
    let input = bytes.len();
    let report = |stage: &str| {
        println!(
            "{stage:<28} now {:>8.1} MB  peak {:>8.1} MB  ({:.2}× the input)",
            mb(NOW.load(Relaxed)),
            mb(PEAK.load(Relaxed)),
            PEAK.load(Relaxed) as f64 / input as f64
        )
    };
    report("file read");
    if std::env::var("PEAK_NORM").is_ok() {
        let text = String::from_utf8(bytes.clone()).unwrap();
        let before = NOW.load(Relaxed);
        let n = qarar::internals::Normalized::document(&text);
        println!(
            "normalised document: {:.1} MB",
            mb(NOW.load(Relaxed) - before)
        );
        drop(n);
        drop(text);
    }
    let doc = qarar::read(bytes).expect("the file should be a session");
    report("parsed (text dropped)");
    let json = serde_json::to_vec(&doc).expect("JSON");
    report("JSON written to memory");
    drop((json, doc));
    report("all dropped");
}
