//! GEXF 1.3, Gephi's format: every attribute declared once and given per node and link,
//! with each node's position, colour, size and shape in the `viz` namespace.

use rustc_hash::FxHashMap;

use super::ImportError;
use super::builder::{CaseBuilder, Imported};
use super::graph_attributes::{Attribute, Claim, LINK_ATTRIBUTES, NODE_ATTRIBUTES};
use super::xml_graph::{ReadGraph, ReadItem, XmlCursor, XmlStep, import_graph};
use super::xml_text::{attribute, escaped, push_line};
use crate::model::{Case, ExchangeFormat, Link, Node, NodeKind};
use crate::theme::{NODE_RADIUS, NodeShape, kind_style};

/// The case as a GEXF 1.3 document. Positions are Gephi's, y up: the case's y (down) negated.
pub fn case_to_gexf(case: &Case) -> String {
    let (nodes, links) = super::claims(case);
    let mut text = String::with_capacity(400 * (nodes.len() + links.len()) + 4000);
    text.push_str(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" ",
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ",
        "xsi:schemaLocation=\"http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd\" version=\"1.3\">\n",
        "  <meta>\n    <creator>casegraph</creator>\n"
    ));
    push_line(&mut text, format_args!("    <title>{}</title>", escaped(&case.info.title)));
    if let Some(summary) = &case.info.summary {
        push_line(&mut text, format_args!("    <description>{}</description>", escaped(summary)));
    }
    text.push_str("  </meta>\n  <graph defaultedgetype=\"directed\" mode=\"static\">\n");
    declare(&mut text, "node", &NODE_ATTRIBUTES);
    declare(&mut text, "edge", &LINK_ATTRIBUTES);
    text.push_str("    <nodes>\n");
    for (node, claim) in case.nodes.iter().zip(&nodes) {
        write_node(&mut text, case, node, claim);
    }
    text.push_str("    </nodes>\n    <edges>\n");
    for (link, claim) in case.links.iter().zip(&links) {
        write_link(&mut text, link, claim);
    }
    text.push_str("    </edges>\n  </graph>\n</gexf>\n");
    text
}

fn declare<T>(text: &mut String, class: &str, attributes: &[Attribute<T>]) {
    push_line(text, format_args!("    <attributes class=\"{class}\">"));
    for declared in attributes {
        push_line(
            text,
            format_args!(
                "      <attribute id=\"{0}\" title=\"{0}\" type=\"{1}\"/>",
                declared.name,
                declared.value_type.name(false)
            ),
        );
    }
    text.push_str("    </attributes>\n");
}

fn values<T>(text: &mut String, attributes: &[Attribute<T>], claim: &Claim<'_, T>) {
    text.push_str("        <attvalues>\n");
    for declared in attributes {
        if let Some(value) = (declared.read)(claim) {
            push_line(
                text,
                format_args!("          <attvalue for=\"{}\"{}/>", declared.name, attribute("value", &value)),
            );
        }
    }
    text.push_str("        </attvalues>\n");
}

/// GEXF's nearest shape to each kind's outline.
fn gexf_shape(kind: NodeKind) -> &'static str {
    match kind_style(kind).shape {
        NodeShape::Circle => "disc",
        NodeShape::RoundedSquare | NodeShape::Pentagon | NodeShape::Hexagon => "square",
        NodeShape::Triangle => "triangle",
        NodeShape::Diamond => "diamond",
    }
}

fn write_node(text: &mut String, case: &Case, node: &Node, claim: &Claim<'_, Node>) {
    push_line(
        text,
        format_args!("      <node{}{}>", attribute("id", node.id.as_str()), attribute("label", &node.label)),
    );
    values(text, &NODE_ATTRIBUTES, claim);
    let colour = kind_style(node.kind).fill;
    push_line(
        text,
        format_args!("        <viz:color r=\"{}\" g=\"{}\" b=\"{}\" a=\"1.0\"/>", colour.r, colour.g, colour.b),
    );
    if let Some(position) = case.layout.positions.get(&node.id) {
        push_line(text, format_args!("        <viz:position x=\"{}\" y=\"{}\" z=\"0.0\"/>", position.x, -position.y));
    }
    push_line(text, format_args!("        <viz:size value=\"{NODE_RADIUS}\"/>"));
    push_line(text, format_args!("        <viz:shape value=\"{}\"/>", gexf_shape(node.kind)));
    text.push_str("      </node>\n");
}

