//! A case built in the real app from a source, driven through AccessKit as an analyst would:
//! a new case, the Reuters article added, and every node and link made from a passage
//! selected in the source reader, each born with its quote; the saved file passes the checker
//! with warnings denied.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use casegraph::model::{Case, ItemRef, LinkKind, NodeKind, load_case_file};
use casegraph::view::{CaseApp, Content, ScriptedDialogs, Services};
use egui::{Key, Modifiers, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, Queryable};

#[path = "common/typing.rs"]
mod typing;
use typing::type_into;

const REUTERS: &str = "sample_cases/sources/reuters-2018-06-06-kim-jong-un-art-of-the-deal.txt";

fn reuters_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(REUTERS)
}

/// The app on a new case at `target`, with the Reuters article added as its source.
fn new_case_with_reuters(target: &Path) -> Harness<'static, CaseApp> {
    let dialogs = ScriptedDialogs {
        to_save: [target.to_path_buf()].into(),
        to_add_as_sources: [vec![reuters_path()]].into(),
        ..Default::default()
    };
    let services = Services { dialogs: Box::new(dialogs), data_folder: None };
    let app = CaseApp::new(Content::from_sample()).with_services(services).with_autosave_interval(Duration::ZERO);
    let mut harness = Harness::builder().with_size(vec2(1280.0, 800.0)).with_max_steps(1500).build_eframe(move |_| app);
    harness.run();
    menu(&mut harness, "New case…");
    harness.get_by_label("Title").type_text("Bearings for the embassy");
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
    menu(&mut harness, "Add sources…");
    type_into(&mut harness, "Publisher", "Reuters");
    type_into(&mut harness, "Date", "2018-06-06");
    harness.get_by_label("Add source").click();
    harness.run();
    assert!(harness.query_by_label("Find in the source").is_some(), "the reader does not open on the new source");
    harness
}

fn menu(harness: &mut Harness<'_, CaseApp>, item: &str) {
    harness.get_by_label("File").click();
    harness.run();
    harness.get_by_label(item).click();
    harness.run();
}

/// Selects `words` in the reader by finding them, as the analyst would before choosing what
/// to make of them.
fn select_in_reader(harness: &mut Harness<'_, CaseApp>, words: &str) {
    type_into(harness, "Find in the source", words);
    harness.key_press(Key::Enter);
    harness.run();
    let passage = harness.state().reader_passage().map(|passage| passage.text.clone());
    assert_eq!(passage.as_deref(), Some(words), "the reader did not select the words found");
}

fn case(harness: &Harness<'_, CaseApp>) -> Case {
    harness.state().open_case().expect("a case is open").document.case().clone()
}

/// The quotes backing the item with id `id`, as their texts.
fn quotes_of(case: &Case, id: &str) -> Vec<String> {
    case.quotes.iter().filter(|q| q.supports.iter().any(|s| s.as_str() == id)).map(|q| q.text.clone()).collect()
}

