//! `docs/case-format.md` stays true: it shows the real minimal example, the checker's real
//! output for every broken fixture, and documents every key the format writes.

use casegraph::model::{
    Amount, Camera, Case, CaseInfo, ClaimStatus, Country, Currency, FigureBackground, FigureExtent, FigureSettings,
    FigureSize, Id, Layout, Link, LinkKind, Node, NodeKind, PartialDate, Position, Quote, Source, SourceNote, View,
    case_to_json,
};
use casegraph::sample::load_sample;

mod common;

fn doc() -> String {
    std::fs::read_to_string("docs/case-format.md").expect("docs/case-format.md")
}

#[test]
fn the_example_is_the_shipped_minimal_case() {
    let minimal = std::fs::read_to_string("sample_cases/minimal.case.json").expect("minimal case");
    assert!(doc().contains(&format!("```json\n{minimal}```")), "docs/case-format.md shows a stale example");
}

#[test]
fn every_broken_fixture_report_is_shown() {
    let doc = doc();
    let reports = common::files_ending_with("tests/fixtures/broken", ".expected");
    assert!(reports.len() >= 15);
    for path in reports {
        let report = std::fs::read_to_string(&path).expect("report");
        assert!(doc.contains(&report), "docs/case-format.md lacks the report of {}", path.display());
    }
}

#[test]
fn the_sample_counts_quoted_are_right() {
    let case = load_sample().case.expect("sample");
    let sentence = format!("{} nodes, {} links and {} quotes", case.nodes.len(), case.links.len(), case.quotes.len());
    assert!(doc().contains(&sentence), "expected the docs to say: {sentence}");
    let readme = std::fs::read_to_string("README.md").expect("README.md");
    let sentence = format!("Each of its {} nodes and {} links", case.nodes.len(), case.links.len());
    assert!(readme.contains(&sentence), "expected the README to say: {sentence}");
}

#[test]
fn every_kind_and_status_is_documented() {
    let doc = doc();
    for name in NodeKind::ALL.map(NodeKind::as_str).into_iter().chain(LinkKind::ALL.map(LinkKind::as_str)) {
        assert!(doc.contains(&format!("| `{name}` |")), "kind `{name}` is not documented");
    }
    for status in ClaimStatus::ALL {
        assert!(doc.contains(&format!("| `{}` |", status.as_str())), "status {status:?} is not documented");
    }
}

/// A case with every optional field filled in, so that its JSON holds every key.
fn case_with_every_field() -> Case {
    let id = |text: &str| Id::parse(text).expect("id");
    let date = PartialDate::parse("2017-06-01").ok();
    let country = Country::parse("ru").expect("country");
    Case {
        info: CaseInfo {
            title: "t".into(),
            summary: Some("s".into()),
            language: Some("en".into()),
            created: date,
            updated: date,
        },
        nodes: vec![Node {
            id: id("t-1"),
            kind: NodeKind::Transaction,
            label: "l".into(),
            aliases: vec!["a".into()],
            countries: vec![country],
            description: Some("d".into()),
            start_date: date,
            end_date: date,
            date,
            amount: Some(Amount {
                value: "1".into(),
                max: Some("2".into()),
                currency: Currency::parse("USD").expect("currency"),
                approximate: true,
            }),
            status: Some(ClaimStatus::Alleged),
        }],
        links: vec![Link {
            id: id("l-1"),
            kind: LinkKind::Unknown,
            source: id("t-1"),
            target: id("t-1"),
            role: Some("r".into()),
            date,
            start_date: date,
            end_date: date,
            status: Some(ClaimStatus::Denied),
            description: Some("d".into()),
        }],
        sources: vec![Source {
            id: id("s-1"),
            publisher: "p".into(),
            title: "t".into(),
            date,
            authors: vec!["a".into()],
            url: Some("https://example.org".into()),
            document: Some("d.txt".into()),
        }],
        quotes: vec![Quote {
            id: id("q-1"),
            source: id("s-1"),
            text: "t".into(),
            supports: vec![id("t-1")],
            locator: Some("p. 1".into()),
        }],
        layout: Layout {
            seed: 1,
            positions: [(id("t-1"), Position { x: 1.0, y: 2.0, pinned: true })].into_iter().collect(),
        },
        view: View {
            camera: Some(Camera { center_x: 0.0, center_y: 0.0, zoom: 1.0 }),
            hidden_kinds: vec![NodeKind::Person],
            figure: Some(FigureSettings {
                extent: FigureExtent::Saved,
                size: FigureSize::Print { width_mm: 180.0, dpi: 300.0 },
                background: FigureBackground::Transparent,
                title: Some("t".into()),
                caption: Some("c".into()),
                legend: false,
                sources: SourceNote::Numbered,
            }),
        },
    }
}

fn keys(value: &serde_json::Value, out: &mut Vec<String>, under_positions: bool) {
    match value {
        serde_json::Value::Object(map) => {
            for (key, child) in map {
                if !under_positions {
                    out.push(key.clone());
                }
                keys(child, out, key == "positions");
            }
        }
        serde_json::Value::Array(items) => items.iter().for_each(|item| keys(item, out, false)),
        _ => {}
    }
}

#[test]
fn every_key_the_format_writes_is_documented() {
    let text = case_to_json(&case_with_every_field()).expect("save");
    let value: serde_json::Value = serde_json::from_str(&text).expect("json");
    let mut found = Vec::new();
    keys(&value, &mut found, false);
    found.sort();
    found.dedup();
    assert!(found.len() >= 40, "{found:?}");
    let doc = doc();
    for key in found {
        assert!(doc.contains(&format!("| `{key}` |")), "key `{key}` has no row in docs/case-format.md");
    }
}
