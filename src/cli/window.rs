//! Opening the desktop window on a case.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context as _, anyhow};

use crate::view::frame_times::FrameSummary;
use crate::view::window_screenshot::ScreenshotError;
use crate::view::{CaseApp, Content, FrameMeasurement, NativeDialogs, ScreenshotRequest, Services};

/// The window's size when it first opens, in screen points.
const INITIAL_WINDOW_SIZE: [f32; 2] = [1280.0, 800.0];

/// Opens the window on the case at `path`, or on the bundled sample without one, with the
/// item `select` selected. With `screenshot`, writes a PNG of the window once the layout has
/// settled, then closes. With `measure_frames`, pans the view for that many frames, prints
/// their times, then closes. With `timeline`, the timeline shows under the canvas. With
/// `import`, that file is read for importing and its preview shows.
pub fn run(
    path: Option<&Path>,
    select: Option<&str>,
    screenshot: Option<PathBuf>,
    measure_frames: Option<usize>,
    timeline: bool,
    import: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let started = Instant::now();
    let content = match path {
        Some(path) => Content::from_file(path),
        None => Content::from_sample(),
    };
    if let Content::Failed { report, .. } = &content {
        eprint!("{report}");
    }
    let failed = matches!(content, Content::Failed { .. });
    let mut app = CaseApp::new(content);
    if let Some(id) = select
        && !failed
    {
        app.select_id(id)?;
    }
    if let Some(open) = app.open_case_mut() {
        open.show_timeline = timeline;
    }
    if let Some(import) = import {
        app.preview_import(import);
    }
    // A screenshot or a measurement shows the case alone: no offer to restore other work, no
    // recent files.
    if screenshot.is_none() && measure_frames.is_none() {
        app = app.with_services(Services { dialogs: Box::new(NativeDialogs), data_folder: data_folder() });
    }
    let request = screenshot.map(|path| ScreenshotRequest::new(path, started));
    let outcome = request.as_ref().map(|request| (request.outcome.clone(), request.settled_after_ms.clone()));
    if let Some(request) = request {
        app = app.with_screenshot(request);
    }
    let measurement = measure_frames.map(|frames| FrameMeasurement::new(frames, started));
    let measured = measurement
        .as_ref()
        .map(|measurement| (measurement.times_ms.clone(), measurement.first_frame_after_ms.clone()));
    if let Some(measurement) = measurement {
        app = app.with_frame_measurement(measurement);
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
    if let Some((times, first_frame_after)) = measured {
        if let Ok(Some(first_frame_after_ms)) = first_frame_after.lock().map(|first| *first) {
            println!("First frame on screen {first_frame_after_ms:.0} ms after start (loading, layout set-up, window)");
        }
        if let Ok(times) = times.lock() {
            println!("{}", frame_time_summary(&times));
        }
    }
    if let Some((outcome, settled_after)) = outcome {
        if let Ok(Some(settled_after_ms)) = settled_after.lock().map(|settled| *settled) {
            println!("Layout at rest {settled_after_ms:.0} ms after start (loading, layout, window)");
        }
        let outcome = outcome.lock().map_err(|poisoned| anyhow!("the screenshot was lost: {poisoned}"))?.take();
        match outcome {
            Some(Ok(())) => {}
            Some(Err(error)) => return Err(error).context("the screenshot was not written"),
            None => return Err(ScreenshotError::NotTaken.into()),
        }
    }
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// Where the recent-files list and autosaved work are kept: `CASEGRAPH_DATA_DIR` when set,
/// otherwise the platform's folder for application data.
fn data_folder() -> Option<PathBuf> {
    if let Some(folder) = std::env::var_os("CASEGRAPH_DATA_DIR") {
        return Some(PathBuf::from(folder));
    }
    let home = std::env::var_os("HOME").map(PathBuf::from);
    let base = if cfg!(target_os = "windows") {
        std::env::var_os("APPDATA").map(PathBuf::from)
    } else if cfg!(target_os = "macos") {
        home.map(|home| home.join("Library/Application Support"))
    } else {
        std::env::var_os("XDG_DATA_HOME").map(PathBuf::from).or_else(|| home.map(|home| home.join(".local/share")))
    };
    base.map(|base| base.join("casegraph"))
}

/// The first frame's time (it loads fonts and sets up OpenGL), then the median, 95th
/// percentile and slowest of the rest: each from its start to the next frame's start.
fn frame_time_summary(times_ms: &[f32]) -> String {
    let Some((first, rest)) = times_ms.split_first() else { return "no frames were drawn".to_owned() };
    match FrameSummary::of(rest) {
        Some(summary) => format!(
            "Frame times (start to start, rendering included): first frame {first:.1} ms; {} more frames: median {:.1} ms, 95th percentile {:.1} ms, slowest {:.1} ms",
            summary.frames, summary.median_ms, summary.p95_ms, summary.slowest_ms
        ),
        None => format!("Frame times (start to start, rendering included): first frame {first:.1} ms"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frame_times_are_summarised_by_rank_after_the_first() {
        let times: Vec<f32> = std::iter::once(500.0).chain((1..=101).rev().map(|ms| ms as f32)).collect();
        assert_eq!(
            frame_time_summary(&times),
            "Frame times (start to start, rendering included): first frame 500.0 ms; 101 more frames: median 51.0 ms, 95th percentile 96.0 ms, slowest 101.0 ms"
        );
        assert_eq!(frame_time_summary(&[]), "no frames were drawn");
    }
}
