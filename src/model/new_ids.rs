//! Readable ids for new items, made from their names: `p-kim-ju-hyok`, `s-reuters-2018`,
//! `l-michurin-owns-ardis-bearings`. Any script is spelt in Latin letters first, so a Cyrillic
//! or Korean name still gives a readable, FollowTheMoney-valid id.

use super::id::Id;

/// The longest slug made from a name; ids stay short enough to read in a diff.
pub const MAX_SLUG_LENGTH: usize = 48;

/// `text` in lower-case ASCII letters and digits joined by `-`, at most `max_length` long and
/// cut at a word's end; empty when nothing in it can be spelt.
pub fn slug(text: &str, max_length: usize) -> String {
    let latin = deunicode::deunicode(text).to_ascii_lowercase();
    let mut out = String::new();
    for word in latin.split(|c: char| !c.is_ascii_alphanumeric()).filter(|word| !word.is_empty()) {
        let needed = if out.is_empty() { word.len() } else { word.len() + 1 };
        if out.len() + needed > max_length {
            if out.is_empty() {
                out.push_str(&word[..max_length]);
            }
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(word);
    }
    out
}

/// A new id `prefix-words`, numbered `-2`, `-3`, … when `is_taken` says the plain one is used.
/// `fallback` stands in for words that give no slug.
pub fn fresh_id(prefix: &str, words: &str, fallback: &str, is_taken: impl Fn(&str) -> bool) -> Id {
    let mut stem = slug(words, MAX_SLUG_LENGTH);
    if stem.is_empty() {
        stem = slug(fallback, MAX_SLUG_LENGTH);
    }
    let base = if stem.is_empty() { prefix.to_owned() } else { format!("{prefix}-{stem}") };
    let candidate = (1_u32..)
        .map(|number| if number == 1 { base.clone() } else { format!("{base}-{number}") })
        .find(|candidate| !is_taken(candidate))
        .unwrap_or(base);
    Id::unchecked(&candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_in_any_script_give_readable_slugs() {
        assert_eq!(slug("Kim Ju Hyok", MAX_SLUG_LENGTH), "kim-ju-hyok");
        assert_eq!(slug("Мичурин", MAX_SLUG_LENGTH), "michurin");
        assert_eq!(slug("Ardis-Bearings, Ltd.", MAX_SLUG_LENGTH), "ardis-bearings-ltd");
        assert_eq!(slug("Société Générale", MAX_SLUG_LENGTH), "societe-generale");
        assert!(slug("평양", MAX_SLUG_LENGTH).chars().all(|c| c.is_ascii_lowercase()));
        assert_eq!(slug("!!!", MAX_SLUG_LENGTH), "");
    }

    #[test]
    fn slugs_are_cut_at_a_word_end() {
        assert_eq!(slug("one two three", 9), "one-two");
        assert_eq!(slug("supercalifragilistic", 5), "super");
    }

    #[test]
    fn fresh_ids_are_valid_and_numbered_past_the_taken_ones() {
        let taken = ["s-reuters-2018", "s-reuters-2018-2"];
        let id = fresh_id("s", "Reuters 2018", "source", |id| taken.contains(&id));
        assert_eq!(id.as_str(), "s-reuters-2018-3");
        assert!(Id::check(id.as_str()).is_ok());
        assert_eq!(fresh_id("s", "…", "Пресс-релиз", |_| false).as_str(), "s-press-reliz");
        assert_eq!(fresh_id("q", "", "", |_| false).as_str(), "q");
    }
}
