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

mod split;

use indexmap::IndexMap;

use super::amount::{Amount, check_decimal};
use super::case::{
    Camera, Case, CaseInfo, FORMAT_NAME, FORMAT_VERSION, Layout, Link, Node, Position, Quote, Source, View,
};
use super::claim_status::ClaimStatus;
use super::codes::{Country, Currency};
use super::diagnostic::{Diagnostic, did_you_mean};
use super::figure_settings::{
    FIGURE_DPI_RANGE, FIGURE_SCALE_RANGE, FIGURE_WIDTH_MM_RANGE, FIGURE_WIDTH_RANGE, FigureBackground, FigureExtent,
    FigureSettings, FigureSize, SourceNote,
};
use super::id::Id;
use super::json_path::{JsonPath, PathRef};
use super::link_kind::LinkKind;
use super::node_kind::NodeKind;
use super::partial_date::PartialDate;
use super::spanned_json::{Cursor, Next, Scanner, SyntaxError};

const TOP_KEYS: &[&str] =
    &["format", "version", "case", "nodes", "links", "sources", "quotes", "layout", "view", "story"];
const CASE_KEYS: &[&str] = &["title", "summary", "language", "created", "updated"];
const NODE_KEYS: &[&str] = &[
    "id",
    "kind",
    "label",
    "aliases",
    "countries",
    "description",
    "start_date",
    "end_date",
    "date",
    "amount",
    "status",
];
const TRANSACTION_ONLY_KEYS: &[&str] = &["date", "amount", "status"];
const AMOUNT_KEYS: &[&str] = &["value", "max", "currency", "approximate"];
const LINK_KEYS: &[&str] =
    &["id", "kind", "source", "target", "role", "date", "start_date", "end_date", "status", "description"];
const SOURCE_KEYS: &[&str] = &["id", "publisher", "title", "date", "authors", "url", "document"];
const QUOTE_KEYS: &[&str] = &["id", "source", "text", "supports", "locator"];
const LAYOUT_KEYS: &[&str] = &["seed", "positions"];
const POSITION_KEYS: &[&str] = &["x", "y", "pinned"];
const VIEW_KEYS: &[&str] = &["camera", "hidden_kinds", "figure"];
const FIGURE_KEYS: &[&str] =
    &["extent", "width", "width_mm", "dpi", "scale", "background", "title", "caption", "legend", "sources"];
const CAMERA_KEYS: &[&str] = &["center_x", "center_y", "zoom"];

/// The required keys of one kind of object, with their bits among its known keys worked out
/// at compile time, so checking a valid object costs one comparison.
struct Required {
    keys: &'static [&'static str],
    mask: u64,
}

impl Required {
    const fn new(known: &[&str], keys: &'static [&'static str]) -> Self {
        Self { keys, mask: key_mask(known, keys) }
    }
}

/// The bits of `keys` within `known`; fails to compile if a key is not known.
const fn key_mask(known: &[&str], keys: &[&str]) -> u64 {
    let mut mask = 0;
    let mut k = 0;
    while k < keys.len() {
        let mut i = 0;
        let mut found = false;
        while i < known.len() {
            if known[i].len() == keys[k].len() && bytes_equal(known[i].as_bytes(), keys[k].as_bytes()) {
                mask |= 1 << i;
                found = true;
            }
            i += 1;
        }
        assert!(found, "a required key is not among the known keys");
        k += 1;
    }
    mask
}

const fn bytes_equal(a: &[u8], b: &[u8]) -> bool {
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

const CASE_REQUIRED: Required = Required::new(CASE_KEYS, &["title"]);
const NODE_REQUIRED: Required = Required::new(NODE_KEYS, &["id", "kind", "label"]);
const TRANSACTION_ONLY: u64 = key_mask(NODE_KEYS, TRANSACTION_ONLY_KEYS);
const AMOUNT_REQUIRED: Required = Required::new(AMOUNT_KEYS, &["value", "currency"]);
const LINK_REQUIRED: Required = Required::new(LINK_KEYS, &["id", "kind", "source", "target"]);
const SOURCE_REQUIRED: Required = Required::new(SOURCE_KEYS, &["id", "publisher", "title"]);
const QUOTE_REQUIRED: Required = Required::new(QUOTE_KEYS, &["id", "source", "text", "supports"]);
const POSITION_REQUIRED: Required = Required::new(POSITION_KEYS, &["x", "y"]);
const CAMERA_REQUIRED: Required = Required::new(CAMERA_KEYS, &["center_x", "center_y", "zoom"]);

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
    indices: FileIndices,
    layout: Layout,
    view: View,
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
        for (slot, key) in TOP_KEYS.iter().enumerate() {
            if seen & (1 << slot) == 0 {
                continue;
            }
            match *key {
                "format" => self.format = later.format.take(),
                "version" => self.version = later.version.take(),
                "case" => self.info = take(&mut later.info),
                "nodes" => (self.nodes, self.indices.nodes) = (take(&mut later.nodes), take(&mut later.indices.nodes)),
                "links" => (self.links, self.indices.links) = (take(&mut later.links), take(&mut later.indices.links)),
                "sources" => {
                    (self.sources, self.indices.sources) = (take(&mut later.sources), take(&mut later.indices.sources));
                }
                "quotes" => {
                    (self.quotes, self.indices.quotes) = (take(&mut later.quotes), take(&mut later.indices.quotes));
                }
                "layout" => self.layout = take(&mut later.layout),
                "view" => self.view = take(&mut later.view),
                _ => {}
            }
        }
    }

    fn into_case(self) -> (Case, FileIndices) {
        let TopLevel { info, nodes, links, sources, quotes, indices, layout, view, .. } = self;
        (Case { info, nodes, links, sources, quotes, layout, view }, indices)
    }
}

