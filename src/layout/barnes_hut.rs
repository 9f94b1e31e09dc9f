//! A Fruchterman–Reingold force whose repulsion is approximated Barnes–Hut style, plugged into
//! fdg-sim as one of its own forces. fdg-sim's built-in force compares every pair of nodes,
//! O(n²) a step; here far-away groups of nodes push as one body from their centre of mass,
//! found in a quadtree, which makes a step O(n log n). Attraction along links and the way a
//! step moves nodes are exactly fdg-sim's, so the two forces give layouts of the same kind;
//! nodes closer than a drawn node's width push harder, so fewer come to rest overlapping.

use fdg_sim::ForceGraph;
use fdg_sim::force::{Force, Value};
use fdg_sim::glam::Vec3;
use fdg_sim::petgraph::graph::NodeIndex;
use fdg_sim::petgraph::visit::{EdgeRef as _, IntoEdgeReferences as _, NodeIndexable as _};
use fdg_sim::petgraph::{EdgeType, Undirected};
use hashlink::LinkedHashMap;

/// How coarse the approximation is: a cell is taken as one body when its side is smaller than
/// this fraction of its distance. 0 is exact (and slow); 1 is coarse.
pub const DEFAULT_THETA: f32 = 1.0;

/// Subdivision stops at this depth, so nodes at one point share a cell instead of splitting
/// it forever.
const MAX_DEPTH: u32 = 24;

/// Squared distances below this count as the same point: no push (the layout separates such
/// nodes before each step).
const SAME_POINT_SQUARED: f32 = 1e-6;

const NO_BODY: u32 = u32::MAX;

/// One square of the quadtree.
#[derive(Clone, Copy, Debug)]
struct Cell {
    /// The square's centre and half its side.
    center: [f32; 2],
    half: f32,
    /// While building, the sum of the positions of the bodies inside; once built, their
    /// centre of mass.
    sum: [f32; 2],
    /// How many bodies are inside.
    mass: f32,
    /// Index of the first of four children, or 0 for a leaf.
    first_child: u32,
    /// The single body of a leaf, or [`NO_BODY`].
    body: u32,
}

impl Cell {
    fn empty(center: [f32; 2], half: f32) -> Self {
        Self { center, half, sum: [0.0; 2], mass: 0.0, first_child: 0, body: NO_BODY }
    }

    fn quadrant(&self, point: [f32; 2]) -> u32 {
        u32::from(point[0] >= self.center[0]) + 2 * u32::from(point[1] >= self.center[1])
    }
}

/// A quadtree of points, each cell knowing the centre of mass of what it holds.
#[derive(Debug, Default)]
pub struct QuadTree {
    cells: Vec<Cell>,
}

impl QuadTree {
    /// The tree of `points`; points that are not finite are left out.
    pub fn new(points: &[[f32; 2]]) -> Self {
        let finite = points.iter().filter(|p| p[0].is_finite() && p[1].is_finite());
        let (low, high) = finite.fold(([f32::MAX; 2], [f32::MIN; 2]), |(low, high), p| {
            ([low[0].min(p[0]), low[1].min(p[1])], [high[0].max(p[0]), high[1].max(p[1])])
        });
        let mut tree = Self { cells: Vec::with_capacity(points.len() * 2 + 1) };
        if low[0] > high[0] {
            return tree;
        }
        let half = ((high[0] - low[0]).max(high[1] - low[1]) / 2.0).max(1.0) * 1.001;
        let center = [(low[0] + high[0]) / 2.0, (low[1] + high[1]) / 2.0];
        tree.cells.push(Cell::empty(center, half));
        for (index, point) in points.iter().enumerate() {
            if point[0].is_finite() && point[1].is_finite() {
                tree.insert(index as u32, *point, points);
            }
        }
        for cell in &mut tree.cells {
            if cell.mass > 0.0 {
                cell.sum = [cell.sum[0] / cell.mass, cell.sum[1] / cell.mass];
            }
        }
        tree
    }

    /// The bodies in the order a depth-first walk meets them: neighbours in space come
    /// together, so working through them in this order keeps the walk's cells in cache.
    pub fn bodies_in_order(&self) -> Vec<u32> {
        let mut order = Vec::new();
        let mut stack = vec![0u32];
        while let Some(index) = stack.pop() {
            let Some(cell) = self.cells.get(index as usize) else { continue };
            if cell.first_child == 0 {
                if cell.body != NO_BODY {
                    order.push(cell.body);
                }
            } else {
                stack.extend((cell.first_child..cell.first_child + 4).rev());
            }
        }
        order
    }

