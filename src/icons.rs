//! The line icon drawn inside each kind's shape, read from the SVG files in `assets/icons/`
//! so they can be edited in any vector editor. The window strokes them; the figure export
//! can copy the same paths.
//!
//! The files use a small part of SVG: a 24 × 24 `viewBox`, `<circle cx cy r>` and `<path d>`
//! with absolute `M`, `L`, `C` and `Z` commands, all stroked.

use std::sync::LazyLock;

use crate::model::NodeKind;

/// Side of the square the icons are drawn in, in icon units.
pub const ICON_BOX: f32 = 24.0;
/// Stroke width in icon units.
pub const ICON_STROKE: f32 = 2.0;
/// Segments per curve or circle when flattening.
const CURVE_SEGMENTS: usize = 12;

/// An icon as lines to stroke: each polyline's points in icon units (0–24, y down).
pub type IconLines = Vec<Vec<[f32; 2]>>;

static ICONS: LazyLock<Vec<IconLines>> =
    LazyLock::new(|| NodeKind::ALL.into_iter().map(|kind| parse_icon(icon_source(kind)).unwrap_or_default()).collect());

/// The SVG text of `kind`'s icon.
pub fn icon_source(kind: NodeKind) -> &'static str {
    match kind {
        NodeKind::Person => include_str!("../assets/icons/person.svg"),
        NodeKind::Company => include_str!("../assets/icons/company.svg"),
        NodeKind::Embassy => include_str!("../assets/icons/embassy.svg"),
        NodeKind::Government => include_str!("../assets/icons/government.svg"),
        NodeKind::Organization => include_str!("../assets/icons/organization.svg"),
        NodeKind::Transaction => include_str!("../assets/icons/transaction.svg"),
    }
}

/// `kind`'s icon as polylines.
pub fn icon_lines(kind: NodeKind) -> &'static IconLines {
    let index = NodeKind::ALL.iter().position(|&k| k == kind).unwrap_or(0);
    &ICONS[index]
}

/// Why an icon file could not be read.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("icon: {0}")]
pub struct IconError(String);

/// Reads the circles and paths of an icon file into polylines.
pub fn parse_icon(svg: &str) -> Result<IconLines, IconError> {
    let mut lines = Vec::new();
    for element in svg.split('<').skip(1) {
        let name = element.split(|c: char| c.is_whitespace() || c == '/' || c == '>').next().unwrap_or("");
        match name {
            "circle" => {
                let number = |attribute: &str| -> Result<f32, IconError> {
                    attribute_value(element, attribute)
                        .and_then(|value| value.parse().ok())
                        .ok_or_else(|| IconError(format!("a circle needs a number `{attribute}`")))
                };
                let (cx, cy, r) = (number("cx")?, number("cy")?, number("r")?);
                let segments = CURVE_SEGMENTS * 3;
                lines.push(
                    (0..=segments)
                        .map(|i| {
                            let angle = std::f32::consts::TAU * i as f32 / segments as f32;
                            [cx + r * angle.cos(), cy + r * angle.sin()]
                        })
                        .collect(),
                );
            }
            "path" => {
                let data = attribute_value(element, "d").ok_or_else(|| IconError("a path needs `d`".to_owned()))?;
                lines.extend(parse_path(data)?);
            }
            _ => {}
        }
    }
    if lines.is_empty() {
        return Err(IconError("no circle or path".to_owned()));
    }
    Ok(lines)
}

/// The value of `name="…"` inside one element's text.
fn attribute_value<'a>(element: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = element;
    while let Some(at) = rest.find(name) {
        let before = rest[..at].chars().next_back();
        let after = &rest[at + name.len()..];
        if before.is_some_and(char::is_whitespace)
            && let Some(value) = after.strip_prefix("=\"")
        {
            return value.split('"').next();
        }
        rest = after;
    }
    None
}

