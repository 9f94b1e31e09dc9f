//! What an import did: what was mapped to what, what was left out and why, and which records
//! failed. Nothing is dropped without a line here.

use std::collections::BTreeMap;
use std::fmt;

use crate::model::{Case, ExchangeFormat, counted};

/// The account of one import, printed by `casegraph convert` and shown in the window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportReport {
    /// The file's name, without its folder.
    pub file: String,
    /// The format it was read as.
    pub format: ExchangeFormat,
    /// How many records were mapped each way: "Person → person node" → 12.
    pub mapped: BTreeMap<String, usize>,
    /// What was read and not imported: "schema Vessel" or "property Person.birthPlace" → how
    /// many.
    pub not_imported: BTreeMap<String, usize>,
    /// Records that failed, each with its place (line, row and column, or element) and why.
    pub problems: Vec<String>,
}

impl ImportReport {
    /// An empty report for `file`.
    pub fn new(format: ExchangeFormat, file: &str) -> Self {
        Self {
            file: file.to_owned(),
            format,
            mapped: BTreeMap::new(),
            not_imported: BTreeMap::new(),
            problems: Vec::new(),
        }
    }

    /// Counts one record mapped as `what` ("Ownership → ownership link").
    pub fn mapped(&mut self, what: impl Into<String>) {
        *self.mapped.entry(what.into()).or_default() += 1;
    }

    /// Counts `count` values of `what` read and not imported.
    pub fn not_imported(&mut self, what: impl Into<String>, count: usize) {
        *self.not_imported.entry(what.into()).or_default() += count;
    }

    /// Notes a record that failed, with its place.
    pub fn problem(&mut self, place: impl fmt::Display, message: impl fmt::Display) {
        self.problems.push(format!("{}:{place}: {message}", self.file));
    }

    /// The report as text, headed by what the imported case holds.
    pub fn describe(&self, imported: &Case) -> String {
        let mut text = format!(
            "read {} as {}: {}, {}, {}, {}\n",
            self.file,
            self.format.title(),
            counted(imported.nodes.len(), "node"),
            counted(imported.links.len(), "link"),
            counted(imported.sources.len(), "source"),
            counted(imported.quotes.len(), "quote"),
        );
        let mut section = |title: &str, entries: &BTreeMap<String, usize>| {
            if !entries.is_empty() {
                text.push_str(title);
                for (what, count) in entries {
                    text.push_str(&format!("  {what}: {count}\n"));
                }
            }
        };
        section("mapped:\n", &self.mapped);
        section("not imported:\n", &self.not_imported);
        if !self.problems.is_empty() {
            text.push_str(&format!("{}:\n", counted(self.problems.len(), "problem")));
            for problem in &self.problems {
                text.push_str(&format!("  {problem}\n"));
            }
        }
        text
    }
}
