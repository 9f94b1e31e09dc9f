//! A long, time-bounded fuzz run of the source readers: web pages, PDFs and text in several
//! encodings, damaged as files get damaged, must never make `add-source` panic; each is read
//! or refused with a reason. Run with
//! `CASEGRAPH_FUZZ_SECONDS=30 cargo test --test fuzz_sources -- --ignored --nocapture`.

#[path = "common/mutate.rs"]
mod mutate;
#[path = "common/pdf.rs"]
mod pdf;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

use casegraph::ingest::{SourceFileKind, extract_bytes};
use casegraph::seeded_random::SplitMix64;

/// Bits of HTML, PDF and text encodings that a mutation may drop in.
const TOKENS: [&str; 16] = [
    "<",
    ">",
    "</p>",
    "<p>",
    "<script>",
    "<meta charset=\"euc-kr\">",
    "&amp;",
    "%PDF-1.5",
    "obj",
    "endobj",
    "stream",
    "<<",
    ">>",
    "\u{feff}",
    "\u{0}",
    "\u{c}",
];

/// The files damaged: a news page, a page with no article, the sample texts, PDFs of text, a
/// scan and a locked one, and text in Windows-1251, EUC-KR and UTF-16.
fn corpus() -> Vec<(SourceFileKind, Vec<u8>)> {
    let read = |path: &str| std::fs::read(path).expect("a corpus file");
    let lines = |page: usize| (1..=12).map(|line| format!("Page {page}, line {line}: Ardis-Bearings sold.")).collect();
    let text_pdf = pdf::text_pdf(&[lines(1), lines(2), lines(3)]);
    let russian = "Игорь Мичурин, владелец компании «Ардис-Подшипник», познакомился с дипломатом.";
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(russian.encode_utf16().flat_map(u16::to_le_bytes));
    vec![
        (SourceFileKind::WebPage, read("tests/fixtures/sources/news-page.html")),
        (SourceFileKind::WebPage, read("tests/fixtures/sources/no-article.html")),
        (SourceFileKind::PlainText, read("sample_cases/sources/reuters-2018-06-06-kim-jong-un-art-of-the-deal.txt")),
        (SourceFileKind::PlainText, encoding_rs::WINDOWS_1251.encode(russian).0.into_owned()),
        (
            SourceFileKind::PlainText,
            encoding_rs::EUC_KR.encode("북한 기업들이 러시아에서 번창하고 있다.").0.into_owned(),
        ),
        (SourceFileKind::PlainText, utf16),
        (SourceFileKind::Pdf, pdf::encrypted_pdf(&text_pdf, "secret")),
        (SourceFileKind::Pdf, pdf::scanned_pdf(2)),
        (SourceFileKind::Pdf, text_pdf),
    ]
}

#[test]
#[ignore = "a long run; CI runs it with a time limit"]
fn damaged_documents_never_panic_the_readers() {
    let seconds: u64 = std::env::var("CASEGRAPH_FUZZ_SECONDS").ok().and_then(|s| s.parse().ok()).unwrap_or(20);
    let corpus = corpus();
    let bytes_only: Vec<Vec<u8>> = corpus.iter().map(|(_, bytes)| bytes.clone()).collect();
    let mut random = SplitMix64::new(20_080_404);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let (mut executions, mut read, mut crashes) = (0_u64, 0_u64, Vec::new());
    // Panics are caught and counted; keep their messages out of the output.
    std::panic::set_hook(Box::new(|_| {}));
    while Instant::now() < deadline {
        let (kind, input) = &corpus[random.below(corpus.len())];
        let damaged = mutate::mutate(input, &bytes_only, &TOKENS, &mut random);
        match catch_unwind(AssertUnwindSafe(|| extract_bytes(*kind, &damaged))) {
            Ok(Ok(_)) => read += 1,
            Ok(Err(_refused)) => {}
            Err(_) if crashes.len() < 5 => crashes.push((*kind, damaged)),
            Err(_) => {}
        }
        executions += 1;
    }
    drop(std::panic::take_hook());
    println!("source fuzz: {executions} executions in {seconds} s, {read} read, {} crashes", crashes.len());
    for (index, (kind, crash)) in crashes.iter().enumerate() {
        let path = std::env::temp_dir().join(format!("casegraph-source-crash-{index}"));
        match std::fs::write(&path, crash) {
            Ok(()) => println!("  crashing {kind:?} written to {}", path.display()),
            Err(error) => println!("  crashing input not written to {}: {error}", path.display()),
        }
    }
    assert!(crashes.is_empty(), "a reader panicked on {} inputs", crashes.len());
}
