//! The story in the case file and in the document: steps saved and read back under `story`,
//! every change one undo step, and a step never left naming what the case no longer has.

use casegraph::document::{Document, FactEdit, OrphanQuotes, StoryEdit, StoryEditError};
use casegraph::model::{Camera, Id, ItemRef, NodeKind, PartialDate, Period, StepIx, StoryStep, load_case_bytes};
use casegraph::sample::{load_sample, sample_documents};

fn sample_document() -> Document {
    let (mut case, warnings) = load_sample().into_result().expect("the sample opens");
    case.story.steps.clear();
    Document::new(case, None, "sample".into(), Box::new(sample_documents()), warnings)
}

fn saved(document: &Document) -> String {
    document.text_to_save(None).expect("the case saves")
}

fn id(text: &str) -> Id {
    Id::parse(text).expect("an id")
}

fn step(title: &str, highlight: &[&str]) -> StoryStep {
    StoryStep {
        title: title.to_owned(),
        caption: Some(format!("About *{title}*.")),
        highlight: highlight.iter().map(|text| id(text)).collect(),
        ..StoryStep::default()
    }
}

fn insert(document: &mut Document, at: usize, step: StoryStep) {
    document.edit_story(StoryEdit::Insert { at: StepIx::new(at), step: Box::new(step) }).expect("the step is added");
}

fn titles(document: &Document) -> Vec<&str> {
    document.story().iter().map(|step| step.title.as_str()).collect()
}

#[test]
fn adding_moving_renaming_and_deleting_steps_are_each_one_undo_step() {
    let mut document = sample_document();
    let before = saved(&document);
    insert(&mut document, 0, step("Michurin meets Lee", &["p-igor-michurin", "p-lee"]));
    insert(&mut document, 1, step("Bearings", &["p-igor-michurin"]));
    insert(&mut document, 2, step("The aerostat", &[]));
    document.edit_story(StoryEdit::Move { from: StepIx::new(2), to: StepIx::new(0) }).expect("moved");
    assert_eq!(titles(&document), ["The aerostat", "Michurin meets Lee", "Bearings"]);
    let mut renamed = document.story()[2].clone();
    renamed.title = "  Bearings for the embassy ".to_owned();
    document.edit_story(StoryEdit::Replace { at: StepIx::new(2), step: Box::new(renamed) }).expect("renamed");
    assert_eq!(titles(&document)[2], "Bearings for the embassy", "the title is trimmed");
    document.edit_story(StoryEdit::Delete(StepIx::new(0))).expect("deleted");
    assert_eq!(titles(&document), ["Michurin meets Lee", "Bearings for the embassy"]);

    for expected in [
        vec!["The aerostat", "Michurin meets Lee", "Bearings for the embassy"],
        vec!["The aerostat", "Michurin meets Lee", "Bearings"],
        vec!["Michurin meets Lee", "Bearings", "The aerostat"],
        vec!["Michurin meets Lee", "Bearings"],
        vec!["Michurin meets Lee"],
        vec![],
    ] {
        assert!(document.undo());
        assert_eq!(titles(&document), expected);
    }
    assert_eq!(saved(&document), before, "undoing every step gives back the same bytes");
    assert!(document.redo());
    assert_eq!(titles(&document), ["Michurin meets Lee"]);
}

#[test]
fn a_step_that_names_what_the_case_lacks_or_has_no_title_is_refused_and_changes_nothing() {
    let mut document = sample_document();
    let refused = |document: &mut Document, step: StoryStep| {
        document.edit_story(StoryEdit::Insert { at: StepIx::new(0), step: Box::new(step) }).expect_err("refused")
    };
    assert_eq!(refused(&mut document, step("  ", &[])), StoryEditError::NoTitle);
    assert_eq!(
        refused(&mut document, step("Who?", &["p-nobody"])),
        StoryEditError::UnknownReference { id: "p-nobody".into(), wanted: "a node or link" }
    );
    let citing_a_node = StoryStep { cites: Some(vec![id("p-lee")]), ..step("Cites", &[]) };
    assert!(matches!(refused(&mut document, citing_a_node), StoryEditError::UnknownReference { .. }));
    let date = |text: &str| PartialDate::parse(text).expect("a date");
    let backwards = StoryStep { period: Some(Period { from: date("2018"), to: date("2013") }), ..step("Then", &[]) };
    assert_eq!(refused(&mut document, backwards), StoryEditError::PeriodBackwards);
    let past_the_end = StoryEdit::Delete(StepIx::new(0));
    assert_eq!(document.edit_story(past_the_end), Err(StoryEditError::NoSuchStep(0)));
    assert!(document.story().is_empty() && !document.can_undo());
}

