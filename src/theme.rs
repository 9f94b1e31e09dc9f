//! Every colour and size casegraph draws with, in one place shared by the canvas and the
//! figure export, so a published figure looks like the screen. Nothing here knows about
//! windows: colours are plain sRGB bytes and sizes are world units or screen points.
//!
//! Each node kind differs in shape as well as colour, so a greyscale print or a reader who
//! cannot tell the colours apart still sees which is which. The palette is Okabe and Ito's,
//! chosen to stay distinct for the common kinds of colour blindness.

use crate::model::{ClaimStatus, NodeKind};

/// An sRGB colour with straight (not premultiplied) alpha.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Colour {
    /// Red.
    pub r: u8,
    /// Green.
    pub g: u8,
    /// Blue.
    pub b: u8,
    /// Opacity; 255 is opaque.
    pub a: u8,
}

impl Colour {
    /// An opaque colour from `0xRRGGBB`.
    pub const fn hex(rgb: u32) -> Self {
        Self { r: (rgb >> 16) as u8, g: (rgb >> 8) as u8, b: rgb as u8, a: 255 }
    }

    /// The same colour with opacity `alpha` (0–255).
    pub const fn with_alpha(self, alpha: u8) -> Self {
        Self { a: alpha, ..self }
    }
}

/// The outline a node kind is drawn with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeShape {
    /// A person.
    Circle,
    /// A company: a square with rounded corners.
    RoundedSquare,
    /// An embassy: a house-like pentagon, point up.
    Pentagon,
    /// A government body: a hexagon with flat top and bottom.
    Hexagon,
    /// An organisation: a triangle, point up.
    Triangle,
    /// A transaction: a diamond.
    Diamond,
}

impl NodeShape {
    /// The corners of the shape around the origin, for a shape of `radius`, clockwise on a
    /// y-down screen; empty for the circle and the rounded square, which are drawn as such.
    pub fn corners(self, radius: f32) -> Vec<[f32; 2]> {
        let regular = |count: usize, start_degrees: f32, radius: f32| -> Vec<[f32; 2]> {
            (0..count)
                .map(|i| {
                    let angle = (start_degrees + 360.0 * i as f32 / count as f32).to_radians();
                    [radius * angle.cos(), radius * angle.sin()]
                })
                .collect()
        };
        match self {
            NodeShape::Circle | NodeShape::RoundedSquare => Vec::new(),
            // Regular polygons are drawn a little larger than the circle so that all kinds
            // look the same size.
            NodeShape::Pentagon => regular(5, -90.0, radius * 1.12),
            NodeShape::Hexagon => regular(6, 0.0, radius * 1.08),
            NodeShape::Triangle => regular(3, -90.0, radius * 1.3),
            NodeShape::Diamond => regular(4, -90.0, radius * 1.25),
        }
    }
}

impl NodeShape {
    /// The side of the square an icon fills inside this shape, as a multiple of the radius:
    /// as large as fits the shape's interior.
    pub fn icon_side(self) -> f32 {
        match self {
            NodeShape::Circle => 1.15,
            NodeShape::RoundedSquare => 1.3,
            NodeShape::Pentagon => 1.1,
            NodeShape::Hexagon => 1.2,
            NodeShape::Triangle => 0.8,
            NodeShape::Diamond => 1.0,
        }
    }
}

/// How one node kind is drawn.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KindStyle {
    /// Fill colour.
    pub fill: Colour,
    /// Outline.
    pub shape: NodeShape,
    /// The name in the legend.
    pub legend: &'static str,
}

/// How each node kind is drawn.
pub fn kind_style(kind: NodeKind) -> KindStyle {
    let (fill, shape, legend) = match kind {
        NodeKind::Person => (0x0072B2, NodeShape::Circle, "Person"),
        NodeKind::Company => (0xE69F00, NodeShape::RoundedSquare, "Company"),
        NodeKind::Embassy => (0x009E73, NodeShape::Pentagon, "Embassy"),
        NodeKind::Government => (0xCC79A7, NodeShape::Hexagon, "Government body"),
        NodeKind::Organization => (0x56B4E9, NodeShape::Triangle, "Organization"),
        NodeKind::Transaction => (0xD55E00, NodeShape::Diamond, "Transaction"),
    };
    KindStyle { fill: Colour::hex(fill), shape, legend }
}

