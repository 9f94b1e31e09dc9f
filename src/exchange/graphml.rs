//! GraphML, as networkx, yEd and Gephi read it: every attribute declared once as a key, and
//! the label, position and colour under the key names Gephi's importer looks for (`label`,
//! `x`, `y`, `size`, `r`, `g`, `b`).

use rustc_hash::FxHashMap;

use super::ImportError;
use super::builder::{CaseBuilder, Imported};
use super::gexf::finish_item;
use super::graph_attributes::{Attribute, Claim, LINK_ATTRIBUTES, NODE_ATTRIBUTES, ValueType};
use super::xml_graph::{ReadGraph, ReadItem, XmlCursor, XmlStep, import_graph};
use super::xml_text::{attribute, escaped, push_line};
use crate::model::{Case, ExchangeFormat, Link, Node};
use crate::theme::{NODE_RADIUS, kind_style};

/// The keys Gephi reads a node's drawing from, with their types, after the case's attributes.
pub(crate) const DRAWING_KEYS: [(&str, ValueType); 7] = [
    ("label", ValueType::Text),
    ("x", ValueType::Number),
    ("y", ValueType::Number),
    ("size", ValueType::Number),
    ("r", ValueType::Integer),
    ("g", ValueType::Integer),
    ("b", ValueType::Integer),
];

