//! The case open in the window and how it is being looked at. `apply` is the one place
//! that changes either: every menu, shortcut, button and gesture arrives here as a
//! [`Command`].

use egui::{Rect, pos2};

use super::camera::Camera;
use super::canvas::CanvasState;
use super::command::{Command, Selection};
use super::search::SearchState;
use crate::layout::{ForceLayout, LayoutSettings};
use crate::link_routes::{LinkRoute, link_routes};
use crate::model::{Case, CaseGraph, Diagnostic, DocumentStore, ItemRef, NodeKind};

/// Margin around the case when fitting it to the canvas, in screen points.
const FIT_MARGIN_POINTS: f32 = 48.0;
/// Zoom factor of one zoom-in or zoom-out command.
const ZOOM_STEP: f32 = 1.25;

/// The case in the window.
pub struct OpenCase {
    /// The file's name as the title bar shows it.
    pub file_name: String,
    /// The case.
    pub case: Case,
    /// Look-ups over the case.
    pub graph: CaseGraph,
    /// Node positions, moving while the layout runs.
    pub layout: ForceLayout,
    /// The local copies of the sources, for showing a quote in context.
    pub documents: Box<dyn DocumentStore>,
    /// What loading the case warned about.
    pub warnings: Vec<Diagnostic>,
    /// The view; `None` until the canvas first knows its size, then it fits the case.
    pub camera: Option<Camera>,
    /// While true, the view keeps the whole case in sight as the layout spreads it out;
    /// the analyst moving the view or a node ends it.
    pub follow_layout: bool,
    /// Where the canvas was last drawn, for commands that zoom around its centre.
    pub canvas_rect: Rect,
    /// The selected node or link.
    pub selection: Option<Selection>,
    /// Kinds the analyst has hidden.
    pub hidden_kinds: Vec<NodeKind>,
    /// The find-a-node field.
    pub search: SearchState,
    /// Whether the keyboard shortcuts window is open.
    pub show_help: bool,
    /// What the canvas remembers between frames (a drag in progress).
    pub canvas: CanvasState,
    /// Per node: no quote supports it.
    pub unsupported_nodes: Vec<bool>,
    /// Per link: no quote supports it.
    pub unsupported_links: Vec<bool>,
    /// The node indices at each link's ends.
    pub link_ends: Vec<Option<(usize, usize)>>,
}

impl OpenCase {
    /// Opens `case`, starting the layout from its saved positions and the view it was saved with.
    pub fn new(case: Case, file_name: String, documents: Box<dyn DocumentStore>, warnings: Vec<Diagnostic>) -> Self {
        let graph = CaseGraph::new(&case);
        let layout = ForceLayout::new(&case, &graph, LayoutSettings::default());
        let camera = case.view.camera.map(|camera| Camera {
            center_world: pos2(camera.center_x as f32, camera.center_y as f32),
            zoom: camera.zoom as f32,
        });
        let unsupported_nodes = (0..case.nodes.len()).map(|i| graph.quotes_for(ItemRef::Node(i)).is_empty()).collect();
        let unsupported_links = (0..case.links.len()).map(|i| graph.quotes_for(ItemRef::Link(i)).is_empty()).collect();
        let link_ends = (0..case.links.len()).map(|i| graph.link_ends(i)).collect();
        Self {
            file_name,
            hidden_kinds: case.view.hidden_kinds.clone(),
            case,
            graph,
            layout,
            documents,
            warnings,
            follow_layout: camera.is_none(),
            camera,
            canvas_rect: Rect::from_min_size(pos2(0.0, 0.0), egui::vec2(800.0, 600.0)),
            selection: None,
            search: SearchState::default(),
            show_help: false,
            canvas: CanvasState::default(),
            unsupported_nodes,
            unsupported_links,
            link_ends,
        }
    }

    /// The window title: the case's title and its file.
    pub fn window_title(&self) -> String {
        format!("{} — {} — casegraph", self.case.info.title, self.file_name)
    }

    /// Whether node `node` is shown (its kind is not hidden).
    pub fn is_node_visible(&self, node: usize) -> bool {
        self.case.nodes.get(node).is_some_and(|n| !self.hidden_kinds.contains(&n.kind))
    }

