//! The review before publication: each risk is flagged once, where it is, and never on a
//! clean claim; independent sources are counted with copies as one; a review mark lapses when
//! its claim or quotes change; the ledger on the command line.

use std::process::Command;

use casegraph::model::{CaseGraph, ItemRef, Ledger, Mark, MemoryDocuments, Risk, claim_fingerprint, load_case_bytes};
use casegraph::sample::load_sample;

/// Two wire stories, a copy of the first, a paper with no local copy, and claims made to carry
/// one risk each (and one clean).
const RISKY_CASE: &str = r#"{
  "format": "casegraph",
  "version": 3,
  "case": { "title": "Risks, one each" },
  "nodes": [
    { "id": "p-clean", "kind": "person", "label": "Clean" },
    { "id": "p-no-quote", "kind": "person", "label": "No quote" },
    { "id": "p-misquoted", "kind": "person", "label": "Misquoted" },
    { "id": "p-unchecked", "kind": "person", "label": "Unchecked" },
    { "id": "p-low", "kind": "person", "label": "Low grades" },
    { "id": "p-one-source", "kind": "person", "label": "One source" },
    { "id": "p-copied", "kind": "person", "label": "Copied" },
    { "id": "c-firm", "kind": "company", "label": "Firm" }
  ],
  "links": [
    { "id": "l-denied", "kind": "ownership", "source": "p-clean", "target": "c-firm" },
    { "id": "l-hearsay", "kind": "directorship", "source": "p-low", "target": "c-firm" },
    { "id": "l-hearsay-drawn-so", "kind": "employment", "source": "p-one-source", "target": "c-firm", "status": "alleged" }
  ],
  "sources": [
    { "id": "s-wire", "publisher": "Wire", "title": "One", "reliability": "B", "document": "wire.txt" },
    { "id": "s-paper", "publisher": "Paper", "title": "Two", "reliability": "A", "document": "paper.txt" },
    { "id": "s-copy", "publisher": "Reprint", "title": "One again", "repeats": "s-wire", "document": "copy.txt" },
    { "id": "s-offline", "publisher": "Print", "title": "Three" },
    { "id": "s-rumour", "publisher": "Rumour mill", "title": "Four", "reliability": "E", "document": "rumour.txt" }
  ],
  "quotes": [
    { "id": "q-1", "source": "s-wire", "text": "Clean owns the firm.", "supports": ["p-clean", "c-firm", "l-denied", "p-copied"] },
    { "id": "q-2", "source": "s-paper", "text": "Clean was seen at the firm.", "credibility": "2", "supports": ["p-clean", "c-firm", "p-misquoted", "p-unchecked"] },
    { "id": "q-3", "source": "s-paper", "text": "Clean denies owning the firm.", "stance": "denies", "supports": ["l-denied"] },
    { "id": "q-4", "source": "s-wire", "text": "Misquoted said something else entirely.", "supports": ["p-misquoted"] },
    { "id": "q-5", "source": "s-offline", "text": "Unchecked was there.", "supports": ["p-unchecked"] },
    { "id": "q-6", "source": "s-rumour", "text": "Low grades runs the firm, a neighbour says.", "credibility": "5", "stance": "alleges", "supports": ["p-low", "l-hearsay"] },
    { "id": "q-7", "source": "s-wire", "text": "Low grades says he runs the firm.", "credibility": "5", "stance": "claims", "supports": ["p-low", "l-hearsay"] },
    { "id": "q-8", "source": "s-wire", "text": "One source works for the firm, a court alleges.", "supports": ["p-one-source"] },
    { "id": "q-9", "source": "s-copy", "text": "Clean owns the firm.", "supports": ["p-copied"] },
    { "id": "q-10", "source": "s-paper", "text": "One source works for the firm, a court alleges.", "stance": "alleges", "supports": ["l-hearsay-drawn-so"] },
    { "id": "q-11", "source": "s-wire", "text": "One source works for the firm", "stance": "alleges", "supports": ["l-hearsay-drawn-so"] }
  ]
}"#;

fn documents() -> MemoryDocuments {
    let texts = [
        (
            "wire.txt",
            "Clean owns the firm. Low grades says he runs the firm. One source works for the firm, a court alleges.",
        ),
        (
            "paper.txt",
            "Clean was seen at the firm. Clean denies owning the firm. One source works for the firm, a court alleges.",
        ),
        ("copy.txt", "Clean owns the firm."),
        ("rumour.txt", "Low grades runs the firm, a neighbour says."),
    ];
    MemoryDocuments { texts: texts.iter().map(|(path, text)| ((*path).to_owned(), (*text).to_owned())).collect() }
}