/// The case as a GraphML document: a directed graph (see the `directed` link attribute), node
/// positions y up as Gephi's are.
pub fn case_to_graphml(case: &Case) -> String {
    let (nodes, links) = super::claims(case);
    let mut text = String::with_capacity(400 * (nodes.len() + links.len()) + 4000);
    text.push_str(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" ",
        "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" ",
        "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    ));
    let node_keys = NODE_ATTRIBUTES.iter().map(|declared| (declared.name, declared.value_type)).chain(DRAWING_KEYS);
    for (name, value_type) in node_keys {
        key(&mut text, "node", name, value_type);
    }
    for declared in &LINK_ATTRIBUTES {
        key(&mut text, "edge", declared.name, declared.value_type);
    }
    key(&mut text, "edge", "label", ValueType::Text);
    push_line(&mut text, format_args!("  <graph{} edgedefault=\"directed\">", attribute("id", &case.info.title)));
    for (node, claim) in case.nodes.iter().zip(&nodes) {
        write_node(&mut text, case, node, claim);
    }
    for (link, claim) in case.links.iter().zip(&links) {
        write_link(&mut text, link, claim);
    }
    text.push_str("  </graph>\n</graphml>\n");
    text
}

/// A key's id: its element's letter and its name, so node and edge keys never clash.
pub(crate) fn key_id(element: &str, name: &str) -> String {
    format!("{}-{name}", &element[..1])
}

fn key(text: &mut String, element: &str, name: &str, value_type: ValueType) {
    push_line(
        text,
        format_args!(
            "  <key id=\"{}\" for=\"{element}\" attr.name=\"{name}\" attr.type=\"{}\"/>",
            key_id(element, name),
            value_type.name(true)
        ),
    );
}

fn data(text: &mut String, element: &str, name: &str, value: &str) {
    push_line(text, format_args!("      <data key=\"{}\">{}</data>", key_id(element, name), escaped(value)));
}

fn values<T>(text: &mut String, element: &str, attributes: &[Attribute<T>], claim: &Claim<'_, T>) {
    for declared in attributes {
        if let Some(value) = (declared.read)(claim) {
            data(text, element, declared.name, &value);
        }
    }
}

fn write_node(text: &mut String, case: &Case, node: &Node, claim: &Claim<'_, Node>) {
    push_line(text, format_args!("    <node{}>", attribute("id", node.id.as_str())));
    values(text, "node", &NODE_ATTRIBUTES, claim);
    data(text, "node", "label", &node.label);
    if let Some(position) = case.layout.positions.get(&node.id) {
        data(text, "node", "x", &position.x.to_string());
        data(text, "node", "y", &(-position.y).to_string());
    }
    data(text, "node", "size", &NODE_RADIUS.to_string());
    let colour = kind_style(node.kind).fill;
    for (name, channel) in [("r", colour.r), ("g", colour.g), ("b", colour.b)] {
        data(text, "node", name, &channel.to_string());
    }
    text.push_str("    </node>\n");
}

fn write_link(text: &mut String, link: &Link, claim: &Claim<'_, Link>) {
    let ends = format!(
        "{}{}{}",
        attribute("id", link.id.as_str()),
        attribute("source", link.source.as_str()),
        attribute("target", link.target.as_str())
    );
    push_line(text, format_args!("    <edge{ends}>"));
    values(text, "edge", &LINK_ATTRIBUTES, claim);
    data(text, "edge", "label", link.role.as_deref().unwrap_or(link.kind.verb()));
    text.push_str("    </edge>\n");
}

const GRAPHML_HELP: &str =
    "a GraphML file is XML: <graphml><key id attr.name/><graph><node id><data key>…</node><edge source target>…";

/// Reads a GraphML file: nodes and edges with their data, the label and position under the
/// key names Gephi and yEd use.
pub fn read_graphml(bytes: &[u8], file: &str) -> Result<Imported, ImportError> {
    let mut cursor = XmlCursor::new(bytes, file, GRAPHML_HELP)?;
    let mut keys: FxHashMap<String, String> = FxHashMap::default();
    let (mut graph, mut current, mut is_graphml, mut depth) = (ReadGraph::default(), None, false, 0usize);
    let mut builder = CaseBuilder::new(ExchangeFormat::GraphMl, file);
    loop {
        let element = match cursor.step()? {
            XmlStep::Opened(element) => element,
            XmlStep::Closed(name) => {
                depth = depth.saturating_sub(usize::from(name == b"graph"));
                finish_item(&mut graph, &mut current, &name);
                continue;
            }
            XmlStep::Finished => break,
        };
        let get = |name: &str| element.get(name);
        match element.name.as_slice() {
            b"graphml" => is_graphml = true,
            b"key" => {
                let id = get("id").unwrap_or_default();
                keys.insert(id.clone(), get("attr.name").unwrap_or(id));
            }
            b"graph" if !element.is_empty => {
                depth += 1;
                if depth > 1 {
                    builder.report().not_imported("nested graphs (their nodes are imported as nodes of the case)", 1);
                }
            }
            name @ (b"node" | b"edge") => {
                let ends = (get("source").unwrap_or_default(), get("target").unwrap_or_default());
                let item = ReadItem { id: get("id"), ends, place: element.place.clone(), ..ReadItem::default() };
                current = Some((name == b"edge", item));
                if element.is_empty {
                    finish_item(&mut graph, &mut current, name);
                }
            }
            b"data" if !element.is_empty => {
                let key = get("key").unwrap_or_default();
                let text = cursor.text_to_end()?;
                if let Some((_, item)) = current.as_mut() {
                    let name = keys.get(&key).cloned().unwrap_or(key);
                    put_data(item, name, text);
                }
            }
            name @ (b"hyperedge" | b"port") => {
                builder.report().not_imported(format!("GraphML {}s", String::from_utf8_lossy(name)), 1);
            }
            _ => {}
        }
    }
    if !is_graphml {
        return Err(ImportError::NotTheFormat {
            message: format!("{file}: has no <graphml> element"),
            help: GRAPHML_HELP.to_owned(),
        });
    }
    import_graph(&mut builder, graph);
    Ok(builder.finish())
}

/// Files one `<data>` value: the id, label and position where networkx and Gephi keep them,
/// the rest by name.
fn put_data(item: &mut ReadItem, name: String, text: String) {
    let coordinate = || text.trim().parse::<f64>().ok();
    match name.as_str() {
        "label" => item.label = Some(text),
        // networkx writes a multigraph's edge key as the element's id, and the edge's own id
        // as data.
        "id" => item.id = Some(text),
        "x" => item.position.0 = coordinate(),
        "y" => item.position.1 = coordinate(),
        _ => item.values.push((name, text)),
    }
}
