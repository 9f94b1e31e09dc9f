//! Keeps nodes from sitting on the same point: fdg-sim divides by the distance between
//! nodes, so two nodes at one point would turn the whole layout into NaN.

use rustc_hash::{FxHashMap, FxHashSet};

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
    if positions.iter().all(|&p| seen.insert(cell(p, MIN_SEPARATION))) {
        return 0;
    }
    let mut keyed: Vec<((i64, i64), usize)> =
        positions.iter().enumerate().map(|(i, &p)| (cell(p, MIN_SEPARATION), i)).collect();
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

/// The square of a grid of `side` that holds `p`: with a side of [`MIN_SEPARATION`], nodes
/// in one square share a point.
fn cell(p: WorldPoint, side: f32) -> (i64, i64) {
    ((p[0] / side).floor() as i64, (p[1] / side).floor() as i64)
}

/// Rounds of [`spread_close_pairs`]: a pair is parted in one, and the rest are for nodes
/// that a parting pushes into a third.
const SPREAD_ROUNDS: usize = 10;

/// Moves apart, over up to [`SPREAD_ROUNDS`] rounds, every two nodes closer than
/// `least_distance`: each moves away from the other by half of what is missing (all of it
/// when the other is held `still`), and a twentieth of the distance more, so that a node
/// squeezed between two others is free in a few rounds. Each round measures from the last
/// round's positions and adds the moves up node by node in index order, so the result is
/// deterministic. Returns the rounds that moved a node.
pub fn spread_close_pairs(positions: &mut [WorldPoint], still: &[bool], least_distance: f32) -> usize {
    if least_distance <= 0.0 {
        return 0;
    }
    for round in 0..SPREAD_ROUNDS {
        let mut by_square: FxHashMap<(i64, i64), Vec<u32>> = FxHashMap::default();
        for (node, &p) in positions.iter().enumerate() {
            by_square.entry(cell(p, least_distance)).or_default().push(node as u32);
        }
        let mut moves = vec![[0.0f32; 2]; positions.len()];
        let mut any = false;
        for (node, &here) in positions.iter().enumerate() {
            if still[node] {
                continue;
            }
            let (column, row) = cell(here, least_distance);
            for near in (-1..=1).flat_map(|dx| (-1..=1).map(move |dy| (column + dx, row + dy))) {
                for &other in by_square.get(&near).into_iter().flatten() {
                    let other = other as usize;
                    if other == node {
                        continue;
                    }
                    let (dx, dy) = (here[0] - positions[other][0], here[1] - positions[other][1]);
                    let distance = (dx * dx + dy * dy).sqrt();
                    if distance >= least_distance {
                        continue;
                    }
                    // Nodes on one point part along a direction fixed by their indices.
                    let (ux, uy) = if distance > 0.0 {
                        (dx / distance, dy / distance)
                    } else {
                        let angle = (node.min(other) * 7 + node.max(other)) as f32 * 2.399_963;
                        let sign = if node < other { 1.0 } else { -1.0 };
                        (sign * angle.cos(), sign * angle.sin())
                    };
                    let missing = least_distance * 1.05 - distance;
                    let push = if still[other] { missing } else { missing / 2.0 };
                    moves[node][0] += ux * push;
                    moves[node][1] += uy * push;
                    any = true;
                }
            }
        }
        if !any {
            return round;
        }
        for (point, step) in positions.iter_mut().zip(&moves) {
            point[0] += step[0];
            point[1] += step[1];
        }
    }
    SPREAD_ROUNDS
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

    #[test]
    fn close_nodes_are_parted_to_the_least_distance_and_held_ones_stay() {
        let mut positions = vec![[0.0, 0.0], [10.0, 0.0], [10.0, 0.0], [5.0, 8.0], [500.0, 0.0]];
        let still = [true, false, false, false, false];
        let rounds = spread_close_pairs(&mut positions, &still, 32.0);
        assert!((1..SPREAD_ROUNDS).contains(&rounds), "{rounds} rounds: {positions:?}");
        assert_eq!(positions[0], [0.0, 0.0], "a held node stays");
        assert_eq!(positions[4], [500.0, 0.0], "a node with room stays");
        for a in 0..positions.len() {
            for b in a + 1..positions.len() {
                let distance =
                    ((positions[a][0] - positions[b][0]).powi(2) + (positions[a][1] - positions[b][1]).powi(2)).sqrt();
                assert!(distance >= 32.0, "{a} and {b} are {distance} apart");
            }
        }
        let mut again = vec![[0.0, 0.0], [10.0, 0.0], [10.0, 0.0], [5.0, 8.0], [500.0, 0.0]];
        spread_close_pairs(&mut again, &still, 32.0);
        assert_eq!(again, positions, "the same positions, the same result");
        assert_eq!(spread_close_pairs(&mut again, &still, 32.0), 0, "parted nodes stay put");
    }
}
