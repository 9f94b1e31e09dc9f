//! Exchange with graph tools: a case written as GEXF or GraphML reads back with its facts,
//! positions and pins; graphs written by networkx import with their kinds mapped and the
//! rest reported; broken XML is refused with its line and column.

use casegraph::exchange::{Imported, case_to_gexf, case_to_graphml, read_gexf, read_graphml};
use casegraph::model::{Case, LinkKind, NodeKind, Position, errors_as_read};
use casegraph::sample::load_sample;

/// The sample with every node placed, some pinned.
fn placed_sample() -> Case {
    let mut case = load_sample().case.expect("the sample");
    for (index, node) in case.nodes.iter().enumerate() {
        let position = Position { x: index as f64 * 12.5, y: -(index as f64) * 3.25, pinned: index % 3 == 0 };
        case.layout.positions.insert(node.id.clone(), position);
    }
    case
}

fn assert_same_facts(read: &Case, case: &Case) {
    assert_eq!(read.nodes.len(), case.nodes.len());
    for (node, back) in case.nodes.iter().zip(&read.nodes) {
        let mut expected = node.clone();
        expected.origin = back.origin.clone();
        assert_eq!(back, &expected);
        assert_eq!(read.layout.positions.get(&node.id), case.layout.positions.get(&node.id), "{}", node.id);
    }
    assert_eq!(read.links.len(), case.links.len());
    for (link, back) in case.links.iter().zip(&read.links) {
        let mut expected = link.clone();
        expected.origin = back.origin.clone();
        assert_eq!(back, &expected);
    }
    assert!(errors_as_read(read).is_empty(), "{:?}", errors_as_read(read));
}

#[test]
fn a_case_through_gexf_keeps_every_fact_position_and_pin() {
    let case = placed_sample();
    let Imported { case: read, report } = read_gexf(case_to_gexf(&case).as_bytes(), "case.gexf").expect("reads back");
    assert_same_facts(&read, &case);
    assert!(report.problems.is_empty() && report.not_imported.is_empty(), "{report:?}");
}

#[test]
fn a_case_through_graphml_keeps_every_fact_position_and_pin() {
    let case = placed_sample();
    let Imported { case: read, report } =
        read_graphml(case_to_graphml(&case).as_bytes(), "case.graphml").expect("reads back");
    assert_same_facts(&read, &case);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    assert_eq!(
        report.not_imported.keys().collect::<Vec<_>>(),
        ["node attribute b", "node attribute g", "node attribute r", "node attribute size"]
    );
}

#[test]
fn the_same_case_gives_the_same_bytes() {
    let case = placed_sample();
    assert_eq!(case_to_gexf(&case), case_to_gexf(&case));
    assert_eq!(case_to_graphml(&case), case_to_graphml(&case));
}

#[test]
fn a_gexf_written_by_networkx_maps_its_types_and_keeps_its_positions() {
    let bytes = std::fs::read("tests/fixtures/exchange/written-by-networkx.gexf").expect("fixture");
    let Imported { case, report } = read_gexf(&bytes, "written-by-networkx.gexf").expect("reads");
    let kind = |id: &str| case.node(id).map(|node| node.kind);
    assert_eq!(
        [kind("kim"), kind("ardis"), kind("pay")],
        [Some(NodeKind::Person), Some(NodeKind::Company), Some(NodeKind::Transaction)]
    );
    assert_eq!(kind("unlabelled"), Some(NodeKind::Organization));
    assert_eq!(report.mapped.get("node with no kind casegraph knows → organization node"), Some(&2));
    let kim = &case.layout.positions["kim"];
    assert_eq!((kim.x, kim.y), (10.0, -20.0), "Gephi's y is up, the case's down");
    let payment = case.node("pay").and_then(|node| node.amount.clone()).expect("an amount");
    assert_eq!((payment.value.as_str(), payment.currency.as_str()), ("671000", "USD"));
    let link = |id: &str| case.links.iter().find(|link| link.id.as_str() == id).expect("link");
    assert_eq!(link("e1").kind, LinkKind::Ownership);
    assert_eq!((link("e2").kind, link("e2").role.as_deref()), (LinkKind::Unknown, Some("old friends")));
    assert_eq!(link("e3").kind, LinkKind::Payer);
    assert_eq!(report.not_imported.get("node attribute community"), Some(&3));
    assert_eq!(report.not_imported.get("edge attribute weight"), Some(&1));
}

