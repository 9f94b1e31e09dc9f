//! Reading a case file: bytes → JSON tree → [`Case`], with every problem located.

use std::fmt;
use std::path::Path;

use super::case::Case;
use super::decode::decode_case;
use super::diagnostic::Diagnostic;
use super::evidence::{DocumentStore, check_quotes_in_documents, documents_beside};
use super::json_path::{JsonPath, PathSegment};
use super::spanned_json::{self, JsonNode, JsonValue};
use super::text_position::LineIndex;
use super::validate::validate;

/// Files larger than this are refused before reading: no real case comes near it, and the
/// check keeps a mistaken pick (a disk image, a video) from exhausting memory.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// The outcome of loading one file: the case when it has no errors, and every problem found.
#[derive(Clone, Debug)]
pub struct LoadReport {
    /// The file as it should be named in messages.
    pub file: String,
    /// The case, present exactly when there are no errors.
    pub case: Option<Case>,
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

/// A case that could not be opened, with everything wrong with it.
#[derive(Clone, Debug, thiserror::Error)]
pub struct LoadError {
    /// The file as named in messages.
    pub file: String,
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let errors = self.diagnostics.iter().filter(|d| d.is_error()).count();
        writeln!(f, "{} cannot be opened: {errors} error(s)", self.file)?;
        for diagnostic in &self.diagnostics {
            writeln!(f, "{}", diagnostic.display_in(&self.file))?;
        }
        Ok(())
    }
}

impl LoadReport {
    /// How many errors.
    pub fn error_count(&self) -> usize {
        self.diagnostics.iter().filter(|d| d.is_error()).count()
    }

    /// How many warnings.
    pub fn warning_count(&self) -> usize {
        self.diagnostics.len() - self.error_count()
    }

    /// The case and its warnings, or the errors that keep it closed.
    pub fn into_result(self) -> Result<(Case, Vec<Diagnostic>), LoadError> {
        match self.case {
            Some(case) => Ok((case, self.diagnostics)),
            None => Err(LoadError { file: self.file, diagnostics: self.diagnostics }),
        }
    }
}

/// Loads a case file from disk; source documents are read relative to its folder.
pub fn load_case_file(path: &Path) -> LoadReport {
    let file = path.display().to_string();
    let failure = |message: String, help: &str| LoadReport {
        file: file.clone(),
        case: None,
        diagnostics: vec![Diagnostic::error(message).with_help(help)],
    };
    match std::fs::metadata(path) {
        Ok(metadata) if metadata.is_dir() => {
            return failure("this is a folder, not a case file".into(), "name a *.case.json file");
        }
        Ok(metadata) if metadata.len() > MAX_FILE_BYTES => {
            let message = format!(
                "the file is {} MiB; casegraph opens case files of up to {} MiB",
                metadata.len() >> 20,
                MAX_FILE_BYTES >> 20
            );
            return failure(message, "is this really a case file?");
        }
        _ => {}
    }
    match std::fs::read(path) {
        Ok(bytes) => load_case_bytes(&bytes, &file, &documents_beside(path)),
        Err(error) => failure(format!("cannot read the file: {error}"), "check the path and that you may read it"),
    }
}

/// Loads a case from bytes. `file` names it in messages.
pub fn load_case_bytes(bytes: &[u8], file: &str, documents: &dyn DocumentStore) -> LoadReport {
    let mut diagnostics = Vec::new();
    let case = load_into(bytes, documents, &mut diagnostics);
    let case = case.filter(|_| !diagnostics.iter().any(Diagnostic::is_error));
    LoadReport { file: file.to_owned(), case, diagnostics }
}

