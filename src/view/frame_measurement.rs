//! `--measure-frames`: the view pans for a number of frames and each frame's time is noted,
//! then the window closes. [`FrameClock`] times the frames, for this and for the readout.

use std::sync::{Arc, Mutex};
use std::time::Instant;

use super::command::Command;
use super::frame_times::FrameTimes;

/// What `--measure-frames` asked for: the view pans for `frames` frames, and each frame's
/// time is noted.
pub struct FrameMeasurement {
    /// How many frames to measure.
    pub frames: usize,
    /// The time of each frame so far, from its start to the next frame's, in milliseconds.
    pub times_ms: Arc<Mutex<Vec<f32>>>,
    /// When the command started, before the case was loaded.
    pub started: Instant,
    /// How long after `started` the first frame was on screen, in milliseconds: what opening
    /// the case costs the analyst, loading, layout set-up and window together.
    pub first_frame_after_ms: Arc<Mutex<Option<f32>>>,
}

impl FrameMeasurement {
    /// A measurement of `frames` frames, for a command that started at `started`.
    pub fn new(frames: usize, started: Instant) -> Self {
        Self { frames, times_ms: Arc::new(Mutex::new(Vec::new())), started, first_frame_after_ms: Arc::default() }
    }

    /// Pans the view a little (round a circle, so it stays near the case) and asks for the
    /// next frame, or closes the window once enough frames were measured.
    pub fn next_frame(&self, ctx: &egui::Context, commands: &mut Vec<Command>) {
        let measured = self.times_ms.lock().map_or(self.frames, |times| times.len());
        // A frame's time is known in the next frame, once the first is on screen.
        if measured >= 1
            && let Ok(mut first) = self.first_frame_after_ms.lock()
            && first.is_none()
        {
            *first = Some(self.started.elapsed().as_secs_f32() * 1000.0);
        }
        if measured >= self.frames {
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            return;
        }
        let angle = measured as f32 * 0.05;
        commands.push(Command::Pan(egui::vec2(angle.cos(), angle.sin()) * 6.0));
        ctx.request_repaint();
    }
}

/// Times each frame from its start to the next frame's, so the time includes the graphics
/// driver's work (a software renderer does most of its work there). That is a frame's cost
/// only when frames follow each other at once: while measuring or showing the readout,
/// which ask for every frame.
#[derive(Debug, Default)]
pub struct FrameClock {
    /// When the last frame started.
    last_frame_start: Option<Instant>,
    /// Whether the next frame follows this one at once.
    back_to_back: bool,
}

impl FrameClock {
    /// Notes that a frame starts now, adding the last frame's time to `times` and to
    /// `measurement` when frames follow each other.
    pub fn frame_starts(&mut self, times: &mut FrameTimes, measurement: Option<&FrameMeasurement>) {
        let now = Instant::now();
        let since_last_frame = self.last_frame_start.replace(now).map(|last| (now - last).as_secs_f32() * 1000.0);
        let Some(milliseconds) = since_last_frame.filter(|_| self.back_to_back) else { return };
        times.push(milliseconds);
        if let Some(measurement) = measurement
            && let Ok(mut measured) = measurement.times_ms.lock()
            && measured.len() < measurement.frames
        {
            measured.push(milliseconds);
        }
    }

    /// Says whether the next frame will follow this one at once.
    pub fn frame_ends(&mut self, back_to_back: bool) {
        self.back_to_back = back_to_back;
    }
}
