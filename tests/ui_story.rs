//! The story in the window: the Story tab adds a step from the view, renames and moves it,
//! each an undoable step; clicking a step shows its view with the rest dimmed; the presenter
//! fills the window and steps through with the keys a clicker sends, and Escape leaves.

use std::time::Duration;

use casegraph::model::{Presence, StepIx};
use casegraph::view::{CaseApp, Content, ScriptedDialogs, Services};
use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

#[path = "common/typing.rs"]
mod typing;
use typing::type_into;

fn sample_app() -> Harness<'static, CaseApp> {
    sample_app_with(ScriptedDialogs::default())
}

fn sample_app_with(dialogs: ScriptedDialogs) -> Harness<'static, CaseApp> {
    let services = Services { dialogs: Box::new(dialogs), data_folder: None };
    let app = CaseApp::new(Content::from_sample()).with_services(services).with_autosave_interval(Duration::ZERO);
    let mut harness =
        Harness::builder().with_size(vec2(1280.0, 1200.0)).with_max_steps(1500).build_eframe(move |_| app);
    harness.run();
    harness.get_by_label("Story").click();
    harness.run();
    harness
}

fn titles(harness: &Harness<'_, CaseApp>) -> Vec<String> {
    let open = harness.state().open_case().expect("a case is open");
    open.document.story().iter().map(|step| step.title.clone()).collect()
}

/// Opens the timeline under the canvas (View → Timeline).
fn open_timeline(harness: &mut Harness<'_, CaseApp>) {
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::T);
    harness.run();
}

fn presence(harness: &Harness<'_, CaseApp>, id: &str) -> Presence {
    let open = harness.state().open_case().expect("a case is open");
    open.presence(open.document.graph().resolve(id).expect("in the sample"))
}

#[test]
fn a_step_added_from_the_view_is_renamed_moved_and_each_change_undone() {
    let mut harness = sample_app();
    let before = titles(&harness);
    harness.state_mut().select_id("p-lee").expect("Lee");
    harness.run();
    harness.get_by_label("+ Add a step from the view").click();
    harness.run();
    let open = harness.state().open_case().expect("open");
    let added = &open.document.story()[before.len()];
    assert_eq!(added.title, format!("Step {}", before.len() + 1));
    assert_eq!(
        added.highlight.iter().map(|id| id.as_str()).collect::<Vec<_>>(),
        ["p-lee"],
        "it highlights the selection"
    );
    assert!(added.camera.is_some(), "it keeps the camera");
    assert_eq!(open.story.shown_step, Some(StepIx::new(before.len())), "the new step is on show");

    type_into(&mut harness, "Title", "Lee goes home");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(titles(&harness).last().map(String::as_str), Some("Lee goes home"));

    let up_buttons = harness.query_all_by_label("↑").count();
    assert_eq!(up_buttons, before.len() + 1);
    harness.query_all_by_label("↑").last().expect("the last step's ↑").click();
    harness.run();
    assert_eq!(titles(&harness)[before.len() - 1], "Lee goes home", "moved up one");

    for expected_last in ["Lee goes home", &format!("Step {}", before.len() + 1)] {
        harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        harness.run();
        assert_eq!(titles(&harness).last().map(String::as_str), Some(expected_last));
    }
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(titles(&harness), before, "undo takes the step away");
}

#[test]
fn clicking_a_step_shows_its_view_with_the_rest_dimmed_and_the_camera_glides_there() {
    let mut harness = sample_app();
    assert_eq!(presence(&harness, "p-kim-jong-un"), Presence::Full);
    let camera_before = harness.state().open_case().expect("open").camera;
    harness.get_by_label("1. Michurin meets “Lee”").click();
    harness.run();
    let open = harness.state().open_case().expect("open");
    assert_eq!(open.story.shown_step, Some(StepIx::new(0)));
    assert!(open.story.glide.is_none(), "the glide is over once the frames have run");
    assert_ne!(open.camera, camera_before, "the camera moved to the step");
    assert_eq!(presence(&harness, "p-igor-michurin"), Presence::Full);
    assert_eq!(presence(&harness, "l-michurin-and-lee"), Presence::Full);
    assert_eq!(presence(&harness, "p-kim-jong-un"), Presence::Dimmed);
    let title = NodeT::accesskit_node(&harness.get_by_label("Title")).value();
    assert_eq!(title.as_deref(), Some("Michurin meets “Lee”"), "the title field holds the step's title");
    harness.get_by_label("Back to the whole case").click();
    harness.run();
    assert_eq!(presence(&harness, "p-kim-jong-un"), Presence::Full);
}

