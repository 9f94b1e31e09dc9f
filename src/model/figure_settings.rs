//! How the case's figure is exported, kept in the case file so the same figure can be made
//! again later, from the window or the command line, exactly.

use serde::Serialize;

use super::vocabulary::vocabulary;

vocabulary! {
    /// Which part of the case a figure shows.
    #[derive(Default)]
    pub enum FigureExtent ("extent") {
        /// Every visible node.
        Whole = "whole" [default],
        /// What the saved camera shows (the whole case when none was saved).
        Saved = "saved",
    }
}

vocabulary! {
    /// What is behind a figure.
    #[derive(Default)]
    pub enum FigureBackground ("background") {
        /// White, for print.
        White = "white" [default],
        /// Nothing: the page shows through.
        Transparent = "transparent",
        /// The canvas colour.
        Theme = "theme",
    }
}

vocabulary! {
    /// How a figure names its sources.
    #[derive(Default)]
    pub enum SourceNote ("source note") {
        /// Not at all.
        None = "none",
        /// One line under the figure: "Sources: Reuters, 6 June 2018; …".
        Credit = "credit" [default],
        /// Numbered markers on the links, and the numbered list of sources under the figure.
        Numbered = "numbered",
    }
}

/// How large a figure is, and at what resolution a PNG of it is rendered.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
#[serde(untagged)]
pub enum FigureSize {
    /// For screens: a width in pixels, and PNG pixels per pixel (1×–4×, for sharp screens).
    Pixels {
        /// Width in pixels: the figure's units, in which text and line sizes are given.
        width: f64,
        /// PNG pixels per figure pixel.
        scale: f64,
    },
    /// For print: a width in millimetres, laid out at 96 figure units to the inch so text has
    /// its printed size, and rendered to PNG at `dpi`.
    Print {
        /// Width in millimetres.
        width_mm: f64,
        /// Dots per inch of the PNG.
        dpi: f64,
    },
}

/// Figure units (CSS pixels) to the inch: a printed figure is laid out at this density.
pub const FIGURE_UNITS_PER_INCH: f64 = 96.0;

impl FigureSize {
    /// The width in figure units (CSS pixels), in which the figure is laid out.
    pub fn layout_width(&self) -> f64 {
        match *self {
            FigureSize::Pixels { width, .. } => width,
            FigureSize::Print { width_mm, .. } => width_mm / 25.4 * FIGURE_UNITS_PER_INCH,
        }
    }

    /// PNG pixels per figure unit.
    pub fn raster_scale(&self) -> f64 {
        match *self {
            FigureSize::Pixels { scale, .. } => scale,
            FigureSize::Print { dpi, .. } => dpi / FIGURE_UNITS_PER_INCH,
        }
    }

    /// How many pixels wide a PNG of the figure is.
    pub fn png_width(&self) -> f64 {
        (self.layout_width() * self.raster_scale()).round()
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
pub const FIGURE_WIDTH_MM_RANGE: (f64, f64) = (30.0, 2_000.0);
/// Allowed print resolutions in dots per inch.
pub const FIGURE_DPI_RANGE: (f64, f64) = (72.0, 2_400.0);
/// Allowed PNG scales.
pub const FIGURE_SCALE_RANGE: (f64, f64) = (1.0, 4.0);
/// The widest PNG made, in pixels.
pub const MAX_PNG_WIDTH: f64 = 40_000.0;

/// Everything that decides how a figure looks.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureSettings {
    /// The part of the case shown.
    pub extent: FigureExtent,
    /// The size and PNG resolution.
    #[serde(flatten)]
    pub size: FigureSize,
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
    /// Whether claims two or more independent sources back are drawn heavier. Since format
    /// version 3; written only when on.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub support: bool,
}

impl Default for FigureSettings {
    /// 1,200 pixels wide at 1×, the whole case on white, the case's title, the legend and the
    /// source credit.
    fn default() -> Self {
        Self {
            extent: FigureExtent::Whole,
            size: FigureSize::Pixels { width: 1200.0, scale: 1.0 },
            background: FigureBackground::White,
            title: None,
            caption: None,
            legend: true,
            sources: SourceNote::Credit,
            support: false,
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
            FigureSize::Pixels { width, .. } if outside(width, FIGURE_WIDTH_RANGE) => {
                Some(format!("the width must be from 100 to 20,000 pixels, not {width}"))
            }
            FigureSize::Pixels { scale, .. } if outside(scale, FIGURE_SCALE_RANGE) => {
                Some(format!("the PNG scale must be from 1 to 4, not {scale}"))
            }
            FigureSize::Print { width_mm, .. } if outside(width_mm, FIGURE_WIDTH_MM_RANGE) => {
                Some(format!("the print width must be from 30 to 2,000 mm, not {width_mm}"))
            }
            FigureSize::Print { dpi, .. } if outside(dpi, FIGURE_DPI_RANGE) => {
                Some(format!("the resolution must be from 72 to 2,400 dpi, not {dpi}"))
            }
            size if size.png_width() > MAX_PNG_WIDTH => Some(format!(
                "a PNG this size would be {} pixels wide; keep it under 40,000 (a smaller width or resolution)",
                size.png_width()
            )),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn print_sizes_are_laid_out_at_their_printed_size_and_rendered_at_their_resolution() {
        let size = FigureSize::Print { width_mm: 254.0, dpi: 300.0 };
        assert_eq!(size.layout_width(), 960.0, "ten inches at 96 units to the inch");
        assert_eq!(size.png_width(), 3000.0, "ten inches at 300 dpi");
        assert_eq!(size.width_mm(), Some(254.0));
        let screen = FigureSize::Pixels { width: 800.0, scale: 2.0 };
        assert_eq!((screen.layout_width(), screen.png_width(), screen.width_mm()), (800.0, 1600.0, None));
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
        let problem = |size: FigureSize| FigureSettings { size, ..Default::default() }.problem().unwrap_or_default();
        assert!(problem(FigureSize::Pixels { width: 50_000.0, scale: 1.0 }).contains("20,000 pixels"));
        assert!(problem(FigureSize::Pixels { width: 1000.0, scale: 8.0 }).contains("scale"));
        assert!(problem(FigureSize::Print { width_mm: 1000.0, dpi: 2400.0 }).contains("94488 pixels wide"));
        assert!(problem(FigureSize::Print { width_mm: 10.0, dpi: 300.0 }).contains("30 to 2,000 mm"));
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
        assert!(text.contains(r#""width_mm":180.0,"dpi":300.0,"#), "{text}");
        assert!(!text.contains(r#""width":"#) && !text.contains(r#""scale":"#), "{text}");
        assert!(text.contains(r#""title":"","#) && text.contains(r#""sources":"numbered""#), "{text}");
    }
}