/// The two ways a link's line is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinePattern {
    /// A claim the sources state plainly.
    Solid,
    /// A claim the sources qualify: alleged, denied, proposed, claimed or abandoned.
    Dashed,
}

impl LinePattern {
    /// The pattern for a claim of `status`.
    pub fn for_status(status: Option<ClaimStatus>) -> Self {
        if status.is_some_and(ClaimStatus::is_qualified) { LinePattern::Dashed } else { LinePattern::Solid }
    }

    /// What the legend says the pattern means.
    pub fn legend(self) -> &'static str {
        match self {
            LinePattern::Solid => "Stated by a source",
            LinePattern::Dashed => "Alleged, denied, proposed or claimed",
        }
    }
}

/// Canvas background.
pub const BACKGROUND: Colour = Colour::hex(0xFAFAF7);

/// How far right of the selected node a new node is put, in world units: about a link's length.
pub const NEW_NODE_OFFSET_WORLD: f32 = 80.0;
/// Node outlines.
pub const NODE_OUTLINE: Colour = Colour::hex(0x1F2933);
/// Link lines and arrowheads.
pub const LINK: Colour = Colour::hex(0x6B7280);
/// Labels on nodes and links.
pub const LABEL: Colour = Colour::hex(0x111827);
/// Behind the presenter's text over the picture: white, letting a little of it through.
pub const PRESENTER_BACKDROP: Colour = Colour::hex(0xFFFFFF).with_alpha(0xEB);
/// The timeline's brushed period, over the bars.
pub const TIMELINE_BRUSH: Colour = Colour::hex(0x2563EB).with_alpha(0x30);
/// The timeline's year lines.
pub const TIMELINE_TICK: Colour = Colour::hex(0xE5E7EB);
/// The height of the timeline's year labels above the bars, in points.
pub const TIMELINE_AXIS_POINTS: f32 = 16.0;
/// The presenter's step title size, in points.
pub const PRESENTER_TITLE_POINTS: f32 = 24.0;
/// The presenter's caption size, in points.
pub const PRESENTER_CAPTION_POINTS: f32 = 18.0;
/// Behind a caption's **strong** words in the presenter.
pub const PRESENTER_STRONG: Colour = Colour::hex(0xFDE68A);
/// The bar beside each quote a story step cites.
pub const CITATION_BAR: Colour = Colour::hex(0xD1D5DB);
/// Link labels, quieter than node labels.
pub const LINK_LABEL: Colour = Colour::hex(0x4B5563);
/// The halo behind labels, so they stay readable over lines.
pub const LABEL_HALO: Colour = Colour::hex(0xFAFAF7).with_alpha(220);
/// How far a label keeps from its node's centre, for a node of `radius`: just clear of the
/// node's box, so the label reads as the node's.
pub fn label_clearance(radius: f32) -> f32 {
    radius * 1.2 + 2.0
}

