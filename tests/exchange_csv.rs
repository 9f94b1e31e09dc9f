//! Spreadsheets: a case written as entities.csv and links.csv reads back with the same facts
//! and quotes; sheets as spreadsheet programs save them (a byte-order mark, `;`, quoted line
//! breaks, Windows-1251, UTF-16) read, and a failing row is reported by line and column while
//! the others are read.

use std::collections::BTreeSet;

use casegraph::exchange::{Column, CsvImport, case_to_csv, read_csv_sheets};
use casegraph::model::{Case, ExchangeFormat, LinkKind, NodeKind, errors_as_read};
use casegraph::sample::load_sample;

fn read(entities: &[u8], links: Option<&[u8]>) -> CsvImport {
    read_csv_sheets(entities, links, "sheets").expect("the sheets read")
}

/// Each quote as (source, words, what it backs).
fn quotes(case: &Case) -> BTreeSet<(String, String, BTreeSet<String>)> {
    let backs = |supports: &[casegraph::model::Id]| supports.iter().map(ToString::to_string).collect();
    case.quotes.iter().map(|quote| (quote.source.to_string(), quote.text.clone(), backs(&quote.supports))).collect()
}

#[test]
fn a_case_through_the_two_sheets_keeps_its_facts_and_quotes() {
    let case = load_sample().case.expect("the sample");
    let (entities, links) = case_to_csv(&case);
    let CsvImport { imported, sheets } = read(entities.as_bytes(), Some(links.as_bytes()));
    let back = imported.case;
    for (node, read) in case.nodes.iter().zip(&back.nodes) {
        let mut expected = node.clone();
        expected.origin = read.origin.clone();
        assert_eq!(read, &expected);
        assert_eq!(read.origin.as_ref().map(|origin| origin.format), Some(ExchangeFormat::Csv));
    }
    assert_eq!(back.nodes.len(), case.nodes.len());
    for (link, read) in case.links.iter().zip(&back.links) {
        let mut expected = link.clone();
        expected.origin = read.origin.clone();
        assert_eq!(read, &expected);
    }
    assert_eq!(back.links.len(), case.links.len());
    assert_eq!(quotes(&back), quotes(&case));
    assert!(imported.report.problems.is_empty(), "{:?}", imported.report.problems);
    assert!(
        sheets.iter().all(|sheet| sheet.headers.iter().all(|(_, column)| column.is_some())),
        "every header casegraph writes is read"
    );
    assert!(errors_as_read(&back).is_empty(), "{:?}", errors_as_read(&back));
}

#[test]
fn a_european_excel_sheet_with_a_bom_semicolons_and_a_quoted_line_break_reads() {
    let entities = "\u{feff}Name;Type;Country;Notes\r\nKim Su Il;Person;KP;\"Trade representative,\r\nsecond line\"\r\nArdis-Bearings;company;ru;\r\n";
    let links =
        "Source;Target;Type;Quote;Document\r\nKim Su Il;Ardis-Bearings;ownership;Kim owns Ardis.;Reuters 2018\r\n";
    let CsvImport { imported, sheets } = read(entities.as_bytes(), Some(links.as_bytes()));
    let case = imported.case;
    let kim = case.nodes.iter().find(|node| node.label == "Kim Su Il").expect("Kim");
    assert_eq!((kim.kind, kim.countries[0].as_str()), (NodeKind::Person, "kp"));
    assert_eq!(kim.description.as_deref(), Some("Trade representative,\nsecond line"));
    assert_eq!(case.links.len(), 1);
    assert_eq!((case.links[0].kind, case.links[0].source.as_str()), (LinkKind::Ownership, kim.id.as_str()));
    assert_eq!(case.quotes.len(), 1);
    assert_eq!(case.sources[0].title, "Reuters 2018");
    assert_eq!(sheets[0].separator, ';');
    let link_headers: Vec<Option<Column>> = sheets[1].headers.iter().map(|(_, column)| *column).collect();
    assert_eq!(
        link_headers,
        [Some(Column::From), Some(Column::To), Some(Column::Kind), Some(Column::Quote), Some(Column::Source)]
    );
}

#[test]
fn sheets_in_windows_1251_and_utf_16_read() {
    let text = "name,kind,country\nМичурин,person,ru\n";
    let (cyrillic, _, _) = encoding_rs::WINDOWS_1251.encode(text);
    let case = read(&cyrillic, None).imported.case;
    assert_eq!(case.nodes[0].label, "Мичурин");
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    let CsvImport { imported, sheets } = read(&utf16, None);
    assert_eq!(imported.case.nodes[0].label, "Мичурин");
    assert!(sheets[0].encoding.contains("UTF-16LE"), "{}", sheets[0].encoding);
}

#[test]
fn a_failing_row_is_reported_by_line_and_column_and_the_others_read() {
    let entities =
        "id,label,kind,start_date\na1,Alpha,person,2017-13-01\nb2,Beta,vessel,\nc3,Gamma,company,2009\n,,,\n";
    let links = "from,to,kind\nAlpha,Gamma,ownership\nGamma,Nobody,control\nc3,c3,flies\n";
    let CsvImport { imported, .. } = read(entities.as_bytes(), Some(links.as_bytes()));
    let labels: Vec<&str> = imported.case.nodes.iter().map(|node| node.label.as_str()).collect();
    assert_eq!(labels, ["Gamma"]);
    let problems = imported.report.problems.join("\n");
    assert!(
        problems.contains("sheets:entities.csv:2: column 4 (start_date): \"2017-13-01\" has month 13"),
        "{problems}"
    );
    assert!(problems.contains("sheets:entities.csv:3: column 3 (kind): \"vessel\" is not a kind"), "{problems}");
    assert!(problems.contains("sheets:entities.csv:5: the row has neither an id nor a name"), "{problems}");
    assert!(problems.contains("sheets:links.csv:2: `Alpha` names no imported node"), "{problems}");
    assert!(problems.contains("sheets:links.csv:3: `Nobody` names no imported node"), "{problems}");
    assert!(problems.contains("sheets:links.csv:4: column 3 (kind): \"flies\" is not a link kind"), "{problems}");
}

#[test]
fn a_sheet_without_a_name_or_id_column_is_refused_whole() {
    let error = read_csv_sheets(b"colour,size\nred,3\n", None, "sheets").expect_err("no names");
    assert!(error.to_string().contains("sheets/entities.csv: no column holds a name or an id"), "{error}");
}

#[test]
fn either_sheet_s_name_stands_for_the_folder_of_both() {
    use casegraph::exchange::{FileFormat, import_file, sheets_folder, write_case};
    let folder = tempfile::tempdir().expect("a temporary folder");
    let sheet = folder.path().join("links.csv");
    assert_eq!(FileFormat::of_path(&sheet), Some(FileFormat::Exchange(ExchangeFormat::Csv)));
    assert_eq!(sheets_folder(&sheet), folder.path());
    let case = load_sample().case.expect("the sample");
    for (path, text) in write_case(&case, ExchangeFormat::Csv, &sheet).expect("written") {
        assert_eq!(path.parent(), Some(folder.path()));
        std::fs::write(path, text).expect("saved");
    }
    let read = import_file(&folder.path().join("entities.csv"), ExchangeFormat::Csv).expect("reads");
    assert_eq!((read.case.nodes.len(), read.case.links.len()), (case.nodes.len(), case.links.len()));
}
