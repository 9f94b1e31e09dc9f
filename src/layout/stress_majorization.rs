//! A few sweeps of stress majorization (Gansner, Koren and North, "Graph drawing by stress
//! majorization", 2004) to finish a mid-sized case's multilevel start: every node moves to
//! where its page distances best follow its hop distances to every other node. A force
//! layout draws each neighbourhood well but bends the whole; these sweeps straighten the
//! whole, and the simulation's polish then evens out the neighbourhoods again.
//!
//! Every pair of nodes counts, so the cost grows with the square of the nodes: the sweeps
//! are for cases up to [`MAJORIZED_UP_TO`] linked nodes. (A sparse model, with 50 to 200
//! pivots standing for the far nodes, was measured on generated cases of 10,000 nodes and
//! drew them worse than the force alone, stress 0.29 against 0.18: nodes with the same hops
//! to every pivot, such as a hub's one-link neighbours, gathered on one spot. Majorizing a
//! coarse level of a bigger case instead changed its stress by less than the seed does.)

use super::WorldPoint;
use super::barnes_hut::worker_threads;
use super::multilevel::adjacency;

/// The most linked nodes the sweeps run for; their hop table takes 2 bytes per pair.
pub(super) const MAJORIZED_UP_TO: usize = 2_000;

/// Sweeps over every node. Measured on generated cases of 1,000 nodes, three seeds: median
/// stress 0.151 without, 0.138 after four sweeps; three or six sweeps came within 0.003.
const SWEEPS: usize = 4;

/// Below this many nodes one thread does the sweeps: sharing would cost more than it saves.
const PARALLEL_FROM_NODES: usize = 500;

/// Hops are kept in 16 bits; this marks a pair with no path between.
const UNREACHED: u16 = u16::MAX;

/// Moves `positions` of nodes linked by `pairs` (numbered densely, each linked) through
/// [`SWEEPS`] rounds of localized stress majorization, with one hop worth the layout's mean
/// link length. Each round moves every node from the last round's positions, so the result
/// is the same to the bit on any number of threads. Says whether it ran: not for cases of
/// more than [`MAJORIZED_UP_TO`] nodes.
pub(super) fn majorize(positions: &mut [WorldPoint], pairs: &[(u32, u32)], link_length: f32) -> bool {
    let count = positions.len();
    let runs = (3..=MAJORIZED_UP_TO).contains(&count) && link_length > 0.0;
    if runs {
        let threads = if count >= PARALLEL_FROM_NODES { worker_threads() } else { 1 };
        majorize_on(positions, pairs, link_length, threads);
    }
    runs
}

/// [`majorize`] with the work shared between `threads` in fixed blocks of nodes.
fn majorize_on(positions: &mut [WorldPoint], pairs: &[(u32, u32)], link_length: f32, threads: usize) {
    let count = positions.len();
    let hops = hop_table(count, pairs, threads);
    let farthest = hops.iter().copied().filter(|&h| h != UNREACHED).max().unwrap_or(0);
    // A node's own entry (0 hops) weighs nothing.
    let by_hops: Vec<(f32, f32)> = (0..=farthest)
        .map(f32::from)
        .map(|h| if h == 0.0 { (0.0, 0.0) } else { (h * link_length, 1.0 / (h * h)) })
        .collect();
    let share = count.div_ceil(threads);
    let mut next = positions.to_vec();
    for _ in 0..SWEEPS {
        let (current, hops, by_hops): (&[WorldPoint], &[u16], &[(f32, f32)]) = (positions, &hops, &by_hops);
        std::thread::scope(|scope| {
            for (block, slice) in next.chunks_mut(share).enumerate() {
                scope.spawn(move || {
                    for (offset, point) in slice.iter_mut().enumerate() {
                        let node = block * share + offset;
                        *point = best_spot(current, node, &hops[node * count..(node + 1) * count], by_hops);
                    }
                });
            }
        });
        positions.copy_from_slice(&next);
    }
}

/// Where `node` best sits with every other node held still: the mean, weighted by one over
/// the hops squared, of the spots at the wanted distance from each other node, in the
/// direction the node lies from it now. `by_hops[h]` is the wanted distance and the weight
/// at `h` hops.
fn best_spot(positions: &[WorldPoint], node: usize, hops_from_node: &[u16], by_hops: &[(f32, f32)]) -> WorldPoint {
    let here = positions[node];
    let (mut sum_x, mut sum_y, mut total_weight) = (0.0f32, 0.0f32, 0.0f32);
    for (other, &hops) in positions.iter().zip(hops_from_node) {
        let Some(&(wanted, weight)) = by_hops.get(usize::from(hops)) else { continue };
        let (dx, dy) = (here[0] - other[0], here[1] - other[1]);
        let distance = (dx * dx + dy * dy).sqrt();
        let reach = if distance > 0.0 { wanted / distance } else { 0.0 };
        sum_x += weight * (other[0] + dx * reach);
        sum_y += weight * (other[1] + dy * reach);
        total_weight += weight;
    }
    if total_weight > 0.0 { [sum_x / total_weight, sum_y / total_weight] } else { here }
}

