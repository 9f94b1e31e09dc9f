//! The graph part of a figure: links with arrowheads and numbered source markers, nodes with
//! their icons, and every node label, each on the side of its node where it covers least.

use std::fmt::Write as _;

use super::FigureInput;
use super::svg_primitives::{Anchor, Text, colour, dash_attribute, escape, icon, layer, number, points, shape};
use super::text_metrics::{shortened, text_width};
use crate::label_placement::{Area, Crowded, Occupancy, Placement, place_label_shortening};
use crate::layout::WorldPoint;
use crate::link_routes::{LinkRoute, arrowhead, link_routes, trim_polyline_end};
use crate::model::{
    CaseSupport, ClaimStatus, FigureExtent, FigureSettings, ItemRef, LinkIx, NodeIx, Presence, SourceIx, amount_text,
    link_caption,
};
use crate::theme::{self, Colour, LinePattern};

/// The smallest and largest node radius in a figure, so a large case stays legible and a
/// small one does not balloon.
const NODE_RADIUS_RANGE: (f32, f32) = (6.0, 16.0);
/// The graph part of the figure is at most this many times as tall as the figure is wide.
const MAX_GRAPH_ASPECT: f32 = 1.25;
/// Node labels wrap at about this width, in label-size units.
const LABEL_WRAP_EMS: f32 = 14.0;
/// Where no side of a node is free, its label is shortened to one line this wide, in
/// label-size units, and then this.
const SHORTENED_LABEL_EMS: [f32; 2] = [9.0, 5.0];
/// Where along its link a source marker may go, as a share of the way from source to target,
/// in order of preference: the middle, then nearer either end where the middle is crowded.
/// Where every place is crowded, the marker takes the one it covers least of.
const MARKER_PLACES: [f32; 5] = [0.5, 0.4, 0.6, 0.3, 0.7];
/// Text size of the numbers in source markers.
const MARKER_SIZE: f32 = 9.0;
/// Baseline of a line of text below the top of its box, in font sizes.
const ASCENT: f32 = 0.95;
/// The least space between a label and the figure's edge, in figure units.
const EDGE_PADDING: f32 = 6.0;
/// Line spacing of labels, in font sizes.
const LINE_HEIGHT: f32 = 1.2;

/// The class of a link stated plainly, with no status.
const STATED: &str = "stated";

/// What the figure shows.
pub struct Shown {
    /// The visible nodes, in case order.
    pub nodes: Vec<NodeIx>,
    /// The nodes at each link's ends, when both resolve.
    pub ends: Vec<Option<(NodeIx, NodeIx)>>,
    /// Whether each link is drawn: both its ends are visible.
    pub links: Vec<bool>,
}

/// The opacity of what a figure dims: faint, yet there for the reader to place.
const DIMMED_OPACITY: f32 = 0.22;

/// The attribute that dims an item the scene dims; nothing for an item drawn in full.
fn dimming(presence: Presence) -> String {
    match presence {
        Presence::Dimmed => format!(r#" opacity="{}""#, number(DIMMED_OPACITY)),
        Presence::Full | Presence::Hidden => String::new(),
    }
}

impl Shown {
    /// The routes of the links drawn, with their indices.
    fn routes<'a>(&'a self, routes: &'a [Option<LinkRoute>]) -> impl Iterator<Item = (LinkIx, LinkRoute)> + 'a {
        routes
            .iter()
            .enumerate()
            .filter_map(|(link, route)| route.filter(|_| self.links[link]).map(|route| (LinkIx::new(link), route)))
    }

    /// What `input` shows: everything its scene does not leave out.
    pub fn new(input: &FigureInput<'_>) -> Self {
        let case = input.case;
        let ends: Vec<Option<(NodeIx, NodeIx)>> =
            LinkIx::all(case.links.len()).map(|link| input.graph.link_ends(link)).collect();
        let links = LinkIx::all(case.links.len()).map(|link| input.scene.link(link) != Presence::Hidden).collect();
        Self { nodes: input.scene.drawn_nodes().collect(), ends, links }
    }
}

/// The sources behind what the figure shows, numbered from 1 in case order, so markers on the
/// links can point into the list under the figure.
pub struct SourceNumbers {
    /// The number of each of `case.sources`, when it backs something shown.
    by_source: Vec<Option<usize>>,
}

impl SourceNumbers {
    /// Numbers the sources quoted in support of a shown node or link.
    pub fn new(input: &FigureInput<'_>, shown: &Shown) -> Self {
        let case = input.case;
        let mut cited = vec![false; case.sources.len()];
        let items = shown
            .nodes
            .iter()
            .map(|&node| ItemRef::Node(node))
            .chain(LinkIx::all(case.links.len()).filter(|&link| shown.links[link.index()]).map(ItemRef::Link));
        for item in items {
            for source in quoted_sources(input, item) {
                cited[source.index()] = true;
            }
        }
        let mut next = 0;
        let by_source = cited
            .into_iter()
            .map(|cited| {
                cited.then(|| {
                    next += 1;
                    next
                })
            })
            .collect();
        Self { by_source }
    }

    /// The numbered sources, as (number, index into `case.sources`), in order.
    pub fn list(&self) -> impl Iterator<Item = (usize, SourceIx)> + '_ {
        (self.by_source.iter().enumerate())
            .filter_map(|(source, number)| number.map(|number| (number, SourceIx::new(source))))
    }

    /// The numbers of the sources behind `link`, ascending.
    fn for_link(&self, input: &FigureInput<'_>, link: LinkIx) -> Vec<usize> {
        let mut numbers: Vec<usize> =
            quoted_sources(input, ItemRef::Link(link)).filter_map(|source| self.by_source[source.index()]).collect();
        numbers.sort_unstable();
        numbers.dedup();
        numbers
    }
}

