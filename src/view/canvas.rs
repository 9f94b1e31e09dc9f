//! The case drawn as a graph, and the gestures on it: pan, zoom, select, hover, drag.
//! Drawing reads the open case; every change goes back as a [`Command`].

use std::collections::HashSet;

use egui::{Align2, Color32, CornerRadius, FontId, Id, Pos2, Rect, Sense, Shape, Stroke, StrokeKind, Vec2, pos2, vec2};

use super::camera::Camera;
use super::command::{Command, Selection};
use super::open_case::OpenCase;
use super::overview::{OverviewCache, OverviewKey, OverviewScene};
use crate::icons;
use crate::label_placement::{Area, Occupancy, place_label};
use crate::layout::WorldPoint;
use crate::link_routes::{LinkRoute, arrowhead, distance_to_polyline, trim_polyline_end};
use crate::model::{NodeKind, amount_text, link_caption};
use crate::spatial_index::PointGrid;
use crate::theme::{self, Colour, LinePattern, NodeShape};

/// Smallest on-screen node radius when drawn in detail, so a node stays visible and can be
/// grabbed when zoomed out; nodes are picked within this radius at any zoom.
const MIN_NODE_RADIUS_POINTS: f32 = 5.0;
/// How close to a line the pointer must be to pick its link, in screen points.
const LINK_PICK_DISTANCE_POINTS: f32 = 5.0;
/// Segments per curve when drawing and picking links.
const CURVE_SEGMENTS: usize = 16;
/// At most this many nodes on screen are described to screen readers (and tests), the most
/// connected first: a list of thousands helps no one.
const DESCRIBED_NODES_AT_MOST: usize = 1_000;
/// How far beyond the canvas the overview picture reaches on each side, as a share of the
/// canvas: panning that far needs no new picture.
const OVERVIEW_MARGIN: f32 = 0.3;
/// The overview picture's largest side in pixels, whatever the window.
const MAX_OVERVIEW_PIXELS: f32 = 8_192.0;
/// Side of the picking grid's cells in world units: a few node widths.
const PICK_CELL_WORLD: f32 = 4.0 * theme::NODE_RADIUS;

/// What the canvas remembers between frames.
#[derive(Debug, Default)]
pub struct CanvasState {
    drag: Option<NodeDrag>,
    /// The node the open context menu is about; `None` for the canvas's own menu.
    menu_node: Option<usize>,
    derived: Derived,
    overview: OverviewCache,
}

impl CanvasState {
    /// Whether a new overview picture is being drawn or waits for its turn, so the canvas
    /// will change without input.
    pub fn is_overview_behind(&self) -> bool {
        self.overview.is_behind()
    }
}

/// A node being dragged: where on the node it was grabbed, so it follows the pointer
/// exactly and does not jump to centre itself under it.
#[derive(Clone, Copy, Debug)]
struct NodeDrag {
    node: usize,
    grab_offset_world: Vec2,
}

/// What the canvas works out from the positions, kept until the layout moves a node.
#[derive(Clone, Debug)]
struct Derived {
    /// The layout revision this was worked out for.
    revision: Option<u64>,
    routes: Vec<Option<LinkRoute>>,
    /// The nodes by position, for picking.
    grid: PointGrid,
    /// Every node, best-connected first: the order labels claim space in.
    by_degree: Vec<usize>,
}

impl Default for Derived {
    fn default() -> Self {
        Self { revision: None, routes: Vec::new(), grid: PointGrid::new(PICK_CELL_WORLD), by_degree: Vec::new() }
    }
}

impl Derived {
    fn refresh(&mut self, open: &OpenCase) {
        let layout = &open.document.layout;
        if self.revision == Some(layout.revision()) {
            return;
        }
        self.revision = Some(layout.revision());
        self.routes = open.link_routes();
        self.grid.update(layout.positions());
        let graph = &open.document.graph;
        if self.by_degree.len() != layout.positions().len() {
            self.by_degree = (0..layout.positions().len()).collect();
            self.by_degree.sort_by_cached_key(|&node| (std::cmp::Reverse(graph.degree(node)), node));
        }
    }
}

