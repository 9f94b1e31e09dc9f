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
mod grades;
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
mod origin;
mod partial_date;
mod passage;
mod review;
mod save;
mod scene;
pub mod spanned_json;
mod story;
mod support;
mod text_position;
mod timeline;
mod validate;
pub mod vocabulary;
mod wording;

pub use amount::{Amount, DecimalError, check_decimal};
pub use case::{
    Camera, Case, CaseInfo, FORMAT_NAME, FORMAT_VERSION, Layout, Link, Node, Position, Quote, Review, Source, View,
    check_web_address,
};
pub use claim_status::ClaimStatus;
pub use codes::{Country, CountryError, Currency, CurrencyError};
pub use decode::{Collection, FILE_OBJECTS, FileIndices, FileObject, decode_case};
pub use diagnostic::{Diagnostic, Severity, did_you_mean, edit_distance};
pub use evidence::{
    DirectoryDocuments, DocumentReadError, DocumentStore, MemoryDocuments, QuoteFinder, QuoteInContext,
    QuoteVerification, check_quotes_in_documents, documents_beside, quote_in_context, verify_quotes,
};
pub use figure_settings::{
    FIGURE_DPI_RANGE, FIGURE_SCALE_RANGE, FIGURE_WIDTH_MM_RANGE, FIGURE_WIDTH_RANGE, FigureBackground, FigureExtent,
    FigureSettings, FigureSize, SourceNote,
};
pub use grades::{Credibility, Reliability, Stance};
pub use graph::{CaseGraph, ItemRef, Neighbour};
pub use id::{Id, IdError, MAX_ID_LENGTH};
pub use index::{LinkIx, NodeIx, QuoteIx, ReviewIx, SourceIx, StepIx};
pub use json_path::{JsonPath, PathRef, PathSegment};
pub use link_kind::{LinkEndsProblem, LinkKind};
pub use load::{LoadError, LoadReport, MAX_FILE_BYTES, errors_as_read, load_case_bytes, load_case_file, locate};
pub use names::{MatchRank, NameIndex, NameMatch, fold};
pub use node_kind::NodeKind;
pub use origin::{ExchangeFormat, Origin};
pub use partial_date::{DateError, DaySpan, PartialDate, date_of_day, day_number};
pub use passage::{PAGE_BREAK, Passage, byte_at_char};
pub use review::{ClaimReview, Ledger, Mark, Risk};
pub use save::{SaveError, case_to_json};
pub use scene::{OutsidePeriod, Presence, Scene, SceneRules};
pub use story::{CaptionRun, Emphasis, Period, Reference, Story, StoryStep, caption_plain, caption_runs};
pub use support::{CaseSupport, Support, claim_fingerprint, is_fingerprint};
pub use text_position::{LineIndex, line_column};
pub use timeline::{Timeline, TimelineEntry, link_span, node_span};
pub use validate::validate;
pub use wording::{amount_text, claim_sentence, counted, link_caption, link_claim, link_dates};
