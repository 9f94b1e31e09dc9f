//! The running layout: fdg-sim's simulation with pinning, cooling and a stop rule added.

use crate::model::vocabulary::vocabulary;
use fdg_sim::glam::Vec3;
use fdg_sim::petgraph::graph::NodeIndex;
use fdg_sim::{ForceGraph, Simulation, SimulationParameters};

use crate::model::{Case, CaseGraph};

use super::WorldPoint;
use super::barnes_hut::{DEFAULT_THETA, barnes_hut_fruchterman_reingold};
use super::multilevel::{Forces, MultilevelStart, multilevel_layout, pack_unplaced_beside};
use super::placement::initial_positions;
use super::quality::mean_link_length;
use super::separation::{MIN_SEPARATION, separate_coincident, spread_close_pairs};

vocabulary! {
    /// Which force moves the nodes.
    pub enum LayoutEngine ("engine") {
        /// The app's choice for the case's size: fdg-sim's own force below 300 nodes,
        /// Barnes–Hut from 300 on.
        Automatic = "automatic",
        /// fdg-sim's Fruchterman–Reingold force, unmodified: every pair of nodes, O(n²) a step.
        /// The reference the faster force is measured against.
        FdgSim = "fdg-sim",
        /// The same force with its repulsion approximated through a quadtree, O(n log n) a
        /// step.
        BarnesHut = "barnes-hut",
    }
}

/// From this many nodes on, [`LayoutEngine::Automatic`] uses Barnes–Hut.
pub const BARNES_HUT_FROM_NODES: usize = 300;

impl LayoutEngine {
    /// The engine that runs for a case of `nodes` nodes.
    pub fn resolve(self, nodes: usize) -> Self {
        match self {
            LayoutEngine::Automatic if nodes >= BARNES_HUT_FROM_NODES => LayoutEngine::BarnesHut,
            LayoutEngine::Automatic => LayoutEngine::FdgSim,
            chosen => chosen,
        }
    }
}

/// How the layout moves and when it stops. Lengths are in world units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LayoutSettings {
    /// The force.
    pub engine: LayoutEngine,
    /// The distance linked nodes settle at (fdg-sim's Fruchterman–Reingold scale).
    pub edge_length: f32,
    /// Velocity kept from one step to the next (fdg-sim's cool-off factor).
    pub velocity_retention: f32,
    /// Below this distance between their centres, the Barnes–Hut force pushes two nodes apart
    /// harder, so they do not come to rest overlapping (twice a drawn node's width, so that
    /// neighbours keep some air between them).
    pub collision_distance: f32,
    /// With the Barnes–Hut force, the collision distance is at least this share of the mean
    /// link length where the layout starts: a big case settles wide, and nodes far closer
    /// than a link would otherwise rest nearly on top of each other.
    pub collision_link_share: f32,
    /// Pull towards the centre of the case, per world unit of distance. fdg-sim's force has
    /// none, so unlinked nodes and separate groups would drift off without it.
    pub gravity: f32,
    /// Simulated time per step.
    pub time_step: f32,
    /// The farthest a node may move in the first step; later steps allow less.
    pub initial_step_limit: f32,
    /// Factor by which the step limit shrinks every step, so the layout always comes to rest.
    pub cooling: f32,
    /// A step in which no node moves farther than this counts as still.
    pub still_movement: f32,
    /// [`LayoutSettings::cooling`] with the Barnes–Hut force: a big case cools a little faster,
    /// so it comes to rest in about half the steps.
    pub big_case_cooling: f32,
    /// [`LayoutSettings::still_movement`] with the Barnes–Hut force: half a world unit, less
    /// than a pixel at any zoom that shows a big case whole.
    pub big_case_still_movement: f32,
    /// [`LayoutSettings::cooling`] after a big case's multilevel start, which has settled the
    /// case's shape already: the simulation only polishes it, in a few dozen steps.
    pub polish_cooling: f32,
    /// [`LayoutSettings::polish_cooling`] when stress majorization has straightened the start
    /// as well: half the polish steps give the same stress (measured on generated cases of
    /// 1,000 nodes).
    pub majorized_polish_cooling: f32,
    /// With the Barnes–Hut force, free nodes closer than this when the layout comes to rest
    /// are moved apart: two node radii, so that no node drawn at full size covers another.
    pub least_spacing: f32,
    /// Still steps in a row after which the layout is settled.
    pub still_steps_to_settle: usize,
    /// Steps after which the layout stops regardless.
    pub max_steps: usize,
}

