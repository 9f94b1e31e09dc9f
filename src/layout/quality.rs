//! How good a finished layout is, in numbers that can be compared between forces and with
//! other tools: how evenly long the links are, how many nodes sit on top of one another, and
//! how well distances on the page follow distances in the graph (stress).

use rustc_hash::FxHashMap;

use super::WorldPoint;

/// Measures of a layout.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutQuality {
    /// The mean link length, in world units.
    pub edge_length_mean: f64,
    /// The spread of link lengths: their standard deviation over their mean (0 is perfectly
    /// even; lower is better).
    pub edge_length_spread: f64,
    /// Pairs of nodes whose centres are closer than `overlap_distance`: drawn, they overlap.
    pub overlapping_pairs: usize,
}

/// The length of every link between two different nodes, in world units.
pub(super) fn link_lengths(positions: &[WorldPoint], edges: &[(usize, usize)]) -> Vec<f64> {
    edges
        .iter()
        .filter(|(a, b)| a != b && *a < positions.len() && *b < positions.len())
        .map(|&(a, b)| {
            let (dx, dy) = (positions[a][0] - positions[b][0], positions[a][1] - positions[b][1]);
            f64::from((dx * dx + dy * dy).sqrt())
        })
        .collect()
}

/// The mean length of the links between two different nodes, in world units; 0 without
/// links.
pub(super) fn mean_link_length(positions: &[WorldPoint], edges: &[(usize, usize)]) -> f64 {
    let lengths = link_lengths(positions, edges);
    lengths.iter().sum::<f64>() / lengths.len().max(1) as f64
}

/// The quality of `positions` with links between the `edges` (pairs of node indices);
/// nodes closer than `overlap_distance` count as overlapping.
pub fn measure(positions: &[WorldPoint], edges: &[(usize, usize)], overlap_distance: f32) -> LayoutQuality {
    let lengths = link_lengths(positions, edges);
    let count = lengths.len().max(1) as f64;
    let mean = lengths.iter().sum::<f64>() / count;
    let variance = lengths.iter().map(|length| (length - mean).powi(2)).sum::<f64>() / count;
    let spread = if mean > 0.0 { variance.sqrt() / mean } else { 0.0 };

    // Neighbours are found through a grid of cells as wide as the overlap distance.
    let cell_size = overlap_distance.max(f32::MIN_POSITIVE);
    let cell_of = |p: WorldPoint| ((p[0] / cell_size).floor() as i64, (p[1] / cell_size).floor() as i64);
    let mut cells: FxHashMap<(i64, i64), Vec<usize>> = FxHashMap::default();
    for (index, &point) in positions.iter().enumerate() {
        cells.entry(cell_of(point)).or_default().push(index);
    }
    let limit = overlap_distance * overlap_distance;
    let mut overlapping_pairs = 0;
    for (index, &point) in positions.iter().enumerate() {
        let (cx, cy) = cell_of(point);
        for x in cx - 1..=cx + 1 {
            for y in cy - 1..=cy + 1 {
                for &other in cells.get(&(x, y)).map_or(&[][..], Vec::as_slice) {
                    let (dx, dy) = (point[0] - positions[other][0], point[1] - positions[other][1]);
                    if other > index && dx * dx + dy * dy < limit {
                        overlapping_pairs += 1;
                    }
                }
            }
        }
    }
    LayoutQuality { edge_length_mean: mean, edge_length_spread: spread, overlapping_pairs }
}

/// How many nodes the sampled stress measures from: enough for a steady figure on large
/// cases, few enough to take well under a second at 100,000 nodes.
pub const STRESS_SOURCES: usize = 64;

/// The layout's stress against graph distances, sampled: from up to `sources` nodes spread
/// evenly through the case, the hop distance `d` to every node reached, against the distance
/// on the page scaled so the mean link length is 1; the mean of `((page − d) / d)²` over those
/// pairs. 0 is a perfect fit; lower is better. The same positions give the same figure.
pub fn sampled_stress(positions: &[WorldPoint], edges: &[(usize, usize)], sources: usize) -> f64 {
    let count = positions.len();
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); count];
    for &(a, b) in edges.iter().filter(|(a, b)| a != b && *a < count && *b < count) {
        neighbours[a].push(b);
        neighbours[b].push(a);
    }
    let mean_link = mean_link_length(positions, edges);
    if count == 0 || mean_link <= 0.0 {
        return 0.0;
    }
    let step = (count / sources.max(1)).max(1);
    let (mut total, mut pairs) = (0.0_f64, 0_u64);
    let mut hops = vec![u32::MAX; count];
    let mut queue = std::collections::VecDeque::new();
    for source in (0..count).step_by(step).take(sources) {
        hops.fill(u32::MAX);
        hops[source] = 0;
        queue.push_back(source);
        while let Some(node) = queue.pop_front() {
            for &next in &neighbours[node] {
                if hops[next] == u32::MAX {
                    hops[next] = hops[node] + 1;
                    queue.push_back(next);
                }
            }
        }
        for (target, &graph_distance) in hops.iter().enumerate() {
            if target == source || graph_distance == u32::MAX {
                continue;
            }
            let (dx, dy) = (positions[source][0] - positions[target][0], positions[source][1] - positions[target][1]);
            let page = f64::from((dx * dx + dy * dy).sqrt()) / mean_link;
            let wanted = f64::from(graph_distance);
            total += ((page - wanted) / wanted).powi(2);
            pairs += 1;
        }
    }
    if pairs == 0 { 0.0 } else { total / pairs as f64 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn even_links_have_no_spread_and_close_nodes_overlap() {
        let positions = [[0.0, 0.0], [100.0, 0.0], [100.0, 100.0], [105.0, 100.0]];
        let quality = measure(&positions, &[(0, 1), (1, 2)], 32.0);
        assert_eq!(quality.edge_length_mean, 100.0);
        assert_eq!(quality.edge_length_spread, 0.0);
        assert_eq!(quality.overlapping_pairs, 1, "only the last two are within 32 units");
        let uneven = measure(&positions, &[(0, 1), (2, 3)], 32.0);
        assert!((uneven.edge_length_spread - 95.0 / 105.0).abs() < 1e-6, "{uneven:?}");
    }

    #[test]
    fn a_path_laid_straight_has_no_stress_and_a_folded_one_has_some() {
        let straight = [[0.0, 0.0], [10.0, 0.0], [20.0, 0.0], [30.0, 0.0]];
        let path = [(0, 1), (1, 2), (2, 3)];
        assert!(sampled_stress(&straight, &path, STRESS_SOURCES) < 1e-12);
        let folded = [[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]];
        let stress = sampled_stress(&folded, &path, STRESS_SOURCES);
        // The ends are one link apart on the page and three in the graph: ((1 − 3) / 3)² from
        // each end, and √2 against 2 for the two pairs two hops apart, each counted both ways.
        let expected = (2.0 * (2.0_f64 / 3.0).powi(2) + 4.0 * ((2.0_f64.sqrt() - 2.0) / 2.0).powi(2)) / 12.0;
        assert!((stress - expected).abs() < 1e-9, "{stress} against {expected}");
    }
}
