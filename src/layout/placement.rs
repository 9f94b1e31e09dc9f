//! Where nodes start: at their saved position, or near the neighbours already placed.

use crate::model::{Case, CaseGraph};
use crate::seeded_random::SplitMix64;

use super::WorldPoint;

/// Saved coordinates are brought within this many world units of the origin: farther out,
/// single-precision positions lose whole units and the layout's arithmetic overflows.
pub const WORLD_LIMIT: f64 = 1e7;

/// Start positions for every node of `case`, indexed like `case.nodes`, and whether each is
/// pinned. Saved positions are kept exactly, so opening a saved case shows the analyst's
/// arrangement. A node without one starts a little way from the mean of its placed
/// neighbours; a group with no placed node at all starts on a spiral around the placed
/// ones. Every choice comes from the case's layout seed, so the result is always the same.
pub fn initial_positions(case: &Case, graph: &CaseGraph, edge_length: f32) -> (Vec<WorldPoint>, Vec<bool>) {
    let count = case.nodes.len();
    let mut positions: Vec<Option<WorldPoint>> = vec![None; count];
    let mut pinned = vec![false; count];
    for (index, node) in case.nodes.iter().enumerate() {
        if let Some(saved) = case.layout.positions.get(&node.id) {
            let coordinate = |value: f64| value.clamp(-WORLD_LIMIT, WORLD_LIMIT) as f32;
            positions[index] = Some([coordinate(saved.x), coordinate(saved.y)]);
            pinned[index] = saved.pinned;
        }
    }
    let mut random = SplitMix64::new(case.layout.seed);
    let mut groups_started = 0usize;
    while positions.iter().any(Option::is_none) {
        let mut progress = true;
        while progress {
            progress = false;
            for node in 0..count {
                if positions[node].is_some() {
                    continue;
                }
                let placed: Vec<WorldPoint> =
                    graph.neighbours(node).iter().filter_map(|neighbour| positions[neighbour.node]).collect();
                if placed.is_empty() {
                    continue;
                }
                let centre = mean(&placed);
                let angle = random.unit() as f32 * std::f32::consts::TAU;
                let radius = edge_length * (0.5 + 0.5 * random.unit() as f32);
                positions[node] = Some([centre[0] + radius * angle.cos(), centre[1] + radius * angle.sin()]);
                progress = true;
            }
        }
        // Start the next group that has no placed node, on a spiral around what is placed.
        if let Some(first) = positions.iter().position(Option::is_none) {
            let placed: Vec<WorldPoint> = positions.iter().flatten().copied().collect();
            let centre = if placed.is_empty() { [0.0, 0.0] } else { mean(&placed) };
            let angle = groups_started as f32 * 2.399_963; // the golden angle, in radians
            let radius = if placed.is_empty() { 0.0 } else { edge_length * 2.0 * (groups_started as f32 + 1.0).sqrt() };
            positions[first] = Some([centre[0] + radius * angle.cos(), centre[1] + radius * angle.sin()]);
            groups_started += 1;
        }
    }
    (positions.into_iter().map(|p| p.unwrap_or([0.0, 0.0])).collect(), pinned)
}

fn mean(points: &[WorldPoint]) -> WorldPoint {
    let n = points.len().max(1) as f32;
    let sum = points.iter().fold([0.0, 0.0], |sum, p| [sum[0] + p[0], sum[1] + p[1]]);
    [sum[0] / n, sum[1] / n]
}
