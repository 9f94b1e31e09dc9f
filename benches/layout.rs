//! One layout step and a whole run to rest, for fdg-sim's own force (every pair of nodes,
//! O(n²) a step: the reference) and the Barnes–Hut force (O(n log n)), on synthetic cases
//! with twice as many links as nodes and no saved positions.

use std::hint::black_box;
use std::time::Instant;

use casegraph::layout::{ForceLayout, LayoutEngine, LayoutSettings, measure};
use casegraph::model::{Case, CaseGraph};
use casegraph::synthetic::generate_case;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

/// A synthetic case with no saved positions, so the layout does all the work.
fn unplaced_case(nodes: usize) -> Case {
    let mut case = generate_case(nodes, 11);
    case.layout.positions.clear();
    case
}

fn settings(engine: LayoutEngine) -> LayoutSettings {
    LayoutSettings { engine, ..LayoutSettings::default() }
}

fn layout_step(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout_step");
    group.sample_size(10);
    let runs = [
        (LayoutEngine::FdgSim, 1_000),
        (LayoutEngine::FdgSim, 10_000),
        (LayoutEngine::BarnesHut, 1_000),
        (LayoutEngine::BarnesHut, 10_000),
        (LayoutEngine::BarnesHut, 50_000),
        (LayoutEngine::BarnesHut, 100_000),
    ];
    for (engine, nodes) in runs {
        let case = unplaced_case(nodes);
        let graph = CaseGraph::new(&case);
        let mut layout = ForceLayout::new(&case, &graph, settings(engine));
        // Waking the layout first keeps every timed step a real one, even after it settles.
        group.bench_with_input(BenchmarkId::new(engine.as_str(), nodes), &nodes, |b, _| {
            b.iter(|| {
                layout.restart();
                black_box(layout.step())
            });
        });
    }
    group.finish();
}

/// A whole run to rest is too long for criterion's repetitions: it is timed once per size and
/// printed, with the quality of the result (link length spread, overlapping node pairs).
fn layout_to_rest(_: &mut Criterion) {
    let runs = [(LayoutEngine::FdgSim, 1_000), (LayoutEngine::BarnesHut, 1_000), (LayoutEngine::BarnesHut, 10_000)];
    for (engine, nodes) in runs {
        let case = unplaced_case(nodes);
        let graph = CaseGraph::new(&case);
        let started = Instant::now();
        let mut layout = ForceLayout::new(&case, &graph, settings(engine));
        let steps = layout.run_until_settled();
        let elapsed = started.elapsed();
        let quality = measure(layout.positions(), layout.linked_pairs(), 32.0);
        println!(
            "layout to rest, {} at {nodes} nodes: {steps} steps in {:.0} ms ({:.2} ms a step); link length spread {:.4}, {} overlapping pairs",
            engine.as_str(),
            elapsed.as_secs_f64() * 1e3,
            elapsed.as_secs_f64() * 1e3 / steps.max(1) as f64,
            quality.edge_length_spread,
            quality.overlapping_pairs,
        );
    }
}

criterion_group!(benches, layout_step, layout_to_rest);
criterion_main!(benches);
