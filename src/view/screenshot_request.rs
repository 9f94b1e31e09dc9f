//! `--screenshot`: a picture of the window once the layout has come to rest, written as a
//! PNG, after which the window closes. The picture is the same on every machine: the pointer,
//! which a headless display parks mid-window, hovers nothing.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use super::window_screenshot::{ScreenshotError, write_png};

/// Frames to draw after the layout has settled before the picture is taken, so it shows the
/// final state.
const FRAMES_BEFORE_SCREENSHOT: usize = 3;

/// What `--screenshot` asked for and how it went.
pub struct ScreenshotRequest {
    /// Where to write the PNG.
    pub path: PathBuf,
    /// Set once the screenshot was written or failed.
    pub outcome: Arc<Mutex<Option<Result<(), ScreenshotError>>>>,
    /// How long after `started` the layout came to rest for the screenshot, in milliseconds:
    /// how long a case without saved positions takes to lay out in the window.
    pub settled_after_ms: Arc<Mutex<Option<f32>>>,
    started: Instant,
    requested: bool,
    settled_frames: usize,
}

impl ScreenshotRequest {
    /// A request to write a screenshot to `path` once the layout has settled; `started` is
    /// when the command started, before the case was loaded.
    pub fn new(path: PathBuf, started: Instant) -> Self {
        Self {
            path,
            outcome: Arc::new(Mutex::new(None)),
            settled_after_ms: Arc::new(Mutex::new(None)),
            started,
            requested: false,
            settled_frames: 0,
        }
    }

    /// Takes the picture a few frames after the window has `settled`, then closes the window.
    pub fn take_when_settled(&mut self, ctx: &egui::Context, settled: bool) {
        if self.requested {
            return;
        }
        if !settled {
            self.settled_frames = 0;
            return;
        }
        if self.settled_frames == 0
            && let Ok(mut settled_after_ms) = self.settled_after_ms.lock()
        {
            *settled_after_ms = Some(self.started.elapsed().as_secs_f32() * 1e3);
        }
        self.settled_frames += 1;
        if self.settled_frames < FRAMES_BEFORE_SCREENSHOT {
            ctx.request_repaint();
            return;
        }
        self.requested = true;
        let (path, outcome, ctx_for_close) = (self.path.clone(), Arc::clone(&self.outcome), ctx.clone());
        ctx.request_screenshot(move |image| {
            let written = write_png(&path, &image);
            if let Ok(mut slot) = outcome.lock() {
                *slot = Some(written);
            }
            ctx_for_close.send_viewport_cmd(egui::ViewportCommand::Close);
            ctx_for_close.request_repaint();
        });
    }

    /// Removes the pointer from `raw_input`, so nothing is hovered in the picture.
    pub fn hide_pointer(raw_input: &mut egui::RawInput) {
        raw_input.events.retain(|event| {
            !matches!(
                event,
                egui::Event::PointerMoved(_)
                    | egui::Event::PointerButton { .. }
                    | egui::Event::MouseMoved(_)
                    | egui::Event::MouseWheel { .. }
            )
        });
        raw_input.events.push(egui::Event::PointerGone);
    }
}
