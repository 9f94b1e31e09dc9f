//! The app in a real window. Needs a display (CI runs it under Xvfb), so it is ignored
//! unless asked for: `cargo test --test window -- --ignored`.

use std::process::Command;

/// Reads a PNG into its size and RGBA pixels.
fn read_png(path: &std::path::Path) -> (u32, u32, Vec<u8>) {
    let file = std::fs::File::open(path).expect("the screenshot exists");
    let mut reader = png::Decoder::new(std::io::BufReader::new(file)).read_info().expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("a size")];
    let info = reader.next_frame(&mut pixels).expect("one frame");
    assert_eq!(info.color_type, png::ColorType::Rgba);
    pixels.truncate(info.buffer_size());
    (info.width, info.height, pixels)
}

#[test]
#[ignore = "needs a display"]
fn the_sample_opens_settles_and_draws_in_a_real_window() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let screenshot = folder.path().join("window.png");
    let started = std::time::Instant::now();
    let output = Command::new(env!("CARGO_BIN_EXE_casegraph"))
        .arg("--screenshot")
        .arg(&screenshot)
        .output()
        .expect("casegraph runs");
    assert!(output.status.success(), "casegraph failed: {}", String::from_utf8_lossy(&output.stderr));
    println!("opened, settled and screenshot in {:.1} s", started.elapsed().as_secs_f32());
    let report = String::from_utf8_lossy(&output.stdout);
    println!("{report}");
    assert!(report.contains("Layout at rest") && report.contains("ms after start"), "{report}");
    let (width, height, pixels) = read_png(&screenshot);
    assert!(width >= 800 && height >= 500, "{width}×{height}");
    let colours: std::collections::HashSet<&[u8]> = pixels.chunks_exact(4).collect();
    assert!(colours.len() > 50, "only {} colours: the window looks blank", colours.len());
    // The canvas background is the commonest colour; nodes, lines and text cover a good part.
    let background = pixels.chunks_exact(4).filter(|p| p[..3] == [0xFA, 0xFA, 0xF7]).count();
    let share = background as f64 / f64::from(width * height);
    assert!(share > 0.2 && share < 0.95, "the canvas background covers {:.0}% of the window", share * 100.0);
    if let Ok(keep) = std::env::var("CASEGRAPH_KEEP_SCREENSHOT") {
        std::fs::copy(&screenshot, keep).expect("copy the screenshot");
    }
}

#[test]
#[ignore = "needs a display"]
fn frame_times_are_measured_while_the_view_pans() {
    let output = Command::new(env!("CARGO_BIN_EXE_casegraph"))
        .args(["--measure-frames", "30"])
        .output()
        .expect("casegraph runs");
    assert!(output.status.success(), "casegraph failed: {}", String::from_utf8_lossy(&output.stderr));
    let report = String::from_utf8_lossy(&output.stdout);
    println!("{report}");
    assert!(report.contains("29 more frames: median"), "{report}");
    assert!(report.contains("95th percentile"), "{report}");
    assert!(report.contains("First frame on screen") && report.contains("ms after start"), "{report}");
}
