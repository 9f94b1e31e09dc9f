//! Editing what is in the case from the side panel, in the real app driven through AccessKit:
//! F2 or Enter opens the selected item's fields there, Save makes one undoable step, and a
//! quote edited by hand is flagged at once, with the closest passage offered.

use std::time::Duration;

use casegraph::model::Case;
use casegraph::view::{CaseApp, Content, ScriptedDialogs, Services};
use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};

#[path = "common/typing.rs"]
mod typing;
use typing::type_into;

fn sample_app() -> Harness<'static, CaseApp> {
    let services = Services { dialogs: Box::new(ScriptedDialogs::default()), data_folder: None };
    let app = CaseApp::new(Content::from_sample()).with_services(services).with_autosave_interval(Duration::ZERO);
    let mut harness = Harness::builder().with_size(vec2(1280.0, 800.0)).with_max_steps(1500).build_eframe(move |_| app);
    harness.run();
    harness
}

fn case(harness: &Harness<'_, CaseApp>) -> Case {
    harness.state().open_case().expect("a case is open").document.case().clone()
}

fn select(harness: &mut Harness<'_, CaseApp>, id: &str) {
    harness.state_mut().select_id(id).unwrap_or_else(|error| panic!("{id}: {error:?}"));
    harness.run();
}

#[test]
fn f2_edits_the_selected_node_in_the_side_panel_as_one_step() {
    let mut harness = sample_app();
    let before = case(&harness);
    select(&mut harness, "c-ardis-bearings");
    harness.key_press(Key::F2);
    harness.run();
    assert!(harness.query_by_label("Edit the node").is_some(), "F2 does not open the editor");
    type_into(&mut harness, "Label", "Ardis-Bearings LLC");
    type_into(&mut harness, "Countries (codes such as ru, kp)", "ru");
    harness.get_by_label("Save").click();
    harness.run();
    assert!(harness.query_by_label("Edit the node").is_none(), "the editor stays open");
    let after = case(&harness);
    let ardis = after.nodes.iter().find(|node| node.id.as_str() == "c-ardis-bearings").expect("the id is kept");
    assert_eq!(ardis.label, "Ardis-Bearings LLC");
    assert_eq!(ardis.countries.iter().map(|c| c.as_str()).collect::<Vec<_>>(), ["ru"]);
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(case(&harness), before, "one undo does not take the edit back");
}

#[test]
fn enter_edits_the_selected_link_and_a_bad_date_is_refused_with_the_reason() {
    let mut harness = sample_app();
    select(&mut harness, "l-michurin-and-lee");
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.query_by_label("Edit the link").is_some(), "Enter does not open the editor");
    type_into(&mut harness, "Start date", "2011-13");
    harness.get_by_label("Save").click();
    harness.run();
    assert!(harness.query_by_label_contains("The start date:").is_some(), "the bad date is not explained");
    let link = |case: &Case| case.links.iter().find(|l| l.id.as_str() == "l-michurin-and-lee").cloned().expect("kept");
    assert_eq!(link(&case(&harness)).start_date.map(|d| d.to_string()).as_deref(), Some("2011"), "half-applied");
    type_into(&mut harness, "Start date", "2011-06");
    type_into(&mut harness, "Role, in the source's words (trade representative, friends)", "friends");
    harness.get_by_label("Save").click();
    harness.run();
    let edited = link(&case(&harness));
    assert_eq!(edited.start_date.map(|d| d.to_string()).as_deref(), Some("2011-06"));
    assert_eq!(edited.role.as_deref(), Some("friends"));
}

#[test]
fn a_quote_edited_by_hand_is_flagged_at_once_with_the_closest_passage() {
    let mut harness = sample_app();
    select(&mut harness, "p-igor-michurin");
    let open = harness.state().open_case().expect("open");
    let node = open.document.graph().node_index("p-igor-michurin").expect("Michurin");
    let first_card = open.document.graph().evidence_for_node(node)[0];
    let original = open.document.case().quotes[first_card].clone();
    harness.get_all_by_label("Edit quote").next().expect("an Edit quote button").click();
    harness.run();
    assert!(harness.query_by_label("Edit the quote").is_some(), "the quote editor does not open");
    let shown = harness.get_by_label("Words, exactly as the source has them").value();
    assert_eq!(shown.as_deref(), Some(original.text.as_str()), "the editor is not on the quote clicked");
    assert!(harness.query_by_label_contains("Word for word in the source").is_some(), "the quote is not checked");
    let edited = original.text.replacen(' ', " really ", 1);
    type_into(&mut harness, "Words, exactly as the source has them", &edited);
    assert!(harness.query_by_label_contains("Not word for word").is_some(), "the changed words are not flagged");
    assert!(harness.query_by_label_contains("Closest passage:").is_some(), "no passage is offered");
    harness.get_by_label("Use the closest passage").click();
    harness.run();
    assert!(
        harness.query_by_label_contains("Word for word in the source").is_some(),
        "the passage offered is not in it"
    );
    harness.get_by_label("Save").click();
    harness.run();
    let saved = &case(&harness).quotes[first_card];
    assert_eq!(saved.id, original.id);
    assert_eq!(saved.text, original.text, "the closest passage is the quote as it was");
}

