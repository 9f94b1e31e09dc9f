//! Builds a [`Case`] straight from the JSON text, reporting every malformed field rather
//! than stopping at the first: wrong types, missing, unknown and repeated keys, bad ids,
//! dates, codes and numbers. Cross-references are checked afterwards by [`super::validate`].
//!
//! Reading the text once, without an intermediate tree, keeps loading fast and its memory
//! close to the size of the case itself.
//!
//! To keep later checks from cascading, a malformed value is replaced by a stand-in where
//! the item would otherwise vanish; a case with any error never opens, so stand-ins never
//! reach the analyst.

mod items;
mod keys;
mod presentation;
mod reader;
mod split;
mod story;
mod top_level;

pub use keys::{FILE_OBJECTS, FileObject};
use keys::{MAX_KEYS, ObjectKeys, TopKey};

use super::case::{Case, CaseInfo, Layout, Link, Node, Quote, Review, Source, View};
use super::diagnostic::Diagnostic;
use super::json_path::JsonPath;
use super::spanned_json::{Cursor, Next, Scanner, SyntaxError};
use super::story::Story;

/// Where each decoded item stood in the file's arrays. Items too malformed to keep are
/// dropped, so the n-th node in the [`Case`] is not always `nodes[n]` in the file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FileIndices {
    /// File index of each node.
    pub nodes: Vec<usize>,
    /// File index of each link.
    pub links: Vec<usize>,
    /// File index of each source.
    pub sources: Vec<usize>,
    /// File index of each quote.
    pub quotes: Vec<usize>,
}

/// One of the four top-level collections of items.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Collection {
    /// `nodes`
    Nodes,
    /// `links`
    Links,
    /// `sources`
    Sources,
    /// `quotes`
    Quotes,
}

impl Collection {
    /// Its top-level key.
    pub fn key(self) -> &'static str {
        match self {
            Collection::Nodes => "nodes",
            Collection::Links => "links",
            Collection::Sources => "sources",
            Collection::Quotes => "quotes",
        }
    }
}

impl FileIndices {
    /// The path of the `index`-th kept item of `collection` as the file has it (`links[3]`).
    /// Without indices, as for a case that never came from a file, items are placed by
    /// their position.
    pub fn item_path(indices: Option<&Self>, collection: Collection, index: usize) -> JsonPath {
        let kept = indices.map(|i| match collection {
            Collection::Nodes => &i.nodes,
            Collection::Links => &i.links,
            Collection::Sources => &i.sources,
            Collection::Quotes => &i.quotes,
        });
        JsonPath::root().key(collection.key()).index(kept.and_then(|kept| kept.get(index)).copied().unwrap_or(index))
    }
}

/// Decodes a case file's text, appending every problem to `diagnostics`. A JSON syntax
/// error ends the reading, since nothing after it can be trusted; the caller reports it alone.
/// A large file is read on two threads when it can be, with the same result.
pub fn decode_case(text: &str, diagnostics: &mut Vec<Diagnostic>) -> Result<(Case, FileIndices), SyntaxError> {
    if text.len() >= split::SPLIT_MIN_BYTES
        && let Some(decoded) = split::decode_on_two_threads(text, diagnostics)
    {
        return decoded;
    }
    read_document(&mut Decoder { diagnostics, split: None, split_conflict: false }, text)
}

/// Reads the whole document with `decoder`.
fn read_document(decoder: &mut Decoder<'_, '_>, text: &str) -> Read<(Case, FileIndices)> {
    let mut scanner = Scanner::new(text)?;
    let decoded = decoder.case(&mut scanner)?;
    scanner.finish()?;
    Ok(decoded)
}

type Read<T> = Result<T, SyntaxError>;

struct Decoder<'d, 's> {
    diagnostics: &'d mut Vec<Diagnostic>,
    /// The other thread's reading of the second half of a large file.
    split: Option<split::Split<'s>>,
    /// Set when taking the other thread's reading would not give what reading in one go
    /// gives; the file is then read again in one go.
    split_conflict: bool,
}

/// The top-level values read so far.
#[derive(Default)]
struct TopLevel {
    format: Option<(u32, Option<String>)>,
    version: Option<(u32, Option<u64>, Vec<Diagnostic>)>,
    info: CaseInfo,
    nodes: Vec<Node>,
    links: Vec<Link>,
    sources: Vec<Source>,
    quotes: Vec<Quote>,
    reviews: Vec<Review>,
    indices: FileIndices,
    layout: Layout,
    view: View,
    story: Story,
}

impl TopLevel {
    fn nodes(&mut self) -> (&mut Vec<Node>, &mut Vec<usize>) {
        (&mut self.nodes, &mut self.indices.nodes)
    }

    fn links(&mut self) -> (&mut Vec<Link>, &mut Vec<usize>) {
        (&mut self.links, &mut self.indices.links)
    }

    fn sources(&mut self) -> (&mut Vec<Source>, &mut Vec<usize>) {
        (&mut self.sources, &mut self.indices.sources)
    }

