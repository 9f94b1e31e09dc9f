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

mod keys;
mod split;

use indexmap::IndexMap;

use super::vocabulary::Vocabulary;
use keys::{
    AmountKey, CameraKey, CaseKey, FigureKey, LayoutKey, LinkKey, MAX_KEYS, NodeKey, ObjectKeys, PositionKey, QuoteKey,
    SourceKey, TRANSACTION_ONLY, TopKey, ViewKey,
};
pub use keys::{FILE_OBJECTS, FileObject};

use super::amount::{Amount, check_decimal};
use super::case::{
    Camera, Case, CaseInfo, FORMAT_NAME, FORMAT_VERSION, Layout, Link, Node, Position, Quote, Source, View,
};
use super::codes::{Country, Currency};
use super::diagnostic::{Diagnostic, did_you_mean};
use super::figure_settings::{
    FIGURE_DPI_RANGE, FIGURE_SCALE_RANGE, FIGURE_WIDTH_MM_RANGE, FIGURE_WIDTH_RANGE, FigureSettings, FigureSize,
};
use super::id::Id;
use super::json_path::{JsonPath, PathRef};
use super::link_kind::LinkKind;
use super::node_kind::NodeKind;
use super::partial_date::PartialDate;
use super::spanned_json::{Cursor, Next, Scanner, SyntaxError};

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
                TopKey::Layout => self.layout = take(&mut later.layout),
                TopKey::View => self.view = take(&mut later.view),
                // Reported where it was read; nothing is kept.
                TopKey::Story => {}
            }
        }
    }

    fn into_case(self) -> (Case, FileIndices) {
        let TopLevel { info, nodes, links, sources, quotes, indices, layout, view, .. } = self;
        (Case { info, nodes, links, sources, quotes, layout, view }, indices)
    }
}

