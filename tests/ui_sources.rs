//! Sources into the open case, in the real app driven through AccessKit: a chosen web page
//! read into the metadata form and added as one undoable step, pasted text, and a scan refused
//! with a reason.

use std::fs;
use std::path::Path;
use std::time::Duration;

use casegraph::view::prompt::Prompt;
use casegraph::view::{CaseApp, Content, ScriptedDialogs, Services};
use egui::vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use sample_on_disk::sample_on_disk;

#[path = "common/pdf.rs"]
#[expect(dead_code, reason = "only the scan is needed here")]
mod pdf;
#[path = "common/sample_on_disk.rs"]
mod sample_on_disk;

const NEWS_PAGE: &str = "tests/fixtures/sources/news-page.html";

fn app(case: &Path, dialogs: ScriptedDialogs) -> Harness<'static, CaseApp> {
    let services = Services { dialogs: Box::new(dialogs), data_folder: None };
    let app = CaseApp::new(Content::from_file(case)).with_services(services).with_autosave_interval(Duration::ZERO);
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

fn type_into(harness: &mut Harness<'_, CaseApp>, field: &str, text: &str) {
    harness.get_by_label(field).click();
    harness.run();
    harness.get_by_label(field).type_text(text);
    harness.run();
}

fn source_count(harness: &Harness<'_, CaseApp>) -> usize {
    harness.state().open_case().expect("a case is open").document.case().sources.len()
}

#[test]
fn a_chosen_web_page_is_read_into_the_form_and_added_as_one_step() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let case = sample_on_disk(folder.path());
    let page = Path::new(env!("CARGO_MANIFEST_DIR")).join(NEWS_PAGE);
    let dialogs = ScriptedDialogs { to_add_as_sources: [vec![page]].into(), ..Default::default() };
    let mut harness = app(&case, dialogs);
    let before = source_count(&harness);
    menu(&mut harness, "Add sources…");
    assert!(harness.query_by_label("Add a source").is_some(), "the form is not shown");
    assert!(harness.query_by_label_contains("web page · 407 words").is_some(), "what was read is not shown");
    let field = |harness: &Harness<'_, CaseApp>, name: &str| harness.get_by_label(name).value().unwrap_or_default();
    assert_eq!(field(&harness, "Title"), "Kim Jong Un's art of the deal - make friends for spare parts");
    assert_eq!(field(&harness, "Publisher"), "Reuters", "the publisher is not prefilled");
    assert_eq!(harness.query_all_by_label("from the file").count(), 5, "prefilled fields are not marked");
    // The title has the keyboard: Enter adds the source, no mouse needed.
    harness.key_press(egui::Key::Enter);
    harness.run();
    let open = harness.state().open_case().expect("a case is open");
    assert_eq!(source_count(&harness), before + 1);
    let added = open.document.case().sources.last().expect("the new source");
    assert_eq!(added.id.as_str(), "s-reuters-2018-2", "the sample has s-reuters-2018 already");
    let document = added.document.as_deref().expect("a document");
    assert!(folder.path().join(document).is_file(), "the text was not stored");
    assert!(folder.path().join(added.original.as_deref().expect("the original")).is_file());
    assert!(harness.state().window_title().starts_with('●'), "{}", harness.state().window_title());
    assert!(harness.query_by_label_contains("407 words").is_none(), "the form stays open");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(source_count(&harness), before, "undo takes the source back");
}

#[test]
fn pasted_text_needs_a_title_and_publisher_and_then_becomes_a_source() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let case = sample_on_disk(folder.path());
    let mut harness = app(&case, ScriptedDialogs::default());
    let before = source_count(&harness);
    menu(&mut harness, "Paste text as a source…");
    harness.get_by_label("Add source").click();
    harness.run();
    assert!(harness.query_by_label_contains("Pasted text: the file is empty").is_some(), "no reason given");
    type_into(&mut harness, "Pasted text", "Mos Film Street, southwest of Moscow, Russia, Wednesday afternoon.");
    harness.run();
    harness.get_by_label("Add source").click();
    harness.run();
    assert!(harness.query_by_label("Give the source's title.").is_some(), "a missing title is not named");
    type_into(&mut harness, "Title", "Notes from Mosfilmovskaya");
    type_into(&mut harness, "Publisher", "Dong-A Ilbo");
    harness.run();
    harness.get_by_label("Add source").click();
    harness.run();
    assert_eq!(source_count(&harness), before + 1);
    let open = harness.state().open_case().expect("a case is open");
    let added = open.document.case().sources.last().expect("the new source");
    assert_eq!((added.title.as_str(), added.publisher.as_str()), ("Notes from Mosfilmovskaya", "Dong-A Ilbo"));
    assert!(added.original.is_none(), "pasted text has no original");
    let text = fs::read_to_string(folder.path().join(added.document.as_deref().expect("a document"))).expect("stored");
    assert_eq!(text, "Mos Film Street, southwest of Moscow, Russia, Wednesday afternoon.");
}

