//! What GEXF and GraphML have in common: an XML cursor that places every problem at its line
//! and column, and the graph read from either mapped into a case through the attribute table.

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::ImportError;
use super::builder::CaseBuilder;
use super::graph_attributes::{
    Attribute, KIND_ATTRIBUTES, LINK_ATTRIBUTES, NODE_ATTRIBUTES, check_transaction_only, link_kind_named,
    node_kind_named,
};
use crate::model::{Id, LineIndex, Link, LinkKind, Node, NodeKind, Position};

/// A node or an edge as a graph file gives it, before mapping.
#[derive(Debug, Default)]
pub(crate) struct ReadItem {
    /// Its id; edges may have none.
    pub id: Option<String>,
    /// An edge's source and target ids.
    pub ends: (String, String),
    /// The label the element gives.
    pub label: Option<String>,
    /// Its attributes' values, by attribute name.
    pub values: Vec<(String, String)>,
    /// A node's position, y up as the file has it.
    pub position: (Option<f64>, Option<f64>),
    /// Where it starts in the file ("12:5").
    pub place: String,
}

/// A graph read from a file.
#[derive(Debug, Default)]
pub(crate) struct ReadGraph {
    /// The nodes, in file order.
    pub nodes: Vec<ReadItem>,
    /// The edges, in file order.
    pub edges: Vec<ReadItem>,
}

/// An XML reader over a whole file's text that says where each event is.
pub(crate) struct XmlCursor<'t> {
    reader: Reader<&'t [u8]>,
    lines: LineIndex<'t>,
    file: String,
    help: &'static str,
}

impl<'t> XmlCursor<'t> {
    /// A cursor over `bytes`, which must be UTF-8 (a byte-order mark is skipped).
    pub(crate) fn new(bytes: &'t [u8], file: &str, help: &'static str) -> Result<Self, ImportError> {
        let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
        let text = std::str::from_utf8(bytes).map_err(|error| ImportError::NotTheFormat {
            message: format!("{file}: is not UTF-8 text (byte {} is not); save it as UTF-8", error.valid_up_to()),
            help: help.to_owned(),
        })?;
        Ok(Self { reader: Reader::from_str(text), lines: LineIndex::new(text), file: file.to_owned(), help })
    }

    /// `line:column` of a byte offset.
    fn place_of(&self, offset: u64) -> String {
        let (line, column) = self.lines.line_column(u32::try_from(offset).unwrap_or(u32::MAX));
        format!("{line}:{column}")
    }

    /// Where the cursor is.
    pub(crate) fn place(&self) -> String {
        self.place_of(self.reader.buffer_position())
    }

    fn error(&self, message: impl std::fmt::Display) -> ImportError {
        let place = self.place_of(self.reader.error_position());
        ImportError::NotTheFormat { message: format!("{}:{place}: {message}", self.file), help: self.help.to_owned() }
    }

    /// The next event; the end of the file is `Event::Eof`.
    pub(crate) fn next(&mut self) -> Result<Event<'t>, ImportError> {
        self.reader.read_event().map_err(|error| self.error(error))
    }

    /// An element's attributes by local name, their values unescaped.
    pub(crate) fn attributes(&self, element: &BytesStart<'_>) -> Result<Vec<(String, String)>, ImportError> {
        let mut attributes = Vec::new();
        for attribute in element.attributes() {
            let attribute = attribute.map_err(|error| self.error(error))?;
            let value =
                attribute.normalized_value(quick_xml::XmlVersion::Implicit1_0).map_err(|error| self.error(error))?;
            attributes
                .push((String::from_utf8_lossy(attribute.key.local_name().as_ref()).into_owned(), value.into_owned()));
        }
        Ok(attributes)
    }

    /// The text up to the end of the element just opened, entities resolved.
    pub(crate) fn text_to_end(&mut self) -> Result<String, ImportError> {
        let mut text = String::new();
        loop {
            match self.next()? {
                Event::Text(part) => text.push_str(
                    &part.xml_content(quick_xml::XmlVersion::Implicit1_0).map_err(|error| self.error(error))?,
                ),
                Event::CData(part) => text.push_str(&part.decode().map_err(|error| self.error(error))?),
                Event::GeneralRef(reference) => {
                    let name = reference.decode().map_err(|error| self.error(error))?;
                    match reference.resolve_char_ref().map_err(|error| self.error(error))? {
                        Some(character) => text.push(character),
                        None => match quick_xml::escape::resolve_predefined_entity(&name) {
                            Some(replacement) => text.push_str(replacement),
                            None => return Err(self.error(format!("unknown entity `&{name};`"))),
                        },
                    }
                }
                Event::End(_) => return Ok(text),
                Event::Eof => return Err(self.error("the file ends inside an element")),
                _ => {}
            }
        }
    }
}

/// An element just opened: its local name, attributes and place.
pub(crate) struct Opened {
    /// The element's local name (`node`, `position`).
    pub name: Vec<u8>,
    /// Its attributes by local name, unescaped.
    pub attributes: Vec<(String, String)>,
    /// Where it is ("12:5").
    pub place: String,
    /// Whether it closes itself (`<node id="a"/>`).
    pub is_empty: bool,
}

impl Opened {
    /// The value of its attribute `name`.
    pub(crate) fn get(&self, name: &str) -> Option<String> {
        value_of(&self.attributes, name).map(str::to_owned)
    }
}

/// What comes next in the file, of what the graph readers look at.
pub(crate) enum XmlStep {
    /// An element opened (or one that closes itself).
    Opened(Opened),
    /// An element closed, by its local name.
    Closed(Vec<u8>),
    /// The end of the file.
    Finished,
}