    fn insert(&mut self, body: u32, point: [f32; 2], points: &[[f32; 2]]) {
        let mut cell = 0usize;
        let mut depth = 0;
        loop {
            let current = &mut self.cells[cell];
            current.mass += 1.0;
            current.sum[0] += point[0];
            current.sum[1] += point[1];
            if current.first_child != 0 {
                cell = (current.first_child + current.quadrant(point)) as usize;
                depth += 1;
                continue;
            }
            if current.mass == 1.0 {
                current.body = body;
                return;
            }
            if depth >= MAX_DEPTH {
                // Nodes on (almost) one point: they share this leaf.
                return;
            }
            // Split: the leaf's body moves down into a child, then this point follows.
            let (center, half, resident) = (current.center, current.half / 2.0, current.body);
            current.body = NO_BODY;
            let first = self.cells.len() as u32;
            self.cells[cell].first_child = first;
            for quadrant in 0..4 {
                let x = center[0] + if quadrant & 1 == 1 { half } else { -half };
                let y = center[1] + if quadrant & 2 == 2 { half } else { -half };
                self.cells.push(Cell::empty([x, y], half));
            }
            let resident_point = points[resident as usize];
            let resident_quadrant = self.cells[cell].quadrant(resident_point);
            let child = &mut self.cells[(first + resident_quadrant) as usize];
            child.mass = 1.0;
            child.sum = resident_point;
            child.body = resident;
            cell = (first + self.cells[cell].quadrant(point)) as usize;
            depth += 1;
        }
    }

    /// The push on body `body` at `point` from all the others: `strength` × (their mass) /
    /// distance, away from each, with groups whose cell looks smaller than `theta` taken as
    /// one body at their centre of mass. A single body nearer than `collision` pushes harder,
    /// by (`collision` / distance)², so drawn nodes do not come to rest on top of each other.
    pub fn repulsion(
        &self,
        body: u32,
        point: [f32; 2],
        strength: f32,
        theta: f32,
        collision: f32,
        stack: &mut Vec<u32>,
    ) -> [f32; 2] {
        let mut force = [0.0f32; 2];
        if self.cells.is_empty() {
            return force;
        }
        let theta_squared = theta * theta;
        let collision_squared = collision * collision;
        stack.clear();
        stack.push(0);
        while let Some(index) = stack.pop() {
            let cell = &self.cells[index as usize];
            let leaf = cell.first_child == 0;
            if leaf && cell.body == body && cell.mass == 1.0 {
                continue;
            }
            let (dx, dy) = (point[0] - cell.sum[0], point[1] - cell.sum[1]);
            let distance_squared = dx * dx + dy * dy;
            let side = 2.0 * cell.half;
            if leaf || side * side < theta_squared * distance_squared {
                if distance_squared > SAME_POINT_SQUARED {
                    let mut push = strength * cell.mass / distance_squared;
                    if leaf && distance_squared < collision_squared {
                        push *= collision_squared / distance_squared;
                    }
                    force[0] += dx * push;
                    force[1] += dy * push;
                }
            } else {
                let children = cell.first_child..cell.first_child + 4;
                stack.extend(children.filter(|&child| self.cells[child as usize].mass > 0.0));
            }
        }
        force
    }
}

