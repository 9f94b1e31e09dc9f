//! Exchange with FollowTheMoney and Aleph: a case written as an entity stream reads back with
//! its facts; streams and diagrams written by FtM's own library import with a report of
//! everything left out.

use std::collections::BTreeSet;

use casegraph::exchange::{ALEPH_GRID_UNIT, Imported, case_to_ftm, read_aleph_diagram, read_ftm_stream};
use casegraph::model::{Case, ExchangeFormat, LinkKind, NodeKind, errors_as_read};
use casegraph::sample::load_sample;

const FTM_FIXTURE: &str = "tests/fixtures/exchange/written-by-followthemoney.ftm";
const ALEPH_FIXTURE: &str = "tests/fixtures/exchange/aleph-diagram.vis";

fn sample() -> Case {
    load_sample().case.expect("the sample")
}

fn through_ftm(case: &Case) -> Imported {
    read_ftm_stream(case_to_ftm(case).as_bytes(), "case.ftm").expect("the stream reads back")
}

/// Each link as what it claims: kind, ends, role, dates, status and description.
fn claims(case: &Case) -> BTreeSet<String> {
    case.links
        .iter()
        .map(|link| {
            let facts = (&link.role, link.date, link.start_date, link.end_date, link.status, &link.description);
            let folded = matches!(link.kind, LinkKind::Payer | LinkKind::Beneficiary);
            // A payer or beneficiary is a property of FtM's payment: only the parties survive.
            let facts = if folded { String::new() } else { format!("{facts:?}") };
            format!("{} {} {} {facts}", link.kind.as_str(), link.source, link.target)
        })
        .collect()
}

#[test]
fn a_case_through_ftm_keeps_its_nodes_kinds_dates_and_amounts() {
    let case = sample();
    let imported = through_ftm(&case);
    let back = &imported.case;
    assert_eq!(back.nodes.len(), case.nodes.len());
    for (node, read) in case.nodes.iter().zip(&back.nodes) {
        assert_eq!((&read.id, read.kind, &read.label), (&node.id, node.kind, &node.label));
        assert_eq!(
            (read.start_date, read.end_date, read.date),
            (node.start_date, node.end_date, node.date),
            "{}",
            node.id
        );
        assert_eq!(
            read.amount.as_ref().map(|a| (&a.value, &a.currency)),
            node.amount.as_ref().map(|a| (&a.value, &a.currency))
        );
        assert_eq!(read.status, node.status, "{}", node.id);
        if node.kind != NodeKind::Transaction {
            assert_eq!(
                (&read.aliases, &read.countries, &read.description),
                (&node.aliases, &node.countries, &node.description)
            );
        }
        let origin = read.origin.as_ref().expect("every imported node has its origin");
        assert_eq!(
            (origin.format, origin.file.as_str(), origin.reference.as_str()),
            (ExchangeFormat::Ftm, "case.ftm", node.id.as_str())
        );
    }
    assert_eq!(claims(back), claims(&case));
    assert!(imported.report.problems.is_empty(), "{:?}", imported.report.problems);
    assert!(errors_as_read(back).is_empty(), "{:?}", errors_as_read(back));
}

#[test]
fn a_case_through_ftm_keeps_its_quotes_and_sources() {
    let case = sample();
    let back = through_ftm(&case).case;
    assert_eq!(
        back.sources.iter().map(|s| (&s.id, &s.title, &s.publisher, s.date, &s.url)).collect::<Vec<_>>(),
        case.sources.iter().map(|s| (&s.id, &s.title, &s.publisher, s.date, &s.url)).collect::<Vec<_>>()
    );
    assert_eq!(back.quotes.len(), case.quotes.len());
    let payer_or_beneficiary = |id: &str| {
        case.links.iter().any(|l| l.id.as_str() == id && l.kind.is_transaction_role() && l.kind != LinkKind::Party)
    };
    for (quote, read) in case.quotes.iter().zip(&back.quotes) {
        assert_eq!(
            (&read.id, &read.source, &read.text, &read.locator),
            (&quote.id, &quote.source, &quote.text, &quote.locator)
        );
        for supported in quote.supports.iter().filter(|id| !payer_or_beneficiary(id.as_str())) {
            assert!(read.supports.contains(supported), "{} lost {supported}", quote.id);
        }
    }
}

