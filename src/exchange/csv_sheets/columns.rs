//! The columns of the two sheets: what each holds, the header casegraph writes, and the
//! spellings it recognises in others' sheets, matched without regard to case, spaces or
//! punctuation.

use crate::exchange::graph_attributes::{LINK_ATTRIBUTES, NODE_ATTRIBUTES};

/// What a column of a sheet holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// The row's id.
    Id,
    /// An entity's name.
    Label,
    /// An entity's or link's kind.
    Kind,
    /// A link's first end: an entity's id or exact label.
    From,
    /// A link's second end.
    To,
    /// The source a quote comes from: a source's id, or its title for a new one.
    Source,
    /// A verbatim quote backing the row.
    Quote,
    /// A node attribute from the shared table (aliases, countries, dates, amount, status, …).
    NodeAttribute(&'static str),
    /// A link attribute from the shared table (role, dates, status, description).
    LinkAttribute(&'static str),
}

impl Column {
    /// The header casegraph writes for the column.
    pub fn header(self) -> &'static str {
        match self {
            Column::Id => "id",
            Column::Label => "label",
            Column::Kind => "kind",
            Column::From => "from",
            Column::To => "to",
            Column::Source => "source",
            Column::Quote => "quote",
            Column::NodeAttribute(name) | Column::LinkAttribute(name) => name,
        }
    }
}

/// Other spellings of each header, folded (lower case, letters and digits only).
const SYNONYMS: [(&str, &[&str]); 17] = [
    ("id", &["identifier", "key", "entityid", "nodeid", "linkid", "uid"]),
    ("label", &["name", "title", "caption", "fullname"]),
    ("kind", &["type", "schema", "category", "entitytype", "linktype", "relationtype"]),
    ("from", &["fromid", "subject", "sourcenode", "sourceid", "start"]),
    ("to", &["target", "toid", "object", "targetnode", "targetid", "end"]),
    ("source", &["document", "article", "publication", "reference", "sourcetitle"]),
    ("quote", &["quotation", "excerpt", "passage", "evidence", "citation"]),
    ("aliases", &["alias", "aka", "othernames", "alsoknownas"]),
    ("countries", &["country", "nationality", "jurisdiction", "nationalities"]),
    ("description", &["notes", "note", "summary", "comment", "comments", "details"]),
    (
        "start_date",
        &[
            "startdate",
            "since",
            "begin",
            "born",
            "birthdate",
            "founded",
            "incorporated",
            "incorporationdate",
            "fromdate",
            "datefrom",
        ],
    ),
    ("end_date", &["enddate", "until", "died", "deathdate", "dissolved", "dissolutiondate", "todate", "dateto"]),
    ("date", &["when", "transactiondate", "paymentdate"]),
    ("amount", &["value", "sum", "money"]),
    ("currency", &["ccy", "currencycode"]),
    ("status", &["state", "claimstatus"]),
    ("role", &["relationship", "relation", "linklabel", "position"]),
];

/// A header folded for matching: lower case, letters and digits only.
fn fold(header: &str) -> String {
    header
        .trim_start_matches('\u{feff}')
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// Whether `header` spells the column named `name`.
fn spells(header: &str, name: &str) -> bool {
    let folded = fold(header);
    folded == fold(name) || SYNONYMS.iter().any(|(known, others)| *known == name && others.contains(&folded.as_str()))
}

/// The columns of the entities sheet, in the order casegraph writes them.
pub fn entity_columns() -> Vec<Column> {
    let attributes = NODE_ATTRIBUTES
        .iter()
        .filter(|attribute| attribute.write.is_some())
        .map(|attribute| Column::NodeAttribute(attribute.name));
    [Column::Id, Column::Label, Column::Kind]
        .into_iter()
        .chain(attributes)
        .chain([Column::Source, Column::Quote])
        .collect()
}

/// The columns of the links sheet, in the order casegraph writes them.
pub fn link_columns() -> Vec<Column> {
    let attributes = LINK_ATTRIBUTES
        .iter()
        .filter(|attribute| attribute.write.is_some())
        .map(|attribute| Column::LinkAttribute(attribute.name));
    [Column::Id, Column::From, Column::To, Column::Kind]
        .into_iter()
        .chain(attributes)
        .chain([Column::Source, Column::Quote])
        .collect()
}

/// What each header of a sheet holds, among `columns`; `None` for a header casegraph does not
/// read. Each column is taken by its first header only. In a links sheet without a `from`
/// column, `source` and `target` are the two ends (as in Gephi's edge tables).
pub fn match_headers(headers: &[String], columns: &[Column]) -> Vec<Option<Column>> {
    let has_from = headers.iter().any(|header| spells(header, "from"));
    let mut taken: Vec<Column> = Vec::new();
    headers
        .iter()
        .map(|header| {
            let links_sheet = columns.contains(&Column::From);
            let found = if links_sheet && !has_from && fold(header) == "source" {
                Some(Column::From)
            } else {
                columns.iter().copied().find(|column| spells(header, column.header()))
            };
            let found = found.filter(|column| !taken.contains(column));
            taken.extend(found);
            found
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| (*name).to_owned()).collect()
    }

    #[test]
    fn common_spellings_of_headers_are_recognised() {
        let matched =
            match_headers(&headers(&["\u{feff}Name", "TYPE", "Start Date", "Country", "colour"]), &entity_columns());
        assert_eq!(
            matched,
            [
                Some(Column::Label),
                Some(Column::Kind),
                Some(Column::NodeAttribute("start_date")),
                Some(Column::NodeAttribute("countries")),
                None
            ]
        );
    }

    #[test]
    fn source_is_an_end_only_in_a_sheet_without_from() {
        let gephi = match_headers(&headers(&["Source", "Target", "Type"]), &link_columns());
        assert_eq!(gephi, [Some(Column::From), Some(Column::To), Some(Column::Kind)]);
        let ours = match_headers(&headers(&["From", "To", "Source", "Quote"]), &link_columns());
        assert_eq!(ours, [Some(Column::From), Some(Column::To), Some(Column::Source), Some(Column::Quote)]);
    }

    #[test]
    fn a_column_is_taken_by_its_first_header_only() {
        let matched = match_headers(&headers(&["name", "label"]), &entity_columns());
        assert_eq!(matched, [Some(Column::Label), None]);
    }
}
