//! Opening the desktop window on a case.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context as _, anyhow};

use crate::view::{CaseApp, Content, ScreenshotRequest};

/// The window's size when it first opens, in screen points.
const INITIAL_WINDOW_SIZE: [f32; 2] = [1280.0, 800.0];

/// Opens the window on the case at `path`, or on the bundled sample without one. With
/// `screenshot`, writes a PNG of the window once the layout has settled, then closes.
pub fn run(path: Option<&Path>, screenshot: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let content = match path {
        Some(path) => Content::from_file(path),
        None => Content::from_sample(),
    };
    if let Content::Failed { report, .. } = &content {
        eprint!("{report}");
    }
    let failed = matches!(content, Content::Failed { .. });
    let mut app = CaseApp::new(content);
    let request = screenshot.map(ScreenshotRequest::new);
    let outcome = request.as_ref().map(|request| request.outcome.clone());
    if let Some(request) = request {
        app = app.with_screenshot(request);
    }
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title(app.window_title())
            .with_app_id("casegraph")
            .with_inner_size(INITIAL_WINDOW_SIZE),
        renderer: eframe::Renderer::Glow,
        ..Default::default()
    };
    eframe::run_native("casegraph", options, Box::new(|_| Ok(Box::new(app))))
        .map_err(|error| anyhow!("{error}"))
        .context("cannot open the window (is there a display?)")?;
    if let Some(outcome) = outcome {
        let outcome = outcome.lock().map_err(|_| anyhow!("the screenshot was lost"))?.take();
        match outcome {
            Some(Ok(())) => {}
            Some(Err(error)) => return Err(anyhow!(error)),
            None => return Err(anyhow!("the window closed before the screenshot was taken")),
        }
    }
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