/// The sources (indices into `case.sources`) of the quotes that back `item`.
fn quoted_sources<'a>(input: &'a FigureInput<'_>, item: ItemRef) -> impl Iterator<Item = SourceIx> + 'a {
    input.graph.quotes_for(item).iter().filter_map(|&quote| {
        match input.graph.resolve(input.case.quotes[quote].source.as_str()) {
            Some(ItemRef::Source(source)) => Some(source),
            _ => None,
        }
    })
}

/// A node label and where it went.
#[derive(Clone, Debug)]
#[cfg_attr(not(test), expect(dead_code))] // Only the tests look back at where labels went.
pub struct PlacedLabel {
    /// The node it names.
    pub node: NodeIx,
    /// Its lines: the name, wrapped, and a transaction's amount.
    pub lines: Vec<String>,
    /// Its side and box.
    pub placement: Placement,
    /// The box of its node.
    pub node_box: Area,
}

/// How the world maps onto the figure.
struct Geometry {
    /// Figure units per world unit.
    scale: f32,
    /// The world point at the graph's top-left.
    world_origin: WorldPoint,
    /// Where that point lands in the figure.
    figure_origin: [f32; 2],
    /// Node radius in figure units.
    radius: f32,
    /// Node label size in figure units.
    label_size: f32,
    /// The graph's band; the clip of a saved view.
    frame: Area,
    /// Where labels may go: the band and, for a whole case, the margins beside it.
    label_frame: Area,
}

impl Geometry {
    fn figure_from_world(&self, point: WorldPoint) -> [f32; 2] {
        [
            self.figure_origin[0] + (point[0] - self.world_origin[0]) * self.scale,
            self.figure_origin[1] + (point[1] - self.world_origin[1]) * self.scale,
        ]
    }

    /// The distance from a node's centre to its label.
    fn label_clearance(&self) -> f32 {
        theme::label_clearance(self.radius)
    }
}

/// Form `form` of a node's label at `size`, if it has one: 0 the name wrapped, then on one
/// line shortened twice; a transaction's amount follows the name in each.
fn label_form(input: &FigureInput<'_>, node: NodeIx, size: f32, form: usize) -> Option<Vec<String>> {
    let Some(form) = form.checked_sub(1) else { return Some(label_lines(input, node, size)) };
    let ems = SHORTENED_LABEL_EMS.get(form)?;
    let item = &input.case.nodes[node];
    let mut lines = vec![shortened(&item.label, size, size * ems)];
    lines.extend(item.amount.as_ref().map(amount_text));
    Some(lines)
}

/// The lines of a node's label at `size`, in full: the name wrapped, and a transaction's
/// amount.
fn label_lines(input: &FigureInput<'_>, node: NodeIx, size: f32) -> Vec<String> {
    let item = &input.case.nodes[node];
    let mut lines = super::text_metrics::wrap(&item.label, size, size * LABEL_WRAP_EMS);
    lines.extend(item.amount.as_ref().map(amount_text));
    lines
}

