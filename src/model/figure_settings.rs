//! How the case's figure is exported, kept in the case file so the same figure can be made
//! again later, from the window or the command line, exactly.

use serde::Serialize;

/// Which part of the case a figure shows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureExtent {
    /// Every visible node.
    #[default]
    Whole,
    /// What the saved camera shows (the whole case when none was saved).
    Saved,
}

/// What is behind a figure.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FigureBackground {
    /// White, for print.
    #[default]
    White,
    /// Nothing: the page shows through.
    Transparent,
    /// The canvas colour.
    Theme,
}

/// How a figure names its sources.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceNote {
    /// Not at all.
    None,
    /// One line under the figure: "Sources: Reuters, 6 June 2018; …".
    #[default]
    Credit,
    /// Numbered markers on the links, and the numbered list of sources under the figure.
    Numbered,
}

/// How wide a figure is.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FigureSize {
    /// For screens: a width in pixels (one PNG pixel at scale 1).
    Pixels {
        /// Width in pixels.
        width: f64,
    },
    /// For print: a width in millimetres at a resolution.
    Print {
        /// Width in millimetres.
        width_mm: f64,
        /// Dots per inch.
        dpi: f64,
    },
}

impl FigureSize {
    /// The width in figure units (CSS pixels).
    pub fn pixel_width(&self) -> f64 {
        match *self {
            FigureSize::Pixels { width } => width,
            FigureSize::Print { width_mm, dpi } => width_mm / 25.4 * dpi,
        }
    }

    /// The printed width, when the size is given for print.
    pub fn width_mm(&self) -> Option<f64> {
        match *self {
            FigureSize::Pixels { .. } => None,
            FigureSize::Print { width_mm, .. } => Some(width_mm),
        }
    }
}

/// Allowed widths in pixels.
pub const FIGURE_WIDTH_RANGE: (f64, f64) = (100.0, 20_000.0);
/// Allowed print widths in millimetres.
pub const FIGURE_WIDTH_MM_RANGE: (f64, f64) = (10.0, 2_000.0);
/// Allowed print resolutions in dots per inch.
pub const FIGURE_DPI_RANGE: (f64, f64) = (50.0, 2_400.0);
/// Allowed PNG scales.
pub const FIGURE_SCALE_RANGE: (f64, f64) = (1.0, 4.0);

/// Everything that decides how a figure looks.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureSettings {
    /// The part of the case shown.
    pub extent: FigureExtent,
    /// The width.
    #[serde(flatten)]
    pub size: FigureSize,
    /// PNG pixels per figure unit, from 1 to 4.
    pub scale: f64,
    /// The background.
    pub background: FigureBackground,
    /// The heading: absent for the case's title, empty for none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// A caption under the figure.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub caption: Option<String>,
    /// Whether to draw the legend.
    pub legend: bool,
    /// How the sources are named.
    pub sources: SourceNote,
}

impl Default for FigureSettings {
    /// 1,200 pixels wide, the whole case on white, the case's title, the legend and the
    /// source credit.
    fn default() -> Self {
        Self {
            extent: FigureExtent::Whole,
            size: FigureSize::Pixels { width: 1200.0 },
            scale: 1.0,
            background: FigureBackground::White,
            title: None,
            caption: None,
            legend: true,
            sources: SourceNote::Credit,
        }
    }
}

impl FigureSettings {
    /// The heading to draw for a case titled `case_title`; `None` for none.
    pub fn heading<'a>(&'a self, case_title: &'a str) -> Option<&'a str> {
        Some(self.title.as_deref().unwrap_or(case_title)).filter(|title| !title.trim().is_empty())
    }

    /// The first setting out of range, in words, or `None` when all are usable.
    pub fn problem(&self) -> Option<String> {
        let outside = |value: f64, (low, high): (f64, f64)| !(low..=high).contains(&value);
        match self.size {
            FigureSize::Pixels { width } if outside(width, FIGURE_WIDTH_RANGE) => {
                return Some(format!("the width must be from 100 to 20,000 pixels, not {width}"));
            }
            FigureSize::Print { width_mm, .. } if outside(width_mm, FIGURE_WIDTH_MM_RANGE) => {
                return Some(format!("the print width must be from 10 to 2,000 mm, not {width_mm}"));
            }
            FigureSize::Print { dpi, .. } if outside(dpi, FIGURE_DPI_RANGE) => {
                return Some(format!("the resolution must be from 50 to 2,400 dpi, not {dpi}"));
            }
            FigureSize::Print { .. } if outside(self.size.pixel_width(), FIGURE_WIDTH_RANGE) => {
                return Some(format!(
                    "the print width and resolution make {:.0} pixels; keep it from 100 to 20,000",
                    self.size.pixel_width()
                ));
            }
            _ => {}
        }
        if outside(self.scale, FIGURE_SCALE_RANGE) {
            return Some(format!("the scale must be from 1 to 4, not {}", self.scale));
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn print_sizes_turn_into_pixels_at_their_resolution() {
        let size = FigureSize::Print { width_mm: 254.0, dpi: 300.0 };
        assert_eq!(size.pixel_width(), 3000.0);
        assert_eq!(size.width_mm(), Some(254.0));
        assert_eq!(FigureSize::Pixels { width: 800.0 }.width_mm(), None);
    }

    #[test]
    fn the_heading_is_the_case_title_unless_given_or_emptied() {
        let mut settings = FigureSettings::default();
        assert_eq!(settings.heading("Case"), Some("Case"));
        settings.title = Some("Figure 1".into());
        assert_eq!(settings.heading("Case"), Some("Figure 1"));
        settings.title = Some(String::new());
        assert_eq!(settings.heading("Case"), None);
    }

    #[test]
    fn out_of_range_settings_are_named() {
        assert_eq!(FigureSettings::default().problem(), None);
        let wide = FigureSettings { size: FigureSize::Pixels { width: 50_000.0 }, ..Default::default() };
        assert!(wide.problem().is_some_and(|problem| problem.contains("20,000 pixels")));
        let fine_print =
            FigureSettings { size: FigureSize::Print { width_mm: 1000.0, dpi: 2400.0 }, ..Default::default() };
        assert!(fine_print.problem().is_some_and(|problem| problem.contains("make 94488 pixels")));
        let scaled = FigureSettings { scale: 8.0, ..Default::default() };
        assert!(scaled.problem().is_some_and(|problem| problem.contains("scale")));
    }

    #[test]
    fn settings_are_written_with_only_the_size_keys_that_apply() {
        let text = serde_json::to_string(&FigureSettings::default()).expect("serialises");
        assert_eq!(
            text,
            r#"{"extent":"whole","width":1200.0,"scale":1.0,"background":"white","legend":true,"sources":"credit"}"#
        );
        let print = FigureSettings {
            size: FigureSize::Print { width_mm: 180.0, dpi: 300.0 },
            title: Some(String::new()),
            sources: SourceNote::Numbered,
            ..Default::default()
        };
        let text = serde_json::to_string(&print).expect("serialises");
        assert!(text.contains(r#""width_mm":180.0,"dpi":300.0,"#) && !text.contains(r#""width":"#), "{text}");
        assert!(text.contains(r#""title":"","#) && text.contains(r#""sources":"numbered""#), "{text}");
    }
}