/// The egui id of node `index` in the accessibility tree.
pub fn node_widget_id(index: usize) -> Id {
    Id::unique(("casegraph-node", index))
}

/// Converts a theme colour for egui.
pub fn color(colour: Colour) -> Color32 {
    Color32::from_rgba_unmultiplied(colour.r, colour.g, colour.b, colour.a)
}

fn faded(colour: Color32, faded: bool) -> Color32 {
    if faded { colour.gamma_multiply(f32::from(theme::FADED_ALPHA) / 255.0) } else { colour }
}

/// Draws the case into the rest of `ui` and returns what the analyst asked for.
///
/// Nodes are found under the pointer through a grid, not as one egui widget each, so a
/// frame costs the same whether ten nodes are on screen or fifty thousand. With more than
/// [`theme::OVERVIEW_FROM_NODES`] on screen the canvas draws an overview: discs, thin lines and
/// the best-connected labels only.
pub fn show(ui: &mut egui::Ui, open: &OpenCase, state: &mut CanvasState) -> (Rect, Vec<Command>) {
    let mut commands = Vec::new();
    let (background, painter) = ui.allocate_painter(ui.available_size(), Sense::click_and_drag());
    // The canvas's background is the window's clear colour (`CaseApp::clear_color`): filling
    // it again would make a software renderer shade every canvas pixel once more a frame.
    let canvas = background.rect;
    let camera = open.camera.unwrap_or_else(|| {
        commands.push(Command::FitToCase);
        open.fitted_camera(canvas)
    });
    state.derived.refresh(open);
    let Derived { routes, grid, by_degree, .. } = &state.derived;
    let positions = open.document.layout.positions();
    let screen_of = |node: usize| camera.screen_from_world(canvas, positions[node]);

    // Only what is on screen is drawn (with room for a node and its label at the edges).
    let detailed_radius = (theme::NODE_RADIUS * camera.zoom).max(MIN_NODE_RADIUS_POINTS);
    let margin_world = (detailed_radius + 240.0) / camera.zoom;
    let [low_x, low_y] = camera.world_from_screen(canvas, canvas.left_top());
    let [high_x, high_y] = camera.world_from_screen(canvas, canvas.right_bottom());
    let (view_low, view_high) =
        ([low_x - margin_world, low_y - margin_world], [high_x + margin_world, high_y + margin_world]);
    let in_view = |low: WorldPoint, high: WorldPoint| {
        low[0] <= view_high[0] && high[0] >= view_low[0] && low[1] <= view_high[1] && high[1] >= view_low[1]
    };
    let dragged = state.drag.map(|drag| drag.node);
    let mut on_screen = vec![false; positions.len()];
    let mut visible_nodes = Vec::new();
    for node in 0..positions.len() {
        if open.is_node_visible(node) && (in_view(positions[node], positions[node]) || dragged == Some(node)) {
            on_screen[node] = true;
            visible_nodes.push(node);
        }
    }
    let visible_links: Vec<usize> = (0..routes.len())
        .filter(|&link| open.is_link_visible(link))
        .filter(|&link| {
            routes[link].is_some_and(|route| {
                let (low, high) = route.bounds();
                in_view(low, high)
            })
        })
        .collect();
    let overview = visible_nodes.len() > theme::OVERVIEW_FROM_NODES;
    let node_radius = if overview {
        (theme::NODE_RADIUS * camera.zoom).max(theme::OVERVIEW_MIN_NODE_RADIUS_POINTS)
    } else {
        detailed_radius
    };

    // What the pointer is over: the nearest node within reach, else the nearest line.
    let pick_radius_world = node_radius.max(MIN_NODE_RADIUS_POINTS) / camera.zoom;
    let node_at = |screen: Pos2| {
        grid.nearest(camera.world_from_screen(canvas, screen), pick_radius_world, |node| open.is_node_visible(node))
    };
    let pointer = background.hover_pos();
    let node_under_pointer = pointer.and_then(node_at);
    let link_under_pointer = match (pointer, node_under_pointer) {
        (Some(pointer), None) => link_at(pointer, routes, &visible_links, camera, canvas),
        _ => None,
    };

    // Gestures: a drag that starts on a node moves it, anywhere else it pans.
    if background.drag_started()
        && let Some(pressed) = ui.input(|input| input.pointer.press_origin())
        && let Some(node) = node_at(pressed)
    {
        // Where the button went down, not where the pointer is when egui decides this is a
        // drag: by then it has already moved a little.
        let grabbed = camera.world_from_screen(canvas, pressed);
        let [x, y] = positions[node];
        state.drag = Some(NodeDrag { node, grab_offset_world: vec2(x - grabbed[0], y - grabbed[1]) });
    }
    if background.dragged() {
        match (state.drag, background.interact_pointer_pos()) {
            (Some(drag), Some(pointer)) => {
                let under = camera.world_from_screen(canvas, pointer);
                let to = [under[0] + drag.grab_offset_world.x, under[1] + drag.grab_offset_world.y];
                if to != positions[drag.node] {
                    commands.push(Command::MoveNode { node: drag.node, to });
                }
            }
            (Some(_), None) => {}
            (None, _) => commands.push(Command::Pan(background.drag_delta())),
        }
    }
    if background.drag_stopped() && state.drag.take().is_some() {
        commands.push(Command::EndDrag);
    }
    if background.clicked() {
        commands.push(match (node_under_pointer, link_under_pointer) {
            (Some(node), _) => Command::Select(Selection::Node(node)),
            (None, Some(link)) => Command::Select(Selection::Link(link)),
            (None, None) => Command::ClearSelection,
        });
    }
    if let Some(pointer) = pointer {
        let (scroll, pinch) = ui.input(|input| (input.smooth_scroll_delta.y, input.zoom_delta()));
        let factor = pinch * (scroll * 0.0015).exp();
        if factor != 1.0 {
            commands.push(Command::Zoom { anchor: pointer, factor });
        }
    }
    if background.secondary_clicked() {
        state.menu_node = node_under_pointer;
    }
    let menu_node = state.menu_node;
    background.context_menu(|ui| context_menu(ui, open, menu_node, &mut commands));

    let hovered = match state.drag {
        Some(drag) => Some(Selection::Node(drag.node)),
        None if background.hovered() => {
            node_under_pointer.map(Selection::Node).or(link_under_pointer.map(Selection::Link))
        }
        None => None,
    };
    match hovered {
        Some(Selection::Node(node)) if state.drag.is_none() => {
            background.clone().on_hover_ui_at_pointer(|ui| node_tooltip(ui, open, node));
        }
        Some(Selection::Link(link)) => {
            let claim = crate::model::link_claim(&open.document.case, &open.document.graph, link);
            background.clone().on_hover_text_at_pointer(claim);
        }
        _ => {}
    }

    // Most important first: what the analyst is looking at, then the best-connected.
    let is_important =
        |node: usize| hovered == Some(Selection::Node(node)) || open.selection == Some(Selection::Node(node));
    let important = visible_nodes.iter().copied().filter(|&node| is_important(node));
    let by_importance: Vec<usize> =
        important.chain(by_degree.iter().copied().filter(|&node| on_screen[node] && !is_important(node))).collect();
    let rect_of_node = |node: usize| Rect::from_center_size(screen_of(node), Vec2::splat(2.0 * node_radius));
    describe_nodes(ui, open, &by_importance, &rect_of_node, &mut commands);

    // What the hover highlights: the item, its neighbours and the links between them.
    let (near_nodes, near_links) = neighbourhood(open, hovered);
    let is_faded_node = |node: usize| hovered.is_some() && !near_nodes.contains(&node);
    let is_faded_link = |link: usize| hovered.is_some() && !near_links.contains(&link);

    if overview {
        let key = OverviewKey {
            layout_revision: open.document.layout.revision(),
            zoom: camera.zoom,
            pixels_per_point: ui.ctx().pixels_per_point(),
            shown: open.document.hidden_kinds().iter().map(|&kind| kind as u8).collect(),
        };
        let (need_low, need_high) = ([low_x, low_y], [high_x, high_y]);
        state
            .overview
            .refresh(ui.ctx(), &key, (need_low, need_high), || overview_scene(open, &key, need_low, need_high));
        if let Some((texture, low, high)) = state.overview.latest() {
            let rect =
                Rect::from_min_max(camera.screen_from_world(canvas, low), camera.screen_from_world(canvas, high));
            let whole = Rect::from_min_max(pos2(0.0, 0.0), pos2(1.0, 1.0));
            painter.image(texture.id(), rect, whole, Color32::WHITE);
        }
        // What the analyst is looking at stands out in full detail.
        for &link in &near_links {
            if let Some((source, target)) = open.link_ends[link] {
                painter.line_segment(
                    [screen_of(source), screen_of(target)],
                    Stroke::new(theme::LINK_WIDTH, color(theme::LINK)),
                );
            }
        }
        let emphasised = visible_nodes.iter().copied().filter(|&node| is_important(node) || near_nodes.contains(&node));
        for node in emphasised {
            paint_node(&painter, open, node, screen_of(node), detailed_radius, false);
        }
        let labelled: Vec<usize> = by_importance.iter().copied().take(theme::OVERVIEW_LABELS).collect();
        let mut occupancy = Occupancy::new(theme::label_points(camera.zoom) * 4.0);
        paint_labels(
            &painter,
            open,
            &labelled,
            &screen_of,
            node_radius,
            camera.zoom,
            &is_important,
            &|_| false,
            &mut occupancy,
        );
        return (canvas, commands);
    }

    let screen_routes: Vec<(usize, Vec<Pos2>)> = visible_links
        .iter()
        .filter_map(|&link| {
            let route = routes[link]?;
            Some((
                link,
                route.polyline(CURVE_SEGMENTS).into_iter().map(|p| camera.screen_from_world(canvas, p)).collect(),
            ))
        })
        .collect();
    let captions = paint_links(
        &painter,
        open,
        &screen_routes,
        routes,
        camera,
        canvas,
        node_radius,
        hovered.is_some(),
        &is_faded_link,
    );
    for &node in &visible_nodes {
        paint_node(&painter, open, node, screen_of(node), node_radius, is_faded_node(node));
    }
    // Labels and captions keep off the nodes and each other; when zoomed out too far for
    // labels, only the important ones are placed.
    let labels_shown = camera.zoom >= theme::LABELS_HIDDEN_BELOW_ZOOM;
    let labelled: Vec<usize> =
        by_importance.iter().copied().filter(|&node| labels_shown || is_important(node)).collect();
    let mut occupancy = Occupancy::new(theme::label_points(camera.zoom) * 4.0);
    if !labelled.is_empty() || !captions.is_empty() {
        for &node in &visible_nodes {
            let center = screen_of(node);
            occupancy.insert(Area::around([center.x, center.y], [2.0 * node_radius, 2.0 * node_radius]));
        }
    }
    paint_labels(
        &painter,
        open,
        &labelled,
        &screen_of,
        node_radius,
        camera.zoom,
        &is_important,
        &is_faded_node,
        &mut occupancy,
    );
    paint_captions(&painter, open, captions, &mut occupancy, camera.zoom);
    (canvas, commands)
}