impl XmlCursor<'_> {
    /// The next element opened or closed, or the end of the file.
    pub(crate) fn step(&mut self) -> Result<XmlStep, ImportError> {
        loop {
            let (element, is_empty) = match self.next()? {
                Event::Start(element) => (element, false),
                Event::Empty(element) => (element, true),
                Event::End(element) => return Ok(XmlStep::Closed(element.local_name().as_ref().to_vec())),
                Event::Eof => return Ok(XmlStep::Finished),
                _ => continue,
            };
            let attributes = self.attributes(&element)?;
            let name = element.local_name().as_ref().to_vec();
            return Ok(XmlStep::Opened(Opened { name, attributes, place: self.place(), is_empty }));
        }
    }
}

/// The value of the attribute `name` among `attributes`.
pub(crate) fn value_of<'a>(attributes: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attributes.iter().find(|(key, _)| key == name).map(|(_, value)| value.as_str())
}

/// The first kind attribute whose value names a kind.
fn kind_among<K>(item: &ReadItem, named: fn(&str) -> Option<K>) -> Option<(String, K)> {
    KIND_ATTRIBUTES.iter().find_map(|attribute| {
        let value = value_of(&item.values, attribute)?;
        named(value).map(|kind| (format!("{attribute} \"{value}\""), kind))
    })
}

/// Puts the values a graph file gives into `item` through the attribute table; the ones it
/// has no place for are reported.
fn apply<T>(
    builder: &mut CaseBuilder,
    item: &mut T,
    values: &[(String, String)],
    attributes: &[Attribute<T>],
    element: &str,
    place: &str,
) {
    // A blank value says nothing, as an empty cell in a spreadsheet says nothing.
    for (name, value) in values.iter().filter(|(_, value)| !value.trim().is_empty()) {
        let declared = attributes.iter().find(|declared| declared.name == name);
        match declared.map(|declared| declared.write) {
            Some(Some(write)) => {
                if let Err(error) = write(item, value) {
                    builder
                        .report()
                        .problem(place, format!("{element} attribute `{name}`: {error}; it was not imported"));
                }
            }
            // Worked out from the quotes, or read as the kind: nothing to set.
            Some(None) => {}
            None if KIND_ATTRIBUTES.contains(&name.as_str())
                || ["id", "label", "name", "x", "y"].contains(&name.as_str()) => {}
            None => builder.report().not_imported(format!("{element} attribute {name}"), 1),
        }
    }
}

/// Maps a graph read from a file into the case being built.
pub(crate) fn import_graph(builder: &mut CaseBuilder, graph: ReadGraph) {
    for (index, item) in graph.nodes.into_iter().enumerate() {
        import_node(builder, item, index);
    }
    for (index, item) in graph.edges.into_iter().enumerate() {
        import_edge(builder, item, index);
    }
}

fn import_node(builder: &mut CaseBuilder, item: ReadItem, index: usize) {
    let reference = item.id.clone().filter(|id| !id.trim().is_empty()).unwrap_or_else(|| format!("node {}", index + 1));
    if builder.is_repeated(&reference, &item.place) {
        return;
    }
    let (how, kind) = kind_among(&item, node_kind_named)
        .unwrap_or_else(|| ("no kind casegraph knows".to_owned(), NodeKind::Organization));
    builder.report().mapped(format!("node with {how} → {} node", kind.as_str()));
    let named = |text: &String| !text.trim().is_empty();
    let label = item
        .label
        .clone()
        .filter(named)
        .or_else(|| value_of(&item.values, "name").map(str::to_owned).filter(named))
        .unwrap_or_else(|| reference.clone());
    let mut node = Node::new(Id::unchecked(""), kind, label);
    apply(builder, &mut node, &item.values, &NODE_ATTRIBUTES, "node", &item.place);
    if let Err(problem) = check_transaction_only(&node) {
        builder.report().problem(&item.place, format!("{problem}; they were not imported"));
        (node.date, node.amount, node.status) = (None, None, None);
    }
    builder.add_node_with(&reference, node);
    let pinned = value_of(&item.values, "pinned").is_some_and(|text| text.eq_ignore_ascii_case("true"));
    if let (Some(x), Some(y)) = item.position
        && x.is_finite()
        && y.is_finite()
    {
        builder.place(&reference, Position { x, y: -y, pinned });
    }
}

fn import_edge(builder: &mut CaseBuilder, item: ReadItem, index: usize) {
    let reference = item.id.clone().filter(|id| !id.trim().is_empty()).unwrap_or_else(|| format!("edge {}", index + 1));
    let label_kind = item.label.as_deref().and_then(link_kind_named).map(|kind| ("label".to_owned(), kind));
    let (how, kind) = kind_among(&item, link_kind_named)
        .or(label_kind)
        .unwrap_or_else(|| ("no kind casegraph knows".to_owned(), LinkKind::Unknown));
    let mut read = Link::new(Id::unchecked(""), kind, Id::unchecked(""), Id::unchecked(""));
    apply(builder, &mut read, &item.values, &LINK_ATTRIBUTES, "edge", &item.place);
    let (source, target) = (item.ends.0.as_str(), item.ends.1.as_str());
    let Some(link) = builder.add_link(&reference, kind, (source, target), &item.place) else { return };
    let role = read.role.take().or_else(|| item.label.clone().filter(|_| kind == LinkKind::Unknown));
    link.role = role.or(link.role.take());
    (link.date, link.start_date, link.end_date, link.status, link.description) =
        (read.date, read.start_date, read.end_date, read.status, read.description);
    let mapped = format!("edge with {how} → {} link", link.kind.as_str());
    builder.report().mapped(mapped);
}
