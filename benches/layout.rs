//! One layout step and a whole run to rest, at 100, 500, 1,000 and 5,000 nodes. fdg-sim's
//! force compares every pair of nodes, so a step grows with the square of the node count;
//! these figures are the baseline a faster force must beat.

use std::hint::black_box;
use std::time::Instant;

use casegraph::layout::{ForceLayout, LayoutSettings};
use casegraph::model::{Case, CaseGraph};
use casegraph::synthetic::generate_case;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

/// A synthetic case with no saved positions, so the layout does all the work.
fn unplaced_case(nodes: usize) -> Case {
    let mut case = generate_case(nodes, 11);
    case.layout.positions.clear();
    case
}

fn layout_step(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout_step");
    group.sample_size(10);
    for nodes in [100, 500, 1_000, 5_000] {
        let case = unplaced_case(nodes);
        let graph = CaseGraph::new(&case);
        let mut layout = ForceLayout::new(&case, &graph, LayoutSettings::default());
        // Waking the layout first keeps every timed step a real one, even after it settles.
        group.bench_with_input(BenchmarkId::from_parameter(nodes), &nodes, |b, _| {
            b.iter(|| {
                layout.restart();
                black_box(layout.step())
            })
        });
    }
    group.finish();
}

/// A whole run to rest takes minutes at 5,000 nodes, too long for criterion's repetitions:
/// it is timed once per size and printed.
fn layout_to_rest(_: &mut Criterion) {
    for nodes in [100, 500, 1_000, 5_000] {
        let case = unplaced_case(nodes);
        let graph = CaseGraph::new(&case);
        let started = Instant::now();
        let mut layout = ForceLayout::new(&case, &graph, LayoutSettings::default());
        let steps = layout.run_until_settled();
        let elapsed = started.elapsed();
        println!(
            "layout to rest, {nodes} nodes: {steps} steps in {:.0} ms ({:.2} ms a step)",
            elapsed.as_secs_f64() * 1e3,
            elapsed.as_secs_f64() * 1e3 / steps.max(1) as f64
        );
    }
}

criterion_group!(benches, layout_step, layout_to_rest);
criterion_main!(benches);
