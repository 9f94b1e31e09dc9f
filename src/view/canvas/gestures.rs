//! The gestures on the canvas, turned into commands: a drag that starts on a node moves it
//! (with Alt held, it draws a new link to the node it is dropped on), anywhere else it pans; the wheel and pinch zoom; a click selects; a right click opens the
//! menu of the node under the pointer, or of the view. Hovering shows a tooltip.

use egui::{Pos2, Vec2};

use super::super::command::{Command, EditCommand, Selection};
use super::super::marks::color;
use super::super::open_case::OpenCase;
use super::FrameGeometry;
use super::picking::PointerTarget;
use crate::model::{NodeIx, amount_text, link_claim};
use crate::theme;

/// How much one unit of scrolling zooms, as a power of e.
const ZOOM_PER_SCROLL: f32 = 0.0015;

/// What the gestures remember between frames.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Gestures {
    drag: Option<NodeDrag>,
    /// The node the open context menu is about; `None` for the canvas's own menu.
    menu_node: Option<NodeIx>,
}

/// A node being dragged: where on the node it was grabbed, so it follows the pointer
/// exactly and does not jump to centre itself under it; or, with Alt held, a link being drawn
/// from it, which leaves it where it is.
#[derive(Clone, Copy, Debug)]
struct NodeDrag {
    node: NodeIx,
    grab_offset_world: Vec2,
    /// Where the link being drawn reaches, for a drag that draws a link.
    drawing_link_to: Option<Pos2>,
}

impl Gestures {
    /// The node being dragged, if any.
    pub(super) fn dragged_node(&self) -> Option<NodeIx> {
        self.drag.map(|drag| drag.node)
    }

    /// The node a link is being drawn from, and where the pointer has taken it.
    pub(super) fn link_being_drawn(&self) -> Option<(NodeIx, Pos2)> {
        self.drag.and_then(|drag| Some((drag.node, drag.drawing_link_to?)))
    }

    /// Turns this frame's input on the canvas `background` into `commands`; returns what is
    /// hovered (the dragged node while a drag lasts).
    pub(super) fn handle(
        &mut self,
        ui: &egui::Ui,
        background: &egui::Response,
        open: &OpenCase,
        frame: FrameGeometry,
        pointer: &PointerTarget,
        commands: &mut Vec<Command>,
    ) -> Option<Selection> {
        self.drag_or_pan(background, open, frame, pointer, commands);
        if background.clicked() {
            commands.push(match (pointer.node, pointer.link) {
                (Some(node), _) => Command::Select(Selection::Node(node)),
                (None, Some(link)) => Command::Select(Selection::Link(link)),
                (None, None) => Command::ClearSelection,
            });
        }
        if let Some(at) = pointer.pointer {
            let (scroll, pinch) = ui.input(|input| (input.smooth_scroll_delta.y, input.zoom_delta()));
            let factor = pinch * (scroll * ZOOM_PER_SCROLL).exp();
            if factor != 1.0 {
                commands.push(Command::Zoom { anchor: at, factor });
            }
        }
        if background.secondary_clicked() {
            self.menu_node = pointer.node;
        }
        let menu_node = self.menu_node;
        background.context_menu(|ui| context_menu(ui, open, menu_node, commands));
        let hovered = match self.drag {
            Some(drag) => Some(Selection::Node(drag.node)),
            None if background.hovered() => pointer.node.map(Selection::Node).or(pointer.link.map(Selection::Link)),
            None => None,
        };
        if self.drag.is_none() {
            tooltip(background, open, hovered);
        }
        hovered
    }

    /// A drag that starts on a node moves it; anywhere else it pans.
    fn drag_or_pan(
        &mut self,
        background: &egui::Response,
        open: &OpenCase,
        frame: FrameGeometry,
        pointer: &PointerTarget,
        commands: &mut Vec<Command>,
    ) {
        let positions = open.document.layout().positions();
        if let Some((pressed, node)) = pointer.pressed_on_node {
            let grabbed = frame.world_from_screen(pressed);
            let [x, y] = positions[node.index()];
            let draws_link = background.ctx.input(|input| input.modifiers.alt);
            self.drag = Some(NodeDrag {
                node,
                grab_offset_world: Vec2::new(x - grabbed[0], y - grabbed[1]),
                drawing_link_to: draws_link.then_some(pressed),
            });
        }
        if let Some(drag) = self.drag.as_mut().filter(|drag| drag.drawing_link_to.is_some()) {
            if let Some(at) = background.interact_pointer_pos() {
                drag.drawing_link_to = Some(at);
            }
            if background.drag_stopped() {
                let from = drag.node;
                self.drag = None;
                if let Some(to) = pointer.node.filter(|&to| to != from) {
                    commands.push(Command::Edit(EditCommand::LinkBetween { from, to }));
                }
            }
            return;
        }
        if background.dragged() {
            match (self.drag, background.interact_pointer_pos()) {
                (Some(drag), Some(at)) => {
                    let under = frame.world_from_screen(at);
                    let to = [under[0] + drag.grab_offset_world.x, under[1] + drag.grab_offset_world.y];
                    if to != positions[drag.node.index()] {
                        commands.push(Command::MoveNode { node: drag.node, to });
                    }
                }
                (Some(_), None) => {}
                (None, _) => commands.push(Command::Pan(background.drag_delta())),
            }
        }
        if background.drag_stopped() && self.drag.take().is_some() {
            commands.push(Command::EndDrag);
        }
    }
}

/// The tooltip of the hovered node or link.
fn tooltip(background: &egui::Response, open: &OpenCase, hovered: Option<Selection>) {
    match hovered {
        Some(Selection::Node(node)) => {
            background.clone().on_hover_ui_at_pointer(|ui| node_tooltip(ui, open, node));
        }
        Some(Selection::Link(link)) => {
            let claim = link_claim(open.document.case(), open.document.graph(), link);
            background.clone().on_hover_text_at_pointer(claim);
        }
        None => {}
    }
}

fn node_tooltip(ui: &mut egui::Ui, open: &OpenCase, node: NodeIx) {
    let item = &open.document.case().nodes[node];
    ui.strong(&item.label);
    ui.label(theme::kind_style(item.kind).legend);
    if let Some(amount) = &item.amount {
        ui.label(amount_text(amount));
    }
    if open.is_unsupported_node(node) {
        ui.colored_label(color(theme::UNSUPPORTED), "No quote supports this node");
    }
    if open.document.layout().is_pinned(node) {
        ui.weak("Pinned: the layout leaves it where it is");
    }
}

/// The menu on a right click: what can be done to the node under the pointer, or to the view.
fn context_menu(ui: &mut egui::Ui, open: &OpenCase, node: Option<NodeIx>, commands: &mut Vec<Command>) {
    let Some(node) = node else {
        if ui.button("Fit the case to the window").clicked() {
            commands.push(Command::FitToCase);
        }
        if ui.button("Run the layout again").clicked() {
            commands.push(Command::RerunLayout);
        }
        return;
    };
    if ui.button("Select").clicked() {
        commands.push(Command::Select(Selection::Node(node)));
    }
    let (text, command) = if open.document.layout().is_pinned(node) {
        ("Unpin (let the layout move it)", Command::SetPinned { node, pinned: false })
    } else {
        ("Pin here", Command::SetPinned { node, pinned: true })
    };
    if ui.button(text).clicked() {
        commands.push(command);
    }
    if ui.button("New link from here… (or Alt-drag to a node)").clicked() {
        commands.push(Command::Select(Selection::Node(node)));
        commands.push(Command::Edit(EditCommand::NewLink));
    }
}
