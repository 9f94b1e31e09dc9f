//! The sample's story exported as the command line writes it: a PDF of a page per step that a
//! PDF reader finds every caption and cited quote in, one HTML page that asks nothing of the
//! network, and a numbered file per step; every format the same bytes on every run.

use std::path::{Path, PathBuf};
use std::process::Command;

use casegraph::model::{Case, CaseGraph, caption_plain, load_case_file};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/sample_cases/north-korea-business-russia.case.json");

fn sample() -> Case {
    load_case_file(Path::new(SAMPLE)).into_result().expect("the sample opens").0
}

/// Runs `casegraph export SAMPLE --story -o OUTPUT` with `extra` options; returns what it
/// wrote to standard output.
fn export_story(output: &Path, extra: &[&str]) -> String {
    let result = Command::new(env!("CARGO_BIN_EXE_casegraph"))
        .args(["export", SAMPLE, "--story", "-o"])
        .arg(output)
        .args(extra)
        .output()
        .expect("casegraph runs");
    assert!(result.status.success(), "export failed: {}", String::from_utf8_lossy(&result.stderr));
    String::from_utf8(result.stdout).expect("UTF-8")
}

/// Text with every run of white space made one space, as a PDF reader's lines come out.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The quotes each step cites, by text.
fn cited_texts(case: &Case) -> Vec<Vec<String>> {
    let graph = CaseGraph::new(case);
    case.story
        .steps
        .iter()
        .map(|step| step.cited_quotes(case, &graph).into_iter().map(|quote| case.quotes[quote].text.clone()).collect())
        .collect()
}

#[test]
fn the_sample_tells_a_story_of_six_to_ten_steps_each_citing_quotes_from_both_articles() {
    let case = sample();
    let steps = &case.story.steps;
    assert!((6..=10).contains(&steps.len()), "{} steps", steps.len());
    for (step, cited) in steps.iter().zip(cited_texts(&case)) {
        assert!(!cited.is_empty(), "step {:?} cites nothing", step.title);
        assert!(step.caption.is_some(), "step {:?} has no caption", step.title);
    }
    let graph = CaseGraph::new(&case);
    let sources: Vec<&str> = steps
        .iter()
        .flat_map(|step| step.cited_quotes(&case, &graph))
        .map(|quote| case.quotes[quote].source.as_str())
        .collect();
    assert!(sources.contains(&"s-reuters-2018") && sources.contains(&"s-donga-2008"));
}

#[test]
fn the_pdf_has_a_page_per_step_and_a_reader_finds_every_caption_and_cited_quote() {
    let case = sample();
    let folder = tempfile::tempdir().expect("a folder");
    let pdf = folder.path().join("story.pdf");
    export_story(&pdf, &[]);
    let pages = lopdf::Document::load(&pdf).expect("lopdf reads the PDF").get_pages().len();
    assert_eq!(pages, case.story.steps.len());
    // In the order the page draws its text, so a caption's lines are not split by labels
    // that happen to lie beside them.
    let text = Command::new("pdftotext")
        .arg("-raw")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) runs; CI installs it");
    assert!(text.status.success(), "pdftotext failed");
    let text = one_line(&String::from_utf8_lossy(&text.stdout));
    for (step, cited) in case.story.steps.iter().zip(cited_texts(&case)) {
        assert!(text.contains(&one_line(&step.title)), "no title {:?}", step.title);
        let caption = caption_plain(step.caption.as_deref().expect("a caption"));
        assert!(text.contains(&one_line(&caption)), "the PDF lacks the caption {caption:?}");
        for quote in cited {
            assert!(text.contains(&one_line(&quote)), "the PDF lacks the quote {quote:?}");
        }
    }
    let again = folder.path().join("again.pdf");
    export_story(&again, &[]);
    assert!(std::fs::read(&pdf).expect("read") == std::fs::read(&again).expect("read"), "two runs differ");
}