#[test]
fn deleting_a_node_takes_it_out_of_every_step_and_undo_puts_it_back() {
    let mut document = sample_document();
    insert(&mut document, 0, step("Michurin meets Lee", &["p-igor-michurin", "p-lee"]));
    let hides_lee = StoryStep { hidden: vec![id("p-lee")], ..step("Without Lee", &["p-igor-michurin"]) };
    insert(&mut document, 1, hides_lee);
    let lee = document.graph().node_index("p-lee").expect("Lee is in the sample");
    document.edit_facts(FactEdit::DeleteNode(lee, OrphanQuotes::Keep)).expect("deleted");
    assert_eq!(document.story()[0].highlight, [id("p-igor-michurin")]);
    assert!(document.story()[1].hidden.is_empty());
    assert!(document.undo());
    assert_eq!(document.story()[0].highlight, [id("p-igor-michurin"), id("p-lee")]);
    assert_eq!(document.story()[1].hidden, [id("p-lee")]);
}

#[test]
fn merging_two_nodes_puts_the_kept_one_in_the_other_s_place_in_the_story() {
    let mut document = sample_document();
    insert(&mut document, 0, step("Lee", &["p-lee"]));
    let (keep, away) = (
        document.graph().node_index("p-igor-michurin").expect("in the sample"),
        document.graph().node_index("p-lee").expect("in the sample"),
    );
    document.edit_facts(FactEdit::MergeNodes { keep, away }).expect("merged");
    assert_eq!(document.story()[0].highlight, [id("p-igor-michurin")]);
}

#[test]
fn deleting_a_quote_takes_it_out_of_the_steps_that_cite_it() {
    let mut document = sample_document();
    let quote = document.case().quotes[0].id.clone();
    insert(&mut document, 0, StoryStep { cites: Some(vec![quote.clone()]), ..step("Cites", &[]) });
    let ItemRef::Quote(ix) = document.graph().resolve(quote.as_str()).expect("the quote") else {
        panic!("a quote");
    };
    document.edit_facts(FactEdit::DeleteQuote(ix)).expect("deleted");
    assert_eq!(document.story()[0].cites, Some(Vec::new()), "an emptied list still cites nothing");
}

#[test]
fn a_story_is_saved_as_format_version_4_and_read_back_the_same() {
    let mut document = sample_document();
    let date = |text: &str| PartialDate::parse(text).expect("a date");
    let full = StoryStep {
        camera: Some(Camera { center_x: 12.5, center_y: -3.0, zoom: 1.5 }),
        hidden_kinds: vec![NodeKind::Transaction],
        hidden: vec![id("p-lee")],
        period: Some(Period { from: date("2013"), to: date("2017-06") }),
        cites: Some(vec![document.case().quotes[1].id.clone()]),
        ..step("Everything", &["p-igor-michurin"])
    };
    insert(&mut document, 0, full);
    let text = saved(&document);
    assert!(text.contains("\"version\": 4"), "a story needs version 4");
    let (read, _) = load_case_bytes(text.as_bytes(), "saved.case.json", &sample_documents())
        .into_result()
        .expect("the saved case opens");
    assert_eq!(read.story, document.case().story);
    document.edit_story(StoryEdit::Delete(StepIx::new(0))).expect("deleted");
    assert!(!saved(&document).contains("\"version\": 4"), "without a story the case keeps its older version");
}