impl Default for LayoutSettings {
    fn default() -> Self {
        Self {
            engine: LayoutEngine::Automatic,
            edge_length: 120.0,
            collision_distance: 64.0,
            collision_link_share: 0.12,
            velocity_retention: 0.975,
            gravity: 3.0,
            time_step: 0.035,
            initial_step_limit: 60.0,
            cooling: 0.985,
            still_movement: 0.05,
            big_case_cooling: 0.982,
            big_case_still_movement: 0.5,
            polish_cooling: 0.92,
            majorized_polish_cooling: 0.85,
            least_spacing: 2.0 * crate::theme::NODE_RADIUS,
            still_steps_to_settle: 3,
            max_steps: 2_000,
        }
    }
}

/// A case saved with every node placed opens exactly as the analyst left it, at rest; unless
/// free nodes sit on top of each other, which no one arranged on purpose (an import, say).
fn opens_at_rest(case: &Case, positions: &[WorldPoint], pinned: &[bool]) -> bool {
    if !case.nodes.iter().all(|node| case.layout.positions.contains_key(&node.id)) {
        return false;
    }
    let mut free: Vec<(u32, u32)> = positions
        .iter()
        .zip(pinned)
        .filter(|(_, pinned)| !**pinned)
        .map(|(p, _)| (p[0].to_bits(), p[1].to_bits()))
        .collect();
    free.sort_unstable();
    free.windows(2).all(|pair| pair[0] != pair[1])
}

/// A big case with no saved positions starts from its multilevel layout, with its unlinked
/// nodes in rows beside it; and the cooling its polish takes.
fn start_from_scratch(
    count: usize,
    pairs: &[(usize, usize)],
    settings: &LayoutSettings,
    seed: u64,
) -> (Vec<WorldPoint>, f32) {
    let forces = Forces {
        edge_length: settings.edge_length,
        collision_distance: settings.collision_distance,
        gravity: settings.gravity,
    };
    let MultilevelStart { mut positions, majorized } = multilevel_layout(count, pairs, forces, seed);
    pack_unplaced_beside(&mut positions, settings.collision_distance);
    let cooling = if majorized { settings.majorized_polish_cooling } else { settings.polish_cooling };
    (positions.into_iter().map(|p| p.unwrap_or([0.0, 0.0])).collect(), cooling)
}

/// Whether each of `count` nodes is at an end of one of `pairs`.
pub(super) fn linked_nodes(count: usize, pairs: &[(usize, usize)]) -> Vec<bool> {
    let mut linked = vec![false; count];
    for &(a, b) in pairs {
        linked[a] = true;
        linked[b] = true;
    }
    linked
}

/// What one step did.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StepOutcome {
    /// The farthest any node moved, in world units.
    pub max_movement: f32,
    /// True once the layout has come to rest; further steps do nothing.
    pub settled: bool,
}

/// A case's layout in progress. Node `i` is `case.nodes[i]`.
pub struct ForceLayout {
    simulation: Simulation<(), ()>,
    engine: LayoutEngine,
    linked_pairs: Vec<(usize, usize)>,
    /// Whether each node has a link. With the Barnes–Hut force an unlinked node stays where
    /// it is (in its block beside the case) until it gets a link or is dragged.
    linked: Vec<bool>,
    positions: Vec<WorldPoint>,
    pinned: Vec<bool>,
    settings: LayoutSettings,
    step_limit: f32,
    /// The factor the step limit shrinks by each step: the settings' own, or faster while
    /// polishing a multilevel start.
    cooling: f32,
    still_steps: usize,
    steps: usize,
    settled: bool,
    revision: u64,
}

