//! `casegraph new` and `casegraph add-source` as a reporter runs them: every kind of document
//! in, the article and nothing else kept, and bad files refused with the case left as it was.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[path = "common/pdf.rs"]
mod pdf;

const NEWS_PAGE: &str = "tests/fixtures/sources/news-page.html";
const REUTERS_TEXT: &str = "sample_cases/sources/reuters-2018-06-06-kim-jong-un-art-of-the-deal.txt";

fn casegraph(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_casegraph")).args(args).output().expect("run casegraph")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A new case in a temporary folder: the folder, and the case file's path.
fn new_case() -> (tempfile::TempDir, PathBuf) {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let case = folder.path().join("bearings.case.json");
    let output = casegraph(&["new", "Bearings for the embassy", "-o", path_text(&case)]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(folder.path().join("sources").is_dir());
    (folder, case)
}

fn path_text(path: &Path) -> &str {
    path.to_str().expect("a UTF-8 path")
}

fn add_source(case: &Path, file: &Path, options: &[&str]) -> Output {
    let mut args = vec!["add-source", path_text(case), path_text(file)];
    args.extend_from_slice(options);
    casegraph(&args)
}

fn case_json(case: &Path) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(case).expect("the case")).expect("JSON")
}

fn stored_text(case: &Path, source: usize) -> String {
    let json = case_json(case);
    let document = json["sources"][source]["document"].as_str().expect("a document");
    std::fs::read_to_string(case.parent().expect("a folder").join(document)).expect("the stored text")
}

