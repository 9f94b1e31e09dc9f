//! A Fruchterman–Reingold force whose repulsion is approximated Barnes–Hut style, plugged into
//! fdg-sim as one of its own forces. fdg-sim's built-in force compares every pair of nodes,
//! O(n²) a step; here far-away groups of nodes push as one body from their centre of mass,
//! found in a quadtree, which makes a step O(n log n). The tree keeps up to a few bodies per
//! leaf and is walked once per leaf, not once per body, so the work is mostly plain sums
//! over lists that the compiler vectorises. Attraction along links and the way a step moves
//! nodes are exactly fdg-sim's, so the two forces give layouts of the same kind; nodes
//! closer than a drawn node's width push harder, so fewer come to rest overlapping.
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

/// A leaf holds up to this many bodies before it splits. Bodies in nearby leaves are summed
/// one by one in a tight loop, which is cheaper than walking deeper for each of them.
const LEAF_CAPACITY: usize = 16;

/// Subdivision stops at this depth, so nodes at one point share a leaf instead of splitting
/// it forever.
const MAX_DEPTH: u32 = 24;

/// Squared distances below this count as the same point: no push (the layout separates such
/// nodes before each step). A body's own distance to itself is zero, so this also keeps a
/// body from pushing itself.
const SAME_POINT_SQUARED: f32 = 1e-6;

/// One square of the quadtree, stored in depth-first order so that a walk over the tree is a
/// walk forwards through the cells, with no stack.
#[derive(Clone, Copy, Debug)]
struct Cell {
    /// The centre of mass of the bodies inside.
    centre_of_mass: [f32; 2],
    /// How many bodies are inside.
    mass: f32,
    /// The square's side, squared: what the test for taking the cell whole compares.
    side_squared: f32,
    /// The first cell after this one's subtree: where a walk goes on when it takes this cell
    /// whole or has summed its bodies. The cell right after this one is its first child.
    next: u32,
    /// Where the cell's bodies start in [`QuadTree::order`] (they are contiguous).
    first_body: u32,
    /// How many bodies a leaf holds one by one; 0 for a cell with children.
    leaf_bodies: u32,
}

/// A quadtree of points in depth-first order, each cell knowing the centre of mass of what it
/// holds, and the points themselves in the same order so that neighbours in space are
/// neighbours in memory.
#[derive(Debug, Default)]
pub struct QuadTree {
    cells: Vec<Cell>,
    /// Indices of the bodies, leaf by leaf in depth-first order.
    order: Vec<u32>,
    /// The bodies' positions, in the same order.
    points: Vec<[f32; 2]>,
}

impl QuadTree {
    /// The tree of `points`; points that are not finite are left out.
    pub fn new(points: &[[f32; 2]]) -> Self {
        let mut order: Vec<u32> =
            (0..points.len() as u32).filter(|&i| points[i as usize].iter().all(|c| c.is_finite())).collect();
        let Some((low, high)) = bounds(order.iter().map(|&i| points[i as usize])) else {
            return Self::default();
        };
        let half = ((high[0] - low[0]).max(high[1] - low[1]) / 2.0).max(1.0) * 1.001;
        let centre = [(low[0] + high[0]) / 2.0, (low[1] + high[1]) / 2.0];
        let mut tree = Self { cells: Vec::with_capacity(order.len() / 2 + 1), ..Self::default() };
        tree.build(&mut order, 0, points, centre, half, 0);
        tree.points = order.iter().map(|&i| points[i as usize]).collect();
        tree.order = order;
        tree
    }

