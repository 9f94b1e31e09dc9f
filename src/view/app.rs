//! The window: menu bar, canvas, evidence panel, legend and search, put together each
//! frame. Commands from all of them go to [`OpenCase::apply`].

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use super::canvas;
use super::command::Selection;
use super::command::{self, Command, bindings, kind_toggle_name, shortcut_of};
use super::evidence_panel;
use super::legend;
use super::open_case::OpenCase;
use super::search;
use crate::model::{ItemRef, NodeKind};

/// Layout steps per frame while the layout animates: enough to settle the sample case in
/// about two seconds, few enough that a frame stays far under 33 ms.
const LAYOUT_STEPS_PER_FRAME: usize = 4;
/// Frames to draw after the layout has settled before a requested screenshot is taken, so
/// the picture shows the final state.
const FRAMES_BEFORE_SCREENSHOT: usize = 3;

/// What the window shows.
pub enum Content {
    /// A case that opened.
    Open(Box<OpenCase>),
    /// A case that could not be opened, with the report saying why.
    Failed {
        /// The file that was asked for.
        file: String,
        /// Every problem, with file, line and column.
        report: String,
    },
}

impl Content {
    /// The bundled sample case, with its source texts for showing quotes in context.
    pub fn from_sample() -> Self {
        let report = crate::sample::load_sample();
        Self::from_report(report, Box::new(crate::sample::sample_documents()))
    }

    /// The case at `path`, or the report of why it cannot be opened.
    pub fn from_file(path: &std::path::Path) -> Self {
        let report = crate::model::load_case_file(path);
        Self::from_report(report, Box::new(crate::model::documents_beside(path)))
    }

    fn from_report(report: crate::model::LoadReport, documents: Box<dyn crate::model::DocumentStore>) -> Self {
        let file_name = std::path::Path::new(&report.file)
            .file_name()
            .map_or_else(|| report.file.clone(), |name| name.to_string_lossy().into_owned());
        match report.into_result() {
            Ok((case, warnings)) => Content::Open(Box::new(OpenCase::new(case, file_name, documents, warnings))),
            Err(error) => Content::Failed { file: error.file.clone(), report: error.to_string() },
        }
    }
}

/// What `--screenshot` asked for and how it went.
pub struct ScreenshotRequest {
    /// Where to write the PNG.
    pub path: PathBuf,
    /// Set once the screenshot was written or failed.
    pub outcome: Arc<Mutex<Option<Result<(), String>>>>,
    /// The CPU time of each frame before the screenshot (drawing and rendering), in
    /// milliseconds; the screenshot's own frame, which also reads the pixels back, is left out.
    pub frame_times_ms: Arc<Mutex<Vec<f32>>>,
    requested: bool,
    settled_frames: usize,
}

impl ScreenshotRequest {
    /// A request to write a screenshot to `path` once the layout has settled.
    pub fn new(path: PathBuf) -> Self {
        Self {
            path,
            outcome: Arc::new(Mutex::new(None)),
            frame_times_ms: Arc::new(Mutex::new(Vec::new())),
            requested: false,
            settled_frames: 0,
        }
    }
}

/// The casegraph application.
pub struct CaseApp {
    content: Content,
    first_frame_done: bool,
    screenshot: Option<ScreenshotRequest>,
    shown_title: String,
}

impl CaseApp {
    /// An app showing `content`.
    pub fn new(content: Content) -> Self {
        Self { content, first_frame_done: false, screenshot: None, shown_title: String::new() }
    }

    /// The same app, writing a screenshot of its window to `request.path` once the layout has
    /// settled, and then closing.
    pub fn with_screenshot(mut self, request: ScreenshotRequest) -> Self {
        self.screenshot = Some(request);
        self
    }

    /// The open case, if one opened.
    pub fn open_case(&self) -> Option<&OpenCase> {
        match &self.content {
            Content::Open(open) => Some(open),
            Content::Failed { .. } => None,
        }
    }

    /// The open case, for tests that set it up.
    pub fn open_case_mut(&mut self) -> Option<&mut OpenCase> {
        match &mut self.content {
            Content::Open(open) => Some(open),
            Content::Failed { .. } => None,
        }
    }

    /// Selects the node or link with id `id`, as if the analyst had clicked it.
    pub fn select_id(&mut self, id: &str) -> Result<(), String> {
        let open = self.open_case_mut().ok_or("no case is open")?;
        let selection = match open.graph.resolve(id) {
            Some(ItemRef::Node(node)) => Selection::Node(node),
            Some(ItemRef::Link(link)) => Selection::Link(link),
            _ => return Err(format!("no node or link in the case has the id `{id}`")),
        };
        open.apply(Command::Select(selection));
        Ok(())
    }

    /// The window title for what is shown.
    pub fn window_title(&self) -> String {
        match &self.content {
            Content::Open(open) => open.window_title(),
            Content::Failed { file, .. } => format!("{file} could not be opened — casegraph"),
        }
    }

