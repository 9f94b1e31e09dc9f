//! The force-directed layout: fdg-sim behind our own boundary.
//!
//! fdg-sim supplies the simulation and its Fruchterman–Reingold force. This module makes up
//! for what it lacks: a Barnes–Hut version of that force, written as an fdg-sim force, for
//! cases too big for an O(n²) step; pinned nodes never move; the run is deterministic from
//! the case's seed (fdg-sim scatters nodes with a global random generator; we place them
//! ourselves); nodes at the same point never produce NaN; and the simulation cools and stops
//! when it has settled, so a settled canvas costs nothing. Positions are kept in a flat array
//! indexed like `case.nodes`, so the view uses them without fdg-sim's types. Nothing here
//! knows about windows or painting.

mod barnes_hut;
mod live_layout;
mod multilevel;
mod placement;
mod quality;
mod separation;
mod simulation;
mod stress_majorization;

pub use live_layout::{LiveLayout, OWN_THREAD_FROM_NODES};
pub use placement::{free_spot_beside, initial_positions};
pub use quality::{LayoutQuality, STRESS_SOURCES, measure, sampled_stress};
pub use simulation::{BARNES_HUT_FROM_NODES, ForceLayout, LayoutEngine, LayoutSettings, StepOutcome};

/// A point in world units: x to the right, y downwards.
pub type WorldPoint = [f32; 2];

/// The node indices at the ends of every link whose ends resolve, in link order: the layout
/// works on flat arrays indexed like `case.nodes`.
fn linked_pairs<'a>(
    case: &'a crate::model::Case,
    graph: &'a crate::model::CaseGraph,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    crate::model::LinkIx::all(case.links.len())
        .filter_map(|link| graph.link_ends(link))
        .map(|(source, target)| (source.index(), target.index()))
}