#[test]
fn the_stream_is_the_same_bytes_every_time_and_one_entity_a_line() {
    let case = sample();
    let stream = case_to_ftm(&case);
    assert_eq!(stream, case_to_ftm(&case));
    for line in stream.lines() {
        let entity: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        assert!(entity["id"].is_string() && entity["schema"].is_string() && entity["properties"].is_object());
    }
    assert!(stream.contains(r#""classification":["embassy"]"#), "embassies are classified public bodies");
}

#[test]
fn a_stream_written_by_followthemoney_imports_with_everything_left_out_reported() {
    let bytes = std::fs::read(FTM_FIXTURE).expect("fixture");
    let Imported { case, report } = read_ftm_stream(&bytes, "written-by-followthemoney.ftm").expect("reads");
    let kind_of = |id: &str| case.node(id).map(|node| node.kind);
    assert_eq!(kind_of("NK-embassy"), Some(NodeKind::Embassy));
    assert_eq!(kind_of("NK-ofac"), Some(NodeKind::Government));
    assert_eq!(kind_of("NK-pay-1"), Some(NodeKind::Transaction));
    let kim = case.node("NK-kim-su-il").expect("Kim");
    assert_eq!(
        (kim.aliases.clone(), kim.start_date.map(|d| d.to_string())),
        (vec!["Kim Su-il".to_owned()], Some("1968".to_owned()))
    );
    let payment = case.node("NK-pay-1").expect("payment");
    assert_eq!(payment.amount.as_ref().map(|a| (a.value.as_str(), a.currency.as_str())), Some(("671000", "USD")));
    let has = |kind, source: &str, target: &str| {
        case.links.iter().any(|l| l.kind == kind && l.source.as_str() == source && l.target.as_str() == target)
    };
    assert!(
        has(LinkKind::Payer, "NK-ardis", "NK-pay-1") && has(LinkKind::Beneficiary, "NK-pay-1", "NK-korea-sobaeksu")
    );
    assert!(has(LinkKind::Sanction, "NK-ofac", "NK-ardis") && has(LinkKind::Ownership, "NK-kim-su-il", "NK-ardis"));
    assert_eq!(case.quotes.len(), 1);
    assert_eq!(case.quotes[0].supports.iter().map(|id| id.as_str()).collect::<Vec<_>>(), ["NK-ardis", "NK-own-1"]);
    for left_out in ["schema Vessel", "schema Address", "property Person.birthPlace", "property Ownership.percentage"] {
        assert_eq!(report.not_imported.get(left_out), Some(&1), "{left_out} is reported");
    }
    let problems = report.problems.join("\n");
    assert!(problems.contains("written-by-followthemoney.ftm:16:2: not an FtM entity"), "{problems}");
    assert!(problems.contains("written-by-followthemoney.ftm:12: `NK-nobody` names no imported node"), "{problems}");
    assert!(errors_as_read(&case).is_empty());
}

#[test]
fn an_aleph_diagram_keeps_its_positions_and_pins() {
    let bytes = std::fs::read(ALEPH_FIXTURE).expect("fixture");
    let Imported { case, report } = read_aleph_diagram(&bytes, "aleph-diagram.vis").expect("reads");
    let diagram: serde_json::Value = serde_json::from_slice(&bytes).expect("JSON");
    let vertices = diagram["layout"]["vertices"].as_array().expect("vertices");
    let mut placed = 0;
    for vertex in vertices.iter().filter(|vertex| vertex["type"] == "entity") {
        let id = vertex["entityId"].as_str().expect("entity id");
        let position = case.layout.positions.get(id).expect("every entity vertex is placed");
        let grid = |axis: &str| vertex["position"][axis].as_f64().expect("coordinate") * ALEPH_GRID_UNIT;
        assert_eq!((position.x, position.y, position.pinned), (grid("x"), grid("y"), vertex["fixed"] == true));
        placed += 1;
    }
    assert_eq!(placed, 5);
    assert!(
        case.nodes.iter().all(|node| node.origin.as_ref().is_some_and(|o| o.format == ExchangeFormat::AlephDiagram))
    );
    assert_eq!(report.not_imported.get("vertices of type country (Aleph draws a property as a node)"), Some(&1));
}

#[test]
fn an_older_vis_with_entities_nested_in_properties_reads_each_entity_once() {
    let vis = r#"{"layout": {"entities": [
        {"id": "a1", "schema": "Person", "properties": {"name": ["A"]}},
        {"id": "f1", "schema": "Family", "properties": {
            "person": [{"id": "a1", "schema": "Person", "properties": {"name": ["A"]}}],
            "relative": [{"id": "b2", "schema": "Person", "properties": {"name": ["B"]}}]}}],
        "vertices": [{"id": "entity:a1", "type": "entity", "entityId": "a1", "fixed": true, "position": {"x": 3, "y": -2}}]}}"#;
    let Imported { case, report } = read_aleph_diagram(vis.as_bytes(), "old.vis").expect("reads");
    assert_eq!(case.nodes.iter().map(|n| n.label.as_str()).collect::<Vec<_>>(), ["A", "B"]);
    assert_eq!(case.links.len(), 1);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
}

