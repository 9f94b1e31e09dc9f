//! Noticing that another program changed the open case's file: checked when the window gains
//! focus, and every so often while the window is drawn anyway.

/// How often, at most, the case's file is checked while the window is being drawn.
const DISK_CHECK_INTERVAL_SECONDS: f64 = 2.0;

/// When the file was last checked.
#[derive(Debug, Default)]
pub struct DiskWatch {
    /// egui's clock at the last check, in seconds.
    last_check: f64,
}

impl DiskWatch {
    /// Whether to look at the file this frame; notes the look.
    pub fn is_due(&mut self, ctx: &egui::Context) -> bool {
        let now = ctx.input(|input| input.time);
        let focused_now =
            ctx.input(|input| input.raw.events.iter().any(|event| matches!(event, egui::Event::WindowFocused(true))));
        if !(focused_now || now - self.last_check >= DISK_CHECK_INTERVAL_SECONDS) {
            return false;
        }
        self.last_check = now;
        true
    }
}
