//! Building a case by editing its facts: every edit is one undoable step, undoing and redoing
//! reach the same bytes, and no edit leaves an invalid case behind.

use casegraph::document::{Document, FactEdit, FactEditError, OrphanQuotes};
use casegraph::model::{
    ClaimStatus, Id, ItemRef, Link, LinkIx, LinkKind, MemoryDocuments, Node, NodeIx, NodeKind, Quote, QuoteIx,
    load_case_bytes,
};
use casegraph::sample::{load_sample, sample_documents};
use proptest::prelude::*;

fn sample_document() -> Document {
    let (case, warnings) = load_sample().into_result().expect("the sample opens");
    Document::new(case, None, "sample".into(), Box::new(sample_documents()), warnings)
}

fn saved(document: &Document) -> String {
    document.text_to_save(None).expect("the case saves")
}

fn node_ix(document: &Document, id: &str) -> NodeIx {
    document.graph().node_index(id).unwrap_or_else(|| panic!("no node {id}"))
}

fn person(document: &Document, label: &str) -> Node {
    Node::new(document.fresh_id("p", label), NodeKind::Person, label.to_owned())
}

fn link(document: &Document, kind: LinkKind, source: &str, target: &str) -> Link {
    let id = document.fresh_id("l", &format!("{source} {} {target}", kind.as_str()));
    Link::new(id, kind, Id::parse(source).expect("an id"), Id::parse(target).expect("an id"))
}

#[test]
fn an_added_node_is_one_step_and_undo_gives_back_the_same_bytes() {
    let mut document = sample_document();
    let before = saved(&document);
    let node = person(&document, "Kim Ju Hyok");
    assert_eq!(node.id.as_str(), "p-kim-ju-hyok-2", "the sample has p-kim-ju-hyok already");
    let revision = document.facts_revision();
    document.edit_facts(FactEdit::AddNode { node: Box::new(node), at: Some([120.0, -40.0]) }).expect("added");
    assert!(document.facts_revision() > revision, "what the window works out from the facts must be renewed");
    let added = document.last_node().expect("a node");
    assert_eq!(document.layout().position(added), [120.0, -40.0], "it appears where the analyst clicked");
    assert!(document.is_dirty());
    assert!(document.undo());
    assert_eq!(saved(&document), before);
    assert!(document.redo());
    assert!(saved(&document).contains("\"p-kim-ju-hyok-2\""));
}

#[test]
fn deleting_a_node_takes_its_links_and_asks_about_quotes_left_with_nothing() {
    let mut document = sample_document();
    let lee = node_ix(&document, "p-lee");
    let links_before = document.case().links.len();
    let touching =
        document.case().links.iter().filter(|l| l.source.as_str() == "p-lee" || l.target.as_str() == "p-lee").count();
    let orphaned = document.quotes_orphaned_by_deleting(ItemRef::Node(lee));
    document.edit_facts(FactEdit::DeleteNode(lee, OrphanQuotes::Keep)).expect("deleted");
    assert_eq!(document.case().links.len(), links_before - touching);
    assert!(document.graph().node_index("p-lee").is_none());
    for quote in &document.case().quotes {
        assert!(!quote.supports.iter().any(|id| id.as_str() == "p-lee"), "{} still supports p-lee", quote.id);
    }
    let kept_empty = document.case().quotes.iter().filter(|q| q.supports.is_empty()).count();
    assert_eq!(kept_empty, orphaned.len(), "kept, supporting nothing");
    assert!(document.undo());
    let lee = node_ix(&document, "p-lee");
    document.edit_facts(FactEdit::DeleteNode(lee, OrphanQuotes::Delete)).expect("deleted");
    assert!(document.case().quotes.iter().all(|q| !q.supports.is_empty()));
    let new_lee = person(&document, "Lee");
    assert_eq!(new_lee.id.as_str(), "p-lee-2", "a deleted id is never given again");
}

#[test]
fn merging_carries_links_names_and_quotes_over() {
    let mut document = sample_document();
    let mut twin = person(&document, "Мичурин");
    twin.aliases = vec!["I. Michurin".into()];
    let twin_id = twin.id.clone();
    document.edit_facts(FactEdit::AddNode { node: Box::new(twin), at: None }).expect("added");
    let owns = link(&document, LinkKind::Ownership, twin_id.as_str(), "c-ardis-bearings");
    let owns_id = owns.id.clone();
    document.edit_facts(FactEdit::AddLink(Box::new(owns))).expect("linked");
    let quote = Quote {
        id: document.fresh_id("q", "twin"),
        source: Id::parse("s-reuters-2018").expect("an id"),
        text: "Michurin does not deny doing business with North Korea".into(),
        supports: vec![twin_id.clone(), owns_id.clone()],
        locator: None,
    };
    document.edit_facts(FactEdit::AddQuote(Box::new(quote))).expect("quoted");
    let keep = node_ix(&document, "p-igor-michurin");
    let away = node_ix(&document, twin_id.as_str());
    document.edit_facts(FactEdit::MergeNodes { keep, away }).expect("merged");
    let michurin = document.case().node("p-igor-michurin").expect("kept");
    assert!(michurin.aliases.contains(&"Мичурин".to_owned()) && michurin.aliases.contains(&"I. Michurin".to_owned()));
    let carried = document.case().links.iter().find(|l| l.id == owns_id).expect("the link carried over");
    assert_eq!(carried.source.as_str(), "p-igor-michurin");
    let quote = document.case().quotes.last().expect("the quote");
    assert_eq!(quote.supports, vec![Id::parse("p-igor-michurin").expect("id"), owns_id]);
    assert!(document.graph().node_index(twin_id.as_str()).is_none());
}

