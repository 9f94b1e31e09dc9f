//! Turns the parsed JSON tree into a [`Case`], reporting every malformed field rather than
//! stopping at the first: wrong types, missing and unknown keys, bad ids, dates, codes and
//! numbers. Cross-references are checked afterwards by [`super::validate`].
//!
//! To keep later checks from cascading, a malformed value is replaced by a stand-in where
//! the item would otherwise vanish; a case with any error never opens, so stand-ins never
//! reach the analyst.

use indexmap::IndexMap;

use super::amount::{Amount, check_decimal};
use super::case::{
    Camera, Case, CaseInfo, FORMAT_NAME, FORMAT_VERSION, Layout, Link, Node, Position, Quote, Source, View,
};
use super::claim_status::ClaimStatus;
use super::codes::{Country, Currency};
use super::diagnostic::{Diagnostic, did_you_mean};
use super::id::Id;
use super::json_path::PathRef;
use super::link_kind::LinkKind;
use super::node_kind::NodeKind;
use super::partial_date::PartialDate;
use super::spanned_json::{JsonMember, JsonNode, JsonValue};

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
const VIEW_KEYS: &[&str] = &["camera", "hidden_kinds"];
const CAMERA_KEYS: &[&str] = &["center_x", "center_y", "zoom"];

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

/// Decodes a parsed case file, appending every problem to `diagnostics`.
pub fn decode_case(root: &JsonNode<'_>, diagnostics: &mut Vec<Diagnostic>) -> (Case, FileIndices) {
    let mut decoder = Decoder { diagnostics };
    decoder.case(root)
}

struct Decoder<'d> {
    diagnostics: &'d mut Vec<Diagnostic>,
}

/// The members of one object, already checked for unknown and repeated keys.
struct Fields<'n, 'a> {
    members: &'n [JsonMember<'a>],
    offset: u32,
}

impl<'n, 'a> Fields<'n, 'a> {
    fn get(&self, key: &str) -> Option<&'n JsonNode<'a>> {
        self.members.iter().find(|member| member.key == key).map(|member| &member.value)
    }

    /// Like `get`, but treats `null` as absent.
    fn present(&self, key: &str) -> Option<&'n JsonNode<'a>> {
        self.get(key).filter(|node| node.value != JsonValue::Null)
    }

    fn key_offset(&self, key: &str) -> u32 {
        self.members.iter().find(|member| member.key == key).map_or(self.offset, |member| member.key_offset)
    }
}

type FieldDecoder<'x, T> = fn(&mut Decoder<'x>, &JsonNode<'_>, &PathRef<'_>) -> Option<T>;

impl<'d> Decoder<'d> {
    fn push(&mut self, diagnostic: Diagnostic) {
        self.diagnostics.push(diagnostic);
    }

    fn error(&mut self, path: &PathRef<'_>, offset: u32, message: impl Into<String>, help: Option<String>) {
        self.push(Diagnostic::error(message).at(path.to_path()).at_offset(offset).with_optional_help(help));
    }

    fn type_error(&mut self, node: &JsonNode<'_>, path: &PathRef<'_>, expected: &str) {
        let message = format!("expected {expected}, found {}", node.value.type_name());
        self.error(path, node.offset, message, None);
    }

    fn object<'n, 'a>(&mut self, node: &'n JsonNode<'a>, path: &PathRef<'_>, known: &[&str]) -> Option<Fields<'n, 'a>> {
        let JsonValue::Object(members) = &node.value else {
            self.type_error(node, path, "an object");
            return None;
        };
        debug_assert!(known.len() <= 64);
        let mut seen = 0u64;
        for member in members.iter() {
            let key = member.key.as_ref();
            let key_path = path.key(key);
            let Some(slot) = known.iter().position(|known_key| *known_key == key) else {
                let help = match did_you_mean(key, known.iter().copied()) {
                    Some(near) => format!("did you mean `{near}`? Valid keys here: {}", known.join(", ")),
                    None => format!("valid keys here: {}", known.join(", ")),
                };
                self.error(&key_path, member.key_offset, format!("unknown key `{key}`"), Some(help));
                continue;
            };
            if seen & (1 << slot) != 0 {
                self.error(
                    &key_path,
                    member.key_offset,
                    format!("key `{key}` appears twice in this object"),
                    Some("keep one of them; JSON readers disagree on which one wins".to_owned()),
                );
            }
            seen |= 1 << slot;
        }
        Some(Fields { members, offset: node.offset })
    }