    fn show(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if !std::mem::replace(&mut self.first_frame_done, true) {
            install_fonts(&ctx);
            // Light panels around the light canvas, as on the printed page.
            ctx.set_theme(egui::ThemePreference::Light);
        }
        let title = self.window_title();
        if title != self.shown_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.shown_title = title;
        }
        let settled = match &mut self.content {
            Content::Failed { file, report } => {
                show_failure(ui, file, report);
                true
            }
            Content::Open(open) => show_open_case(ui, open),
        };
        if let Some(request) = &mut self.screenshot {
            take_screenshot_when_settled(&ctx, request, settled);
        }
    }
}

impl eframe::App for CaseApp {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        if let (Some(request), Some(seconds)) = (&self.screenshot, frame.info().cpu_usage)
            && !request.requested
            && let Ok(mut times) = request.frame_times_ms.lock()
        {
            times.push(seconds * 1000.0);
        }
        self.show(ui);
    }

    /// A screenshot shows the case as laid out and selected, the same on every machine: the
    /// pointer (which a headless display parks mid-window) must not hover anything.
    fn raw_input_hook(&mut self, _ctx: &egui::Context, raw_input: &mut egui::RawInput) {
        if self.screenshot.is_some() {
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
}

/// One frame of an open case; true once the layout has settled.
fn show_open_case(ui: &mut egui::Ui, open: &mut OpenCase) -> bool {
    let ctx = ui.ctx().clone();
    let moving = open.step_layout(LAYOUT_STEPS_PER_FRAME);
    if moving && open.follow_layout {
        open.apply(Command::FitToCase);
    }
    let mut commands = command::pressed_shortcuts(&ctx, ctx.egui_wants_keyboard_input());

    egui::Panel::top("casegraph-menu").show(ui, |ui| {
        egui::MenuBar::new().ui(ui, |ui| commands.extend(menus(ui, open)));
    });
    egui::Panel::right("casegraph-evidence").resizable(true).default_size(360.0).show(ui, |ui| {
        commands.extend(evidence_panel::show(ui, open));
    });
    egui::Panel::bottom("casegraph-legend").show(ui, |ui| {
        ui.add_space(4.0);
        commands.extend(legend::show(ui, open));
    });
    egui::CentralPanel::no_frame().show(ui, |ui| {
        let mut canvas_state = std::mem::take(&mut open.canvas);
        let (rect, canvas_commands) = canvas::show(ui, open, &mut canvas_state);
        open.canvas = canvas_state;
        open.canvas_rect = rect;
        commands.extend(canvas_commands);
        if open.search.open {
            let search_rect =
                egui::Rect::from_min_size(rect.left_top() + egui::vec2(12.0, 12.0), egui::vec2(340.0, 300.0));
            let mut search_ui = ui.new_child(egui::UiBuilder::new().max_rect(search_rect));
            let (case, hidden) = (&open.case, &open.hidden_kinds);
            let visible = |node: usize| !hidden.contains(&case.nodes[node].kind);
            commands.extend(search::show(&mut search_ui, &mut open.search, case, visible));
        }
    });
    if open.show_help {
        let mut still_open = true;
        egui::Window::new("Keyboard shortcuts").open(&mut still_open).resizable(false).show(&ctx, |ui| help(ui, &ctx));
        if !still_open {
            commands.push(Command::ToggleHelp);
        }
    }

    for command in commands {
        open.apply(command);
    }
    let settled = !moving && open.layout.is_settled();
    if !settled {
        ctx.request_repaint();
    }
    settled
}

/// Adds the bundled fallback font behind egui's own, for the arrows, signs and scripts it lacks.
fn install_fonts(ctx: &egui::Context) {
    use egui::epaint::text::{FontInsert, FontPriority, InsertFontFamily};
    let families = [egui::FontFamily::Proportional, egui::FontFamily::Monospace]
        .into_iter()
        .map(|family| InsertFontFamily { family, priority: FontPriority::Lowest })
        .collect();
    ctx.add_font(FontInsert {
        name: "DejaVuSans".to_owned(),
        data: egui::FontData::from_static(include_bytes!("../../assets/fonts/DejaVuSans.ttf")),
        families,
    });
}

fn menus(ui: &mut egui::Ui, open: &OpenCase) -> Vec<Command> {
    let mut commands = Vec::new();
    let ctx = ui.ctx().clone();
    let mut item = |ui: &mut egui::Ui, name: &str, command: Command| {
        let mut button = egui::Button::new(name);
        if let Some(shortcut) = shortcut_of(command) {
            button = button.shortcut_text(ctx.format_shortcut(&shortcut));
        }
        if ui.add(button).clicked() {
            commands.push(command);
        }
    };
    ui.menu_button("View", |ui| {
        item(ui, "Fit the case to the window", Command::FitToCase);
        item(ui, "Zoom in", Command::ZoomIn);
        item(ui, "Zoom out", Command::ZoomOut);
        item(ui, "Find a node…", Command::OpenSearch);
        item(ui, "Clear the selection", Command::ClearSelection);
        ui.separator();
        for kind in NodeKind::ALL {
            let hidden = open.hidden_kinds.contains(&kind);
            let name = format!("{} {}", if hidden { "☐" } else { "☑" }, kind_toggle_name(kind));
            item(ui, &name, Command::ToggleKind(kind));
        }
    });
    ui.menu_button("Layout", |ui| {
        item(ui, "Re-run the layout", Command::RerunLayout);
        item(ui, "Pin or unpin the selected node", Command::TogglePinSelected);
        item(ui, "Pin all nodes", Command::PinAll);
        item(ui, "Unpin all nodes", Command::UnpinAll);
    });
    ui.menu_button("Help", |ui| {
        item(ui, "Keyboard shortcuts", Command::ToggleHelp);
    });
    ui.separator();
    commands.extend(toolbar(ui));
    commands
}

/// The buttons beside the menus for what is done most: fit, zoom, find and re-run the layout.
fn toolbar(ui: &mut egui::Ui) -> Vec<Command> {
    let mut commands = Vec::new();
    let ctx = ui.ctx().clone();
    let buttons = [
        ("Fit", "Fit the case to the window", Command::FitToCase),
        ("−", "Zoom out", Command::ZoomOut),
        ("+", "Zoom in", Command::ZoomIn),
        ("Find…", "Find a node by name or alias", Command::OpenSearch),
        ("Re-run layout", "Re-run the layout (pinned nodes stay)", Command::RerunLayout),
    ];
    for (label, description, command) in buttons {
        let hint = match shortcut_of(command) {
            Some(shortcut) => format!("{description} ({})", ctx.format_shortcut(&shortcut)),
            None => description.to_owned(),
        };
        if ui.button(label).on_hover_text(hint).clicked() {
            commands.push(command);
        }
    }
    commands
}

fn help(ui: &mut egui::Ui, ctx: &egui::Context) {
    egui::Grid::new("casegraph-shortcuts").striped(true).show(ui, |ui| {
        for binding in bindings() {
            ui.label(binding.name);
            ui.monospace(ctx.format_shortcut(&binding.shortcut));
            ui.end_row();
        }
        ui.label("Move the view");
        ui.monospace("drag the background");
        ui.end_row();
        ui.label("Zoom around the pointer");
        ui.monospace("scroll or pinch");
        ui.end_row();
        ui.label("Move a node (pins it)");
        ui.monospace("drag the node");
        ui.end_row();
        ui.label("Pin or unpin one node");
        ui.monospace("right-click the node");
        ui.end_row();
    });
}

fn show_failure(ui: &mut egui::Ui, file: &str, report: &str) {
    egui::CentralPanel::default().show(ui, |ui| {
        ui.heading(format!("{file} could not be opened"));
        ui.label("Nothing was opened. Fix the problems below in a text editor, then open the file again.");
        ui.separator();
        egui::ScrollArea::both().show(ui, |ui| {
            ui.monospace(report);
        });
    });
}

fn take_screenshot_when_settled(ctx: &egui::Context, request: &mut ScreenshotRequest, settled: bool) {
    if request.requested {
        return;
    }
    if !settled {
        request.settled_frames = 0;
        return;
    }
    request.settled_frames += 1;
    if request.settled_frames < FRAMES_BEFORE_SCREENSHOT {
        ctx.request_repaint();
        return;
    }
    request.requested = true;
    let (path, outcome, ctx_for_close) = (request.path.clone(), Arc::clone(&request.outcome), ctx.clone());
    ctx.request_screenshot(move |image| {
        let written = write_png(&path, &image);
        if let Ok(mut slot) = outcome.lock() {
            *slot = Some(written);
        }
        ctx_for_close.send_viewport_cmd(egui::ViewportCommand::Close);
        ctx_for_close.request_repaint();
    });
}

/// Writes `image` as an 8-bit RGBA PNG.
fn write_png(path: &std::path::Path, image: &egui::ColorImage) -> Result<(), String> {
    let describe = |error: &dyn std::fmt::Display| format!("cannot write the screenshot {}: {error}", path.display());
    let file = std::fs::File::create(path).map_err(|e| describe(&e))?;
    let [width, height] = image.size;
    let mut encoder = png::Encoder::new(std::io::BufWriter::new(file), width as u32, height as u32);
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(|e| describe(&e))?;
    let bytes: Vec<u8> = image.pixels.iter().flat_map(|pixel| pixel.to_srgba_unmultiplied()).collect();
    writer.write_image_data(&bytes).map_err(|e| describe(&e))?;
    writer.finish().map_err(|e| describe(&e))
}
