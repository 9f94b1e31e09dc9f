//! The review before publication at scale: every claim of a 10,000-node case checked for its
//! risks, support and mark must take under 100 ms. The synthetic case grades its sources and
//! quotes, has copies that repeat another source, and denials, so every rule is exercised.

use std::hint::black_box;

use casegraph::export::{LedgerFormat, ledger_report};
use casegraph::model::{CaseGraph, CaseSupport, Ledger, MemoryDocuments};
use casegraph::synthetic::generate_case;
use criterion::{Criterion, criterion_group, criterion_main};

fn review(c: &mut Criterion) {
    let mut group = c.benchmark_group("review");
    group.sample_size(20);
    let case = generate_case(10_000, 7);
    let graph = CaseGraph::new(&case);
    let documents = MemoryDocuments::default();
    group.bench_function("ledger/10000_nodes", |b| b.iter(|| black_box(Ledger::of(&case, &graph, &documents))));
    group.bench_function("support/10000_nodes", |b| b.iter(|| black_box(CaseSupport::of(&case, &graph))));
    let ledger = Ledger::of(&case, &graph, &documents);
    group.bench_function("markdown/10000_nodes", |b| {
        b.iter(|| black_box(ledger_report(&case, &graph, &ledger, LedgerFormat::Markdown)));
    });
    group.finish();
}

criterion_group!(benches, review);
criterion_main!(benches);
