//! File → Import… and File → Export as… in the real app, driven through AccessKit: the
//! preview says what the file gives before anything changes, Import joins it as one undo
//! step, Cancel changes nothing, and Export as writes the case as the window shows it.

use std::path::PathBuf;
use std::time::Duration;

use casegraph::view::{CaseApp, Content, ScriptedDialogs, Services};
use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

fn sample_app(dialogs: ScriptedDialogs) -> Harness<'static, CaseApp> {
    let services = Services { dialogs: Box::new(dialogs), data_folder: None };
    let app = CaseApp::new(Content::from_sample()).with_services(services).with_autosave_interval(Duration::ZERO);
    let mut harness = Harness::builder().with_size(vec2(1280.0, 800.0)).with_max_steps(1500).build_eframe(move |_| app);
    harness.run();
    harness
}

fn menu(harness: &mut Harness<'_, CaseApp>, item: &str) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
}

fn node_count(harness: &Harness<'_, CaseApp>) -> usize {
    harness.state().open_case().expect("a case is open").document.case().nodes.len()
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from("tests/fixtures/exchange").join(name)
}

#[test]
fn an_import_is_previewed_then_joined_as_one_undo_step() {
    let dialogs =
        ScriptedDialogs { to_import: [fixture("written-by-followthemoney.ftm")].into(), ..Default::default() };
    let mut harness = sample_app(dialogs);
    let before = node_count(&harness);
    menu(&mut harness, "Import…");
    assert_eq!(node_count(&harness), before, "nothing changes before the analyst says so");
    // The Office of Foreign Assets Control is in the sample already, by the same name.
    harness.get_by_label_contains("Adds 5 nodes, 5 links, 1 source and 1 quote; 1 item already in the case");
    harness.get_by_label("schema Vessel: 1");
    harness.get_by_label("property Person.birthPlace: 1");
    assert!(
        harness.query_all_by_label_contains("`NK-nobody` names no imported node").next().is_some(),
        "failed records are listed"
    );
    harness.get_by_label("Import").click();
    harness.run();
    assert_eq!(node_count(&harness), before + 5);
    let open = harness.state().open_case().expect("open");
    assert!(open.document.case().node("NK-ardis").is_some_and(|node| node.origin.is_some()));
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(node_count(&harness), before, "one undo takes the whole import back");
}

#[test]
fn a_spreadsheet_preview_shows_how_each_column_maps_and_cancel_changes_nothing() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(
        folder.path().join("entities.csv"),
        "Name;Type;Colour\nKim Su Il;person;red\nIgor Michurin;person;blue\n",
    )
    .expect("written");
    let dialogs = ScriptedDialogs { to_import: [folder.path().join("entities.csv")].into(), ..Default::default() };
    let mut harness = sample_app(dialogs);
    let before = node_count(&harness);
    menu(&mut harness, "Import…");
    harness.get_by_label_contains("entities.csv: 2 rows (");
    harness.get_by_label_contains("fields split by ';'");
    harness.get_by_label("Colour");
    harness.get_by_label("not imported");
    harness.get_by_label(
        "Adds 1 node, 0 links, 0 sources and 0 quotes; 1 item already in the case (0 of them told more).",
    );
    harness.get_by_label("Cancel").click();
    harness.run();
    assert_eq!(node_count(&harness), before);
    assert!(harness.query_by_label("Import").is_none(), "the preview closed");
}

#[test]
fn export_as_writes_the_case_in_the_format_its_name_says() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let target = folder.path().join("sample.graphml");
    let dialogs = ScriptedDialogs { to_export_as: [target.clone()].into(), ..Default::default() };
    let mut harness = sample_app(dialogs);
    menu(&mut harness, "Export as…");
    let written = std::fs::read_to_string(&target).expect("the file was written");
    let read = casegraph::exchange::read_graphml(written.as_bytes(), "sample.graphml").expect("it reads back").case;
    assert_eq!(read.nodes.len(), node_count(&harness));
    assert_eq!(read.layout.positions.len(), read.nodes.len(), "every node where the window shows it");
}

#[test]
fn a_case_changed_under_the_open_preview_is_planned_again_before_joining() {
    use casegraph::document::{FactEdit, OrphanQuotes};
    let dialogs =
        ScriptedDialogs { to_import: [fixture("written-by-followthemoney.ftm")].into(), ..Default::default() };
    let mut harness = sample_app(dialogs);
    let before = node_count(&harness);
    menu(&mut harness, "Import…");
    // The Office of Foreign Assets Control, which the import matches, goes while the preview is open.
    let open = harness.state_mut().open_case_mut().expect("open");
    let ofac = open.document.case().nodes.iter().position(|node| node.label == "Office of Foreign Assets Control");
    let delete = FactEdit::DeleteNode(casegraph::model::NodeIx::new(ofac.expect("in the sample")), OrphanQuotes::Keep);
    open.document.edit_facts(delete).expect("deleted");
    harness.get_by_label("Import").click();
    harness.run();
    let case = &harness.state().open_case().expect("open").document.case().clone();
    assert_eq!(case.nodes.len(), before - 1 + 6, "the office comes back from the file, and nothing else moves");
    assert!(case.nodes.iter().any(|node| node.label == "Office of Foreign Assets Control" && node.origin.is_some()));
}