    fn quotes(&mut self) -> (&mut Vec<Quote>, &mut Vec<usize>) {
        (&mut self.quotes, &mut self.indices.quotes)
    }

    /// Takes from `later` the values of the top-level keys whose bits `seen` holds.
    fn take_keys(&mut self, mut later: TopLevel, seen: u64) {
        use std::mem::take;
        for &key in TopKey::ALL {
            if seen & key.bit() == 0 {
                continue;
            }
            match key {
                TopKey::Format => self.format = later.format.take(),
                TopKey::Version => self.version = later.version.take(),
                TopKey::Case => self.info = take(&mut later.info),
                TopKey::Nodes => {
                    (self.nodes, self.indices.nodes) = (take(&mut later.nodes), take(&mut later.indices.nodes));
                }
                TopKey::Links => {
                    (self.links, self.indices.links) = (take(&mut later.links), take(&mut later.indices.links));
                }
                TopKey::Sources => {
                    (self.sources, self.indices.sources) = (take(&mut later.sources), take(&mut later.indices.sources));
                }
                TopKey::Quotes => {
                    (self.quotes, self.indices.quotes) = (take(&mut later.quotes), take(&mut later.indices.quotes));
                }
                TopKey::Reviews => self.reviews = take(&mut later.reviews),
                TopKey::Layout => self.layout = take(&mut later.layout),
                TopKey::View => self.view = take(&mut later.view),
                TopKey::Story => self.story = take(&mut later.story),
            }
        }
    }

    fn into_case(self) -> (Case, FileIndices) {
        let TopLevel { info, nodes, links, sources, quotes, reviews, indices, layout, view, story, .. } = self;
        (Case { info, nodes, links, sources, quotes, reviews, layout, view, story }, indices)
    }
}

/// What reading one object found, for the checks that need the whole object.
struct ObjectInfo {
    offset: u32,
    /// The names of the keys this kind of object has, for messages.
    known: &'static [&'static str],
    /// Bit per known key: the key appeared with a value other than `null`.
    present: u64,
    /// Bit per known key: the key appeared at all.
    seen: u64,
    /// Offset of each known key that appeared.
    key_offsets: [u32; MAX_KEYS],
    /// Keys that are not known here.
    unknown: Vec<String>,
}

impl ObjectInfo {
    fn new<K: ObjectKeys>(offset: u32) -> Self {
        Self { offset, known: K::NAMES, present: 0, seen: 0, key_offsets: [offset; MAX_KEYS], unknown: Vec::new() }
    }

    /// Takes in the keys `later` found when it read the rest of this object on another
    /// thread; false when a key appeared in both, which reading in one go would have reported.
    fn absorb(&mut self, later: ObjectInfo) -> bool {
        let disjoint = self.seen & later.seen == 0;
        for slot in 0..self.known.len() {
            if later.seen & (1 << slot) != 0 {
                self.key_offsets[slot] = later.key_offsets[slot];
            }
        }
        self.seen |= later.seen;
        self.present |= later.present;
        self.unknown.extend(later.unknown);
        disjoint
    }

    fn has<K: ObjectKeys>(&self, key: K) -> bool {
        self.present & key.bit() != 0
    }

    fn appeared<K: ObjectKeys>(&self, key: K) -> bool {
        self.seen & key.bit() != 0
    }

    fn key_offset<K: ObjectKeys>(&self, key: K) -> u32 {
        self.key_offsets[key.slot()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<String> {
        let mut diagnostics = Vec::new();
        match decode_case(text, &mut diagnostics) {
            Ok(_) => {
                diagnostics.iter().map(|d| format!("{}: {}", d.path.clone().unwrap_or_default(), d.message)).collect()
            }
            Err(error) => vec![error.message],
        }
    }

    #[test]
    fn a_misspelt_version_still_keeps_the_case_closed() {
        let found = problems(r#"{"format": "casegraph", "verison": 1, "case": {"title": "t"}}"#);
        assert_eq!(found, ["$: missing required key `version`"]);
    }

    #[test]
    fn each_missing_coordinate_is_reported() {
        let found = problems(
            r#"{"format": "casegraph", "version": 1, "case": {"title": "t"},
                "layout": {"positions": {"a": {"y": 1}, "b": {"x": 1, "x": 2, "y": 0}}}}"#,
        );
        assert_eq!(
            found,
            [
                "layout.positions.a: missing required key `x`",
                "layout.positions.b.x: key `x` appears twice in this object",
            ]
        );
    }

    #[test]
    fn null_is_absent_and_wrong_types_are_named() {
        let found = problems(
            r#"{"format": "casegraph", "version": 1, "case": {"title": "t", "summary": null},
                "nodes": [{"id": "a", "kind": "person", "label": 5, "aliases": {}}, 7]}"#,
        );
        assert_eq!(
            found,
            [
                "nodes[0].label: expected a string, found a number",
                "nodes[0].aliases: expected an array, found an object",
                "nodes[1]: expected an object, found a number",
            ]
        );
    }
}
