//! Load + validate throughput on a generated 50,000-node case, and the peak memory one load
//! takes, as a multiple of the file size (targets: at least 300 MB/s, under 4× the file);
//! and the bundled sample, including the check of every quote against its source.

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use casegraph::model::{MemoryDocuments, case_to_json, load_case_bytes};
use casegraph::synthetic::generate_case;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

/// Counts live and peak heap bytes, while `COUNTING` is set, so the bench can report what
/// one load needs.
struct CountingAllocator;

static COUNTING: AtomicBool = AtomicBool::new(false);
static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

// SAFETY: forwards every call to the system allocator unchanged; only counts sizes.
#[expect(unsafe_code)]
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        if COUNTING.load(Ordering::Relaxed) {
            let live = LIVE.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        }
        // SAFETY: same contract as the caller's.
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        if COUNTING.load(Ordering::Relaxed) {
            LIVE.fetch_sub(layout.size(), Ordering::Relaxed);
        }
        // SAFETY: same contract as the caller's.
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        if !COUNTING.load(Ordering::Relaxed) {
        } else if new_size > layout.size() {
            let live = LIVE.fetch_add(new_size - layout.size(), Ordering::Relaxed) + new_size - layout.size();
            PEAK.fetch_max(live, Ordering::Relaxed);
        } else {
            LIVE.fetch_sub(layout.size() - new_size, Ordering::Relaxed);
        }
        // SAFETY: same contract as the caller's.
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: CountingAllocator = CountingAllocator;

const NODES: usize = 50_000;

fn load_throughput(c: &mut Criterion) {
    let text = case_to_json(&generate_case(NODES, 7)).expect("generated case saves");
    let bytes = text.into_bytes();
    let documents = MemoryDocuments::default();

    // Count only during one load, so the timed loads below run at full speed.
    LIVE.store(0, Ordering::Relaxed);
    PEAK.store(0, Ordering::Relaxed);
    COUNTING.store(true, Ordering::Relaxed);
    let report = load_case_bytes(&bytes, "generated.case.json", &documents);
    COUNTING.store(false, Ordering::Relaxed);
    let peak = PEAK.load(Ordering::Relaxed);
    assert_eq!(report.error_count(), 0, "{:?}", &report.diagnostics[..report.diagnostics.len().min(3)]);
    let file_mb = bytes.len() as f64 / 1e6;
    println!(
        "load {NODES} nodes: file {file_mb:.1} MB; peak heap during load {:.1} MB = {:.2}x the file (excluding the file's own bytes)",
        peak as f64 / 1e6,
        peak as f64 / bytes.len() as f64
    );
    drop(report);

    let mut group = c.benchmark_group("load");
    group.throughput(Throughput::BytesDecimal(bytes.len() as u64));
    group.sample_size(20);
    // The loaded case is what the analyst works on, so freeing it is not part of loading.
    group.bench_function(format!("load_and_validate_{NODES}_nodes"), |b| {
        b.iter_with_large_drop(|| load_case_bytes(black_box(&bytes), "generated.case.json", &documents));
    });
    group.finish();

    let sample = casegraph::sample::SAMPLE_CASE_JSON.as_bytes();
    let sample_documents = casegraph::sample::sample_documents();
    let mut group = c.benchmark_group("load_sample");
    group.throughput(Throughput::BytesDecimal(sample.len() as u64));
    group.bench_function("load_validate_and_check_quotes", |b| {
        b.iter_with_large_drop(|| load_case_bytes(black_box(sample), "sample.case.json", &sample_documents));
    });
    group.finish();
}

criterion_group!(benches, load_throughput);
criterion_main!(benches);