#[test]
fn an_edit_that_would_break_the_case_is_refused_whole() {
    let mut document = sample_document();
    let before = saved(&document);
    let dangling = link(&document, LinkKind::Ownership, "p-igor-michurin", "c-nowhere");
    let error = document.edit_facts(FactEdit::AddLink(Box::new(dangling))).expect_err("refused");
    assert!(matches!(&error, FactEditError::Invalid { message, .. } if message.contains("c-nowhere")), "{error}");
    let mut renamed = document.case().nodes[0].clone();
    renamed.id = Id::parse("p-someone-else").expect("an id");
    let error = document.edit_facts(FactEdit::UpdateNode(NodeIx::new(0), Box::new(renamed))).expect_err("refused");
    assert!(matches!(error, FactEditError::IdChanged { .. }));
    let michurin = node_ix(&document, "p-igor-michurin");
    let itself = FactEdit::MergeNodes { keep: michurin, away: michurin };
    assert_eq!(document.edit_facts(itself), Err(FactEditError::MergeIntoItself));
    assert_eq!(saved(&document), before);
    assert!(!document.can_undo(), "a refused edit leaves no step");
}

/// One edit chosen by numbers against the document as it is then.
fn edit_from(document: &Document, choice: u8, a: u32, b: u32) -> FactEdit {
    let case = document.case();
    let nodes = case.nodes.len().max(1) as u32;
    let pick_node = |n: u32| NodeIx::new((n % nodes) as usize);
    match choice % 7 {
        0 => {
            let mut node = person(document, &format!("Person {a}"));
            node.kind = NodeKind::ALL[(b as usize) % NodeKind::ALL.len()];
            FactEdit::AddNode {
                node: Box::new(node),
                at: a.is_multiple_of(2).then_some([a as f32 % 500.0, b as f32 % 500.0]),
            }
        }
        1 => {
            let (source, target) = (&case.nodes[pick_node(a).index()].id, &case.nodes[pick_node(b).index()].id);
            let kind = LinkKind::ALL[(a as usize) % LinkKind::ALL.len()];
            let mut new_link = link(document, kind, source.as_str(), target.as_str());
            new_link.status = b.is_multiple_of(3).then_some(ClaimStatus::Alleged);
            FactEdit::AddLink(Box::new(new_link))
        }
        2 => {
            let mut node = case.nodes[pick_node(a).index()].clone();
            node.label = format!("{} (edited {b})", node.label);
            node.aliases.push(format!("alias {a}"));
            FactEdit::UpdateNode(pick_node(a), Box::new(node))
        }
        3 => FactEdit::DeleteNode(
            pick_node(a),
            if b.is_multiple_of(2) { OrphanQuotes::Keep } else { OrphanQuotes::Delete },
        ),
        4 if !case.links.is_empty() => {
            FactEdit::DeleteLink(LinkIx::new(a as usize % case.links.len()), OrphanQuotes::Delete)
        }
        5 => FactEdit::MergeNodes { keep: pick_node(a), away: pick_node(b) },
        _ if !case.quotes.is_empty() => {
            let ix = QuoteIx::new(a as usize % case.quotes.len());
            let mut quote = case.quotes[ix.index()].clone();
            quote.supports.push(case.nodes[pick_node(b).index()].id.clone());
            FactEdit::UpdateQuote(ix, Box::new(quote))
        }
        _ => FactEdit::DeleteNode(pick_node(a), OrphanQuotes::Keep),
    }
}

fn assert_valid(text: &str) {
    let report = load_case_bytes(text.as_bytes(), "edited.case.json", &MemoryDocuments::default());
    assert_eq!(
        report.error_count(),
        0,
        "{:#?}",
        report.diagnostics.iter().filter(|d| d.is_error()).collect::<Vec<_>>()
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn random_edits_undo_to_the_original_and_redo_to_the_same_bytes(
        edits in prop::collection::vec((any::<u8>(), any::<u32>(), any::<u32>()), 1..14)
    ) {
        let mut document = sample_document();
        let original = saved(&document);
        let mut steps = 0;
        for (choice, a, b) in edits {
            let edit = edit_from(&document, choice, a, b);
            if document.edit_facts(edit).is_ok() {
                steps += 1;
            }
            assert_valid(&saved(&document));
        }
        let edited = saved(&document);
        for _ in 0..steps {
            prop_assert!(document.undo());
            assert_valid(&saved(&document));
        }
        prop_assert!(!document.can_undo());
        prop_assert_eq!(saved(&document), original);
        for _ in 0..steps {
            prop_assert!(document.redo());
        }
        prop_assert_eq!(saved(&document), edited);
    }
}