fn label_size(lines: &[String], size: f32) -> [f32; 2] {
    let width = lines.iter().map(|line| text_width(line, size)).fold(0.0, f32::max);
    [width, lines.len() as f32 * size * LINE_HEIGHT]
}

/// Works out the scale and placement of the graph in a band `inner_width` wide starting at
/// `left`, `top`; `None` when no node is shown.
fn geometry(
    input: &FigureInput<'_>,
    settings: &FigureSettings,
    shown: &Shown,
    left: f32,
    top: f32,
    inner_width: f32,
) -> Option<Geometry> {
    let saved_camera = input.camera.filter(|_| settings.extent == FigureExtent::Saved);
    let (low, high) = match saved_camera {
        Some(camera) => {
            let zoom = camera.zoom as f32;
            let half = [inner_width / 2.0 / zoom, inner_width * 0.625 / 2.0 / zoom];
            let center = [camera.center_x as f32, camera.center_y as f32];
            ([center[0] - half[0], center[1] - half[1]], [center[0] + half[0], center[1] + half[1]])
        }
        None => bounds(shown.nodes.iter().map(|&node| input.positions[node.index()]), theme::NODE_RADIUS)?,
    };
    let world_size = [(high[0] - low[0]).max(1.0), (high[1] - low[1]).max(1.0)];
    let scale = match saved_camera {
        Some(_) => inner_width / world_size[0],
        None => {
            // Labels stick out beyond the nodes at the sides: make room for the widest.
            let first_scale = (inner_width / world_size[0]).min(inner_width * MAX_GRAPH_ASPECT / world_size[1]);
            let size = theme::label_points(first_scale);
            let overhang = shown
                .nodes
                .iter()
                .map(|&node| label_size(&label_lines(input, node, size), size)[0] / 2.0)
                .fold(0.0f32, f32::max);
            ((inner_width - 2.0 * overhang).max(inner_width * 0.5) / world_size[0])
                .min(inner_width * MAX_GRAPH_ASPECT / world_size[1])
        }
    };
    let label_size = theme::label_points(scale);
    let radius = (theme::NODE_RADIUS * scale).clamp(NODE_RADIUS_RANGE.0, NODE_RADIUS_RANGE.1);
    let graph_width = world_size[0] * scale;
    let figure_origin = [left + (inner_width - graph_width) / 2.0, top + radius];
    let height = world_size[1] * scale + 2.0 * radius + label_size * 3.0;
    let frame = Area { min: [left, top], max: [left + inner_width, top + height] };
    let label_frame = match saved_camera {
        Some(_) => frame,
        None => Area { min: [EDGE_PADDING, top], max: [2.0 * left + inner_width - EDGE_PADDING, top + height] },
    };
    Some(Geometry { scale, world_origin: low, figure_origin, radius, label_size, frame, label_frame })
}

/// What drawing the graph left behind.
#[cfg_attr(not(test), expect(dead_code))] // Only the tests look back at where labels went.
pub struct GraphDrawing {
    /// The bottom of the graph band.
    pub bottom: f32,
    /// Every node label and where it went.
    pub labels: Vec<PlacedLabel>,
}

/// Where the graph goes and what is behind it.
pub struct Band {
    /// The band's top-left corner.
    pub top_left: [f32; 2],
    /// Its width.
    pub width: f32,
    /// The colour behind labels, so they read over lines.
    pub halo: Colour,
}

