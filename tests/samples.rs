//! The bundled samples load cleanly, their quotes are verbatim, and saving is stable.

use casegraph::model::{
    Case, CaseGraph, ItemRef, LinkKind, MemoryDocuments, NodeKind, Position, case_to_json, load_case_bytes,
    load_case_file,
};
use casegraph::sample::{SAMPLE_CASE_JSON, load_sample};

mod common;

fn sample_files() -> Vec<std::path::PathBuf> {
    common::files_ending_with("sample_cases", ".case.json")
}

fn reload(text: &str) -> Case {
    let report = load_case_bytes(text.as_bytes(), "saved.case.json", &MemoryDocuments::default());
    let errors: Vec<_> = report.diagnostics.iter().filter(|d| d.is_error()).collect();
    assert!(errors.is_empty(), "{errors:?}");
    report.case.expect("case")
}

#[test]
fn every_sample_loads_with_no_errors_and_no_warnings() {
    let files = sample_files();
    assert!(files.len() >= 2, "{files:?}");
    for file in files {
        let report = load_case_file(&file);
        let messages: Vec<String> = report.diagnostics.iter().map(|d| d.display_in(&report.file).to_string()).collect();
        assert!(messages.is_empty(), "{}", messages.join("\n"));
        assert!(report.case.is_some());
    }
}

#[test]
fn the_embedded_sample_is_the_file_on_disk_and_checks_its_quotes() {
    let on_disk = std::fs::read_to_string("sample_cases/north-korea-business-russia.case.json").expect("sample");
    assert_eq!(on_disk, SAMPLE_CASE_JSON);
    let report = load_sample();
    assert_eq!(report.diagnostics, vec![]);
    let case = report.case.expect("sample opens");
    assert!(case.quotes.len() >= 40);
    assert!(case.sources.iter().all(|source| source.document.is_some()));
}

#[test]
fn a_changed_quote_is_caught_against_the_bundled_document() {
    let tampered = SAMPLE_CASE_JSON.replace("twice took a North Korean delegation", "took a North Korean delegation");
    assert_ne!(tampered, SAMPLE_CASE_JSON);
    let report = load_case_bytes(tampered.as_bytes(), "tampered", &casegraph::sample::sample_documents());
    let warnings: Vec<String> = report.diagnostics.iter().map(|d| d.display_in("tampered").to_string()).collect();
    assert_eq!(warnings.len(), 1, "{warnings:#?}");
    assert!(warnings[0].contains("is not word for word"), "{}", warnings[0]);
    assert!(warnings[0].contains("He said he twice took a North Korean delegation"), "{}", warnings[0]);
}

#[test]
fn samples_are_stored_in_the_canonical_form_so_saving_changes_nothing() {
    for file in sample_files() {
        let text = std::fs::read_to_string(&file).expect("read");
        let case = load_case_file(&file).case.expect("opens");
        let saved = case_to_json(&case).expect("save");
        assert_eq!(saved, text, "{} is not in canonical form", file.display());
        let again = reload(&saved);
        assert_eq!(again, case);
        assert_eq!(case_to_json(&again).expect("save"), saved);
    }
}

#[test]
fn moving_one_node_changes_only_its_position_lines() {
    let mut case = load_sample().case.expect("sample");
    for (index, node) in case.nodes.iter().enumerate() {
        let position = Position { x: index as f64 * 10.5, y: -(index as f64) * 3.25, pinned: index % 3 == 0 };
        case.layout.positions.insert(node.id.clone(), position);
    }
    let before = case_to_json(&case).expect("save");
    let lee = case.layout.positions.get_mut("p-lee").expect("Lee has a position");
    lee.x += 42.0;
    lee.y = 17.125;
    let after = case_to_json(&case).expect("save");
    let before_lines: Vec<&str> = before.lines().collect();
    let after_lines: Vec<&str> = after.lines().collect();
    assert_eq!(before_lines.len(), after_lines.len());
    let changed: Vec<(usize, &str)> = before_lines
        .iter()
        .zip(&after_lines)
        .enumerate()
        .filter(|(_, (b, a))| b != a)
        .map(|(line, (_, a))| (line, *a))
        .collect();
    assert_eq!(changed.len(), 2, "{changed:?}");
    assert!(changed[0].1.trim_start().starts_with("\"x\": "), "{changed:?}");
    assert!(changed[1].1.trim_start().starts_with("\"y\": 17.125"), "{changed:?}");
    let owner = before_lines[..changed[0].0].iter().rev().find(|line| line.trim_end().ends_with('{')).expect("owner");
    assert_eq!(owner.trim(), "\"p-lee\": {");
}

#[test]
fn the_graph_answers_the_side_panel_questions() {
    let case = load_sample().case.expect("sample");
    let graph = CaseGraph::new(&case);
    let michurin = graph.node_index("p-igor-michurin").expect("Michurin");
    let ardis = graph.node_index("c-ardis-bearings").expect("Ardis");
    let neighbours = graph.neighbours(michurin);
    let ownership = neighbours
        .iter()
        .find(|n| n.node == ardis)
        .map(|n| &case.links[n.link])
        .expect("Michurin is linked to Ardis-Bearings");
    assert_eq!(ownership.kind, LinkKind::Ownership);
    let ofac = neighbours.iter().find(|n| case.nodes[n.node].id.as_str() == "g-ofac").expect("OFAC link");
    assert!(ofac.incoming, "OFAC sanctions Michurin, so the link comes in");
    let evidence = graph.evidence_for_node(ardis);
    assert!(evidence.iter().any(|&q| case.quotes[q].text.contains("One of his companies, Ardis-Bearings")));
    let link = graph.resolve("l-ofac-sanctions-michurin").expect("link id");
    let ItemRef::Link(link_index) = link else { panic!("a link") };
    assert_eq!(graph.link_ends(link_index), Some((graph.node_index("g-ofac").expect("ofac"), michurin)));
    assert!(graph.quotes_for(link).iter().any(|&q| case.quotes[q].text.contains("June 1, 2017")));
}

#[test]
fn the_sample_tells_the_story_of_both_articles() {
    let case = load_sample().case.expect("sample");
    for kind in NodeKind::ALL {
        assert!(case.nodes.iter().any(|node| node.kind == kind), "no {kind:?} in the sample");
    }
    let node = |id: &str| case.node(id).unwrap_or_else(|| panic!("{id} missing"));
    let aerostat = node("t-aerostat-deal");
    assert_eq!(aerostat.status, Some(casegraph::model::ClaimStatus::Abandoned));
    assert_eq!(
        aerostat.amount.as_ref().map(|a| (a.value.as_str(), a.currency.as_str(), a.approximate)),
        Some(("1000000", "USD", true))
    );
    assert_eq!(node("t-metal-procurement").status, Some(casegraph::model::ClaimStatus::Denied));
    assert_eq!(node("t-worker-levies").status, Some(casegraph::model::ClaimStatus::Claimed));
    let sources: Vec<&str> = case.sources.iter().map(|s| s.publisher.as_str()).collect();
    assert_eq!(sources, ["Reuters", "The Dong-A Ilbo"]);
    assert_eq!(case.sources[0].authors, ["Polina Nikolskaya"]);
}