fn parse_path(data: &str) -> Result<IconLines, IconError> {
    let spaced = data.replace(',', " ");
    let mut tokens = spaced.split_whitespace().flat_map(split_command).peekable();
    let mut lines: IconLines = Vec::new();
    let mut current: Vec<[f32; 2]> = Vec::new();
    let mut command = ' ';
    let number = |tokens: &mut std::iter::Peekable<_>| -> Result<f32, IconError> {
        let token: Option<&str> = Iterator::next(tokens);
        token.and_then(|t| t.parse().ok()).ok_or_else(|| IconError(format!("a number is missing in path {data:?}")))
    };
    while let Some(&token) = tokens.peek() {
        if let Some(letter) = token.chars().next().filter(|c| c.is_ascii_alphabetic()) {
            tokens.next();
            command = letter;
            if command == 'Z' {
                if let Some(&first) = current.first() {
                    current.push(first);
                }
                continue;
            }
        }
        match command {
            'M' => {
                if current.len() > 1 {
                    lines.push(std::mem::take(&mut current));
                }
                current.clear();
                current.push([number(&mut tokens)?, number(&mut tokens)?]);
                command = 'L';
            }
            'L' => current.push([number(&mut tokens)?, number(&mut tokens)?]),
            'C' => {
                let start = *current.last().ok_or_else(|| IconError("a curve needs a start".to_owned()))?;
                let c1 = [number(&mut tokens)?, number(&mut tokens)?];
                let c2 = [number(&mut tokens)?, number(&mut tokens)?];
                let end = [number(&mut tokens)?, number(&mut tokens)?];
                for i in 1..=CURVE_SEGMENTS {
                    let t = i as f32 / CURVE_SEGMENTS as f32;
                    let u = 1.0 - t;
                    let at = |k: usize| {
                        u * u * u * start[k] + 3.0 * u * u * t * c1[k] + 3.0 * u * t * t * c2[k] + t * t * t * end[k]
                    };
                    current.push([at(0), at(1)]);
                }
            }
            other => return Err(IconError(format!("path command `{other}` is not supported; use M, L, C and Z"))),
        }
    }
    if current.len() > 1 {
        lines.push(current);
    }
    Ok(lines)
}

/// Splits a token such as `M4` into `M` and `4`.
fn split_command(token: &str) -> Vec<&str> {
    match token.char_indices().nth(1) {
        Some((at, _)) if token.starts_with(|c: char| c.is_ascii_alphabetic()) => vec![&token[..at], &token[at..]],
        _ => vec![token],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_an_icon_inside_its_box() {
        for kind in NodeKind::ALL {
            let lines = parse_icon(icon_source(kind)).unwrap_or_else(|error| panic!("{kind:?}: {error}"));
            assert!(!lines.is_empty());
            for point in lines.iter().flatten() {
                assert!(point.iter().all(|c| (0.0..=ICON_BOX).contains(c)), "{kind:?}: {point:?}");
            }
            assert_eq!(icon_lines(kind), &lines);
        }
    }

    #[test]
    fn paths_and_circles_become_polylines() {
        let lines = parse_icon(r#"<svg><path d="M1 2 L3 4 L5 2 Z M7,8 L9,9"/><circle cx="12" cy="12" r="2"/></svg>"#)
            .expect("a valid icon");
        assert_eq!(lines[0], vec![[1.0, 2.0], [3.0, 4.0], [5.0, 2.0], [1.0, 2.0]]);
        assert_eq!(lines[1], vec![[7.0, 8.0], [9.0, 9.0]]);
        assert_eq!(lines[2].len(), 37);
        let curve = parse_icon(r#"<path d="M0 0 C0 10 10 10 10 0"/>"#).expect("a curve");
        assert_eq!(curve[0].last(), Some(&[10.0, 0.0]));
    }

    #[test]
    fn unsupported_files_say_what_is_wrong() {
        assert!(parse_icon("<svg></svg>").is_err());
        let arc = parse_icon(r#"<path d="M0 0 A5 5 0 0 1 10 10"/>"#).expect_err("arcs are not supported");
        assert!(arc.to_string().contains("`A`"), "{arc}");
        assert!(parse_icon(r#"<path d="M0"/>"#).is_err());
    }
}
