//! Reading a large case file on two threads. The main reader starts at the top; a second
//! thread guesses where an element of a top-level array begins near the middle of the text
//! and reads from there to the end. When the main reader arrives at exactly that element of
//! exactly that array, everything after it reads the same whichever thread reads it, so the
//! main reader takes the second thread's result instead of reading on. A guess it never
//! arrives at, or a second half with any problem in it, is simply not used: problems found
//! there would name the wrong array indices, and a file with problems is never a large
//! valid case whose speed matters.

use std::thread::ScopedJoinHandle;

use super::{Collection, Cursor, Decoder, Next, ObjectInfo, Read, Scanner, TopKey, TopLevel, read_document};
use crate::model::case::Case;
use crate::model::decode::FileIndices;
use crate::model::diagnostic::Diagnostic;
use crate::model::json_path::PathRef;

/// Files at least this large are read on two threads; below it, starting a thread costs
/// more than it saves.
pub(super) const SPLIT_MIN_BYTES: usize = 4 << 20;

/// How the end of one element of a top-level array and the start of the next look in the
/// 2-space indentation casegraph writes.
const ELEMENT_BOUNDARY: &[u8] = b"\n    },\n    {";

/// How far past the middle to look for an element boundary.
const SEARCH_WINDOW_BYTES: usize = 1 << 20;

/// Which way a large file was read: tests must know that the split path really ran.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum SplitPath {
    /// The second thread's reading of the second half was taken.
    TwoThreads,
    /// The main reader never arrived where the second thread started, and read it all.
    MainReaderOnly,
    /// Taking the second half would have read differently from one go: not used.
    Conflict,
    /// No element boundary near the middle to start a second thread at.
    NoSplitPoint,
}

/// Reads `text` on two threads if this machine has two cores; `None` when it cannot be
/// split or when the split reading might differ from reading in one go, with `diagnostics`
/// as they were.
pub(super) fn decode_on_two_threads(
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Read<(Case, FileIndices)>> {
    if std::thread::available_parallelism().map_or(1, usize::from) < 2 {
        return None;
    }
    decode_split(text, diagnostics).0
}

/// [`decode_on_two_threads`] on any machine, saying which path the reading took.
fn decode_split(text: &str, diagnostics: &mut Vec<Diagnostic>) -> (Option<Read<(Case, FileIndices)>>, SplitPath) {
    let Some(at) = element_start_near_middle(text.as_bytes()) else { return (None, SplitPath::NoSplitPoint) };
    let before = diagnostics.len();
    let (decoded, conflict, taken) = std::thread::scope(|scope| {
        let helper = scope.spawn(move || read_rest(text, at));
        let split = Split { at, helper: Some(helper), later_keys: None, taken: false };
        let mut decoder = Decoder { diagnostics: &mut *diagnostics, split: Some(split), split_conflict: false };
        let decoded = read_document(&mut decoder, text);
        (decoded, decoder.split_conflict, decoder.split.is_some_and(|split| split.taken))
    });
    if conflict {
        diagnostics.truncate(before);
        return (None, SplitPath::Conflict);
    }
    (Some(decoded), if taken { SplitPath::TwoThreads } else { SplitPath::MainReaderOnly })
}

/// The main reader's view of the second thread.
pub(super) struct Split<'s> {
    /// Offset of the element where the second thread starts.
    at: u32,
    /// The second thread, until the main reader arrives at `at`.
    helper: Option<ScopedJoinHandle<'s, Option<Rest>>>,
    /// The top-level keys the second thread read, once taken, for checking repeats.
    pub(super) later_keys: Option<ObjectInfo>,
    /// Whether the second thread's reading was taken.
    taken: bool,
}

impl Split<'_> {
    /// The second thread's reading, when the main reader is at the element of `collection`
    /// where it started.
    pub(super) fn rest_from(&mut self, offset: u32, collection: Collection) -> Option<Rest> {
        if offset != self.at {
            return None;
        }
        let rest = self.helper.take()?.join().ok().flatten()?;
        self.taken = rest.collection == collection;
        self.taken.then_some(rest)
    }
}

/// What the second thread read: the rest of one collection, then the rest of the file.
pub(super) struct Rest {
    /// The collection whose element it started at.
    collection: Collection,
    /// That collection's remaining items, numbered from the start element, and the values
    /// of the top-level keys after it.
    pub(super) parts: TopLevel,
    /// The top-level keys after the collection.
    pub(super) later_keys: ObjectInfo,
    /// Offset of the collection's closing bracket.
    pub(super) array_close: u32,
    /// Offset of the top-level object's closing brace.
    pub(super) object_close: u32,
}