    /// Appends the cell holding `bodies` (which start at `first_body` in the final order) and
    /// its subtree, sorting `bodies` into its quadrants on the way.
    fn build(
        &mut self,
        bodies: &mut [u32],
        first_body: u32,
        points: &[[f32; 2]],
        centre: [f32; 2],
        half: f32,
        depth: u32,
    ) {
        let index = self.cells.len();
        let is_leaf = bodies.len() <= LEAF_CAPACITY || depth >= MAX_DEPTH;
        self.cells.push(Cell {
            centre_of_mass: [0.0; 2],
            mass: bodies.len() as f32,
            side_squared: 4.0 * half * half,
            next: 0,
            first_body,
            leaf_bodies: if is_leaf { bodies.len() as u32 } else { 0 },
        });
        if !is_leaf {
            let lower = partition(bodies, |b| points[b as usize][1] < centre[1]);
            let (bottom, top) = bodies.split_at_mut(lower);
            let bottom_left = partition(bottom, |b| points[b as usize][0] < centre[0]);
            let top_left = partition(top, |b| points[b as usize][0] < centre[0]);
            let (bottom_left_bodies, bottom_right_bodies) = bottom.split_at_mut(bottom_left);
            let (top_left_bodies, top_right_bodies) = top.split_at_mut(top_left);
            let quarter = half / 2.0;
            let quadrants = [
                (bottom_left_bodies, -1.0, -1.0),
                (bottom_right_bodies, 1.0, -1.0),
                (top_left_bodies, -1.0, 1.0),
                (top_right_bodies, 1.0, 1.0),
            ];
            let mut start = first_body;
            for (quadrant, sign_x, sign_y) in quadrants {
                if !quadrant.is_empty() {
                    let count = quadrant.len() as u32;
                    let child_centre = [centre[0] + sign_x * quarter, centre[1] + sign_y * quarter];
                    self.build(quadrant, start, points, child_centre, quarter, depth + 1);
                    start += count;
                }
            }
        }
        // The centre of mass: a leaf's from its bodies, a parent's from its children's.
        let mut sum = [0.0f32; 2];
        if is_leaf {
            for &body in bodies.iter() {
                sum = [sum[0] + points[body as usize][0], sum[1] + points[body as usize][1]];
            }
        } else {
            let mut child = index + 1;
            while let Some(cell) = self.cells.get(child) {
                sum = [sum[0] + cell.centre_of_mass[0] * cell.mass, sum[1] + cell.centre_of_mass[1] * cell.mass];
                child = cell.next as usize;
            }
        }
        let next = self.cells.len() as u32;
        let cell = &mut self.cells[index];
        cell.centre_of_mass = [sum[0] / cell.mass, sum[1] / cell.mass];
        cell.next = next;
    }

    /// The push on every body from all the others, indexed like the points the tree was built
    /// from (0 for a point left out): `strength` / distance away from each other body, with
    /// groups whose cell looks smaller than `theta` taken as one body at their centre of mass.
    /// A single body nearer than `collision` pushes harder, by (`collision` / distance)², so
    /// drawn nodes do not come to rest on top of each other.
    ///
    /// The tree is walked once per leaf rather than once per body: a cell is taken whole only
    /// when it looks small enough from every point of the leaf's bounding box, and the
    /// leaf's bodies then sum the same list of cells and nearby bodies in tight loops.
    pub fn repulsions(&self, count: usize, strength: f32, theta: f32, collision: f32) -> Vec<[f32; 2]> {
        let leaves: Vec<&Cell> = self.cells.iter().filter(|cell| cell.leaf_bodies > 0).collect();
        let mut in_tree_order = vec![[0.0f32; 2]; self.points.len()];
        let push =
            Push { tree: self, strength, theta_squared: theta * theta, collision_squared: collision * collision };
        let threads = if self.points.len() >= PARALLEL_FROM_BODIES { worker_threads() } else { 1 };
        if threads <= 1 {
            push.on_leaves(&leaves, &mut in_tree_order);
        } else {
            // Fixed shares of the leaves, each body's push summed by one thread in a fixed
            // order: the same bytes however many threads there are.
            std::thread::scope(|scope| {
                let mut rest = &mut in_tree_order[..];
                let mut leaves_left = &leaves[..];
                for share in 0..threads {
                    let take = leaves_left.len() / (threads - share);
                    let (mine, others) = leaves_left.split_at(take);
                    let bodies = mine.iter().map(|leaf| leaf.leaf_bodies as usize).sum();
                    let (out, remaining) = std::mem::take(&mut rest).split_at_mut(bodies);
                    let push = &push;
                    scope.spawn(move || push.on_leaves(mine, out));
                    (rest, leaves_left) = (remaining, others);
                }
            });
        }
        let mut forces = vec![[0.0f32; 2]; count];
        for (&body, force) in self.order.iter().zip(in_tree_order) {
            forces[body as usize] = force;
        }
        forces
    }
}