/// A size key, its value, its allowed range and its unit.
type SizeKeyRange = (FigureKey, Option<f64>, (f64, f64), &'static str);

/// The size keys of a figure as read, before they are checked together.
#[derive(Clone, Copy, Default)]
struct SizeKeys {
    width: Option<f64>,
    scale: Option<f64>,
    width_mm: Option<f64>,
    dpi: Option<f64>,
}

impl SizeKeys {
    /// Each size key, its value, its allowed range and its unit, in the order they are checked.
    fn ranges(self) -> [SizeKeyRange; 4] {
        [
            (FigureKey::Width, self.width, FIGURE_WIDTH_RANGE, "pixels"),
            (FigureKey::Scale, self.scale, FIGURE_SCALE_RANGE, "(PNG pixels per figure pixel)"),
            (FigureKey::WidthMm, self.width_mm, FIGURE_WIDTH_MM_RANGE, "mm"),
            (FigureKey::Dpi, self.dpi, FIGURE_DPI_RANGE, "dots per inch"),
        ]
    }

    /// Whether every size key given is within its range.
    fn in_range(self) -> bool {
        self.ranges()
            .into_iter()
            .all(|(_, value, (low, high), _)| value.is_none_or(|value| (low..=high).contains(&value)))
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

    /// Reads an object whose keys are `K`'s, handing each key's value to `field`. Unknown and
    /// repeated keys are reported and skipped; `null` counts as absent.
    fn object<'a, K: ObjectKeys>(
        &mut self,
        s: &mut Scanner<'a>,
        path: &PathRef<'_>,
        field: impl FnMut(&mut Self, &mut Scanner<'a>, K, &PathRef<'_>) -> Read<()>,
    ) -> Read<Option<ObjectInfo>> {
        let offset = s.offset();
        if s.next()? != Next::Object {
            self.type_error(s, path, "an object")?;
            return Ok(None);
        }
        let cursor = s.begin_object()?;
        self.members(s, path, ObjectInfo::new::<K>(offset), cursor, field).map(Some)
    }

    /// Reads the rest of an object from `cursor` on, as [`Decoder::object`] describes.
    fn members<'a, K: ObjectKeys>(
        &mut self,
        s: &mut Scanner<'a>,
        path: &PathRef<'_>,
        mut info: ObjectInfo,
        mut cursor: Cursor,
        mut field: impl FnMut(&mut Self, &mut Scanner<'a>, K, &PathRef<'_>) -> Read<()>,
    ) -> Read<ObjectInfo> {
        while let Some((name, key_offset)) = s.next_key(&mut cursor)? {
            let key_path = path.key(&name);
            let Some(key) = K::from_name(&name) else {
                let help = match did_you_mean(&name, K::NAMES.iter().copied()) {
                    Some(near) => format!("did you mean `{near}`? Valid keys here: {}", K::NAMES.join(", ")),
                    None => format!("valid keys here: {}", K::NAMES.join(", ")),
                };
                self.error(&key_path, key_offset, format!("unknown key `{name}`"), Some(help));
                info.unknown.push(name.clone().into_owned());
                s.skip_value()?;
                continue;
            };
            if info.appeared(key) {
                self.error(
                    &key_path,
                    key_offset,
                    format!("key `{name}` appears twice in this object"),
                    Some("keep one of them; JSON readers disagree on which one wins".to_owned()),
                );
                s.skip_value()?;
                continue;
            }
            info.seen |= key.bit();
            info.key_offsets[key.slot()] = key_offset;
            if s.null()? {
                continue;
            }
            info.present |= key.bit();
            field(self, s, key, &key_path)?;
        }
        Ok(info)
    }

    /// Reports each required key of `K` that is absent.
    fn require_all<K: ObjectKeys>(&mut self, info: &ObjectInfo, path: &PathRef<'_>) {
        if info.present & K::REQUIRED_MASK != K::REQUIRED_MASK {
            for key in K::required() {
                self.require(info, key, path);
            }
        }
    }

    /// Reports a required key that is absent, unless a misspelling of it was already reported.
    fn require<K: ObjectKeys>(&mut self, info: &ObjectInfo, key: K, path: &PathRef<'_>) {
        let name = key.name();
        let misspelt = info.unknown.iter().any(|unknown| did_you_mean(unknown, [name]).is_some());
        if !info.has(key) && !misspelt {
            self.error(path, info.offset, format!("missing required key `{name}`"), None);
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

    /// One of the names of vocabulary `T`, or an error listing them.
    fn vocabulary<T: Vocabulary>(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<T>> {
        let article = if T::WHAT.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
        let expected = format!("{article} {} name", T::WHAT);
        let Some((text, offset)) = self.string_token(s, path, &expected)? else { return Ok(None) };
        if let Some(value) = T::from_name(&text) {
            return Ok(Some(value));
        }
        let names = T::names();
        let near = did_you_mean(&text, names.iter().copied()).map(|near| format!("did you mean `{near}`? "));
        self.error(
            path,
            offset,
            format!("unknown {} `{text}`", T::WHAT),
            Some(format!("{}valid values: {}", near.unwrap_or_default(), names.join(", "))),
        );
        Ok(None)
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
        let object = self.object(s, &root, |d, s, key, p| d.top_level_member(s, key, p, &mut parts))?;
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
        self.require(&object, TopKey::Case, &root);
        Ok(parts.into_case())
    }

    /// Reads the value of one top-level key into `parts`.
    fn top_level_member(
        &mut self,
        s: &mut Scanner<'_>,
        key: TopKey,
        p: &PathRef<'_>,
        parts: &mut TopLevel,
    ) -> Read<()> {
        match key {
            TopKey::Format => {
                let offset = s.offset();
                let name = if s.next()? == Next::String { Some(s.string()?.into_owned()) } else { None };
                if name.is_none() {
                    s.skip_value()?;
                }
                parts.format = Some((offset, name));
            }
            TopKey::Version => {
                let offset = s.offset();
                let before = self.diagnostics.len();
                let value = self.whole_number(s, p)?;
                parts.version = Some((offset, value, self.diagnostics.split_off(before)));
            }
            TopKey::Case => parts.info = self.case_info(s, p)?,
            TopKey::Nodes => self.collection(s, p, Collection::Nodes, parts, TopLevel::nodes, Self::node)?,
            TopKey::Links => self.collection(s, p, Collection::Links, parts, TopLevel::links, Self::link)?,
            TopKey::Sources => self.collection(s, p, Collection::Sources, parts, TopLevel::sources, Self::source)?,
            TopKey::Quotes => self.collection(s, p, Collection::Quotes, parts, TopLevel::quotes, Self::quote)?,
            TopKey::Layout => parts.layout = self.layout(s, p)?,
            TopKey::View => parts.view = self.view(s, p)?,
            TopKey::Story => {
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
        let object = self.object(s, path, |d, s, key, p| {
            match key {
                CaseKey::Title => info.title = d.text(s, p)?.unwrap_or_default(),
                CaseKey::Summary => info.summary = d.string(s, p)?,
                CaseKey::Language => info.language = d.language(s, p)?,
                CaseKey::Created => info.created = d.date(s, p)?,
                CaseKey::Updated => info.updated = d.date(s, p)?,
            }
            Ok(())
        })?;
        if let Some(object) = object {
            self.require_all::<CaseKey>(&object, path);
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
        let object = self.object(s, path, |d, s, key, p| {
            match key {
                NodeKey::Id => id = d.id(s, p)?,
                NodeKey::Kind => kind = d.vocabulary::<NodeKind>(s, p)?,
                NodeKey::Label => label = d.text(s, p)?,
                NodeKey::Aliases => node.aliases = d.list(s, p, Self::text)?,
                NodeKey::Countries => node.countries = d.list(s, p, Self::country)?,
                NodeKey::Description => node.description = d.string(s, p)?,
                NodeKey::StartDate => node.start_date = d.date(s, p)?,
                NodeKey::EndDate => node.end_date = d.date(s, p)?,
                NodeKey::Date => node.date = d.date(s, p)?,
                NodeKey::Amount => node.amount = d.amount(s, p)?,
                NodeKey::Status => node.status = d.vocabulary(s, p)?,
            }
            Ok(())
        })?;
        let Some(object) = object else { return Ok(None) };
        self.require_all::<NodeKey>(&object, path);
        if let Some(kind) = kind
            && kind != NodeKind::Transaction
        {
            for key in TRANSACTION_ONLY.into_iter().filter(|&key| object.appeared(key)) {
                let name = key.name();
                self.error(
                    &path.key(name),
                    object.key_offset(key),
                    format!("`{name}` is only for transactions, and this node is a {}", kind.as_str()),
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
        let object = self.object(s, path, |d, s, key, p| {
            match key {
                AmountKey::Value => value = d.decimal(s, p)?,
                AmountKey::Max => max = d.decimal(s, p)?,
                AmountKey::Currency => currency = d.currency(s, p)?,
                AmountKey::Approximate => approximate = d.boolean(s, p)?,
            }
            Ok(())
        })?;
        let Some(object) = object else { return Ok(None) };
        self.require_all::<AmountKey>(&object, path);
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
        let object = self.object(s, path, |d, s, key, p| {
            match key {
                LinkKey::Id => id = d.id(s, p)?,
                LinkKey::Kind => kind = d.vocabulary(s, p)?,
                LinkKey::Source => source = d.id(s, p)?,
                LinkKey::Target => target = d.id(s, p)?,
                LinkKey::Role => link.role = d.text(s, p)?,
                LinkKey::Date => link.date = d.date(s, p)?,
                LinkKey::StartDate => link.start_date = d.date(s, p)?,
                LinkKey::EndDate => link.end_date = d.date(s, p)?,
                LinkKey::Status => link.status = d.vocabulary(s, p)?,
                LinkKey::Description => link.description = d.string(s, p)?,
            }
            Ok(())
        })?;
        let Some(object) = object else { return Ok(None) };
        self.require_all::<LinkKey>(&object, path);
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
        let object = self.object(s, path, |d, s, key, p| {
            match key {
                SourceKey::Id => id = d.id(s, p)?,
                SourceKey::Publisher => source.publisher = d.text(s, p)?.unwrap_or_default(),
                SourceKey::Title => source.title = d.text(s, p)?.unwrap_or_default(),
                SourceKey::Date => source.date = d.date(s, p)?,
                SourceKey::Authors => source.authors = d.list(s, p, Self::text)?,
                SourceKey::Url => source.url = d.url(s, p)?,
                SourceKey::Document => source.document = d.document_path(s, p)?,
            }
            Ok(())
        })?;
        let Some(object) = object else { return Ok(None) };
        self.require_all::<SourceKey>(&object, path);
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
        let object = self.object(s, path, |d, s, key, p| {
            match key {
                QuoteKey::Id => id = d.id(s, p)?,
                QuoteKey::Source => source = d.id(s, p)?,
                QuoteKey::Text => text = d.text(s, p)?,
                QuoteKey::Supports => supports = Some(d.list(s, p, Self::id)?),
                QuoteKey::Locator => locator = d.text(s, p)?,
            }
            Ok(())
        })?;
        let Some(object) = object else { return Ok(None) };
        self.require_all::<QuoteKey>(&object, path);
        let (Some(id), Some(source), Some(supports)) = (id, source, supports) else { return Ok(None) };
        Ok(Some(Quote { id, source, text: text.unwrap_or_default(), supports, locator }))
    }

    fn layout(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Layout> {
        let mut layout = Layout::default();
        self.object(s, path, |d, s, key, p| {
            match key {
                LayoutKey::Seed => layout.seed = d.whole_number(s, p)?.unwrap_or(0),
                LayoutKey::Positions => layout.positions = d.positions(s, p)?,
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
        let object = self.object(s, path, |d, s, key, p| {
            match key {
                PositionKey::X => x = d.number(s, p)?,
                PositionKey::Y => y = d.number(s, p)?,
                PositionKey::Pinned => pinned = d.boolean(s, p)?,
            }
            Ok(())
        })?;
        let Some(object) = object else { return Ok(None) };
        self.require_all::<PositionKey>(&object, path);
        let (Some(x), Some(y)) = (x, y) else { return Ok(None) };
        Ok(Some(Position { x, y, pinned: pinned.unwrap_or(false) }))
    }

    fn view(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<View> {
        let mut view = View::default();
        self.object(s, path, |d, s, key, p| {
            match key {
                ViewKey::Camera => view.camera = d.camera(s, p)?,
                ViewKey::Figure => view.figure = d.figure(s, p)?,
                ViewKey::HiddenKinds => view.hidden_kinds = d.list(s, p, Self::vocabulary)?,
            }
            Ok(())
        })?;
        Ok(view)
    }

    fn figure(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<FigureSettings>> {
        let mut settings = FigureSettings::default();
        let mut size = SizeKeys::default();
        let object = self.object(s, path, |d, s, key, p| {
            match key {
                FigureKey::Extent => settings.extent = d.vocabulary(s, p)?.unwrap_or_default(),
                FigureKey::Width => size.width = d.number(s, p)?,
                FigureKey::WidthMm => size.width_mm = d.number(s, p)?,
                FigureKey::Dpi => size.dpi = d.number(s, p)?,
                FigureKey::Scale => size.scale = d.number(s, p)?,
                FigureKey::Background => settings.background = d.vocabulary(s, p)?.unwrap_or_default(),
                FigureKey::Title => settings.title = d.string(s, p)?,
                FigureKey::Caption => settings.caption = d.text(s, p)?,
                FigureKey::Legend => settings.legend = d.boolean(s, p)?.unwrap_or(settings.legend),
                FigureKey::Sources => settings.sources = d.vocabulary(s, p)?.unwrap_or_default(),
            }
            Ok(())
        })?;
        let Some(object) = object else { return Ok(None) };
        let Some(figure_size) = self.figure_size(&object, path, size) else { return Ok(None) };
        settings.size = figure_size;
        if let Some(problem) = settings.problem().filter(|_| size.in_range()) {
            let key = [FigureKey::WidthMm, FigureKey::Dpi, FigureKey::Width, FigureKey::Scale]
                .into_iter()
                .find(|&key| object.has(key))
                .unwrap_or(FigureKey::Width);
            self.error(&path.key(key.name()), object.key_offset(key), problem, None);
        }
        Ok(Some(settings))
    }

    /// The figure's size from its size keys, reporting each out of range; `None` when the
    /// keys mix a size in pixels with one for print.
    fn figure_size(&mut self, object: &ObjectInfo, path: &PathRef<'_>, size: SizeKeys) -> Option<FigureSize> {
        for (key, value, (low, high), unit) in size.ranges() {
            if let Some(value) = value.filter(|value| !(low..=high).contains(value)) {
                let name = key.name();
                let message = format!("{name} must be from {low} to {high} {unit}, not {value}");
                self.error(&path.key(name), object.key_offset(key), message, None);
            }
        }
        // A size is given in pixels (`width`, `scale`) or for print (`width_mm`, `dpi`).
        let pixels = size.width.is_some() || size.scale.is_some();
        let mistake = match (pixels, size.width_mm, size.dpi) {
            (true, Some(_), _) => {
                Some((FigureKey::WidthMm, "`width_mm` is for print sizes, and this size is in pixels"))
            }
            (true, None, Some(_)) => Some((FigureKey::Dpi, "`dpi` is for print sizes, and this size is in pixels")),
            (false, None, Some(_)) => Some((FigureKey::Dpi, "`dpi` needs `width_mm`, the printed width")),
            _ => None,
        };
        if let Some((key, message)) = mistake {
            let help = "use `width` (and `scale`) for a screen size in pixels, or `width_mm` (and `dpi`) for print";
            self.error(&path.key(key.name()), object.key_offset(key), message, Some(help.to_owned()));
            return None;
        }
        Some(match size.width_mm {
            Some(width_mm) => FigureSize::Print { width_mm, dpi: size.dpi.unwrap_or(300.0) },
            None => FigureSize::Pixels { width: size.width.unwrap_or(1200.0), scale: size.scale.unwrap_or(1.0) },
        })
    }

    fn camera(&mut self, s: &mut Scanner<'_>, path: &PathRef<'_>) -> Read<Option<Camera>> {
        let (mut center_x, mut center_y, mut zoom) = (None, None, None);
        let object = self.object(s, path, |d, s, key, p| {
            match key {
                CameraKey::CenterX => center_x = d.number(s, p)?,
                CameraKey::CenterY => center_y = d.number(s, p)?,
                CameraKey::Zoom => zoom = d.number(s, p)?,
            }
            Ok(())
        })?;
        let Some(object) = object else { return Ok(None) };
        self.require_all::<CameraKey>(&object, path);
        if let Some(zoom) = zoom
            && zoom <= 0.0
        {
            let offset = object.key_offset(CameraKey::Zoom);
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