/// Reads from the element at `at` to the end of the top-level object; `None` on any problem.
fn read_rest(text: &str, at: u32) -> Option<Rest> {
    let collection = collection_of_element(text, at)?;
    let mut diagnostics = Vec::new();
    let mut decoder = Decoder { diagnostics: &mut diagnostics, split: None, split_conflict: false };
    // Inside the top-level object and the collection's array.
    let mut s = Scanner::resume_at(text, at as usize, 2);
    let rest = read_rest_with(&mut decoder, &mut s, collection).ok()?;
    diagnostics.is_empty().then_some(rest)
}

fn read_rest_with(d: &mut Decoder<'_, '_>, s: &mut Scanner<'_>, collection: Collection) -> Read<Rest> {
    let mut parts = TopLevel::default();
    let root = PathRef::Root;
    let path = root.key(collection.key());
    match collection {
        Collection::Nodes => d.rest_of_collection(s, &path, &mut parts, TopLevel::nodes, Decoder::node)?,
        Collection::Links => d.rest_of_collection(s, &path, &mut parts, TopLevel::links, Decoder::link)?,
        Collection::Sources => d.rest_of_collection(s, &path, &mut parts, TopLevel::sources, Decoder::source)?,
        Collection::Quotes => d.rest_of_collection(s, &path, &mut parts, TopLevel::quotes, Decoder::quote)?,
    }
    let array_close = s.offset() - 1;
    let keys = ObjectInfo::new::<TopKey>(array_close);
    let later_keys =
        d.members(s, &root, keys, Cursor::after_member(), |d, s, key, p| d.top_level_member(s, key, p, &mut parts))?;
    let object_close = s.offset() - 1;
    Ok(Rest { collection, parts, later_keys, array_close, object_close })
}

impl Decoder<'_, '_> {
    /// Reads the elements from here to the end of the array into `place`, numbered from 0.
    fn rest_of_collection<'a, T>(
        &mut self,
        s: &mut Scanner<'a>,
        path: &PathRef<'_>,
        parts: &mut TopLevel,
        place: fn(&mut TopLevel) -> (&mut Vec<T>, &mut Vec<usize>),
        mut decode: impl FnMut(&mut Self, &mut Scanner<'a>, &PathRef<'_>) -> Read<Option<T>>,
    ) -> Read<()> {
        let (values, indices) = place(parts);
        self.elements(s, path, Cursor::at_member(), |d, s, index, p| {
            if let Some(value) = decode(d, s, p)? {
                values.push(value);
                indices.push(index);
            }
            Ok(())
        })
    }
}

/// Where an element of a top-level array seems to start near the middle of the text.
fn element_start_near_middle(bytes: &[u8]) -> Option<u32> {
    let middle = bytes.len() / 2;
    let window = bytes.get(middle..bytes.len().min(middle + SEARCH_WINDOW_BYTES))?;
    let found = window.windows(ELEMENT_BOUNDARY.len()).position(|w| w == ELEMENT_BOUNDARY)?;
    u32::try_from(middle + found + ELEMENT_BOUNDARY.len() - 1).ok()
}

