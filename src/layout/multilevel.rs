//! A multilevel start for a big case laid out from scratch, as sfdp and ForceAtlas2 do it:
//! the graph is coarsened again and again by matching neighbours, the coarsest graph (a few
//! dozen nodes) is laid out in full, and each finer graph starts from the coarser one's
//! layout, its nodes beside their group's spot, and is refined with the layout's own force.
//! The global shape is then settled while there are few nodes to move, so the full case
//! starts untangled and comes to rest in a few dozen steps instead of hundreds.

use crate::seeded_random::SplitMix64;

use super::WorldPoint;
use super::barnes_hut::{DEFAULT_THETA, QuadTree, bounds};
use super::placement::mean;
use super::stress_majorization::{MAJORIZED_UP_TO, majorize};

/// Coarsening stops at this many nodes: the coarsest graph is laid out in full.
const COARSEST_NODES: usize = 60;

/// Coarsening stops when a level keeps more than this share of the nodes of the level below
/// it: matching no longer pays for the level it adds.
const LEAST_SHRINK: f32 = 0.8;

/// Refinement steps for the coarsest graph, for every finer one, and for the case itself
/// when it is too big for stress majorization to finish it. That last level is where the
/// force is furthest from balance: 70 steps instead of 50 lowered the stress on each of six
/// generated cases of 50,000 nodes (by 0.001 to 0.004); 90 gave no more.
const COARSEST_STEPS: usize = 300;
const REFINE_STEPS: usize = 50;
const FINEST_STEPS: usize = 70;

/// The first step of a refinement, as a share of the mean link length. A finer graph starts
/// with long steps too: a layout of more nodes settles wider, and long first steps let it
/// open up before the steps shrink (measured on generated cases: stress 0.18 against 0.19
/// with a fifth of a link).
const COARSEST_FIRST_STEP: f32 = 0.5;
const REFINE_FIRST_STEP: f32 = 2.0;

/// Yifan Hu's adaptive step: the step grows by 1 / this after [`PROGRESS_TO_GROW`] steps in
/// a row that lowered the energy, and shrinks by it after a step that raised it.
const STEP_FACTOR: f32 = 0.9;
const PROGRESS_TO_GROW: u32 = 5;

/// While refining, nodes closer than this share of the mean link length push each other
/// harder, whatever the collision distance in world units: a layout of many nodes settles
/// wide, and its nodes would otherwise come to rest nearly on top of each other (a quarter
/// fewer pairs within a twentieth of a link at 10,000 nodes, stress unchanged).
const COLLISION_SHARE: f32 = 0.08;

/// A refinement stops when its step falls below this share of the mean link length.
const STEP_TOLERANCE: f32 = 0.01;

/// The force a layout settles under, shared by the multilevel start and the simulation, in
/// world units: repulsion `edge_length²` / distance (harder inside `collision_distance`),
/// attraction distance² / `edge_length` along each link, and a pull of `gravity` per unit of
/// distance towards the centre of the nodes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Forces {
    /// The distance linked nodes settle at.
    pub edge_length: f32,
    /// Below this distance two nodes push each other harder.
    pub collision_distance: f32,
    /// Pull towards the centre, per world unit of distance.
    pub gravity: f32,
}

impl Forces {
    /// The force on every node at `positions`, with links between `pairs`.
    pub fn on(&self, positions: &[WorldPoint], pairs: &[(u32, u32)]) -> Vec<[f32; 2]> {
        let tree = QuadTree::new(positions);
        let strength = self.edge_length * self.edge_length;
        let mut forces = tree.repulsions(positions.len(), strength, DEFAULT_THETA, self.collision_distance);
        for &(a, b) in pairs {
            let (pa, pb) = (positions[a as usize], positions[b as usize]);
            let (dx, dy) = (pb[0] - pa[0], pb[1] - pa[1]);
            let pull = (dx * dx + dy * dy).sqrt() / self.edge_length;
            forces[a as usize][0] += dx * pull;
            forces[a as usize][1] += dy * pull;
            forces[b as usize][0] -= dx * pull;
            forces[b as usize][1] -= dy * pull;
        }
        let centre = mean(positions);
        for (force, point) in forces.iter_mut().zip(positions) {
            force[0] += (centre[0] - point[0]) * self.gravity;
            force[1] += (centre[1] - point[1]) * self.gravity;
        }
        forces
    }
}

/// What a multilevel start gives the simulation.
#[derive(Debug, PartialEq)]
pub struct MultilevelStart {
    /// Each node's position; `None` for a node without links, left for the caller to place.
    pub positions: Vec<Option<WorldPoint>>,
    /// Whether stress majorization straightened the whole after the force: then the
    /// simulation's polish has only neighbourhoods left to even out.
    pub majorized: bool,
}

