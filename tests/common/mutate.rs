//! Damage done to files the way files get damaged, for the fuzz runs of every reader.

use casegraph::seeded_random::SplitMix64;

/// `input` damaged one to four times: a flipped bit, a cut, a repeat, one of `tokens` dropped
/// in, a splice from another file of `corpus`, or a piece taken out.
pub fn mutate(input: &[u8], corpus: &[Vec<u8>], tokens: &[&str], random: &mut SplitMix64) -> Vec<u8> {
    let mut bytes = input.to_vec();
    let rounds = 1 + random.below(4);
    for _ in 0..rounds {
        let at = if bytes.is_empty() { 0 } else { random.below(bytes.len()) };
        match random.below(6) {
            0 if !bytes.is_empty() => bytes[at] ^= 1 << random.below(8),
            1 => bytes.truncate(at),
            2 => {
                let end = (at + random.below(64)).min(bytes.len());
                let piece = bytes[at..end].to_vec();
                bytes.splice(at..at, piece);
            }
            3 => {
                let token = tokens[random.below(tokens.len())];
                bytes.splice(at..at, token.bytes());
            }
            4 => {
                let other = &corpus[random.below(corpus.len())];
                let from = random.below(other.len().max(1));
                let end = (from + random.below(256)).min(other.len());
                bytes.splice(at..at, other[from..end].iter().copied());
            }
            _ => {
                let end = (at + random.below(32)).min(bytes.len());
                bytes.drain(at..end);
            }
        }
    }
    bytes
}
