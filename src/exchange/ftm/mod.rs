//! FollowTheMoney, the data model of Aleph and OpenSanctions: a case written as an entity
//! stream, and entity streams and Aleph diagrams read into a case.

mod entity;
mod export;
mod import;
mod schema;

use rustc_hash::FxHashSet;

pub(crate) use entity::{Entity, RawEntity};
pub use export::case_to_ftm;
pub(crate) use import::import_entities;

use super::ImportError;
use super::builder::{CaseBuilder, Imported};
use super::report::ImportReport;
use crate::model::ExchangeFormat;

/// Reads an FtM entity stream, one JSON entity a line (`.ftm`, `.ijson`). A line that is not
/// an entity is reported and the others are read.
pub fn read_ftm_stream(bytes: &[u8], file: &str) -> Result<Imported, ImportError> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let mut builder = CaseBuilder::new(ExchangeFormat::Ftm, file);
    let (mut listed, mut nested) = (Vec::new(), Vec::new());
    for (index, line) in bytes.split(|&byte| byte == b'\n').enumerate() {
        if line.trim_ascii().is_empty() {
            continue;
        }
        let place = format!("{}", index + 1);
        match serde_json::from_slice::<RawEntity>(line) {
            Ok(raw) => listed.push(Entity::from_raw(raw, place, &mut nested, builder.report())),
            Err(error) => {
                let message = format!("not an FtM entity ({}); the line was skipped", without_place(&error));
                builder.report().problem(format!("{place}:{}", error.column()), message);
            }
        }
    }
    if listed.is_empty() {
        return Err(nothing_read(
            file,
            builder.report(),
            "an FtM stream has one JSON entity a line: {\"id\", \"schema\", \"properties\"}",
        ));
    }
    import_entities(&mut builder, with_nested(listed, nested));
    Ok(builder.finish())
}

/// The error for a file in which not one entity could be read.
pub(crate) fn nothing_read(file: &str, report: &ImportReport, help: &str) -> ImportError {
    let first = report.problems.first().cloned().unwrap_or_else(|| format!("{file}: holds no entities"));
    ImportError::NotTheFormat { message: first, help: help.to_owned() }
}

/// The listed entities, then the nested ones that are not listed themselves, each once.
pub(crate) fn with_nested(listed: Vec<Entity>, nested: Vec<Entity>) -> Vec<Entity> {
    let mut seen: FxHashSet<String> = listed.iter().map(|entity| entity.id.clone()).collect();
    let mut all = listed;
    all.extend(nested.into_iter().filter(|entity| seen.insert(entity.id.clone())));
    all
}

/// serde_json's message without the " at line 1 column 2" it ends with: the place is given
/// in the file's own terms instead.
pub(crate) fn without_place(error: &serde_json::Error) -> String {
    let text = error.to_string();
    text.split(" at line ").next().unwrap_or(&text).to_owned()
}
