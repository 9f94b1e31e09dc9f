//! Exchange with other tools: FollowTheMoney (Aleph, OpenSanctions), Aleph's network
//! diagrams, Gephi's GEXF, GraphML, and spreadsheets. A file in another format becomes a case
//! whose items are marked with their origin, with a report of what was mapped and what was
//! not; a case is written out in those formats. No GUI.

mod aleph;
mod builder;
mod csv_sheets;
mod ftm;
mod gexf;
mod graph_attributes;
mod graphml;
mod merge;
mod report;
mod xml_graph;
mod xml_text;

use std::path::{Path, PathBuf};

pub use aleph::{ALEPH_GRID_UNIT, read_aleph_diagram};
pub use builder::Imported;
pub use csv_sheets::{
    Column, CsvImport, ENTITIES_FILE, LINKS_FILE, SheetMapping, case_to_csv, read_csv_folder, read_csv_sheets,
};
pub use ftm::{case_to_ftm, read_ftm_stream};
pub use gexf::{case_to_gexf, read_gexf};
pub use graphml::{case_to_graphml, read_graphml};
pub use merge::{MergePlan, plan_merge, unverified_quotes};
pub use report::ImportReport;

use graph_attributes::Claim;

use crate::model::{Case, CaseGraph, CaseSupport, ExchangeFormat, Link, LinkIx, MAX_FILE_BYTES, Node, NodeIx};

/// Why a file could not be imported at all. A file that is read in part is not an error: its
/// failing records are in the [`ImportReport`].
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    /// The file could not be read.
    #[error("{file}: cannot be read ({source}); check the path and that you may read it")]
    Read {
        /// The file.
        file: String,
        /// Why.
        source: std::io::Error,
    },
    /// The file is larger than any case casegraph opens.
    #[error("{file}: is {bytes} bytes, more than the {MAX_FILE_BYTES} bytes casegraph reads; split it first")]
    TooLarge {
        /// The file.
        file: String,
        /// Its size.
        bytes: u64,
    },
    /// Not one record could be read: the file is not in the format its name says.
    #[error("{message}\n  = help: {help}")]
    NotTheFormat {
        /// The first thing wrong, with its place.
        message: String,
        /// What the format looks like.
        help: String,
    },
    /// The name says no format casegraph exchanges.
    #[error("{file}: casegraph cannot tell its format from its name; {FORMATS_HELP}")]
    UnknownFormat {
        /// The file.
        file: String,
    },
}

/// The names casegraph tells formats by, for messages.
pub const FORMATS_HELP: &str =
    "name it .case.json, .ftm (or .ijson), .vis, .gexf, .graphml, or give a folder holding entities.csv and links.csv";

/// What a path names: a case file, or a file in one of the exchange formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileFormat {
    /// A `*.case.json` file.
    Case,
    /// A file in another tool's format.
    Exchange(ExchangeFormat),
}

impl FileFormat {
    /// The format a path names, by its extension; a folder, or a name without an extension,
    /// is a pair of spreadsheets.
    pub fn of_path(path: &Path) -> Option<Self> {
        let name = path.file_name()?.to_string_lossy().to_lowercase();
        if path.is_dir() || path.as_os_str().to_string_lossy().ends_with('/') {
            return Some(Self::Exchange(ExchangeFormat::Csv));
        }
        // A name without an extension is a folder of spreadsheets, perhaps still to be made.
        let Some((_, extension)) = name.rsplit_once('.') else { return Some(Self::Exchange(ExchangeFormat::Csv)) };
        Some(match extension {
            "json" if name.ends_with(".case.json") => Self::Case,
            "ftm" | "ijson" | "jsonl" => Self::Exchange(ExchangeFormat::Ftm),
            "vis" | "json" => Self::Exchange(ExchangeFormat::AlephDiagram),
            "gexf" => Self::Exchange(ExchangeFormat::Gexf),
            // One of the two sheets stands for the folder holding both.
            "csv" => Self::Exchange(ExchangeFormat::Csv),
            "graphml" => Self::Exchange(ExchangeFormat::GraphMl),
            _ => return None,
        })
    }
}

/// The folder of spreadsheets a path names: the folder itself, or the one holding the sheet
/// named.
pub fn sheets_folder(path: &Path) -> &Path {
    let names_a_sheet = path.extension().is_some_and(|extension| extension.eq_ignore_ascii_case("csv"));
    match path.parent() {
        Some(folder) if names_a_sheet => folder,
        _ => path,
    }
}

/// The file's name without its folder, as reports and origins give it.
pub fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |name| name.to_string_lossy().into_owned())
}

/// Reads `path` in `format`.
pub fn import_file(path: &Path, format: ExchangeFormat) -> Result<Imported, ImportError> {
    let file = file_name(path);
    let read = |path: &Path| -> Result<Vec<u8>, ImportError> {
        let display = path.display().to_string();
        let size = std::fs::metadata(path).map_err(|source| ImportError::Read { file: display.clone(), source })?.len();
        if size > MAX_FILE_BYTES {
            return Err(ImportError::TooLarge { file: display, bytes: size });
        }
        std::fs::read(path).map_err(|source| ImportError::Read { file: display, source })
    };
    match format {
        ExchangeFormat::Ftm => read_ftm_stream(&read(path)?, &file),
        ExchangeFormat::AlephDiagram => read_aleph_diagram(&read(path)?, &file),
        ExchangeFormat::Gexf => read_gexf(&read(path)?, &file),
        ExchangeFormat::GraphMl => read_graphml(&read(path)?, &file),
        ExchangeFormat::Csv => read_csv_folder(sheets_folder(path)).map(|sheets| sheets.imported),
    }
}

/// Why a case cannot be written in a format.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    /// The format is read only.
    #[error("casegraph reads {} but does not write it; write .ftm for Aleph instead", .0.title())]
    ReadOnly(ExchangeFormat),
}

/// The files a case becomes in `format` at `path`, with their text: one file, or for
/// spreadsheets two in the folder `path` names (see [`sheets_folder`]).
pub fn write_case(case: &Case, format: ExchangeFormat, path: &Path) -> Result<Vec<(PathBuf, String)>, ExportError> {
    Ok(match format {
        ExchangeFormat::Ftm => vec![(path.to_owned(), case_to_ftm(case))],
        ExchangeFormat::Gexf => vec![(path.to_owned(), case_to_gexf(case))],
        ExchangeFormat::GraphMl => vec![(path.to_owned(), case_to_graphml(case))],
        ExchangeFormat::Csv => {
            let (entities, links) = case_to_csv(case);
            let folder = sheets_folder(path);
            vec![(folder.join(ENTITIES_FILE), entities), (folder.join(LINKS_FILE), links)]
        }
        ExchangeFormat::AlephDiagram => {
            return Err(ExportError::ReadOnly(format));
        }
    })
}

/// Every node's and link's claim, with its support and pin, in the case's order.
fn claims(case: &Case) -> (Vec<Claim<'_, Node>>, Vec<Claim<'_, Link>>) {
    let graph = CaseGraph::new(case);
    let support = CaseSupport::of(case, &graph);
    let nodes = case
        .nodes
        .iter()
        .enumerate()
        .map(|(index, node)| Claim {
            item: node,
            support: support.node(NodeIx::new(index)),
            pinned: case.layout.positions.get(&node.id).is_some_and(|position| position.pinned),
        })
        .collect();
    let links = case
        .links
        .iter()
        .enumerate()
        .map(|(index, link)| Claim { item: link, support: support.link(LinkIx::new(index)), pinned: false })
        .collect();
    (nodes, links)
}
