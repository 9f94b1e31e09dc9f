//! Finding nodes by name as the analyst types, and noticing a name the case already has under
//! another spelling: other letter case, accents, script (Мичурин / Michurin) or a
//! transliteration that moves the vowels (Ryungseng / Ryongsong).

use std::collections::HashMap;

use super::case::Case;
use super::index::NodeIx;

/// The shortest consonant skeleton compared for near-duplicates: shorter ones (`Lee`, `Li`)
/// match far too much.
const MIN_SKELETON_LENGTH: usize = 4;

/// How well a name matches what was typed, best first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum MatchRank {
    /// The whole name.
    Exact,
    /// The start of the name.
    Prefix,
    /// The start of a later word of the name.
    WordPrefix,
    /// Somewhere inside the name.
    Inside,
}

/// One node offered for what was typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NameMatch {
    /// The node.
    pub node: NodeIx,
    /// The name that matched: its label or one of its aliases.
    pub name: String,
    /// How well.
    pub rank: MatchRank,
}

#[derive(Clone)]
struct Entry {
    node: NodeIx,
    /// The name as written.
    name: String,
    /// Where its folded form (see [`fold`]) starts in the index's text.
    start: u32,
}

/// Every node's label and aliases, folded once so that each keystroke only looks up. Names
/// and later words are found by a binary search over their sorted starts; a match inside a
/// word, wanted only when those give too few, by one pass over all the folded names.
#[derive(Clone)]
pub struct NameIndex {
    entries: Vec<Entry>,
    /// The folded names, each ended by a newline.
    text: String,
    /// The start of every folded name and of every later word in it, sorted by what follows.
    word_starts: Vec<u32>,
    by_folded: HashMap<String, Vec<NodeIx>>,
    by_skeleton: HashMap<String, Vec<NodeIx>>,
}

/// `text` spelt in lower-case Latin letters and digits, words separated by one space: what is
/// left when case, accents, script and punctuation are set aside.
pub fn fold(text: &str) -> String {
    let latin = deunicode::deunicode(text).to_ascii_lowercase();
    latin.split(|c: char| !c.is_ascii_alphanumeric()).filter(|word| !word.is_empty()).collect::<Vec<_>>().join(" ")
}

/// The consonants of a folded name, without spaces or doubled letters: the same for
/// transliterations that differ in their vowels.
fn skeleton(folded: &str) -> String {
    let mut out = String::with_capacity(folded.len());
    for c in folded.chars().filter(|c| c.is_ascii_alphanumeric() && !"aeiouy".contains(*c)) {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

impl std::fmt::Debug for NameIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "NameIndex({} names)", self.entries.len())
    }
}

impl NameIndex {
    /// The names of every node of `case`.
    pub fn new(case: &Case) -> Self {
        let mut index = Self {
            entries: Vec::new(),
            text: String::new(),
            word_starts: Vec::new(),
            by_folded: HashMap::new(),
            by_skeleton: HashMap::new(),
        };
        for (node, item) in NodeIx::all(case.nodes.len()).zip(&case.nodes) {
            for name in std::iter::once(&item.label).chain(&item.aliases) {
                index.add(node, name);
            }
        }
        let text = &index.text;
        index.word_starts.sort_unstable_by(|&a, &b| text[a as usize..].cmp(&text[b as usize..]));
        index
    }

    fn add(&mut self, node: NodeIx, name: &str) {
        let folded = fold(name);
        if folded.is_empty() {
            return;
        }
        let bone = skeleton(&folded);
        if bone.len() >= MIN_SKELETON_LENGTH {
            self.by_skeleton.entry(bone).or_default().push(node);
        }
        let start = self.text.len() as u32;
        self.word_starts.push(start);
        let spaces = folded.match_indices(' ').map(|(at, _)| start + at as u32 + 1);
        self.word_starts.extend(spaces);
        self.text.push_str(&folded);
        self.text.push('\n');
        self.by_folded.entry(folded).or_default().push(node);
        self.entries.push(Entry { node, name: name.to_owned(), start });
    }

    /// The entry whose folded name holds the byte `at` of the text.
    fn entry_at(&self, at: u32) -> usize {
        self.entries.partition_point(|entry| entry.start <= at) - 1
    }

