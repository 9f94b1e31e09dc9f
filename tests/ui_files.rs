//! The analyst's work in the real app, driven through AccessKit: the unsaved marker, saving,
//! the close guard, undo, opening a broken file, and getting work back after a crash.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use casegraph::model::NodeIx;
use casegraph::view::canvas::node_screen_position;
use casegraph::view::prompt::Prompt;
use casegraph::view::{CaseApp, Content, ScriptedDialogs, Services};
use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

const MAX_FRAMES: u64 = 1500;

fn app(content: Content, dialogs: ScriptedDialogs, data_folder: Option<&Path>) -> Harness<'static, CaseApp> {
    let services = Services { dialogs: Box::new(dialogs), data_folder: data_folder.map(Path::to_path_buf) };
    let app = CaseApp::new(content).with_services(services).with_autosave_interval(Duration::ZERO);
    Harness::builder().with_size(vec2(1280.0, 800.0)).with_max_steps(MAX_FRAMES).build_eframe(move |_| app)
}

fn sample_app(dialogs: ScriptedDialogs, data_folder: Option<&Path>) -> Harness<'static, CaseApp> {
    let mut harness = app(Content::from_sample(), dialogs, data_folder);
    harness.run();
    harness
}

fn node_index(harness: &Harness<'_, CaseApp>, label: &str) -> NodeIx {
    let open = harness.state().open_case().expect("a case is open");
    let index =
        open.document.case().nodes.iter().position(|node| node.label == label).expect("the node is in the case");
    NodeIx::new(index)
}

/// Drags the node labelled `label` by `delta` screen points; returns its index.
fn drag(harness: &mut Harness<'_, CaseApp>, label: &str, delta: egui::Vec2) -> NodeIx {
    let node = node_index(harness, label);
    let open = harness.state().open_case().expect("a case is open");
    let grab = node_screen_position(open, node).expect("on screen");
    harness.drag_at(grab);
    harness.step();
    harness.hover_at(grab + delta * 0.5);
    harness.step();
    harness.hover_at(grab + delta);
    harness.step();
    harness.drop_at(grab + delta);
    harness.run();
    node
}

fn title(harness: &Harness<'_, CaseApp>) -> String {
    harness.state().window_title()
}

fn request_close(harness: &mut Harness<'_, CaseApp>) {
    harness.input_mut().viewports.entry(egui::ViewportId::ROOT).or_default().events.push(egui::ViewportEvent::Close);
    harness.run();
}

#[test]
fn a_drag_marks_the_case_unsaved_and_saving_clears_the_mark() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let target = folder.path().join("mine.case.json");
    let dialogs = ScriptedDialogs { to_save: [target.clone()].into(), ..Default::default() };
    let mut harness = sample_app(dialogs, None);
    assert!(!title(&harness).starts_with('●'), "{}", title(&harness));
    drag(&mut harness, "Ardis-Bearings", vec2(80.0, 40.0));
    assert!(title(&harness).starts_with('●'), "no unsaved marker: {}", title(&harness));
    // The bundled sample has no file yet: Save asks where.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    assert!(!title(&harness).starts_with('●'), "still marked unsaved: {}", title(&harness));
    assert!(title(&harness).contains("mine.case.json"), "{}", title(&harness));
    let saved = casegraph::model::load_case_file(&target).into_result().expect("the saved case opens").0;
    assert!(saved.layout.positions["c-ardis-bearings"].pinned, "the drag was not saved");
}

#[test]
fn closing_with_unsaved_work_asks_first_and_cancel_keeps_it() {
    let mut harness = sample_app(ScriptedDialogs::default(), None);
    request_close(&mut harness);
    assert!(harness.state().prompt().is_none(), "a clean case closes without asking");

    let mut harness = sample_app(ScriptedDialogs::default(), None);
    drag(&mut harness, "Ardis-Bearings", vec2(50.0, 0.0));
    request_close(&mut harness);
    assert!(matches!(harness.state().prompt(), Some(Prompt::Unsaved { .. })));
    assert!(harness.query_by_label("Save the changes?").is_some(), "the question is not shown");
    harness.get_by_label("Cancel").click();
    harness.run();
    assert!(harness.state().prompt().is_none());
    assert!(harness.state().open_case().expect("still open").document.is_dirty(), "cancel lost the work");
}

