//! Two spreadsheets, `entities.csv` and `links.csv`: read with their headers matched by
//! meaning, in any encoding a spreadsheet program saves (a byte-order mark, UTF-16,
//! Windows-1251), with `,`, `;` or tab between fields; a row that fails is reported with its
//! line and column and the others are read. Written back with casegraph's own headers.

mod columns;
mod read;

pub use columns::{Column, entity_columns, link_columns};
pub use read::{CsvImport, SheetMapping, read_csv_folder, read_csv_sheets};

use crate::exchange::graph_attributes::{LINK_ATTRIBUTES, NODE_ATTRIBUTES};
use crate::model::{Case, CaseGraph, ItemRef, LinkIx, NodeIx, Quote};

/// The entities sheet's file name in a folder of sheets.
pub const ENTITIES_FILE: &str = "entities.csv";

/// The links sheet's file name.
pub const LINKS_FILE: &str = "links.csv";

/// The two sheets' text: `(entities.csv, links.csv)`. An item backed by several quotes has a
/// row for each further quote, holding only its id, the source and the quote.
pub fn case_to_csv(case: &Case) -> (String, String) {
    let graph = CaseGraph::new(case);
    let (nodes, links) = super::claims(case);
    let quotes = |item: ItemRef| -> Vec<&Quote> {
        graph.quotes_for(item).iter().map(|&quote| &case.quotes[quote.index()]).collect()
    };
    let entity_columns = entity_columns();
    let mut entity_rows = Vec::with_capacity(case.nodes.len());
    for (index, claim) in nodes.iter().enumerate() {
        let value = |column: Column| match column {
            Column::Id => Some(claim.item.id.to_string()),
            Column::Label => Some(claim.item.label.clone()),
            Column::Kind => Some(claim.item.kind.as_str().to_owned()),
            Column::NodeAttribute(name) => {
                NODE_ATTRIBUTES.iter().find(|a| a.name == name).and_then(|a| (a.read)(claim))
            }
            _ => None,
        };
        push_rows(&mut entity_rows, &entity_columns, value, &quotes(ItemRef::Node(NodeIx::new(index))));
    }
    let link_columns = link_columns();
    let mut link_rows = Vec::with_capacity(case.links.len());
    for (index, claim) in links.iter().enumerate() {
        let value = |column: Column| match column {
            Column::Id => Some(claim.item.id.to_string()),
            Column::From => Some(claim.item.source.to_string()),
            Column::To => Some(claim.item.target.to_string()),
            Column::Kind => Some(claim.item.kind.as_str().to_owned()),
            Column::LinkAttribute(name) => {
                LINK_ATTRIBUTES.iter().find(|a| a.name == name).and_then(|a| (a.read)(claim))
            }
            _ => None,
        };
        push_rows(&mut link_rows, &link_columns, value, &quotes(ItemRef::Link(LinkIx::new(index))));
    }
    (sheet_text(&entity_columns, &entity_rows), sheet_text(&link_columns, &link_rows))
}

/// The item's row with its first quote, then a row per further quote.
fn push_rows(
    rows: &mut Vec<Vec<String>>,
    columns: &[Column],
    value: impl Fn(Column) -> Option<String>,
    quotes: &[&Quote],
) {
    let quote_cells = |quote: Option<&&Quote>, column: Column| match (quote, column) {
        (Some(quote), Column::Source) => Some(quote.source.to_string()),
        (Some(quote), Column::Quote) => Some(quote.text.clone()),
        _ => None,
    };
    rows.push(
        columns
            .iter()
            .map(|&column| value(column).or_else(|| quote_cells(quotes.first(), column)).unwrap_or_default())
            .collect(),
    );
    for quote in quotes.iter().skip(1) {
        rows.push(
            columns
                .iter()
                .map(|&column| {
                    if column == Column::Id { value(column) } else { quote_cells(Some(quote), column) }
                        .unwrap_or_default()
                })
                .collect(),
        );
    }
}

fn sheet_text(columns: &[Column], rows: &[Vec<String>]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let written = writer
        .write_record(columns.iter().map(|column| column.header()))
        .and_then(|()| rows.iter().try_for_each(|row| writer.write_record(row)));
    let bytes = written.and_then(|()| writer.into_inner().map_err(|error| error.into_error().into()));
    // Records of strings written into memory cannot fail, and they are UTF-8.
    String::from_utf8(bytes.expect("writing CSV into memory")).expect("CSV of UTF-8 strings")
}