impl ForceLayout {
    /// A layout of `case` starting from its saved positions (see [`initial_positions`]).
    pub fn new(case: &Case, graph: &CaseGraph, settings: LayoutSettings) -> Self {
        let (mut positions, pinned) = initial_positions(case, graph, settings.edge_length);
        let mut force_graph: ForceGraph<(), ()> = ForceGraph::default();
        for node in &case.nodes {
            force_graph.add_node(fdg_sim::Node::new(node.id.as_str(), ()));
        }
        // One edge per linked pair: self-links pull on nothing, and fdg-sim would divide by
        // their zero length; parallel links would pull twice as hard.
        let mut pairs: Vec<(usize, usize)> = super::linked_pairs(case, graph)
            .filter(|(source, target)| source != target)
            .map(|(source, target)| (source.min(target), source.max(target)))
            .collect();
        pairs.sort_unstable();
        pairs.dedup();
        for &(a, b) in &pairs {
            force_graph.add_edge(NodeIndex::new(a), NodeIndex::new(b), ());
        }
        let engine = settings.engine.resolve(case.nodes.len());
        let from_scratch = engine == LayoutEngine::BarnesHut && case.layout.positions.is_empty();
        let mut polish_cooling = None;
        if from_scratch {
            let (start, cooling) = start_from_scratch(positions.len(), &pairs, &settings, case.layout.seed);
            (positions, polish_cooling) = (start, Some(cooling));
        }
        let mut settings = settings;
        if engine == LayoutEngine::BarnesHut {
            settings.cooling = settings.big_case_cooling;
            settings.still_movement = settings.big_case_still_movement;
            let scaled = settings.collision_link_share * mean_link_length(&positions, &pairs) as f32;
            settings.collision_distance = settings.collision_distance.max(scaled);
        }
        let force = match engine {
            LayoutEngine::BarnesHut => barnes_hut_fruchterman_reingold(
                settings.edge_length,
                settings.velocity_retention,
                DEFAULT_THETA,
                settings.collision_distance,
            ),
            _ => fdg_sim::force::fruchterman_reingold(settings.edge_length, settings.velocity_retention),
        };
        // fdg-sim scatters the nodes at random here; `write_positions` puts ours back.
        let simulation = Simulation::from_graph(force_graph, SimulationParameters::from_force(force));
        let settled = opens_at_rest(case, &positions, &pinned);
        let mut layout = Self {
            simulation,
            engine,
            linked: linked_nodes(positions.len(), &pairs),
            linked_pairs: pairs,
            positions,
            pinned,
            settings,
            step_limit: if from_scratch { settings.initial_step_limit / 4.0 } else { settings.initial_step_limit },
            cooling: polish_cooling.unwrap_or(settings.cooling),
            still_steps: 0,
            steps: 0,
            settled,
            revision: 0,
        };
        layout.write_positions();
        layout
    }

    /// The force that moves the nodes.
    pub fn engine(&self) -> LayoutEngine {
        self.engine
    }

    /// The pairs of nodes the force pulls together: each linked pair once, self-links left out.
    pub fn linked_pairs(&self) -> &[(usize, usize)] {
        &self.linked_pairs
    }

    /// Current positions, indexed like `case.nodes`.
    pub fn positions(&self) -> &[WorldPoint] {
        &self.positions
    }

    /// Whether node `node` is pinned.
    pub fn is_pinned(&self, node: usize) -> bool {
        self.pinned.get(node).copied().unwrap_or(false)
    }

    /// Pin flags, indexed like `case.nodes`.
    pub fn pinned(&self) -> &[bool] {
        &self.pinned
    }

    /// True once the layout has come to rest: stepping does nothing until something wakes it.
    pub fn is_settled(&self) -> bool {
        self.settled
    }

    /// A number that changes whenever any position does, so what is worked out from the
    /// positions can be kept until then.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Steps taken since the layout last started or woke.
    pub fn steps(&self) -> usize {
        self.steps
    }

    /// Places `node` at `position` and pins it (a drag), and lets the others relax around it.
    pub fn place_and_pin(&mut self, node: usize, position: WorldPoint) {
        if node >= self.positions.len() || !position.iter().all(|c| c.is_finite()) {
            return;
        }
        self.positions[node] = position;
        self.pinned[node] = true;
        self.revision += 1;
        self.write_position(node);
        self.wake(self.settings.initial_step_limit / 4.0);
    }