#[test]
fn undo_puts_a_dragged_node_back_exactly_and_redo_moves_it_again() {
    let mut harness = sample_app(ScriptedDialogs::default(), None);
    let node = node_index(&harness, "Ardis-Bearings");
    let before = harness.state().open_case().expect("open").document.layout().positions().to_vec();
    drag(&mut harness, "Ardis-Bearings", vec2(90.0, -30.0));
    let dragged = harness.state().open_case().expect("open").document.layout().position(node);
    assert_ne!(dragged, before[node.index()]);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let open = harness.state().open_case().expect("open");
    assert_eq!(open.document.layout().position(node), before[node.index()], "undo did not put it back exactly");
    assert!(!open.document.layout().is_pinned(node), "undo did not unpin it");
    assert!(!open.document.is_dirty());

    harness.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
    harness.run();
    let open = harness.state().open_case().expect("open");
    assert_eq!(open.document.layout().position(node), dragged, "redo did not move it again");
    assert!(open.document.layout().is_pinned(node));
}

#[test]
fn opening_a_broken_file_keeps_the_open_case_and_shows_the_errors() {
    let broken = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken/missing-comma.case.json");
    let dialogs = ScriptedDialogs { to_open: [broken].into(), ..Default::default() };
    let mut harness = sample_app(dialogs, None);
    drag(&mut harness, "Ardis-Bearings", vec2(40.0, 40.0));
    let positions = harness.state().open_case().expect("open").document.layout().positions().to_vec();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    // Unsaved work: asked first; discarding goes on to open.
    harness.get_by_label("Discard").click();
    harness.run();
    assert!(matches!(harness.state().prompt(), Some(Prompt::OpenFailed { .. })));
    assert!(harness.query_by_label_contains("missing-comma.case.json:").is_some(), "no file:line:column shown");
    let open = harness.state().open_case().expect("the old case is still open");
    assert_eq!(open.document.name(), casegraph::sample::SAMPLE_FILE_NAME);
    assert_eq!(open.document.layout().positions(), &positions[..], "the old case changed");
    harness.get_by_label("OK").click();
    harness.run();
    assert!(harness.state().prompt().is_none());
}

#[test]
fn work_left_unsaved_by_a_crash_is_offered_back_at_the_next_start() {
    let data = tempfile::tempdir().expect("a data folder");
    let folder = tempfile::tempdir().expect("a case folder");
    let case_file = copy_minimal(folder.path());
    let original = fs::read(&case_file).expect("the case");

    let mut harness = app(Content::from_file(&case_file), ScriptedDialogs::default(), Some(data.path()));
    harness.run();
    let node = drag(&mut harness, "Ardis-Bearings", vec2(70.0, 35.0));
    let dragged = harness.state().open_case().expect("open").document.layout().position(node);
    harness.run();
    // The crash: the app is gone without saving or asking.
    drop(harness);
    assert_eq!(fs::read(&case_file).expect("the case"), original, "the case file was written without a save");

    let mut harness = app(Content::from_file(&case_file), ScriptedDialogs::default(), Some(data.path()));
    harness.run();
    assert!(matches!(harness.state().prompt(), Some(Prompt::Restore(_))), "no offer to restore");
    assert!(harness.query_by_label_contains("A copy was written").is_some(), "the time is not shown");
    harness.get_by_label("Restore").click();
    harness.run();
    let open = harness.state().open_case().expect("restored");
    assert_eq!(open.document.layout().position(node), rounded(dragged), "the restored node is elsewhere");
    assert!(open.document.layout().is_pinned(node));
    assert!(open.document.is_dirty(), "restored work is not yet saved");
    assert_eq!(open.document.file(), Some(case_file.as_path()));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let autosaves = fs::read_dir(data.path().join("autosave")).map(|entries| entries.count()).unwrap_or(0);
    assert_eq!(autosaves, 0, "a clean save leaves the autosaved copy behind");
    drop(harness);
    let harness = app(Content::from_file(&case_file), ScriptedDialogs::default(), Some(data.path()));
    assert!(harness.state().prompt().is_none(), "restore offered again after saving");
}

#[test]
fn opened_and_saved_cases_are_listed_as_recent_between_runs() {
    let data = tempfile::tempdir().expect("a data folder");
    let folder = tempfile::tempdir().expect("a case folder");
    let case_file = copy_minimal(folder.path());
    let dialogs = ScriptedDialogs { to_open: [case_file.clone()].into(), ..Default::default() };
    let mut harness = sample_app(dialogs, Some(data.path()));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::O);
    harness.run();
    assert_eq!(harness.state().open_case().expect("open").document.file(), Some(case_file.as_path()));
    drop(harness);
    let harness = sample_app(ScriptedDialogs::default(), Some(data.path()));
    assert_eq!(harness.state().recent_files(), [std::path::absolute(&case_file).expect("absolute")]);
}