/// Positions for `count` nodes linked by `pairs` (each pair once, no self-links), laid out
/// coarse to fine under `forces`, then straightened by stress majorization if the case is
/// small enough. The same input and `seed` always give the same positions, to the bit.
pub fn multilevel_layout(count: usize, pairs: &[(usize, usize)], forces: Forces, seed: u64) -> MultilevelStart {
    let mut random = SplitMix64::new(seed ^ 0x4D55_4C54_494C_4556);
    let linked = super::simulation::linked_nodes(count, pairs);
    // The linked nodes, numbered densely, are what the levels work on.
    let mut dense_of = vec![u32::MAX; count];
    let mut original: Vec<usize> = Vec::new();
    for node in (0..count).filter(|&node| linked[node]) {
        dense_of[node] = original.len() as u32;
        original.push(node);
    }
    let finest: Vec<(u32, u32)> = pairs.iter().map(|&(a, b)| (dense_of[a], dense_of[b])).collect();
    let mut levels = vec![Level { count: original.len(), pairs: finest, parent: Vec::new() }];
    while levels.last().is_some_and(|level| level.count > COARSEST_NODES) {
        let Some(coarser) = levels.last().and_then(|level| level.coarsen(&mut random)) else { break };
        levels.push(coarser);
    }
    let coarsest = levels.last().map_or(0, |level| level.count);
    let radius = forces.edge_length * (coarsest as f32).sqrt();
    let mut positions: Vec<WorldPoint> = (0..coarsest).map(|_| random_in_disc(&mut random, radius)).collect();
    refine(&mut positions, &levels[levels.len() - 1].pairs, forces, COARSEST_STEPS, COARSEST_FIRST_STEP);
    for depth in (0..levels.len() - 1).rev() {
        let link_length = mean_link_length(&positions, &levels[depth + 1].pairs).max(forces.edge_length);
        positions = levels[depth + 1].prolong(&positions, levels[depth].count, link_length, &mut random);
        let steps = if depth == 0 && levels[0].count > MAJORIZED_UP_TO { FINEST_STEPS } else { REFINE_STEPS };
        refine(&mut positions, &levels[depth].pairs, forces, steps, REFINE_FIRST_STEP);
    }
    let finest = &levels[0].pairs;
    let link_length = mean_link_length(&positions, finest);
    let majorized = majorize(&mut positions, finest, link_length);
    let mut placed = vec![None; count];
    for (dense, &node) in original.iter().enumerate() {
        placed[node] = Some(positions[dense]);
    }
    MultilevelStart { positions: placed, majorized }
}

/// Places the nodes still without a position in rows of a square block to the right of the
/// placed ones, as far apart as the placed nodes lie on average (at least `min_spacing`):
/// unlinked nodes from a list, say, sit beside the case as part of it, not around it.
pub fn pack_unplaced_beside(positions: &mut [Option<WorldPoint>], min_spacing: f32) {
    let placed: Vec<WorldPoint> = positions.iter().flatten().copied().collect();
    let unplaced = positions.len() - placed.len();
    if unplaced == 0 {
        return;
    }
    let (spacing, left, top) = match bounds(placed.iter().copied()) {
        Some((low, high)) => {
            let area_per_node = (high[0] - low[0]) * (high[1] - low[1]) / placed.len() as f32;
            let spacing = area_per_node.sqrt().max(min_spacing);
            (spacing, high[0] + 2.0 * spacing, low[1])
        }
        None => (min_spacing, 0.0, 0.0),
    };
    let columns = (unplaced as f32).sqrt().ceil() as usize;
    for (slot, position) in positions.iter_mut().filter(|p| p.is_none()).enumerate() {
        let (row, column) = (slot / columns, slot % columns);
        *position = Some([left + column as f32 * spacing, top + row as f32 * spacing]);
    }
}

/// One graph of the hierarchy: its node count, its links, and for a coarse level the coarse
/// node each node of the level below belongs to.
struct Level {
    count: usize,
    pairs: Vec<(u32, u32)>,
    parent: Vec<u32>,
}