    fn required<'n, 'a>(&mut self, fields: &Fields<'n, 'a>, key: &str, path: &PathRef<'_>) -> Option<&'n JsonNode<'a>> {
        let found = fields.present(key);
        // A misspelt key was already reported with a suggestion; saying it is missing too
        // would tell the analyst the same thing twice.
        let misspelt =
            || fields.members.iter().any(|member| member.key != key && did_you_mean(&member.key, [key]).is_some());
        if found.is_none() && !misspelt() {
            self.error(path, fields.offset, format!("missing required key `{key}`"), None);
        }
        found
    }

    fn optional<T>(
        &mut self,
        fields: &Fields<'_, '_>,
        key: &str,
        path: &PathRef<'_>,
        decode: FieldDecoder<'d, T>,
    ) -> Option<T> {
        let node = fields.present(key)?;
        decode(self, node, &path.key(key))
    }

    fn required_with<T>(
        &mut self,
        fields: &Fields<'_, '_>,
        key: &str,
        path: &PathRef<'_>,
        decode: FieldDecoder<'d, T>,
    ) -> Option<T> {
        let node = self.required(fields, key, path)?;
        decode(self, node, &path.key(key))
    }

    fn list<T>(
        &mut self,
        fields: &Fields<'_, '_>,
        key: &str,
        path: &PathRef<'_>,
        decode: FieldDecoder<'d, T>,
    ) -> Vec<T> {
        let Some(node) = fields.present(key) else { return Vec::new() };
        let key_path = path.key(key);
        self.array(node, &key_path, decode)
    }

    fn array<T>(&mut self, node: &JsonNode<'_>, path: &PathRef<'_>, decode: FieldDecoder<'d, T>) -> Vec<T> {
        self.indexed_array(node, path, decode).0
    }

    /// Decodes each element, returning the kept values and their indices in the file.
    fn indexed_array<T>(
        &mut self,
        node: &JsonNode<'_>,
        path: &PathRef<'_>,
        decode: FieldDecoder<'d, T>,
    ) -> (Vec<T>, Vec<usize>) {
        let JsonValue::Array(elements) = &node.value else {
            self.type_error(node, path, "an array");
            return (Vec::new(), Vec::new());
        };
        let mut decoded = Vec::with_capacity(elements.len());
        let mut indices = Vec::with_capacity(elements.len());
        for (index, element) in elements.iter().enumerate() {
            if let Some(value) = decode(self, element, &path.index(index)) {
                decoded.push(value);
                indices.push(index);
            }
        }
        (decoded, indices)
    }

    fn collection<T>(
        &mut self,
        fields: &Fields<'_, '_>,
        key: &str,
        decode: FieldDecoder<'d, T>,
    ) -> (Vec<T>, Vec<usize>) {
        let root = PathRef::Root;
        match fields.present(key) {
            Some(node) => self.indexed_array(node, &root.key(key), decode),
            None => (Vec::new(), Vec::new()),
        }
    }

    fn string(&mut self, node: &JsonNode<'_>, path: &PathRef<'_>) -> Option<String> {
        match &node.value {
            JsonValue::String(text) => Some(text.as_ref().to_owned()),
            _ => {
                self.type_error(node, path, "a string");
                None
            }
        }
    }

    fn text(&mut self, node: &JsonNode<'_>, path: &PathRef<'_>) -> Option<String> {
        let text = self.string(node, path)?;
        if text.trim().is_empty() {
            self.error(path, node.offset, "this text is empty", Some("write the text, or remove the key".to_owned()));
        }
        Some(text)
    }

    fn parsed<T, E: std::fmt::Display>(
        &mut self,
        node: &JsonNode<'_>,
        path: &PathRef<'_>,
        parse: impl FnOnce(&str) -> Result<T, E>,
    ) -> Option<T> {
        let JsonValue::String(text) = &node.value else {
            self.type_error(node, path, "a string");
            return None;
        };
        match parse(text) {
            Ok(value) => Some(value),
            Err(error) => {
                self.error(path, node.offset, error.to_string(), None);
                None
            }
        }
    }