fn load_into(bytes: &[u8], documents: &dyn DocumentStore, diagnostics: &mut Vec<Diagnostic>) -> Option<Case> {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        diagnostics.push(Diagnostic::error("the file is saved as UTF-16 text").with_help("save it as UTF-8"));
        return None;
    }
    let bytes = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => {
            diagnostics.push(
                Diagnostic::warning("the file starts with a byte-order mark, which JSON does not allow")
                    .with_help("casegraph ignores it and saves the file without one"),
            );
            rest
        }
        None => bytes,
    };
    if u32::try_from(bytes.len()).is_err() {
        diagnostics.push(Diagnostic::error("the file is too large to be a case file"));
        return None;
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            let valid = error.valid_up_to();
            let (line, column) = LineIndex::new(&String::from_utf8_lossy(&bytes[..valid])).line_column(valid as u32);
            let mut diagnostic = Diagnostic::error(format!(
                "the file is not UTF-8 text: byte 0x{:02x} cannot start a character",
                bytes[valid]
            ))
            .at_offset(valid as u32)
            .with_help(binary_or_encoding_help(bytes));
            diagnostic.line_column = Some((line, column));
            diagnostics.push(diagnostic);
            return None;
        }
    };
    let before = diagnostics.len();
    let (case, indices) = match decode_case(text, diagnostics) {
        Ok(decoded) => decoded,
        Err(error) => {
            // Nothing read before a syntax error can be trusted; report it alone.
            diagnostics.truncate(before);
            let message = if looks_binary(bytes) { LOOKS_BINARY.to_owned() } else { error.message };
            diagnostics.push(Diagnostic::error(message).at_offset(error.offset).with_optional_help(error.help));
            place(text, diagnostics);
            return None;
        }
    };
    validate(&case, Some(&indices), diagnostics);
    check_quotes_in_documents(&case, Some(&indices), documents, diagnostics);
    place(text, diagnostics);
    Some(case)
}

/// The errors that reading `items` from a file would give, before the whole-case checks
/// ([`validate`]): blank text, a web address that is not one, fields only a transaction may
/// have. Items made in the window are held to every rule of the file format this way, from
/// the one place those rules are written. `items` holds only the items to check.
pub fn errors_as_read(items: &Case) -> Vec<Diagnostic> {
    let text = match super::save::case_to_json(items) {
        Ok(text) => text,
        Err(error) => return vec![Diagnostic::error(error.to_string())],
    };
    let mut diagnostics = Vec::new();
    if let Err(error) = decode_case(&text, &mut diagnostics) {
        return vec![Diagnostic::error(error.message).with_optional_help(error.help)];
    }
    diagnostics.retain(Diagnostic::is_error);
    diagnostics
}

const LOOKS_BINARY: &str = "this looks like a binary file, not a case file";

/// A NUL byte near the start: text files, case files among them, never have one.
fn looks_binary(bytes: &[u8]) -> bool {
    bytes.iter().take(8192).any(|&b| b == 0)
}

fn binary_or_encoding_help(bytes: &[u8]) -> &'static str {
    if looks_binary(bytes) {
        LOOKS_BINARY
    } else {
        "save the file as UTF-8 (it may be in a legacy encoding such as Windows-1251)"
    }
}

/// Fills in offsets from paths and line:column from offsets, then orders by position. The
/// whole-case checks know only paths; the text is parsed into a tree again to place them,
/// which costs nothing when a file has no problems.
fn place(text: &str, diagnostics: &mut [Diagnostic]) {
    if diagnostics.is_empty() {
        return;
    }
    let needs_tree = diagnostics.iter().any(|d| d.offset.is_none() && d.path.is_some());
    let root = if needs_tree { spanned_json::parse(text).ok() } else { None };
    let lines = LineIndex::new(text);
    for diagnostic in diagnostics.iter_mut() {
        if diagnostic.offset.is_none()
            && let (Some(root), Some(path)) = (&root, &diagnostic.path)
        {
            diagnostic.offset = Some(locate(root, path));
        }
        if diagnostic.line_column.is_none() {
            diagnostic.line_column = diagnostic.offset.map(|offset| lines.line_column(offset));
        }
    }
    diagnostics.sort_by_key(|diagnostic| diagnostic.line_column.unwrap_or((0, 0)));
}

/// The offset of the deepest value along `path` that exists in the tree.
pub fn locate(root: &JsonNode<'_>, path: &JsonPath) -> u32 {
    let mut node = root;
    for segment in path.segments() {
        let next = match (segment, &node.value) {
            (PathSegment::Key(key), JsonValue::Object(members)) => {
                members.iter().find(|member| member.key == key.as_str()).map(|member| &member.value)
            }
            (PathSegment::Index(index), JsonValue::Array(elements)) => elements.get(*index),
            _ => None,
        };
        match next {
            Some(next) => node = next,
            None => break,
        }
    }
    node.offset
}
