//! The table from every id to what it names, built on two threads for a large case: each
//! thread fills one half of the table, split by a bit of the id's hash, so no id is ever in
//! both halves and what the table holds does not depend on how it was built.

use std::hash::Hasher;

use compact_str::CompactString;
use rustc_hash::{FxHashMap, FxHasher};

/// Tables with at least this many ids are built on two threads; below it, starting a thread
/// costs more than it saves.
const PARALLEL_MIN_IDS: usize = 20_000;

/// Ids mapped to values, with the ids stored inline so a look-up touches only the table.
pub(crate) struct IdTable<V> {
    halves: [FxHashMap<CompactString, V>; 2],
}

/// An id that was already in the table when it came again.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Repeat<V> {
    /// Where the repeated entry stood in the input.
    pub position: usize,
    /// The value of the id's first holder, which the table keeps.
    pub first: V,
}

impl<V: Copy + Send> IdTable<V> {
    /// The table of `entries()`, of which there are `count`; a repeated id keeps its first
    /// value, and each repeat is returned, in input order. `entries` is called once per thread.
    pub(crate) fn build<'e, I>(count: usize, entries: impl Fn() -> I + Sync) -> (Self, Vec<Repeat<V>>)
    where
        I: Iterator<Item = (&'e str, V)>,
    {
        let parallel = count >= PARALLEL_MIN_IDS && std::thread::available_parallelism().map_or(1, usize::from) >= 2;
        let ((zero, mut repeats), (one, repeats_one)) = if parallel {
            std::thread::scope(|scope| {
                let one = scope.spawn(|| fill_half(count, entries(), 1));
                let zero = fill_half(count, entries(), 0);
                (zero, one.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic)))
            })
        } else {
            (fill_half(count, entries(), 0), fill_half(count, entries(), 1))
        };
        repeats.extend(repeats_one);
        repeats.sort_unstable_by_key(|repeat| repeat.position);
        (Self { halves: [zero, one] }, repeats)
    }

    /// The value `id` names.
    pub(crate) fn get(&self, id: &str) -> Option<V> {
        self.halves[half_of(id)].get(id).copied()
    }

    /// Every id and its value, in an order fixed by the ids alone.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&str, V)> {
        self.halves.iter().flatten().map(|(id, value)| (id.as_str(), *value))
    }
}

/// The half of the table `id` belongs in: a bit of its hash above those the table's own
/// hashing uses to place entries, so each half still spreads its entries evenly.
fn half_of(id: &str) -> usize {
    let mut hasher = FxHasher::default();
    hasher.write(id.as_bytes());
    (hasher.finish() >> 32) as usize & 1
}

type Half<V> = (FxHashMap<CompactString, V>, Vec<Repeat<V>>);

fn fill_half<'e, V: Copy>(count: usize, entries: impl Iterator<Item = (&'e str, V)>, half: usize) -> Half<V> {
    let mut table = FxHashMap::default();
    table.reserve(count / 2 + count / 16);
    let mut repeats = Vec::new();
    for (position, (id, value)) in entries.enumerate() {
        if half_of(id) != half {
            continue;
        }
        match table.get(id) {
            Some(&first) => repeats.push(Repeat { position, first }),
            None => {
                table.insert(CompactString::from(id), value);
            }
        }
    }
    (table, repeats)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(count: usize) -> Vec<String> {
        (0..count).map(|i| format!("id-{}", i % (count - 3))).collect()
    }

    #[test]
    fn repeats_keep_the_first_holder_and_come_back_in_input_order() {
        for count in [10, PARALLEL_MIN_IDS + 10] {
            let ids = ids(count);
            let (table, repeats) = IdTable::build(count, || ids.iter().enumerate().map(|(i, id)| (id.as_str(), i)));
            let positions: Vec<usize> = repeats.iter().map(|repeat| repeat.position).collect();
            assert_eq!(positions, vec![count - 3, count - 2, count - 1]);
            assert_eq!(repeats.iter().map(|repeat| repeat.first).collect::<Vec<_>>(), vec![0, 1, 2]);
            assert_eq!(table.get("id-0"), Some(0));
            assert_eq!(table.get(&format!("id-{}", count - 4)), Some(count - 4));
            assert_eq!(table.get("id-x"), None);
            assert_eq!(table.iter().count(), count - 3);
        }
    }

    #[test]
    fn both_halves_are_used() {
        let ids = ids(1000);
        let (table, _) = IdTable::build(1000, || ids.iter().map(|id| (id.as_str(), ())));
        let [zero, one] = &table.halves;
        assert!(zero.len() > 400 && one.len() > 400, "{} and {}", zero.len(), one.len());
    }
}
