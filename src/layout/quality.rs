//! How good a finished layout is, in numbers that can be compared between forces: how evenly
//! long the links are, and how many nodes sit on top of one another.

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

/// The quality of `positions` with links between the `edges` (pairs of node indices);
/// nodes closer than `overlap_distance` count as overlapping.
pub fn measure(positions: &[WorldPoint], edges: &[(usize, usize)], overlap_distance: f32) -> LayoutQuality {
    let lengths: Vec<f64> = edges
        .iter()
        .filter(|(a, b)| a != b && *a < positions.len() && *b < positions.len())
        .map(|&(a, b)| {
            let (dx, dy) = (positions[a][0] - positions[b][0], positions[a][1] - positions[b][1]);
            f64::from((dx * dx + dy * dy).sqrt())
        })
        .collect();
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
}
