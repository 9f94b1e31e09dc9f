//! Finding the node under the pointer in a 50,000-node case through the picking grid, and
//! keeping the grid up to date in a frame where one node moved (a drag) or none did.

use std::hint::black_box;

use casegraph::seeded_random::SplitMix64;
use casegraph::spatial_index::PointGrid;
use casegraph::synthetic::generate_case;
use casegraph::theme::NODE_RADIUS;
use criterion::{Criterion, criterion_group, criterion_main};

/// Screen points the canvas is wide, and the pointer's reach around a node, as in the window.
const CANVAS_POINTS: f32 = 1_000.0;
const PICK_RADIUS_POINTS: f32 = 5.0;

fn picking(c: &mut Criterion) {
    let case = generate_case(50_000, 11);
    let positions: Vec<[f32; 2]> = case
        .nodes
        .iter()
        .map(|node| case.layout.positions.get(&node.id).map_or([0.0, 0.0], |p| [p.x as f32, p.y as f32]))
        .collect();
    let (low, high) = positions.iter().fold(([f32::MAX; 2], [f32::MIN; 2]), |(low, high), p| {
        ([low[0].min(p[0]), low[1].min(p[1])], [high[0].max(p[0]), high[1].max(p[1])])
    });
    // The whole case fitted to the canvas: the zoom at which a pick reaches farthest.
    let zoom = CANVAS_POINTS / (high[0] - low[0]).max(high[1] - low[1]);
    let radius_world = (NODE_RADIUS * zoom).max(PICK_RADIUS_POINTS) / zoom;
    let mut grid = PointGrid::new(4.0 * NODE_RADIUS);
    grid.update(&positions);
    let mut random = SplitMix64::new(5);
    let probes: Vec<[f32; 2]> = (0..1_024)
        .map(|_| {
            let near = positions[random.below(positions.len())];
            [near[0] + random.unit() as f32 * 20.0, near[1] + random.unit() as f32 * 20.0]
        })
        .collect();
    let mut next = 0;
    c.bench_function("hover_pick/50000", |b| {
        b.iter(|| {
            next = (next + 1) % probes.len();
            black_box(grid.nearest(probes[next], radius_world, |_| true))
        });
    });
    c.bench_function("grid_update_unchanged/50000", |b| b.iter(|| black_box(grid.update(&positions))));
    let mut dragged = positions.clone();
    let mut step = 0.0;
    c.bench_function("grid_update_one_moved/50000", |b| {
        b.iter(|| {
            step += 1.0;
            dragged[17] = [positions[17][0] + step, positions[17][1]];
            black_box(grid.update(&dragged))
        });
    });
}

criterion_group!(benches, picking);
criterion_main!(benches);