/// From this many bodies on, the push is shared between threads: below it, starting them
/// costs more than they save.
const PARALLEL_FROM_BODIES: usize = 4_000;

/// The threads the push is shared between: every core, up to eight.
pub(super) fn worker_threads() -> usize {
    std::thread::available_parallelism().map_or(1, |cores| cores.get().min(8))
}

/// What one call of [`QuadTree::repulsions`] needs to push the bodies of some leaves.
struct Push<'a> {
    tree: &'a QuadTree,
    strength: f32,
    theta_squared: f32,
    collision_squared: f32,
}

impl Push<'_> {
    /// The push on the bodies of `leaves`, consecutive leaves in depth-first order, written
    /// to `out` in the tree's order of bodies.
    fn on_leaves(&self, leaves: &[&Cell], out: &mut [[f32; 2]]) {
        let QuadTree { cells, points, .. } = self.tree;
        let mut far = Interactions::default();
        let mut near = Interactions::default();
        let Some(first) = leaves.first().map(|leaf| leaf.first_body as usize) else { return };
        for leaf in leaves {
            let range = leaf.first_body as usize..(leaf.first_body + leaf.leaf_bodies) as usize;
            let Some((low, high)) = bounds(points[range.clone()].iter().copied()) else { continue };
            far.clear();
            near.clear();
            let mut index = 0;
            while let Some(cell) = cells.get(index) {
                let [x, y] = cell.centre_of_mass;
                let (dx, dy) = (outside(x, low[0], high[0]), outside(y, low[1], high[1]));
                if cell.side_squared < self.theta_squared * (dx * dx + dy * dy) {
                    far.push([x, y], cell.mass);
                    index = cell.next as usize;
                } else if cell.leaf_bodies > 0 {
                    let bodies = cell.first_body as usize..(cell.first_body + cell.leaf_bodies) as usize;
                    for &point in &points[bodies] {
                        near.push(point, 1.0);
                    }
                    index = cell.next as usize;
                } else {
                    index += 1;
                }
            }
            for body in range {
                let point = points[body];
                let [fx, fy] = far.push_from_groups(point);
                let [nx, ny] = near.push_from_bodies(point, self.collision_squared);
                out[body - first] = [(fx + nx) * self.strength, (fy + ny) * self.strength];
            }
        }
    }
}

/// What pushes the bodies of one leaf, one coordinate or mass per list so the sums vectorise.
#[derive(Debug, Default)]
struct Interactions {
    x: Vec<f32>,
    y: Vec<f32>,
    mass: Vec<f32>,
}

impl Interactions {
    fn clear(&mut self) {
        self.x.clear();
        self.y.clear();
        self.mass.clear();
    }

    fn push(&mut self, point: [f32; 2], mass: f32) {
        self.x.push(point[0]);
        self.y.push(point[1]);
        self.mass.push(mass);
    }

    /// Mass / distance from each far group, away from it. Far groups are never at `point`.
    fn push_from_groups(&self, point: [f32; 2]) -> [f32; 2] {
        let push = |x: f32, y: f32, mass: f32| {
            let (dx, dy) = (point[0] - x, point[1] - y);
            let push = mass / (dx * dx + dy * dy);
            [dx * push, dy * push]
        };
        self.sum(push)
    }

    /// 1 / distance from each nearby body, harder inside the collision distance; none from a
    /// body at the same point, which includes the body itself.
    fn push_from_bodies(&self, point: [f32; 2], collision_squared: f32) -> [f32; 2] {
        let push = |x: f32, y: f32, _: f32| {
            let (dx, dy) = (point[0] - x, point[1] - y);
            let distance_squared = dx * dx + dy * dy;
            let harder = if distance_squared < collision_squared { collision_squared / distance_squared } else { 1.0 };
            let push = if distance_squared > SAME_POINT_SQUARED { harder / distance_squared } else { 0.0 };
            [dx * push, dy * push]
        };
        self.sum(push)
    }