impl Level {
    /// The next coarser graph: each node of one link joins its neighbour, then nodes are
    /// matched in pairs along links, visited in a seeded order and each matched with its
    /// unmatched neighbour of fewest links. `None` when that barely shrinks the graph.
    fn coarsen(&self, random: &mut SplitMix64) -> Option<Level> {
        const FREE: u32 = u32::MAX;
        let neighbours = adjacency(self.count, &self.pairs);
        let mut parent = vec![FREE; self.count];
        let mut groups = 0u32;
        let mut order: Vec<u32> = (0..self.count as u32).collect();
        for i in (1..order.len()).rev() {
            order.swap(i, random.below(i + 1));
        }
        // Leaves first: a hub's many one-link neighbours go with the hub, which matching alone
        // would leave behind one at a time.
        for &node in &order {
            let node = node as usize;
            if let [only] = neighbours[node][..] {
                let hub = only as usize;
                if neighbours[hub].len() > 1 {
                    if parent[hub] == FREE {
                        parent[hub] = groups;
                        groups += 1;
                    }
                    parent[node] = parent[hub];
                }
            }
        }
        for &node in &order {
            let node = node as usize;
            if parent[node] != FREE {
                continue;
            }
            let partner = neighbours[node]
                .iter()
                .copied()
                .filter(|&other| parent[other as usize] == FREE && other as usize != node)
                .min_by_key(|&other| (neighbours[other as usize].len(), other));
            parent[node] = groups;
            if let Some(partner) = partner {
                parent[partner as usize] = groups;
            }
            groups += 1;
        }
        let count = groups as usize;
        if count as f32 > LEAST_SHRINK * self.count as f32 {
            return None;
        }
        let mut pairs: Vec<(u32, u32)> = self
            .pairs
            .iter()
            .map(|&(a, b)| (parent[a as usize], parent[b as usize]))
            .filter(|(a, b)| a != b)
            .map(|(a, b)| (a.min(b), a.max(b)))
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        Some(Level { count, pairs, parent })
    }

    /// Positions for the `finer_count` nodes of the level below from this level's
    /// `positions`: the layout spread out to make room for the extra nodes, and each node a
    /// little way from its group's spot, in a seeded direction.
    fn prolong(
        &self,
        positions: &[WorldPoint],
        finer_count: usize,
        link_length: f32,
        random: &mut SplitMix64,
    ) -> Vec<WorldPoint> {
        let centre = mean(positions);
        let spread = (finer_count as f32 / self.count.max(1) as f32).sqrt();
        let mut members = vec![0u32; self.count];
        for &group in &self.parent {
            members[group as usize] += 1;
        }
        self.parent
            .iter()
            .map(|&group| {
                let spot = positions[group as usize];
                let scaled = [centre[0] + (spot[0] - centre[0]) * spread, centre[1] + (spot[1] - centre[1]) * spread];
                let offset = random_in_disc(random, link_length * 0.3 * (members[group as usize] as f32).sqrt());
                [scaled[0] + offset[0], scaled[1] + offset[1]]
            })
            .collect()
    }
}

/// Moves `positions` towards rest under `forces` for at most `steps` steps: each node moves
/// one step length along its force, and the step length adapts to how the energy goes
/// (Yifan Hu, "Efficient and high quality force-directed graph drawing", 2005).
fn refine(positions: &mut [WorldPoint], pairs: &[(u32, u32)], forces: Forces, steps: usize, first_step: f32) {
    let scale = mean_link_length(positions, pairs).max(forces.edge_length);
    let forces = Forces { collision_distance: forces.collision_distance.max(COLLISION_SHARE * scale), ..forces };
    let mut step = first_step * scale;
    let mut progress = 0;
    let mut energy = f32::INFINITY;
    for _ in 0..steps {
        let pushes = forces.on(positions, pairs);
        let mut new_energy = 0.0f32;
        for (point, push) in positions.iter_mut().zip(&pushes) {
            // The sum of the forces' sizes, not of their squares: a few nodes pressed together
            // at the start would drown every other change.
            let size = (push[0] * push[0] + push[1] * push[1]).sqrt();
            new_energy += size;
            if size > 0.0 && size.is_finite() {
                point[0] += push[0] / size * step;
                point[1] += push[1] / size * step;
            }
        }
        if new_energy < energy {
            progress += 1;
            if progress >= PROGRESS_TO_GROW {
                progress = 0;
                step /= STEP_FACTOR;
            }
        } else {
            progress = 0;
            step *= STEP_FACTOR;
        }
        energy = new_energy;
        if step < STEP_TOLERANCE * scale {
            break;
        }
    }
}

/// The mean length of the links between `pairs`; 0 without links.
fn mean_link_length(positions: &[WorldPoint], pairs: &[(u32, u32)]) -> f32 {
    let total: f32 = pairs
        .iter()
        .map(|&(a, b)| {
            let (pa, pb) = (positions[a as usize], positions[b as usize]);
            ((pa[0] - pb[0]).powi(2) + (pa[1] - pb[1]).powi(2)).sqrt()
        })
        .sum();
    total / pairs.len().max(1) as f32
}