/// One step of the force on fdg-sim's graph, as fdg-sim's own Fruchterman–Reingold does it:
/// forces from the positions at the start of the step, velocity kept by the cool-off factor.
fn update<N, E, Ty: EdgeType>(dict: &LinkedHashMap<String, Value>, graph: &mut ForceGraph<N, E, Ty>, dt: f32) {
    let number = |key: &str, default: f32| dict.get(key).and_then(Value::number).unwrap_or(default);
    let scale = number("Scale", 120.0);
    let cooloff = number("Cooloff Factor", 0.975);
    let theta = number("Theta", DEFAULT_THETA);
    let collision = number("Collision Distance", 0.0);
    let indices: Vec<NodeIndex> = graph.node_indices().collect();
    let points: Vec<[f32; 2]> = indices
        .iter()
        .map(|&index| {
            let node = &mut graph[index];
            node.old_location = node.location;
            [node.location.x, node.location.y]
        })
        .collect();
    let tree = QuadTree::new(&points);
    let strength = scale * scale;
    let mut stack = Vec::new();
    let mut forces = vec![[0.0f32; 2]; points.len()];
    let mut done = vec![false; points.len()];
    for body in tree.bodies_in_order() {
        forces[body as usize] = tree.repulsion(body, points[body as usize], strength, theta, collision, &mut stack);
        done[body as usize] = true;
    }
    // Bodies sharing a leaf with others at one point are not in the walk's order.
    for body in (0..points.len()).filter(|&body| !done[body]) {
        forces[body] = tree.repulsion(body as u32, points[body], strength, theta, collision, &mut stack);
    }
    // Attraction along each edge, to both ends: distance² / scale. A graph with removed
    // nodes has gaps in its indices, so edges find their ends' slots through a table.
    let mut slot_of = vec![usize::MAX; graph.node_bound()];
    for (slot, index) in indices.iter().enumerate() {
        slot_of[index.index()] = slot;
    }
    for edge in (&*graph).edge_references() {
        let (a, b) = (slot_of[edge.source().index()], slot_of[edge.target().index()]);
        if a == b {
            continue;
        }
        let (pa, pb) = (points[a], points[b]);
        let (dx, dy) = (pb[0] - pa[0], pb[1] - pa[1]);
        let pull = (dx * dx + dy * dy).sqrt() / scale;
        forces[a][0] += dx * pull;
        forces[a][1] += dy * pull;
        forces[b][0] -= dx * pull;
        forces[b][1] -= dy * pull;
    }
    for (slot, &index) in indices.iter().enumerate() {
        let node = &mut graph[index];
        node.velocity += Vec3::new(forces[slot][0], forces[slot][1], 0.0) * dt;
        node.velocity *= cooloff;
        node.location += node.velocity * dt;
    }
}