    /// The sum of `push` over every entry, kept in [`LANES`] separate sums so that the
    /// compiler can work on several entries at once (one running sum would have to add them
    /// in order).
    #[inline(always)]
    fn sum(&self, push: impl Fn(f32, f32, f32) -> [f32; 2]) -> [f32; 2] {
        let (mut x_lanes, mut y_lanes) = ([0.0f32; LANES], [0.0f32; LANES]);
        let chunks = self.x.chunks_exact(LANES).zip(self.y.chunks_exact(LANES)).zip(self.mass.chunks_exact(LANES));
        for ((x, y), mass) in chunks {
            for lane in 0..LANES {
                let [px, py] = push(x[lane], y[lane], mass[lane]);
                x_lanes[lane] += px;
                y_lanes[lane] += py;
            }
        }
        let done = self.x.len() / LANES * LANES;
        for ((&x, &y), &mass) in self.x[done..].iter().zip(&self.y[done..]).zip(&self.mass[done..]) {
            let [px, py] = push(x, y, mass);
            x_lanes[0] += px;
            y_lanes[0] += py;
        }
        [x_lanes.iter().sum(), y_lanes.iter().sum()]
    }
}

/// How many interactions are summed side by side.
const LANES: usize = 8;

/// How far `value` lies outside `low..=high`: 0 inside. Plain comparisons, which compile to
/// fewer instructions than `f32::max` (finite input only).
#[inline(always)]
fn outside(value: f32, low: f32, high: f32) -> f32 {
    if value < low {
        low - value
    } else if value > high {
        value - high
    } else {
        0.0
    }
}

/// The smallest box around `points`, or `None` when there are none.
pub(super) fn bounds(points: impl Iterator<Item = [f32; 2]>) -> Option<([f32; 2], [f32; 2])> {
    let (low, high) = points.fold(([f32::MAX; 2], [f32::MIN; 2]), |(low, high), p| {
        ([low[0].min(p[0]), low[1].min(p[1])], [high[0].max(p[0]), high[1].max(p[1])])
    });
    (low[0] <= high[0]).then_some((low, high))
}

