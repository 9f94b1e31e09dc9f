//! Reading the two sheets: each decoded and split, its headers matched, and each row made
//! into a node or a link on its own, so that a failing row is reported and the others read.

use std::path::Path;

use super::columns::{Column, entity_columns, link_columns, match_headers};
use super::{ENTITIES_FILE, LINKS_FILE};
use crate::exchange::ImportError;
use crate::exchange::builder::{CaseBuilder, Imported};
use crate::exchange::graph_attributes::{
    Attribute, LINK_ATTRIBUTES, NODE_ATTRIBUTES, check_transaction_only, link_kind_named, node_kind_named,
};
use crate::ingest::decode_text;
use crate::model::{ExchangeFormat, Id, Link, LinkKind, Node, NodeKind};

/// How one sheet was read, for the preview: each header and the column it fills.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetMapping {
    /// The sheet's file name.
    pub file: String,
    /// Each header, in order, with the column it was matched to (`None`: not imported).
    pub headers: Vec<(String, Option<Column>)>,
    /// How many rows it has, beside the header.
    pub rows: usize,
    /// The encoding it was read in, and how that was known.
    pub encoding: String,
    /// The character between fields.
    pub separator: char,
}

/// Both sheets read: the case they make, with the report, and how each sheet was mapped.
#[derive(Clone, Debug, PartialEq)]
pub struct CsvImport {
    /// The case and the report; a failing row is a problem naming its line and column.
    pub imported: Imported,
    /// How each sheet was read: entities, then links when there is a links sheet.
    pub sheets: Vec<SheetMapping>,
}

/// One sheet split into rows.
struct Sheet {
    mapping: SheetMapping,
    /// Each row's line in the file and its fields.
    rows: Vec<(u64, Vec<String>)>,
}

impl Sheet {
    /// The field of `row` in `column`, trimmed, if the sheet has that column and it is filled,
    /// with its column number (from 1).
    fn cell<'r>(&self, row: &'r [String], column: Column) -> Option<(&'r str, usize)> {
        let index = self.mapping.headers.iter().position(|(_, matched)| *matched == Some(column))?;
        let text = row.get(index)?.trim();
        (!text.is_empty()).then_some((text, index + 1))
    }
}

/// Reads a folder holding `entities.csv` and, if there is one, `links.csv`.
pub fn read_csv_folder(folder: &Path) -> Result<CsvImport, ImportError> {
    let read = |name: &str| {
        let path = folder.join(name);
        std::fs::read(&path).map_err(|source| ImportError::Read { file: path.display().to_string(), source })
    };
    let entities = read(ENTITIES_FILE)?;
    let links = if folder.join(LINKS_FILE).exists() { Some(read(LINKS_FILE)?) } else { None };
    read_csv_sheets(&entities, links.as_deref(), &crate::exchange::file_name(folder))
}

/// Reads the two sheets' bytes; `folder` names them in the report.
pub fn read_csv_sheets(entities: &[u8], links: Option<&[u8]>, folder: &str) -> Result<CsvImport, ImportError> {
    let mut builder = CaseBuilder::new(ExchangeFormat::Csv, folder);
    let entity_sheet = split_sheet(entities, ENTITIES_FILE, &entity_columns(), &mut builder)?;
    if !entity_sheet.mapping.headers.iter().any(|(_, column)| matches!(column, Some(Column::Id | Column::Label))) {
        return Err(ImportError::NotTheFormat {
            message: format!("{folder}/{ENTITIES_FILE}: no column holds a name or an id"),
            help: "give the entities sheet a header row with `id` or `label` (or `Name`)".to_owned(),
        });
    }
    let link_sheet = links.map(|bytes| split_sheet(bytes, LINKS_FILE, &link_columns(), &mut builder)).transpose()?;
    let mut quotes = Vec::new();
    for (line, row) in &entity_sheet.rows {
        entity_row(&mut builder, &entity_sheet, *line, row, &mut quotes);
    }
    if let Some(sheet) = &link_sheet {
        for (line, row) in &sheet.rows {
            link_row(&mut builder, sheet, *line, row, &mut quotes);
        }
    }
    add_quotes(&mut builder, quotes);
    let sheets = std::iter::once(entity_sheet.mapping).chain(link_sheet.map(|sheet| sheet.mapping)).collect();
    Ok(CsvImport { imported: builder.finish(), sheets })
}