/// The least space between two labels, in screen points, so neighbours do not read as one.
pub const LABEL_GAP_POINTS: f32 = 4.0;
/// The ring around the selected item.
pub const SELECTION: Colour = Colour::hex(0xF0B400);
/// Behind a quote shown inside its paragraph: the selection's yellow, light enough to read through.
pub const QUOTE_MARK: Colour = Colour::hex(0xF0B400).with_alpha(70);
/// Behind the quotes, in the source reader, of the node or link selected on the canvas.
pub const SELECTED_QUOTE_MARK: Colour = Colour::hex(0xF0B400).with_alpha(170);
/// Behind the words the reader's find box found.
pub const FIND_MARK: Colour = Colour::hex(0x60A5FA).with_alpha(80);
/// Behind the find hit the reader is on.
pub const CURRENT_FIND_MARK: Colour = Colour::hex(0x2563EB).with_alpha(140);
/// The icon inside a node.
pub const ICON: Colour = Colour::hex(0xFFFFFF);
/// Below this on-screen node radius, in screen points, icons are left out: too small to read.
pub const MIN_ICON_RADIUS_POINTS: f32 = 9.0;
/// The mark on a pinned node.
pub const PIN: Colour = Colour::hex(0xB91C1C);
/// The mark on a node or link no quote supports.
pub const UNSUPPORTED: Colour = Colour::hex(0xB91C1C);
/// A link two or more independent sources back is drawn this wide, in screen points: heavier
/// than a single-source claim, which reads in greyscale too.
pub const CORROBORATED_LINK_WIDTH: f32 = 3.2;
/// A node two or more independent sources back has an outline this wide, in screen points.
pub const CORROBORATED_OUTLINE_WIDTH: f32 = 2.8;
/// The badge giving the number of independent sources of the hovered or selected claim.
pub const SUPPORT_BADGE: Colour = Colour::hex(0x1F2937);
/// The radius of that badge, in screen points.
pub const SUPPORT_BADGE_RADIUS_POINTS: f32 = 7.5;
/// The size of its number, in points.
pub const SUPPORT_BADGE_TEXT_POINTS: f32 = 10.0;
/// A claim's review risks that do not block publication (one source, hearsay, low grades).
pub const REVIEW_RISK: Colour = Colour::hex(0xB45309);
/// The radius of the unsupported-claim mark, in screen points.
pub const MARK_RADIUS_POINTS: f32 = 5.0;
/// The size of the "!" in that mark, in points.
pub const MARK_TEXT_POINTS: f32 = 8.0;
/// The radius of a pin's head, in screen points.
pub const PIN_HEAD_RADIUS_POINTS: f32 = 3.5;
/// The numbered marker on a link in a figure, naming the sources behind it.
pub const SOURCE_MARKER: Colour = Colour::hex(0x1F2933);
/// Opacity of everything not near the hovered item.
pub const FADED_ALPHA: u8 = 60;

/// Node radius in world units.
pub const NODE_RADIUS: f32 = 16.0;
/// Node outline width in screen points.
pub const NODE_OUTLINE_WIDTH: f32 = 1.2;
/// Link line width in screen points.
pub const LINK_WIDTH: f32 = 1.4;
/// Dash and gap lengths of a qualified claim's line, in screen points.
pub const DASH_LENGTH: f32 = 6.0;
/// Gap between dashes, in screen points.
pub const DASH_GAP: f32 = 4.0;
/// Arrowhead length in screen points.
pub const ARROW_LENGTH: f32 = 9.0;
/// Arrowhead width in screen points.
pub const ARROW_WIDTH: f32 = 7.0;
/// Spacing between parallel links of one pair, in world units.
pub const PARALLEL_SPACING: f32 = 18.0;
/// Radius of the loop drawn for a self-link, in world units.
pub const SELF_LINK_RADIUS: f32 = 12.0;
/// Selection ring width in screen points.
pub const SELECTION_WIDTH: f32 = 3.0;