fn copy_minimal(folder: &Path) -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sample_cases");
    let case_file = folder.join("minimal.case.json");
    fs::copy(root.join("minimal.case.json"), &case_file).expect("copied");
    fs::create_dir_all(folder.join("sources")).expect("sources");
    for entry in fs::read_dir(root.join("sources")).expect("sources") {
        let entry = entry.expect("entry");
        fs::copy(entry.path(), folder.join("sources").join(entry.file_name())).expect("copied");
    }
    case_file
}

/// A position as a save writes it: to hundredths.
fn rounded([x, y]: [f32; 2]) -> [f32; 2] {
    let round = |v: f32| ((f64::from(v) * 100.0).round() / 100.0) as f32;
    [round(x), round(y)]
}

/// A file dropped onto the window, as the windowing system hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        fs::read(&self.0).map_err(|error| error.to_string())
    }
}

#[test]
fn a_case_dropped_on_the_window_opens() {
    let folder = tempfile::tempdir().expect("a case folder");
    let case_file = copy_minimal(folder.path());
    let mut harness = sample_app(ScriptedDialogs::default(), None);
    harness.input_mut().dropped_files.push(std::sync::Arc::new(Dropped(case_file.clone())));
    harness.run();
    assert_eq!(harness.state().open_case().expect("open").document.file(), Some(case_file.as_path()));
    assert!(harness.state().window_title().contains("minimal.case.json"));
}

#[test]
fn each_warning_is_listed_and_selects_its_item_when_clicked() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/broken/unverified-evidence.case.json");
    let mut harness = app(Content::from_file(&path), ScriptedDialogs::default(), None);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::W);
    harness.run();
    assert!(harness.query_by_label("Warnings (4)").is_some(), "the list is not shown");
    // The overview in the side panel names the warnings too; the list's entries are links.
    let entry =
        egui_kittest::kittest::By::new().label_contains("no quote supports “Lee”").role(egui::accesskit::Role::Link);
    harness.get(entry).click();
    harness.run();
    let open = harness.state().open_case().expect("open");
    let lee = open.document.graph().node_index("p-lee").expect("Lee");
    assert_eq!(open.selection, Some(casegraph::view::Selection::Node(lee)));
}

#[test]
fn a_file_changed_by_another_program_is_offered_for_reloading() {
    let folder = tempfile::tempdir().expect("a case folder");
    let case_file = copy_minimal(folder.path());
    let mut harness = app(Content::from_file(&case_file), ScriptedDialogs::default(), None);
    harness.run();
    let text = fs::read_to_string(&case_file).expect("the case");
    fs::write(&case_file, text.replace("A sanctioned bearings trader", "Edited elsewhere")).expect("edited");
    harness.event(egui::Event::WindowFocused(true));
    harness.run();
    assert!(matches!(harness.state().prompt(), Some(Prompt::ChangedOnDisk)), "no offer to reload");
    harness.get_by_label("Reload").click();
    harness.run();
    assert!(harness.state().window_title().starts_with("Edited elsewhere"), "{}", harness.state().window_title());
    harness.event(egui::Event::WindowFocused(true));
    harness.run();
    assert!(harness.state().prompt().is_none(), "offered again for the version just loaded");
}