#[test]
fn a_case_is_built_from_passages_of_the_reuters_article_and_passes_the_checker() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let target = folder.path().join("bearings.case.json");
    let mut harness = new_case_with_reuters(&target);

    select_in_reader(&mut harness, "Igor Michurin");
    harness.get_by_label("New node from passage").click();
    harness.run();
    assert_eq!(harness.get_by_label("Label").value().as_deref(), Some("Igor Michurin"), "the label is not prefilled");
    harness.key_press(Key::Enter);
    harness.run();

    select_in_reader(&mut harness, "Ardis-Bearings");
    harness.get_by_label("New node from passage").click();
    harness.run();
    harness.get(By::new().label("Company").role(egui::accesskit::Role::RadioButton)).click();
    harness.run();
    harness.get_by_label("Add node").click();
    harness.run();

    let official = "a North Korean embassy official whom Michurin calls Lee";
    select_in_reader(&mut harness, official);
    harness.get_by_label("New node from passage").click();
    harness.run();
    type_into(&mut harness, "Label", "Lee");
    harness.get_by_label("Add node").click();
    harness.run();

    let friends = "We treated each other as friends";
    select_in_reader(&mut harness, friends);
    harness.get_by_label("New link from passage").click();
    harness.run();
    assert!(harness.query_by_label("New link").is_some(), "the link form does not open");
    type_into(&mut harness, "From", "Igor");
    harness.key_press(Key::Enter);
    harness.run();
    type_into(&mut harness, "To", "Lee");
    harness.key_press(Key::Enter);
    harness.run();
    assert!(harness.query_by_label("payer (pays in)").is_none(), "a kind that cannot join two people is offered");
    harness.get_by_label("associate (is an associate of)").click();
    harness.run();
    type_into(&mut harness, "Role, in the source's words (trade representative, friends)", "friends");
    harness.get_by_label("Add link").click();
    harness.run();
    assert!(harness.query_by_label("New link").is_none(), "the link form stays open");

    let built = case(&harness);
    let text = fs::read_to_string(reuters_path()).expect("the article");
    let labels: Vec<(&str, NodeKind)> = built.nodes.iter().map(|node| (node.label.as_str(), node.kind)).collect();
    assert_eq!(
        labels,
        [("Igor Michurin", NodeKind::Person), ("Ardis-Bearings", NodeKind::Company), ("Lee", NodeKind::Person)]
    );
    for (node, words) in built.nodes.iter().zip(["Igor Michurin", "Ardis-Bearings", official]) {
        assert_eq!(quotes_of(&built, node.id.as_str()), [words], "{} is not backed by its passage", node.label);
    }
    let [link] = built.links.as_slice() else { panic!("one link: {:?}", built.links) };
    assert_eq!(
        (link.kind, link.source.as_str(), link.target.as_str()),
        (LinkKind::Associate, "p-igor-michurin", "p-lee")
    );
    assert_eq!(link.role.as_deref(), Some("friends"));
    assert_eq!(quotes_of(&built, link.id.as_str()), [friends]);
    for quote in &built.quotes {
        assert!(text.contains(&quote.text), "“{}” is not verbatim", quote.text);
        let locator = quote.locator.as_deref().expect("a locator");
        let start: usize = locator.trim_start_matches("character ").parse().expect("a character offset");
        assert!(text.chars().skip(start).collect::<String>().starts_with(&quote.text), "{locator} is not where it is");
    }

    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let saved = load_case_file(&target).into_result().expect("the saved case opens").0;
    assert_eq!(saved.quotes.len(), 4);
    let check = Command::new(env!("CARGO_BIN_EXE_casegraph"))
        .args(["check", "--deny-warnings"])
        .arg(&target)
        .output()
        .expect("the checker runs");
    let report = String::from_utf8_lossy(&check.stderr);
    assert!(check.status.success(), "the built case fails the checker:\n{report}");
}

#[test]
fn words_selected_with_the_mouse_become_the_passage_and_a_quote_for_the_selection() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let mut harness = new_case_with_reuters(&folder.path().join("mouse.case.json"));
    select_in_reader(&mut harness, "Igor Michurin");
    harness.get_by_label("New node from passage").click();
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();

    let text_area = harness.get(By::new().role(egui::accesskit::Role::MultilineTextInput)).rect();
    let row = text_area.top() + 70.0;
    harness.drag_at(egui::pos2(text_area.left() + 30.0, row));
    harness.run();
    harness.hover_at(egui::pos2(text_area.left() + 160.0, row));
    harness.run();
    harness.drop_at(egui::pos2(text_area.left() + 240.0, row));
    harness.run();
    let passage = harness.state().reader_passage().expect("the dragged-over words are the passage").clone();
    let text = fs::read_to_string(reuters_path()).expect("the article");
    assert!(passage.text.chars().count() > 5, "too little was selected: {:?}", passage.text);
    assert!(text.contains(&passage.text), "“{}” is not verbatim", passage.text);

    harness.get_by_label("Quote for the selection").click();
    harness.run();
    let built = case(&harness);
    let michurin = built.nodes.first().expect("the node").id.clone();
    assert_eq!(quotes_of(&built, michurin.as_str()), ["Igor Michurin".to_owned(), passage.text.clone()]);
    let open = harness.state_mut().open_case_mut().expect("open");
    assert!(matches!(open.document.graph().resolve(michurin.as_str()), Some(ItemRef::Node(_))));
    assert!(open.document.undo(), "the quote is an undoable step");
    assert_eq!(quotes_of(open.document.case(), michurin.as_str()), ["Igor Michurin"]);
}

