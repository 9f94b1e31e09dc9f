//! Keeps nodes from sitting on the same point: fdg-sim divides by the distance between
//! nodes, so two nodes at one point would turn the whole layout into NaN.

use rustc_hash::FxHashSet;

use super::WorldPoint;

/// Nodes closer than this, in world units, count as one point.
pub const MIN_SEPARATION: f32 = 0.01;

/// Moves apart nodes that share a point (to within [`MIN_SEPARATION`]), except pinned ones,
/// spreading them on a small spiral. Deterministic: the same positions give the same result.
/// Returns how many nodes moved.
pub fn separate_coincident(positions: &mut [WorldPoint], pinned: &[bool]) -> usize {
    // Nearly always no two nodes share a point: one pass through a hash set says so, for a
    // fraction of what sorting every node each step would cost.
    let mut seen = FxHashSet::with_capacity_and_hasher(positions.len(), Default::default());
    if positions.iter().all(|&p| seen.insert(cell(p))) {
        return 0;
    }
    let mut keyed: Vec<((i64, i64), usize)> = positions.iter().enumerate().map(|(i, &p)| (cell(p), i)).collect();
    keyed.sort_unstable();
    let order: Vec<usize> = keyed.iter().map(|&(_, i)| i).collect();
    let mut moved = 0;
    let mut start = 0;
    while start < order.len() {
        let here = keyed[start].0;
        let end = start + keyed[start..].iter().take_while(|(key, _)| *key == here).count();
        // The first free node of a group stays where it is, unless a pinned node holds the
        // point; the others move out onto rings 1, 2, 3…
        let group_has_pinned = order[start..end].iter().any(|&other| pinned[other]);
        let mut ring = usize::from(group_has_pinned);
        for &node in &order[start..end] {
            if pinned[node] {
                continue;
            }
            if ring == 0 {
                ring = 1;
                continue;
            }
            let angle = ring as f32 * 2.399_963;
            let radius = MIN_SEPARATION * 4.0 * (ring as f32).sqrt();
            positions[node] = [positions[node][0] + radius * angle.cos(), positions[node][1] + radius * angle.sin()];
            ring += 1;
            moved += 1;
        }
        start = end;
    }
    moved
}

/// The square of side [`MIN_SEPARATION`] that holds `p`: nodes in one square share a point.
fn cell(p: WorldPoint) -> (i64, i64) {
    ((p[0] / MIN_SEPARATION).floor() as i64, (p[1] / MIN_SEPARATION).floor() as i64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreads_a_stack_of_nodes_and_leaves_pinned_ones() {
        let mut positions = vec![[5.0, 5.0]; 100];
        let mut pinned = vec![false; 100];
        pinned[3] = true;
        let moved = separate_coincident(&mut positions, &pinned);
        assert_eq!(moved, 99);
        assert_eq!(positions[3], [5.0, 5.0]);
        for (i, a) in positions.iter().enumerate() {
            for b in &positions[i + 1..] {
                let distance = ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt();
                assert!(distance > 0.0);
            }
        }
        let mut again = positions.clone();
        assert_eq!(separate_coincident(&mut again, &pinned), 0, "separated nodes stay put");
    }
}