/// The link whose line passes nearest `pointer`, within reach.
fn link_at(
    pointer: Pos2,
    routes: &[Option<LinkRoute>],
    links: &[usize],
    camera: Camera,
    canvas: Rect,
) -> Option<usize> {
    let reach_world = LINK_PICK_DISTANCE_POINTS / camera.zoom;
    let at = camera.world_from_screen(canvas, pointer);
    links
        .iter()
        .filter_map(|&link| {
            let route = routes[link]?;
            let (low, high) = route.bounds();
            let near = at[0] >= low[0] - reach_world
                && at[0] <= high[0] + reach_world
                && at[1] >= low[1] - reach_world
                && at[1] <= high[1] + reach_world;
            if !near {
                return None;
            }
            let line: Vec<WorldPoint> = route
                .polyline(CURVE_SEGMENTS)
                .into_iter()
                .map(|p| {
                    let p = camera.screen_from_world(canvas, p);
                    [p.x, p.y]
                })
                .collect();
            let distance = distance_to_polyline([pointer.x, pointer.y], &line);
            (distance <= LINK_PICK_DISTANCE_POINTS).then_some((distance, link))
        })
        .min_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, link)| link)
}

/// The menu on a right click: what can be done to the node under the pointer, or to the view.
fn context_menu(ui: &mut egui::Ui, open: &OpenCase, node: Option<usize>, commands: &mut Vec<Command>) {
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
    let (text, command) = if open.document.layout.is_pinned(node) {
        ("Unpin (let the layout move it)", Command::SetPinned { node, pinned: false })
    } else {
        ("Pin here", Command::SetPinned { node, pinned: true })
    };
    if ui.button(text).clicked() {
        commands.push(command);
    }
}