    /// At most `limit` nodes for what was typed, each once with its best name: exact names
    /// first, then names starting with it, then a later word starting with it, then the rest;
    /// in case order within each.
    pub fn suggest(&self, typed: &str, limit: usize) -> Vec<NameMatch> {
        let query = fold(typed);
        if query.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut best: HashMap<NodeIx, (MatchRank, usize)> = HashMap::new();
        let offer = |best: &mut HashMap<NodeIx, (MatchRank, usize)>, entry: usize, rank: MatchRank| {
            let slot = best.entry(self.entries[entry].node).or_insert((rank, entry));
            if rank < slot.0 {
                *slot = (rank, entry);
            }
        };
        let text = self.text.as_str();
        let first = self.word_starts.partition_point(|&at| text[at as usize..] < *query);
        for &at in self.word_starts[first..].iter().take_while(|&&at| text[at as usize..].starts_with(&query)) {
            let entry = self.entry_at(at);
            let rank = match (at == self.entries[entry].start, text.as_bytes().get(at as usize + query.len())) {
                (true, Some(b'\n')) => MatchRank::Exact,
                (true, _) => MatchRank::Prefix,
                (false, _) => MatchRank::WordPrefix,
            };
            offer(&mut best, entry, rank);
        }
        if best.len() < limit {
            for (at, _) in text.match_indices(query.as_str()) {
                offer(&mut best, self.entry_at(at as u32), MatchRank::Inside);
            }
        }
        let mut found: Vec<(MatchRank, NodeIx, usize)> =
            best.into_iter().map(|(node, (rank, at))| (rank, node, at)).collect();
        found.sort_unstable();
        found.truncate(limit);
        found
            .into_iter()
            .map(|(rank, node, entry)| NameMatch { node, name: self.entries[entry].name.clone(), rank })
            .collect()
    }

    /// Nodes whose label or alias may be `name` spelt another way, in case order.
    pub fn near_duplicates(&self, name: &str) -> Vec<NodeIx> {
        let folded = fold(name);
        let mut nodes: Vec<NodeIx> = self.by_folded.get(&folded).cloned().unwrap_or_default();
        let bone = skeleton(&folded);
        if bone.len() >= MIN_SKELETON_LENGTH
            && let Some(similar) = self.by_skeleton.get(&bone)
        {
            nodes.extend(similar);
        }
        nodes.sort_unstable();
        nodes.dedup();
        nodes
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::load_sample;

    fn sample_index() -> (Case, NameIndex) {
        let case = load_sample().case.expect("the sample opens");
        let index = NameIndex::new(&case);
        (case, index)
    }

    fn label(case: &Case, node: NodeIx) -> &str {
        &case.nodes[node].label
    }

    #[test]
    fn typing_offers_the_existing_node_first() {
        let (case, index) = sample_index();
        let offered: Vec<(&str, MatchRank)> =
            index.suggest("mich", 5).into_iter().map(|hit| (label(&case, hit.node), hit.rank)).collect();
        assert_eq!(
            offered,
            [("Michurin's construction company", MatchRank::Prefix), ("Igor Michurin", MatchRank::WordPrefix)]
        );
        let exact = index.suggest("ardis-bearings", 5);
        assert_eq!((label(&case, exact[0].node), exact[0].rank), ("Ardis-Bearings", MatchRank::Exact));
        assert!(index.suggest("   ", 5).is_empty());
    }

    #[test]
    fn other_spellings_are_flagged_as_near_duplicates() {
        let (case, index) = sample_index();
        let names =
            |typed: &str| -> Vec<&str> { index.near_duplicates(typed).into_iter().map(|n| label(&case, n)).collect() };
        assert_eq!(names("Мичурин Игорь").len(), 0, "word order is not folded away");
        assert_eq!(names("Игорь Мичурин"), ["Igor Michurin"]);
        assert_eq!(names("igor michurin"), ["Igor Michurin"]);
        assert_eq!(names("Ryongsong"), ["Ryungseng Trading Corporation"], "by its alias Ryungseng");
        assert!(names("Lee Kwang").is_empty());
    }

    #[test]
    fn folding_sets_case_accents_and_script_aside() {
        assert_eq!(fold("Société  Générale!"), "societe generale");
        assert_eq!(fold("Мичурин"), "michurin");
        assert_eq!(skeleton("ryungseng"), skeleton("ryongsong"));
    }
}
