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
        credibility: None,
        stance: None,
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
fn a_node_and_its_quote_are_added_as_one_step_or_not_at_all() {
    let mut document = sample_document();
    let before = saved(&document);
    let node = person(&document, "Ri Song Chol");
    let quote = |document: &Document, supports: &str, source: &str| Quote {
        id: document.fresh_id("q", "reuters 2018"),
        source: Id::parse(source).expect("an id"),
        text: "A spark ignited between us".into(),
        supports: vec![Id::parse(supports).expect("an id")],
        locator: Some("character 120".into()),
        credibility: None,
        stance: None,
    };
    let supported = node.id.to_string();
    let bad_quote = quote(&document, &supported, "s-no-such-source");
    let refused = document.edit_facts_together(vec![
        FactEdit::AddNode { node: Box::new(node.clone()), at: None },
        FactEdit::AddQuote(Box::new(bad_quote)),
    ]);
    assert!(matches!(refused, Err(FactEditError::Invalid { .. })), "{refused:?}");
    assert_eq!(saved(&document), before, "the node must not stay behind without its quote");
    assert!(!document.can_redo(), "a refused edit leaves nothing to redo");
    let good_quote = quote(&document, &supported, "s-reuters-2018");
    document
        .edit_facts_together(vec![
            FactEdit::AddNode { node: Box::new(node), at: None },
            FactEdit::AddQuote(Box::new(good_quote)),
        ])
        .expect("added");
    let with_both = saved(&document);
    assert!(with_both.contains("\"p-ri-song-chol\"") && with_both.contains("A spark ignited between us"));
    assert!(document.undo());
    assert_eq!(saved(&document), before, "one undo takes both back");
    assert!(document.redo());
    assert_eq!(saved(&document), with_both, "one redo puts both back");
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

#[test]
fn a_link_added_to_a_case_at_rest_draws_its_ends_together() {
    let mut document = sample_document();
    for _ in 0..2000 {
        if document.layout().is_settled() {
            break;
        }
        document.step_layout(8);
    }
    assert!(document.layout().is_settled(), "the sample does not come to rest");
    let far = ["p-yuri-ilyushkin", "c-dongbang-seafood"];
    let distance = |document: &Document| {
        let [a, b] = far.map(|id| document.layout().position(node_ix(document, id)));
        ((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)).sqrt()
    };
    let before = distance(&document);
    let new_link = link(&document, LinkKind::Unknown, far[0], far[1]);
    document.edit_facts(FactEdit::AddLink(Box::new(new_link))).expect("linked");
    assert!(!document.layout().is_settled(), "the layout does not take the new link in");
    for _ in 0..200 {
        document.step_layout(8);
    }
    assert!(distance(&document) < before * 0.8, "{} is not nearer than {before}", distance(&document));
}

#[test]
fn the_warnings_follow_the_facts_as_they_change() {
    let mut document = sample_document();
    assert!(document.warnings().is_empty(), "the sample opens without warnings: {:?}", document.warnings());
    let node = person(&document, "Kim Ju Hyok");
    let id = node.id.clone();
    document.edit_facts(FactEdit::AddNode { node: Box::new(node), at: None }).expect("added");
    let about_the_new_node: Vec<String> =
        document.warnings().iter().map(|warning| warning.display_in("sample").to_string()).collect();
    assert!(
        about_the_new_node.len() == 1 && about_the_new_node[0].contains(id.as_str()),
        "a node no quote supports is warned about: {about_the_new_node:?}"
    );
    assert!(document.undo());
    assert!(document.warnings().is_empty(), "undone, the warning goes: {:?}", document.warnings());
}

#[test]
fn deleting_a_reviewed_claim_takes_its_mark_and_undo_brings_both_back() {
    let mut document = sample_document();
    let before = saved(&document);
    let lee = node_ix(&document, "p-lee");
    let mark = FactEdit::MarkReviewed { item: ItemRef::Node(lee), by: "Legal".into(), note: None, date: None };
    document.edit_facts(mark).expect("marked");
    assert_eq!(document.case().reviews.len(), 1);
    let marked = saved(&document);
    document.edit_facts(FactEdit::DeleteNode(lee, OrphanQuotes::Keep)).expect("a reviewed node can be deleted");
    assert!(document.case().reviews.is_empty(), "its mark goes with it");
    assert!(document.undo());
    assert_eq!(saved(&document), marked, "undo brings the node and its mark back");
    assert!(document.undo());
    assert_eq!(saved(&document), before);
}