/// The character between fields: whichever of `,`, `;` and tab the header row has most of.
fn separator_of(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or_default();
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|&separator| header.bytes().filter(|&byte| byte == separator).count())
        .unwrap_or(b',')
}

fn split_sheet(bytes: &[u8], file: &str, columns: &[Column], builder: &mut CaseBuilder) -> Result<Sheet, ImportError> {
    let refused = |message: String| ImportError::NotTheFormat {
        message: format!("{file}: {message}"),
        help: "save the sheet as CSV text".to_owned(),
    };
    let (text, encoding) = decode_text(bytes, None).map_err(|error| refused(error.to_string()))?;
    let separator = separator_of(&text);
    let mut reader = csv::ReaderBuilder::new().delimiter(separator).flexible(true).from_reader(text.as_bytes());
    let headers: Vec<String> =
        reader.headers().map_err(|error| refused(error.to_string()))?.iter().map(str::to_owned).collect();
    let matched = match_headers(&headers, columns);
    for (header, column) in headers.iter().zip(&matched) {
        if column.is_none() {
            builder.report().not_imported(format!("{file} column \"{header}\""), 1);
        }
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        match record {
            Ok(record) => rows
                .push((record.position().map_or(0, csv::Position::line), record.iter().map(str::to_owned).collect())),
            Err(error) => {
                let line = error.position().map_or(0, csv::Position::line);
                builder.report().problem(format!("{file}:{line}"), format!("{error}; the row was skipped"));
            }
        }
    }
    let mapping = SheetMapping {
        file: file.to_owned(),
        headers: headers.into_iter().zip(matched).collect(),
        rows: rows.len(),
        encoding: encoding.describe(),
        separator: char::from(separator),
    };
    Ok(Sheet { mapping, rows })
}

/// A quote a row gives: where, from which source, its words, and what it backs.
struct QuoteRow {
    place: String,
    source: Option<String>,
    text: String,
    supports: Id,
}

/// Applies the attribute columns of `row` to `item`; the first failing cell is returned as
/// the row's problem.
fn apply_cells<T>(sheet: &Sheet, row: &[String], item: &mut T, attributes: &[Attribute<T>]) -> Result<(), String> {
    for (column, (header, matched)) in sheet.mapping.headers.iter().enumerate() {
        let Some(Column::NodeAttribute(name) | Column::LinkAttribute(name)) = matched else { continue };
        let Some(text) = row.get(column).map(|text| text.trim()).filter(|text| !text.is_empty()) else { continue };
        if let Some(write) =
            attributes.iter().find(|attribute| attribute.name == *name).and_then(|attribute| attribute.write)
        {
            write(item, text).map_err(|error| format!("column {} ({header}): {error}", column + 1))?;
        }
    }
    Ok(())
}

/// Notes the row's quote, if it has one.
fn quote_of(sheet: &Sheet, row: &[String], place: &str, supports: &Id, quotes: &mut Vec<QuoteRow>) {
    if let Some((text, _)) = sheet.cell(row, Column::Quote) {
        let source = sheet.cell(row, Column::Source).map(|(source, _)| source.to_owned());
        quotes.push(QuoteRow { place: place.to_owned(), source, text: text.to_owned(), supports: supports.clone() });
    }
}

/// Whether the row's id was read before: then a row holding only a quote gives that item
/// another quote, and any other row is reported as repeating the id.
fn seen_before(
    builder: &mut CaseBuilder,
    sheet: &Sheet,
    row: &[String],
    id: Option<&str>,
    place: &str,
    quotes: &mut Vec<QuoteRow>,
) -> bool {
    let Some((id, existing)) = id.and_then(|id| Some((id, builder.resolve(id)?.clone()))) else { return false };
    if is_quote_row(sheet, row) {
        quote_of(sheet, row, place, &existing, quotes);
    } else {
        builder.is_repeated(id, place);
    }
    true
}

/// A row that holds nothing but an id, a source and a quote.
fn is_quote_row(sheet: &Sheet, row: &[String]) -> bool {
    let filled = row.iter().enumerate().filter(|(_, text)| !text.trim().is_empty());
    filled.into_iter().all(|(index, _)| {
        matches!(sheet.mapping.headers.get(index), Some((_, Some(Column::Id | Column::Source | Column::Quote))))
    })
}