/// The risks of every claim by id, by name.
fn risks_by_claim(case_text: &str) -> Vec<(String, Vec<&'static str>)> {
    let (case, _) =
        load_case_bytes(case_text.as_bytes(), "risky.case.json", &documents()).into_result().expect("loads");
    let graph = CaseGraph::new(&case);
    let ledger = Ledger::of(&case, &graph, &documents());
    let mut claims: Vec<(String, Vec<&'static str>)> = ledger
        .claims
        .iter()
        .map(|claim| {
            let id = match claim.item {
                ItemRef::Node(node) => case.nodes[node].id.to_string(),
                ItemRef::Link(link) => case.links[link].id.to_string(),
                other => panic!("only nodes and links are claims, not {other:?}"),
            };
            (id, claim.risks.iter().map(Risk::name).collect())
        })
        .collect();
    claims.sort();
    claims
}

#[test]
fn each_risk_is_flagged_once_where_it_is_and_a_clean_claim_never() {
    let risks = risks_by_claim(RISKY_CASE);
    let of = |id: &str| risks.iter().find(|(claim, _)| claim == id).map(|(_, risks)| risks.clone()).expect(id);
    assert_eq!(of("p-clean"), Vec::<&str>::new(), "two independent, verified sources");
    assert_eq!(of("c-firm"), Vec::<&str>::new());
    assert_eq!(of("p-no-quote"), ["no quote"]);
    assert_eq!(of("p-misquoted"), ["unverifiable quote"], "q-4 is not in the wire's text");
    assert_eq!(of("p-unchecked"), ["unverifiable quote"], "s-offline has no local copy");
    assert_eq!(of("l-denied"), ["denial on record"], "q-3 denies a claim drawn as stated");
    assert_eq!(of("l-hearsay"), ["only alleged or claimed", "low grades"]);
    assert_eq!(of("p-low"), ["only alleged or claimed", "low grades"], "a node is drawn as stated too");
    assert_eq!(of("p-one-source"), ["single source"]);
    assert_eq!(
        of("l-hearsay-drawn-so"),
        Vec::<&str>::new(),
        "an alleged link backed by an allegation is drawn as it is"
    );
    assert_eq!(of("p-copied"), ["single source"], "a reprint of the wire is not a second source");
    let flagged: usize = risks.iter().map(|(_, risks)| risks.len()).sum();
    assert_eq!(flagged, 10, "nothing else is flagged: {risks:?}");
}

#[test]
fn the_ledger_puts_blocked_claims_first_then_the_most_serious() {
    let (case, _) =
        load_case_bytes(RISKY_CASE.as_bytes(), "risky.case.json", &documents()).into_result().expect("loads");
    let graph = CaseGraph::new(&case);
    let ledger = Ledger::of(&case, &graph, &documents());
    let first: Vec<&str> = ledger.claims.iter().take(4).map(|claim| claim.risks[0].name()).collect();
    assert_eq!(first, ["no quote", "unverifiable quote", "unverifiable quote", "denial on record"]);
    assert_eq!(ledger.blocked_count(), 3);
    assert!(ledger.claims.last().is_some_and(|claim| claim.risks.is_empty()), "clean claims come last");
}

#[test]
fn the_graded_sample_flags_its_one_denial_and_nothing_blocks() {
    let (case, _) = load_sample().into_result().expect("the sample opens");
    let graph = CaseGraph::new(&case);
    let ledger = Ledger::of(&case, &graph, &casegraph::sample::sample_documents());
    assert_eq!(ledger.blocked_count(), 0, "every claim has a verified quote");
    let denials: Vec<String> = ledger
        .at_risk()
        .filter(|claim| claim.risks.iter().any(|risk| matches!(risk, Risk::DenialOnRecord(_))))
        .map(|claim| casegraph::model::claim_sentence(&case, &graph, claim.item))
        .collect();
    assert_eq!(denials, ["Office of Foreign Assets Control — sanctions list → Igor Michurin, 2017-06-01"]);
    let embassy = graph.resolve("e-north-korea-moscow").expect("the embassy");
    let embassy_review = ledger.claims.iter().find(|claim| claim.item == embassy).expect("reviewed");
    assert_eq!(embassy_review.support.independent_sources, 2, "Reuters and The Dong-A Ilbo");
    assert!(embassy_review.risks.is_empty(), "{:?}", embassy_review.risks);
}

#[test]
fn a_review_mark_lapses_when_its_claims_quotes_change() {
    let (mut case, _) = load_sample().into_result().expect("the sample opens");
    let graph = CaseGraph::new(&case);
    let lee = graph.resolve("p-lee").expect("Lee");
    case.reviews.push(casegraph::model::Review {
        item: casegraph::model::Id::parse("p-lee").expect("an id"),
        by: "Legal".into(),
        date: None,
        note: Some("named by Michurin only".into()),
        fingerprint: claim_fingerprint(&case, &graph, lee),
    });
    let documents = casegraph::sample::sample_documents();
    let state = |case: &casegraph::model::Case| {
        let ledger = Ledger::of(case, &graph, &documents);
        match ledger.claims.iter().find(|claim| claim.item == lee).expect("Lee").mark {
            Mark::Reviewed(review) => format!("reviewed by {}", case.reviews[review.index()].by),
            Mark::Lapsed(review) => format!("lapsed, by {}", case.reviews[review.index()].by),
            Mark::Unreviewed => "unreviewed".to_owned(),
        }
    };
    assert_eq!(state(&case), "reviewed by Legal");
    let quote = graph.quotes_for(lee)[0];
    case.quotes[quote.index()].text.push_str(" He was a diplomat.");
    assert_eq!(state(&case), "lapsed, by Legal", "a changed quote clears the mark");
}

#[test]
fn casegraph_review_prints_the_ledger_and_strict_refuses_blocking_risks() {
    let folder = tempfile::tempdir().expect("a folder");
    let risky = folder.path().join("risky.case.json");
    std::fs::write(&risky, RISKY_CASE).expect("written");
    for (name, text) in documents().texts {
        std::fs::write(folder.path().join(name), text).expect("written");
    }
    let run = |arguments: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_casegraph")).args(arguments).output().expect("casegraph runs")
    };
    let risky_path = risky.to_str().expect("a UTF-8 path");
    let strict = run(&["review", risky_path, "--strict"]);
    assert_eq!(strict.status.code(), Some(1), "a blocked claim fails --strict");
    assert!(String::from_utf8_lossy(&strict.stderr).contains("3 blocked"));
    let lenient = run(&["review", risky_path, "--format", "markdown"]);
    assert_eq!(lenient.status.code(), Some(0), "without --strict the ledger is only a warning");
    let markdown = String::from_utf8(lenient.stdout).expect("UTF-8");
    assert!(markdown.starts_with("# Claims ledger: Risks, one each"), "{markdown}");
    assert!(markdown.contains("## 1. No quote (person) — **blocked**"), "{markdown}");
    assert!(markdown.contains("Clean — owns → Firm"), "{markdown}");
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/sample_cases/north-korea-business-russia.case.json");
    let json = run(&["review", sample, "--format", "json", "--strict"]);
    assert_eq!(json.status.code(), Some(0), "the sample has no blocking risk");
    let ledger: serde_json::Value = serde_json::from_slice(&json.stdout).expect("JSON");
    assert_eq!(ledger["claims"].as_array().map(Vec::len), Some(94));
    let first = &ledger["claims"][0];
    assert_eq!(first["id"], "l-ofac-sanctions-michurin", "the denial comes first");
    assert_eq!(first["quotes"][0]["reliability"], "B");
}

#[test]
fn export_warns_about_claims_not_ready_and_strict_writes_nothing() {
    let folder = tempfile::tempdir().expect("a folder");
    let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/sample_cases/north-korea-business-russia.case.json");
    let figure = folder.path().join("figure.svg");
    let export = |strict: bool| {
        let mut command = Command::new(env!("CARGO_BIN_EXE_casegraph"));
        command.args(["export", sample, "-o"]).arg(&figure);
        if strict {
            command.arg("--strict");
        }
        command.output().expect("casegraph runs")
    };
    let refused = export(true);
    assert_eq!(refused.status.code(), Some(1));
    assert!(!figure.exists(), "--strict writes nothing");
    let warned = export(false);
    assert_eq!(warned.status.code(), Some(0));
    assert!(figure.exists(), "without --strict the figure is written");
    let message = String::from_utf8_lossy(&warned.stderr);
    assert!(message.contains("the figure shows 0 blocked claims and 94 claims not reviewed"), "{message}");
}