    fn id(&mut self, node: &JsonNode<'_>, path: &PathRef<'_>) -> Option<Id> {
        let text = self.string(node, path)?;
        if let Err(error) = Id::check(&text) {
            self.push(
                Diagnostic::error(format!("bad id {text:?}: {error}"))
                    .at(path.to_path())
                    .at_offset(node.offset)
                    .with_help("ids follow the FollowTheMoney rule, e.g. \"p-igor-michurin\""),
            );
        }
        Some(Id::unchecked(text))
    }

    fn date(&mut self, node: &JsonNode<'_>, path: &PathRef<'_>) -> Option<PartialDate> {
        self.parsed(node, path, PartialDate::parse)
    }

    fn country(&mut self, node: &JsonNode<'_>, path: &PathRef<'_>) -> Option<Country> {
        self.parsed(node, path, Country::parse)
    }

    fn decimal(&mut self, node: &JsonNode<'_>, path: &PathRef<'_>) -> Option<String> {
        if let JsonValue::Number(number) = node.value {
            let help = format!("write the amount as a string, \"{number}\", so it keeps every digit");
            self.error(path, node.offset, "amounts are decimal strings, not numbers", Some(help));
            return None;
        }
        self.parsed(node, path, |text| check_decimal(text).map(|()| text.to_owned()))
    }