#[test]
fn a_graphml_written_by_networkx_maps_its_types() {
    let bytes = std::fs::read("tests/fixtures/exchange/written-by-networkx.graphml").expect("fixture");
    let Imported { case, report } = read_graphml(&bytes, "written-by-networkx.graphml").expect("reads");
    assert_eq!(case.node("kim").map(|node| (node.kind, node.label.as_str())), Some((NodeKind::Person, "Kim Su Il")));
    assert_eq!(
        case.node("ardis").and_then(|node| node.start_date).map(|date| date.to_string()).as_deref(),
        Some("2009-04-02")
    );
    assert_eq!(case.links.iter().filter(|link| link.kind == LinkKind::Ownership).count(), 1);
    let associate = case.links.iter().find(|link| link.id.as_str() == "e4").expect("e4");
    assert_eq!(
        (associate.kind, associate.role.as_deref()),
        (LinkKind::Unknown, Some("is an associate of")),
        "an associate must be a person"
    );
    assert!(report.mapped.contains_key("associate → unknown link (family and associate links join two people)"));
    assert!(errors_as_read(&case).is_empty());
}

#[test]
fn broken_xml_is_refused_at_its_line_and_column() {
    let gexf =
        "<?xml version=\"1.0\"?>\n<gexf>\n  <graph>\n    <nodes>\n      <node id=\"a\" label=\"A\">\n    </nodes>\n";
    let message = read_gexf(gexf.as_bytes(), "broken.gexf").expect_err("broken").to_string();
    assert!(message.starts_with("broken.gexf:6:"), "{message}");
    let message = read_graphml(b"<nodes/>", "other.graphml").expect_err("not GraphML").to_string();
    assert!(message.contains("other.graphml: has no <graphml> element"), "{message}");
    let message = read_gexf(&[0x3c, 0xff, 0xfe], "latin.gexf").expect_err("not UTF-8").to_string();
    assert!(message.contains("is not UTF-8"), "{message}");
}

#[test]
fn an_edge_to_a_node_not_in_the_file_is_reported_and_the_rest_read() {
    let graphml = r#"<graphml><graph><node id="a"/><node id="b"/><edge source="a" target="b"/><edge source="a" target="zz"/></graph></graphml>"#;
    let Imported { case, report } = read_graphml(graphml.as_bytes(), "g.graphml").expect("reads");
    assert_eq!((case.nodes.len(), case.links.len()), (2, 1));
    assert_eq!(report.problems.len(), 1);
    assert!(report.problems[0].contains("`zz` names no imported node"), "{:?}", report.problems);
}

#[test]
fn a_graph_closed_more_often_than_opened_is_read_without_a_panic() {
    // Found by tests/fuzz_exchange.rs: the nesting count went below zero.
    let bytes = std::fs::read("tests/fixtures/exchange/fuzz-found-unopened-graph.graphml").expect("fixture");
    let _either_way: Result<Imported, _> = read_graphml(&bytes, "fuzz.graphml");
}

#[test]
fn line_breaks_and_tabs_in_a_value_survive_as_character_references() {
    let mut case = placed_sample();
    case.nodes[0].description = Some("first line\nsecond\tline".to_owned());
    let gexf = case_to_gexf(&case);
    assert!(gexf.contains("first line&#10;second&#9;line"));
    let read = read_gexf(gexf.as_bytes(), "case.gexf").expect("reads back").case;
    assert_eq!(read.nodes[0].description, case.nodes[0].description);
}

#[test]
fn a_blank_label_gives_way_to_the_id() {
    let graphml = r#"<graphml><key id="l" for="node" attr.name="label"/><key id="r" for="edge" attr.name="role"/><graph><node id="a"><data key="l">  </data></node><edge source="a" target="a"><data key="r"></data></edge></graph></graphml>"#;
    let Imported { case, .. } = read_graphml(graphml.as_bytes(), "blank.graphml").expect("reads");
    assert_eq!(case.nodes[0].label, "a");
    assert!(errors_as_read(&case).is_empty(), "{:?}", errors_as_read(&case));
}

#[test]
fn an_empty_id_is_numbered_as_a_missing_one_is() {
    // Found by tests/fuzz_exchange.rs: an empty edge id became an origin the case file refuses.
    let graphml =
        r#"<graphml><graph><node id="a"/><node id="b"/><edge id="" source="a" target="b"/></graph></graphml>"#;
    let Imported { case, .. } = read_graphml(graphml.as_bytes(), "ids.graphml").expect("reads");
    assert_eq!(case.links[0].origin.as_ref().map(|origin| origin.reference.as_str()), Some("edge 1"));
    assert!(errors_as_read(&case).is_empty(), "{:?}", errors_as_read(&case));
}