/// What reading one object found, for the checks that need the whole object.
struct ObjectInfo {
    offset: u32,
    known: &'static [&'static str],
    /// Bit per known key: the key appeared with a value other than `null`.
    present: u64,
    /// Bit per known key: the key appeared at all.
    seen: u64,
    /// Offset of each known key that appeared.
    key_offsets: [u32; 16],
    /// Keys that are not known here.
    unknown: Vec<String>,
}

impl ObjectInfo {
    fn new(offset: u32, known: &'static [&'static str]) -> Self {
        Self { offset, known, present: 0, seen: 0, key_offsets: [offset; 16], unknown: Vec::new() }
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

    fn slot(&self, key: &str) -> Option<usize> {
        self.known.iter().position(|known| *known == key)
    }

    fn has(&self, key: &str) -> bool {
        self.slot(key).is_some_and(|slot| self.present & (1 << slot) != 0)
    }

    fn appeared(&self, key: &str) -> bool {
        self.slot(key).is_some_and(|slot| self.seen & (1 << slot) != 0)
    }

    fn key_offset(&self, key: &str) -> u32 {
        self.slot(key).map_or(self.offset, |slot| self.key_offsets[slot])
    }
}

impl Decoder<'_, '_> {
    fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    fn error(&mut self, path: &PathRef<'_>, offset: u32, message: impl Into<String>, help: Option<String>) {
        self.push(Diagnostic::error(message).at(path.to_path()).at_offset(offset).with_optional_help(help));
    }

    /// Reports that the value here is not what `expected` names, and reads past it.
    fn type_error(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>, expected: &str) -> Read<()> {
        let offset = s.offset();
        let found = s.next()?.type_name();
        s.skip_value()?;
        self.error(path, offset, format!("expected {expected}, found {found}"), None);
        Ok(())
    }