/// Puts the first [`DESCRIBED_NODES_AT_MOST`] of `nodes` in the accessibility tree as
/// buttons named by their labels, and selects one a screen reader clicks. Nothing is done
/// while no screen reader (or test) is listening.
fn describe_nodes(
    ui: &egui::Ui,
    open: &OpenCase,
    nodes: &[usize],
    rect_of: &dyn Fn(usize) -> Rect,
    commands: &mut Vec<Command>,
) {
    use egui::accesskit;
    let ctx = ui.ctx();
    if ctx.accesskit_node_builder(egui::accesskit_root_id(), |_| ()).is_none() {
        return;
    }
    let clicked: Vec<accesskit::NodeId> = ui.input(|input| {
        input
            .events
            .iter()
            .filter_map(|event| match event {
                egui::Event::AccessKitActionRequest(request) if request.action == accesskit::Action::Click => {
                    Some(request.target_node)
                }
                _ => None,
            })
            .collect()
    });
    for &node in nodes.iter().take(DESCRIBED_NODES_AT_MOST) {
        let id = node_widget_id(node);
        let rect = rect_of(node);
        ctx.accesskit_node_builder(id, |builder| {
            builder.set_role(accesskit::Role::Button);
            builder.set_label(open.document.case.nodes[node].label.as_str());
            builder.set_bounds(accesskit::Rect {
                x0: rect.min.x.into(),
                y0: rect.min.y.into(),
                x1: rect.max.x.into(),
                y1: rect.max.y.into(),
            });
            builder.add_action(accesskit::Action::Click);
        });
        if clicked.contains(&id.accesskit_id()) {
            commands.push(Command::Select(Selection::Node(node)));
        }
    }
}