fn write_link(text: &mut String, link: &Link, claim: &Claim<'_, Link>) {
    let label = link.role.as_deref().unwrap_or(link.kind.verb());
    push_line(
        text,
        format_args!(
            "      <edge{}{}{}{}>",
            attribute("id", link.id.as_str()),
            attribute("source", link.source.as_str()),
            attribute("target", link.target.as_str()),
            attribute("label", label),
        ),
    );
    values(text, &LINK_ATTRIBUTES, claim);
    text.push_str("      </edge>\n");
}

const GEXF_HELP: &str = "a GEXF file is XML: <gexf><graph><nodes><node id label>…</nodes><edges><edge source target>…";

/// Reads a GEXF file (1.1 to 1.3): nodes and edges with their attribute values, labels and
/// positions.
pub fn read_gexf(bytes: &[u8], file: &str) -> Result<Imported, ImportError> {
    let mut cursor = XmlCursor::new(bytes, file, GEXF_HELP)?;
    let mut titles: FxHashMap<(String, String), String> = FxHashMap::default();
    let (mut class, mut graph, mut current, mut is_gexf) = (String::new(), ReadGraph::default(), None, false);
    loop {
        let element = match cursor.step()? {
            XmlStep::Opened(element) => element,
            XmlStep::Closed(name) => {
                finish_item(&mut graph, &mut current, &name);
                continue;
            }
            XmlStep::Finished => break,
        };
        let get = |name: &str| element.get(name);
        match element.name.as_slice() {
            b"gexf" => is_gexf = true,
            b"attributes" => class = get("class").unwrap_or_default(),
            b"attribute" => {
                let (id, title) = (get("id").unwrap_or_default(), get("title"));
                titles.insert((class.clone(), id.clone()), title.unwrap_or(id));
            }
            name @ (b"node" | b"edge") => {
                let is_edge = name == b"edge";
                let ends = (get("source").unwrap_or_default(), get("target").unwrap_or_default());
                // networkx writes an edge's own `type` and `weight` as the element's attributes.
                let values = element
                    .attributes
                    .iter()
                    .filter(|(name, value)| {
                        let is_direction =
                            name == "type" && ["directed", "undirected", "mutual"].contains(&value.as_str());
                        !(is_direction || ["id", "label", "source", "target"].contains(&name.as_str()))
                    })
                    .cloned()
                    .collect();
                let item = ReadItem {
                    id: get("id"),
                    ends,
                    label: get("label"),
                    values,
                    place: element.place.clone(),
                    ..ReadItem::default()
                };
                current = Some((is_edge, item));
                if element.is_empty {
                    finish_item(&mut graph, &mut current, name);
                }
            }
            b"attvalue" => {
                if let Some((is_edge, item)) = current.as_mut() {
                    let key = get("for").or_else(|| get("id")).unwrap_or_default();
                    let class = if *is_edge { "edge" } else { "node" };
                    let name = titles.get(&(class.to_owned(), key.clone())).cloned().unwrap_or(key);
                    item.values.push((name, get("value").unwrap_or_default()));
                }
            }
            b"position" => {
                if let Some((_, item)) = current.as_mut() {
                    let coordinate = |name: &str| get(name).and_then(|text| text.trim().parse::<f64>().ok());
                    item.position = (coordinate("x"), coordinate("y"));
                }
            }
            _ => {}
        }
    }
    if !is_gexf {
        return Err(ImportError::NotTheFormat {
            message: format!("{file}: has no <gexf> element"),
            help: GEXF_HELP.to_owned(),
        });
    }
    let mut builder = CaseBuilder::new(ExchangeFormat::Gexf, file);
    import_graph(&mut builder, graph);
    Ok(builder.finish())
}

/// Files the node or edge just ended.
pub(crate) fn finish_item(graph: &mut ReadGraph, current: &mut Option<(bool, ReadItem)>, element: &[u8]) {
    if matches!(element, b"node" | b"edge")
        && let Some((is_edge, item)) = current.take()
    {
        if is_edge { graph.edges.push(item) } else { graph.nodes.push(item) }
    }
}
