//! Where an imported item came from: the exchange format, the file and the item's id there.
//! An item with an origin and no quote is a claim still to be backed.

use serde::Serialize;

use super::vocabulary::vocabulary;

vocabulary! {
    /// A format casegraph exchanges cases with.
    pub enum ExchangeFormat ("exchange format") {
        /// A FollowTheMoney entity stream, one JSON entity a line (Aleph, OpenSanctions).
        Ftm = "ftm",
        /// An Aleph network diagram (`.vis`, or the FtM diagram JSON), positions included.
        AlephDiagram = "aleph-diagram",
        /// Gephi's GEXF 1.3.
        Gexf = "gexf",
        /// GraphML, as networkx, yEd and Gephi write it.
        GraphMl = "graphml",
        /// Two spreadsheets: `entities.csv` and `links.csv`.
        Csv = "csv",
    }
}

/// Where an imported node, link or source came from. Since format version 5.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Origin {
    /// The format it was read from.
    pub format: ExchangeFormat,
    /// The file's name, without its folder.
    pub file: String,
    /// The item's id in that file, which may differ from its id in the case (FtM ids with
    /// characters the case's ids do not allow, a spreadsheet row without an id).
    #[serde(rename = "ref")]
    pub reference: String,
}

impl ExchangeFormat {
    /// The format's name for people, in reports and menus.
    pub fn title(self) -> &'static str {
        match self {
            ExchangeFormat::Ftm => "FollowTheMoney entities",
            ExchangeFormat::AlephDiagram => "an Aleph network diagram",
            ExchangeFormat::Gexf => "GEXF",
            ExchangeFormat::GraphMl => "GraphML",
            ExchangeFormat::Csv => "spreadsheets (CSV)",
        }
    }
}
