//! Nodes made in the real app, driven through AccessKit: N opens the form, existing names are
//! offered first and other spellings flagged, Enter adds the node beside the selection, and
//! undo takes it back.

use std::time::Duration;

use casegraph::view::command::Selection;
use casegraph::view::{CaseApp, Content, ScriptedDialogs, Services};
use egui::{Key, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};

fn sample_app() -> Harness<'static, CaseApp> {
    let services = Services { dialogs: Box::new(ScriptedDialogs::default()), data_folder: None };
    let app = CaseApp::new(Content::from_sample()).with_services(services).with_autosave_interval(Duration::ZERO);
    let mut harness = Harness::builder().with_size(vec2(1280.0, 800.0)).with_max_steps(1500).build_eframe(move |_| app);
    harness.run();
    harness
}

fn selected_label(harness: &Harness<'_, CaseApp>) -> Option<String> {
    let open = harness.state().open_case()?;
    match open.selection? {
        Selection::Node(node) => Some(open.document.case().nodes[node].label.clone()),
        Selection::Link(_) => None,
    }
}

#[test]
fn another_spelling_of_an_existing_name_is_flagged_and_offered() {
    let mut harness = sample_app();
    harness.key_press(Key::N);
    harness.run();
    assert!(harness.query_by_label("New node").is_some(), "N does not open the form");
    harness.get_by_label("Label").type_text("Мичурин");
    harness.run();
    assert!(harness.query_by_label_contains("This may be").is_none(), "a part of a name is no duplicate");
    harness.get_by_label("Use Igor Michurin (Person)").click();
    harness.run();
    assert_eq!(selected_label(&harness).as_deref(), Some("Igor Michurin"));
    assert!(harness.query_by_label("New node").is_none(), "the form stays open");
    assert_eq!(harness.state().open_case().expect("open").document.case().nodes.len(), 48, "a node was added");

    harness.key_press(Key::N);
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(harness.query_by_label("New node").is_none(), "Escape does not close the form");
    harness.key_press(Key::N);
    harness.run();
    harness.get_by_label("Label").type_text("Игорь Мичурин");
    harness.run();
    assert!(harness.query_by_label_contains("This may be Igor Michurin already").is_some(), "not flagged");
}

#[test]
fn enter_adds_the_node_beside_the_selection_and_undo_takes_it_back() {
    let mut harness = sample_app();
    harness.get_by_label("Ardis-Bearings").click();
    harness.run();
    let open = harness.state().open_case().expect("open");
    let ardis = open.document.graph().node_index("c-ardis-bearings").expect("in the sample");
    let beside = open.document.layout().position(ardis);
    harness.key_press(Key::N);
    harness.run();
    harness.get(By::new().label("Company").role(egui::accesskit::Role::RadioButton)).click();
    harness.run();
    harness.get_by_label("Label").click();
    harness.run();
    harness.get_by_label("Start date (YYYY, YYYY-MM or YYYY-MM-DD)").click();
    harness.run();
    harness.get_by_label("Start date (YYYY, YYYY-MM or YYYY-MM-DD)").type_text("2011");
    harness.run();
    harness.get_by_label("Label").click();
    harness.run();
    harness.get_by_label("Label").type_text("Ardis Trading House");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    let open = harness.state().open_case().expect("open");
    let added = open.document.case().nodes.last().expect("a node");
    assert_eq!((added.id.as_str(), added.label.as_str()), ("c-ardis-trading-house", "Ardis Trading House"));
    assert_eq!(added.start_date.map(|date| date.to_string()).as_deref(), Some("2011"));
    assert_eq!(selected_label(&harness).as_deref(), Some("Ardis Trading House"), "the new node is selected");
    let at = open.document.layout().position(open.document.last_node().expect("a node"));
    assert!((at[0] - beside[0]).abs() < 200.0 && (at[1] - beside[1]).abs() < 200.0, "{at:?} far from {beside:?}");
    assert!(open.is_unsupported_node(open.document.last_node().expect("a node")), "no quote yet: the red !");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(harness.state().open_case().expect("open").document.case().nodes.len(), 48);
    assert_eq!(selected_label(&harness), None, "the selection of a node that is gone is dropped");
}