/// Moves the bodies for which `before` holds to the front, keeping the rest behind; returns
/// how many there are. Always the same result for the same input.
fn partition(bodies: &mut [u32], before: impl Fn(u32) -> bool) -> usize {
    let mut split = 0;
    for index in 0..bodies.len() {
        if before(bodies[index]) {
            bodies.swap(split, index);
            split += 1;
        }
    }
    split
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
    // A graph with removed nodes has gaps in its indices, so edges find their ends' slots
    // through a table.
    let mut slot_of = vec![usize::MAX; graph.node_bound()];
    for (slot, index) in indices.iter().enumerate() {
        slot_of[index.index()] = slot;
    }
    let pairs: Vec<(usize, usize)> = (&*graph)
        .edge_references()
        .map(|edge| (slot_of[edge.source().index()], slot_of[edge.target().index()]))
        .filter(|(a, b)| a != b)
        .collect();
    let mut linked = vec![false; indices.len()];
    for &(a, b) in &pairs {
        linked[a] = true;
        linked[b] = true;
    }
    // Unlinked nodes are left out of the tree (a point that is not finite is), so they
    // neither push nor are pushed: they wait in their block beside the case.
    let points: Vec<[f32; 2]> = indices
        .iter()
        .zip(&linked)
        .map(|(&index, &linked)| {
            let node = &mut graph[index];
            node.old_location = node.location;
            if linked { [node.location.x, node.location.y] } else { [f32::NAN; 2] }
        })
        .collect();
    let tree = QuadTree::new(&points);
    let mut forces = tree.repulsions(points.len(), scale * scale, theta, collision);
    // Attraction along each edge, to both ends: distance² / scale.
    for (a, b) in pairs {
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
    dict.insert("Scale".to_owned(), Value::Number(scale, 1.0..=200.0));
    dict.insert("Cooloff Factor".to_owned(), Value::Number(cooloff_factor, 0.0..=1.0));
    dict.insert("Theta".to_owned(), Value::Number(theta, 0.0..=1.5));
    dict.insert("Collision Distance".to_owned(), Value::Number(collision_distance, 0.0..=1e6));
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
        let pushes = QuadTree::new(&points).repulsions(points.len(), 100.0, 0.0, 0.0);
        for body in [0, 17, 299] {
            let (approximate, exact) = (pushes[body], exact(&points, body, 100.0));
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
        let pushes = QuadTree::new(&points).repulsions(points.len(), 100.0, DEFAULT_THETA, 0.0);
        let mut worst = 0.0f32;
        for body in (0..2000).step_by(97) {
            let [ax, ay] = pushes[body];
            let [ex, ey] = exact(&points, body, 100.0);
            let error = ((ax - ex).powi(2) + (ay - ey).powi(2)).sqrt() / (ex * ex + ey * ey).sqrt().max(1e-3);
            worst = worst.max(error);
        }
        assert!(worst < 0.1, "the push is off by {:.1}%", worst * 100.0);
    }

    #[test]
    fn shared_between_threads_the_push_is_the_same_to_the_bit() {
        let points = scattered(3 * PARALLEL_FROM_BODIES);
        let tree = QuadTree::new(&points);
        let shared = tree.repulsions(points.len(), 100.0, DEFAULT_THETA, 20.0);
        let leaves: Vec<&Cell> = tree.cells.iter().filter(|cell| cell.leaf_bodies > 0).collect();
        let mut alone = vec![[0.0f32; 2]; points.len()];
        Push { tree: &tree, strength: 100.0, theta_squared: DEFAULT_THETA * DEFAULT_THETA, collision_squared: 400.0 }
            .on_leaves(&leaves, &mut alone);
        for (&body, &force) in tree.order.iter().zip(&alone) {
            assert_eq!(shared[body as usize], force, "body {body}");
        }
    }

    #[test]
    fn nodes_closer_than_the_collision_distance_push_harder() {
        let points = [[0.0, 0.0], [10.0, 0.0]];
        let tree = QuadTree::new(&points);
        let plain = tree.repulsions(2, 100.0, DEFAULT_THETA, 0.0);
        let colliding = tree.repulsions(2, 100.0, DEFAULT_THETA, 40.0);
        let close = |a: &[[f32; 2]], b: [[f32; 2]; 2]| {
            a.iter().flatten().zip(b.iter().flatten()).all(|(a, b)| (a - b).abs() < 1e-4)
        };
        assert!(close(&plain, [[-10.0, 0.0], [10.0, 0.0]]), "100 / 10, away from the other node: {plain:?}");
        assert!(close(&colliding, [[-160.0, 0.0], [160.0, 0.0]]), "(40 / 10)² = 16 times harder: {colliding:?}");
        let apart = tree.repulsions(2, 100.0, DEFAULT_THETA, 5.0);
        assert_eq!(apart, plain, "beyond the collision distance nothing changes");
    }

    #[test]
    fn nodes_on_one_point_neither_loop_nor_push_each_other_to_infinity() {
        let mut points = vec![[5.0, 5.0]; 100];
        points.push([50.0, 5.0]);
        points.push([f32::NAN, 0.0]);
        let pushes = QuadTree::new(&points).repulsions(points.len(), 100.0, DEFAULT_THETA, 0.0);
        let stacked = pushes[0];
        assert!(stacked.iter().all(|f| f.is_finite()));
        assert!(stacked[0] < 0.0, "pushed away from the node at x = 50: {stacked:?}");
        let lone = pushes[100];
        assert!((lone[0] - 100.0 * 100.0 / 45.0).abs() < 1.0, "a hundred nodes push as a hundred: {lone:?}");
        assert_eq!(pushes[101], [0.0, 0.0], "a point that is not finite is left out");
    }

    #[test]
    fn far_away_groups_are_summed_once_for_a_whole_leaf_without_losing_accuracy() {
        // Two tight clusters far apart: each body feels the other cluster as one mass.
        let mut points = scattered(500).iter().map(|p| [p[0] / 100.0, p[1] / 100.0]).collect::<Vec<_>>();
        points.extend(scattered(500).iter().map(|p| [p[0] / 100.0 + 10_000.0, p[1] / 100.0]));
        let pushes = QuadTree::new(&points).repulsions(points.len(), 1.0, DEFAULT_THETA, 0.0);
        for body in [0, 250, 499, 500, 999] {
            let (approximate, exact) = (pushes[body], exact(&points, body, 1.0));
            let error = ((approximate[0] - exact[0]).powi(2) + (approximate[1] - exact[1]).powi(2)).sqrt();
            let size = (exact[0] * exact[0] + exact[1] * exact[1]).sqrt();
            assert!(error < 0.05 * size, "body {body}: {approximate:?} against {exact:?}");
        }
    }
}