/// What the overview picture for `key` shows: every shown link a thin line and every shown
/// node a disc in its kind's colour, over world rectangle `low`..`high` grown by
/// [`OVERVIEW_MARGIN`] so that panning can move it a while before it is drawn again.
fn overview_scene(open: &OpenCase, key: &OverviewKey, low: WorldPoint, high: WorldPoint) -> OverviewScene {
    let margin = [(high[0] - low[0]) * OVERVIEW_MARGIN, (high[1] - low[1]) * OVERVIEW_MARGIN];
    let (low, high) = ([low[0] - margin[0], low[1] - margin[1]], [high[0] + margin[0], high[1] + margin[1]]);
    let pixels_per_world = key.zoom * key.pixels_per_point;
    let size = [((high[0] - low[0]) * pixels_per_world).ceil(), ((high[1] - low[1]) * pixels_per_world).ceil()];
    let size = size.map(|side| side.clamp(1.0, MAX_OVERVIEW_PIXELS));
    // A picture cut to the largest size covers less, and is drawn again sooner.
    let high = [low[0] + size[0] / pixels_per_world, low[1] + size[1] / pixels_per_world];
    // Lines straight from centre to centre: bows and loops are too small to see here.
    let lines = (open.link_ends.iter().enumerate())
        .filter_map(|(link, ends)| ends.filter(|(source, target)| source != target && open.is_link_visible(link)))
        .map(|(source, target)| (source as u32, target as u32))
        .collect();
    let nodes = &open.document.case.nodes;
    let discs = (0..nodes.len())
        .filter(|&node| open.is_node_visible(node))
        .map(|node| (node as u32, color(theme::kind_style(nodes[node].kind).fill)))
        .collect();
    OverviewScene {
        key: key.clone(),
        low,
        high,
        size: size.map(|side| side as usize),
        pixels_per_world,
        positions: open.document.layout.positions().to_vec(),
        lines,
        line_colour: color(theme::LINK.with_alpha(theme::OVERVIEW_LINK_ALPHA)),
        discs,
        disc_radius: (theme::NODE_RADIUS * key.zoom).max(theme::OVERVIEW_MIN_NODE_RADIUS_POINTS) * key.pixels_per_point,
    }
}

