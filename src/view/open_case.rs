//! The case open in the window and how it is being looked at. `apply` is the one place
//! that changes either: every menu, shortcut, button and gesture arrives here as a
//! [`Command`]; changes to the case itself go on to the [`Document`] and its undo history.

use egui::{Rect, pos2};

use super::camera::Camera;
use super::command::{Command, Selection};
use super::search::SearchState;
use super::story_view::{StoryView, step_camera};
use crate::document::{Document, Edit};
use crate::link_routes::{LinkRoute, link_routes};
use crate::model::{CaseSupport, Id, ItemRef, LinkIx, NodeIx, Presence, Scene, StepIx, Support};

/// Margin around the case when fitting it to the canvas, in screen points.
const FIT_MARGIN_POINTS: f32 = 48.0;
/// Zoom factor of one zoom-in or zoom-out command.
const ZOOM_STEP: f32 = 1.25;

/// The case in the window.
pub struct OpenCase {
    /// The case, its arrangement and its undo history.
    pub document: Document,
    /// The view; `None` until the canvas first knows its size, then it fits the case.
    pub camera: Option<Camera>,
    /// While true, the view keeps the whole case in sight as the layout spreads it out;
    /// the analyst moving the view or a node ends it.
    pub follow_layout: bool,
    /// Where the canvas was last drawn, for commands that zoom around its centre.
    pub canvas_rect: Rect,
    /// The selected node or link.
    pub selection: Option<Selection>,
    /// The find-a-node field.
    pub search: SearchState,
    /// Whether the keyboard shortcuts window is open.
    pub show_help: bool,
    /// Whether the list of warnings is open.
    pub show_warnings: bool,
    /// Whether the review window is open.
    pub show_review: bool,
    /// Whether the frame-time readout shows over the canvas.
    pub show_frame_times: bool,
    /// The story step on show, the timeline's brushed period, the scene they make, and the
    /// camera gliding to the step.
    pub story: StoryView,
    /// Whether the timeline shows under the canvas (off at first: the canvas keeps its room).
    pub show_timeline: bool,
    /// What drawing asks of the facts every frame, worked out once per change to them.
    derived: DerivedFacts,
    /// The selection as of the start of the frame, with its item's id: after an edit moves
    /// items along (a deletion, a merge, an undo), the same item is found again by its id.
    selected_id: Option<(Selection, Id)>,
}

/// What drawing asks of the facts every frame, worked out once per change to them.
struct DerivedFacts {
    /// The document's facts revision they were worked out for.
    facts_revision: u64,
    /// What backs each node and link: quotes, independent sources, best grades.
    support: CaseSupport,
    /// The nodes at each link's ends.
    link_ends: Vec<Option<(NodeIx, NodeIx)>>,
}

impl DerivedFacts {
    fn of(document: &Document) -> Self {
        let (case, graph) = (document.case(), document.graph());
        Self {
            facts_revision: document.facts_revision(),
            support: CaseSupport::of(case, graph),
            link_ends: LinkIx::all(case.links.len()).map(|link| graph.link_ends(link)).collect(),
        }
    }
}

impl OpenCase {
    /// Shows `document`, with the view it was saved with.
    pub fn new(document: Document) -> Self {
        let camera = document.case().view.camera.map(|camera| Camera {
            center_world: pos2(camera.center_x as f32, camera.center_y as f32),
            zoom: camera.zoom as f32,
        });
        let derived = DerivedFacts::of(&document);
        let story = StoryView::new(&document);
        Self {
            document,
            follow_layout: camera.is_none(),
            camera,
            canvas_rect: Rect::from_min_size(pos2(0.0, 0.0), egui::vec2(800.0, 600.0)),
            selection: None,
            search: SearchState::default(),
            show_help: false,
            show_frame_times: false,
            show_warnings: false,
            show_review: false,
            story,
            show_timeline: false,
            derived,
            selected_id: None,
        }
    }