    fn enumerated<T: Copy>(
        &mut self,
        node: &JsonNode<'_>,
        path: &PathRef<'_>,
        what: &str,
        names: &[&'static str],
        parse: impl Fn(&str) -> Option<T>,
    ) -> Option<T> {
        let JsonValue::String(text) = &node.value else {
            self.type_error(node, path, &format!("a {what} name"));
            return None;
        };
        if let Some(value) = parse(text) {
            return Some(value);
        }
        let near = did_you_mean(text, names.iter().copied()).map(|near| format!("did you mean `{near}`? "));
        self.error(
            path,
            node.offset,
            format!("unknown {what} `{text}`"),
            Some(format!("{}valid values: {}", near.unwrap_or_default(), names.join(", "))),
        );
        None
    }

    fn node_kind(&mut self, node: &JsonNode<'_>, path: &PathRef<'_>) -> Option<NodeKind> {
        let names = NodeKind::ALL.map(NodeKind::as_str);
        self.enumerated(node, path, "node kind", &names, NodeKind::parse)
    }

    fn link_kind(&mut self, node: &JsonNode<'_>, path: &PathRef<'_>) -> Option<LinkKind> {
        let names = LinkKind::ALL.map(LinkKind::as_str);
        self.enumerated(node, path, "link kind", &names, LinkKind::parse)
    }

    fn status(&mut self, node: &JsonNode<'_>, path: &PathRef<'_>) -> Option<ClaimStatus> {
        let names = ClaimStatus::ALL.map(ClaimStatus::as_str);
        self.enumerated(node, path, "status", &names, ClaimStatus::parse)
    }

    fn number(&mut self, node: &JsonNode<'_>, path: &PathRef<'_>) -> Option<f64> {
        let JsonValue::Number(text) = node.value else {
            self.type_error(node, path, "a number");
            return None;
        };
        let value: f64 = text.parse().ok()?;
        if !value.is_finite() {
            self.error(path, node.offset, format!("{text} is too large to be a finite number"), None);
            return None;
        }
        Some(value)
    }

    fn whole_number(&mut self, node: &JsonNode<'_>, path: &PathRef<'_>) -> Option<u64> {
        let JsonValue::Number(text) = node.value else {
            self.type_error(node, path, "a whole number");
            return None;
        };
        let parsed = text.parse::<u64>();
        if parsed.is_err() {
            self.error(path, node.offset, format!("{text} is not a whole number from 0 to {}", u64::MAX), None);
        }
        parsed.ok()
    }

    fn boolean(&mut self, node: &JsonNode<'_>, path: &PathRef<'_>) -> Option<bool> {
        match node.value {
            JsonValue::Bool(value) => Some(value),
            _ => {
                self.type_error(node, path, "true or false");
                None
            }
        }
    }

    fn case(&mut self, root: &JsonNode<'_>) -> (Case, FileIndices) {
        let path = PathRef::Root;
        let JsonValue::Object(_) = root.value else {
            self.error(
                &path,
                root.offset,
                format!("a case file is a JSON object, but this file holds {}", root.value.type_name()),
                None,
            );
            return Default::default();
        };
        // Format and version first: in a file of another kind or a newer version, unknown
        // keys are expected and listing them would bury the one message that matters.
        if let JsonValue::Object(members) = &root.value
            && !self.format_and_version(&Fields { members, offset: root.offset })
        {
            return Default::default();
        }
        let Some(fields) = self.object(root, &path, TOP_KEYS) else { return Default::default() };
        if let Some(story) = fields.get("story") {
            self.error(
                &path.key("story"),
                story.offset,
                "`story` is reserved for a later version of the format",
                Some("remove it; this version of casegraph would not keep it".to_owned()),
            );
        }
        let info = match self.required(&fields, "case", &path) {
            Some(node) => self.case_info(node, &path.key("case")),
            None => CaseInfo::default(),
        };
        let layout = fields.present("layout").map(|node| self.layout(node, &path.key("layout"))).unwrap_or_default();
        let view = fields.present("view").map(|node| self.view(node, &path.key("view"))).unwrap_or_default();
        let (nodes, node_indices) = self.collection(&fields, "nodes", Self::node);
        let (links, link_indices) = self.collection(&fields, "links", Self::link);
        let (sources, source_indices) = self.collection(&fields, "sources", Self::source);
        let (quotes, quote_indices) = self.collection(&fields, "quotes", Self::quote);
        let indices =
            FileIndices { nodes: node_indices, links: link_indices, sources: source_indices, quotes: quote_indices };
        (Case { info, nodes, links, sources, quotes, layout, view }, indices)
    }

    /// Checks `format` and `version`; false when the rest of the file cannot be read.
    fn format_and_version(&mut self, fields: &Fields<'_, '_>) -> bool {
        let root = PathRef::Root;
        let format_path = root.key("format");
        match fields.present("format").map(|node| (node, &node.value)) {
            Some((_, JsonValue::String(name))) if name == FORMAT_NAME => {}
            Some((node, _)) => {
                self.error(
                    &format_path,
                    node.offset,
                    format!("this is not a casegraph case file (`format` must be \"{FORMAT_NAME}\")"),
                    None,
                );
                return false;
            }
            None => {
                let help = if fields.get("entities").is_some() || fields.get("schema").is_some() {
                    "this looks like a FollowTheMoney or Aleph file; casegraph cannot open those directly"
                } else {
                    "a case file starts with \"format\": \"casegraph\", \"version\": 1"
                };
                self.error(
                    &root,
                    fields.offset,
                    "missing `format`: this is not a casegraph case file",
                    Some(help.to_owned()),
                );
                return false;
            }
        }
        let Some(node) = self.required(fields, "version", &root) else { return false };
        let version_path = root.key("version");
        match self.whole_number(node, &version_path) {
            Some(version) if version > u64::from(FORMAT_VERSION) => {
                self.error(
                    &version_path,
                    node.offset,
                    format!("this file has format version {version}, written by a newer casegraph; this build reads version {FORMAT_VERSION}"),
                    Some("update casegraph to open it".to_owned()),
                );
                false
            }
            Some(0) => {
                self.error(&version_path, node.offset, "format versions start at 1", None);
                false
            }
            Some(_) => true,
            None => false,
        }
    }

    fn case_info(&mut self, node: &JsonNode<'_>, path: &PathRef<'_>) -> CaseInfo {
        let Some(fields) = self.object(node, path, CASE_KEYS) else { return CaseInfo::default() };
        CaseInfo {
            title: self.required_with(&fields, "title", path, Self::text).unwrap_or_default(),
            summary: self.optional(&fields, "summary", path, Self::string),
            language: self.optional(&fields, "language", path, Self::language),
            created: self.optional(&fields, "created", path, Self::date),
            updated: self.optional(&fields, "updated", path, Self::date),
        }
    }

    fn language(&mut self, node: &JsonNode<'_>, path: &PathRef<'_>) -> Option<String> {
        self.parsed(node, path, |text| {
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

    fn node(&mut self, node: &JsonNode<'_>, path: &PathRef<'_>) -> Option<Node> {
        let fields = self.object(node, path, NODE_KEYS)?;
        let id = self.required_with(&fields, "id", path, Self::id);
        let kind = self.required_with(&fields, "kind", path, Self::node_kind);
        let label = self.required_with(&fields, "label", path, Self::text);
        if let Some(kind) = kind
            && kind != NodeKind::Transaction
        {
            for key in TRANSACTION_ONLY_KEYS {
                if fields.get(key).is_some() {
                    self.error(
                        &path.key(key),
                        fields.key_offset(key),
                        format!("`{key}` is only for transactions, and this node is a {}", kind.as_str()),
                        Some("use `start_date`/`end_date` for other kinds, or put the claim on a link".to_owned()),
                    );
                }
            }
        }
        let id = id?;
        Some(Node {
            label: label.unwrap_or_else(|| id.to_string()),
            id,
            kind: kind.unwrap_or(NodeKind::Organization),
            aliases: self.list(&fields, "aliases", path, Self::text),
            countries: self.list(&fields, "countries", path, Self::country),
            description: self.optional(&fields, "description", path, Self::string),
            start_date: self.optional(&fields, "start_date", path, Self::date),
            end_date: self.optional(&fields, "end_date", path, Self::date),
            date: self.optional(&fields, "date", path, Self::date),
            amount: self.optional(&fields, "amount", path, Self::amount),
            status: self.optional(&fields, "status", path, Self::status),
        })
    }

    fn amount(&mut self, node: &JsonNode<'_>, path: &PathRef<'_>) -> Option<Amount> {
        let fields = self.object(node, path, AMOUNT_KEYS)?;
        let value = self.required_with(&fields, "value", path, Self::decimal);
        let max = self.optional(&fields, "max", path, Self::decimal);
        let currency = self.required_with(&fields, "currency", path, |d, n, p| d.parsed(n, p, Currency::parse));
        let approximate = self.optional(&fields, "approximate", path, Self::boolean).unwrap_or(false);
        Some(Amount { value: value?, max, currency: currency?, approximate })
    }

    fn link(&mut self, node: &JsonNode<'_>, path: &PathRef<'_>) -> Option<Link> {
        let fields = self.object(node, path, LINK_KEYS)?;
        let id = self.required_with(&fields, "id", path, Self::id);
        let kind = self.required_with(&fields, "kind", path, Self::link_kind);
        let source = self.required_with(&fields, "source", path, Self::id);
        let target = self.required_with(&fields, "target", path, Self::id);
        Some(Link {
            id: id?,
            kind: kind.unwrap_or(LinkKind::Unknown),
            source: source?,
            target: target?,
            role: self.optional(&fields, "role", path, Self::text),
            date: self.optional(&fields, "date", path, Self::date),
            start_date: self.optional(&fields, "start_date", path, Self::date),
            end_date: self.optional(&fields, "end_date", path, Self::date),
            status: self.optional(&fields, "status", path, Self::status),
            description: self.optional(&fields, "description", path, Self::string),
        })
    }

    fn source(&mut self, node: &JsonNode<'_>, path: &PathRef<'_>) -> Option<Source> {
        let fields = self.object(node, path, SOURCE_KEYS)?;
        let id = self.required_with(&fields, "id", path, Self::id);
        let publisher = self.required_with(&fields, "publisher", path, Self::text);
        let title = self.required_with(&fields, "title", path, Self::text);
        Some(Source {
            id: id?,
            publisher: publisher.unwrap_or_default(),
            title: title.unwrap_or_default(),
            date: self.optional(&fields, "date", path, Self::date),
            authors: self.list(&fields, "authors", path, Self::text),
            url: self.optional(&fields, "url", path, Self::url),
            document: self.optional(&fields, "document", path, Self::document_path),
        })
    }

    fn url(&mut self, node: &JsonNode<'_>, path: &PathRef<'_>) -> Option<String> {
        self.parsed(node, path, |text| {
            if (text.starts_with("https://") || text.starts_with("http://")) && !text.contains(char::is_whitespace) {
                Ok(text.to_owned())
            } else {
                Err(format!("{text:?} is not a web address; write a full http:// or https:// URL"))
            }
        })
    }

    fn document_path(&mut self, node: &JsonNode<'_>, path: &PathRef<'_>) -> Option<String> {
        self.parsed(node, path, |text| {
            let absolute = text.starts_with('/') || text.starts_with('\\') || text.get(1..2) == Some(":");
            if text.is_empty() || absolute {
                Err(format!("{text:?} must be a path relative to the case file, such as \"sources/article.txt\""))
            } else {
                Ok(text.to_owned())
            }
        })
    }

    fn quote(&mut self, node: &JsonNode<'_>, path: &PathRef<'_>) -> Option<Quote> {
        let fields = self.object(node, path, QUOTE_KEYS)?;
        let id = self.required_with(&fields, "id", path, Self::id);
        let source = self.required_with(&fields, "source", path, Self::id);
        let text = self.required_with(&fields, "text", path, Self::text);
        let supports =
            self.required(&fields, "supports", path).map(|node| self.array(node, &path.key("supports"), Self::id));
        Some(Quote {
            id: id?,
            source: source?,
            text: text.unwrap_or_default(),
            supports: supports?,
            locator: self.optional(&fields, "locator", path, Self::text),
        })
    }

    fn layout(&mut self, node: &JsonNode<'_>, path: &PathRef<'_>) -> Layout {
        let Some(fields) = self.object(node, path, LAYOUT_KEYS) else { return Layout::default() };
        let seed = self.optional(&fields, "seed", path, Self::whole_number).unwrap_or(0);
        let mut positions = IndexMap::new();
        if let Some(node) = fields.present("positions") {
            let positions_path = path.key("positions");
            if let JsonValue::Object(members) = &node.value {
                for member in members {
                    let key_path = positions_path.key(&member.key);
                    if let Err(error) = Id::check(&member.key) {
                        self.error(&key_path, member.key_offset, format!("bad id {:?}: {error}", member.key), None);
                    }
                    let id = Id::unchecked(member.key.as_ref().to_owned());
                    if positions.contains_key(&id) {
                        self.error(&key_path, member.key_offset, format!("node `{id}` has two positions"), None);
                    } else if let Some(position) = self.position(&member.value, &key_path) {
                        positions.insert(id, position);
                    }
                }
            } else {
                self.type_error(node, &positions_path, "an object keyed by node id");
            }
        }
        Layout { seed, positions }
    }

    fn position(&mut self, node: &JsonNode<'_>, path: &PathRef<'_>) -> Option<Position> {
        let fields = self.object(node, path, POSITION_KEYS)?;
        let x = self.required_with(&fields, "x", path, Self::number);
        let y = self.required_with(&fields, "y", path, Self::number);
        let pinned = self.optional(&fields, "pinned", path, Self::boolean).unwrap_or(false);
        Some(Position { x: x?, y: y?, pinned })
    }

    fn view(&mut self, node: &JsonNode<'_>, path: &PathRef<'_>) -> View {
        let Some(fields) = self.object(node, path, VIEW_KEYS) else { return View::default() };
        View {
            camera: self.optional(&fields, "camera", path, Self::camera),
            hidden_kinds: self.list(&fields, "hidden_kinds", path, Self::node_kind),
        }
    }

    fn camera(&mut self, node: &JsonNode<'_>, path: &PathRef<'_>) -> Option<Camera> {
        let fields = self.object(node, path, CAMERA_KEYS)?;
        let center_x = self.required_with(&fields, "center_x", path, Self::number);
        let center_y = self.required_with(&fields, "center_y", path, Self::number);
        let zoom = self.required_with(&fields, "zoom", path, Self::number);
        if let Some(zoom) = zoom
            && zoom <= 0.0
        {
            self.error(&path.key("zoom"), fields.key_offset("zoom"), format!("zoom must be above 0, not {zoom}"), None);
            return None;
        }
        Some(Camera { center_x: center_x?, center_y: center_y?, zoom: zoom? })
    }
}
