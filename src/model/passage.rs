//! A passage the analyst selected in a source's text: the exact characters, and where they
//! are, so the quote made from it is verbatim by construction and can be found again.

use std::ops::Range;

use super::case::Quote;
use super::id::Id;

/// Separates the pages of a source read from a PDF, so a passage can say which page it is on.
pub const PAGE_BREAK: char = '\u{c}';

/// Words of a selection, exactly as the source has them, with their place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Passage {
    /// The source the text belongs to.
    pub source: Id,
    /// The selected characters, without the white space at either end.
    pub text: String,
    /// How many characters of the source come before it.
    pub start_char: usize,
    /// The page it starts on, counting from 1, for a source with pages.
    pub page: Option<usize>,
}

impl Passage {
    /// The passage of `text` (the source `source`'s) between characters `chars`, or `None` when
    /// the selection holds only white space or lies outside the text.
    pub fn from_selection(source: Id, text: &str, chars: Range<usize>) -> Option<Self> {
        let start_byte = byte_at_char(text, chars.start)?;
        let end_byte = byte_at_char(text, chars.end)?;
        let selected = text.get(start_byte..end_byte)?;
        let leading = selected.len() - selected.trim_start().len();
        let trimmed = selected.trim();
        if trimmed.is_empty() {
            return None;
        }
        let start = start_byte + leading;
        let before = &text[..start];
        let has_pages = text.contains(PAGE_BREAK);
        Some(Self {
            source,
            text: trimmed.to_owned(),
            start_char: before.chars().count(),
            page: has_pages.then(|| 1 + before.matches(PAGE_BREAK).count()),
        })
    }

    /// Where the passage is, as a quote's `locator`: "page 3, character 1204", or
    /// "character 1204" for a source without pages.
    pub fn locator(&self) -> String {
        match self.page {
            Some(page) => format!("page {page}, character {}", self.start_char),
            None => format!("character {}", self.start_char),
        }
    }

    /// The passage as a quote with id `id`, backing the nodes and links `supports`.
    pub fn to_quote(&self, id: Id, supports: Vec<Id>) -> Quote {
        Quote {
            id,
            source: self.source.clone(),
            text: self.text.clone(),
            supports,
            locator: Some(self.locator()),
            credibility: None,
            stance: None,
        }
    }

    /// The passage on one line, for a label or a form's field.
    pub fn one_line(&self) -> String {
        self.text.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

/// The byte offset of character `index` of `text` (its length for the index just past the end).
pub fn byte_at_char(text: &str, index: usize) -> Option<usize> {
    text.char_indices().map(|(at, _)| at).chain(std::iter::once(text.len())).nth(index)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reuters() -> Id {
        Id::parse("s-reuters-2018").expect("an id")
    }

    #[test]
    fn a_passage_is_the_selected_characters_trimmed_with_their_place() {
        let text = "Мичурин said: “A spark ignited between us.”";
        let start = text.chars().position(|c| c == '“').expect("a quote mark");
        let passage = Passage::from_selection(reuters(), text, start - 1..text.chars().count()).expect("a passage");
        assert_eq!(passage.text, "“A spark ignited between us.”");
        assert_eq!(passage.start_char, start, "the leading space is not part of it");
        assert_eq!(passage.page, None);
        assert_eq!(passage.locator(), format!("character {start}"));
        assert!(text.contains(&passage.text), "verbatim by construction");
    }

    #[test]
    fn a_passage_in_a_paged_source_names_its_page() {
        let text = "First page.\u{c}Second page.\u{c}Third page, with the deal.";
        let start = text.find("the deal").expect("there");
        let start_char = text[..start].chars().count();
        let passage =
            Passage::from_selection(reuters(), text, start_char..start_char + "the deal".len()).expect("a passage");
        assert_eq!(passage.page, Some(3));
        assert_eq!(passage.locator(), format!("page 3, character {start_char}"));
        let quote = passage.to_quote(Id::parse("q-1").expect("an id"), vec![]);
        assert_eq!(quote.text, "the deal");
        assert_eq!(quote.locator.as_deref(), Some(passage.locator().as_str()));
    }

    #[test]
    fn white_space_alone_or_a_range_past_the_end_is_no_passage() {
        assert_eq!(Passage::from_selection(reuters(), "a   b", 1..4), None);
        assert_eq!(Passage::from_selection(reuters(), "abc", 1..9), None);
    }
}
