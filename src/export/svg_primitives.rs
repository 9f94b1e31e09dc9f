//! The SVG pieces a figure is made of, written the same way every time: numbers with two
//! decimals, colours as hex, text escaped, shapes and icons as on the canvas.

use std::fmt::Write as _;

use crate::icons;
use crate::model::NodeKind;
use crate::theme::{self, Colour, LinePattern, NodeShape};

/// A number as the SVG writes it: two decimals, never `-0.00`, the same on every machine.
pub fn number(value: f32) -> String {
    let text = format!("{value:.2}");
    if text == "-0.00" { "0.00".to_owned() } else { text }
}

/// A colour as `#RRGGBB`.
pub fn colour(colour: Colour) -> String {
    format!("#{:02X}{:02X}{:02X}", colour.r, colour.g, colour.b)
}

/// Text made safe inside an element or attribute.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The namespace that lets Inkscape and Illustrator show a group as a named layer.
pub const INKSCAPE_NAMESPACE: &str = "http://www.inkscape.org/namespaces/inkscape";

/// A named layer holding `content`: a group that Inkscape and Illustrator list by `label`,
/// clipped to `clip` (the id of a clip path) when given. Nothing is written for no content.
pub fn layer(svg: &mut String, id: &str, label: &str, clip: Option<&str>, content: &str) {
    if content.is_empty() {
        return;
    }
    let clip = clip.map_or(String::new(), |clip| format!(r#" clip-path="url(#{clip})""#));
    let _ = writeln!(svg, r#"<g id="{id}" inkscape:groupmode="layer" inkscape:label="{label}"{clip}>"#);
    svg.push_str(content);
    svg.push_str("</g>\n");
}

/// Points as `x,y x,y …`.
pub fn points(points: impl IntoIterator<Item = [f32; 2]>) -> String {
    points.into_iter().map(|[x, y]| format!("{},{}", number(x), number(y))).collect::<Vec<_>>().join(" ")
}

/// The attribute that dashes a qualified claim's line; empty for a plain one.
pub fn dash_attribute(pattern: LinePattern) -> String {
    match pattern {
        LinePattern::Solid => String::new(),
        LinePattern::Dashed => {
            format!(r#" stroke-dasharray="{} {}""#, number(theme::DASH_LENGTH), number(theme::DASH_GAP))
        }
    }
}

/// How a line of text lines up on its `x`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    /// `x` is where the text starts.
    Start,
    /// `x` is the text's middle.
    Middle,
    /// `x` is where the text ends.
    End,
}

/// A line of text with its baseline at `y`; with a halo of `halo` around it when given, so it
/// reads over lines.
pub struct Text<'a> {
    /// Where it is anchored.
    pub at: [f32; 2],
    /// Font size in figure units.
    pub size: f32,
    /// Its colour.
    pub fill: Colour,
    /// How it lines up on `at`.
    pub anchor: Anchor,
    /// The halo colour, if any.
    pub halo: Option<Colour>,
    /// Extra attributes, such as a weight or style.
    pub style: &'a str,
}

impl Text<'_> {
    /// Writes `content` as this text.
    pub fn write(&self, svg: &mut String, content: &str) {
        let anchor = match self.anchor {
            Anchor::Start => "",
            Anchor::Middle => r#" text-anchor="middle""#,
            Anchor::End => r#" text-anchor="end""#,
        };
        let halo = self.halo.map_or(String::new(), |halo| {
            format!(r#" stroke="{}" stroke-width="3" stroke-linejoin="round" paint-order="stroke""#, colour(halo))
        });
        let _ = writeln!(
            svg,
            r#"<text x="{}" y="{}" font-size="{}" fill="{}"{anchor}{halo}{}>{}</text>"#,
            number(self.at[0]),
            number(self.at[1]),
            number(self.size),
            colour(self.fill),
            self.style,
            escape(content)
        );
    }
}

/// A node's shape at `center` with `radius`, outlined `outline_width` wide.
pub fn shape(svg: &mut String, shape: NodeShape, center: [f32; 2], radius: f32, fill: Colour, outline_width: f32) {
    let common = format!(
        r#"fill="{}" stroke="{}" stroke-width="{}""#,
        colour(fill),
        colour(theme::NODE_OUTLINE),
        number(outline_width)
    );
    let [cx, cy] = center;
    match shape {
        NodeShape::Circle => {
            let _ =
                writeln!(svg, r#"<circle cx="{}" cy="{}" r="{}" {common}/>"#, number(cx), number(cy), number(radius));
        }
        NodeShape::RoundedSquare => {
            let side = radius * 1.8;
            let _ = writeln!(
                svg,
                r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}" {common}/>"#,
                number(cx - side / 2.0),
                number(cy - side / 2.0),
                number(side),
                number(side),
                number(radius * 0.35)
            );
        }
        _ => {
            let corners = shape.corners(radius).into_iter().map(|[x, y]| [cx + x, cy + y]);
            let _ = writeln!(svg, r#"<polygon points="{}" {common}/>"#, points(corners));
        }
    }
}

/// A kind's icon inside its shape, stroked in white.
pub fn icon(svg: &mut String, kind: NodeKind, shape: NodeShape, center: [f32; 2], radius: f32) {
    let side = shape.icon_side() * radius;
    let scale = side / icons::ICON_BOX;
    let origin = [center[0] - side / 2.0, center[1] - side / 2.0];
    let width = (icons::ICON_STROKE * scale).max(0.75);
    for line in icons::icon_lines(kind) {
        let line = line.iter().map(|[x, y]| [origin[0] + x * scale, origin[1] + y * scale]);
        let _ = writeln!(
            svg,
            r#"<polyline points="{}" fill="none" stroke="{}" stroke-width="{}" stroke-linecap="round" stroke-linejoin="round"/>"#,
            points(line),
            colour(theme::ICON),
            number(width)
        );
    }
}