fn entity_row(builder: &mut CaseBuilder, sheet: &Sheet, line: u64, row: &[String], quotes: &mut Vec<QuoteRow>) {
    let place = format!("{ENTITIES_FILE}:{line}");
    let id = sheet.cell(row, Column::Id).map(|(id, _)| id);
    if seen_before(builder, sheet, row, id, &place, quotes) {
        return;
    }
    let Some((label, _)) = sheet.cell(row, Column::Label).or(id.map(|id| (id, 0))) else {
        builder.report().problem(&place, "the row has neither an id nor a name; it was not imported");
        return;
    };
    let kind = match sheet.cell(row, Column::Kind) {
        None => NodeKind::Organization,
        Some((text, column)) => match node_kind_named(text) {
            Some(kind) => kind,
            None => {
                let kinds = NodeKind::ALL.map(NodeKind::as_str).join(", ");
                builder.report().problem(
                    &place,
                    format!("column {column} (kind): {text:?} is not a kind ({kinds}); the row was not imported"),
                );
                return;
            }
        },
    };
    let mut node = Node::new(Id::unchecked(""), kind, label.to_owned());
    if let Err(problem) =
        apply_cells(sheet, row, &mut node, &NODE_ATTRIBUTES).and_then(|()| check_transaction_only(&node))
    {
        builder.report().problem(&place, format!("{problem}; the row was not imported"));
        return;
    }
    builder.report().mapped(format!("{ENTITIES_FILE} row → {} node", kind.as_str()));
    let made = builder.add_node_with(id.unwrap_or(label), node).id.clone();
    builder.also_known_as(label, &made);
    quote_of(sheet, row, &place, &made, quotes);
}

fn link_row(builder: &mut CaseBuilder, sheet: &Sheet, line: u64, row: &[String], quotes: &mut Vec<QuoteRow>) {
    let place = format!("{LINKS_FILE}:{line}");
    let id = sheet.cell(row, Column::Id).map(|(id, _)| id);
    if seen_before(builder, sheet, row, id, &place, quotes) {
        return;
    }
    let (Some((from, _)), Some((to, _))) = (sheet.cell(row, Column::From), sheet.cell(row, Column::To)) else {
        builder.report().problem(&place, "a link needs both `from` and `to`; the row was not imported");
        return;
    };
    let kind = match sheet.cell(row, Column::Kind) {
        None => LinkKind::Unknown,
        Some((text, column)) => match link_kind_named(text) {
            Some(kind) => kind,
            None => {
                let kinds = LinkKind::ALL.map(LinkKind::as_str).join(", ");
                builder.report().problem(
                    &place,
                    format!("column {column} (kind): {text:?} is not a link kind ({kinds}); the row was not imported"),
                );
                return;
            }
        },
    };
    let mut read = Link::new(Id::unchecked(""), kind, Id::unchecked(""), Id::unchecked(""));
    if let Err(problem) = apply_cells(sheet, row, &mut read, &LINK_ATTRIBUTES) {
        builder.report().problem(&place, format!("{problem}; the row was not imported"));
        return;
    }
    let reference = id.map_or_else(|| format!("{from} {} {to}", kind.as_str()), str::to_owned);
    let Some(link) = builder.add_link(&reference, kind, (from, to), &place) else { return };
    link.role = read.role.or(link.role.take());
    (link.date, link.start_date, link.end_date, link.status, link.description) =
        (read.date, read.start_date, read.end_date, read.status, read.description);
    let made = link.id.clone();
    builder.report().mapped(format!("{LINKS_FILE} row → {} link", kind.as_str()));
    quote_of(sheet, row, &place, &made, quotes);
}

/// The rows' quotes, one quote for each source and wording, backing every row that gives it.
fn add_quotes(builder: &mut CaseBuilder, rows: Vec<QuoteRow>) {
    let mut made: Vec<(String, String, Id)> = Vec::new();
    for row in rows {
        let Some(source_name) = row.source else {
            builder
                .report()
                .problem(&row.place, "a quote needs its source in the `source` column; the quote was not imported");
            continue;
        };
        if let Some((_, _, quote)) = made.iter().find(|(source, text, _)| *source == source_name && *text == row.text) {
            let quote = quote.clone();
            builder.support(&quote, row.supports);
            continue;
        }
        let source = match builder.source(&source_name) {
            Some(id) => id.clone(),
            None => builder.add_source(&source_name, "not given".to_owned(), source_name.clone()).id.clone(),
        };
        let reference = format!("{source_name} {}", row.text);
        let quote = builder.add_quote(&reference, source, row.text.clone(), vec![row.supports]).id.clone();
        builder.report().mapped("quote column → quote");
        made.push((source_name, row.text, quote));
    }
}
