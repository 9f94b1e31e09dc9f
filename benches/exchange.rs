//! Exchange at scale: importing a 50,000-entity FollowTheMoney stream must take under 2 s, and
//! writing a 50,000-node case as GEXF under 1 s. GraphML, the spreadsheets, and planning to
//! join the stream to a 50,000-node case are measured beside them. The stream is a
//! 15,000-node synthetic case's own, cut at 50,000 entities, so it holds things,
//! relationships, payments, articles and quotes in their usual shares.

use std::hint::black_box;

use casegraph::exchange::{
    case_to_csv, case_to_ftm, case_to_gexf, case_to_graphml, plan_merge, read_csv_sheets, read_ftm_stream,
};
use casegraph::synthetic::{SyntheticShape, generate};
use criterion::{Criterion, criterion_group, criterion_main};

/// The first `count` lines of `stream`.
fn first_entities(stream: &str, count: usize) -> String {
    let mut lines: Vec<&str> = stream.lines().take(count).collect();
    lines.push("");
    lines.join("\n")
}

fn exchange(c: &mut Criterion) {
    let mut group = c.benchmark_group("exchange");
    group.sample_size(10);
    let shape = SyntheticShape { nodes: 50_000, links_per_node: 2.0, placed: 1.0, seed: 7, dated: true };
    let case = generate(&shape);
    let streamed = generate(&SyntheticShape { nodes: 15_000, ..shape });
    let stream = first_entities(&case_to_ftm(&streamed), 50_000);
    assert_eq!(stream.lines().count(), 50_000);
    group.bench_function("ftm_import/50000_entities", |b| {
        b.iter(|| black_box(read_ftm_stream(stream.as_bytes(), "big.ftm")));
    });
    let imported = read_ftm_stream(stream.as_bytes(), "big.ftm").expect("the stream reads").case;
    group.bench_function("plan_merge/50000_entities_into_50000_nodes", |b| {
        b.iter(|| black_box(plan_merge(&case, &imported)));
    });
    group.bench_function("ftm_export/50000_nodes", |b| b.iter(|| black_box(case_to_ftm(&case))));
    group.bench_function("gexf_export/50000_nodes", |b| b.iter(|| black_box(case_to_gexf(&case))));
    group.bench_function("graphml_export/50000_nodes", |b| b.iter(|| black_box(case_to_graphml(&case))));
    group.bench_function("csv_export/50000_nodes", |b| b.iter(|| black_box(case_to_csv(&case))));
    let (entities, links) = case_to_csv(&case);
    group.bench_function("csv_import/50000_nodes", |b| {
        b.iter(|| black_box(read_csv_sheets(entities.as_bytes(), Some(links.as_bytes()), "big")));
    });
    group.finish();
}

criterion_group!(benches, exchange);
criterion_main!(benches);
