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

#[test]
fn delete_takes_a_node_and_its_links_and_asks_about_the_quotes_left_with_nothing() {
    let mut harness = sample_app();
    harness.state_mut().select_id("p-lee").expect("Lee is in the sample");
    harness.run();
    let case = |harness: &Harness<'_, CaseApp>| harness.state().open_case().expect("open").document.case().clone();
    let before = case(&harness);
    harness.key_press(Key::Delete);
    harness.run();
    assert!(harness.query_by_label_contains("Delete “Lee” and its").is_some(), "no question about the quotes");
    assert!(
        harness.query_by_label_contains("would then support nothing").is_some(),
        "the quotes left with nothing are not listed"
    );
    harness.get_by_label("Keep the quotes").click();
    harness.run();
    let after = case(&harness);
    assert!(after.nodes.iter().all(|node| node.id.as_str() != "p-lee"), "Lee is still there");
    assert!(after.links.iter().all(|l| l.source.as_str() != "p-lee" && l.target.as_str() != "p-lee"), "a link stays");
    assert_eq!(after.quotes.len(), before.quotes.len(), "a quote was deleted though kept");
    assert!(after.quotes.iter().any(|quote| quote.supports.is_empty()), "no quote is left supporting nothing");
    assert_eq!(selected_label(&harness), None);

    harness.key_press_modifiers(egui::Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(case(&harness), before, "undo does not bring everything back");
    harness.state_mut().select_id("p-lee").expect("Lee is back");
    harness.run();
    harness.key_press(Key::Delete);
    harness.run();
    harness.get_by_label("Delete the quotes too").click();
    harness.run();
    let after = case(&harness);
    assert!(after.quotes.len() < before.quotes.len(), "the quotes were kept");
    assert!(after.quotes.iter().all(|quote| !quote.supports.is_empty()), "a quote supports nothing");
}

#[test]
fn an_alt_drag_from_a_node_onto_another_opens_the_link_form_between_them() {
    let mut harness = sample_app();
    harness.run_steps(200);
    let open = harness.state().open_case().expect("open");
    let node = |id: &str| open.document.graph().node_index(id).expect("in the sample");
    let at = |id: &str| casegraph::view::canvas::node_screen_position(open, node(id)).expect("on screen");
    let (from, to) = (at("p-kim-ju-hyok"), at("c-ardis-bearings"));
    let before = open.document.layout().position(node("p-kim-ju-hyok"));
    harness.event(egui::Event::ModifiersChanged(egui::Modifiers::ALT));
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    for step in 1..=10 {
        harness.hover_at(from + (to - from) * (step as f32 / 10.0));
        harness.run();
    }
    let release = egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::ALT,
    };
    harness.event(release);
    harness.run();
    harness.event(egui::Event::ModifiersChanged(egui::Modifiers::NONE));
    harness.run();
    assert!(harness.query_by_label("New link").is_some(), "the link form does not open");
    assert_eq!(harness.get_by_label("From").value().as_deref(), Some("Kim Ju Hyok"));
    assert_eq!(harness.get_by_label("To").value().as_deref(), Some("Ardis-Bearings"));
    let open = harness.state().open_case().expect("open");
    let after = open.document.layout().position(open.document.graph().node_index("p-kim-ju-hyok").expect("there"));
    assert_eq!(before, after, "drawing a link moved the node");
}