/// Node label size in world units, so labels grow and shrink with the zoom…
pub const NODE_LABEL_SIZE: f32 = 11.0;
/// …but never below this many screen points, so they stay readable when zoomed out…
pub const MIN_LABEL_POINTS: f32 = 9.0;
/// …nor above this many, so they do not swamp the canvas when zoomed in.
pub const MAX_LABEL_POINTS: f32 = 22.0;
/// Link label size relative to node labels.
pub const LINK_LABEL_SCALE: f32 = 0.85;
/// Below this zoom (screen points per world unit) labels are hidden: there is no room.
pub const LABELS_HIDDEN_BELOW_ZOOM: f32 = 0.3;
/// Below this zoom, link labels are hidden.
pub const LINK_LABELS_HIDDEN_BELOW_ZOOM: f32 = 0.4;
/// With more nodes than this on screen the canvas draws an overview: discs in the kinds'
/// colours, thin lines, and only the best-connected labels.
pub const OVERVIEW_FROM_NODES: usize = 1_500;
/// Labels shown in the overview, the best-connected first.
pub const OVERVIEW_LABELS: usize = 40;
/// A figure labels this many nodes, the best-connected first, even where their labels must
/// cover something; the others only where there is room.
pub const ALWAYS_LABELLED: usize = OVERVIEW_LABELS;
/// Smallest disc radius in the overview, in screen points.
pub const OVERVIEW_MIN_NODE_RADIUS_POINTS: f32 = 2.5;
/// Opacity of the overview's lines, so thousands of them read as a texture, not a blot.
pub const OVERVIEW_LINK_ALPHA: u8 = 90;
/// Labels longer than this many characters are shortened on the canvas (hover shows them whole).
pub const MAX_LABEL_CHARS: usize = 32;

/// The size of a label in screen points at `zoom` screen points per world unit.
pub fn label_points(zoom: f32) -> f32 {
    (NODE_LABEL_SIZE * zoom).clamp(MIN_LABEL_POINTS, MAX_LABEL_POINTS)
}

/// `label` shortened to [`MAX_LABEL_CHARS`], ending in "…" when it was cut.
pub fn short_label(label: &str) -> std::borrow::Cow<'_, str> {
    match label.char_indices().nth(MAX_LABEL_CHARS) {
        None => label.into(),
        Some((cut, _)) => {
            let keep = label[..cut].char_indices().nth(MAX_LABEL_CHARS - 1).map_or(cut, |(i, _)| i);
            format!("{}…", label[..keep].trim_end()).into()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_its_own_shape_and_colour() {
        let styles: Vec<KindStyle> = NodeKind::ALL.iter().map(|&kind| kind_style(kind)).collect();
        for (i, a) in styles.iter().enumerate() {
            for b in &styles[i + 1..] {
                assert_ne!(a.shape, b.shape, "{} and {}", a.legend, b.legend);
                assert_ne!(a.fill, b.fill, "{} and {}", a.legend, b.legend);
            }
        }
    }

    #[test]
    fn qualified_claims_are_dashed() {
        assert_eq!(LinePattern::for_status(None), LinePattern::Solid);
        assert_eq!(LinePattern::for_status(Some(ClaimStatus::Completed)), LinePattern::Solid);
        for status in [ClaimStatus::Alleged, ClaimStatus::Denied, ClaimStatus::Proposed, ClaimStatus::Claimed] {
            assert_eq!(LinePattern::for_status(Some(status)), LinePattern::Dashed, "{status:?}");
        }
    }

    #[test]
    fn labels_keep_a_readable_size_and_long_ones_are_shortened_by_characters() {
        assert_eq!(label_points(0.01), MIN_LABEL_POINTS);
        assert_eq!(label_points(100.0), MAX_LABEL_POINTS);
        assert_eq!(short_label("Ardis-Bearings"), "Ardis-Bearings");
        let long = "Посольство Корейской Народно-Демократической Республики";
        let short = short_label(long);
        assert!(short.ends_with('…') && short.chars().count() <= MAX_LABEL_CHARS, "{short}");
        assert!(long.starts_with(short.trim_end_matches('…')));
    }

    #[test]
    fn polygons_have_their_corner_counts() {
        assert_eq!(NodeShape::Triangle.corners(10.0).len(), 3);
        assert_eq!(NodeShape::Diamond.corners(10.0).len(), 4);
        assert_eq!(NodeShape::Pentagon.corners(10.0).len(), 5);
        assert_eq!(NodeShape::Hexagon.corners(10.0).len(), 6);
        assert!(NodeShape::Circle.corners(10.0).is_empty());
    }
}
