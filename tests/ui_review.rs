//! The review in the window: View → Review lists the claims at risk, worst first, and selects
//! one when clicked; the side panel marks the selected claim reviewed as one undoable step, and
//! the mark lapses when the claim changes.

use std::time::Duration;

use casegraph::model::Case;
use casegraph::view::command::Selection;
use casegraph::view::{CaseApp, Content, ScriptedDialogs, Services};
use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

#[path = "common/typing.rs"]
mod typing;
use typing::type_into;

fn sample_app() -> Harness<'static, CaseApp> {
    let services = Services { dialogs: Box::new(ScriptedDialogs::default()), data_folder: None };
    let app = CaseApp::new(Content::from_sample()).with_services(services).with_autosave_interval(Duration::ZERO);
    let mut harness =
        Harness::builder().with_size(vec2(1280.0, 1600.0)).with_max_steps(1500).build_eframe(move |_| app);
    harness.run();
    harness
}

fn case(harness: &Harness<'_, CaseApp>) -> Case {
    harness.state().open_case().expect("a case is open").document.case().clone()
}

#[test]
fn the_review_lists_claims_at_risk_worst_first_and_a_click_selects_one() {
    let mut harness = sample_app();
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::R);
    harness.run();
    assert!(harness.query_by_label_contains("Review: 90 claims at risk, 0 blocked").is_some(), "the review window");
    let first = "Office of Foreign Assets Control — sanctions list → Igor Michurin, 2017-06-01";
    harness.get_by_label(first).click();
    harness.run();
    let open = harness.state().open_case().expect("open");
    let link = open.document.graph().resolve("l-ofac-sanctions-michurin").expect("the link");
    assert_eq!(open.selection.map(Selection::item), Some(link), "the entry selects its claim");
    assert!(harness.query_by_label("Review: denial on record, single source").is_some(), "the side panel says why");
}

#[test]
fn a_claim_marked_reviewed_is_one_step_and_the_mark_lapses_when_the_claim_changes() {
    let mut harness = sample_app();
    harness.state_mut().select_id("l-michurin-owns-ardis").expect("the link");
    harness.run();
    let button = harness.get_by_label("Mark reviewed");
    assert!(NodeT::accesskit_node(&button).is_disabled(), "a mark needs a reviewer");
    type_into(&mut harness, "Reviewer", "Legal desk");
    type_into(&mut harness, "Note", "Reuters saw the company records");
    harness.get_by_label("Mark reviewed").click();
    harness.run();
    let reviews = case(&harness).reviews;
    assert_eq!(reviews.len(), 1);
    assert_eq!((reviews[0].item.as_str(), reviews[0].by.as_str()), ("l-michurin-owns-ardis", "Legal desk"));
    assert!(harness.query_by_label("✔ Reviewed by Legal desk: Reuters saw the company records").is_some());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(case(&harness).reviews.is_empty(), "undo takes the mark away");
    harness.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    harness.run();
    assert_eq!(case(&harness).reviews.len(), 1, "redo puts it back");
    harness.key_press(Key::F2);
    harness.run();
    type_into(&mut harness, "Role, in the source's words (trade representative, friends)", "main shareholder");
    harness.get_by_label("Save").click();
    harness.run();
    assert!(
        harness.query_by_label_contains("Reviewed by Legal desk, but it has changed since").is_some(),
        "an edited claim's mark lapses"
    );
}
