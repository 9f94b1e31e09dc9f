//! How long frames take to draw: a readout over the canvas (View → Frame times, F12) and the
//! figures `--measure-frames` prints, from the same numbers.

use std::collections::VecDeque;

/// Frames the readout summarises.
const RECENT_FRAMES: usize = 240;

/// How long recent frames took, each from its start to the next frame's, in milliseconds.
#[derive(Debug, Default)]
pub struct FrameTimes {
    recent: VecDeque<f32>,
}

impl FrameTimes {
    /// Notes one frame's time.
    pub fn push(&mut self, milliseconds: f32) {
        if self.recent.len() == RECENT_FRAMES {
            self.recent.pop_front();
        }
        self.recent.push_back(milliseconds);
    }

    /// A summary of the recent frames, if there are any.
    pub fn summary(&self) -> Option<FrameSummary> {
        FrameSummary::of(&self.recent.iter().copied().collect::<Vec<_>>())
    }
}

/// The middle, 95th percentile and slowest of some frame times.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct FrameSummary {
    /// How many frames.
    pub frames: usize,
    /// Median, in milliseconds.
    pub median_ms: f32,
    /// 95th percentile, in milliseconds.
    pub p95_ms: f32,
    /// Slowest, in milliseconds.
    pub slowest_ms: f32,
}

impl FrameSummary {
    /// The summary of `times_ms`; `None` when empty.
    pub fn of(times_ms: &[f32]) -> Option<Self> {
        let mut sorted = times_ms.to_vec();
        sorted.sort_by(f32::total_cmp);
        let rank = |fraction: f32| sorted[((sorted.len() as f32 - 1.0) * fraction).round() as usize];
        (!sorted.is_empty()).then(|| Self {
            frames: sorted.len(),
            median_ms: rank(0.5),
            p95_ms: rank(0.95),
            slowest_ms: rank(1.0),
        })
    }
}

/// Draws the readout in the top-right corner of `canvas`.
pub fn show_readout(ui: &egui::Ui, canvas: egui::Rect, times: &FrameTimes) {
    let text = match times.summary() {
        Some(summary) => format!(
            "frame {:.1} ms median · {:.1} ms p95 · {:.1} ms slowest ({} frames)",
            summary.median_ms, summary.p95_ms, summary.slowest_ms, summary.frames
        ),
        None => "no frames yet".to_owned(),
    };
    let painter = ui.painter_at(canvas);
    let font = egui::FontId::monospace(11.0);
    let galley = painter.layout_no_wrap(text, font, ui.visuals().strong_text_color());
    let at = canvas.right_top() + egui::vec2(-galley.size().x - 10.0, 8.0);
    let backdrop = egui::Rect::from_min_size(at, galley.size()).expand(4.0);
    painter.rect_filled(backdrop, 3.0, ui.visuals().extreme_bg_color.gamma_multiply(0.9));
    painter.galley(at, galley, ui.visuals().strong_text_color());
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_are_summarised_by_rank_and_only_the_recent_ones_count() {
        let times: Vec<f32> = (1..=101).rev().map(|ms| ms as f32).collect();
        let summary = FrameSummary::of(&times).expect("frames");
        assert_eq!((summary.frames, summary.median_ms, summary.p95_ms, summary.slowest_ms), (101, 51.0, 96.0, 101.0));
        assert_eq!(FrameSummary::of(&[]), None);
        let mut recent = FrameTimes::default();
        for _ in 0..1000 {
            recent.push(50.0);
        }
        for _ in 0..RECENT_FRAMES {
            recent.push(5.0);
        }
        assert_eq!(recent.summary().map(|s| s.slowest_ms), Some(5.0), "old frames are forgotten");
    }
}