    /// Whether link `link` is shown: both its ends are.
    pub fn is_link_visible(&self, link: usize) -> bool {
        self.link_ends
            .get(link)
            .copied()
            .flatten()
            .is_some_and(|(a, b)| self.is_node_visible(a) && self.is_node_visible(b))
    }

    /// The route of every link at the current positions.
    pub fn link_routes(&self) -> Vec<Option<LinkRoute>> {
        link_routes(&self.link_ends, self.layout.positions())
    }

    /// The camera that shows every visible node.
    pub fn fitted_camera(&self, canvas: Rect) -> Camera {
        let positions = self.layout.positions();
        let visible = (0..positions.len()).filter(|&node| self.is_node_visible(node)).map(|node| positions[node]);
        Camera::fitting(visible, canvas, FIT_MARGIN_POINTS)
    }

    /// Advances the layout by up to `max_steps` steps; true while it is still moving.
    pub fn step_layout(&mut self, max_steps: usize) -> bool {
        for _ in 0..max_steps {
            if self.layout.step().settled {
                return false;
            }
        }
        !self.layout.is_settled()
    }

    /// Carries out one command.
    pub fn apply(&mut self, command: Command) {
        let canvas = self.canvas_rect;
        if matches!(
            command,
            Command::Pan(_)
                | Command::Zoom { .. }
                | Command::ZoomIn
                | Command::ZoomOut
                | Command::FocusNode(_)
                | Command::MoveNode { .. }
        ) {
            self.follow_layout = false;
        }
        match command {
            Command::Select(selection) => self.selection = Some(selection),
            Command::FocusNode(node) => {
                if node < self.case.nodes.len() {
                    self.selection = Some(Selection::Node(node));
                    let [x, y] = self.layout.positions()[node];
                    let zoom = self.camera.map_or(1.0, |camera| camera.zoom.max(0.8));
                    self.camera = Some(Camera { center_world: pos2(x, y), zoom });
                }
            }
            Command::ClearSelection => {
                self.selection = None;
                self.search.open = false;
            }
            Command::FitToCase => self.camera = Some(self.fitted_camera(canvas)),
            Command::ZoomIn | Command::ZoomOut => {
                let factor = if command == Command::ZoomIn { ZOOM_STEP } else { 1.0 / ZOOM_STEP };
                let mut camera = self.camera.unwrap_or_else(|| self.fitted_camera(canvas));
                camera.zoom_around(canvas, canvas.center(), factor);
                self.camera = Some(camera);
            }
            Command::Pan(delta) => {
                if let Some(camera) = &mut self.camera {
                    camera.pan_by(delta);
                }
            }
            Command::Zoom { anchor, factor } => {
                if let Some(camera) = &mut self.camera {
                    camera.zoom_around(canvas, anchor, factor);
                }
            }
            Command::RerunLayout => self.layout.restart(),
            Command::PinAll => self.layout.set_all_pinned(true),
            Command::UnpinAll => self.layout.set_all_pinned(false),
            Command::SetPinned { node, pinned } => self.layout.set_pinned(node, pinned),
            Command::TogglePinSelected => {
                if let Some(Selection::Node(node)) = self.selection {
                    self.layout.set_pinned(node, !self.layout.is_pinned(node));
                }
            }
            Command::MoveNode { node, to } => self.layout.place_and_pin(node, to),
            Command::ToggleKind(kind) => {
                if let Some(at) = self.hidden_kinds.iter().position(|&hidden| hidden == kind) {
                    self.hidden_kinds.remove(at);
                } else {
                    self.hidden_kinds.push(kind);
                    self.hidden_kinds.sort_by_key(|kind| kind.as_str());
                    let hides_selection = match self.selection {
                        Some(Selection::Node(node)) => !self.is_node_visible(node),
                        Some(Selection::Link(link)) => !self.is_link_visible(link),
                        None => false,
                    };
                    if hides_selection {
                        self.selection = None;
                    }
                }
            }
            Command::OpenSearch => {
                self.search.open = true;
                self.search.wants_focus = true;
            }
            Command::ToggleHelp => self.show_help = !self.show_help,
        }
    }
}