    /// Works out again what drawing asks of the facts, when they changed since. The selected
    /// item stays selected wherever the change moved it, and is dropped if it is gone.
    pub fn refresh_after_fact_changes(&mut self) {
        self.story.refresh(&self.document);
        if self.derived.facts_revision != self.document.facts_revision() {
            self.derived = DerivedFacts::of(&self.document);
            self.selection = match (&self.selected_id, self.selection) {
                // Unchanged since the edit: the item is found again by its id.
                (Some((remembered, id)), Some(selection)) if *remembered == selection => {
                    match self.document.graph().resolve(id.as_str()) {
                        Some(ItemRef::Node(node)) => Some(Selection::Node(node)),
                        Some(ItemRef::Link(link)) => Some(Selection::Link(link)),
                        _ => None,
                    }
                }
                // Chosen after the edit, by what made it: kept while it is in the case.
                (_, selection) => selection.filter(|&selection| self.selection_id(selection).is_some()),
            };
        }
        if self.selected_id.as_ref().map(|(selection, _)| *selection) != self.selection {
            self.selected_id = self.selection.and_then(|selection| Some((selection, self.selection_id(selection)?)));
        }
    }

    /// The id of a selected node or link, if it is in the case.
    pub fn selection_id(&self, selection: Selection) -> Option<Id> {
        let case = self.document.case();
        match selection {
            Selection::Node(node) => case.nodes.get(node.index()).map(|node| node.id.clone()),
            Selection::Link(link) => case.links.get(link.index()).map(|link| link.id.clone()),
        }
    }

    /// The window title: the case's title and its file, marked when there are unsaved changes.
    pub fn window_title(&self) -> String {
        let document = &self.document;
        let unsaved = if document.is_dirty() { "● " } else { "" };
        format!("{unsaved}{} — {} — casegraph", document.case().info.title, document.name())
    }

    /// The camera as the case file stores it.
    pub fn saved_camera(&self) -> Option<crate::model::Camera> {
        self.camera.map(|camera| crate::model::Camera {
            center_x: f64::from(camera.center_world.x),
            center_y: f64::from(camera.center_world.y),
            zoom: f64::from(camera.zoom),
        })
    }

    /// What the view draws in full, dims and leaves out, for a figure of it.
    pub fn scene(&self) -> Scene {
        self.story.scene().clone()
    }

    /// How the view draws `item`: in full, dimmed (a story step is about something else) or
    /// not at all (its kind is hidden, or the step leaves it out).
    pub fn presence(&self, item: ItemRef) -> Presence {
        self.story.scene().item(item)
    }

    /// Whether node `node` is shown, in full or dimmed.
    pub fn is_node_visible(&self, node: NodeIx) -> bool {
        self.presence(ItemRef::Node(node)) != Presence::Hidden
    }

    /// Whether link `link` is shown, in full or dimmed.
    pub fn is_link_visible(&self, link: LinkIx) -> bool {
        self.presence(ItemRef::Link(link)) != Presence::Hidden
    }

    /// The nodes at link `link`'s ends, when both resolve.
    pub fn link_ends(&self, link: LinkIx) -> Option<(NodeIx, NodeIx)> {
        self.derived.link_ends.get(link.index()).copied().flatten()
    }

    /// Whether no quote supports node `node`.
    pub fn is_unsupported_node(&self, node: NodeIx) -> bool {
        node.index() < self.document.case().nodes.len() && self.derived.support.node(node).quotes == 0
    }

    /// Whether no quote supports link `link`.
    pub fn is_unsupported_link(&self, link: LinkIx) -> bool {
        link.index() < self.document.case().links.len() && self.derived.support.link(link).quotes == 0
    }

    /// What backs a node or link, as drawn: its independent sources and best grades.
    pub fn support(&self, item: ItemRef) -> Support {
        self.derived.support.of_item(item)
    }

    /// The route of every link at the current positions.
    pub fn link_routes(&self) -> Vec<Option<LinkRoute>> {
        link_routes(&self.derived.link_ends, self.document.layout().positions())
    }

