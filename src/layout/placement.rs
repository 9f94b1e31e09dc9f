//! Where nodes start: at their saved position, or spread out from the nodes already placed,
//! with room for everything that still has to find a place.

use std::collections::VecDeque;

use crate::model::{Case, CaseGraph};
use crate::seeded_random::SplitMix64;

use super::WorldPoint;

/// Saved coordinates are brought within this many world units of the origin: farther out,
/// single-precision positions lose whole units and the layout's arithmetic overflows.
pub const WORLD_LIMIT: f64 = 1e7;

/// The golden angle, in radians: successive turns by it never line up, so points placed one
/// after another around a centre fill a disc evenly (a sunflower's seeds).
const GOLDEN_ANGLE: f32 = 2.399_963;

/// Room a placed node takes, as the radius of its share of the plane, in edge lengths: the
/// spacing a settled layout has about its nodes.
const ROOM_PER_NODE: f32 = 0.6;

/// Start positions for every node of `case`, indexed like `case.nodes`, and whether each is
/// pinned. Saved positions are kept exactly, so opening a saved case shows the analyst's
/// arrangement. The others spread out breadth first from the placed ones: a node starts
/// about the mean of its neighbours placed so far, offset as the n-th node placed by the
/// neighbour the spread reached it from, on a sunflower spiral about √n half edge lengths
/// out, away from where that neighbour came from. So a hub's many neighbours start around it
/// with room, and a big case starts close to its final shape instead of as a knot. A group with no placed node at all starts
/// from its best-connected node, placed outside everything placed so far. Every choice
/// comes from the case's layout seed, so the result is always the same.
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
    let mut adjacency = vec![Vec::new(); count];
    for (source, target) in super::linked_pairs(case, graph) {
        if source != target {
            adjacency[source].push(target);
            adjacency[target].push(source);
        }
    }
    let mut spread = Spread::new(positions, adjacency, edge_length, case.layout.seed);
    spread.run();
    // Then each group that has no placed node, best connected first.
    let mut roots: Vec<usize> = (0..count).filter(|&node| spread.positions[node].is_none()).collect();
    roots.sort_by_key(|&node| (std::cmp::Reverse(spread.adjacency[node].len()), node));
    for root in roots {
        if spread.positions[root].is_none() {
            spread.start_group(root);
            spread.run();
        }
    }
    (spread.positions.into_iter().map(|p| p.unwrap_or([0.0, 0.0])).collect(), pinned)
}

/// The breadth-first spread of positions from placed nodes to their unplaced neighbours.
struct Spread {
    positions: Vec<Option<WorldPoint>>,
    adjacency: Vec<Vec<usize>>,
    /// How many neighbours each node has placed around itself so far.
    placed_around: Vec<u32>,
    /// The direction, in radians, in which each node was placed from the node that placed it:
    /// its own neighbours continue outwards.
    outward: Vec<f32>,
    /// Placed nodes whose neighbours have not been placed yet.
    queue: VecDeque<usize>,
    edge_length: f32,
    random: SplitMix64,
    /// Where groups are placed around, and how far out what is placed reaches from there.
    centre: WorldPoint,
    occupied_radius_squared: f32,
    groups: u32,
}

impl Spread {
    fn new(positions: Vec<Option<WorldPoint>>, adjacency: Vec<Vec<usize>>, edge_length: f32, seed: u64) -> Self {
        let placed: Vec<WorldPoint> = positions.iter().flatten().copied().collect();
        let centre = mean(&placed);
        let farthest_squared = placed.iter().map(|&p| distance_squared(p, centre)).fold(0.0, f32::max);
        let room = ROOM_PER_NODE * edge_length;
        let count = positions.len();
        let queue = (0..count).filter(|&node| positions[node].is_some()).collect();
        Self {
            positions,
            adjacency,
            placed_around: vec![0; count],
            outward: vec![0.0; count],
            queue,
            edge_length,
            random: SplitMix64::new(seed),
            centre,
            occupied_radius_squared: farthest_squared.max(room * room * placed.len() as f32),
            groups: 0,
        }
    }

    /// Places every unplaced node reachable from the queued ones.
    fn run(&mut self) {
        while let Some(node) = self.queue.pop_front() {
            let Some(from) = self.positions[node] else { continue };
            for slot in 0..self.adjacency[node].len() {
                let neighbour = self.adjacency[node][slot];
                if self.positions[neighbour].is_some() {
                    continue;
                }
                // The n-th on a sunflower spiral, a little off it so that no two layouts
                // look alike: the first anywhere from half to a whole edge length out, later
                // ones by less than the spiral's spacing.
                let around = self.placed_around[node] as f32;
                let turns = around.sqrt();
                self.placed_around[node] += 1;
                let (wobble_angle, wobble_radius) = (self.random.unit() as f32 - 0.5, self.random.unit() as f32);
                let angle = self.outward[node] + around * GOLDEN_ANGLE + wobble_angle / (1.0 + turns);
                let radius = self.edge_length * 0.5 * (1.0 + turns + wobble_radius / (1.0 + turns));
                let centre = self.centre_of_placed_neighbours(neighbour).unwrap_or(from);
                self.place(neighbour, [centre[0] + radius * angle.cos(), centre[1] + radius * angle.sin()]);
                self.outward[neighbour] = angle;
            }
        }
    }