#[test]
fn a_file_that_is_not_ftm_says_what_one_looks_like() {
    let error = read_ftm_stream(b"<gexf>\n</gexf>\n", "graph.ftm").expect_err("not FtM");
    let message = error.to_string();
    assert!(message.starts_with("graph.ftm:1:1: not an FtM entity"), "{message}");
    assert!(message.contains("one JSON entity a line"), "{message}");
    let error = read_aleph_diagram(b"{\"nodes\": []}", "x.vis").expect_err("no entities");
    assert!(error.to_string().contains("lists its entities in `entities`"), "{error}");
}

#[test]
fn ids_ftm_allows_and_cases_do_not_are_renamed_and_kept_as_the_origin() {
    let stream = concat!(
        r#"{"id": "Q1_x", "schema": "Person", "properties": {"name": ["Jo Ann"]}}"#,
        "\n",
        r#"{"id": "Q1_x", "schema": "Person", "properties": {"name": ["Again"]}}"#,
        "\n",
    );
    let Imported { case, report } = read_ftm_stream(stream.as_bytes(), "ids.ftm").expect("reads");
    assert_eq!(case.nodes.len(), 1);
    assert_eq!(case.nodes[0].id.as_str(), "p-jo-ann");
    assert_eq!(case.nodes[0].origin.as_ref().map(|o| o.reference.as_str()), Some("Q1_x"));
    assert!(report.problems[0].contains("ids.ftm:2: `Q1_x` appears again"), "{:?}", report.problems);
}

#[test]
fn an_aleph_diagram_s_groupings_are_reported_not_dropped() {
    let vis = r#"{"entities": [{"id": "a1", "schema": "Person", "properties": {"name": ["A"]}}],
        "layout": {"vertices": [], "groupings": [{"id": "g1", "label": "Family", "vertices": ["entity:a1"]}]}}"#;
    let Imported { report, .. } = read_aleph_diagram(vis.as_bytes(), "grouped.vis").expect("reads");
    assert_eq!(report.not_imported.get("groupings (casegraph has no groups)"), Some(&1));
}

#[test]
fn blank_values_are_left_out_as_ftm_leaves_them_out() {
    let stream =
        r#"{"id": "a1", "schema": "Person", "properties": {"name": ["", "Jo"], "alias": [" ", "Jo", "J.", "J."]}}"#;
    let Imported { case, .. } = read_ftm_stream(stream.as_bytes(), "blank.ftm").expect("reads");
    assert_eq!((case.nodes[0].label.as_str(), case.nodes[0].aliases.clone()), ("Jo", vec!["J.".to_owned()]));
    assert!(errors_as_read(&case).is_empty());
}

#[test]
fn an_entity_without_an_id_is_reported_and_skipped() {
    // Found by tests/fuzz_exchange.rs: an empty id became an origin the case file refuses.
    let stream = "{\"id\": \"\", \"schema\": \"Person\", \"properties\": {\"name\": [\"X\"]}}\n{\"id\": \"b\", \"schema\": \"Person\", \"properties\": {}}\n";
    let Imported { case, report } = read_ftm_stream(stream.as_bytes(), "ids.ftm").expect("reads");
    assert_eq!(case.nodes.len(), 1);
    assert!(report.problems[0].contains("ids.ftm:1: an entity without an `id`"), "{:?}", report.problems);
    assert!(errors_as_read(&case).is_empty());
}
