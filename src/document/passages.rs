//! Passages selected in a source becoming quotes: attached to an existing node or link, or
//! added with a new one in the same undo step, so no claim is born without its quote.

use super::Document;
use super::facts::{FactEdit, FactEditError};
use crate::model::{Id, Passage, QuoteIx};

impl Document {
    /// A new id for a quote from the source `source`, such as `q-reuters-2018-4`.
    pub fn fresh_quote_id(&self, source: &Id) -> Id {
        self.fresh_id("q", source.as_str().strip_prefix("s-").unwrap_or(source.as_str()))
    }

    /// Makes `passage` back the node or link `supports`, as one undo step: the quote with the
    /// same words from the same source gains it, or a new quote is added.
    pub fn quote_passage(&mut self, passage: &Passage, supports: &Id) -> Result<(), FactEditError> {
        let same = QuoteIx::all(self.case.quotes.len()).find(|&quote| {
            let quote = &self.case.quotes[quote];
            quote.source == passage.source && quote.text == passage.text
        });
        match same {
            Some(quote) if self.case.quotes[quote].supports.contains(supports) => Ok(()),
            Some(quote) => {
                let mut widened = self.case.quotes[quote].clone();
                widened.supports.push(supports.clone());
                self.edit_facts(FactEdit::UpdateQuote(quote, Box::new(widened)))
            }
            None => {
                let quote = passage.to_quote(self.fresh_quote_id(&passage.source), vec![supports.clone()]);
                self.edit_facts(FactEdit::AddQuote(Box::new(quote)))
            }
        }
    }

    /// Adds nodes and links (`edits`) with `passage`, when there is one, as the quote that
    /// backs the items `supports`: one undo step, or nothing.
    pub fn add_with_passage(
        &mut self,
        mut edits: Vec<FactEdit>,
        supports: Vec<Id>,
        passage: Option<&Passage>,
    ) -> Result<(), FactEditError> {
        if let Some(passage) = passage {
            let quote = passage.to_quote(self.fresh_quote_id(&passage.source), supports);
            edits.push(FactEdit::AddQuote(Box::new(quote)));
        }
        self.edit_facts_together(edits)
    }
}
