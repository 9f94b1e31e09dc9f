//! Problems found in a case file, each saying where it is and what to do.

use std::fmt;

use super::json_path::JsonPath;

/// Whether a problem stops the case from opening.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    /// The case cannot open until this is fixed.
    Error,
    /// The case opens, but something the analyst relies on is missing or unverified.
    Warning,
}

/// One problem in a case file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong, in words.
    pub message: String,
    /// Where in the JSON structure, when the problem has a place.
    pub path: Option<JsonPath>,
    /// Byte offset in the file, when known.
    pub offset: Option<u32>,
    /// 1-based line and column, filled in from the offset by the loader.
    pub line_column: Option<(usize, usize)>,
    /// The id of the node, link, source or quote involved.
    pub id: Option<String>,
    /// What to do about it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error with only a message.
    pub fn error(message: impl Into<String>) -> Self {
        Self::new(Severity::Error, message.into())
    }

    /// A warning with only a message.
    pub fn warning(message: impl Into<String>) -> Self {
        Self::new(Severity::Warning, message.into())
    }

    fn new(severity: Severity, message: String) -> Self {
        Self { severity, message, path: None, offset: None, line_column: None, id: None, help: None }
    }

    /// Places the problem in the JSON structure.
    pub fn at(mut self, path: JsonPath) -> Self {
        self.path = Some(path);
        self
    }

    /// Places the problem at a byte offset.
    pub fn at_offset(mut self, offset: u32) -> Self {
        self.offset = Some(offset);
        self
    }

    /// Names the item involved.
    pub fn with_id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Says what to do.
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Says what to do, when there is advice.
    pub fn with_optional_help(mut self, help: Option<String>) -> Self {
        self.help = help;
        self
    }

    /// True for errors.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// Renders the compiler-style form: `file:line:col: error: path: message (id `x`)`, then
    /// `  = help: …` on its own line.
    pub fn display_in<'a>(&'a self, file: &'a str) -> impl fmt::Display + 'a {
        DisplayIn { diagnostic: self, file }
    }
}

struct DisplayIn<'a> {
    diagnostic: &'a Diagnostic,
    file: &'a str,
}

impl fmt::Display for DisplayIn<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let d = self.diagnostic;
        f.write_str(self.file)?;
        if let Some((line, column)) = d.line_column {
            write!(f, ":{line}:{column}")?;
        }
        let severity = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, ": {severity}: ")?;
        if let Some(path) = &d.path {
            write!(f, "{path}: ")?;
        }
        f.write_str(&d.message)?;
        if let Some(id) = &d.id {
            write!(f, " (id `{id}`)")?;
        }
        if let Some(help) = &d.help {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
    }
}

/// The closest of `candidates` to `word`, when it is close enough to be a likely typo.
pub fn did_you_mean<'c>(word: &str, candidates: impl IntoIterator<Item = &'c str>) -> Option<&'c str> {
    let limit = (word.chars().count() / 3).clamp(1, 3);
    candidates
        .into_iter()
        .map(|candidate| (edit_distance(word, candidate), candidate))
        .filter(|(distance, _)| *distance <= limit)
        .min_by_key(|(distance, candidate)| (*distance, *candidate))
        .map(|(_, candidate)| candidate)
}

/// Levenshtein distance with adjacent transpositions counted as one edit.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let width = b.len() + 1;
    let mut table = vec![0usize; (a.len() + 1) * width];
    for (i, row) in table.chunks_mut(width).enumerate() {
        row[0] = i;
    }
    for (j, cell) in table.iter_mut().take(width).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (table[(i - 1) * width + j] + 1)
                .min(table[i * width + j - 1] + 1)
                .min(table[(i - 1) * width + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(table[(i - 2) * width + j - 2] + 1);
            }
            table[i * width + j] = best;
        }
    }
    table[a.len() * width + b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_like_a_compiler() {
        let mut diagnostic = Diagnostic::error("unknown node id \"p-le\"")
            .at(JsonPath::root().key("links").index(3).key("target"))
            .with_id("l-x")
            .with_help("did you mean \"p-lee\"?");
        diagnostic.line_column = Some((12, 17));
        assert_eq!(
            diagnostic.display_in("a.case.json").to_string(),
            "a.case.json:12:17: error: links[3].target: unknown node id \"p-le\" (id `l-x`)\n  = help: did you mean \"p-lee\"?"
        );
    }

    #[test]
    fn suggests_near_misses_only() {
        let keys = ["supports", "source", "text", "locator", "id"];
        assert_eq!(did_you_mean("suports", keys), Some("supports"));
        assert_eq!(did_you_mean("sorce", keys), Some("source"));
        assert_eq!(did_you_mean("txet", keys), Some("text"));
        assert_eq!(did_you_mean("colour", keys), None);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
        assert_eq!(edit_distance("", "abc"), 3);
    }
}