/// Each node's neighbours, in the order of `pairs`.
pub(super) fn adjacency(count: usize, pairs: &[(u32, u32)]) -> Vec<Vec<u32>> {
    let mut neighbours = vec![Vec::new(); count];
    for &(a, b) in pairs {
        neighbours[a as usize].push(b);
        neighbours[b as usize].push(a);
    }
    neighbours
}

/// A seeded point uniformly inside the disc of `radius` about the origin.
fn random_in_disc(random: &mut SplitMix64, radius: f32) -> WorldPoint {
    let angle = random.unit() as f32 * std::f32::consts::TAU;
    let distance = radius * (random.unit() as f32).sqrt();
    [distance * angle.cos(), distance * angle.sin()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{STRESS_SOURCES, sampled_stress};

    const FORCES: Forces = Forces { edge_length: 120.0, collision_distance: 64.0, gravity: 3.0 };

    /// A `side` × `side` grid graph's links, row by row.
    fn grid(side: usize) -> Vec<(usize, usize)> {
        let mut pairs = Vec::new();
        for row in 0..side {
            for column in 0..side {
                let node = row * side + column;
                if column + 1 < side {
                    pairs.push((node, node + 1));
                }
                if row + 1 < side {
                    pairs.push((node, node + side));
                }
            }
        }
        pairs
    }

    #[test]
    fn a_hubs_leaves_go_with_it_so_a_star_coarsens_to_one_node() {
        let pairs: Vec<(u32, u32)> = (1..=200).map(|leaf| (0, leaf)).collect();
        let star = Level { count: 201, pairs, parent: Vec::new() };
        let coarser = star.coarsen(&mut SplitMix64::new(1)).expect("a star shrinks");
        assert_eq!(coarser.count, 1);
        assert!(coarser.pairs.is_empty());
        assert!(coarser.parent.iter().all(|&group| group == 0));
    }

    #[test]
    fn matching_halves_a_grid_and_keeps_its_links_between_groups() {
        let pairs: Vec<(u32, u32)> = grid(20).iter().map(|&(a, b)| (a as u32, b as u32)).collect();
        let level = Level { count: 400, pairs, parent: Vec::new() };
        let coarser = level.coarsen(&mut SplitMix64::new(1)).expect("a grid shrinks");
        assert!((200..=260).contains(&coarser.count), "{} groups", coarser.count);
        let mut members = vec![0; coarser.count];
        for &group in &coarser.parent {
            members[group as usize] += 1;
        }
        assert!(members.iter().all(|&m| (1..=2).contains(&m)), "a grid has no leaves: only pairs and singles");
        for &(a, b) in &level.pairs {
            let (ga, gb) = (coarser.parent[a as usize], coarser.parent[b as usize]);
            assert!(ga == gb || coarser.pairs.contains(&(ga.min(gb), ga.max(gb))), "link {a}–{b} lost");
        }
    }

    #[test]
    fn a_grid_comes_out_as_a_grid_the_same_every_time() {
        let pairs = grid(30);
        let positions = multilevel_layout(900, &pairs, FORCES, 7).positions;
        let placed: Vec<WorldPoint> = positions.iter().map(|p| p.expect("every node is linked")).collect();
        let stress = sampled_stress(&placed, &pairs, STRESS_SOURCES);
        // Laid out at random and left there, the stress is about 1; a grid drawn untangled,
        // its edges bowed a little by the push from the middle, has under a tenth of that.
        assert!(stress < 0.1, "stress {stress}");
        assert_eq!(multilevel_layout(900, &pairs, FORCES, 7).positions, positions, "the same seed, the same bits");
        assert_ne!(multilevel_layout(900, &pairs, FORCES, 8).positions, positions, "another seed, another layout");
    }

    #[test]
    fn unlinked_nodes_are_left_to_be_packed_in_rows_beside_the_case() {
        let mut positions = multilevel_layout(6, &[(0, 1), (1, 2)], FORCES, 1).positions;
        assert!(positions[..3].iter().all(Option::is_some));
        assert!(positions[3..].iter().all(Option::is_none));
        // Three nodes in a 300 × 100 box lie 100 apart on average.
        positions[..3].copy_from_slice(&[Some([0.0, 0.0]), Some([300.0, 50.0]), Some([150.0, 100.0])]);
        pack_unplaced_beside(&mut positions, 10.0);
        let packed: Vec<WorldPoint> = positions[3..].iter().flatten().copied().collect();
        assert_eq!(packed, [[500.0, 0.0], [600.0, 0.0], [500.0, 100.0]], "two columns, two spacings to the right");
        let mut crowded = vec![Some([0.0, 0.0]), Some([1.0, 1.0]), None];
        pack_unplaced_beside(&mut crowded, 10.0);
        assert_eq!(crowded[2], Some([21.0, 0.0]), "never closer than the least spacing");
    }
}