#[test]
fn the_presenter_fills_the_window_steps_with_clicker_keys_and_escape_leaves() {
    let mut harness = sample_app();
    harness.get_by_label("2. Bearings for the embassy").click();
    harness.run();
    harness.key_press(Key::F5);
    harness.run();
    let shown = |harness: &Harness<'_, CaseApp>| harness.state().open_case().expect("open").story.shown_step;
    assert!(harness.state().open_case().expect("open").story.presenting);
    assert!(harness.query_by_label("File").is_none(), "the menu bar gives way to the picture");
    assert!(harness.query_by_label("Step 2 of 8").is_some(), "the step's count over the picture");
    for (key, expected) in [(Key::ArrowRight, 2), (Key::PageDown, 3), (Key::PageUp, 2), (Key::ArrowLeft, 1)] {
        harness.key_press(key);
        harness.run();
        assert_eq!(shown(&harness), Some(StepIx::new(expected)), "{key:?}");
    }
    assert!(harness.query_by_label("Bearings for the embassy").is_some());
    harness.key_press(Key::Escape);
    harness.run();
    assert!(!harness.state().open_case().expect("open").story.presenting);
    assert!(harness.query_by_label("File").is_some(), "the menus are back");
    assert_eq!(shown(&harness), Some(StepIx::new(1)), "the step stays on show after presenting");
    assert_eq!(presence(&harness, "p-kim-jong-un"), Presence::Dimmed);
}

#[test]
fn brushing_the_timeline_dims_or_hides_what_lies_outside_on_the_canvas_and_clear_brings_it_back() {
    let mut harness = sample_app();
    assert!(harness.query_by_label("Period from").is_none(), "the timeline is closed at first");
    open_timeline(&mut harness);
    assert!(harness.query_by_label_contains("17 dated").is_some(), "the timeline counts the dated items");
    type_into(&mut harness, "Period from", "2011");
    type_into(&mut harness, "until", "2011");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(presence(&harness, "l-michurin-and-lee"), Presence::Full, "2011 is inside");
    assert_eq!(presence(&harness, "t-foundation-contribution"), Presence::Dimmed, "2013 is outside");
    assert_eq!(presence(&harness, "l-ofac-sanctions-michurin"), Presence::Dimmed, "2017 is outside");
    assert_eq!(presence(&harness, "p-lee"), Presence::Full, "an undated node is not outside");
    harness.get_by_label("Hide the rest").click();
    harness.run();
    assert_eq!(presence(&harness, "t-foundation-contribution"), Presence::Hidden);
    assert_eq!(presence(&harness, "l-contribution-to-foundation"), Presence::Hidden, "its links go with it");
    harness.get_by_label("Clear").click();
    harness.run();
    assert_eq!(presence(&harness, "t-foundation-contribution"), Presence::Full);
}