/// Draws the graph into `svg` in `band`, as three layers: links, nodes (each node a group
/// holding its shape, icon and label), and link labels with source markers.
pub fn draw_graph(
    svg: &mut String,
    input: &FigureInput<'_>,
    settings: &FigureSettings,
    shown: &Shown,
    numbers: Option<&SourceNumbers>,
    band: &Band,
) -> GraphDrawing {
    let [left, top] = band.top_left;
    let Some(geometry) = geometry(input, settings, shown, left, top, band.width) else {
        return GraphDrawing { bottom: top, labels: Vec::new() };
    };
    let clipped = settings.extent == FigureExtent::Saved && input.camera.is_some();
    if clipped {
        let frame = geometry.frame;
        let _ = writeln!(
            svg,
            r#"<clipPath id="graph"><rect x="{}" y="{}" width="{}" height="{}"/></clipPath>"#,
            number(frame.min[0]),
            number(frame.min[1]),
            number(frame.max[0] - frame.min[0]),
            number(frame.max[1] - frame.min[1])
        );
    }
    let routes = link_routes(&shown.ends, input.positions);
    let support = settings.support.then(|| CaseSupport::of(input.case, input.graph));
    let mut links_layer = String::new();
    draw_links(&mut links_layer, input, shown, &routes, &geometry, support.as_ref());

    // What covers what: nodes first, then labels, then source markers (always drawn, along
    // their link where it is free), then link captions wherever they still fit.
    let mut occupancy = Occupancy::new(geometry.label_size * 4.0);
    let mut bottom = top;
    for &node in &shown.nodes {
        let center = geometry.figure_from_world(input.positions[node.index()]);
        let area = Area::around(center, [2.0 * geometry.radius, 2.0 * geometry.radius]);
        bottom = bottom.max(area.max[1]);
        occupancy.insert(area);
    }
    let labels = place_labels(input, shown, &geometry, &mut occupancy);
    let mut labels_layer = String::new();
    let markers: Vec<(LinkIx, Area)> = match numbers {
        Some(numbers) => draw_markers(&mut labels_layer, input, shown, &routes, &geometry, numbers, &mut occupancy),
        None => Vec::new(),
    };
    bottom = labels.iter().fold(bottom, |bottom, label| bottom.max(label.placement.area.max[1]));
    let captions = Captions { routes: &routes, markers: &markers, halo: band.halo };
    draw_captions(&mut labels_layer, input, shown, &geometry, &captions, &mut occupancy);
    let nodes_layer = draw_nodes(input, shown, &geometry, &labels, band.halo, support.as_ref());
    let clip = clipped.then_some("graph");
    layer(svg, "links", "Links", clip, &links_layer);
    layer(svg, "nodes", "Nodes", clip, &nodes_layer);
    layer(svg, "labels", "Labels", clip, &labels_layer);
    let bottom = if clipped { geometry.frame.max[1] } else { bottom + geometry.label_size * 0.5 };
    GraphDrawing { bottom, labels }
}