fn files_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .expect("a folder")
        .map(|entry| entry.expect("an entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn a_news_page_gives_its_article_and_metadata_and_none_of_the_page_furniture() {
    let (folder, case) = new_case();
    let output = add_source(&case, Path::new(NEWS_PAGE), &[]);
    let printed = text(&output.stdout);
    assert!(output.status.success(), "{}", text(&output.stderr));
    for expected in [
        "title:     Kim Jong Un's art of the deal - make friends for spare parts (from the file)",
        "publisher: Reuters (from the file)",
        "date:      2018-06-06 (from the file)",
        "authors:   Polina Nikolskaya",
        "address:   https://www.reuters.com/article/us-northkorea-russia-business-insight-idUSKCN1J20KS",
        "read as:   web page",
        "encoding:  UTF-8",
    ] {
        assert!(printed.contains(expected), "{expected:?} not in:\n{printed}");
    }
    let stored = stored_text(&case, 0);
    let page = std::fs::read_to_string(NEWS_PAGE).expect("the page");
    let paragraphs: Vec<&str> =
        page.lines().filter_map(|line| line.strip_prefix("      <p>")?.strip_suffix("</p>")).collect();
    assert_eq!(paragraphs.len(), 10, "the fixture's article paragraphs");
    for paragraph in &paragraphs {
        assert!(stored.contains(paragraph), "missing paragraph: {paragraph}");
    }
    let furniture = [
        "cookies",
        "Accept all",
        "Subscribe",
        "Markets",
        "Share on",
        "Email this",
        "Read more",
        "soybean",
        "Related stories",
        "Singapore talks",
        "Copyright",
        "Privacy",
        "REUTERS/Tatyana",
        "By Polina",
        "10:05 AM",
        "analytics",
    ];
    for word in furniture {
        assert!(!stored.contains(word), "page furniture {word:?} kept:\n{stored}");
    }
    assert_eq!(stored.matches("\n\n").count(), paragraphs.len() - 1, "one paragraph a line:\n{stored}");
    let json = case_json(&case);
    assert_eq!(json["version"], 2, "a source with an original needs version 2");
    let original = json["sources"][0]["original"].as_str().expect("the original kept");
    assert_eq!(std::fs::read(folder.path().join(original)).expect("the original"), page.as_bytes());
    assert!(casegraph(&["check", path_text(&case)]).status.success());
}

#[test]
fn options_replace_what_the_file_says_and_say_so() {
    let (_folder, case) = new_case();
    let options = ["--publisher", "Thomson Reuters", "--date", "2018-06", "--author", "A. One", "--author", "B. Two"];
    let output = add_source(&case, Path::new(NEWS_PAGE), &options);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let printed = text(&output.stdout);
    assert!(printed.contains("publisher: Thomson Reuters (given)"), "{printed}");
    assert!(printed.contains("date:      2018-06 (given)"), "{printed}");
    let source = &case_json(&case)["sources"][0];
    assert_eq!(source["authors"], serde_json::json!(["A. One", "B. Two"]));
    assert_eq!(source["id"], "s-thomson-reuters-2018");
}

#[test]
fn plain_utf8_text_is_stored_once_and_its_quotes_verify() {
    let (folder, case) = new_case();
    let output = add_source(&case, Path::new(REUTERS_TEXT), &["--publisher", "Reuters"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    let printed = text(&output.stdout);
    assert!(printed.contains("title:     Kim Jong Un's art of the deal - make friends for spare parts"), "{printed}");
    assert_eq!(files_in(&folder.path().join("sources")).len(), 1, "a UTF-8 text is its own original");
    assert_eq!(stored_text(&case, 0), std::fs::read_to_string(REUTERS_TEXT).expect("the text"));
    assert_eq!(case_json(&case)["version"], 1, "nothing in the case needs version 2");
    add_quote(&case, "s-reuters", "Michurin does not deny doing business with North Korea");
    let check = casegraph(&["check", "--deny-warnings", path_text(&case)]);
    assert!(check.status.success(), "{}", text(&check.stdout));
}

/// Adds a node backed by one quote from `source`, editing the file as an analyst would.
fn add_quote(case: &Path, source_prefix: &str, passage: &str) {
    let mut json = case_json(case);
    let source = json["sources"][0]["id"].as_str().expect("an id").to_owned();
    assert!(source.starts_with(source_prefix), "{source}");
    json["nodes"] = serde_json::json!([{"id": "p-igor-michurin", "kind": "person", "label": "Igor Michurin"}]);
    json["quotes"] =
        serde_json::json!([{"id": "q-1", "source": source, "text": passage, "supports": ["p-igor-michurin"]}]);
    std::fs::write(case, serde_json::to_string_pretty(&json).expect("JSON")).expect("written");
}

#[test]
fn a_pdf_is_read_page_by_page_and_quotes_on_any_page_verify() {
    let (folder, case) = new_case();
    let pages: Vec<Vec<String>> = (1..=3)
        .map(|page| (1..=20).map(|line| format!("Page {page}, line {line}: the registry extract continues.")).collect())
        .collect();
    let file = folder.path().join("registry-extract.pdf");
    std::fs::write(&file, pdf::text_pdf(&pages)).expect("written");
    let output = add_source(&case, &file, &["--publisher", "Unified State Register", "--title", "Extract"]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert!(text(&output.stdout).contains("pages:     3"), "{}", text(&output.stdout));
    let stored = stored_text(&case, 0);
    assert_eq!(stored.matches('\u{c}').count(), 2, "a form feed between pages");
    let second_page = stored.split('\u{c}').nth(1).expect("page 2");
    assert!(second_page.contains("Page 2, line 7: the registry extract continues."), "{second_page}");
    assert!(!second_page.contains("Page 1,") && !second_page.contains("Page 3,"));
    add_quote(&case, "s-unified-state-register", "Page 3, line 20: the registry extract continues.");
    let check = casegraph(&["check", "--deny-warnings", path_text(&case)]);
    assert!(check.status.success(), "{}", text(&check.stdout));
}

#[test]
fn text_in_other_encodings_is_converted_and_the_encoding_named() {
    let russian =
        "Игорь Мичурин, владелец компании «Ардис-Подшипник», познакомился с северокорейским дипломатом в Москве.";
    let korean =
        "북한 기업들이 러시아에서 번창하고 있다. 대사관은 노동자들에게서 매달 돈을 걷는다고 한 탈북자가 말했다.";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(russian.encode_utf16().flat_map(u16::to_le_bytes));
    let cases = [
        ("cp1251.txt", encoding_rs::WINDOWS_1251.encode(russian).0.into_owned(), russian, "windows-1251"),
        ("euc-kr.txt", encoding_rs::EUC_KR.encode(korean).0.into_owned(), korean, "EUC-KR (guessed"),
        ("utf16.txt", utf16, russian, "UTF-16LE (from its byte-order mark)"),
    ];
    for (name, bytes, expected, encoding) in cases {
        let (folder, case) = new_case();
        let file = folder.path().join(name);
        std::fs::write(&file, &bytes).expect("written");
        let output = add_source(&case, &file, &["--publisher", "Test"]);
        assert!(output.status.success(), "{name}: {}", text(&output.stderr));
        assert!(text(&output.stdout).contains(&format!("encoding:  {encoding}")), "{name}: {}", text(&output.stdout));
        assert_eq!(stored_text(&case, 0).trim_end(), expected, "{name}");
        let original = case_json(&case)["sources"][0]["original"].as_str().expect("the original kept").to_owned();
        assert!(original.ends_with(".original.txt"), "{original}");
        assert_eq!(std::fs::read(folder.path().join(original)).expect("the original"), bytes, "{name}");
    }
}

#[test]
fn pasted_text_comes_from_standard_input() {
    use std::io::Write as _;
    let (_folder, case) = new_case();
    let mut child = Command::new(env!("CARGO_BIN_EXE_casegraph"))
        .args(["add-source", path_text(&case), "-", "--publisher", "Dong-A Ilbo", "--title", "Pasted"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("run casegraph");
    let passage = "Mos Film Street, southwest of Moscow, Russia, Wednesday afternoon.\n";
    child.stdin.take().expect("stdin").write_all(passage.as_bytes()).expect("written");
    let output = child.wait_with_output().expect("finished");
    assert!(output.status.success());
    assert!(text(&output.stdout).contains("read as:   pasted text"), "{}", text(&output.stdout));
    assert_eq!(stored_text(&case, 0), passage);
    assert!(case_json(&case)["sources"][0].get("original").is_none());
}

/// Each bad file: its message, and a case and `sources/` folder left exactly as they were.
#[test]
fn bad_files_are_refused_with_a_reason_and_change_nothing() {
    let (folder, case) = new_case();
    let big = "All work and no play makes a long filing. ".repeat(1_300_000);
    let text_pdf = pdf::text_pdf(&[vec!["Confidential".to_owned()]]);
    let bad: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty.txt", Vec::new(), "the file is empty"),
        ("blank.md", b" \n\n\t \n".to_vec(), "no text, only white space"),
        ("photo.txt", (0..=255_u8).cycle().take(10_000).collect(), "binary data"),
        ("photo.jpg", vec![0xFF, 0xD8, 0xFF, 0xE0], "does not read .jpg files"),
        ("huge.txt", big.into_bytes(), "casegraph reads sources of up to 16 MiB"),
        ("landing.html", std::fs::read("tests/fixtures/sources/no-article.html").expect("fixture"), "no article text"),
        ("scan.pdf", pdf::scanned_pdf(2), "no text layer: it is a scan"),
        ("locked.pdf", pdf::encrypted_pdf(&text_pdf, "secret"), "encrypted and needs a password"),
        ("broken.pdf", b"%PDF-1.5\nthis is not really a PDF".to_vec(), "this PDF cannot be read"),
    ];
    let case_before = std::fs::read(&case).expect("the case");
    for (name, bytes, message) in bad {
        let file = folder.path().join(name);
        std::fs::write(&file, &bytes).expect("written");
        let output = add_source(&case, &file, &["--publisher", "Test"]);
        let stderr = text(&output.stderr);
        assert!(!output.status.success(), "{name} was accepted");
        assert!(stderr.contains(name) && stderr.contains(message), "{name}: {stderr}");
        assert!(stderr.contains("help:"), "{name}: no advice in {stderr}");
        assert_eq!(std::fs::read(&case).expect("the case"), case_before, "{name} changed the case");
        assert!(files_in(&folder.path().join("sources")).is_empty(), "{name} left files behind");
    }
    let gone = add_source(&case, &folder.path().join("vanished.txt"), &["--publisher", "Test"]);
    assert!(text(&gone.stderr).contains("vanished.txt: cannot read the file"), "{}", text(&gone.stderr));
    let no_publisher = add_source(&case, Path::new(REUTERS_TEXT), &[]);
    assert!(text(&no_publisher.stderr).contains("--publisher"), "{}", text(&no_publisher.stderr));
    assert_eq!(std::fs::read(&case).expect("the case"), case_before);
}

#[test]
fn a_name_already_in_sources_gets_a_number_and_the_old_file_is_kept() {
    let (folder, case) = new_case();
    let sources = folder.path().join("sources");
    let taken = sources.join("reuters-2018-06-06-kim-jong-un-s-art-of-the-deal-make.txt");
    std::fs::write(&taken, "the analyst's own notes").expect("written");
    let output = add_source(&case, Path::new(NEWS_PAGE), &[]);
    assert!(output.status.success(), "{}", text(&output.stderr));
    assert_eq!(std::fs::read_to_string(&taken).expect("kept"), "the analyst's own notes");
    let source = &case_json(&case)["sources"][0];
    assert_eq!(source["document"], "sources/reuters-2018-06-06-kim-jong-un-s-art-of-the-deal-make-2.txt");
    assert_eq!(source["original"], "sources/reuters-2018-06-06-kim-jong-un-s-art-of-the-deal-make-2.html");
    let again = add_source(&case, Path::new(NEWS_PAGE), &[]);
    assert!(again.status.success());
    let json = case_json(&case);
    assert_eq!(json["sources"][1]["id"], "s-reuters-2018-2", "ids are never reused");
    assert_eq!(json["sources"][1]["document"], "sources/reuters-2018-06-06-kim-jong-un-s-art-of-the-deal-make-3.txt");
}

#[test]
fn a_new_case_is_refused_over_an_existing_file_or_without_a_title() {
    let (_folder, case) = new_case();
    let before = std::fs::read(&case).expect("the case");
    let output = casegraph(&["new", "Another", "-o", path_text(&case)]);
    assert!(!output.status.success());
    assert!(text(&output.stderr).contains("already exists"), "{}", text(&output.stderr));
    assert_eq!(std::fs::read(&case).expect("the case"), before);
    let blank = casegraph(&["new", "  ", "-o", "never-written.case.json"]);
    assert!(text(&blank.stderr).contains("needs a title"), "{}", text(&blank.stderr));
    assert!(!Path::new("never-written.case.json").exists());
}