    /// The camera that shows every visible node.
    pub fn fitted_camera(&self, canvas: Rect) -> Camera {
        let positions = self.document.layout().positions();
        let visible =
            NodeIx::all(positions.len()).filter(|&node| self.is_node_visible(node)).map(|node| positions[node.index()]);
        Camera::fitting(visible, canvas, FIT_MARGIN_POINTS)
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
                if node.index() < self.document.case().nodes.len() {
                    self.selection = Some(Selection::Node(node));
                    let [x, y] = self.document.layout().position(node);
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
            Command::RerunLayout => self.edit(Edit::RerunLayout),
            Command::PinAll => self.edit(Edit::PinAll),
            Command::UnpinAll => self.edit(Edit::UnpinAll),
            Command::SetPinned { node, pinned } => self.edit(Edit::SetPinned { node, pinned }),
            Command::TogglePinSelected => {
                if let Some(Selection::Node(node)) = self.selection {
                    let pinned = !self.document.layout().is_pinned(node);
                    self.edit(Edit::SetPinned { node, pinned });
                }
            }
            Command::MoveNode { node, to } => self.edit(Edit::MoveNode { node, to }),
            Command::EndDrag => self.edit(Edit::EndDrag),
            Command::ToggleKind(kind) => self.edit(Edit::ToggleKind(kind)),
            Command::Undo => {
                self.document.undo();
                self.story.refresh(&self.document);
                self.drop_hidden_selection();
            }
            Command::Redo => {
                self.document.redo();
                self.story.refresh(&self.document);
                self.drop_hidden_selection();
            }
            Command::OpenSearch => {
                self.search.open = true;
                self.search.wants_focus = true;
            }
            Command::ToggleHelp
            | Command::ToggleWarnings
            | Command::ToggleReview
            | Command::ToggleFrameTimes
            | Command::ToggleTimeline => self.toggle(command),
            Command::Brush(period) => self.set_period(period, self.story.outside_period),
            Command::SetOutsidePeriod(outside) => self.set_period(self.story.brush, outside),
            // The app carries these out before the case sees them.
            // The app carries these out: they open forms, replace the case, or start the presenter.
            Command::File(_) | Command::Edit(_) | Command::Present => {}
        }
    }

    /// Shows or hides a window or panel.
    fn toggle(&mut self, command: Command) {
        let shown = match command {
            Command::ToggleHelp => &mut self.show_help,
            Command::ToggleWarnings => &mut self.show_warnings,
            Command::ToggleReview => &mut self.show_review,
            Command::ToggleFrameTimes => &mut self.show_frame_times,
            Command::ToggleTimeline => &mut self.show_timeline,
            _ => return,
        };
        *shown = !*shown;
    }

    /// Brushes `period` on the timeline, with what lies outside dimmed or hidden.
    fn set_period(&mut self, period: Option<crate::model::DaySpan>, outside: crate::model::OutsidePeriod) {
        self.story.brush = period;
        self.story.outside_period = outside;
        self.story.refresh(&self.document);
        self.drop_hidden_selection();
    }

    fn edit(&mut self, edit: Edit) {
        self.document.edit(edit);
        self.story.refresh(&self.document);
        self.drop_hidden_selection();
    }

    /// Moves the camera along its glide to a step at `now_seconds`; true while it goes on.
    pub fn glide_camera(&mut self, now_seconds: f64) -> bool {
        let Some(glide) = self.story.glide else { return false };
        let (camera, done) = glide.at(now_seconds);
        self.camera = Some(camera);
        if done {
            self.story.glide = None;
        }
        !done
    }

    /// Shows `step`'s view, the camera gliding to it from where it is; `None` goes back to
    /// the case as a whole.
    pub fn show_step(&mut self, step: Option<StepIx>, now_seconds: f64) {
        self.story.shown_step = step.filter(|step| step.index() < self.document.story().len());
        self.story.refresh(&self.document);
        self.follow_layout = false;
        let Some(step) = self.story.shown_step else { return };
        let saved = self.document.story()[step].camera;
        let scene = self.story.scene();
        let positions = self.document.layout().positions();
        let lit: Vec<[f32; 2]> = NodeIx::all(positions.len())
            .filter(|&node| scene.node(node) == Presence::Full)
            .map(|node| positions[node.index()])
            .collect();
        let to = step_camera(saved, lit, self.canvas_rect).unwrap_or_else(|| self.fitted_camera(self.canvas_rect));
        self.story.glide_to(self.camera, to, now_seconds);
        self.drop_hidden_selection();
    }

    /// A selection whose node or link was just hidden is dropped with it.
    fn drop_hidden_selection(&mut self) {
        let hidden = match self.selection {
            Some(Selection::Node(node)) => !self.is_node_visible(node),
            Some(Selection::Link(link)) => !self.is_link_visible(link),
            None => false,
        };
        if hidden {
            self.selection = None;
        }
    }
}