    /// Takes in a node just added at the end of the case, at `position`, without building
    /// the layout again; when `relax`, the layout settles it among the others.
    pub fn add_node(&mut self, name: &str, position: WorldPoint, relax: bool) {
        if !position.iter().all(|c| c.is_finite()) {
            return;
        }
        self.simulation.get_graph_mut().add_node(fdg_sim::Node::new(name, ()));
        self.positions.push(position);
        self.pinned.push(false);
        self.linked.push(false);
        self.write_position(self.positions.len() - 1);
        self.revision += 1;
        if relax {
            self.wake(self.settings.initial_step_limit / 4.0);
        }
    }

    /// Takes in a link just added between nodes `a` and `b`: their pull, once per pair.
    pub fn add_pair(&mut self, a: usize, b: usize) {
        let count = self.positions.len();
        if a == b || a >= count || b >= count {
            return;
        }
        let pair = (a.min(b), a.max(b));
        if let Err(at) = self.linked_pairs.binary_search(&pair) {
            self.linked_pairs.insert(at, pair);
            self.linked[a] = true;
            self.linked[b] = true;
            self.simulation.get_graph_mut().add_edge(NodeIndex::new(pair.0), NodeIndex::new(pair.1), ());
            // The new link pulls its ends together: the layout goes on from where it is.
            self.wake(self.settings.initial_step_limit / 4.0);
        }
    }

    /// Pins or unpins `node`; unpinning lets it move again.
    pub fn set_pinned(&mut self, node: usize, pinned: bool) {
        if let Some(flag) = self.pinned.get_mut(node) {
            *flag = pinned;
            if !pinned {
                self.wake(self.settings.initial_step_limit / 4.0);
            }
        }
    }

    /// Pins or unpins every node.
    pub fn set_all_pinned(&mut self, pinned: bool) {
        self.pinned.iter_mut().for_each(|flag| *flag = pinned);
        if !pinned {
            self.wake(self.settings.initial_step_limit / 4.0);
        }
    }

    /// Puts nodes back exactly as an earlier state had them (undo and redo): each entry is a
    /// node, its position and whether it is pinned. When `at_rest` the layout had come to rest
    /// in that state and stays still; otherwise it goes on relaxing from there.
    pub fn restore(&mut self, placements: &[(usize, WorldPoint, bool)], at_rest: bool) {
        for &(node, position, pinned) in placements {
            if node >= self.positions.len() || !position.iter().all(|c| c.is_finite()) {
                continue;
            }
            self.positions[node] = position;
            self.pinned[node] = pinned;
            self.write_position(node);
        }
        self.revision += 1;
        if at_rest {
            self.settled = true;
        } else {
            self.wake(self.settings.initial_step_limit / 4.0);
        }
    }

    /// After the facts changed (a node or link added or taken away): stays still when
    /// `at_rest`, else relaxes gently from where the nodes are, never as from scratch.
    pub fn go_on_from_here(&mut self, at_rest: bool) {
        self.step_limit = self.settings.initial_step_limit / 4.0;
        self.cooling = self.settings.cooling;
        self.still_steps = 0;
        self.steps = 0;
        self.settled = at_rest || self.positions.is_empty();
    }

    /// Runs the layout again from where the nodes are: unpinned nodes move, pinned ones stay.
    pub fn restart(&mut self) {
        self.wake(self.settings.initial_step_limit);
    }

    fn wake(&mut self, step_limit: f32) {
        if self.positions.is_empty() {
            return;
        }
        self.step_limit = self.step_limit.max(step_limit);
        self.cooling = self.settings.cooling;
        self.still_steps = 0;
        self.steps = 0;
        self.settled = false;
    }

    /// Copies our positions into fdg-sim's graph, with no velocity.
    fn write_positions(&mut self) {
        for index in 0..self.positions.len() {
            self.write_position(index);
        }
    }

    /// Copies one node's position into fdg-sim's graph, with no velocity: a drag moves one
    /// node a frame, and need not touch the others.
    fn write_position(&mut self, index: usize) {
        let position = self.positions[index];
        let node = &mut self.simulation.get_graph_mut()[NodeIndex::new(index)];
        node.location = Vec3::new(position[0], position[1], 0.0);
        node.old_location = node.location;
        node.velocity = Vec3::ZERO;
    }