    /// Reads an object whose keys must be among `known`, handing each known key's value to
    /// `field`. Unknown and repeated keys are reported and skipped; `null` counts as absent.
    fn object<'a>(
        &mut self,
        s: &mut Scanner<'a>,
        path: &PathRef<'_>,
        known: &'static [&'static str],
        field: impl FnMut(&mut Self, &mut Scanner<'a>, &'static str, &PathRef<'_>) -> Read<()>,
    ) -> Read<Option<ObjectInfo>> {
        debug_assert!(known.len() <= 16);
        let offset = s.offset();
        if s.next()? != Next::Object {
            self.type_error(s, path, "an object")?;
            return Ok(None);
        }
        let cursor = s.begin_object()?;
        self.members(s, path, ObjectInfo::new(offset, known), cursor, field).map(Some)
    }

    /// Reads the rest of an object from `cursor` on, as [`Decoder::object`] describes.
    fn members<'a>(
        &mut self,
        s: &mut Scanner<'a>,
        path: &PathRef<'_>,
        mut info: ObjectInfo,
        mut cursor: Cursor,
        mut field: impl FnMut(&mut Self, &mut Scanner<'a>, &'static str, &PathRef<'_>) -> Read<()>,
    ) -> Read<ObjectInfo> {
        let known = info.known;
        while let Some((key, key_offset)) = s.next_key(&mut cursor)? {
            let key_path = path.key(&key);
            let Some(slot) = info.slot(&key) else {
                let help = match did_you_mean(&key, known.iter().copied()) {
                    Some(near) => format!("did you mean `{near}`? Valid keys here: {}", known.join(", ")),
                    None => format!("valid keys here: {}", known.join(", ")),
                };
                self.error(&key_path, key_offset, format!("unknown key `{key}`"), Some(help));
                info.unknown.push(key.clone().into_owned());
                s.skip_value()?;
                continue;
            };
            if info.seen & (1 << slot) != 0 {
                self.error(
                    &key_path,
                    key_offset,
                    format!("key `{key}` appears twice in this object"),
                    Some("keep one of them; JSON readers disagree on which one wins".to_owned()),
                );
                s.skip_value()?;
                continue;
            }
            info.seen |= 1 << slot;
            info.key_offsets[slot] = key_offset;
            if s.null()? {
                continue;
            }
            info.present |= 1 << slot;
            field(self, s, known[slot], &key_path)?;
        }
        Ok(info)
    }

    /// Reports each required key that is absent.
    fn require_all(&mut self, info: &ObjectInfo, required: &Required, path: &PathRef<'_>) {
        if info.present & required.mask != required.mask {
            for key in required.keys {
                self.require(info, key, path);
            }
        }
    }

    /// Reports a required key that is absent, unless a misspelling of it was already reported.
    fn require(&mut self, info: &ObjectInfo, key: &str, path: &PathRef<'_>) {
        let misspelt = info.unknown.iter().any(|unknown| did_you_mean(unknown, [key]).is_some());
        if !info.has(key) && !misspelt {
            self.error(path, info.offset, format!("missing required key `{key}`"), None);
        }
    }

    /// Reads an array, handing each element to `element` with its index.
    fn each_element<'a>(
        &mut self,
        s: &mut Scanner<'a>,
        path: &PathRef<'_>,
        element: impl FnMut(&mut Self, &mut Scanner<'a>, usize, &PathRef<'_>) -> Read<()>,
    ) -> Read<()> {
        if s.next()? != Next::Array {
            return self.type_error(s, path, "an array");
        }
        let cursor = s.begin_array()?;
        self.elements(s, path, cursor, element)
    }

    /// Reads the rest of an array from `cursor` on, numbering the elements from 0.
    fn elements<'a>(
        &mut self,
        s: &mut Scanner<'a>,
        path: &PathRef<'_>,
        mut cursor: Cursor,
        mut element: impl FnMut(&mut Self, &mut Scanner<'a>, usize, &PathRef<'_>) -> Read<()>,
    ) -> Read<()> {
        let mut index = 0;
        while s.next_element(&mut cursor)? {
            element(self, s, index, &path.index(index))?;
            index += 1;
        }
        Ok(())
    }

    /// The decodable elements of an array.
    fn list<'a, T>(
        &mut self,
        s: &mut Scanner<'a>,
        path: &PathRef<'_>,
        mut decode: impl FnMut(&mut Self, &mut Scanner<'a>, &PathRef<'_>) -> Read<Option<T>>,
    ) -> Read<Vec<T>> {
        let mut values = Vec::new();
        self.each_element(s, path, |d, s, _, p| {
            values.extend(decode(d, s, p)?);
            Ok(())
        })?;
        Ok(values)
    }

    /// The string here with its offset, or a type error naming `expected`.
    fn string_token<'a>(
        &mut self,
        s: &mut Scanner<'a>,
        path: &PathRef<'_>,
        expected: &str,
    ) -> Read<Option<(std::borrow::Cow<'a, str>, u32)>> {
        if s.next()? != Next::String {
            self.type_error(s, path, expected)?;
            return Ok(None);
        }
        let offset = s.offset();
        Ok(Some((s.string()?, offset)))
    }

    fn string(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<String>> {
        Ok(self.string_token(s, path, "a string")?.map(|(text, _)| text.into_owned()))
    }

    fn text(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<String>> {
        let Some((text, offset)) = self.string_token(s, path, "a string")? else { return Ok(None) };
        if text.trim().is_empty() {
            self.error(path, offset, "this text is empty", Some("write the text, or remove the key".to_owned()));
        }
        Ok(Some(text.into_owned()))
    }

    fn parsed<T, E: std::fmt::Display>(
        &mut self,
        s: &mut Scanner<'_>,
        path: &PathRef<'_>,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Read<Option<T>> {
        let Some((text, offset)) = self.string_token(s, path, "a string")? else { return Ok(None) };
        match parse(&text) {
            Ok(value) => Ok(Some(value)),
            Err(error) => {
                self.error(path, offset, error.to_string(), None);
                Ok(None)
            }
        }
    }

    fn id(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<Id>> {
        let Some((text, offset)) = self.string_token(s, path, "a string")? else { return Ok(None) };
        if let Err(error) = Id::check(&text) {
            self.push(
                Diagnostic::error(format!("bad id {text:?}: {error}"))
                    .at(path.to_path())
                    .at_offset(offset)
                    .with_help("ids follow the FollowTheMoney rule, e.g. \"p-igor-michurin\""),
            );
        }
        Ok(Some(Id::unchecked(&text)))
    }

    fn date(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<PartialDate>> {
        self.parsed(s, path, PartialDate::parse)
    }

    fn country(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<Country>> {
        self.parsed(s, path, Country::parse)
    }

    fn currency(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<Currency>> {
        self.parsed(s, path, Currency::parse)
    }

    fn decimal(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<String>> {
        if s.next()? == Next::Number {
            let offset = s.offset();
            let number = s.number()?;
            let help = format!("write the amount as a string, \"{number}\", so it keeps every digit");
            self.error(path, offset, "amounts are decimal strings, not numbers", Some(help));
            return Ok(None);
        }
        self.parsed(s, path, |text| check_decimal(text).map(|()| text.to_owned()))
    }

    fn enumerated<T>(
        &mut self,
        s: &mut Scanner<'_>,
        path: &PathRef<'_>,
        (what, expected): (&str, &str),
        names: &[&'static str],
        parse: impl Fn(&str) -> Option<T>,
    ) -> Read<Option<T>> {
        let Some((text, offset)) = self.string_token(s, path, expected)? else { return Ok(None) };
        if let Some(value) = parse(&text) {
            return Ok(Some(value));
        }
        let near = did_you_mean(&text, names.iter().copied()).map(|near| format!("did you mean `{near}`? "));
        self.error(
            path,
            offset,
            format!("unknown {what} `{text}`"),
            Some(format!("{}valid values: {}", near.unwrap_or_default(), names.join(", "))),
        );
        Ok(None)
    }

    fn node_kind(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<NodeKind>> {
        self.enumerated(
            s,
            path,
            ("node kind", "a node kind name"),
            &NodeKind::ALL.map(NodeKind::as_str),
            NodeKind::parse,
        )
    }

    fn link_kind(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<LinkKind>> {
        self.enumerated(
            s,
            path,
            ("link kind", "a link kind name"),
            &LinkKind::ALL.map(LinkKind::as_str),
            LinkKind::parse,
        )
    }

    fn status(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<ClaimStatus>> {
        self.enumerated(
            s,
            path,
            ("status", "a status name"),
            &ClaimStatus::ALL.map(ClaimStatus::as_str),
            ClaimStatus::parse,
        )
    }

    fn number(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<f64>> {
        if s.next()? != Next::Number {
            self.type_error(s, path, "a number")?;
            return Ok(None);
        }
        let offset = s.offset();
        let text = s.number()?;
        let value: f64 = text.parse().unwrap_or(f64::INFINITY);
        if !value.is_finite() {
            self.error(path, offset, format!("{text} is too large to be a finite number"), None);
            return Ok(None);
        }
        Ok(Some(value))
    }

    fn whole_number(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<u64>> {
        if s.next()? != Next::Number {
            self.type_error(s, path, "a whole number")?;
            return Ok(None);
        }
        let offset = s.offset();
        let text = s.number()?;
        let parsed = text.parse::<u64>().ok();
        if parsed.is_none() {
            self.error(path, offset, format!("{text} is not a whole number from 0 to {}", u64::MAX), None);
        }
        Ok(parsed)
    }

    fn boolean(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<bool>> {
        if s.next()? != Next::Bool {
            self.type_error(s, path, "true or false")?;
            return Ok(None);
        }
        Ok(Some(s.boolean()?))
    }

    fn case(&mut self, s: &mut Scanner<'_>) -> Read<(Case, FileIndices)> {
        let root = PathRef::Root;
        let start = self.diagnostics.len();
        let offset = s.offset();
        if s.next()? != Next::Object {
            let found = s.next()?.type_name();
            s.skip_value()?;
            self.error(&root, offset, format!("a case file is a JSON object, but this file holds {found}"), None);
            return Ok(Default::default());
        }
        let mut parts = TopLevel::default();
        let object = self.object(s, &root, TOP_KEYS, |d, s, key, p| d.top_level_member(s, key, p, &mut parts))?;
        let Some(mut object) = object else { return Ok(Default::default()) };
        if let Some(later) = self.split.as_mut().and_then(|split| split.later_keys.take()) {
            self.split_conflict |= !object.absorb(later);
        }
        // In a file of another kind or a newer version, unknown keys are expected and listing
        // them would bury the one message that matters: report format and version alone.
        if let Some(problem) = self.format_and_version(&object, parts.format.take(), parts.version.take()) {
            self.diagnostics.truncate(start);
            self.diagnostics.extend(problem);
            return Ok(Default::default());
        }
        self.require(&object, "case", &root);
        Ok(parts.into_case())
    }

    /// Reads the value of one top-level key into `parts`.
    fn top_level_member(&mut self, s: &mut Scanner<'_>, key: &str, p: &PathRef<'_>, parts: &mut TopLevel) -> Read<()> {
        match key {
            "format" => {
                let offset = s.offset();
                let name = if s.next()? == Next::String { Some(s.string()?.into_owned()) } else { None };
                if name.is_none() {
                    s.skip_value()?;
                }
                parts.format = Some((offset, name));
            }
            "version" => {
                let offset = s.offset();
                let before = self.diagnostics.len();
                let value = self.whole_number(s, p)?;
                parts.version = Some((offset, value, self.diagnostics.split_off(before)));
            }
            "case" => parts.info = self.case_info(s, p)?,
            "nodes" => self.collection(s, p, Collection::Nodes, parts, TopLevel::nodes, Self::node)?,
            "links" => self.collection(s, p, Collection::Links, parts, TopLevel::links, Self::link)?,
            "sources" => self.collection(s, p, Collection::Sources, parts, TopLevel::sources, Self::source)?,
            "quotes" => self.collection(s, p, Collection::Quotes, parts, TopLevel::quotes, Self::quote)?,
            "layout" => parts.layout = self.layout(s, p)?,
            "view" => parts.view = self.view(s, p)?,
            _ => {
                let offset = s.offset();
                s.skip_value()?;
                self.error(
                    p,
                    offset,
                    "`story` is reserved for a later version of the format",
                    Some("remove it; this version of casegraph would not keep it".to_owned()),
                );
            }
        }
        Ok(())
    }

    /// Reads one of the four collections into its place in `parts`, with each item's index
    /// in the file. Where the other thread has read the rest of the file from the element
    /// here on, its items and the top-level values after them are taken instead of reading on.
    fn collection<'a, T>(
        &mut self,
        s: &mut Scanner<'a>,
        path: &PathRef<'_>,
        collection: Collection,
        parts: &mut TopLevel,
        place: fn(&mut TopLevel) -> (&mut Vec<T>, &mut Vec<usize>),
        mut decode: impl FnMut(&mut Self, &mut Scanner<'a>, &PathRef<'_>) -> Read<Option<T>>,
    ) -> Read<()> {
        let (mut values, mut indices) = (Vec::new(), Vec::new());
        let mut rest = None;
        self.each_element(s, path, |d, s, index, p| {
            if let Some(mut tail) = d.split.as_mut().and_then(|split| split.rest_from(s.offset(), collection)) {
                let (tail_values, tail_indices) = place(&mut tail.parts);
                values.append(tail_values);
                indices.extend(tail_indices.iter().map(|tail_index| index + tail_index));
                // Let this array end here; its closing bracket is where the other thread left it.
                s.seek(tail.array_close);
                rest = Some(tail);
            } else if let Some(value) = decode(d, s, p)? {
                values.push(value);
                indices.push(index);
            }
            Ok(())
        })?;
        let (kept_values, kept_indices) = place(parts);
        (*kept_values, *kept_indices) = (values, indices);
        if let Some(tail) = rest {
            parts.take_keys(tail.parts, tail.later_keys.seen);
            // And the top-level object ends where the other thread finished it.
            s.seek(tail.object_close);
            if let Some(split) = &mut self.split {
                split.later_keys = Some(tail.later_keys);
            }
        }
        Ok(())
    }

    /// What is wrong with `format` and `version`, if anything; then nothing else is reported.
    fn format_and_version(
        &self,
        object: &ObjectInfo,
        format: Option<(u32, Option<String>)>,
        version: Option<(u32, Option<u64>, Vec<Diagnostic>)>,
    ) -> Option<Vec<Diagnostic>> {
        let root = PathRef::Root;
        let error = |path: &PathRef<'_>, offset: u32, message: String, help: Option<&str>| {
            let diagnostic = Diagnostic::error(message).at(path.to_path()).at_offset(offset);
            Some(vec![diagnostic.with_optional_help(help.map(str::to_owned))])
        };
        match format {
            Some((_, Some(name))) if name == FORMAT_NAME => {}
            Some((offset, _)) => {
                let message = format!("this is not a casegraph case file (`format` must be \"{FORMAT_NAME}\")");
                return error(&root.key("format"), offset, message, None);
            }
            None => {
                let foreign = object.unknown.iter().any(|key| key == "entities" || key == "schema");
                let help = if foreign {
                    "this looks like a FollowTheMoney or Aleph file; casegraph cannot open those directly"
                } else {
                    "a case file starts with \"format\": \"casegraph\", \"version\": 1"
                };
                let message = "missing `format`: this is not a casegraph case file".to_owned();
                return error(&root, object.offset, message, Some(help));
            }
        }
        let version_path = root.key("version");
        match version {
            None => {
                let misspelt = object.unknown.iter().find(|key| did_you_mean(key, ["version"]).is_some());
                let help = misspelt.map(|key| format!("is `{key}` meant to be `version`?"));
                error(&root, object.offset, "missing required key `version`".to_owned(), help.as_deref())
            }
            Some((_, None, errors)) => Some(errors),
            Some((offset, Some(version), _)) if version > u64::from(FORMAT_VERSION) => error(
                &version_path,
                offset,
                format!(
                    "this file has format version {version}, written by a newer casegraph; this build reads version {FORMAT_VERSION}"
                ),
                Some("update casegraph to open it"),
            ),
            Some((offset, Some(0), _)) => error(&version_path, offset, "format versions start at 1".to_owned(), None),
            Some(_) => None,
        }
    }

    fn case_info(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<CaseInfo> {
        let mut info = CaseInfo::default();
        let object = self.object(s, path, CASE_KEYS, |d, s, key, p| {
            match key {
                "title" => info.title = d.text(s, p)?.unwrap_or_default(),
                "summary" => info.summary = d.string(s, p)?,
                "language" => info.language = d.language(s, p)?,
                "created" => info.created = d.date(s, p)?,
                _ => info.updated = d.date(s, p)?,
            }
            Ok(())
        })?;
        if let Some(object) = object {
            self.require_all(&object, &CASE_REQUIRED, path);
        }
        Ok(info)
    }

    fn language(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<String>> {
        self.parsed(s, path, |text| {
            let mut parts = text.split('-');
            let primary = parts.next().unwrap_or_default();
            let primary_ok = (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_lowercase());
            let rest_ok =
                parts.all(|part| (2..=8).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_alphanumeric()));
            if primary_ok && rest_ok {
                Ok(text.to_owned())
            } else {
                Err(format!("{text:?} is not a language tag; write a BCP 47 tag such as \"en\", \"ru\" or \"ko\""))
            }
        })
    }

    fn node(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<Node>> {
        let (mut id, mut kind, mut label) = (None, None, None);
        let mut node = Node {
            id: Id::unchecked(""),
            kind: NodeKind::Organization,
            label: String::new(),
            aliases: Vec::new(),
            countries: Vec::new(),
            description: None,
            start_date: None,
            end_date: None,
            date: None,
            amount: None,
            status: None,
        };
        let object = self.object(s, path, NODE_KEYS, |d, s, key, p| {
            match key {
                "id" => id = d.id(s, p)?,
                "kind" => kind = d.node_kind(s, p)?,
                "label" => label = d.text(s, p)?,
                "aliases" => node.aliases = d.list(s, p, Self::text)?,
                "countries" => node.countries = d.list(s, p, Self::country)?,
                "description" => node.description = d.string(s, p)?,
                "start_date" => node.start_date = d.date(s, p)?,
                "end_date" => node.end_date = d.date(s, p)?,
                "date" => node.date = d.date(s, p)?,
                "amount" => node.amount = d.amount(s, p)?,
                _ => node.status = d.status(s, p)?,
            }
            Ok(())
        })?;
        let Some(object) = object else { return Ok(None) };
        self.require_all(&object, &NODE_REQUIRED, path);
        if let Some(kind) = kind
            && kind != NodeKind::Transaction
            && object.seen & TRANSACTION_ONLY != 0
        {
            for key in TRANSACTION_ONLY_KEYS.iter().filter(|key| object.appeared(key)) {
                self.error(
                    &path.key(key),
                    object.key_offset(key),
                    format!("`{key}` is only for transactions, and this node is a {}", kind.as_str()),
                    Some("use `start_date`/`end_date` for other kinds, or put the claim on a link".to_owned()),
                );
            }
        }
        let Some(id) = id else { return Ok(None) };
        node.label = label.unwrap_or_else(|| id.to_string());
        node.id = id;
        node.kind = kind.unwrap_or(NodeKind::Organization);
        Ok(Some(node))
    }

    fn amount(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<Amount>> {
        let (mut value, mut max, mut currency, mut approximate) = (None, None, None, None);
        let object = self.object(s, path, AMOUNT_KEYS, |d, s, key, p| {
            match key {
                "value" => value = d.decimal(s, p)?,
                "max" => max = d.decimal(s, p)?,
                "currency" => currency = d.currency(s, p)?,
                _ => approximate = d.boolean(s, p)?,
            }
            Ok(())
        })?;
        let Some(object) = object else { return Ok(None) };
        self.require_all(&object, &AMOUNT_REQUIRED, path);
        let (Some(value), Some(currency)) = (value, currency) else { return Ok(None) };
        Ok(Some(Amount { value, max, currency, approximate: approximate.unwrap_or(false) }))
    }

    fn link(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<Link>> {
        let (mut id, mut kind, mut source, mut target) = (None, None, None, None);
        let mut link = Link {
            id: Id::unchecked(""),
            kind: LinkKind::Unknown,
            source: Id::unchecked(""),
            target: Id::unchecked(""),
            role: None,
            date: None,
            start_date: None,
            end_date: None,
            status: None,
            description: None,
        };
        let object = self.object(s, path, LINK_KEYS, |d, s, key, p| {
            match key {
                "id" => id = d.id(s, p)?,
                "kind" => kind = d.link_kind(s, p)?,
                "source" => source = d.id(s, p)?,
                "target" => target = d.id(s, p)?,
                "role" => link.role = d.text(s, p)?,
                "date" => link.date = d.date(s, p)?,
                "start_date" => link.start_date = d.date(s, p)?,
                "end_date" => link.end_date = d.date(s, p)?,
                "status" => link.status = d.status(s, p)?,
                _ => link.description = d.string(s, p)?,
            }
            Ok(())
        })?;
        let Some(object) = object else { return Ok(None) };
        self.require_all(&object, &LINK_REQUIRED, path);
        let (Some(id), Some(source), Some(target)) = (id, source, target) else { return Ok(None) };
        link.id = id;
        link.kind = kind.unwrap_or(LinkKind::Unknown);
        link.source = source;
        link.target = target;
        Ok(Some(link))
    }

    fn source(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<Source>> {
        let mut id = None;
        let mut source = Source {
            id: Id::unchecked(""),
            publisher: String::new(),
            title: String::new(),
            date: None,
            authors: Vec::new(),
            url: None,
            document: None,
        };
        let object = self.object(s, path, SOURCE_KEYS, |d, s, key, p| {
            match key {
                "id" => id = d.id(s, p)?,
                "publisher" => source.publisher = d.text(s, p)?.unwrap_or_default(),
                "title" => source.title = d.text(s, p)?.unwrap_or_default(),
                "date" => source.date = d.date(s, p)?,
                "authors" => source.authors = d.list(s, p, Self::text)?,
                "url" => source.url = d.url(s, p)?,
                _ => source.document = d.document_path(s, p)?,
            }
            Ok(())
        })?;
        let Some(object) = object else { return Ok(None) };
        self.require_all(&object, &SOURCE_REQUIRED, path);
        let Some(id) = id else { return Ok(None) };
        source.id = id;
        Ok(Some(source))
    }

    fn url(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<String>> {
        self.parsed(s, path, |text| {
            if (text.starts_with("https://") || text.starts_with("http://")) && !text.contains(char::is_whitespace) {
                Ok(text.to_owned())
            } else {
                Err(format!("{text:?} is not a web address; write a full http:// or https:// URL"))
            }
        })
    }

    fn document_path(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<String>> {
        self.parsed(s, path, |text| {
            let absolute = text.starts_with('/') || text.starts_with('\\') || text.get(1..2) == Some(":");
            if text.is_empty() || absolute {
                Err(format!("{text:?} must be a path relative to the case file, such as \"sources/article.txt\""))
            } else {
                Ok(text.to_owned())
            }
        })
    }

    fn quote(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<Quote>> {
        let (mut id, mut source, mut text, mut supports, mut locator) = (None, None, None, None, None);
        let object = self.object(s, path, QUOTE_KEYS, |d, s, key, p| {
            match key {
                "id" => id = d.id(s, p)?,
                "source" => source = d.id(s, p)?,
                "text" => text = d.text(s, p)?,
                "supports" => supports = Some(d.list(s, p, Self::id)?),
                _ => locator = d.text(s, p)?,
            }
            Ok(())
        })?;
        let Some(object) = object else { return Ok(None) };
        self.require_all(&object, &QUOTE_REQUIRED, path);
        let (Some(id), Some(source), Some(supports)) = (id, source, supports) else { return Ok(None) };
        Ok(Some(Quote { id, source, text: text.unwrap_or_default(), supports, locator }))
    }

    fn layout(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Layout> {
        let mut layout = Layout::default();
        self.object(s, path, LAYOUT_KEYS, |d, s, key, p| {
            match key {
                "seed" => layout.seed = d.whole_number(s, p)?.unwrap_or(0),
                _ => layout.positions = d.positions(s, p)?,
            }
            Ok(())
        })?;
        Ok(layout)
    }

    fn positions(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<IndexMap<Id, Position>> {
        let mut positions = IndexMap::new();
        if s.next()? != Next::Object {
            self.type_error(s, path, "an object keyed by node id")?;
            return Ok(positions);
        }
        let mut cursor = s.begin_object()?;
        while let Some((key, key_offset)) = s.next_key(&mut cursor)? {
            let key_path = path.key(&key);
            if let Err(error) = Id::check(&key) {
                self.error(&key_path, key_offset, format!("bad id {key:?}: {error}"), None);
            }
            let id = Id::unchecked(&key);
            if positions.contains_key(&id) {
                self.error(&key_path, key_offset, format!("node `{id}` has two positions"), None);
                s.skip_value()?;
            } else if let Some(position) = self.position(s, &key_path)? {
                positions.insert(id, position);
            }
        }
        Ok(positions)
    }

    fn position(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<Position>> {
        let (mut x, mut y, mut pinned) = (None, None, None);
        let object = self.object(s, path, POSITION_KEYS, |d, s, key, p| {
            match key {
                "x" => x = d.number(s, p)?,
                "y" => y = d.number(s, p)?,
                _ => pinned = d.boolean(s, p)?,
            }
            Ok(())
        })?;
        let Some(object) = object else { return Ok(None) };
        self.require_all(&object, &POSITION_REQUIRED, path);
        let (Some(x), Some(y)) = (x, y) else { return Ok(None) };
        Ok(Some(Position { x, y, pinned: pinned.unwrap_or(false) }))
    }

    fn view(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<View> {
        let mut view = View::default();
        self.object(s, path, VIEW_KEYS, |d, s, key, p| {
            match key {
                "camera" => view.camera = d.camera(s, p)?,
                "figure" => view.figure = d.figure(s, p)?,
                _ => view.hidden_kinds = d.list(s, p, Self::node_kind)?,
            }
            Ok(())
        })?;
        Ok(view)
    }

    fn figure(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<FigureSettings>> {
        let mut settings = FigureSettings::default();
        let (mut width, mut scale, mut width_mm, mut dpi) = (None, None, None, None);
        let object = self.object(s, path, FIGURE_KEYS, |d, s, key, p| {
            match key {
                "extent" => {
                    let names = ["whole", "saved"];
                    let parse = |text: &str| match text {
                        "whole" => Some(FigureExtent::Whole),
                        "saved" => Some(FigureExtent::Saved),
                        _ => None,
                    };
                    settings.extent =
                        d.enumerated(s, p, ("extent", "an extent name"), &names, parse)?.unwrap_or_default();
                }
                "width" => width = d.number(s, p)?,
                "width_mm" => width_mm = d.number(s, p)?,
                "dpi" => dpi = d.number(s, p)?,
                "scale" => scale = d.number(s, p)?,
                "background" => {
                    let names = ["white", "transparent", "theme"];
                    let parse = |text: &str| match text {
                        "white" => Some(FigureBackground::White),
                        "transparent" => Some(FigureBackground::Transparent),
                        "theme" => Some(FigureBackground::Theme),
                        _ => None,
                    };
                    settings.background =
                        d.enumerated(s, p, ("background", "a background name"), &names, parse)?.unwrap_or_default();
                }
                "title" => settings.title = d.string(s, p)?,
                "caption" => settings.caption = d.text(s, p)?,
                "legend" => settings.legend = d.boolean(s, p)?.unwrap_or(settings.legend),
                _ => {
                    let names = ["none", "credit", "numbered"];
                    let parse = |text: &str| match text {
                        "none" => Some(SourceNote::None),
                        "credit" => Some(SourceNote::Credit),
                        "numbered" => Some(SourceNote::Numbered),
                        _ => None,
                    };
                    settings.sources =
                        d.enumerated(s, p, ("source note", "a source note name"), &names, parse)?.unwrap_or_default();
                }
            }
            Ok(())
        })?;
        let Some(object) = object else { return Ok(None) };
        let mut in_range = |key: &str, value: Option<f64>, (low, high): (f64, f64), unit: &str| {
            let outside = value.filter(|value| !(low..=high).contains(value));
            if let Some(value) = outside {
                let offset = object.key_offset(key);
                let message = format!("{key} must be from {low} to {high} {unit}, not {value}");
                self.error(&path.key(key), offset, message, None);
            }
            outside.is_none()
        };
        let in_range = [
            in_range("width", width, FIGURE_WIDTH_RANGE, "pixels"),
            in_range("scale", scale, FIGURE_SCALE_RANGE, "(PNG pixels per figure pixel)"),
            in_range("width_mm", width_mm, FIGURE_WIDTH_MM_RANGE, "mm"),
            in_range("dpi", dpi, FIGURE_DPI_RANGE, "dots per inch"),
        ]
        .into_iter()
        .all(|fine| fine);
        // A size is given in pixels (`width`, `scale`) or for print (`width_mm`, `dpi`).
        let pixels = width.is_some() || scale.is_some();
        let mistake = match (pixels, width_mm, dpi) {
            (true, Some(_), _) => Some(("width_mm", "`width_mm` is for print sizes, and this size is in pixels")),
            (true, None, Some(_)) => Some(("dpi", "`dpi` is for print sizes, and this size is in pixels")),
            (false, None, Some(_)) => Some(("dpi", "`dpi` needs `width_mm`, the printed width")),
            _ => None,
        };
        if let Some((key, message)) = mistake {
            let help = "use `width` (and `scale`) for a screen size in pixels, or `width_mm` (and `dpi`) for print";
            self.error(&path.key(key), object.key_offset(key), message, Some(help.to_owned()));
            return Ok(None);
        }
        settings.size = match width_mm {
            Some(width_mm) => FigureSize::Print { width_mm, dpi: dpi.unwrap_or(300.0) },
            None => FigureSize::Pixels { width: width.unwrap_or(1200.0), scale: scale.unwrap_or(1.0) },
        };
        if let Some(problem) = settings.problem().filter(|_| in_range) {
            let key = ["width_mm", "dpi", "width", "scale"].into_iter().find(|key| object.has(key)).unwrap_or("width");
            self.error(&path.key(key), object.key_offset(key), problem, None);
        }
        Ok(Some(settings))
    }

    fn camera(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<Camera>> {
        let (mut center_x, mut center_y, mut zoom) = (None, None, None);
        let object = self.object(s, path, CAMERA_KEYS, |d, s, key, p| {
            match key {
                "center_x" => center_x = d.number(s, p)?,
                "center_y" => center_y = d.number(s, p)?,
                _ => zoom = d.number(s, p)?,
            }
            Ok(())
        })?;
        let Some(object) = object else { return Ok(None) };
        self.require_all(&object, &CAMERA_REQUIRED, path);
        if let Some(zoom) = zoom
            && zoom <= 0.0
        {
            let offset = object.key_offset("zoom");
            self.error(&path.key("zoom"), offset, format!("zoom must be above 0, not {zoom}"), None);
            return Ok(None);
        }
        let (Some(center_x), Some(center_y), Some(zoom)) = (center_x, center_y, zoom) else { return Ok(None) };
        Ok(Some(Camera { center_x, center_y, zoom }))
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
