//! What the canvas works out from the positions, kept until the layout moves a node.

use crate::link_routes::LinkRoute;
use crate::model::NodeIx;
use crate::spatial_index::PointGrid;
use crate::theme;

use super::super::open_case::OpenCase;

/// Side of the picking grid's cells in world units: a few node widths.
const PICK_CELL_WORLD: f32 = 4.0 * theme::NODE_RADIUS;

/// Link routes, the picking grid and the label order, for one layout revision.
#[derive(Clone, Debug)]
pub(super) struct Derived {
    /// The layout revision this was worked out for.
    revision: Option<u64>,
    /// Where each link's line runs.
    pub(super) routes: Vec<Option<LinkRoute>>,
    /// The nodes by position, for picking.
    pub(super) grid: PointGrid,
    /// Every node, best-connected first: the order labels claim space in.
    pub(super) by_degree: Vec<NodeIx>,
}

impl Default for Derived {
    fn default() -> Self {
        Self { revision: None, routes: Vec::new(), grid: PointGrid::new(PICK_CELL_WORLD), by_degree: Vec::new() }
    }
}

impl Derived {
    /// Works everything out again if the layout moved since.
    pub(super) fn refresh(&mut self, open: &OpenCase) {
        let layout = &open.document.layout();
        if self.revision == Some(layout.revision()) {
            return;
        }
        self.revision = Some(layout.revision());
        self.routes = open.link_routes();
        self.grid.update(layout.positions());
        let graph = &open.document.graph();
        if self.by_degree.len() != layout.positions().len() {
            self.by_degree = NodeIx::all(layout.positions().len()).collect();
            self.by_degree.sort_by_cached_key(|&node| (std::cmp::Reverse(graph.degree(node)), node));
        }
    }
}