    /// Places `root`, the best-connected node of a group with nothing placed, just outside
    /// what is placed so far, leaving room for the group's size, on a spiral of groups.
    fn start_group(&mut self, root: usize) {
        let size = self.group_size(root) as f32;
        let room = ROOM_PER_NODE * self.edge_length;
        let radius = if self.occupied_radius_squared > 0.0 {
            self.occupied_radius_squared.sqrt() + room * size.sqrt()
        } else {
            0.0
        };
        let angle = self.groups as f32 * GOLDEN_ANGLE;
        self.groups += 1;
        self.place(root, [self.centre[0] + radius * angle.cos(), self.centre[1] + radius * angle.sin()]);
        self.outward[root] = angle;
    }

    fn place(&mut self, node: usize, position: WorldPoint) {
        self.positions[node] = Some(position);
        let room = ROOM_PER_NODE * self.edge_length;
        self.occupied_radius_squared += room * room;
        self.queue.push_back(node);
    }

    /// The mean position of `node`'s placed neighbours, when it has any.
    fn centre_of_placed_neighbours(&self, node: usize) -> Option<WorldPoint> {
        let placed: Vec<WorldPoint> = self.adjacency[node].iter().filter_map(|&other| self.positions[other]).collect();
        (!placed.is_empty()).then(|| mean(&placed))
    }

    /// How many unplaced nodes `root` reaches through unplaced nodes.
    fn group_size(&self, root: usize) -> usize {
        let mut seen = std::collections::HashSet::from([root]);
        let mut stack = vec![root];
        while let Some(node) = stack.pop() {
            for &neighbour in &self.adjacency[node] {
                if self.positions[neighbour].is_none() && seen.insert(neighbour) {
                    stack.push(neighbour);
                }
            }
        }
        seen.len()
    }
}

/// Candidate directions tried around a centre by [`free_spot_beside`].
const FREE_SPOT_TRIES: usize = 12;

/// A place `distance` from `centre` for a node the analyst adds. Directions turn by the
/// golden angle, starting one turn on for every node already within reach of `centre` (so
/// the first node added goes straight to the right, the next elsewhere); the first direction
/// with room is taken, or else the roomiest. Nodes added one beside another then never fall
/// on one line, where a link between the outer two would run through the middle one and the
/// layout, whose forces stay on that line, could never pull it off.
pub fn free_spot_beside(centre: WorldPoint, distance: f32, positions: &[WorldPoint]) -> WorldPoint {
    let reach_squared = (2.0 * distance).powi(2);
    let near: Vec<WorldPoint> =
        positions.iter().copied().filter(|&other| distance_squared(centre, other) < reach_squared).collect();
    let first_turn = near.iter().filter(|&&other| distance_squared(centre, other) > 1e-6).count();
    let room = |spot: WorldPoint| near.iter().map(|&other| distance_squared(spot, other)).fold(f32::INFINITY, f32::min);
    let enough_room = (0.75 * distance).powi(2);
    let spots = (first_turn..first_turn + FREE_SPOT_TRIES).map(|turn| {
        let angle = turn as f32 * GOLDEN_ANGLE;
        let spot = [centre[0] + distance * angle.cos(), centre[1] + distance * angle.sin()];
        (spot, room(spot))
    });
    let mut roomiest = ([centre[0] + distance, centre[1]], f32::NEG_INFINITY);
    for (spot, spot_room) in spots {
        if spot_room >= enough_room {
            return spot;
        }
        if spot_room > roomiest.1 {
            roomiest = (spot, spot_room);
        }
    }
    roomiest.0
}

/// The mean of `points`; the origin when there are none.
pub(super) fn mean(points: &[WorldPoint]) -> WorldPoint {
    let n = points.len().max(1) as f32;
    let sum = points.iter().fold([0.0, 0.0], |sum, p| [sum[0] + p[0], sum[1] + p[1]]);
    [sum[0] / n, sum[1] / n]
}

fn distance_squared(a: WorldPoint, b: WorldPoint) -> f32 {
    (a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_node_added_beside_the_last_of_a_row_leaves_the_row() {
        let first = [0.0, 0.0];
        let second = free_spot_beside(first, 80.0, &[first]);
        assert!((second[0] - 80.0).abs() < 1e-3 && second[1].abs() < 1e-3, "the first goes to the right: {second:?}");
        let third = free_spot_beside(second, 80.0, &[first, second]);
        let off_the_line_degrees = (third[1] - second[1]).atan2(third[0] - second[0]).to_degrees().abs();
        assert!(
            (20.0..=160.0).contains(&off_the_line_degrees),
            "{third:?} is on the line through {first:?} and {second:?}"
        );
        assert!(distance_squared(third, first).sqrt() > 80.0, "{third:?} crowds the first node");
    }

    #[test]
    fn a_spot_beside_a_lone_centre_is_straight_to_the_right() {
        assert_eq!(free_spot_beside([10.0, 5.0], 80.0, &[]), [90.0, 5.0]);
    }
}