#[test]
fn a_scan_is_refused_with_what_to_do() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let case = sample_on_disk(folder.path());
    let scan = folder.path().join("filing.pdf");
    fs::write(&scan, pdf::scanned_pdf(2)).expect("written");
    let dialogs = ScriptedDialogs { to_add_as_sources: [vec![scan]].into(), ..Default::default() };
    let mut harness = app(&case, dialogs);
    let sources_before = fs::read_dir(folder.path().join("sources")).expect("a folder").count();
    menu(&mut harness, "Add sources…");
    match harness.state().prompt() {
        Some(Prompt::Report { message, .. }) => {
            assert!(message.contains("it is a scan") && message.contains("OCR"), "{message}");
        }
        other => panic!("no report: {other:?}"),
    }
    assert!(harness.query_by_label("Add a source").is_none(), "the form opened for a scan");
    assert_eq!(fs::read_dir(folder.path().join("sources")).expect("a folder").count(), sources_before);
}

#[test]
fn a_new_case_is_started_where_the_analyst_chooses_and_takes_the_reuters_text() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let target = folder.path().join("bearings.case.json");
    let reuters = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("sample_cases/sources/reuters-2018-06-06-kim-jong-un-art-of-the-deal.txt");
    let dialogs = ScriptedDialogs {
        to_save: [target.clone()].into(),
        to_add_as_sources: [vec![reuters.clone()]].into(),
        ..Default::default()
    };
    let services = Services { dialogs: Box::new(dialogs), data_folder: None };
    let app = CaseApp::new(Content::from_sample()).with_services(services).with_autosave_interval(Duration::ZERO);
    let mut harness = Harness::builder().with_size(vec2(1280.0, 800.0)).with_max_steps(1500).build_eframe(move |_| app);
    harness.run();
    menu(&mut harness, "New case…");
    assert!(harness.query_by_label("New case").is_some(), "the form is not shown");
    // The title has the keyboard: type it and press Enter.
    harness.get_by_label("Title").type_text("Bearings for the embassy");
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
    assert!(target.is_file(), "the case file was not written");
    assert!(folder.path().join("sources").is_dir(), "no sources folder beside it");
    assert!(harness.state().window_title().contains("bearings.case.json"), "{}", harness.state().window_title());
    let open = harness.state().open_case().expect("the new case is open");
    assert_eq!(open.document.case().info.title, "Bearings for the embassy");
    assert!(open.document.case().nodes.is_empty());
    assert!(harness.query_by_label_contains("Start with the documents").is_some(), "an empty case gives no lead");

    menu(&mut harness, "Add sources…");
    type_into(&mut harness, "Publisher", "Reuters");
    type_into(&mut harness, "Date", "2018-06-06");
    harness.get_by_label("Add source").click();
    harness.run();
    let open = harness.state().open_case().expect("the case is open");
    let source = open.document.case().sources.first().expect("the source was added");
    assert_eq!(source.title, "Kim Jong Un's art of the deal - make friends for spare parts", "the headline line");
    assert_eq!(source.id.as_str(), "s-reuters-2018");
    let stored = fs::read(folder.path().join(source.document.as_deref().expect("a document"))).expect("stored");
    assert_eq!(stored, fs::read(&reuters).expect("the text"), "the text is stored as it is");
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::S);
    harness.run();
    let saved = casegraph::model::load_case_file(&target).into_result().expect("the saved case opens").0;
    assert_eq!(saved.sources.len(), 1);
}
