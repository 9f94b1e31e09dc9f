//! A long, time-bounded fuzz run of the loader: the samples and broken fixtures, damaged in
//! the ways files get damaged (flipped bytes, cuts, repeats, splices, stray JSON tokens),
//! must never make it panic. Run with
//! `CASEGRAPH_FUZZ_SECONDS=60 cargo test --test fuzz_loader -- --ignored --nocapture`;
//! it prints how many inputs it tried.

mod common;
#[path = "common/mutate.rs"]
mod mutate;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use casegraph::model::{MemoryDocuments, load_case_bytes};
use casegraph::seeded_random::SplitMix64;

/// Bits of JSON and of the format that a mutation may drop in.
const TOKENS: [&str; 16] = [
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "\\",
    "null",
    "1e999",
    "-0",
    "\"id\"",
    "\"supports\"",
    "\u{feff}",
    "\u{0}",
    "\"x\": NaN",
];

#[test]
#[ignore = "a long run; CI runs it with a time limit"]
fn damaged_files_never_panic_the_loader() {
    let seconds: u64 = std::env::var("CASEGRAPH_FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(30);
    let mut corpus: Vec<Vec<u8>> = Vec::new();
    for folder in ["sample_cases", "tests/fixtures/broken"] {
        for file in common::files_ending_with(folder, ".case.json") {
            corpus.push(std::fs::read(file).expect("a corpus file"));
        }
    }
    let documents = casegraph::sample::sample_documents();
    let empty = MemoryDocuments::default();
    let mut random = SplitMix64::new(20_180_606);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let (mut executions, mut crashes) = (0u64, Vec::new());
    // Panics are caught and counted; keep their messages out of the output.
    std::panic::set_hook(Box::new(|_| {}));
    while Instant::now() < deadline {
        let input = &corpus[random.below(corpus.len())];
        let damaged = mutate::mutate(input, &corpus, &TOKENS, &mut random);
        let store = if random.below(2) == 0 { &documents } else { &empty };
        let outcome = catch_unwind(AssertUnwindSafe(|| load_case_bytes(&damaged, "fuzz.case.json", store)));
        executions += 1;
        if outcome.is_err() && crashes.len() < 5 {
            crashes.push(damaged);
        }
    }
    drop(std::panic::take_hook());
    println!("loader fuzz: {executions} executions in {seconds} s, {} crashes", crashes.len());
    for (index, crash) in crashes.iter().enumerate() {
        let path = std::env::temp_dir().join(format!("casegraph-fuzz-crash-{index}.case.json"));
        match std::fs::write(&path, crash) {
            Ok(()) => println!("  crashing input written to {}", path.display()),
            Err(error) => println!("  crashing input not written to {}: {error}", path.display()),
        }
    }
    assert!(crashes.is_empty(), "the loader panicked on {} inputs", crashes.len());
}
