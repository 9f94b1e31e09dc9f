//! The case model: pure data, the file format, loading with located errors, validation and
//! saving. Nothing here knows about windows, painting or dialogs.

mod amount;
mod case;
mod claim_status;
mod codes;
mod decode;
mod diagnostic;
mod evidence;
mod figure_settings;
mod graph;
mod id;
mod id_table;
mod index;
mod json_path;
mod link_kind;
mod load;
mod names;
pub mod new_ids;
mod node_kind;
mod partial_date;
mod save;
pub mod spanned_json;
mod text_position;
mod validate;
pub mod vocabulary;
mod wording;

pub use amount::{Amount, DecimalError, check_decimal};
pub use case::{
    Camera, Case, CaseInfo, FORMAT_NAME, FORMAT_VERSION, Layout, Link, Node, Position, Quote, Source, View,
    check_web_address,
};
pub use claim_status::ClaimStatus;
pub use codes::{Country, CountryError, Currency, CurrencyError};
pub use decode::{Collection, FILE_OBJECTS, FileIndices, FileObject, decode_case};
pub use diagnostic::{Diagnostic, Severity, did_you_mean, edit_distance};
pub use evidence::{
    DirectoryDocuments, DocumentReadError, DocumentStore, MemoryDocuments, QuoteInContext, check_quotes_in_documents,
    documents_beside, quote_in_context,
};
pub use figure_settings::{
    FIGURE_DPI_RANGE, FIGURE_SCALE_RANGE, FIGURE_WIDTH_MM_RANGE, FIGURE_WIDTH_RANGE, FigureBackground, FigureExtent,
    FigureSettings, FigureSize, SourceNote,
};
pub use graph::{CaseGraph, ItemRef, Neighbour};
pub use id::{Id, IdError, MAX_ID_LENGTH};
pub use index::{LinkIx, NodeIx, QuoteIx, SourceIx};
pub use json_path::{JsonPath, PathRef, PathSegment};
pub use link_kind::LinkKind;
pub use load::{LoadError, LoadReport, MAX_FILE_BYTES, errors_as_read, load_case_bytes, load_case_file, locate};
pub use names::{MatchRank, NameIndex, NameMatch, fold};
pub use node_kind::NodeKind;
pub use partial_date::{DateError, PartialDate};
pub use save::{SaveError, case_to_json};
pub use text_position::{LineIndex, line_column};
pub use validate::validate;
pub use wording::{amount_text, link_caption, link_claim, link_dates};
