//! An import joined to the open case: matched by id or exact label, one undo step, and
//! nothing added twice when the same file is imported again.

use casegraph::document::Document;
use casegraph::exchange::{case_to_csv, plan_merge, read_csv_sheets, read_ftm_stream};
use casegraph::model::{NodeKind, case_to_json};
use casegraph::sample::{load_sample, sample_documents};

fn sample_document() -> Document {
    let (case, warnings) = load_sample().into_result().expect("the sample");
    Document::new(case, None, "sample".into(), Box::new(sample_documents()), warnings)
}

const STREAM: &str = concat!(
    r#"{"id": "NK-1", "schema": "Person", "properties": {"name": ["Igor Michurin"], "alias": ["I. Michurin"]}}"#,
    "\n",
    r#"{"id": "NK-2", "schema": "Company", "properties": {"name": ["Korea Sobaeksu Trading Company"], "jurisdiction": ["kp"]}}"#,
    "\n",
    r#"{"id": "NK-3", "schema": "Ownership", "properties": {"owner": ["NK-1"], "asset": ["NK-2"], "startDate": ["2015"]}}"#,
    "\n",
);

#[test]
fn an_import_joins_by_exact_label_as_one_undo_step() {
    let mut document = sample_document();
    let before = case_to_json(document.case()).expect("saves");
    let imported = read_ftm_stream(STREAM.as_bytes(), "nk.ftm").expect("reads").case;
    let plan = plan_merge(document.case(), &imported);
    assert_eq!((plan.nodes.len(), plan.links.len(), plan.node_updates.len(), plan.matched), (1, 1, 1, 1));
    let (michurin, more) = &plan.node_updates[0];
    assert_eq!(document.case().nodes[michurin.index()].id.as_str(), "p-igor-michurin");
    assert!(more.aliases.contains(&"I. Michurin".to_owned()));
    let nodes = document.case().nodes.len();
    document.join_import(plan).expect("joins");
    let case = document.case();
    assert_eq!(case.nodes.len(), nodes + 1);
    let link = case.links.last().expect("the new link");
    assert_eq!(
        (link.source.as_str(), link.target.as_str()),
        ("p-igor-michurin", "NK-2"),
        "the link's end is the case's own node"
    );
    assert_eq!(case.node("NK-2").map(|node| (node.kind, node.origin.is_some())), Some((NodeKind::Company, true)));
    assert!(document.undo());
    assert_eq!(case_to_json(document.case()).expect("saves"), before, "one undo takes the whole import back");
}

#[test]
fn importing_the_same_file_again_adds_nothing() {
    let mut document = sample_document();
    let imported = read_ftm_stream(STREAM.as_bytes(), "nk.ftm").expect("reads").case;
    document.join_import(plan_merge(document.case(), &imported)).expect("joins");
    let again = plan_merge(document.case(), &imported);
    assert!(again.is_empty(), "{again:?}");
    assert_eq!(again.matched, 3);
}

#[test]
fn the_case_s_own_sheets_join_it_without_a_single_new_item() {
    let document = sample_document();
    let (entities, links) = case_to_csv(document.case());
    let imported = read_csv_sheets(entities.as_bytes(), Some(links.as_bytes()), "sheets").expect("reads").imported.case;
    let plan = plan_merge(document.case(), &imported);
    assert!(plan.is_empty(), "{plan:?}");
    let case = document.case();
    assert_eq!(plan.matched, case.nodes.len() + case.links.len() + case.sources.len() + case.quotes.len());
}