#[test]
fn dragging_across_the_timeline_brushes_a_period() {
    let mut harness = sample_app();
    open_timeline(&mut harness);
    let bar = harness.get_by_label("Timeline").rect();
    // From the left of the axis to its middle: the earlier years.
    let (y, left, middle) = (bar.bottom() + 60.0, 30.0, 420.0);
    harness.input_mut().events.push(egui::Event::PointerMoved(egui::pos2(left, y)));
    harness.run();
    harness.input_mut().events.push(egui::Event::PointerButton {
        pos: egui::pos2(left, y),
        button: egui::PointerButton::Primary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    for x in [100.0, 200.0, 300.0, middle] {
        harness.input_mut().events.push(egui::Event::PointerMoved(egui::pos2(x, y)));
        harness.run();
    }
    harness.input_mut().events.push(egui::Event::PointerButton {
        pos: egui::pos2(middle, y),
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    harness.run();
    let brush = harness.state().open_case().expect("open").story.brush.expect("a period was brushed");
    assert!(brush.length_days() > 365, "{brush:?}");
    assert_eq!(presence(&harness, "l-ofac-sanctions-michurin"), Presence::Dimmed, "2017 lies past the middle");
}

#[test]
fn a_step_updated_from_the_view_takes_the_brushed_period_and_can_leave_the_selection_out() {
    let mut harness = sample_app();
    harness.get_by_label("3. A donation to the Kim foundation").click();
    harness.run();
    harness.state_mut().select_id("p-kim-jong-un").expect("Kim Jong Un");
    harness.run();
    harness.get_by_label("Leave the selection out").click();
    harness.run();
    assert_eq!(presence(&harness, "p-kim-jong-un"), Presence::Hidden, "left out of the step");
    open_timeline(&mut harness);
    type_into(&mut harness, "Period from", "2013-01");
    type_into(&mut harness, "until", "2013-12");
    harness.key_press(Key::Enter);
    harness.run();
    harness.get_by_label("Update from the view").click();
    harness.run();
    let open = harness.state().open_case().expect("open");
    let step = &open.document.story()[2];
    let period = step.period.expect("the brushed period");
    assert_eq!((period.from.to_string(), period.to.to_string()), ("2013-01-01".to_owned(), "2013-12-31".to_owned()));
    assert_eq!(step.hidden.iter().map(|id| id.as_str()).collect::<Vec<_>>(), ["p-kim-jong-un"]);
    assert!(step.camera.is_some());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    let open = harness.state().open_case().expect("open");
    assert_eq!(open.document.story()[2].period.map(|period| period.from.to_string()).as_deref(), Some("2013"));
}

#[test]
fn file_export_story_writes_a_pdf_of_a_page_per_step() {
    let folder = tempfile::tempdir().expect("a folder");
    let path = folder.path().join("story.pdf");
    let dialogs = ScriptedDialogs { to_export_story: [path.clone()].into(), ..ScriptedDialogs::default() };
    let mut harness = sample_app_with(dialogs);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export story…").click();
    harness.run();
    let pdf = lopdf::Document::load(&path).expect("a PDF was written");
    assert_eq!(pdf.get_pages().len(), 8);
    assert!(harness.state().prompt().is_none(), "no report of a failure");
}

#[test]
fn file_export_story_as_svg_writes_a_numbered_drawing_per_step_beside_the_name_chosen() {
    let folder = tempfile::tempdir().expect("a folder");
    let dialogs =
        ScriptedDialogs { to_export_story: [folder.path().join("story.svg")].into(), ..ScriptedDialogs::default() };
    let mut harness = sample_app_with(dialogs);
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label("Export story…").click();
    harness.run();
    let mut names: Vec<String> = std::fs::read_dir(folder.path())
        .expect("the folder")
        .map(|entry| entry.expect("an entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(names.len(), 8, "{names:?}");
    assert_eq!(names[0], "story-01-michurin-meets-lee.svg");
}

#[test]
fn dragging_a_step_by_its_handle_moves_it_and_undo_puts_it_back() {
    let mut harness = sample_app();
    let before = titles(&harness);
    let handles: Vec<egui::Rect> = harness.query_all_by_label("⠿").map(|handle| handle.rect()).collect();
    assert_eq!(handles.len(), before.len(), "a handle per step");
    let (from, to) = (handles[before.len() - 1].center(), handles[0].center());
    let press = |pos: egui::Pos2, pressed: bool| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::NONE,
    };
    harness.input_mut().events.push(egui::Event::PointerMoved(from));
    harness.run();
    harness.input_mut().events.push(press(from, true));
    harness.run();
    for step in 1..=8 {
        let at = from + (to - from) * (step as f32 / 8.0);
        harness.input_mut().events.push(egui::Event::PointerMoved(at));
        harness.run();
    }
    harness.input_mut().events.push(press(to, false));
    harness.run();
    let after = titles(&harness);
    assert_eq!(after[0], before[before.len() - 1], "the last step is now the first");
    assert_eq!(after[1..], before[..before.len() - 1]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(titles(&harness), before);
}
