//! How wide text will be in the bundled fonts, for laying out labels, the legend and the
//! caption of a figure before any renderer sees it.

use std::sync::LazyLock;

use crate::fonts::{BundledFont, DEJAVU_SANS, DEJAVU_SANS_BOLD, NANUM_GOTHIC};

/// How heavy the text is; bold is wider.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    /// Labels, legend, notes.
    Regular,
    /// Titles.
    Bold,
}

fn faces(fonts: [BundledFont; 2]) -> Vec<ttf_parser::Face<'static>> {
    fonts.iter().filter_map(|font| ttf_parser::Face::parse(font.bytes, 0).ok()).collect()
}

static REGULAR: LazyLock<Vec<ttf_parser::Face<'static>>> = LazyLock::new(|| faces([DEJAVU_SANS, NANUM_GOTHIC]));
static BOLD: LazyLock<Vec<ttf_parser::Face<'static>>> = LazyLock::new(|| faces([DEJAVU_SANS_BOLD, NANUM_GOTHIC]));

/// The advance width of regular `text` at `size` (font size in figure units), taking each
/// character from the first bundled font that has it, as the renderers' fallback does.
pub fn text_width(text: &str, size: f32) -> f32 {
    weighted_text_width(Weight::Regular, text, size)
}

/// [`text_width`] for text of `weight`.
pub fn weighted_text_width(weight: Weight, text: &str, size: f32) -> f32 {
    let faces = match weight {
        Weight::Regular => &REGULAR,
        Weight::Bold => &BOLD,
    };
    text.chars().map(|c| char_width(faces, c, size)).sum()
}

fn char_width(faces: &[ttf_parser::Face<'static>], c: char, size: f32) -> f32 {
    for face in faces {
        if let Some(glyph) = face.glyph_index(c)
            && let Some(advance) = face.glyph_hor_advance(glyph)
        {
            return f32::from(advance) / f32::from(face.units_per_em()) * size;
        }
    }
    size * 0.6
}

/// `text` cut at a word (or, for one long word, a letter) so that it and an ellipsis fit in
/// `max_width` at `size`; `text` itself when it fits.
pub fn shortened(text: &str, size: f32, max_width: f32) -> String {
    if text_width(text, size) <= max_width {
        return text.to_owned();
    }
    let fits = |kept: &str| text_width(&format!("{kept}…"), size) <= max_width;
    let mut kept = String::new();
    for word in text.split_whitespace() {
        let longer = if kept.is_empty() { word.to_owned() } else { format!("{kept} {word}") };
        if !fits(&longer) {
            break;
        }
        kept = longer;
    }
    if kept.is_empty() {
        for letter in text.chars() {
            kept.push(letter);
            if !fits(&kept) {
                kept.pop();
                break;
            }
        }
    }
    format!("{}…", kept.trim_end_matches([',', ';', ':', '-', '—']))
}

/// Regular `text` broken into lines no wider than `max_width`, at spaces; a word wider than
/// the line gets a line of its own.
pub fn wrap(text: &str, size: f32, max_width: f32) -> Vec<String> {
    weighted_wrap(Weight::Regular, text, size, max_width)
}

/// [`wrap`] for text of `weight`.
pub fn weighted_wrap(weight: Weight, text: &str, size: f32, max_width: f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
            if !line.is_empty() && weighted_text_width(weight, &candidate, size) > max_width {
                lines.push(std::mem::replace(&mut line, word.to_owned()));
            } else {
                line = candidate;
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_grow_with_text_and_size_and_cover_every_script() {
        let latin = text_width("Igor Michurin", 10.0);
        assert!(latin > 40.0 && latin < 90.0, "{latin}");
        assert!((text_width("Igor Michurin", 20.0) - 2.0 * latin).abs() < 0.01);
        for name in ["Игорь Мичурин", "김정은"] {
            let width = text_width(name, 10.0);
            assert!(width > 15.0, "{name}: {width}");
        }
        // Hangul syllables are full-width: wider than Latin letters.
        assert!(text_width("김", 10.0) > text_width("i", 10.0) * 2.0);
        // Bold is wider, so a bold title wraps sooner.
        assert!(weighted_text_width(Weight::Bold, "Igor Michurin", 10.0) > latin * 1.05);
    }

    #[test]
    fn wrapping_keeps_lines_within_the_width() {
        let text = "Sources: Reuters, 6 June 2018; Dong-A Ilbo, 4 April 2008";
        let lines = wrap(text, 10.0, 150.0);
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines.iter().all(|line| text_width(line, 10.0) <= 150.0));
        assert_eq!(lines.join(" "), text);
    }
}