/// The nodes and links near the hovered item.
fn neighbourhood(open: &OpenCase, hovered: Option<Selection>) -> (HashSet<usize>, HashSet<usize>) {
    let mut nodes = HashSet::new();
    let mut links = HashSet::new();
    match hovered {
        Some(Selection::Node(node)) => {
            nodes.insert(node);
            for neighbour in open.document.graph.neighbours(node) {
                nodes.insert(neighbour.node);
                links.insert(neighbour.link);
            }
        }
        Some(Selection::Link(link)) => {
            links.insert(link);
            if let Some((a, b)) = open.link_ends[link] {
                nodes.extend([a, b]);
            }
        }
        None => {}
    }
    (nodes, links)
}

fn node_tooltip(ui: &mut egui::Ui, open: &OpenCase, node: usize) {
    let item = &open.document.case.nodes[node];
    ui.strong(&item.label);
    ui.label(theme::kind_style(item.kind).legend);
    if let Some(amount) = &item.amount {
        ui.label(amount_text(amount));
    }
    if open.unsupported_nodes[node] {
        ui.colored_label(color(theme::UNSUPPORTED), "No quote supports this node");
    }
    if open.document.layout.is_pinned(node) {
        ui.weak("Pinned: the layout leaves it where it is");
    }
}

#[allow(clippy::too_many_arguments)]
fn paint_links(
    painter: &egui::Painter,
    open: &OpenCase,
    screen_routes: &[(usize, Vec<Pos2>)],
    routes: &[Option<LinkRoute>],
    camera: Camera,
    canvas: Rect,
    node_radius: f32,
    hovering: bool,
    is_faded: &dyn Fn(usize) -> bool,
) -> Vec<Caption> {
    let show_captions = camera.zoom >= theme::LINK_LABELS_HIDDEN_BELOW_ZOOM;
    let mut captions = Vec::new();
    for (link, line) in screen_routes {
        let (link, Some(route)) = (*link, routes[*link]) else { continue };
        let item = &open.document.case.links[link];
        let selected = open.selection == Some(Selection::Link(link));
        let faded_now = is_faded(link);
        let stroke_colour = faded(color(theme::LINK), faded_now);
        if selected {
            painter.add(Shape::line(
                line.clone(),
                Stroke::new(theme::LINK_WIDTH + 2.0 * theme::SELECTION_WIDTH, color(theme::SELECTION)),
            ));
        }
        // Stop the line at the target's outline, so the arrowhead is seen.
        let trim = if matches!(route, LinkRoute::Loop { .. }) { 0.0 } else { node_radius };
        let points: Vec<[f32; 2]> = line.iter().map(|p| [p.x, p.y]).collect();
        let line: Vec<Pos2> = trim_polyline_end(&points, trim).into_iter().map(|[x, y]| pos2(x, y)).collect();
        let stroke = Stroke::new(theme::LINK_WIDTH, stroke_colour);
        match LinePattern::for_status(item.status) {
            LinePattern::Solid => {
                painter.add(Shape::line(line.clone(), stroke));
            }
            LinePattern::Dashed => {
                painter.extend(Shape::dashed_line(&line, stroke, theme::DASH_LENGTH, theme::DASH_GAP));
            }
        }
        if item.kind.is_directed()
            && let [.., before, tip] = line.as_slice()
        {
            paint_arrowhead(painter, *before, *tip, stroke_colour);
        }
        let middle = camera.screen_from_world(canvas, route.label_point());
        if open.unsupported_links[link] {
            painter.circle_filled(middle + vec2(0.0, -8.0), 5.0, faded(color(theme::UNSUPPORTED), faded_now));
            painter.text(
                middle + vec2(0.0, -8.0),
                Align2::CENTER_CENTER,
                "!",
                FontId::proportional(8.0),
                Color32::WHITE,
            );
        }
        if show_captions || selected {
            captions.push(Caption {
                link,
                at: middle,
                important: selected || (hovering && !faded_now),
                faded: faded_now,
            });
        }
    }
    captions
}