/// Every shown node as a group `node-ID` of classes `node KIND` (and `corroborated`, outlined
/// heavier, when `support` is drawn and two or more independent sources back it), holding its
/// shape, its icon and its label, so a graphics desk can move or restyle a node as one. Nodes
/// with a label are drawn last.
fn draw_nodes(
    input: &FigureInput<'_>,
    shown: &Shown,
    geometry: &Geometry,
    labels: &[PlacedLabel],
    halo: Colour,
    support: Option<&CaseSupport>,
) -> String {
    let mut label_of = vec![None; input.case.nodes.len()];
    for label in labels {
        label_of[label.node.index()] = Some(label);
    }
    // Named nodes go on top, so no other node covers a label.
    let mut order = shown.nodes.clone();
    order.sort_by_key(|&node| label_of[node.index()].is_some());
    let mut svg = String::new();
    for node in order {
        let item = &input.case.nodes[node];
        let style = theme::kind_style(item.kind);
        let center = geometry.figure_from_world(input.positions[node.index()]);
        let corroborated = support.is_some_and(|support| support.node(node).is_corroborated());
        let (extra, outline) = if corroborated {
            (" corroborated", theme::CORROBORATED_OUTLINE_WIDTH)
        } else {
            ("", theme::NODE_OUTLINE_WIDTH)
        };
        let (id, kind) = (escape(item.id.as_str()), item.kind.as_str());
        let dim = dimming(input.scene.node(node));
        let _ = writeln!(svg, r#"<g id="node-{id}" class="node {kind}{extra}"{dim}>"#);
        shape(&mut svg, style.shape, center, geometry.radius, style.fill, outline);
        if geometry.radius >= theme::MIN_ICON_RADIUS_POINTS * 0.75 {
            icon(&mut svg, item.kind, style.shape, center, geometry.radius);
        }
        if let Some(label) = label_of[node.index()] {
            draw_label(&mut svg, label, geometry.label_size, halo);
        }
        svg.push_str("</g>\n");
    }
    svg
}

/// Every shown link as a group `link-ID` of classes `link KIND STATUS` (and `corroborated`,
/// drawn heavier, when `support` is drawn and two or more independent sources back it),
/// holding its line and arrowhead; a link stated plainly has the status `stated`.
fn draw_links(
    svg: &mut String,
    input: &FigureInput<'_>,
    shown: &Shown,
    routes: &[Option<LinkRoute>],
    geometry: &Geometry,
    support: Option<&CaseSupport>,
) {
    for (link, route) in shown.routes(routes) {
        let item = &input.case.links[link];
        let status = item.status.map_or(STATED, ClaimStatus::as_str);
        let corroborated = support.is_some_and(|support| support.link(link).is_corroborated());
        let (extra, width) =
            if corroborated { (" corroborated", theme::CORROBORATED_LINK_WIDTH) } else { ("", theme::LINK_WIDTH) };
        let (id, kind) = (escape(item.id.as_str()), item.kind.as_str());
        let dim = dimming(input.scene.link(link));
        let _ = writeln!(svg, r#"<g id="link-{id}" class="link {kind} {status}{extra}"{dim}>"#);
        let line: Vec<[f32; 2]> =
            route.polyline(16).into_iter().map(|point| geometry.figure_from_world(point)).collect();
        // Stop at the target's outline, so the arrowhead shows.
        let trim = if matches!(route, LinkRoute::Loop { .. }) { 0.0 } else { geometry.radius };
        let line = trim_polyline_end(&line, trim);
        let _ = writeln!(
            svg,
            r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="{}"{}/>"#,
            points(line.iter().copied()),
            colour(theme::LINK),
            number(width),
            dash_attribute(LinePattern::for_status(item.status))
        );
        if item.kind.is_directed()
            && let [.., before, tip] = line.as_slice()
            && let Some(head) = arrowhead(*before, *tip)
        {
            let _ = writeln!(svg, r#"<polygon points="{}" fill="{}"/>"#, points(head), colour(theme::LINK));
        }
        svg.push_str("</g>\n");
    }
}

/// A pill on each link with the numbers of its sources, at its middle or, where that is
/// taken, nearer an end; returns where each went.
fn draw_markers(
    svg: &mut String,
    input: &FigureInput<'_>,
    shown: &Shown,
    routes: &[Option<LinkRoute>],
    geometry: &Geometry,
    numbers: &SourceNumbers,
    occupancy: &mut Occupancy,
) -> Vec<(LinkIx, Area)> {
    let mut markers = Vec::new();
    for (link, route) in shown.routes(routes) {
        let sources = numbers.for_link(input, link);
        if sources.is_empty() {
            continue;
        }
        let text = sources.iter().map(usize::to_string).collect::<Vec<_>>().join(",");
        let height = MARKER_SIZE + 4.0;
        let width = (text_width(&text, MARKER_SIZE) + 6.0).max(height);
        // The middle of the link, or where it covers least nearer either end, the earliest
        // of equals; each place's cover worked out once.
        let place = |t: f32| {
            let center = geometry.figure_from_world(route.point_at(t));
            let area = Area::around(center, [width, height]);
            (occupancy.overlap(&area.grown(1.0)), center, area)
        };
        let middle = place(MARKER_PLACES[0]);
        let (_, center, area) = MARKER_PLACES[1..]
            .iter()
            .map(|&t| place(t))
            .fold(middle, |best, next| if next.0 < best.0 { next } else { best });
        let _ = writeln!(
            svg,
            r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}" fill="{}"/>"#,
            number(area.min[0]),
            number(area.min[1]),
            number(width),
            number(height),
            number(height / 2.0),
            colour(theme::SOURCE_MARKER)
        );
        let at = [center[0], center[1] + MARKER_SIZE * 0.35];
        Text { at, size: MARKER_SIZE, fill: theme::ICON, anchor: Anchor::Middle, halo: None, style: "" }
            .write(svg, &text);
        occupancy.insert(area);
        markers.push((link, area));
    }
    markers
}

/// The shown nodes' labels, those in full before the dimmed, best-connected first, each on
/// its least crowded side. Level of detail: the highlighted and the
/// [`theme::ALWAYS_LABELLED`] best-connected nodes are always labelled; any other only where
/// its label finds a free place, so a big case's figure names its hubs instead of burying
/// every name under the others.
fn place_labels(
    input: &FigureInput<'_>,
    shown: &Shown,
    geometry: &Geometry,
    occupancy: &mut Occupancy,
) -> Vec<PlacedLabel> {
    let mut order = shown.nodes.clone();
    // What the scene is about is labelled first, then the best-connected.
    order.sort_by_cached_key(|&node| (input.scene.node(node), std::cmp::Reverse(input.graph.degree(node)), node));
    let highlights = input.scene.dimmed_count() > 0;
    order
        .into_iter()
        .enumerate()
        .filter_map(|(rank, node)| {
            let size = geometry.label_size;
            let forms = (0..).map_while(|form| label_form(input, node, size, form)).map(|lines| {
                let extent = label_size(&lines, size);
                (lines, extent)
            });
            let center = geometry.figure_from_world(input.positions[node.index()]);
            let clearance = geometry.label_clearance();
            let frame = Some(&geometry.label_frame);
            let highlighted = highlights && input.scene.node(node) == Presence::Full;
            let crowded =
                if highlighted || rank < theme::ALWAYS_LABELLED { Crowded::CoversLeast } else { Crowded::LeftOut };
            let (lines, placement) =
                place_label_shortening(occupancy, center, clearance, forms, theme::LABEL_GAP_POINTS, frame, crowded)?;
            occupancy.insert(placement.area);
            let node_box = Area::around(center, [2.0 * geometry.radius, 2.0 * geometry.radius]);
            Some(PlacedLabel { node, lines, placement, node_box })
        })
        .collect()
}

fn draw_label(svg: &mut String, label: &PlacedLabel, size: f32, halo: Colour) {
    let area = label.placement.area;
    let (x, anchor) = match label.placement.side.alignment() {
        -1 => (area.min[0], Anchor::Start),
        1 => (area.max[0], Anchor::End),
        _ => ((area.min[0] + area.max[0]) / 2.0, Anchor::Middle),
    };
    for (index, line) in label.lines.iter().enumerate() {
        let y = area.min[1] + size * ASCENT + index as f32 * size * LINE_HEIGHT;
        Text { at: [x, y], size, fill: theme::LABEL, anchor, halo: Some(halo), style: r#" class="label""# }
            .write(svg, line);
    }
}

/// What link captions are placed among: the links' routes and source markers.
struct Captions<'a> {
    routes: &'a [Option<LinkRoute>],
    markers: &'a [(LinkIx, Area)],
    halo: Colour,
}

/// Link captions where they cover no label, node or marker: centred on the link, or beside
/// its source marker.
fn draw_captions(
    svg: &mut String,
    input: &FigureInput<'_>,
    shown: &Shown,
    geometry: &Geometry,
    captions: &Captions<'_>,
    occupancy: &mut Occupancy,
) {
    if geometry.scale < theme::LINK_LABELS_HIDDEN_BELOW_ZOOM {
        return;
    }
    let (markers, halo) = (captions.markers, captions.halo);
    let size = geometry.label_size * theme::LINK_LABEL_SCALE;
    let in_full = |&(link, _): &(LinkIx, LinkRoute)| input.scene.link(link) == Presence::Full;
    for (link, route) in shown.routes(captions.routes).filter(in_full) {
        let caption = link_caption(&input.case.links[link]);
        let caption_size = [text_width(&caption, size), size * LINE_HEIGHT];
        let candidates: Vec<(Area, Anchor)> = match markers.iter().find(|(marked, _)| *marked == link) {
            Some((_, marker)) => {
                let middle = (marker.min[1] + marker.max[1]) / 2.0;
                let right = [marker.max[0] + 3.0 + caption_size[0] / 2.0, middle];
                let left = [marker.min[0] - 3.0 - caption_size[0] / 2.0, middle];
                vec![
                    (Area::around(right, caption_size), Anchor::Start),
                    (Area::around(left, caption_size), Anchor::End),
                ]
            }
            None => {
                let middle = geometry.figure_from_world(route.label_point());
                vec![(Area::around(middle, caption_size), Anchor::Middle)]
            }
        };
        let Some((area, anchor)) = candidates.into_iter().find(|(area, _)| occupancy.is_free(&area.grown(1.0))) else {
            continue;
        };
        occupancy.insert(area);
        let x = match anchor {
            Anchor::Start => area.min[0],
            Anchor::Middle => (area.min[0] + area.max[0]) / 2.0,
            Anchor::End => area.max[0],
        };
        let y = (area.min[1] + area.max[1]) / 2.0 + size * 0.35;
        Text { at: [x, y], size, fill: theme::LINK_LABEL, anchor, halo: Some(halo), style: "" }.write(svg, &caption);
    }
}

/// The box around `points`, grown by `padding`; `None` when there are none.
fn bounds(points: impl Iterator<Item = WorldPoint>, padding: f32) -> Option<(WorldPoint, WorldPoint)> {
    points.fold(None, |acc, [x, y]| match acc {
        None => Some(([x - padding, y - padding], [x + padding, y + padding])),
        Some((low, high)) => Some((
            [low[0].min(x - padding), low[1].min(y - padding)],
            [high[0].max(x + padding), high[1].max(y + padding)],
        )),
    })
}