#[test]
fn a_figure_exported_from_the_window_leaves_out_what_the_window_hides_and_the_case_keeps_its_settings() {
    let folder = tempfile::tempdir().expect("a folder");
    let (first, second) = (folder.path().join("figure.svg"), folder.path().join("again.svg"));
    let dialogs = ScriptedDialogs { to_export: [first.clone(), second.clone()].into(), ..Default::default() };
    let mut harness = sample_app(dialogs, None);
    harness.key_press(Key::Num3);
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    assert!(harness.query_by_label("Export figure").is_some(), "the dialog is not shown");
    assert!(harness.query_by_label("Preview of the figure").is_some(), "no preview");
    harness.get_by_label("Print (mm at dpi)").click();
    harness.run();
    harness.get_by_label("Numbered on links").click();
    harness.run();
    harness.get_by_label("Export…").click();
    harness.run();
    assert!(!first.exists(), "a figure of claims nobody reviewed is asked about before it is written");
    assert!(
        harness.query_by_label_contains("This figure shows 0 blocked claims and ").is_some(),
        "the dialog says what is not ready"
    );
    harness.get_by_label("Export anyway…").click();
    harness.run();
    let svg = fs::read_to_string(&first).expect("the figure was written");
    assert!(svg.contains(">Igor Michurin<"), "a visible node is missing");
    assert!(!svg.contains("Embassy of North Korea"), "a hidden kind was exported");
    assert!(svg.contains(r#"width="180.00mm""#), "the print size was not used");
    assert!(!svg.contains("Sources:") && svg.contains("Polina Nikolskaya"), "the sources are not numbered");
    assert!(harness.query_by_label("Export figure").is_none(), "the dialog stays open after exporting");
    assert!(harness.state().window_title().contains('●'), "the case does not keep its figure settings");

    // The next export starts from what was chosen last time.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::E);
    harness.run();
    harness.get_by_label("Export…").click();
    harness.run();
    harness.get_by_label("Export anyway…").click();
    harness.run();
    assert_eq!(fs::read(&second).expect("written again"), svg.into_bytes(), "the settings were not kept");
}

/// Steps frames until the app asks the window for a picture of itself, and answers with a
/// small made-up picture, as the real window would with its pixels.
fn answer_screenshot_request(harness: &mut Harness<'_, CaseApp>) -> egui::ColorImage {
    let picture = egui::ColorImage::filled([4, 3], egui::Color32::from_rgb(200, 40, 40));
    for _ in 0..10 {
        harness.step();
        let request =
            harness.output().viewport_output.values().flat_map(|viewport| &viewport.commands).find_map(|command| {
                match command {
                    egui::ViewportCommand::Screenshot(callback) => Some(callback.clone()),
                    _ => None,
                }
            });
        if let Some(callback) = request {
            callback.complete(std::sync::Arc::new(picture.clone()));
            return picture;
        }
    }
    panic!("the app never asked for a screenshot");
}

#[test]
fn a_screenshot_of_the_window_can_be_copied_or_saved() {
    let folder = tempfile::tempdir().expect("a folder");
    let target = folder.path().join("shot.png");
    let dialogs = ScriptedDialogs { to_screenshot: [target.clone()].into(), ..Default::default() };
    let mut harness = sample_app(dialogs, None);

    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::C);
    let picture = answer_screenshot_request(&mut harness);
    harness.step();
    let copied = harness
        .output()
        .platform_output
        .commands
        .iter()
        .any(|command| matches!(command, egui::OutputCommand::CopyImage(image) if image.size == picture.size));
    assert!(copied, "the picture did not go to the clipboard");

    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Save screenshot…").click();
    answer_screenshot_request(&mut harness);
    harness.step();
    let bytes = fs::read(&target).expect("the screenshot was written");
    let reader = png::Decoder::new(std::io::Cursor::new(bytes)).read_info().expect("a PNG");
    assert_eq!((reader.info().width, reader.info().height), (4, 3));
    assert!(harness.state().prompt().is_none(), "saving reported a problem");
}

/// What the last run kept but cannot be read is said at start-up, named, and left where it is:
/// not read as an empty list, nor as no work to restore.
#[test]
fn an_unreadable_recent_list_and_autosave_note_are_reported_at_start() {
    let data = tempfile::tempdir().expect("a data folder");
    let list = data.path().join(casegraph::document::RECENT_FILES_NAME);
    fs::write(&list, "{\"paths\": [").expect("a damaged list");
    let autosave = data.path().join(casegraph::document::AUTOSAVE_FOLDER);
    fs::create_dir_all(&autosave).expect("the autosave folder");
    fs::write(autosave.join("lost-0123.origin.json"), "not JSON").expect("a damaged note");
    fs::write(autosave.join("lost-0123.case.json"), "{}").expect("its copy");
    let harness = sample_app(ScriptedDialogs::default(), Some(data.path()));
    let Some(Prompt::Report { title, message }) = harness.state().prompt() else {
        panic!("nothing was said: {:?}", harness.state().prompt())
    };
    assert!(title.contains("could not be read"), "{title}");
    assert!(message.contains("recent-files.json") && message.contains("lost-0123.origin.json"), "{message}");
    assert!(harness.query_by_label_contains("lost-0123.origin.json").is_some(), "the report is not on screen");
    assert_eq!(fs::read_to_string(&list).expect("the list"), "{\"paths\": [", "the damaged list was replaced");
}