/// Hops between every pair of nodes, row by row, by a breadth-first search from each; the
/// rows are shared between threads in fixed blocks.
fn hop_table(count: usize, pairs: &[(u32, u32)], threads: usize) -> Vec<u16> {
    let neighbours = &adjacency(count, pairs);
    let mut hops = vec![UNREACHED; count * count];
    let rows_per_thread = count.div_ceil(threads);
    std::thread::scope(|scope| {
        for (block, rows) in hops.chunks_mut(rows_per_thread * count).enumerate() {
            scope.spawn(move || {
                let mut queue = Vec::with_capacity(count);
                for (offset, row) in rows.chunks_mut(count).enumerate() {
                    let source = block * rows_per_thread + offset;
                    row[source] = 0;
                    queue.clear();
                    queue.push(source as u32);
                    let mut head = 0;
                    while let Some(&node) = queue.get(head) {
                        head += 1;
                        let node = node as usize;
                        for &next in &neighbours[node] {
                            if row[next as usize] == UNREACHED {
                                row[next as usize] = row[node] + 1;
                                queue.push(next);
                            }
                        }
                    }
                }
            });
        }
    });
    hops
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{STRESS_SOURCES, sampled_stress};

    /// A path of `count` nodes folded back and forth in rows of five, one link apart.
    fn folded_path(count: usize) -> (Vec<WorldPoint>, Vec<(u32, u32)>) {
        let positions = (0..count)
            .map(|node| {
                let (row, column) = (node / 5, node % 5);
                let column = if row % 2 == 0 { column } else { 4 - column };
                [column as f32 * 10.0, row as f32 * 10.0]
            })
            .collect();
        let pairs = (1..count as u32).map(|node| (node - 1, node)).collect();
        (positions, pairs)
    }

    fn stress(positions: &[WorldPoint], pairs: &[(u32, u32)]) -> f64 {
        let edges: Vec<(usize, usize)> = pairs.iter().map(|&(a, b)| (a as usize, b as usize)).collect();
        sampled_stress(positions, &edges, STRESS_SOURCES)
    }

    #[test]
    fn a_crumpled_path_is_straightened_towards_its_graph_distances() {
        // A straight path, one link 10 apart, with every node pushed up to half a link off.
        let pairs: Vec<(u32, u32)> = (1..40).map(|node| (node - 1, node)).collect();
        let mut random = crate::seeded_random::SplitMix64::new(3);
        let mut positions: Vec<WorldPoint> =
            (0..40).map(|node| [node as f32 * 10.0 + random.unit() as f32 * 5.0, random.unit() as f32 * 5.0]).collect();
        let crumpled = stress(&positions, &pairs);
        majorize(&mut positions, &pairs, 10.0);
        let straightened = stress(&positions, &pairs);
        assert!(straightened < crumpled / 4.0, "stress {crumpled} before, {straightened} after");
    }

    #[test]
    fn a_folded_path_starts_to_open() {
        let (mut positions, pairs) = folded_path(40);
        let folded = stress(&positions, &pairs);
        majorize(&mut positions, &pairs, 10.0);
        let opened = stress(&positions, &pairs);
        assert!(opened < folded * 0.95, "stress {folded} before, {opened} after");
    }

    #[test]
    fn the_same_positions_come_out_on_one_thread_or_two() {
        let (start, pairs) = folded_path(60);
        let (mut alone, mut shared) = (start.clone(), start);
        majorize_on(&mut alone, &pairs, 10.0, 1);
        majorize_on(&mut shared, &pairs, 10.0, 2);
        assert_eq!(alone, shared);
    }

    #[test]
    fn separate_parts_and_cases_too_big_are_left_in_shape() {
        // Two links with no path between them: each keeps its own length.
        let mut positions = vec![[0.0, 0.0], [10.0, 0.0], [100.0, 0.0], [110.0, 0.0]];
        assert!(majorize(&mut positions, &[(0, 1), (2, 3)], 10.0));
        assert_eq!(positions, [[0.0, 0.0], [10.0, 0.0], [100.0, 0.0], [110.0, 0.0]]);
        let (mut big, pairs) = folded_path(MAJORIZED_UP_TO + 1);
        let before = big.clone();
        assert!(!majorize(&mut big, &pairs, 10.0));
        assert_eq!(big, before, "every pair would cost too much");
    }
}