/// A link's caption waiting for a place among the labels.
struct Caption {
    link: usize,
    at: Pos2,
    /// Placed even where it overlaps: the selected link, or one near the hovered item.
    important: bool,
    faded: bool,
}

fn paint_arrowhead(painter: &egui::Painter, from: Pos2, tip: Pos2, colour: Color32) {
    if let Some(corners) = arrowhead([from.x, from.y], [tip.x, tip.y]) {
        let corners = corners.into_iter().map(|[x, y]| pos2(x, y)).collect();
        painter.add(Shape::convex_polygon(corners, colour, Stroke::NONE));
    }
}

fn paint_node(painter: &egui::Painter, open: &OpenCase, node: usize, center: Pos2, radius: f32, faded_now: bool) {
    let item = &open.document.case.nodes[node];
    let style = theme::kind_style(item.kind);
    let fill = faded(color(style.fill), faded_now);
    let outline = Stroke::new(theme::NODE_OUTLINE_WIDTH, faded(color(theme::NODE_OUTLINE), faded_now));
    if open.selection == Some(Selection::Node(node)) {
        painter.circle_stroke(
            center,
            radius * 1.45 + 2.0,
            Stroke::new(theme::SELECTION_WIDTH, color(theme::SELECTION)),
        );
    }
    paint_shape(painter, style.shape, center, radius, fill, outline);
    if radius >= theme::MIN_ICON_RADIUS_POINTS {
        paint_icon(painter, item.kind, style.shape, center, radius, faded(color(theme::ICON), faded_now));
    }
    if open.document.layout.is_pinned(node) {
        let at = center + vec2(radius * 0.8, -radius * 0.8);
        painter.circle_filled(at, 3.5, faded(color(theme::PIN), faded_now));
        painter.line_segment([at, at + vec2(-3.0, 5.0)], Stroke::new(1.5, faded(color(theme::PIN), faded_now)));
    }
    if open.unsupported_nodes[node] {
        let at = center + vec2(-radius * 0.9, -radius * 0.9);
        painter.circle_filled(at, 5.0, faded(color(theme::UNSUPPORTED), faded_now));
        painter.text(at, Align2::CENTER_CENTER, "!", FontId::proportional(8.0), Color32::WHITE);
    }
}

/// Strokes `kind`'s icon inside a node of `shape` and `radius` at `center`.
pub fn paint_icon(
    painter: &egui::Painter,
    kind: NodeKind,
    shape: NodeShape,
    center: Pos2,
    radius: f32,
    colour: Color32,
) {
    let side = shape.icon_side() * radius;
    let scale = side / icons::ICON_BOX;
    let origin = center - Vec2::splat(side / 2.0);
    let stroke = Stroke::new((icons::ICON_STROKE * scale).max(1.0), colour);
    for line in icons::icon_lines(kind) {
        let points: Vec<Pos2> = line.iter().map(|[x, y]| origin + vec2(x * scale, y * scale)).collect();
        painter.add(Shape::line(points, stroke));
    }
}