    /// Advances the simulation one step, unless it has settled.
    pub fn step(&mut self) -> StepOutcome {
        if self.settled {
            return StepOutcome { max_movement: 0.0, settled: true };
        }
        if separate_coincident(&mut self.positions, &self.pinned) > 0 {
            let graph = self.simulation.get_graph_mut();
            for (index, position) in self.positions.iter().enumerate() {
                graph[NodeIndex::new(index)].location = Vec3::new(position[0], position[1], 0.0);
            }
        }
        self.simulation.update(self.settings.time_step);
        let max_movement = self.read_back();
        self.revision += 1;
        self.steps += 1;
        self.step_limit *= self.cooling;
        self.still_steps = if max_movement < self.settings.still_movement { self.still_steps + 1 } else { 0 };
        self.settled = self.still_steps >= self.settings.still_steps_to_settle || self.steps >= self.settings.max_steps;
        if self.settled && self.engine == LayoutEngine::BarnesHut {
            // The Barnes–Hut force's push is approximate and cools off before every pair
            // of nodes is apart: the last of them are parted here, once.
            let still = self.held_still();
            if spread_close_pairs(&mut self.positions, &still, self.settings.least_spacing) > 0 {
                self.write_positions();
            }
        }
        StepOutcome { max_movement, settled: self.settled }
    }

    /// Which nodes no step moves: pinned ones, and with the Barnes–Hut force unlinked ones.
    fn held_still(&self) -> Vec<bool> {
        let unlinked_stay = self.engine == LayoutEngine::BarnesHut;
        (0..self.positions.len()).map(|node| self.pinned[node] || (unlinked_stay && !self.linked[node])).collect()
    }

    /// Takes fdg-sim's new positions, keeping pinned nodes in place, limiting each move to the
    /// current step limit, and undoing any move that is not finite. Returns the largest move.
    fn read_back(&mut self) -> f32 {
        let unlinked_stay = self.engine == LayoutEngine::BarnesHut;
        let linked = &self.linked;
        let moving = |index: usize| !unlinked_stay || linked[index];
        let (sum, count) = self
            .positions
            .iter()
            .enumerate()
            .filter(|&(index, _)| moving(index))
            .fold(([0.0f32; 2], 0usize), |(sum, count), (_, p)| ([sum[0] + p[0], sum[1] + p[1]], count + 1));
        let count = count.max(1) as f32;
        let centre = Vec3::new(sum[0] / count, sum[1] / count, 0.0);
        let still = self.held_still();
        let LayoutSettings { gravity, time_step, velocity_retention, .. } = self.settings;
        let graph = self.simulation.get_graph_mut();
        let mut max_movement = 0.0f32;
        for (index, position) in self.positions.iter_mut().enumerate() {
            let node = &mut graph[NodeIndex::new(index)];
            let start = Vec3::new(position[0], position[1], 0.0);
            // Gravity, integrated the way fdg-sim integrates its own force.
            let pull = (centre - start) * gravity * time_step * velocity_retention;
            node.velocity += pull;
            node.location += pull * time_step;
            let mut movement = node.location - start;
            movement.z = 0.0;
            if still[index] || !movement.is_finite() || !node.velocity.is_finite() {
                // A move that is not finite came from nodes too close to tell apart: nudge
                // this one aside, a little and always the same way, and try again next step.
                let nudge = if still[index] || movement.is_finite() {
                    Vec3::ZERO
                } else {
                    let angle = index as f32 * 2.399_963;
                    Vec3::new(angle.cos(), angle.sin(), 0.0) * MIN_SEPARATION * 2.0
                };
                node.location = start + nudge;
                node.old_location = node.location;
                node.velocity = Vec3::ZERO;
                *position = [node.location.x, node.location.y];
                continue;
            }
            let length = movement.length();
            if length > self.step_limit {
                let scale = self.step_limit / length;
                movement *= scale;
                node.velocity *= scale;
            }
            node.location = start + movement;
            *position = [node.location.x, node.location.y];
            max_movement = max_movement.max(movement.length());
        }
        max_movement
    }

    /// Steps until settled; returns the number of steps taken.
    pub fn run_until_settled(&mut self) -> usize {
        while !self.step().settled {}
        self.steps
    }
}