/// Every address the page would load by itself: `src`, `href` other than a link's, `url(…)`,
/// `@import`, and script-made requests.
fn outside_requests(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let lower = html.to_ascii_lowercase();
    for needle in [" src=", "<link", "@import", "url(http", "url(//", "fetch(", "xmlhttprequest", "<iframe", "<img"] {
        if lower.contains(needle) {
            found.push(needle.to_owned());
        }
    }
    for (at, _) in lower.match_indices(" href=") {
        let tag_start = lower[..at].rfind('<').expect("an attribute is in a tag");
        if !lower[tag_start..].starts_with("<a ") {
            found.push(lower[tag_start..at].to_owned());
        }
    }
    found
}

#[test]
fn the_html_page_holds_every_step_asks_nothing_of_the_network_and_stays_small() {
    let case = sample();
    let folder = tempfile::tempdir().expect("a folder");
    let path = folder.path().join("story.html");
    export_story(&path, &[]);
    let html = std::fs::read_to_string(&path).expect("UTF-8 HTML");
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.len() < 2_000_000, "{} bytes", html.len());
    assert_eq!(outside_requests(&html), Vec::<String>::new());
    assert_eq!(html.matches("<section class=\"step\"").count(), case.story.steps.len());
    assert_eq!(html.matches("<svg ").count(), case.story.steps.len(), "a figure per step");
    let ids: Vec<&str> = html
        .match_indices(" id=\"")
        .map(|(at, _)| &html[at + 5..][..html[at + 5..].find('"').expect("closed")])
        .collect();
    let mut unique = ids.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), ids.len(), "an id appears twice on the page");
    for (step, cited) in case.story.steps.iter().zip(cited_texts(&case)) {
        assert!(html.contains(&format!("<h2>{}</h2>", step.title.replace('&', "&amp;"))));
        for quote in cited {
            let escaped = quote.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
            assert!(html.contains(&escaped), "the page lacks the quote {quote:?}");
        }
    }
    let again = folder.path().join("again.html");
    export_story(&again, &[]);
    assert!(std::fs::read(&path).expect("read") == std::fs::read(&again).expect("read"), "two runs differ");
}

#[test]
fn a_folder_gets_a_numbered_file_per_step_in_story_order() {
    let case = sample();
    let folder = tempfile::tempdir().expect("a folder");
    for (format, signature) in [("svg", b"<svg".as_slice()), ("png", b"\x89PNG".as_slice())] {
        let target: PathBuf = folder.path().join(format);
        let printed = export_story(&target, &["--step-format", format]);
        let mut names: Vec<String> = std::fs::read_dir(&target)
            .expect("the folder was made")
            .map(|entry| entry.expect("an entry").file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        assert_eq!(names.len(), case.story.steps.len(), "{printed}");
        assert!(names[0].starts_with("01-michurin-meets-lee."), "{names:?}");
        for name in &names {
            assert!(name.ends_with(&format!(".{format}")));
            let bytes = std::fs::read(target.join(name)).expect("read");
            assert!(bytes.starts_with(signature), "{name} is not {format}");
        }
    }
}

#[test]
fn a_case_without_a_story_or_a_story_named_wrongly_is_refused_with_what_to_do() {
    let folder = tempfile::tempdir().expect("a folder");
    let run = |case: &str, output: &str| {
        Command::new(env!("CARGO_BIN_EXE_casegraph"))
            .args(["export", case, "--story", "-o"])
            .arg(folder.path().join(output))
            .output()
            .expect("casegraph runs")
    };
    let minimal = concat!(env!("CARGO_MANIFEST_DIR"), "/sample_cases/minimal.case.json");
    let refused = run(minimal, "story.pdf");
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("tells no story yet"));
    let refused = run(SAMPLE, "story.docx");
    assert!(String::from_utf8_lossy(&refused.stderr).contains("STORY.pdf, STORY.html or into a folder"));
}