#[test]
fn a_payment_is_built_with_its_amount_and_parties_in_one_dialog() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let target = folder.path().join("foundation.case.json");
    let mut harness = new_case_with_reuters(&target);
    select_in_reader(&mut harness, "Michurin");
    harness.get_by_label("New node from passage").click();
    harness.run();
    type_into(&mut harness, "Label", "Igor Michurin");
    harness.get_by_label("Add node").click();
    harness.run();
    let foundation = "the Kim Il Sung-Kim Jong Il Foundation";
    select_in_reader(&mut harness, foundation);
    harness.get_by_label("New node from passage").click();
    harness.run();
    harness.get(By::new().label("Organization").role(egui::accesskit::Role::RadioButton)).click();
    harness.run();
    type_into(&mut harness, "Label", "Kim Il Sung-Kim Jong Il Foundation");
    harness.get_by_label("Add node").click();
    harness.run();

    let contribution = "Lee persuaded Michurin to make a $1,000 contribution";
    select_in_reader(&mut harness, contribution);
    harness.get_by_label("New node from passage").click();
    harness.run();
    harness.get(By::new().label("Transaction").role(egui::accesskit::Role::RadioButton)).click();
    harness.run();
    type_into(&mut harness, "Label", "Contribution to the foundation");
    type_into(&mut harness, "Amount", "1,000");
    type_into(&mut harness, "Currency", "usd");
    type_into(&mut harness, "Date (YYYY, YYYY-MM or YYYY-MM-DD)", "2013");
    harness.get_by_label("completed").click();
    harness.run();
    type_into(&mut harness, "Paid by", "Michurin");
    harness.key_press(Key::Enter);
    harness.run();
    type_into(&mut harness, "Paid to", "Foundation");
    harness.get_by_label("Kim Il Sung-Kim Jong Il Foundation (Organization)").click();
    harness.run();
    harness.get_by_label("Add node").click();
    harness.run();
    assert!(harness.query_by_label("New node").is_none(), "the form stays open");

    let built = case(&harness);
    let payment = built.nodes.last().expect("the payment");
    assert_eq!(payment.kind, NodeKind::Transaction);
    let amount = payment.amount.as_ref().expect("an amount");
    assert_eq!((amount.value.as_str(), amount.currency.as_str(), amount.approximate), ("1000", "USD", false));
    assert_eq!(payment.date.map(|date| date.to_string()).as_deref(), Some("2013"));
    let ends: Vec<(LinkKind, &str, &str)> =
        built.links.iter().map(|link| (link.kind, link.source.as_str(), link.target.as_str())).collect();
    let (michurin, fund) = (built.nodes[0].id.as_str(), built.nodes[1].id.as_str());
    assert_eq!(
        ends,
        [(LinkKind::Payer, michurin, payment.id.as_str()), (LinkKind::Beneficiary, payment.id.as_str(), fund)]
    );
    for id in [payment.id.as_str(), built.links[0].id.as_str(), built.links[1].id.as_str()] {
        assert_eq!(quotes_of(&built, id), [contribution], "{id} is not backed by the passage");
    }
    let open = harness.state_mut().open_case_mut().expect("open");
    assert!(open.document.undo(), "the payment is one step");
    assert_eq!((open.document.case().nodes.len(), open.document.case().links.len()), (2, 0));
    assert!(open.document.redo());
    harness.key_press_modifiers(Modifiers::COMMAND, Key::S);
    harness.run();
    let check = Command::new(env!("CARGO_BIN_EXE_casegraph"))
        .args(["check", "--deny-warnings"])
        .arg(&target)
        .output()
        .expect("the checker runs");
    assert!(check.status.success(), "the built case fails the checker:\n{}", String::from_utf8_lossy(&check.stderr));
}