/// Draws one node outline; shared with the legend.
pub fn paint_shape(
    painter: &egui::Painter,
    shape: NodeShape,
    center: Pos2,
    radius: f32,
    fill: Color32,
    outline: Stroke,
) {
    match shape {
        NodeShape::Circle => {
            painter.circle(center, radius, fill, outline);
        }
        NodeShape::RoundedSquare => {
            let rect = Rect::from_center_size(center, Vec2::splat(radius * 1.8));
            painter.rect(rect, CornerRadius::same((radius * 0.35) as u8), fill, outline, StrokeKind::Middle);
        }
        _ => {
            let points = shape.corners(radius).into_iter().map(|[x, y]| center + vec2(x, y)).collect();
            painter.add(Shape::convex_polygon(points, fill, outline));
        }
    }
}

/// Node labels beside their nodes, in the order given (most important first), each on the
/// first side where it covers nothing; a label with no free side is left out until zooming
/// makes room, unless it is important.
#[allow(clippy::too_many_arguments)]
fn paint_labels(
    painter: &egui::Painter,
    open: &OpenCase,
    nodes: &[usize],
    screen_of: &dyn Fn(usize) -> Pos2,
    node_radius: f32,
    zoom: f32,
    is_important: &dyn Fn(usize) -> bool,
    is_faded: &dyn Fn(usize) -> bool,
    occupancy: &mut Occupancy,
) {
    let font = FontId::proportional(theme::label_points(zoom));
    let clip = painter.clip_rect();
    for &node in nodes {
        let important = is_important(node);
        let item = &open.document.case.nodes[node];
        let mut text = theme::short_label(&item.label).into_owned();
        if let Some(amount) = &item.amount {
            text.push('\n');
            text.push_str(&amount_text(amount));
        }
        let text_colour = faded(color(theme::LABEL), is_faded(node));
        let galley = painter.layout_no_wrap(text, font.clone(), text_colour);
        let center = screen_of(node);
        let size = galley.size();
        let placement = place_label(
            occupancy,
            [center.x, center.y],
            node_radius * 1.3 + 2.0,
            [size.x, size.y],
            theme::LABEL_GAP_POINTS,
            None,
        );
        let rect = rect_of(placement.area);
        if !clip.intersects(rect) || (!important && placement.covered > 0.0) {
            continue;
        }
        occupancy.insert(placement.area);
        painter.rect_filled(rect.expand(1.5), CornerRadius::same(2), faded(color(theme::LABEL_HALO), is_faded(node)));
        painter.galley(rect.min, galley, text_colour);
    }
}

fn rect_of(area: Area) -> Rect {
    Rect::from_min_max(pos2(area.min[0], area.min[1]), pos2(area.max[0], area.max[1]))
}

/// Link captions where they cover no label or node, important ones first.
fn paint_captions(
    painter: &egui::Painter,
    open: &OpenCase,
    mut captions: Vec<Caption>,
    occupancy: &mut Occupancy,
    zoom: f32,
) {
    let font = FontId::proportional(theme::label_points(zoom) * theme::LINK_LABEL_SCALE);
    captions.sort_by_key(|caption| (!caption.important, caption.link));
    for caption in captions {
        let text_colour = faded(color(theme::LINK_LABEL), caption.faded);
        let galley =
            painter.layout_no_wrap(link_caption(&open.document.case.links[caption.link]), font.clone(), text_colour);
        let area = Area::around([caption.at.x, caption.at.y], [galley.size().x, galley.size().y]);
        if !caption.important && !occupancy.is_free(&area.grown(theme::LABEL_GAP_POINTS)) {
            continue;
        }
        occupancy.insert(area);
        let rect = rect_of(area);
        painter.rect_filled(rect.expand(1.5), CornerRadius::same(2), faded(color(theme::LABEL_HALO), caption.faded));
        painter.galley(rect.min, galley, text_colour);
    }
}

/// Where node `node` is on screen, for tests that point at it.
pub fn node_screen_position(open: &OpenCase, node: usize) -> Option<Pos2> {
    let camera = open.camera?;
    Some(camera.screen_from_world(open.canvas_rect, *open.document.layout.positions().get(node)?))
}