/// The Barnes–Hut Fruchterman–Reingold force for fdg-sim: `scale` is the edge length,
/// `cooloff_factor` the velocity kept each step, `theta` the approximation's coarseness, and
/// nodes nearer than `collision_distance` push each other harder.
pub fn barnes_hut_fruchterman_reingold<N, E>(
    scale: f32,
    cooloff_factor: f32,
    theta: f32,
    collision_distance: f32,
) -> Force<N, E, Undirected> {
    let mut dict = LinkedHashMap::new();
    dict.insert("Scale".to_string(), Value::Number(scale, 1.0..=200.0));
    dict.insert("Cooloff Factor".to_string(), Value::Number(cooloff_factor, 0.0..=1.0));
    dict.insert("Theta".to_string(), Value::Number(theta, 0.0..=1.5));
    dict.insert("Collision Distance".to_string(), Value::Number(collision_distance, 0.0..=200.0));
    Force {
        dict: dict.clone(),
        dict_default: dict,
        name: "Barnes–Hut Fruchterman-Reingold",
        continuous: true,
        info: Some("Fruchterman-Reingold with its repulsion approximated through a quadtree, O(n log n) a step."),
        update,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The exact repulsion, every pair: what the tree approximates.
    fn exact(points: &[[f32; 2]], body: usize, strength: f32) -> [f32; 2] {
        let mut force = [0.0; 2];
        for (other, p) in points.iter().enumerate() {
            let (dx, dy) = (points[body][0] - p[0], points[body][1] - p[1]);
            let d2 = dx * dx + dy * dy;
            if other != body && d2 > SAME_POINT_SQUARED {
                force[0] += dx * strength / d2;
                force[1] += dy * strength / d2;
            }
        }
        force
    }

    fn scattered(count: usize) -> Vec<[f32; 2]> {
        let mut random = crate::seeded_random::SplitMix64::new(7);
        (0..count).map(|_| [random.unit() as f32 * 1000.0, random.unit() as f32 * 1000.0]).collect()
    }

    #[test]
    fn with_theta_zero_a_step_moves_nodes_as_fdg_sims_own_force_does_even_with_gaps() {
        let build = || {
            let mut graph: ForceGraph<(), ()> = ForceGraph::default();
            let spots = [[0.0, 0.0], [500.0, 500.0], [100.0, 30.0], [-40.0, 90.0], [60.0, -80.0]];
            let nodes: Vec<NodeIndex> = spots
                .iter()
                .map(|&[x, y]| {
                    let mut node = fdg_sim::Node::new("n", ());
                    node.location = Vec3::new(x, y, 0.0);
                    graph.add_node(node)
                })
                .collect();
            graph.remove_node(nodes[1]);
            graph.add_edge(nodes[0], nodes[2], ());
            graph.add_edge(nodes[3], nodes[4], ());
            graph
        };
        let (mut ours, mut theirs) = (build(), build());
        barnes_hut_fruchterman_reingold::<(), ()>(120.0, 0.975, 0.0, 0.0).update(&mut ours, 0.035);
        fdg_sim::force::fruchterman_reingold::<(), (), Undirected>(120.0, 0.975).update(&mut theirs, 0.035);
        for index in ours.node_indices() {
            let (a, b) = (ours[index].location, theirs[index].location);
            assert!((a - b).length() < 1e-3, "node {}: {a} against {b}", index.index());
        }
    }

    #[test]
    fn with_theta_zero_the_tree_is_exact() {
        let points = scattered(300);
        let tree = QuadTree::new(&points);
        let mut stack = Vec::new();
        for body in [0, 17, 299] {
            let approximate = tree.repulsion(body as u32, points[body], 100.0, 0.0, 0.0, &mut stack);
            let exact = exact(&points, body, 100.0);
            for axis in 0..2 {
                assert!(
                    (approximate[axis] - exact[axis]).abs() <= 1e-3 * exact[axis].abs().max(1.0),
                    "{approximate:?} {exact:?}"
                );
            }
        }
    }

    #[test]
    fn the_approximation_stays_close_to_the_exact_push() {
        let points = scattered(2000);
        let tree = QuadTree::new(&points);
        let mut stack = Vec::new();
        let mut worst = 0.0f32;
        for body in (0..2000).step_by(97) {
            let [ax, ay] = tree.repulsion(body as u32, points[body], 100.0, DEFAULT_THETA, 0.0, &mut stack);
            let [ex, ey] = exact(&points, body, 100.0);
            let error = ((ax - ex).powi(2) + (ay - ey).powi(2)).sqrt() / (ex * ex + ey * ey).sqrt().max(1e-3);
            worst = worst.max(error);
        }
        assert!(worst < 0.1, "the push is off by {:.1}%", worst * 100.0);
    }

    #[test]
    fn nodes_closer_than_the_collision_distance_push_harder() {
        let points = [[0.0, 0.0], [10.0, 0.0]];
        let tree = QuadTree::new(&points);
        let mut stack = Vec::new();
        let plain = tree.repulsion(0, points[0], 100.0, DEFAULT_THETA, 0.0, &mut stack);
        let colliding = tree.repulsion(0, points[0], 100.0, DEFAULT_THETA, 40.0, &mut stack);
        assert_eq!(plain, [-10.0, 0.0], "100 / 10, away from the other node");
        assert_eq!(colliding, [-160.0, 0.0], "(40 / 10)² = 16 times harder");
        let apart = tree.repulsion(0, points[0], 100.0, DEFAULT_THETA, 5.0, &mut stack);
        assert_eq!(apart, plain, "beyond the collision distance nothing changes");
    }

    #[test]
    fn nodes_on_one_point_neither_loop_nor_push_each_other_to_infinity() {
        let mut points = vec![[5.0, 5.0]; 100];
        points.push([50.0, 5.0]);
        points.push([f32::NAN, 0.0]);
        let tree = QuadTree::new(&points);
        let mut stack = Vec::new();
        let stacked = tree.repulsion(0, points[0], 100.0, DEFAULT_THETA, 0.0, &mut stack);
        assert!(stacked.iter().all(|f| f.is_finite()));
        assert!(stacked[0] < 0.0, "pushed away from the node at x = 50: {stacked:?}");
        let lone = tree.repulsion(100, points[100], 100.0, DEFAULT_THETA, 0.0, &mut stack);
        assert!((lone[0] - 100.0 * 100.0 / 45.0).abs() < 1.0, "a hundred nodes push as a hundred: {lone:?}");
    }
}
