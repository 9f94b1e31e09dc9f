//! Writing a case as deterministic JSON: fixed key order, 2-space indentation, collections
//! in their order, so that moving one node changes only that node's lines in a diff.

use serde::Serialize;

use super::case::{Case, CaseInfo, FORMAT_NAME, Layout, Link, Node, Quote, Review, Source, View};
use super::story::Story;

/// Why a case cannot be written.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// A coordinate or zoom is NaN or infinite; JSON cannot hold it and the file would not
    /// open again.
    #[error("{0} is not a finite number; the case was not written")]
    NonFinite(String),
    /// serde_json could not write the case; nothing was written.
    #[error(
        "the case could not be written as JSON ({0}); nothing was written. This is a fault in casegraph: please report it"
    )]
    Json(#[from] serde_json::Error),
}

#[derive(Serialize)]
struct CaseFile<'c> {
    format: &'static str,
    version: u32,
    case: &'c CaseInfo,
    nodes: &'c [Node],
    links: &'c [Link],
    sources: &'c [Source],
    quotes: &'c [Quote],
    #[serde(skip_serializing_if = "<[Review]>::is_empty")]
    reviews: &'c [Review],
    layout: &'c Layout,
    view: &'c View,
    #[serde(skip_serializing_if = "Story::is_empty")]
    story: &'c Story,
}

/// The case as the text of a `*.case.json` file, ending with a newline.
pub fn case_to_json(case: &Case) -> Result<String, SaveError> {
    for (id, position) in &case.layout.positions {
        if !(position.x.is_finite() && position.y.is_finite()) {
            return Err(SaveError::NonFinite(format!("the position of `{id}`")));
        }
    }
    if let Some(camera) = &case.view.camera
        && !(camera.center_x.is_finite() && camera.center_y.is_finite() && camera.zoom.is_finite())
    {
        return Err(SaveError::NonFinite("the saved camera".to_owned()));
    }
    let file = CaseFile {
        format: FORMAT_NAME,
        version: case.format_version(),
        case: &case.info,
        nodes: &case.nodes,
        links: &case.links,
        sources: &case.sources,
        quotes: &case.quotes,
        reviews: &case.reviews,
        layout: &case.layout,
        view: &case.view,
        story: &case.story,
    };
    let mut text = serde_json::to_string_pretty(&file)?;
    text.push('\n');
    Ok(text)
}