/// The collection the element at `at` seems to belong to, told by a key only its kind of
/// item has; only a guess until the main reader arrives there.
fn collection_of_element(text: &str, at: u32) -> Option<Collection> {
    let mut s = Scanner::resume_at(text, at as usize, 2);
    if s.next().ok()? != Next::Object {
        return None;
    }
    let mut cursor = s.begin_object().ok()?;
    while let Some((key, _)) = s.next_key(&mut cursor).ok()? {
        match &*key {
            "label" => return Some(Collection::Nodes),
            "target" => return Some(Collection::Links),
            "publisher" => return Some(Collection::Sources),
            "text" => return Some(Collection::Quotes),
            _ => s.skip_value().ok()?,
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::save::case_to_json;
    use crate::seeded_random::SplitMix64;
    use crate::synthetic::generate_case;

    type Outcome = (Read<(Case, FileIndices)>, Vec<Diagnostic>);
    /// Changes a text at a byte offset.
    type Damage = dyn Fn(&mut String, usize);

    fn in_one_go(text: &str) -> Outcome {
        let mut diagnostics = Vec::new();
        let decoded =
            read_document(&mut Decoder { diagnostics: &mut diagnostics, split: None, split_conflict: false }, text);
        (decoded, diagnostics)
    }

    /// The two-thread reading, or the one-go reading it falls back to, as `decode_case` does,
    /// and which path it took.
    fn on_two_threads(text: &str) -> (Outcome, SplitPath) {
        let mut diagnostics = Vec::new();
        match decode_split(text, &mut diagnostics) {
            (Some(decoded), path) => ((decoded, diagnostics), path),
            (None, path) => (in_one_go(text), path),
        }
    }

    fn generated_text(nodes: usize, seed: u64) -> String {
        case_to_json(&generate_case(nodes, seed)).expect("generated cases save")
    }

    #[test]
    fn the_second_thread_reads_a_saved_case_from_the_middle() {
        for (nodes, seed) in [(3, 1), (40, 2), (300, 3)] {
            let text = generated_text(nodes, seed);
            let at = element_start_near_middle(text.as_bytes()).expect("a saved case has element boundaries");
            assert_eq!(text.as_bytes()[at as usize], b'{');
            let rest = read_rest(&text, at).expect("the second half of a valid case reads cleanly");
            assert_eq!(&text[rest.object_close as usize..], "}\n");
            let ((decoded, diagnostics), path) = on_two_threads(&text);
            assert_eq!(path, SplitPath::TwoThreads, "{nodes} nodes");
            assert_eq!(diagnostics, Vec::new());
            assert_eq!((decoded, diagnostics), in_one_go(&text), "{nodes} nodes");
        }
    }

    #[test]
    fn an_element_is_told_by_a_key_only_its_kind_has() {
        let guess = |element: &str| collection_of_element(element, 0);
        assert_eq!(guess(r#"{"id": "a", "kind": "person", "label": "A"}"#), Some(Collection::Nodes));
        assert_eq!(guess(r#"{"id": "l", "kind": "family", "source": "a", "target": "b"}"#), Some(Collection::Links));
        assert_eq!(guess(r#"{"id": "s", "publisher": "Reuters"}"#), Some(Collection::Sources));
        assert_eq!(guess(r#"{"id": "q", "source": "s", "text": "…"}"#), Some(Collection::Quotes));
        assert_eq!(guess(r#"{"id": "x", "seed": 1}"#), None);
        assert_eq!(guess(r#"{"id": "#), None);
        assert_eq!(guess("[1]"), None);
    }

    /// Damage of every kind near the split point and anywhere else must read exactly as it
    /// does in one go: the same case, the same problems, the same syntax error.
    #[test]
    fn damaged_files_read_the_same_on_two_threads() {
        let text = generated_text(60, 9);
        let middle = text.len() / 2;
        let mut random = SplitMix64::new(17);
        let damages: [&Damage; 8] = [
            &|t, at| t.insert(at, ','),
            &|t, at| t.insert_str(at, "\"suports\": 1, "),
            &|t, at| {
                t.remove(at);
            },
            &|t, at| t.insert_str(at, "[[[[[[[["),
            &|t, at| t.truncate(at),
            &|t, at| t.insert_str(at, "\n    },\n    {"),
            &|t, at| t.insert_str(at, "\n  \"nodes\": [\n    {"),
            &|t, at| {
                let end = at + t[at..].chars().next().map_or(0, char::len_utf8);
                t.replace_range(at..end, "\"");
            },
        ];
        let mut paths = Vec::new();
        for round in 0..400 {
            let mut damaged = text.clone();
            let near_split = round % 2 == 0;
            let mut at = if near_split { middle - 300 + random.below(600) } else { random.below(text.len() - 1) };
            while !damaged.is_char_boundary(at) {
                at -= 1;
            }
            damages[round % damages.len()](&mut damaged, at);
            let (outcome, path) = on_two_threads(&damaged);
            assert_eq!(outcome, in_one_go(&damaged), "damage {} at {at}", round % damages.len());
            paths.push(path);
        }
        let count = |wanted: SplitPath| paths.iter().filter(|&&path| path == wanted).count();
        // Damage in the first half leaves the second thread's reading good to take; damage in
        // the second half must be caught and read again in one go.
        assert!(count(SplitPath::TwoThreads) >= 50, "{paths:?}");
        assert!(count(SplitPath::Conflict) + count(SplitPath::MainReaderOnly) >= 50, "{paths:?}");
    }

    #[test]
    fn a_top_level_key_repeated_after_the_split_is_reported_as_in_one_go() {
        let text = generated_text(60, 4);
        for repeated in ["\"format\": \"casegraph\"", "\"links\": []", "\"case\": {\"title\": \"again\"}"] {
            let damaged = format!("{},\n  {repeated}\n}}\n", text.trim_end().trim_end_matches('}').trim_end());
            let ((decoded, diagnostics), path) = on_two_threads(&damaged);
            assert_eq!(path, SplitPath::Conflict, "{repeated}");
            assert!(diagnostics.iter().any(|d| d.message.contains("appears twice")), "{repeated}: {diagnostics:?}");
            assert_eq!((decoded, diagnostics), in_one_go(&damaged), "{repeated}");
        }
    }
}