#[test]
fn another_node_merged_into_the_selected_one_brings_its_links_and_name_and_stays_selected() {
    let mut harness = sample_app();
    select(&mut harness, "c-ardis-bearings");
    harness.key_press(Key::N);
    harness.run();
    harness.get(By::new().label("Company").role(egui::accesskit::Role::RadioButton)).click();
    harness.run();
    type_into(&mut harness, "Label", "Ardis Bearings Ltd");
    harness.get_by_label("Add node").click();
    harness.run();
    let twin = case(&harness).nodes.last().expect("the twin").id.clone();
    assert_eq!(twin.as_str(), "c-ardis-bearings-ltd");

    select(&mut harness, "c-ardis-bearings");
    harness.get_by_label("Merge…").click();
    harness.run();
    assert!(harness.query_by_label("Merge a node into this one").is_some(), "the merge form does not open");
    harness.get_by_label("Node to merge").type_text("Ardis Bearings Ltd");
    harness.run();
    harness.get_by_label("Ardis Bearings Ltd (Company)").click();
    harness.run();
    harness.get_by_label("Merge").click();
    harness.run();
    let merged = case(&harness);
    assert!(merged.nodes.iter().all(|node| node.id != twin), "the merged node is still there");
    let ardis = merged.nodes.iter().find(|node| node.id.as_str() == "c-ardis-bearings").expect("kept");
    assert!(ardis.aliases.iter().any(|alias| alias == "Ardis Bearings Ltd"), "{:?}", ardis.aliases);
    let open = harness.state().open_case().expect("open");
    let selected = match open.selection {
        Some(casegraph::view::Selection::Node(node)) => open.document.case().nodes[node].id.as_str(),
        other => panic!("{other:?}"),
    };
    assert_eq!(selected, "c-ardis-bearings", "the node merged into is no longer the one selected");
}

/// Where on screen the reader shows `words`: a point inside their first letter; `None` when
/// they are not on one of its lines in view.
fn find_in_reader(harness: &Harness<'_, CaseApp>, words: &str) -> Option<egui::Pos2> {
    use egui_kittest::kittest::NodeT;
    for run in harness.query_all(By::new().role(egui::accesskit::Role::TextRun)) {
        let node = run.accesskit_node();
        let Some(value) = node.data().value() else { continue };
        let Some(byte) = value.find(words) else { continue };
        let index = value[..byte].chars().count();
        let offset = node.data().character_positions().map_or(0.0, |positions| positions[index]);
        let rect = run.rect();
        return Some(egui::pos2(rect.left() + offset + 2.0, rect.center().y)).filter(|at| at.y < 800.0);
    }
    None
}

fn reader_position_of(harness: &Harness<'_, CaseApp>, words: &str) -> egui::Pos2 {
    find_in_reader(harness, words).unwrap_or_else(|| panic!("the reader does not show “{words}”"))
}

#[test]
fn a_quote_marked_in_the_reader_names_what_it_supports_and_a_click_selects_it() {
    let mut harness = sample_app();
    harness.get_by_label("Sources (2)").click();
    harness.run();
    let words = "On a shelf in a cramped office";
    let quoted = case(&harness).quotes.into_iter().find(|quote| quote.text.contains(words)).expect("a quote");
    let supported = quoted.supports[0].clone();
    let at = reader_position_of(&harness, words);
    harness.hover_at(at);
    harness.run();
    assert!(harness.query_by_label("This quote supports:").is_some(), "hovering a quote does not say what it backs");
    for pressed in [true, false] {
        harness.event(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    harness.run();
    let open = harness.state().open_case().expect("open");
    let selected = match open.selection {
        Some(casegraph::view::Selection::Node(node)) => open.document.case().nodes[node].id.clone(),
        Some(casegraph::view::Selection::Link(link)) => open.document.case().links[link].id.clone(),
        None => panic!("clicking the quote selected nothing"),
    };
    assert_eq!(selected, supported);
}

#[test]
fn selecting_on_the_canvas_brings_the_quotes_into_the_reader() {
    let mut harness = sample_app();
    harness.get_by_label("Sources (2)").click();
    harness.run();
    let words = "an airship";
    let quoted = case(&harness).quotes.into_iter().find(|quote| quote.text.contains(words)).expect("a quote");
    assert_eq!(find_in_reader(&harness, words), None, "the quote is in view already: nothing to show");
    select(&mut harness, quoted.supports[0].as_str());
    let y = reader_position_of(&harness, words).y;
    assert!((40.0..800.0).contains(&y), "the reader did not bring the quote into view (at y = {y})");
}

#[test]
fn a_quote_is_graded_in_the_side_panel_and_its_claim_shows_the_grade() {
    let mut harness = sample_app();
    select(&mut harness, "p-kim-ju-hyok");
    let open = harness.state().open_case().expect("open");
    let node = open.document.graph().node_index("p-kim-ju-hyok").expect("Kim Ju Hyok");
    let quote = open.document.graph().evidence_for_node(node)[0];
    assert!(harness.query_by_label_contains("Backed by 1 independent source · best grades B3").is_some());
    harness.get_by_label("Edit quote").click();
    harness.run();
    harness.get_by_label("Credibility").click();
    harness.run();
    harness.get_by_label("5 — improbable").click();
    harness.run();
    harness.get_by_label("How the quote frames it").click();
    harness.run();
    harness.get_by_label("alleges").click();
    harness.run();
    harness.get_by_label("Save").click();
    harness.run();
    let graded = &case(&harness).quotes[quote];
    assert_eq!(graded.credibility.map(|grade| grade.as_str()), Some("5"));
    assert_eq!(graded.stance.map(|stance| stance.as_str()), Some("alleges"));
    assert!(
        harness.query_by_label_contains("B5: usually reliable source; improbable; alleges").is_some(),
        "the quote card shows the new grade"
    );
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(case(&harness).quotes[quote].credibility.map(|grade| grade.as_str()), Some("3"), "one undo step");
}
